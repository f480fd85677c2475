// Slider auto-play in the window: the small play button after a parameter slider, its popup (range,
// length, mode), the A key, and the frame step that moves the value (core/autoplay.h does the math).
#pragma once

#include "core/app_state.h"
#include "core/param_sweep.h"

#include <map>
#include <string>

namespace actlab::ui {

struct UiRuntime;

// The choices made in the play buttons' popups, per parameter, kept while the window runs.
struct AutoplayChoices {
    std::map<std::string, ParamSweep, std::less<>> by_param;
};

// Once per frame before drawing: advances the playing sweep by `dt` seconds and writes its value; an
// unknown parameter stops the sweep with a toast.
void StepAutoplay(AppState& state, UiRuntime& runtime, double dt);

// After a slider: a play (or stop) button for `param`. It sweeps over [lo, hi] back and forth in 4 s,
// or over what its popup (right-click) chose. Touching the slider just drawn stops that sweep.
void AutoplayButton(AppState& state, UiRuntime& runtime, const std::string& param, double lo, double hi);

// The A key: stops the playing sweep, or plays the last one (a deck slide's, a slider's) again.
void ToggleAutoplay(AppState& state, UiRuntime& runtime);

// The width AutoplayButton takes on the line, spacing included: sliders leave room for it.
float AutoplayButtonWidth();

} // namespace actlab::ui
