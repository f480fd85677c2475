// The output plane's other pictures: the 1-D regression view (data, the network's fit y = f(x) and
// each first-layer neuron's kink or bend on the x axis) and the linear-regions overlay of a ReLU
// network (first-layer boundary lines, shaded regions, their count).
#pragma once

#include "core/app_state.h"
#include "ui/ui_runtime.h"

#include <imgui.h>

namespace actlab::ui {

// Whether the lesson's output is shown as a line plot y = f(x) (a one-input regression set: reg-1d).
bool ShowsOneDimensionalFit(const NetworkLessonState& lesson);

// The 1-D view filling `size` at the cursor.
void DrawOneDimensionalFit(AppState& state, UiRuntime& runtime, ImVec2 size);

// Over the square output plane [p0, p0 + side]: each first-layer neuron's line w·x + b = 0 and the
// network's linear regions shaded (sampled on the session's grid), with their count in a corner.
// Draws nothing unless the network is of the ReLU family.
void DrawLinearRegionsOverlay(const AppState& state, UiRuntime& runtime, ImDrawList* draw, ImVec2 p0,
                              float side);

// Your own points on the output plane [p0, p0 + side] (the item just drawn there must be the plane's
// button, hovered or not): a click adds a point of the selected class, Shift+click or a right click
// one of the next class, dragging moves a point, Delete removes the one under the pointer. Draws the
// added points as squares over the data.
void EditUserPoints(AppState& state, UiRuntime& runtime, ImDrawList* draw, ImVec2 p0, float side);

} // namespace actlab::ui
