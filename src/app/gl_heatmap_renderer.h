// The window's heatmap renderer: each grid lives in an R32F texture, re-uploaded only when its
// generation changes, and is drawn by an ImDrawList callback through render/heatmap_painter.h.
#pragma once

#include "ui/heatmap_renderer.h"

#include <memory>
#include <string>

namespace actlab::app {

// Needs the window's OpenGL context current (and for as long as the renderer lives). Null, with
// `error` holding the shader log, if the shaders do not build: the panel then falls back to meshes.
std::unique_ptr<ui::HeatmapRenderer> CreateGlHeatmapRenderer(std::string& error);

} // namespace actlab::app
