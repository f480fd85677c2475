// The network's hot loops: a batch through one layer (affine map, back-propagation) and a whole
// layer's f(z) and f'(z) with the switch on the activation hoisted out of the neuron loop: the
// common activations run as tight loops the compiler vectorises (tanh and sigmoid through our own
// exp), the rest fall back to the catalogue's Evaluate and Derivative.
#include "core/network_kernel.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <type_traits>

// On x86-64 with GCC or Clang the layer loop is also compiled for AVX2 (four doubles per vector
// instead of SSE2's two) and the better version is chosen at load time. No FMA: both versions do
// the same IEEE operations in the same order, so results do not depend on the CPU.
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__)) && !defined(__SANITIZE_ADDRESS__)
#define ACTLAB_VECTOR_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define ACTLAB_VECTOR_CLONES
#endif
// The batch kernels are vectorised within a neuron's unrolled inputs (SLP), not across neurons: the
// loop vectoriser would pick the loop over neurons and pay for strided, shuffled loads.
#if defined(__GNUC__) && !defined(__clang__)
#define ACTLAB_NO_LOOP_VECTORIZE __attribute__((optimize("no-tree-loop-vectorize")))
#else
#define ACTLAB_NO_LOOP_VECTORIZE
#endif
// Helpers are inlined into each clone, so that they too are compiled for its instruction set.
#if defined(__GNUC__) || defined(__clang__)
#define ACTLAB_ALWAYS_INLINE __attribute__((always_inline))
#else
#define ACTLAB_ALWAYS_INLINE
#endif

// Dispatches on a layer's fan-in, handing 1–8 over as compile-time constants so that the loops over
// a neuron's inputs unroll completely.
#define ACTLAB_WITH_FAN_IN(fan_in, CALL)                                                             \
    switch (fan_in) {                                                                                \
    case 1: { constexpr std::integral_constant<std::size_t, 1> kFanIn; CALL; } break;                \
    case 2: { constexpr std::integral_constant<std::size_t, 2> kFanIn; CALL; } break;                \
    case 3: { constexpr std::integral_constant<std::size_t, 3> kFanIn; CALL; } break;                \
    case 4: { constexpr std::integral_constant<std::size_t, 4> kFanIn; CALL; } break;                \
    case 5: { constexpr std::integral_constant<std::size_t, 5> kFanIn; CALL; } break;                \
    case 6: { constexpr std::integral_constant<std::size_t, 6> kFanIn; CALL; } break;                \
    case 7: { constexpr std::integral_constant<std::size_t, 7> kFanIn; CALL; } break;                \
    case 8: { constexpr std::integral_constant<std::size_t, 8> kFanIn; CALL; } break;                \
    default: { const std::size_t kFanIn = fan_in; CALL; } break;                                     \
    }

