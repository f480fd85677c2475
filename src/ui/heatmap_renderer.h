// How the network panel draws a heatmap. The window's renderer (src/app/gl_heatmap_renderer.h)
// keeps each grid in a float texture and colour-maps it on the GPU; without one (headless frames,
// tests, the bench) DrawHeatmapMesh builds a vertex-coloured mesh on the CPU. Both use the same
// colour map (render/heat_color.h).
#pragma once

#include "render/figure_theme.h"
#include "render/heat_color.h"

#include <imgui.h>

#include <array>
#include <cstddef>

namespace actlab::ui {

struct HeatmapStyle {
    NetworkColors colors;
    bool greyed = false;      // a dead neuron: no hue, little contrast
    bool smooth = true;       // values interpolated between cell centres
    float value_scale = 1.0f; // the map shows scale · value + offset (a sigmoid output: 2v − 1)
    float value_offset = 0.0f;
    // A class map: `classes` > 0 probability maps of n × n, one after the other in the grid's values;
    // each point takes its most likely class's colour with the probability as intensity
    // (ClassMapColor, `probability_floor` shown neutral).
    std::size_t classes = 0;
    std::array<Color, kMaxClassColors> class_colors{};
    float probability_floor = 0.0f;
};

struct HeatmapGrid {
    const float* values = nullptr; // n × n, row 0 at the top (a class map: K such maps in turn)
    std::size_t n = 0;
    std::size_t slot = 0;       // which heatmap this is: one texture per slot
    std::size_t generation = 0; // changes whenever the values do; the same → nothing re-uploaded
};

class HeatmapRenderer {
public:
    virtual ~HeatmapRenderer() = default;
    // Draws `grid` filling [p0, p1] in `draw` (clipped like the list's other items).
    virtual void Draw(ImDrawList* draw, const HeatmapGrid& grid, ImVec2 p0, ImVec2 p1,
                      const HeatmapStyle& style) = 0;
};

// The CPU fallback: one vertex per cell centre, stretched so that the outer centres sit on the
// rectangle's edges; the rasteriser interpolates colours between them.
void DrawHeatmapMesh(ImDrawList* draw, const HeatmapGrid& grid, ImVec2 p0, ImVec2 p1,
                     const HeatmapStyle& style);

// Through `renderer` when there is one, else DrawHeatmapMesh.
void DrawHeatmap(HeatmapRenderer* renderer, ImDrawList* draw, const HeatmapGrid& grid, ImVec2 p0, ImVec2 p1,
                 const HeatmapStyle& style);

} // namespace actlab::ui
