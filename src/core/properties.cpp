// Property cards computed from the current parameters: the function is evaluated on a grid that
// covers its interesting region (kinks and extrema included), extrema are refined by golden-section
// search, and tails come from the limits at ±∞. Nothing here is typed in per function except the
// width of the interesting region and the typical use.
#include "core/properties.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace actlab {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr std::size_t kGridPoints = 4001;

std::string FormatSignificant(double value, int digits) {
    if (std::isinf(value)) return value > 0 ? "∞" : "−∞";
    if (value == 0.0) value = 0.0; // no "−0"
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%.*g", digits, value);
    std::string text = buffer;
    if (!text.empty() && text.front() == '-') text.replace(0, 1, "−");
    return text;
}

// Half-width of the grid: wide enough for every kink and extremum at these parameters, narrow
// enough that exponential tails have not yet rounded onto their limits (so "approached" and
// "attained" stay distinguishable).
double GridHalfWidth(const Activation& act) {
    double factor = 1.0;
    switch (act.id) {
    case ActivationId::Swish:
    case ActivationId::Softplus:
        factor = act.params[0] > 0.0 ? std::clamp(1.0 / act.params[0], 1.0, 1e4) : 1.0;
        break;
    case ActivationId::Celu:
        factor = std::max(1.0, act.params[0]);
        break;
    case ActivationId::Squareplus:
        factor = std::max(1.0, std::sqrt(act.params[0]) / 2.0);
        break;
    case ActivationId::Snake:
        factor = std::max(1.0, 1.0 / act.params[0]);
        break;
    default:
        break;
    }
    double width = 2.5 * act.info().scale_hint * factor;
    for (const Kink& kink : Kinks(act))
        width = std::max(width, 2.0 * std::fabs(kink.x) + 1.0);
    return width;
}

// Golden-section search for a minimum of g on [a, b].
template <typename F> double GoldenMinimum(F g, double a, double b) {
    const double inv_phi = (std::sqrt(5.0) - 1.0) / 2.0;
    double c = b - inv_phi * (b - a);
    double d = a + inv_phi * (b - a);
    double gc = g(c), gd = g(d);
    for (int i = 0; i < 100 && b - a > 1e-15 * (1.0 + std::fabs(a)); ++i) {
        if (gc < gd) {
            b = d;
            d = c;
            gd = gc;
            c = b - inv_phi * (b - a);
            gc = g(c);
        } else {
            a = c;
            c = d;
            gc = gd;
            d = a + inv_phi * (b - a);
            gd = g(d);
        }
    }
    return gc < gd ? c : d;
}

// A value a range could end at: attained at a finite x, or only approached (tails, one-sided limits).
struct Candidate {
    double value;
    bool attained;
    double x;
};

// The range of g from grid samples (refined near interior extrema) and approached values.
Interval RangeOf(const std::vector<double>& xs, const std::vector<double>& values,
                 const std::vector<Candidate>& approached, const std::vector<double>& refine_points,
                 const auto& g, Candidate* minimum_out) {
    std::vector<Candidate> candidates = approached;
    for (std::size_t i = 0; i < xs.size(); ++i)
        candidates.push_back({values[i], true, xs[i]});

    auto refine = [&](bool for_minimum) {
        // Refine around the best interior grid sample; kinks and grid ends are exact samples already.
        std::size_t best = 0;
        for (std::size_t i = 1; i < values.size(); ++i)
            if (for_minimum ? values[i] < values[best] : values[i] > values[best]) best = i;
        if (best == 0 || best + 1 >= xs.size()) return;
        for (double r : refine_points)
            if (r >= xs[best - 1] && r <= xs[best + 1]) return;
        const double sign = for_minimum ? 1.0 : -1.0;
        const double x = GoldenMinimum([&](double t) { return sign * g(t); }, xs[best - 1], xs[best + 1]);
        // Near a flat extremum x is only good to √ε; keep the grid sample unless refinement beats it.
        if (sign * g(x) < sign * values[best]) candidates.push_back({g(x), true, x});
    };
    refine(true);
    refine(false);

    Interval range;
    range.lo = kInf;
    range.hi = -kInf;
    Candidate lowest{kInf, false, 0.0};
    for (const auto& c : candidates) {
        if (std::isnan(c.value)) continue;
        if (c.value < range.lo) {
            range.lo = c.value;
            lowest = c;
        }
        range.hi = std::max(range.hi, c.value);
    }
    for (const auto& c : candidates) {
        if (c.value == range.lo && c.attained) {
            range.lo_closed = true;
            if (!lowest.attained) lowest = c;
        }
        if (c.value == range.hi && c.attained) range.hi_closed = true;
    }
    if (minimum_out != nullptr) *minimum_out = lowest;
    return range;
}

bool TailIsConstant(const Activation& act, double sign, double half_width) {
    return Evaluate(act, sign * half_width) == Evaluate(act, sign * half_width * 0.5);
}

} // namespace