namespace actlab::detail {

namespace {

// eˣ for x ≤ 0, written out so that a layer's loop has no library call and can be vectorised.
// eˣ = 2ᵏ·eʳ with k = round(x/ln 2) and r = x − k·ln 2 (ln 2 split in two parts, so r is exact to
// ~1e-20), |r| ≤ ln 2/2; eʳ by its Taylor polynomial to degree 13 (truncation < 5e-18).
// Arguments below −40 are clamped: e⁻⁴⁰ ≈ 4e-18 is already below what 1 ± e can resolve.
// Relative error below 3e-16 over [−40, 0] (tested against std::exp).
ACTLAB_ALWAYS_INLINE inline double ExpNonPositive(double x) {
    x = x < -40.0 ? -40.0 : x;
    constexpr double kInvLn2 = 1.4426950408889634073599246810019;
    constexpr double kLn2Hi = 6.93147180369123816490e-01;
    constexpr double kLn2Lo = 1.90821492927058770002e-10;
    constexpr double kShifter = 6755399441055744.0;  // 1.5·2⁵²: adding it rounds to an integer
    const double shifted = x * kInvLn2 + kShifter;
    const double k = shifted - kShifter;
    const double r = (x - k * kLn2Hi) - k * kLn2Lo;
    double p = 1.0 / 6227020800.0;
    p = p * r + 1.0 / 479001600.0;
    p = p * r + 1.0 / 39916800.0;
    p = p * r + 1.0 / 3628800.0;
    p = p * r + 1.0 / 362880.0;
    p = p * r + 1.0 / 40320.0;
    p = p * r + 1.0 / 5040.0;
    p = p * r + 1.0 / 720.0;
    p = p * r + 1.0 / 120.0;
    p = p * r + 1.0 / 24.0;
    p = p * r + 1.0 / 6.0;
    p = p * r + 0.5;
    p = p * r + 1.0;
    p = p * r + 1.0;
    // The low bits of `shifted` hold k; moved into the exponent field they make the double 2ᵏ.
    const std::uint64_t two_k = (std::bit_cast<std::uint64_t>(shifted) + 1023u) << 52;
    return p * std::bit_cast<double>(two_k);
}

// tanh(z) = sign(z)·(1 − e)/(1 + e) with e = e^(−2|z|): no overflow, absolute error below 4e-16.
ACTLAB_ALWAYS_INLINE inline double FastTanh(double z) {
    const double e = ExpNonPositive(-2.0 * std::fabs(z));
    return std::copysign((1.0 - e) / (1.0 + e), z);
}

// The batched kernels of a training step. A step runs the whole batch through one layer at a time, so each loop
// runs over batch × neurons and the dispatch on the fan-in happens once per layer, not per sample.
// Fan-ins are small (1–8) and handed over as compile-time constants where possible, so the loops over
// a neuron's inputs unroll completely. Sums run in the same order as the per-sample path.

constexpr std::size_t kMaxFanIn = 8;
static_assert(kMaxFanIn >= kInputFeatureCount && kMaxFanIn >= kMaxLayerWidth);


// z[b][j] = bias[j] + Σᵢ w[j][i]·in[b][i].
template <typename FanIn>
ACTLAB_ALWAYS_INLINE inline void AffineRowsFixed(const Layer& layer, FanIn fan_in_value, const double* in, double* z, std::size_t rows) {
    const std::size_t fan_in = fan_in_value;
    const std::size_t size = layer.size;
    const double* w = layer.weights.data();
    const double* bias = layer.biases.data();
    for (std::size_t b = 0; b < rows; ++b) {
        const double* x = in + b * fan_in;
        double* zb = z + b * size;
        for (std::size_t j = 0; j < size; ++j) {
            const double* row = w + j * fan_in;
            double acc = bias[j];
            for (std::size_t i = 0; i < fan_in; ++i) acc += row[i] * x[i];
            zb[j] = acc;
        }
    }
}

// gw[j][i] += Σ_b δ[b][j]·in[b][i], gb[j] += Σ_b δ[b][j]; and, below the first layer, ∂E/∂a of the
// layer below, up[b][i] = Σⱼ w[j][i]·δ[b][j], with its δ[b][i] = f′(z[b][i])·up[b][i].
template <typename FanIn>
ACTLAB_ALWAYS_INLINE inline void BackwardRowsFixed(const Layer& layer, FanIn fan_in_value, const double* in, const double* delta, double* gw,
                  double* gb, std::size_t rows, const double* d_below, double* up_below, double* delta_below) {
    const std::size_t fan_in = fan_in_value;
    const std::size_t size = layer.size;
    const double* w = layer.weights.data();
    // Row by row, so the innermost loop runs over a neuron's inputs (contiguous in w, gw and in) and
    // the sums over the batch still add up in sample order.
    for (std::size_t b = 0; b < rows; ++b) {
        const double* x = in + b * fan_in;
        const double* db = delta + b * size;
        for (std::size_t j = 0; j < size; ++j) {
            const double dj = db[j];
            double* g = gw + j * fan_in;
            for (std::size_t i = 0; i < fan_in; ++i) g[i] += dj * x[i];
            gb[j] += dj;
        }
    }
    if (up_below == nullptr) return;
    for (std::size_t b = 0; b < rows; ++b) {
        const double* db = delta + b * size;
        double up[kMaxFanIn] = {};
        for (std::size_t j = 0; j < size; ++j) {
            const double dj = db[j];
            const double* row = w + j * fan_in;
            for (std::size_t i = 0; i < fan_in; ++i) up[i] += row[i] * dj;
        }
        for (std::size_t i = 0; i < fan_in; ++i) {
            up_below[b * fan_in + i] = up[i];
            delta_below[b * fan_in + i] = up[i] * d_below[b * fan_in + i];
        }
    }
}

}  // namespace

ACTLAB_VECTOR_CLONES ACTLAB_NO_LOOP_VECTORIZE void AffineRows(const Layer& layer, const double* in, double* z, std::size_t rows) {
    ACTLAB_WITH_FAN_IN(layer.fan_in, AffineRowsFixed(layer, kFanIn, in, z, rows))
}

ACTLAB_VECTOR_CLONES ACTLAB_NO_LOOP_VECTORIZE void BackwardRows(const Layer& layer, const double* in, const double* delta, double* gw,
                                       double* gb, std::size_t rows, const double* d_below, double* up_below,
                                       double* delta_below) {
    ACTLAB_WITH_FAN_IN(layer.fan_in, BackwardRowsFixed(layer, kFanIn, in, delta, gw, gb, rows, d_below, up_below,
                                                        delta_below))
}

ACTLAB_VECTOR_CLONES void ActivateRows(const Layer& layer, const double* z, double* a, double* d, std::size_t rows) {
    const std::size_t n = layer.size * rows;
    switch (layer.activation.id) {
    case ActivationId::Linear:
        for (std::size_t j = 0; j < n; ++j) {
            a[j] = z[j];
            d[j] = 1.0;
        }
        return;
    case ActivationId::Tanh:
        // tanh'(z) = 1 − tanh²(z), from the value already computed.
        for (std::size_t j = 0; j < n; ++j) {
            const double t = FastTanh(z[j]);
            a[j] = t;
            d[j] = 1.0 - t * t;
        }
        return;
    case ActivationId::Sigmoid:
        // With e = e^(−|z|): σ(z) = 1/(1 + e) for z ≥ 0, e/(1 + e) otherwise; σ'(z) = e/(1 + e)²
        // in both cases: one exp, no overflow, and σ' stays accurate in the tails.
        for (std::size_t j = 0; j < n; ++j) {
            const double e = ExpNonPositive(-std::fabs(z[j]));
            const double inv = 1.0 / (1.0 + e);
            a[j] = inv * (z[j] >= 0.0 ? 1.0 : e);
            d[j] = e * inv * inv;
        }
        return;
    case ActivationId::Relu:
        for (std::size_t j = 0; j < n; ++j) {
            const bool on = z[j] > 0.0;
            a[j] = on ? z[j] : 0.0;
            d[j] = on ? 1.0 : 0.0;
        }
        return;
    case ActivationId::LeakyRelu: {
        const double slope = layer.activation.params[0];
        for (std::size_t j = 0; j < n; ++j) {
            const bool on = z[j] > 0.0;
            a[j] = on ? z[j] : slope * z[j];
            d[j] = on ? 1.0 : slope;
        }
        return;
    }
    case ActivationId::Prelu: {
        // A layer switched to PReLU without SetLayerActivation has no per-neuron a yet.
        const bool per_neuron = layer.learned.size() == layer.size;
        for (std::size_t k = 0; k < n; ++k) {
            const double slope = per_neuron ? layer.learned[k % layer.size] : layer.activation.params[0];
            const bool on = z[k] > 0.0;
            a[k] = on ? z[k] : slope * z[k];
            d[k] = on ? 1.0 : slope;
        }
        return;
    }
    default:
        for (std::size_t j = 0; j < n; ++j) {
            a[j] = Evaluate(layer.activation, z[j]);
            d[j] = Derivative(layer.activation, z[j]);
        }
        return;
    }
}

}  // namespace actlab::detail
