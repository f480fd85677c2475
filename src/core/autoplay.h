// Slider auto-play applied to the app state: the swept parameter's name resolved to a value in the
// state ("FN.NAME", "gated.NAME", "network.learning_rate", "network.bias_init", "softmax.temperature"),
// advanced once per frame and kept inside the parameter's valid domain. "gated.NAME" is a parameter of
// the function the gated view shows (SwiGLU's "gated.beta").
#pragma once

#include "core/app_state.h"
#include "core/param_sweep.h"

#include <optional>
#include <string>
#include <string_view>

namespace actlab {

// Where a sweepable parameter may go: values outside [min, max] (or (min, max]) are not valid.
struct SweepDomain {
    double min = 0.0;
    double max = 0.0;
    bool min_exclusive = false;
};

// The domain of `param`, or nullopt with `error` saying why the name is not a sweepable parameter.
std::optional<SweepDomain> FindSweepDomain(std::string_view param, std::string& error);

// `value` moved into the domain (an exclusive minimum becomes the next representable number above it).
double ClampToDomain(const SweepDomain& domain, double value);

// The parameter's value in `state`; nullopt for an unknown name.
std::optional<double> SweepParamValue(const AppState& state, std::string_view param);

// Writes `value`, clamped into the parameter's domain; "" or why the name is unknown.
std::string SetSweepParam(AppState& state, std::string_view param, double value);

// Widens the function plots' y ranges (f and f′) so that every shown curve stays inside over the
// whole sweep FROM … TO, not only at the value the scene opens with; the x range stays as it is. A
// sweep of anything but a shown function's parameter leaves the view as it is.
void FitViewToSweep(AppState& state, const ParamSweep& sweep);

// Plays `sweep` from its start.
void StartAutoplay(AppState& state, const ParamSweep& sweep);

// One frame of auto-play: advances the elapsed time by `dt` seconds and writes the sweep's value at
// that time into the state. Does nothing when not playing. An unknown name (or a sweep without a
// valid length) stops the sweep; the returned message says why ("" otherwise).
std::string AdvanceAutoplay(AppState& state, double dt);

} // namespace actlab
