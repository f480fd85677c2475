// Curve sampling with exact kinks (see sampling.h).
#include "core/sampling.h"

#include <algorithm>
#include <cmath>

namespace actlab {

std::vector<double> Linspace(double a, double b, std::size_t samples) {
    std::vector<double> xs(samples);
    if (samples == 0) return xs;
    if (samples == 1) {
        xs[0] = a;
        return xs;
    }
    const double last = static_cast<double>(samples - 1);
    for (std::size_t i = 0; i < samples; ++i) {
        // lerp is exact at both ends and never forms b − a, which overflows for ±1e308 ranges.
        xs[i] = std::lerp(a, b, static_cast<double>(i) / last);
    }
    xs.back() = b;
    return xs;
}

SampledCurve SampleCurve(const Activation& activation, double a, double b, std::size_t samples,
                         KinkConvention convention) {
    SampledCurve curve;
    if (!(a < b) || samples < 2) return curve;

    std::vector<Kink> kinks = Kinks(activation);
    std::erase_if(kinks, [a, b](const Kink& k) { return k.x < a || k.x > b; });

    std::vector<double> xs = Linspace(a, b, samples);
    for (const Kink& kink : kinks)
        xs.push_back(kink.x);
    std::sort(xs.begin(), xs.end());
    xs.erase(std::unique(xs.begin(), xs.end()), xs.end());

    curve.value.x = xs;
    curve.value.y.reserve(xs.size());
    for (double x : xs)
        curve.value.y.push_back(Evaluate(activation, x));

    // f' is continuous between kinks: one polyline per interval, ending in one-sided limits.
    std::size_t next_kink = 0;
    Polyline segment;
    for (double x : xs) {
        if (next_kink < kinks.size() && x == kinks[next_kink].x) {
            const Kink& kink = kinks[next_kink++];
            segment.x.push_back(x);
            segment.y.push_back(kink.left_derivative);
            if (segment.x.size() >= 2) curve.derivative.push_back(std::move(segment));
            segment = Polyline{};
            segment.x.push_back(x);
            segment.y.push_back(kink.right_derivative);

            DerivativeJump jump{x, std::nullopt, {}};
            const double chosen = KinkDerivative(kink, convention);
            if (!std::isnan(chosen)) jump.closed_y = chosen;
            if (chosen != kink.left_derivative) jump.open_y.push_back(kink.left_derivative);
            if (chosen != kink.right_derivative) jump.open_y.push_back(kink.right_derivative);
            curve.jumps.push_back(std::move(jump));
            continue;
        }
        segment.x.push_back(x);
        segment.y.push_back(Derivative(activation, x, KinkConvention::PyTorch));
    }
    if (segment.x.size() >= 2) curve.derivative.push_back(std::move(segment));
    return curve;
}

} // namespace actlab
