// Softmax of a vector of class scores (logits) at a temperature, and its Jacobian. Pure C++; the
// softmax panel and `actlab softmax` both call these.
//
//   pᵢ = exp(zᵢ/T) / Σⱼ exp(zⱼ/T)          ∂pᵢ/∂zⱼ = pᵢ(δᵢⱼ − pⱼ) / T
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace actlab {

inline constexpr std::size_t kMaxSoftmaxClasses = 1000;  // the Jacobian is n×n
inline constexpr double kMinSoftmaxTemperature = 1e-300; // keeps every Jacobian entry (≤ ¼/T) finite

// Why the input is refused, or "" when it is valid: at least one logit, at most kMaxSoftmaxClasses,
// every logit finite, the temperature finite and ≥ kMinSoftmaxTemperature (so > 0).
std::string ValidateSoftmaxInput(std::span<const double> logits, double temperature = 1.0);

// The probabilities; they sum to 1 up to rounding. Stable for any finite logits (±1e4, ±1e300): the
// maximum is subtracted before exponentiating. Call ValidateSoftmaxInput first.
std::vector<double> Softmax(std::span<const double> logits, double temperature = 1.0);

// Row-major n×n matrix, J[i][j] = ∂pᵢ/∂zⱼ, with respect to the logits as entered (hence the 1/T).
using Matrix = std::vector<std::vector<double>>;
Matrix SoftmaxJacobian(std::span<const double> logits, double temperature = 1.0);

// The same from probabilities already computed (what a panel holds after Softmax()).
Matrix SoftmaxJacobianFromProbabilities(std::span<const double> probabilities, double temperature = 1.0);

} // namespace actlab
