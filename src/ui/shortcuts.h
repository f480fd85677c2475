// Keyboard shortcuts. Dear ImGui 1.86's GLFW backend indexes io.KeysDown by GLFW key codes: letters
// and digits are their ASCII codes, the rest are listed here so the UI needs no GLFW include.
#pragma once

#include "core/app_state.h"
#include "ui/ui_runtime.h"

namespace actlab::ui {

namespace key {
inline constexpr int kSpace = 32;
inline constexpr int kEscape = 256;
inline constexpr int kF1 = 290;
inline constexpr int kF2 = 291; // F2 … F7 are consecutive codes: the views
inline constexpr int kF11 = 300;
inline constexpr int kF12 = 301;
inline constexpr int kMinus = 45;
inline constexpr int kPeriod = 46;
inline constexpr int kEqual = 61;
inline constexpr int kKeypadSubtract = 333;
inline constexpr int kKeypadAdd = 334;
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
