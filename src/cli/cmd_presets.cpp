// `actlab presets [--save-dir DIR]`: the lesson presets built into the binary, by the name that
// `--scene preset:NAME` takes, with their titles; or each written out as a scene file to edit.
#include "cli/commands.h"
#include "core/file_io.h"
#include "core/lesson_presets.h"
#include "core/scene.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>

namespace actlab::cli {

namespace {

int RunPresets(const std::string& save_dir) {
    // Titles start in one column, two spaces after the longest name.
    std::size_t name_width = 0;
    for (const EmbeddedPreset& preset : EmbeddedPresets()) name_width = std::max(name_width, preset.name.size());
    for (const EmbeddedPreset& preset : EmbeddedPresets()) {
        const SceneParseResult parsed = ParseScene(preset.text, preset.name);
        if (!save_dir.empty()) {
            const std::string path = (std::filesystem::path(save_dir) / (std::string(preset.name) + ".json")).string();
            if (const std::string error = WriteFileAtomically(path, preset.text); !error.empty()) {
                std::cerr << "actlab: " << error << '\n';
                return kExitEnvironment;
            }
        }
        std::cout << preset.name << std::string(name_width - preset.name.size() + 2, ' ') << parsed.scene.title << '\n';
    }
    return kExitOk;
}

}  // namespace

void AddPresetsCommand(CLI::App& app, CommandRunner& run) {
    auto save_dir = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand("presets", "List the lesson presets (open one with actlab --scene preset:NAME)");
    cmd->add_option("--save-dir", *save_dir, "Also write each preset as a scene file into DIR")->type_name("DIR");
    cmd->callback([&run, save_dir] { run = [save_dir] { return RunPresets(*save_dir); }; });
}

}  // namespace actlab::cli
