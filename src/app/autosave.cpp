// Saving the session's settings and lesson (see autosave.h).
#include "app/autosave.h"

#include "core/file_io.h"
#include "core/scene.h"
#include "ui/scene_files.h"

#include <iostream>
#include <utility>

namespace actlab::app {

SessionFiles SessionFilesIn(const std::filesystem::path& config_dir) {
    if (config_dir.empty()) return {};
    return {config_dir / "settings.json", config_dir / "session.json"};
}

void SaveSessionFiles(const SessionFiles& files, const AppState& state, const WindowGeometry& window,
                      const ui::UiRuntime& runtime) {
    if (files.settings.empty()) return;
    if (const std::string error =
            SaveSettings(files.settings, state, window, runtime.scenes.recent, runtime.deck.recent);
        !error.empty()) {
        std::cerr << "actlab: settings not saved: " << error << '\n';
    }
    // The trained network too, so the next start continues the lesson where it stopped.
    Scene lesson = ui::CurrentScene(state, runtime);
    lesson.title = runtime.scenes.title;
    if (const std::string error = WriteFileAtomically(files.lesson.string(), SceneToJson(lesson));
        !error.empty()) {
        std::cerr << "actlab: session not saved: " << error << '\n';
    }
}

bool Autosaver::Tick(double now, const AppState& state, const WindowGeometry& window,
                     const ui::UiRuntime& runtime) {
    if (files_.settings.empty()) return false;
    if (!next_) next_ = now + interval_;
    if (now < *next_) return false;
    next_ = now + interval_;
    Snapshot current{state,
                     window.width,
                     window.height,
                     runtime.scenes.recent,
                     runtime.deck.recent,
                     runtime.scenes.title,
                     runtime.session.network.network_version()};
    if (saved_ && *saved_ == current) return false;
    SaveSessionFiles(files_, state, window, runtime);
    saved_ = std::move(current);
    ++saves_;
    return true;
}

} // namespace actlab::app
