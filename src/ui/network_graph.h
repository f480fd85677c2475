// Drawing the mini network: the node-and-edge graph with a heatmap per neuron (through
// runtime.heatmaps, the GPU, when the window has one; see heatmap_renderer.h) and dead and dying
// marks, and the large decision surface with training and test points.
#pragma once

#include "core/app_state.h"
#include "render/figure_theme.h"
#include "ui/ui_runtime.h"

#include <imgui.h>

#include <cstddef>

namespace actlab::ui {

// The network as columns of nodes (inputs, hidden layers, output) joined by weighted edges, filling
// `size`. Hovering shows live values; clicking an edge selects it for the chain-rule inspector.
void DrawNetworkGraph(AppState& state, UiRuntime& runtime, ImVec2 size);

// The output heatmap with the training points (filled) and test points (hollow), `side` pixels.
void DrawDecisionSurface(AppState& state, UiRuntime& runtime, float side);

} // namespace actlab::ui