std::string Interval::ToString(int significant_digits) const {
    const bool lo_open_bracket = !lo_closed || std::isinf(lo);
    const bool hi_open_bracket = !hi_closed || std::isinf(hi);
    return std::string(lo_open_bracket ? "(" : "[") + FormatSignificant(lo, significant_digits) + ", " +
           FormatSignificant(hi, significant_digits) + (hi_open_bracket ? ")" : "]");
}

std::string Properties::SmoothnessText() const {
    switch (smoothness) {
    case Smoothness::C0:
        return "C⁰: continuous, f′ jumps";
    case Smoothness::C1:
        return "C¹: f′ continuous, f″ jumps";
    case Smoothness::CInfinity:
        return "C∞: smooth";
    }
    return "";
}

std::string Properties::ZeroCentredText() const {
    switch (zero_centred) {
    case ZeroCentred::Yes:
        return "yes (odd: f(−x) = −f(x))";
    case ZeroCentred::Partly:
        return "partly (f(0) = 0, takes both signs)";
    case ZeroCentred::No:
        return "no";
    }
    return "";
}

std::string Properties::SaturationText() const {
    if (saturates_left && saturates_right) return "both sides (f′ → 0 as x → ±∞)";
    if (saturates_left) return "left (f′ → 0 as x → −∞)";
    if (saturates_right) return "right (f′ → 0 as x → +∞)";
    return "none";
}

namespace {

// The sample grid: evenly spaced over the interesting region, plus 0 and every breakpoint exactly.
std::vector<double> PropertyGrid(double half_width, const std::vector<double>& breakpoints) {
    std::vector<double> xs(kGridPoints);
    for (std::size_t i = 0; i < kGridPoints; ++i)
        xs[i] =
            std::lerp(-half_width, half_width, static_cast<double>(i) / static_cast<double>(kGridPoints - 1));
    xs.push_back(0.0);
    xs.insert(xs.end(), breakpoints.begin(), breakpoints.end());
    std::sort(xs.begin(), xs.end());
    xs.erase(std::unique(xs.begin(), xs.end()), xs.end());
    return xs;
}

// A range end that is zero up to rounding (Snake's f' = 1 + sin(2αx) at its minima) is shown as 0.
void SnapRoundingToZero(Interval& range) {
    const double scale = std::isfinite(range.hi - range.lo) ? std::max(1.0, range.hi - range.lo) : 1.0;
    if (range.lo != 0.0 && std::fabs(range.lo) < 1e-12 * scale) range.lo = 0.0;
    if (range.hi != 0.0 && std::fabs(range.hi) < 1e-12 * scale) range.hi = 0.0;
}

// C⁰ if f' jumps at a breakpoint; C¹ if only f'' does (one-sided difference quotients of f'); else C∞.
Smoothness SmoothnessAt(const Activation& act, const std::vector<double>& breakpoints) {
    if (!Kinks(act).empty()) return Smoothness::C0;
    for (double x0 : breakpoints) {
        const double h = 1e-5 * std::max(1.0, std::fabs(x0));
        const double left2 = (Derivative(act, x0 - h) - Derivative(act, x0 - 2.0 * h)) / h;
        const double right2 = (Derivative(act, x0 + 2.0 * h) - Derivative(act, x0 + h)) / h;
        if (std::fabs(left2 - right2) > 1e-3 * std::max(1.0, std::fabs(left2) + std::fabs(right2)))
            return Smoothness::C1;
    }
    return Smoothness::CInfinity;
}

// Odd, or at least f(0) = 0 with outputs of both signs.
ZeroCentred ZeroCentredness(const Activation& act, const std::vector<double>& xs,
                            const std::vector<double>& f, const Interval& output_range) {
    bool odd = true;
    for (std::size_t i = 0; i < xs.size() && odd; ++i) {
        const double mirrored = Evaluate(act, -xs[i]);
        odd = std::fabs(mirrored + f[i]) <= 1e-12 * (1.0 + std::fabs(f[i]));
    }
    const bool both_signs = output_range.lo < 0.0 && output_range.hi > 0.0;
    if (odd && both_signs) return ZeroCentred::Yes;
    if (Evaluate(act, 0.0) == 0.0 && both_signs) return ZeroCentred::Partly;
    return ZeroCentred::No;
}

// Intervals between breakpoints on which f' is exactly 0 (sampled at five interior points).
std::vector<Interval> ZeroGradientRegions(const Activation& act, const std::vector<double>& breakpoints,
                                          double half_width) {
    std::vector<Interval> regions;
    std::vector<double> bounds{-kInf};
    bounds.insert(bounds.end(), breakpoints.begin(), breakpoints.end());
    bounds.push_back(kInf);
    for (std::size_t i = 0; i + 1 < bounds.size(); ++i) {
        const double lo = std::max(bounds[i], -half_width), hi = std::min(bounds[i + 1], half_width);
        bool all_zero = lo < hi;
        for (int k = 1; k <= 5 && all_zero; ++k)
            all_zero = Derivative(act, lo + (hi - lo) * k / 6.0) == 0.0;
        if (all_zero) regions.push_back({bounds[i], bounds[i + 1], false, false});
    }
    return regions;
}

// An isolated maximum of f' away from kinks (σ' = 0.25 at 0).
std::optional<Point2> DerivativeMaximum(const Activation& act, const std::vector<double>& xs,
                                        const std::vector<double>& df, const std::vector<double>& kink_xs,
                                        double half_width) {
    std::size_t best = 0;
    for (std::size_t i = 1; i < xs.size(); ++i)
        if (df[i] > df[best]) best = i;
    // Rounding makes a few samples around a smooth peak equal (tanh' = 1 near 0): take the middle one.
    std::size_t last_tie = best;
    while (last_tie + 1 < xs.size() && df[last_tie + 1] == df[best])
        ++last_tie;
    best = (best + last_tie) / 2;
    if (best == 0 || best + 1 >= xs.size()) return std::nullopt;
    double x = GoldenMinimum([&](double t) { return -Derivative(act, t); }, xs[best - 1], xs[best + 1]);
    if (Derivative(act, x) <= df[best]) x = xs[best];
    const double delta = half_width / 100.0;
    bool near_kink = false;
    for (double k : kink_xs)
        near_kink |= std::fabs(k - x) < delta;
    const double peak = Derivative(act, x);
    if (!near_kink && Derivative(act, x - delta) < peak && Derivative(act, x + delta) < peak)
        return Point2{x, peak};
    return std::nullopt;
}

// An unbounded region where f' = 0 can trap a neuron for good.
std::string DyingRisk(const std::vector<Interval>& zero_gradient_regions) {
    for (const Interval& region : zero_gradient_regions) {
        if (std::isinf(region.lo) || std::isinf(region.hi)) {
            const bool left = std::isinf(region.lo);
            return std::string("yes: f′ = 0 for x ") + (left ? "< " : "> ") +
                   FormatSignificant(left ? region.hi : region.lo, 6) +
                   "; a neuron whose input stays there gets no gradient and stops learning";
        }
    }
    return {};
}

} // namespace

