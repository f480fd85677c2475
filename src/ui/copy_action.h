// What Ctrl+C, Ctrl+Shift+C and Edit → Copy figure copy: the plot under the mouse (else the f plot),
// the network panel when the mouse is over it, or the whole window. The frame loop does the copying.
#pragma once

#include "core/app_state.h"
#include "ui/ui_runtime.h"

namespace actlab::ui {

// The target of a plain Ctrl+C, from where the mouse was last frame.
ExportTarget CopyTargetUnderMouse(const AppState& state, const UiRuntime& runtime);

// Asks the frame loop to copy `target` after this frame.
void RequestCopy(UiRuntime& runtime, ExportTarget target);

// The Edit menu's copy entries (inside an open BeginMenu("Edit")).
void DrawCopyMenuItems(const AppState& state, UiRuntime& runtime);

} // namespace actlab::ui
