// `actlab save-settings-loop [--count N] [--seconds S]`, hidden from --help: saves settings.json in
// the config directory over and over, alternating two versions, so that a test can kill a real save
// at an arbitrary moment and check that the file is always one complete version.
#include "cli/bench_report.h"
#include "cli/commands.h"
#include "app/settings_store.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace actlab::cli {

namespace {

struct SaveLoopOptions {
    long long count = 0;   // saves to make; 0: until killed or out of time
    double seconds = 60.0; // a bound, so that a loop whose test died does not run on
};

int RunSaveLoop(const SaveLoopOptions& options) {
    const std::filesystem::path dir = app::ConfigDirectory();
    if (dir.empty()) {
        std::cerr << "actlab: no config directory (set XDG_CONFIG_HOME or HOME)\n";
        return kExitEnvironment;
    }
    // Version 0 is the default state; version 1 differs throughout and is several times larger, so a
    // kill lands inside a write often.
    const AppState first = DefaultAppState();
    AppState second = first;
    second.display.theme = Theme::Light;
    second.display.ui_scale = 2.0f;
    second.plots.selected = {ActivationId::Gelu, ActivationId::Elu, ActivationId::Swish};
    second.panels.network = true;
    std::vector<std::string> recent;
    recent.reserve(8);
    for (int i = 0; i < 8; ++i) recent.push_back("/lectures/week " + std::to_string(i) + "/" + std::string(300, 'x') + ".json");
    const app::WindowGeometry window;
    const std::filesystem::path path = dir / "settings.json";
    const double deadline = bench::NowSeconds() + options.seconds;
    for (long long i = 0; options.count == 0 || i < options.count; ++i) {
        const bool odd = i % 2 == 1;
        if (const std::string error = app::SaveSettings(path, odd ? second : first, window, odd ? recent : std::vector<std::string>{});
            !error.empty()) {
            std::cerr << "actlab: " << error << '\n';
            return kExitEnvironment;
        }
        if (bench::NowSeconds() > deadline) break;
    }
    return kExitOk;
}

}  // namespace

void AddSaveSettingsLoopCommand(CLI::App& app, CommandRunner& run) {
    auto options = std::make_shared<SaveLoopOptions>();
    auto* cmd = app.add_subcommand("save-settings-loop", "Save settings.json repeatedly (for the kill-mid-save test)");
    cmd->group("");  // not a user command
    cmd->add_option("--count", options->count, "Saves to make (default: until killed)")->check(CLI::Range(0LL, 1000000000LL));
    cmd->add_option("--seconds", options->seconds, "Stop after this long")->check(CLI::Range(0.0, 600.0));
    cmd->callback([&run, options] { run = [options] { return RunSaveLoop(*options); }; });
}

}  // namespace actlab::cli
