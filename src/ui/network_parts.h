// The mini network's parts that the Network view (network_view.cpp) arranges: one function each.
#pragma once

#include "core/app_state.h"
#include "ui/ui_runtime.h"

#include <imgui.h>

namespace actlab::ui {

void DrawNetworkToolbar(AppState& state, UiRuntime& runtime);  // play, step, reset, seed, counters
void DrawNetworkControls(AppState& state, UiRuntime& runtime); // data, layers, training settings
// Loss, dead fraction and ‖∂L/∂W‖ over the steps: side by side, or with `one_at_a_time` one of them
// under a row of tabs (a narrow column).
void DrawNetworkCharts(const AppState& state, UiRuntime& runtime, ImVec2 area, bool one_at_a_time = false);
void DrawChainRulePane(AppState& state, UiRuntime& runtime); // ∂E/∂w of the clicked edge, factor by factor

} // namespace actlab::ui
