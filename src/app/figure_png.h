// A figure as a PNG without any display: an EGL surfaceless OpenGL context, a headless Dear ImGui
// frame drawing the figure through ImGuiCanvas (the window's own drawing path), rendered by ImGui's
// OpenGL3 backend into a multisampled offscreen framebuffer. Here, not in src/render, because it
// needs the ImGui fonts and canvas of src/ui and an ImGui backend (backends live in src/app).
#pragma once

#include "render/figure.h"

#include <cstdint>
#include <string>
#include <vector>

namespace actlab::app {

struct RenderedImage {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgba;  // straight alpha, top row first
    std::string error;               // set when OpenGL could not be used: the environment's fault
    std::string warning;             // e.g. the font is missing
};

// Headless: makes an EGL surfaceless context, then draws as below.
RenderedImage RenderFigurePixels(const FigureSpec& spec);

// Draws into an offscreen framebuffer of the OpenGL context already current on this thread (the
// window's, in the app). A Dear ImGui context of its own draws the figure; the caller's ImGui
// context, framebuffer bindings and viewport are as they were afterwards.
RenderedImage RenderFigureInCurrentContext(const FigureSpec& spec);

}  // namespace actlab::app
