// Animations of the window or its network panel without a display: the window's own drawing
// (every panel, GPU heatmaps) in headless Dear ImGui frames rendered by the OpenGL3 backend into an
// offscreen framebuffer of the EGL context current on this thread; the parameter swept or the
// network trained between frames.
#pragma once

#include "app/animation_export.h"
#include "core/scene.h"
#include "ui/export_ui.h"

namespace actlab::app {

struct UiAnimation {
    // What each frame shows: the window or its network panel, drawn offscreen as the window draws it.
    ui::ExportTarget target = ui::ExportTarget::Window;
    std::size_t train_steps = 0; // 0: a sweep (job.sweep)
};

// `scene` is the one given (or the default state); its network starts from its weights. The job's figure
// gives the functions, their parameters, the size, scale and theme. Returns "" or the reason; `size` receives
// the frames' size.
std::string ExportUiAnimation(Scene scene, const AnimationJob& job, const UiAnimation& animation,
                              const std::function<bool(long long)>& progress, std::string& warning,
                              AnimationSize& size);

} // namespace actlab::app
