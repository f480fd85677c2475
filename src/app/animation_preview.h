// The Export animation dialog's live preview: the first frame of the animation the dialog's choices
// describe, drawn as the export draws it, shrunk to the room the dialog gives it and shown as a
// texture; drawn again whenever the choices or the figure change.
#pragma once

#include "app/figure_png.h"
#include "core/app_state.h"
#include "render/gl_resources.h"
#include "ui/animation_preview_watch.h"
#include "ui/ui_runtime.h"

#include <memory>
#include <optional>
#include <string>

namespace actlab::app {

class PlatformWindow;

// `rgba` (width × height, straight alpha) shrunk to fit inside max_width × max_height, each output
// pixel the alpha-weighted mean of the input pixels it covers; never enlarged.
RenderedImage ShrinkToFit(const RenderedImage& image, int max_width, int max_height);

class AnimationPreviewer {
public:
    // Between frames, while the dialog is open and idle: draws the first frame again when what it
    // shows has changed (and stayed so for a moment, so that typing a number draws once).
    void Update(AppState& state, ui::UiRuntime& runtime, PlatformWindow& platform);
    // Frees the texture and renderer (before the window's OpenGL context goes).
    void Release();

private:
    std::string Draw(AppState& state, ui::UiRuntime& runtime, PlatformWindow& platform, RenderedImage& image);

    ui::AnimationPreviewWatch watch_; // whether what the texture shows is still what the dialog asks for
    std::optional<Texture> texture_;
    std::unique_ptr<FigureRenderer> renderer_; // kept while the figure's size and scale stay
    int renderer_width_ = 0, renderer_height_ = 0;
    float renderer_scale_ = 0.0f;
};

} // namespace actlab::app
