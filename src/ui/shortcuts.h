// Keyboard shortcuts. Dear ImGui 1.86's GLFW backend indexes io.KeysDown by GLFW key codes: letters
// and digits are their ASCII codes, the rest are listed here so the UI needs no GLFW include.
#pragma once

#include "core/app_state.h"
#include "ui/ui_runtime.h"

namespace actlab::ui {

namespace key {
// GLFW's key codes (unscoped, so that they compare and add as ints). F2 … F7 are consecutive: the views.
// clang-format off
enum Code : int {
    kSpace = 32, kMinus = 45, kPeriod = 46, kEqual = 61, kEscape = 256, kF1 = 290, kF2 = 291, kF11 = 300,
    kF12 = 301, kKeypadSubtract = 333, kKeypadAdd = 334
};
// clang-format on
} // namespace key

struct Shortcut {
    const char* keys;
    const char* action;
};

// Every shortcut, for the F1 panel and the README.
std::span<const Shortcut> AllShortcuts();

// Acts on the keys pressed this frame (not while a text field has the keyboard).
void HandleShortcuts(AppState& state, UiRuntime& runtime);

// Lecture-mode scale steps: 1, 1.25, 1.5, 2, 2.5, 3.
float NextUiScale(float scale, int direction);

} // namespace actlab::ui
