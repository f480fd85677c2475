// Scenes in the app: the File menu's open and save dialogs (a path field, since no native file
// dialog library is available), recent scenes, lesson presets, and applying a loaded scene to the
// state and the live network. Requests from the menus are carried out in ProcessSceneRequests,
// outside the drawing code.
#pragma once

#include "core/scene.h"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace actlab::ui {

struct UiRuntime;

inline constexpr std::size_t kMaxRecentScenes = 8;

enum class SceneDialog { None, Open, Save };

// One embedded lesson preset as the menus list it.
struct LessonEntry {
    std::string title;
    bool network = false; // the lesson opens the mini network (the network view lists these)
};

struct SceneFiles {
    std::string last_path;           // the scene last opened or saved
    std::string title;               // the title of the scene last opened (kept when saving)
    std::vector<std::string> recent; // most recent first, up to kMaxRecentScenes (settings.json)
    SceneDialog requested_dialog = SceneDialog::None; // menu or Ctrl+O / Ctrl+S: open this dialog
    SceneDialog dialog = SceneDialog::None;           // the dialog being shown
    std::array<char, 1024> path_field{};
    std::string dialog_error;                              // shown in the dialog; the state is untouched
    bool confirm_overwrite = false;                        // the save dialog asks before replacing a file
    std::optional<std::string> load_request, save_request; // carried out at the next frame
    std::optional<std::size_t> preset_request;             // an index into EmbeddedPresets()
    std::vector<LessonEntry> lessons;                      // read from the presets on first use
};

// Every embedded preset, in EmbeddedPresets() order: the one list both lesson menus show.
const std::vector<LessonEntry>& LessonEntries(SceneFiles& files);

// Puts `path` first in `recent`, without duplicates, keeping at most kMaxRecentScenes.
void AddRecentScene(std::vector<std::string>& recent, const std::string& path);

// The path a dialog starts with: the last scene's, else ~/actlab-lesson.json.
std::string DefaultScenePath(const SceneFiles& files);

// The lesson as it stands: the state and, when built and matching, the trained network.
Scene CurrentScene(const AppState& state, const UiRuntime& runtime);

// Replaces the state with the scene's and has the network session take its trained weights (or
// start from fresh ones). `keep_display` keeps the theme, scale and screen mode (for presets).
void ApplyScene(Scene scene, AppState& state, UiRuntime& runtime, bool keep_display);

// Loads, saves or applies a preset as the menus and dialogs asked during the previous frame.
void ProcessSceneRequests(AppState& state, UiRuntime& runtime);

// The File menu's scene entries (inside BeginMenu("File")), and the "Lesson presets" menu.
void DrawSceneFileMenuItems(const AppState& state, UiRuntime& runtime);
void DrawLessonPresetsMenu(UiRuntime& runtime);

// The open and save dialogs (modal popups), drawn every frame at the top level.
void DrawSceneDialogs(const AppState& state, UiRuntime& runtime);

} // namespace actlab::ui
