// The mini network's parts that the Network view (network_view.cpp) arranges: one function each.
#pragma once

#include "core/app_state.h"
#include "ui/ui_runtime.h"

#include <imgui.h>

#include <string>

namespace actlab::ui {

// Play, step, reset, seed, counters. Returns whether the accuracy readout fitted into its row.
bool DrawNetworkToolbar(AppState& state, UiRuntime& runtime);
// "accuracy 97.5% / test 95%" of a classification run; "" for regression or before the network is built.
std::string NetworkAccuracyText(const AppState& state, const UiRuntime& runtime);
void DrawNetworkControls(AppState& state, UiRuntime& runtime); // data, layers, training settings
// Loss, dead fraction and ‖∂L/∂W‖ over the steps: side by side, or with `one_at_a_time` one of them
// under a row of tabs (a narrow column).
void DrawNetworkCharts(const AppState& state, UiRuntime& runtime, ImVec2 area, bool one_at_a_time = false);
void DrawChainRulePane(AppState& state, UiRuntime& runtime); // ∂E/∂w of the clicked edge, factor by factor
void DrawReplayScrubber(UiRuntime& runtime, float width);    // rewinds to the weights at an earlier step

} // namespace actlab::ui
