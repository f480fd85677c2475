// Settings that persist between runs (theme, scale, selected functions, parameters, view, window
// size) in $XDG_CONFIG_HOME/actlab/settings.json (default ~/.config/actlab/). Saves are atomic.
#pragma once

#include "core/app_state.h"

#include <filesystem>
#include <string>
#include <vector>

namespace actlab::app {

struct WindowGeometry {
    int width = 1600;
    int height = 1000;
};

// $XDG_CONFIG_HOME/actlab, or $HOME/.config/actlab; empty when neither is set.
std::filesystem::path ConfigDirectory();

struct LoadResult {
    bool found = false;                     // a settings file existed
    std::string error;                      // it could not be read at all (state untouched)
    std::vector<std::string> warnings;      // fields that were skipped
    bool view_given = false;                // the file had a view (otherwise fit one to the functions)
    std::vector<std::string> recent_scenes; // File > Recent scenes, most recent first
    std::vector<std::string> recent_decks;  // File > Recent decks, most recent first
};

// Reads `path` into `state` and `window`. A corrupt file leaves both untouched and says why.
LoadResult LoadSettings(const std::filesystem::path& path, AppState& state, WindowGeometry& window);

// Writes through WriteFileAtomically (core/file_io.h), creating the directory if needed: the previous
// file survives any failure. Returns "" or what went wrong.
std::string SaveSettings(const std::filesystem::path& path, const AppState& state,
                         const WindowGeometry& window, const std::vector<std::string>& recent_scenes = {},
                         const std::vector<std::string>& recent_decks = {});

} // namespace actlab::app
