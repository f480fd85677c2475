// The analytic mean/variance map of a SELU layer (Klambauer et al. 2017, "Self-Normalizing Neural
// Networks", Eq. 4–5): where the two constants λ and α come from, and why (0, 1) attracts.
//
// A unit computes z = Σ wᵢ xᵢ of inputs with mean μ and variance ν, so z ~ N(μω, ντ) with ω = Σ wᵢ,
// τ = Σ wᵢ² (normalised weights: ω = 0, τ = 1). Then
//   μ̃ = λ [ mΦ(m/s) + sφ(m/s) + α e^{m+s²/2} Φ(−(m+s²)/s) − α Φ(−m/s) ]
//   ξ̃ = λ² [ (m²+s²)Φ(m/s) + msφ(m/s) + α² ( e^{2m+2s²} Φ(−(m+2s²)/s) − 2e^{m+s²/2} Φ(−(m+s²)/s) + Φ(−m/s) )
//   ] ν̃ = ξ̃ − μ̃²        with m = μω, s = √(ντ), Φ the standard normal CDF and φ its density.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace actlab {

inline constexpr double kSeluCanonicalLambda = 1.0507009873554804934193349852946;
inline constexpr double kSeluCanonicalAlpha = 1.6732632423543772848170429916717;
inline constexpr std::size_t kMaxSeluMapSteps = 100000;

struct SeluMapParams {
    double lambda = kSeluCanonicalLambda;
    double alpha = kSeluCanonicalAlpha;
    double omega = 0.0; // ω = Σ wᵢ
    double tau = 1.0;   // τ = Σ wᵢ²
};

struct SeluMoments {
    double mean = 0.0;     // μ
    double variance = 1.0; // ν
};

// Why the constants are refused, or "": λ > 0, α ≥ 0, τ > 0, all finite, ω finite.
std::string ValidateSeluMapParams(const SeluMapParams& params);
// Why a starting point is refused, or "": μ finite, ν finite and ≥ 0.
std::string ValidateSeluMoments(const SeluMoments& moments);

// One application of the map. ν = 0 is the deterministic limit (μ̃ = SELU(μω), ν̃ = 0). Values that
// leave the range of a double come back non-finite.
SeluMoments SeluMapStep(const SeluMapParams& p, const SeluMoments& x);

// The starting point and `steps` applications of the map; stops early (shorter result) at the first
// non-finite value, which is not included.
std::vector<SeluMoments> SeluMapTrajectory(const SeluMapParams& params, const SeluMoments& start,
                                           std::size_t steps);

// A fixed point (μ, ν) = g(μ, ν) with ν ≥ 1e-6 (not the degenerate one at ν = 0): the map followed
// from (0, 1) and polished by Newton's method, or Newton's method from (0, 1) for a repelling one;
// none when neither converges (e.g. λ so large that the variance grows without bound).
std::optional<SeluMoments> SeluFixedPoint(const SeluMapParams& params);

// The 2×2 Jacobian ∂(μ̃, ν̃)/∂(μ, ν) at a point with ν > 0: J[0] = {∂μ̃/∂μ, ∂μ̃/∂ν}, J[1] = {∂ν̃/∂μ, ∂ν̃/∂ν}.
// Central differences with one Richardson extrapolation: the map is analytic in (μ, ν > 0), so the
// truncation error is O(h⁴) ≈ 1e-12 at the relative step h = 1e-3, above rounding (≈ ε/h ≈ 1e-13).
using Matrix2 = std::array<std::array<double, 2>, 2>;
Matrix2 SeluMapJacobian(const SeluMapParams& params, const SeluMoments& at);

// The spectral norm (largest singular value) of a 2×2 matrix: √ of the largest eigenvalue of JᵀJ.
double SpectralNorm(const Matrix2& m);

} // namespace actlab
