// Drawing the mini network: heatmaps coloured on the CPU into vertex-coloured meshes (no texture,
// so the headless frame test draws them too), the node-and-edge graph with dead and dying marks,
// and the large decision surface with training and test points.
#pragma once

#include "core/app_state.h"
#include "render/figure_theme.h"
#include "ui/ui_runtime.h"

#include <imgui.h>

#include <cstddef>

namespace actlab::ui {

// Colours of the lesson: a diverging map for values (negative, zero, positive), edge signs, and
// the marks for dead and dying neurons, which use no palette colour so that they stand out.
struct NetworkColors {
    Color negative, neutral, positive;
    Color dead, dying, badge_text, point_outline;
};
NetworkColors NetworkColorsFor(Theme theme);

// The colour of value v: −1 → negative, 0 → neutral, +1 → positive (clamped beyond). `greyed`
// desaturates it (a dead neuron's heatmap).
Color HeatColor(const NetworkColors& colors, float v, bool greyed = false);

// An n × n grid of values (row 0 at the top) drawn as a smoothly shaded mesh filling [p0, p1].
void DrawHeatmap(ImDrawList* draw, ImVec2 p0, ImVec2 p1, const float* values, std::size_t n,
                 const NetworkColors& colors, bool greyed = false);

// The network as columns of nodes (inputs, hidden layers, output) joined by weighted edges, filling
// `size`. Hovering shows live values; clicking an edge selects it for the chain-rule inspector.
void DrawNetworkGraph(AppState& state, UiRuntime& runtime, ImVec2 size);

// The output heatmap with the training points (filled) and test points (hollow), `side` pixels.
void DrawDecisionSurface(AppState& state, UiRuntime& runtime, float side);

}  // namespace actlab::ui
