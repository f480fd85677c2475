// Numerically stable softmax and its Jacobian (see softmax.h).
#include "core/softmax.h"

#include "core/number_parse.h"

#include <algorithm>
#include <cmath>

namespace actlab {

std::string ValidateSoftmaxInput(std::span<const double> logits, double temperature) {
    if (logits.empty()) return "softmax needs at least one logit";
    if (logits.size() > kMaxSoftmaxClasses)
        return "too many logits (" + std::to_string(logits.size()) + "); at most " +
               std::to_string(kMaxSoftmaxClasses);
    for (std::size_t i = 0; i < logits.size(); ++i) {
        if (!std::isfinite(logits[i]))
            return "logit " + std::to_string(i + 1) + " is " + FormatNumber17(logits[i]) +
                   "; logits must be finite";
    }
    if (!std::isfinite(temperature) || !(temperature > 0.0))
        return "temperature must be a finite number > 0, got " + FormatNumber17(temperature);
    // |∂pᵢ/∂zⱼ| ≤ ¼/T must stay a finite double (ties at T → 0 make it grow without bound).
    if (temperature < kMinSoftmaxTemperature)
        return "temperature must be at least 1e-300, got " + FormatNumber17(temperature);
    return {};
}

std::vector<double> Softmax(std::span<const double> logits, double temperature) {
    std::vector<double> p(logits.size());
    if (logits.empty()) return p;
    // exp((zᵢ − max)/T) ≤ 1, and the largest term is exactly 1, so nothing overflows and the sum is
    // at least 1. (zᵢ − max) may round to −inf for logits ±1e308; exp(−inf) = 0 is then right.
    const double max = *std::max_element(logits.begin(), logits.end());
    double sum = 0.0;
    for (std::size_t i = 0; i < logits.size(); ++i) {
        p[i] = std::exp((logits[i] - max) / temperature);
        sum += p[i];
    }
    for (double& value : p)
        value /= sum;
    return p;
}

Matrix SoftmaxJacobianFromProbabilities(std::span<const double> probabilities, double temperature) {
    const std::size_t n = probabilities.size();
    // 1 − pᵢ as the sum of the other probabilities (prefix + suffix sums), which keeps its relative
    // accuracy when pᵢ is close to 1, where 1 − pᵢ would cancel.
    std::vector<double> before(n + 1, 0.0), after(n + 1, 0.0);
    for (std::size_t k = 0; k < n; ++k)
        before[k + 1] = before[k] + probabilities[k];
    for (std::size_t k = n; k-- > 0;)
        after[k] = after[k + 1] + probabilities[k];
    Matrix jacobian(n, std::vector<double>(n));
    for (std::size_t i = 0; i < n; ++i) {
        const double pi = probabilities[i];
        for (std::size_t j = 0; j < n; ++j) {
            // pᵢ(δᵢⱼ − pⱼ)/T
            const double value = i == j ? pi * (before[i] + after[i + 1]) : -pi * probabilities[j];
            jacobian[i][j] = value / temperature;
        }
    }
    return jacobian;
}

Matrix SoftmaxJacobian(std::span<const double> logits, double temperature) {
    return SoftmaxJacobianFromProbabilities(Softmax(logits, temperature), temperature);
}

} // namespace actlab
