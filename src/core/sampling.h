// Curve sampling for plots and exports: evenly spaced samples over [a, b] that always contain every
// kink exactly, with f' split into separate polylines at its jumps. Plain arrays, no drawing.
#pragma once

#include "core/activation.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace actlab {

// A connected polyline (no jump inside).
struct Polyline {
    std::vector<double> x;
    std::vector<double> y;
};

// Where f' jumps inside the sampled range: drawn as a gap, a closed circle at the value the
// convention gives and open circles at the limits it does not take.
struct DerivativeJump {
    double x;
    std::optional<double> closed_y; // none for the "undefined" convention
    std::vector<double> open_y;     // one or two limits
};

struct SampledCurve {
    Polyline value;                    // f: continuous, kinks included exactly
    std::vector<Polyline> derivative;  // f': one polyline between consecutive jumps
    std::vector<DerivativeJump> jumps; // sorted by x
};

// N evenly spaced samples over [a, b] (a < b, N ≥ 2) plus every kink in (a, b).
SampledCurve SampleCurve(const Activation& activation, double a, double b, std::size_t samples,
                         KinkConvention convention = KinkConvention::PyTorch);

// N evenly spaced points, a and b included exactly: the x column of `actlab eval --range`.
std::vector<double> Linspace(double a, double b, std::size_t samples);

} // namespace actlab
