// The SELU mean/variance map, its fixed point and Jacobian (see selu_map.h for the formulas).
#include "core/selu_map.h"

#include "core/number_parse.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace actlab {

namespace {

// erfcx(x) = e^{x²} erfc(x) for x ≥ 0. Up to x = 26 erfc(x) ≥ 1e-296 is a normal double and e^{x²}
// ≤ e^{676} does not overflow, so the product is exact to rounding; beyond, the asymptotic series
// 1/(x√π) (1 − 1/(2x²) + 3/(4x⁴) − 15/(8x⁶) + 105/(16x⁸)) is accurate to about 1e-13.
double Erfcx(double x) {
    if (x <= 26.0) return std::exp(x * x) * std::erfc(x);
    const double u = 1.0 / (2.0 * x * x);
    return (1.0 - u * (1.0 - 3.0 * u * (1.0 - 5.0 * u * (1.0 - 7.0 * u)))) /
           (x * std::sqrt(std::numbers::pi));
}

// e^a Φ(−b) = ½ e^a erfc(b/√2), without the overflow of e^a or the underflow of erfc for large a, b:
// for b ≥ 0 it is ½ e^{a − b²/2} erfcx(b/√2).
double ExpTimesUpperTail(double a, double b) {
    const double c = b / std::numbers::sqrt2;
    if (c < 0.0) return 0.5 * std::exp(a) * std::erfc(c);
    return 0.5 * std::exp(a - c * c) * Erfcx(c);
}

double Phi(double x) {
    return 0.5 * std::erfc(-x / std::numbers::sqrt2);
}

double Selu(double lambda, double alpha, double z) {
    return z > 0.0 ? lambda * z : lambda * alpha * std::expm1(z);
}

} // namespace

std::string ValidateSeluMapParams(const SeluMapParams& p) {
    if (!std::isfinite(p.lambda) || !(p.lambda > 0.0))
        return "lambda must be finite and > 0, got " + FormatNumber17(p.lambda);
    if (!std::isfinite(p.alpha) || p.alpha < 0.0)
        return "alpha must be finite and >= 0, got " + FormatNumber17(p.alpha);
    if (!std::isfinite(p.omega)) return "omega must be finite, got " + FormatNumber17(p.omega);
    if (!std::isfinite(p.tau) || !(p.tau > 0.0))
        return "tau must be finite and > 0, got " + FormatNumber17(p.tau);
    return {};
}

std::string ValidateSeluMoments(const SeluMoments& m) {
    if (!std::isfinite(m.mean)) return "the mean must be finite, got " + FormatNumber17(m.mean);
    if (!std::isfinite(m.variance) || m.variance < 0.0)
        return "the variance must be finite and >= 0, got " + FormatNumber17(m.variance);
    return {};
}

SeluMoments SeluMapStep(const SeluMapParams& p, const SeluMoments& x) {
    const double m = x.mean * p.omega;
    const double s2 = x.variance * p.tau;
    if (s2 == 0.0) return {Selu(p.lambda, p.alpha, m), 0.0};
    const double s = std::sqrt(s2);
    const double t = m / s;
    const double density = std::exp(-0.5 * t * t) / std::sqrt(2.0 * std::numbers::pi);
    const double e1 = ExpTimesUpperTail(m + 0.5 * s2, (m + s2) / s); // e^{m+s²/2} Φ(−(m+s²)/s)
    const double e2 = ExpTimesUpperTail(2.0 * m + 2.0 * s2, (m + 2.0 * s2) / s); // e^{2m+2s²} Φ(−(m+2s²)/s)
    const double below = Phi(-t);
    const double above = Phi(t);
    const double mean = p.lambda * (m * above + s * density + p.alpha * e1 - p.alpha * below);
    const double second =
        p.lambda * p.lambda *
        ((m * m + s2) * above + m * s * density + p.alpha * p.alpha * (e2 - 2.0 * e1 + below));
    return {mean, second - mean * mean};
}

std::vector<SeluMoments> SeluMapTrajectory(const SeluMapParams& params, const SeluMoments& start,
                                           std::size_t steps) {
    std::vector<SeluMoments> trajectory{start};
    for (std::size_t k = 0; k < steps; ++k) {
        const SeluMoments next = SeluMapStep(params, trajectory.back());
        // Rounding can leave ν̃ = ξ̃ − μ̃² a few ulps below 0 when the variance has collapsed.
        if (!std::isfinite(next.mean) || !std::isfinite(next.variance)) break;
        trajectory.push_back({next.mean, std::max(next.variance, 0.0)});
    }
    return trajectory;
}