Properties ComputeProperties(const Activation& act) {
    Properties props;
    props.typical_use = std::string(act.info().typical_use);

    const double half_width = GridHalfWidth(act);
    const std::vector<Kink> kinks = Kinks(act);
    const std::vector<double> breakpoints = Breakpoints(act);
    const std::vector<double> xs = PropertyGrid(half_width, breakpoints);
    std::vector<double> kink_xs;
    kink_xs.reserve(kinks.size());
    for (const Kink& k : kinks)
        kink_xs.push_back(k.x);

    std::vector<double> f(xs.size()), df(xs.size());
    for (std::size_t i = 0; i < xs.size(); ++i) {
        f[i] = Evaluate(act, xs[i]);
        df[i] = Derivative(act, xs[i]);
    }
    const double f_left = Evaluate(act, -kInf), f_right = Evaluate(act, kInf);
    const double df_left = Derivative(act, -kInf), df_right = Derivative(act, kInf);

    // Output range: tails are approached unless the tail is constant (ReLU's 0 is attained).
    std::vector<Candidate> f_approached{{f_left, TailIsConstant(act, -1.0, half_width), -kInf},
                                        {f_right, TailIsConstant(act, 1.0, half_width), kInf}};
    Candidate minimum{};
    auto value_of = [&act](double x) { return Evaluate(act, x); };
    props.output_range = RangeOf(xs, f, f_approached, kink_xs, value_of, &minimum);

    // Derivative range: one-sided limits at kinks and at ±∞ are approached, never attained.
    std::vector<Candidate> df_approached{{df_left, false, -kInf}, {df_right, false, kInf}};
    for (const Kink& k : kinks) {
        df_approached.push_back({k.left_derivative, false, k.x});
        df_approached.push_back({k.right_derivative, false, k.x});
    }
    auto slope_of = [&act](double x) { return Derivative(act, x); };
    props.derivative_range = RangeOf(xs, df, df_approached, kink_xs, slope_of, nullptr);
    SnapRoundingToZero(props.derivative_range);

    // Monotonic: f' ≥ 0 everywhere, the one-sided limits at kinks included.
    props.monotonic = props.derivative_range.lo >= 0.0;
    if (!props.monotonic && minimum.attained && std::isfinite(minimum.x) && props.output_range.lo_closed) {
        props.minimum = Point2{minimum.x, minimum.value};
    }
    props.smoothness = SmoothnessAt(act, breakpoints);
    props.zero_centred = ZeroCentredness(act, xs, f, props.output_range);
    props.saturates_left = std::fabs(df_left) < 1e-12;
    props.saturates_right = std::fabs(df_right) < 1e-12;

    // Asymptotes: finite limits that the tail approaches without reaching.
    if (std::isfinite(f_left) && !TailIsConstant(act, -1.0, half_width))
        props.asymptotes.push_back({false, f_left});
    if (std::isfinite(f_right) && !TailIsConstant(act, 1.0, half_width))
        props.asymptotes.push_back({true, f_right});

    props.zero_gradient_regions = ZeroGradientRegions(act, breakpoints, half_width);
    props.derivative_maximum = DerivativeMaximum(act, xs, df, kink_xs, half_width);
    props.dying_risk = DyingRisk(props.zero_gradient_regions);
    return props;
}

} // namespace actlab
