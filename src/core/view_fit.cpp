// View fitting (see view_fit.h).
#include "core/view_fit.h"

#include "core/sampling.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace actlab {

namespace {

struct Extent {
    double lo = std::numeric_limits<double>::infinity();
    double hi = -std::numeric_limits<double>::infinity();
    void Add(double v) {
        if (!std::isfinite(v)) return;
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
};

// [lo, hi] padded by 8 % of its span, always containing 0 (the axes through the origin are the
// lecture's reference), never thinner than `min_span`.
void Padded(Extent e, double min_span, double& out_lo, double& out_hi) {
    if (!(e.lo <= e.hi)) e = {0.0, 1.0};
    e.lo = std::min(e.lo, 0.0);
    e.hi = std::max(e.hi, 0.0);
    double span = e.hi - e.lo;
    if (span < min_span) {
        const double centre = (e.lo + e.hi) / 2;
        e.lo = centre - min_span / 2;
        e.hi = centre + min_span / 2;
        span = min_span;
    }
    out_lo = e.lo - 0.08 * span;
    out_hi = e.hi + 0.08 * span;
}

} // namespace

void FitYRanges(std::span<const Activation> functions, KinkConvention convention, PlotViewRange& view) {
    Extent value, derivative;
    for (const Activation& activation : functions) {
        const SampledCurve curve = SampleCurve(activation, view.x_min, view.x_max, 801, convention);
        for (double y : curve.value.y)
            value.Add(y);
        for (const Polyline& piece : curve.derivative) {
            for (double y : piece.y)
                derivative.Add(y);
        }
        for (const DerivativeJump& jump : curve.jumps) {
            if (jump.closed_y) derivative.Add(*jump.closed_y);
        }
    }
    // Constant curves (linear, f' of ReLU's halves) still get a visible band around them.
    Padded(value, 1e-3, view.y_min, view.y_max);
    Padded(derivative, 1e-3, view.dy_min, view.dy_max);
}

PlotViewRange FitView(std::span<const Activation> functions, KinkConvention convention) {
    PlotViewRange view;
    double half_width = 0.0;
    for (const Activation& activation : functions)
        half_width = std::max(half_width, activation.info().scale_hint);
    if (half_width <= 0.0) half_width = 6.0;
    view.x_min = -half_width;
    view.x_max = half_width;
    FitYRanges(functions, convention, view);
    return view;
}

} // namespace actlab