Matrix2 SeluMapJacobian(const SeluMapParams& params, const SeluMoments& at) {
    Matrix2 j{};
    for (int column = 0; column < 2; ++column) {
        const double x = column == 0 ? at.mean : at.variance;
        // Relative step for ν, which must stay > 0 (h ≤ ν/1000); absolute near 0 for μ.
        const double h = column == 0 ? 1e-3 * std::max(1.0, std::fabs(x)) : 1e-3 * x;
        const auto shifted = [&](double delta) {
            SeluMoments point = at;
            (column == 0 ? point.mean : point.variance) = x + delta;
            return SeluMapStep(params, point);
        };
        const auto central = [&](double step) {
            const SeluMoments plus = shifted(step);
            const SeluMoments minus = shifted(-step);
            return std::array<double, 2>{(plus.mean - minus.mean) / (2.0 * step),
                                         (plus.variance - minus.variance) / (2.0 * step)};
        };
        // Richardson: D(h) = g' + c h² + O(h⁴), so (4 D(h/2) − D(h)) / 3 = g' + O(h⁴).
        const auto coarse = central(h);
        const auto fine = central(0.5 * h);
        for (int row = 0; row < 2; ++row)
            j[static_cast<std::size_t>(row)][static_cast<std::size_t>(column)] =
                (4.0 * fine[static_cast<std::size_t>(row)] - coarse[static_cast<std::size_t>(row)]) / 3.0;
    }
    return j;
}

double SpectralNorm(const Matrix2& m) {
    // JᵀJ = [[a, b], [b, c]]; its largest eigenvalue is (a + c)/2 + √(((a − c)/2)² + b²).
    const double a = m[0][0] * m[0][0] + m[1][0] * m[1][0];
    const double b = m[0][0] * m[0][1] + m[1][0] * m[1][1];
    const double c = m[0][1] * m[0][1] + m[1][1] * m[1][1];
    return std::sqrt(0.5 * (a + c) + std::hypot(0.5 * (a - c), b));
}

namespace {

// Newton on F(x) = g(x) − x from `x`, with the Jacobian of g above; steps are halved while they would
// make ν ≤ 0 or fail to decrease |F|. Returns the point where |F| stopped decreasing, if |F| is small there.
std::optional<SeluMoments> NewtonFixedPoint(const SeluMapParams& params, SeluMoments x) {
    const auto residual = [&](const SeluMoments& at) {
        const SeluMoments g = SeluMapStep(params, at);
        return std::array<double, 2>{g.mean - at.mean, g.variance - at.variance};
    };
    const auto size = [](const std::array<double, 2>& r) { return std::hypot(r[0], r[1]); };
    const auto small = [&](const std::array<double, 2>& r) {
        return size(r) <= 1e-12 * std::max(1.0, std::hypot(x.mean, x.variance));
    };
    auto f = residual(x);
    for (int iteration = 0; iteration < 100 && std::isfinite(size(f)) && size(f) > 0.0; ++iteration) {
        Matrix2 j = SeluMapJacobian(params, x);
        j[0][0] -= 1.0;
        j[1][1] -= 1.0;
        const double det = j[0][0] * j[1][1] - j[0][1] * j[1][0];
        if (!std::isfinite(det) || det == 0.0) break;
        // Solve (J_g − I) d = −F.
        const double d_mean = (-f[0] * j[1][1] + f[1] * j[0][1]) / det;
        const double d_var = (-f[1] * j[0][0] + f[0] * j[1][0]) / det;
        bool accepted = false;
        double step = 1.0;
        for (int halving = 0; halving < 60 && !accepted; ++halving, step *= 0.5) {
            const SeluMoments trial{x.mean + step * d_mean, x.variance + step * d_var};
            if (!(trial.variance > 0.0)) continue;
            const auto f_trial = residual(trial);
            if (std::isfinite(size(f_trial)) && size(f_trial) < size(f)) {
                x = trial;
                f = f_trial;
                accepted = true;
            }
        }
        if (!accepted) break; // converged as far as rounding allows, or stuck
    }
    if (std::isfinite(size(f)) && small(f)) return x;
    return std::nullopt;
}

} // namespace

std::optional<SeluMoments> SeluFixedPoint(const SeluMapParams& params) {
    // (μ, ν) → (SELU(μω), 0) is always a fixed point at ν = 0 for μω = 0, where √ν makes the map
    // non-differentiable; it is not the one wanted. So first follow the map from (0, 1), which finds an
    // attracting fixed point, then polish it with Newton; failing that (a repelling fixed point), Newton
    // from (0, 1). Fixed points with ν below 1e-6 count as that degenerate one.
    constexpr double kMinVariance = 1e-6;
    SeluMoments x{0.0, 1.0};
    for (int k = 0; k < 10000; ++k) {
        const SeluMoments next = SeluMapStep(params, x);
        if (!std::isfinite(next.mean) || !std::isfinite(next.variance) || next.variance < kMinVariance) break;
        const double change = std::hypot(next.mean - x.mean, next.variance - x.variance);
        x = next;
        if (change <= 1e-13 * std::max(1.0, std::hypot(x.mean, x.variance))) {
            if (auto polished = NewtonFixedPoint(params, x); polished && polished->variance >= kMinVariance)
                return polished;
            return x;
        }
    }
    if (auto found = NewtonFixedPoint(params, {0.0, 1.0}); found && found->variance >= kMinVariance)
        return found;
    return std::nullopt;
}

} // namespace actlab
