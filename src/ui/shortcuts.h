// Keyboard shortcuts. Dear ImGui 1.86's GLFW backend indexes io.KeysDown by GLFW key codes: letters
// and digits are their ASCII codes, the rest are listed here so the UI needs no GLFW include.
#pragma once

#include "core/app_state.h"
#include "ui/ui_runtime.h"

namespace actlab::ui {

namespace key {
// GLFW's key codes (Dear ImGui 1.86 indexes io.KeysDown by them).
enum Code : int {
    kSpace = 32,
    kEscape = 256,
    kDelete = 261,
    kF1 = 290,
    kF2 = 291, // F2 … F7 are consecutive codes: the views
    kF11 = 300,
    kF12 = 301,
    kMinus = 45,
    kPeriod = 46,
    kEqual = 61,
    kKeypadSubtract = 333,
    kKeypadAdd = 334,
    kEnter = 257, // the clicker's and the deck's keys
    kBackspace = 259,
    kRight = 262,
    kLeft = 263,
    kDown = 264,
    kUp = 265,
    kPageUp = 266,
    kPageDown = 267,
    kHome = 268,
    kEnd = 269,
    kKeypad0 = 320, // keypad 0 … 9 are consecutive codes
    kKeypadEnter = 335,
};
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
