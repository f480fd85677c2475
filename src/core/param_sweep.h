// A parameter swept back and forth over time: a slider's auto-play, a deck slide's "sweep", and what
// an exported animation of that sweep shows. Plain data plus the value at a given time.
#pragma once

#include "core/animation_plan.h"

#include <string>

namespace actlab {

// `param` names what moves: "FN.NAME" for a function parameter ("leaky_relu.slope", "elu.alpha"),
// or a lesson setting ("network.learning_rate", "network.bias_init", "softmax.temperature").
struct ParamSweep {
    std::string param;
    double from = 0.0;
    double to = 1.0;
    double seconds = 4.0; // one pass FROM → TO (pingpong: there and back takes twice this)
    AnimationLoop loop = AnimationLoop::PingPong;
    bool operator==(const ParamSweep&) const = default;
};

// The value `elapsed` seconds after the sweep started; it repeats forever.
//   forward:  FROM → TO in `seconds`, then jumps back to FROM;
//   pingpong: FROM → TO in `seconds`, TO → FROM in the next `seconds`.
double ParamSweepValueAt(const ParamSweep& sweep, double elapsed);

// What is playing now, kept in the app state so a deck slide can start a sweep and the frame loop
// applies it; it is not part of a scene file's lesson (a slide stores its sweep itself).
struct AutoplayState {
    bool playing = false;
    ParamSweep sweep;
    double elapsed = 0.0; // seconds since the sweep started, advanced by the frame loop
    bool operator==(const AutoplayState&) const = default;
};

} // namespace actlab
