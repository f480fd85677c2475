// The property card of a function, computed from its current parameters (never typed in):
// ranges, zero-centredness, monotonicity, smoothness, saturation, asymptotes, dead zones.
#pragma once

#include "core/activation.h"

#include <optional>
#include <string>
#include <vector>

namespace actlab {

// An interval of the extended real line, with open or closed ends: "(-1.6733, ∞)", "(0, 0.25]".
struct Interval {
    double lo = 0.0, hi = 0.0;
    bool lo_closed = false, hi_closed = false;
    std::string ToString(int significant_digits = 6) const; // Unicode ∞
};

enum class Smoothness { C0, C1, CInfinity };
enum class ZeroCentred { No, Partly, Yes }; // Yes: odd function; Partly: takes both signs, f(0) = 0

struct Point2 {
    double x, y;
};

struct HorizontalAsymptote {
    bool at_positive_infinity; // false: x → −∞
    double y;
};

struct Properties {
    Interval output_range;
    Interval derivative_range;
    ZeroCentred zero_centred = ZeroCentred::No;
    bool monotonic = true;         // non-decreasing everywhere
    std::optional<Point2> minimum; // global minimum at a finite point, if f is not monotonic
    Smoothness smoothness = Smoothness::CInfinity;
    bool saturates_left = false, saturates_right = false; // f' → 0 as x → ∓∞
    std::vector<HorizontalAsymptote> asymptotes;          // limits approached but never reached
    std::vector<Interval> zero_gradient_regions;          // where f' = 0 exactly ("dead zone")
    std::optional<Point2> derivative_maximum;             // an isolated maximum of f' (σ' = 0.25 at 0)
    std::string typical_use;
    std::string dying_risk; // "" when none

    std::string SmoothnessText() const; // "C⁰ (kink at 0)", "C∞"
    std::string ZeroCentredText() const;
    std::string SaturationText() const;
};

Properties ComputeProperties(const Activation& activation);

} // namespace actlab
