// actlab_settings_save_loop [--count N] [--seconds S]: a test helper, not part of ActLab. Saves
// settings.json in the config directory over and over through the same SaveSettings as the window,
// alternating two versions, so that cli_settings_kill_test can kill a real save at any moment.
#include "app/settings_store.h"

#include <chrono>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

namespace {

double NowSeconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

} // namespace

int main(int argc, char** argv) {
    long long count = 0;   // saves to make; 0: until killed or out of time
    double seconds = 60.0; // a bound, so that a loop whose test died does not run on
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string_view flag = argv[i];
        if (flag == "--count") {
            count = std::stoll(argv[i + 1]);
        } else if (flag == "--seconds") {
            seconds = std::stod(argv[i + 1]);
        } else {
            std::cerr << "usage: actlab_settings_save_loop [--count N] [--seconds S]\n";
            return 2;
        }
    }
    const std::filesystem::path dir = actlab::app::ConfigDirectory();
    if (dir.empty()) {
        std::cerr << "no config directory (set XDG_CONFIG_HOME or HOME)\n";
        return 1;
    }
    // Version 0 is the default state; version 1 differs throughout and is several times larger, so a
    // kill lands inside a write often.
    const actlab::AppState first = actlab::DefaultAppState();
    actlab::AppState second = first;
    second.display.theme = actlab::Theme::Light;
    second.display.ui_scale = 2.0f;
    second.plots.selected = {actlab::ActivationId::Gelu, actlab::ActivationId::Elu,
                             actlab::ActivationId::Swish};
    second.panels.network = true;
    std::vector<std::string> recent;
    for (int i = 0; i < 8; ++i)
        recent.push_back("/lectures/week " + std::to_string(i) + "/" + std::string(300, 'x') + ".json");
    const actlab::app::WindowGeometry window;
    const std::filesystem::path path = dir / "settings.json";
    const double deadline = NowSeconds() + seconds;
    for (long long i = 0; count == 0 || i < count; ++i) {
        const bool odd = i % 2 == 1;
        const std::string error = actlab::app::SaveSettings(path, odd ? second : first, window,
                                                            odd ? recent : std::vector<std::string>{});
        if (!error.empty()) {
            std::cerr << error << '\n';
            return 1;
        }
        if (NowSeconds() > deadline) break;
    }
    return 0;
}
