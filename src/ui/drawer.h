// Drawers: panels that slide in over the window's edge when a view is too narrow to keep them in a
// column (the catalogue, the property card, a lesson's controls), and close again on a click
// outside or Esc. Each is a Dear ImGui popup, so opening one never moves the view's regions.
#pragma once

#include "ui/ui_runtime.h"

#include <imgui.h>

namespace actlab::ui {

// A button that asks for the drawer `name` to open (at the end of this frame's view).
bool DrawerButton(UiRuntime& runtime, const char* label, const char* name, const char* tooltip);

// Call at the main window's level, once per frame, before the BeginDrawer calls.
void OpenRequestedDrawer(UiRuntime& runtime);

// A drawer of `width` pixels along the left or right edge of the work area, below `top`. Returns
// true while open; then call EndDrawer.
bool BeginDrawer(const char* name, float width, bool right_edge, float top);
void EndDrawer();

} // namespace actlab::ui
