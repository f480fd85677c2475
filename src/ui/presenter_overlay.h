// The presenter's on-screen tools: a black or white screen (B or ".", W), the laser pointer (L), the
// pen (P, erase with E) and the elapsed-time clock (Shift+T). They are drawn above everything on the
// foreground draw list and never change the lesson: the app state stays as it was.
#pragma once

#include "core/app_state.h"
#include "core/presenter_marks.h"
#include "render/canvas.h"

#include <array>
#include <string>
#include <string_view>

namespace actlab::ui {

enum class BlankScreen { None, Black, White };

// Ink and laser colours: saturated enough to read on the dark, light and projector themes.
inline constexpr Color kInkColor{236, 0, 140, 255};   // magenta: no curve of the palette uses it
inline constexpr Color kLaserColor{255, 32, 32, 255}; // a laser pointer's red

struct PresenterTools {
    BlankScreen blank = BlankScreen::None;
    bool pointer = false;        // L: the laser dot and its trail follow the mouse
    bool pen = false;            // P: the mouse draws ink; widgets and plots do not see it
    bool timer = false;          // Shift+T: elapsed time in the corner
    double timer_started = -1.0; // ImGui time of the first time it was shown; < 0: never
    PointerTrail trail;
    InkLayer ink;
    bool mouse_taken = false; // this frame's mouse went to the pen or the blank screen, not to ImGui
    bool mouse_valid = false; // the mouse is over the window (as the backend reported it)
    float mouse_x = 0.0f, mouse_y = 0.0f;
    std::array<bool, 3> buttons{}; // left, right, middle, as the backend reported them
    bool scripted = false; // set by ApplyPresenterScript: the marks stay as given, the mouse is ignored
};

struct UiRuntime;

// Before ImGui::NewFrame: records the mouse for the pointer and the pen and, while the pen or a blank
// screen is on, hides it from ImGui so no click, drag or wheel reaches a widget or a plot.
void CapturePresenterMouse(UiRuntime& runtime);

// After ImGui::Render: gives ImGuiIO back the mouse as the backend left it, so that a backend (or a
// test) that only writes what changed finds its own values next frame.
void ReleasePresenterMouse(UiRuntime& runtime);

// The presenter's keys (called by HandleShortcuts, not while typing). True when this frame's keys
// belong to the presenter alone: while the screen is blank, any key brings the lesson back and does
// nothing else.
bool HandlePresenterKeys(AppState& state, UiRuntime& runtime);

// Last in the frame: blank screen, ink, laser pointer and timer on the foreground draw list.
void DrawPresenterOverlay(const AppState& state, UiRuntime& runtime);

// `--presenter` for scripted screenshots and tests: "black", "white", "timer", "pen", "pointer=X,Y" (the
// laser dot at window pixel X,Y) or "ink=X,Y:X,Y:…" (a kept stroke through these points). "" or why
// `spec` is refused.
std::string ApplyPresenterScript(std::string_view spec, PresenterTools& tools);

// "4:07" or "1:02:03": the presenter timer's text.
std::string FormatElapsed(double seconds);

} // namespace actlab::ui
