// A figure as a PNG without any display: an EGL surfaceless OpenGL context, a headless Dear ImGui
// frame drawing the figure through ImGuiCanvas (the window's own drawing path), rendered by ImGui's
// OpenGL3 backend into a multisampled offscreen framebuffer. Here, not in src/render, because it
// needs the ImGui fonts and canvas of src/ui and an ImGui backend (backends live in src/app).
#pragma once

#include "render/figure.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace actlab::app {

struct RenderedImage {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgba; // straight alpha, top row first
    std::string error;              // set when OpenGL could not be used: the environment's fault
    std::string warning;            // e.g. the font is missing
};

// Headless: makes an EGL surfaceless context, then draws as below.
RenderedImage RenderFigurePixels(const FigureSpec& spec);

// Draws into an offscreen framebuffer of the OpenGL context already current on this thread (the
// window's, in the app). A Dear ImGui context of its own draws the figure; the caller's ImGui
// context, framebuffer bindings and viewport are as they were afterwards.
RenderedImage RenderFigureInCurrentContext(const FigureSpec& spec);

// Many figures of one pixel size and scale in a row (the frames of an animation): the ImGui context,
// fonts, OpenGL3 renderer and framebuffer made once, in the OpenGL context current on this thread
// (which must stay current while this lives). The caller's ImGui context is current again between
// calls.
class FigureRenderer {
public:
    // Null with the reason in `error` when the framebuffer or the renderer cannot be made.
    static std::unique_ptr<FigureRenderer> Create(int width, int height, float scale, std::string& error);
    ~FigureRenderer();
    FigureRenderer(const FigureRenderer&) = delete;
    FigureRenderer& operator=(const FigureRenderer&) = delete;

    // `spec` must have the size and scale given to Create; `storage` is reused for the pixels.
    RenderedImage Render(const FigureSpec& spec, std::vector<std::uint8_t> storage = {});
    const std::string& warning() const { return warning_; }

private:
    FigureRenderer() = default;
    struct State;
    std::unique_ptr<State> state_;
    std::string warning_;
};

} // namespace actlab::app
