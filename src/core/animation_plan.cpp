// The timeline of an exported animation (see animation_plan.h).
#include "core/animation_plan.h"

#include <cmath>

namespace actlab {

std::optional<AnimationLoop> ParseAnimationLoop(std::string_view name) {
    return ParseIn(kAnimationLoopNames, name);
}

long long AnimationFrameCount(double seconds, double fps) {
    return std::llround(seconds * fps);
}

double SweepValue(double from, double to, long long frame, long long frames, AnimationLoop loop) {
    if (frames <= 1) return loop == AnimationLoop::Forward ? to : from;
    const auto i = static_cast<double>(frame);
    const auto n = static_cast<double>(frames);
    const double t = loop == AnimationLoop::Forward ? i / (n - 1) : 1.0 - std::abs(1.0 - 2.0 * i / n);
    if (t >= 1.0) return to; // exactly TO, not FROM + (TO − FROM) rounded
    return from + (to - from) * t;
}

std::size_t TrainingStepsAt(std::size_t steps, long long frame, long long frames) {
    if (frames <= 1 || frame >= frames - 1) return steps;
    return static_cast<std::size_t>(static_cast<long double>(steps) * static_cast<long double>(frame) /
                                    static_cast<long double>(frames - 1));
}

} // namespace actlab
