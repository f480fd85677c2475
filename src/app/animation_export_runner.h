// Carries out File → Export animation… between the window's frames: a few frames drawn offscreen and
// encoded each UI frame (so the window stays responsive and shows progress), Cancel honoured between
// frames, the file written atomically at the end and its path shown in the export toast.
#pragma once

#include "app/animation_export.h"
#include "core/app_state.h"
#include "ui/ui_runtime.h"

#include <memory>

namespace actlab::app {

class PlatformWindow;

// The job the dialog's request describes: its figure drawn as the still export draws the target (at
// the export dialog's scale and colours). "" or why it cannot be made.
std::string MakeAnimationJob(const ui::AnimationExportRequest& request, const AppState& state,
                             const ui::UiRuntime& runtime, AnimationJob& job);
// The still export that draws each frame of `request`'s window or network target.
ui::ExportRequest StillOf(const ui::AnimationExportRequest& request, const ui::UiRuntime& runtime);

class AnimationExportRunner {
public:
    // Starts a pending request, advances a running export by what fits in about 30 ms, finishes it.
    void Update(AppState& state, ui::UiRuntime& runtime, PlatformWindow& platform);
    // Drops an export under way, writing nothing (the window is closing; its OpenGL context goes next).
    void Abandon() {
        run_.reset();
        figure_.reset();
    }

private:
    std::string Start(const ui::AnimationExportRequest& request, AppState& state, ui::UiRuntime& runtime,
                      PlatformWindow& platform);
    void End(AppState& state, ui::UiRuntime& runtime, const std::string& message, bool error);

    AnimationJob job_;
    ui::AnimationExportRequest request_;
    std::unique_ptr<FigureRenderer> figure_;
    std::unique_ptr<AnimationExport> run_;
    ParamValues saved_params_{}; // the swept function's parameters before the export
    bool saved_playing_ = false;
    int saved_steps_per_frame_ = 1;
    std::size_t trained_ = 0;
};

} // namespace actlab::app
