// Nothing lost to a crash: the settings (settings.json) and the current lesson as a scene
// (session.json, with the trained network) are written at exit and, while they change, every
// kDefaultAutosaveSeconds during the session, through the atomic save paths.
#pragma once

#include "app/settings_store.h"
#include "core/app_state.h"
#include "ui/ui_runtime.h"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace actlab::app {

inline constexpr double kDefaultAutosaveSeconds = 30.0;

// Where a session's state is kept: both in the config directory ($XDG_CONFIG_HOME/actlab).
struct SessionFiles {
    std::filesystem::path settings; // settings.json: theme, scale, functions, panels, the lesson's choices
    std::filesystem::path lesson;   // session.json: the current lesson as a scene, trained weights included
};

// The files in `config_dir`; empty paths when there is no config directory.
SessionFiles SessionFilesIn(const std::filesystem::path& config_dir);

// Writes both files; a failure is one line on stderr (the previous file survives it).
void SaveSessionFiles(const SessionFiles& files, const AppState& state, const WindowGeometry& window,
                      const ui::UiRuntime& runtime);

// Saves the session's files every `interval_seconds` while what they hold changes: the state, the
// window size, the recent scenes, the lesson's title or the network's weights.
class Autosaver {
public:
    Autosaver(SessionFiles files, double interval_seconds)
        : files_(std::move(files)), interval_(interval_seconds) {}

    // Once per frame with the current time in seconds; true when it wrote the files.
    bool Tick(double now, const AppState& state, const WindowGeometry& window, const ui::UiRuntime& runtime);

    std::size_t saves() const { return saves_; }

private:
    struct Snapshot {
        AppState state;
        int width = 0, height = 0;
        std::vector<std::string> recent;
        std::vector<std::string> recent_decks;
        std::string title;
        std::size_t network_version = 0;
        bool operator==(const Snapshot&) const = default;
    };

    SessionFiles files_;
    double interval_;
    std::optional<double> next_;    // when the next check is due
    std::optional<Snapshot> saved_; // what the files hold (nothing: not written by this session yet)
    std::size_t saves_ = 0;
};

} // namespace actlab::app
