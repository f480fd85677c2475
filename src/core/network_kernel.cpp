// The network's hot loops: a batch through one packed layer (affine map and back-propagation, across
// a row's neurons) and a layer's f(z) and f'(z) with the switch on the activation hoisted out of the
// loop: the common activations run as tight loops the compiler vectorises (tanh and sigmoid through
// our own exp), the rest fall back to the catalogue's Evaluate and Derivative.
#include "core/network_kernel.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <type_traits>

// On x86-64 with GCC or Clang the layer loops are also compiled for AVX-512 (eight doubles per
// vector) and for AVX2 with FMA (four), and the best version for the CPU is chosen at load time.
// Every version does the same IEEE operations in the same order, so results do not depend on the
// CPU: multiply-adds are fused only where the source says std::fma (exactly rounded everywhere; a
// library call on a CPU without FMA), and -ffp-contract=off forbids fusing anything else.
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__)) && !defined(__SANITIZE_ADDRESS__)
#define ACTLAB_VECTOR_CLONES __attribute__((target_clones("avx512f", "arch=x86-64-v3", "default")))
#else
#define ACTLAB_VECTOR_CLONES
#endif
// Rows of 8 as single 8-double vectors: a version compiled for AVX-512, chosen at run time where the
// CPU has it (also in sanitizer builds, which have no clones: it is plain code with a target).
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define ACTLAB_OCT_ROWS 1
#define ACTLAB_OCT_TARGET __attribute__((target("avx512f")))
#else
#define ACTLAB_OCT_ROWS 0
#endif
// Helpers are inlined into each clone, so that they too are compiled for its instruction set.
#if defined(__GNUC__) || defined(__clang__)
#define ACTLAB_ALWAYS_INLINE __attribute__((always_inline))
#else
#define ACTLAB_ALWAYS_INLINE
#endif

// Dispatches on a layer's fan-in, handing 1–8 over as compile-time constants so that the loops over
// a neuron's inputs unroll completely.
#define ACTLAB_WITH_FAN_IN(fan_in, CALL)                                                                     \
    switch (fan_in) {                                                                                        \
    case 1: {                                                                                                \
        constexpr std::integral_constant<std::size_t, 1> kFanIn;                                             \
        CALL;                                                                                                \
    } break;                                                                                                 \
    case 2: {                                                                                                \
        constexpr std::integral_constant<std::size_t, 2> kFanIn;                                             \
        CALL;                                                                                                \
    } break;                                                                                                 \
    case 3: {                                                                                                \
        constexpr std::integral_constant<std::size_t, 3> kFanIn;                                             \
        CALL;                                                                                                \
    } break;                                                                                                 \
    case 4: {                                                                                                \
        constexpr std::integral_constant<std::size_t, 4> kFanIn;                                             \
        CALL;                                                                                                \
    } break;                                                                                                 \
    case 5: {                                                                                                \
        constexpr std::integral_constant<std::size_t, 5> kFanIn;                                             \
        CALL;                                                                                                \
    } break;                                                                                                 \
    case 6: {                                                                                                \
        constexpr std::integral_constant<std::size_t, 6> kFanIn;                                             \
        CALL;                                                                                                \
    } break;                                                                                                 \
    case 7: {                                                                                                \
        constexpr std::integral_constant<std::size_t, 7> kFanIn;                                             \
        CALL;                                                                                                \
    } break;                                                                                                 \
    case 8: {                                                                                                \
        constexpr std::integral_constant<std::size_t, 8> kFanIn;                                             \
        CALL;                                                                                                \
    } break;                                                                                                 \
    default: {                                                                                               \
        const std::size_t kFanIn = fan_in;                                                                   \
        CALL;                                                                                                \
    } break;                                                                                                 \
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
    constexpr double kShifter = 6755399441055744.0; // 1.5·2⁵²: adding it rounds to an integer
    const double shifted = std::fma(x, kInvLn2, kShifter);
    const double k = shifted - kShifter;
    const double r = std::fma(-k, kLn2Lo, std::fma(-k, kLn2Hi, x));
    // Estrin's scheme instead of Horner's: the same polynomial with a dependency chain of 5 fused
    // multiply-adds instead of 13, so that a layer's loop is not bound by the latency of one value.
    const double r2 = r * r;
    const double r4 = r2 * r2;
    const double r8 = r4 * r4;
    const double p01 = 1.0 + r;
    const double p23 = std::fma(r, 1.0 / 6.0, 0.5);
    const double p45 = std::fma(r, 1.0 / 120.0, 1.0 / 24.0);
    const double p67 = std::fma(r, 1.0 / 5040.0, 1.0 / 720.0);
    const double p89 = std::fma(r, 1.0 / 362880.0, 1.0 / 40320.0);
    const double p1011 = std::fma(r, 1.0 / 39916800.0, 1.0 / 3628800.0);
    const double p1213 = std::fma(r, 1.0 / 6227020800.0, 1.0 / 479001600.0);
    const double q0 = std::fma(r2, p23, p01);
    const double q1 = std::fma(r2, p67, p45);
    const double q2 = std::fma(r2, p1011, p89);
    const double p = std::fma(r8, std::fma(r4, p1213, q2), std::fma(r4, q1, q0));
    // The low bits of `shifted` hold k; moved into the exponent field they make the double 2ᵏ.
    const std::uint64_t two_k = (std::bit_cast<std::uint64_t>(shifted) + 1023u) << 52;
    return p * std::bit_cast<double>(two_k);
}

// tanh(z) = sign(z)·(1 − e)/(1 + e) with e = e^(−2|z|): no overflow, absolute error below 4e-16.
ACTLAB_ALWAYS_INLINE inline double FastTanh(double z) {
    const double e = ExpNonPositive(-2.0 * std::fabs(z));
    return std::copysign((1.0 - e) / (1.0 + e), z);
}

constexpr std::size_t kMaxFanIn = 8;
static_assert(kMaxFanIn >= kInputFeatureCount && kMaxFanIn >= kMaxLayerWidth);

// The packed kernels work on whole rows with GCC/Clang vector types: an operation on one is done
// lane by lane. A row of 4 is one 4-double vector (one AVX2 instruction, or two SSE2 ones in the
// default build). A row of 8 is two of them, or, in the AVX-512 version, one 8-double vector (GCC
// spills 8-double vectors to memory without AVX-512, hence the two kinds). Lane j computes exactly
// what the scalar loop computes for neuron j, in the same order, so packed and per-sample passes
// agree bit for bit and neither the CPU nor the version changes a result.
// (Spelled out per width: GCC drops a vector_size attribute that depends on a template parameter.)
template <std::size_t kWidth> struct VecType;
template <> struct VecType<4> { using type = double __attribute__((vector_size(4 * sizeof(double)))); };
template <> struct VecType<8> { using type = double __attribute__((vector_size(8 * sizeof(double)))); };
template <std::size_t kWidth> using Vec = typename VecType<kWidth>::type;
static_assert(sizeof(Vec<4>) == 4 * sizeof(double) && sizeof(Vec<8>) == 8 * sizeof(double));

// A row of kCount·kWidth doubles. Loads and stores are unaligned; rows are passed by reference, as a
// vector passed by value would change the calling convention between the versions (GCC warns).
template <std::size_t kWidth, std::size_t kCount> struct Row {
    static constexpr std::size_t kVectors = kCount;
    Vec<kWidth> q[kCount];
};

// The row of kLanes (4 or 8) doubles: one 8-double vector when kOct and the row has 8 lanes.
template <std::size_t kLanes, bool kOct> struct RowFor { using type = Row<4, kLanes / 4>; };
template <> struct RowFor<8, true> { using type = Row<8, 1>; };
template <std::size_t kLanes, bool kOct> using RowOf = typename RowFor<kLanes, kOct>::type;

template <std::size_t kWidth, std::size_t kCount>
ACTLAB_ALWAYS_INLINE inline void LoadRow(Row<kWidth, kCount>& v, const double* p) {
    for (std::size_t k = 0; k < kCount; ++k)
        std::memcpy(&v.q[k], p + kWidth * k, sizeof(Vec<kWidth>));
}

template <std::size_t kWidth, std::size_t kCount>
ACTLAB_ALWAYS_INLINE inline void StoreRow(double* p, const Row<kWidth, kCount>& v) {
    for (std::size_t k = 0; k < kCount; ++k)
        std::memcpy(p + kWidth * k, &v.q[k], sizeof(Vec<kWidth>));
}

// acc += v·s lane by lane.
template <std::size_t kWidth, std::size_t kCount>
ACTLAB_ALWAYS_INLINE inline void MulAdd(Row<kWidth, kCount>& acc, const Row<kWidth, kCount>& v, double s) {
    for (std::size_t k = 0; k < kCount; ++k)
        acc.q[k] += v.q[k] * s;
}

// How many independent rows (or inputs) a kernel works on at once: each keeps its own sum, in its own
// order, so results do not change, but the chains of dependent additions run side by side instead
// of one after the other. Two rows of 8 (four vectors) or four rows of 4 fit the 16 vector
// registers of AVX2 with room for the operands; AVX-512's 32 registers hold four rows of 8.
template <std::size_t kLanes, bool kOct> inline constexpr std::size_t kBlock = kLanes == 4 || kOct ? 4 : 2;

// z[b] = bias + Σᵢ in[b][i]·wt[i] (the sum over i in order, bias first, as AffineLayer adds), for
// kBlock rows at a time that share each row of wt.
template <std::size_t kLanes, std::size_t kInLanes, bool kOct, std::size_t kRows, typename FanIn>
ACTLAB_ALWAYS_INLINE inline void AffineRows(const double* wt, const RowOf<kLanes, kOct>& bias,
                                            FanIn fan_in_value, const double* in, double* z) {
    using R = RowOf<kLanes, kOct>;
    const std::size_t fan_in = fan_in_value;
    R acc[kRows];
    for (std::size_t r = 0; r < kRows; ++r)
        acc[r] = bias;
    for (std::size_t i = 0; i < fan_in; ++i) {
        R w_i;
        LoadRow(w_i, wt + i * kLanes);
        for (std::size_t r = 0; r < kRows; ++r)
            MulAdd(acc[r], w_i, in[r * kInLanes + i]);
    }
    for (std::size_t r = 0; r < kRows; ++r)
        StoreRow(z + r * kLanes, acc[r]);
}

template <std::size_t kLanes, std::size_t kInLanes, bool kOct, typename FanIn>
ACTLAB_ALWAYS_INLINE inline void AffinePacked(const PackedLayer& packed, FanIn fan_in, const double* in,
                                              double* z, std::size_t rows) {
    constexpr std::size_t kRows = kBlock<kLanes, kOct>;
    const double* wt = packed.wt.data();
    RowOf<kLanes, kOct> bias;
    LoadRow(bias, packed.bias.data());
    std::size_t b = 0;
    for (; b + kRows <= rows; b += kRows)
        AffineRows<kLanes, kInLanes, kOct, kRows>(wt, bias, fan_in, in + b * kInLanes, z + b * kLanes);
    for (; b < rows; ++b)
        AffineRows<kLanes, kInLanes, kOct, 1>(wt, bias, fan_in, in + b * kInLanes, z + b * kLanes);
}

// gwt[i] = Σ_b in[b][i]·δ[b] for kInputs inputs from `first` on, each sum in sample order.
template <std::size_t kLanes, std::size_t kInLanes, bool kOct, std::size_t kInputs>
ACTLAB_ALWAYS_INLINE inline void WeightGradients(std::size_t first, const double* in, const double* delta,
                                                 double* gwt, std::size_t rows) {
    using R = RowOf<kLanes, kOct>;
    R g[kInputs] = {};
    for (std::size_t b = 0; b < rows; ++b) {
        R db;
        LoadRow(db, delta + b * kLanes);
        for (std::size_t t = 0; t < kInputs; ++t)
            MulAdd(g[t], db, in[b * kInLanes + first + t]);
    }
    for (std::size_t t = 0; t < kInputs; ++t)
        StoreRow(gwt + (first + t) * kLanes, g[t]);
}

// up[b] = Σⱼ δ[b][j]·w[j] and δ_below[b] = up[b]·d_below[b] for kRows rows, sharing each row of w.
template <std::size_t kInLanes, std::size_t kLanes, bool kOct, std::size_t kRows>
ACTLAB_ALWAYS_INLINE inline void PropagateRows(const PackedLayer& packed, const double* delta,
                                               const double* d_below, double* up_below, double* delta_below) {
    using InR = RowOf<kInLanes, kOct>;
    InR up[kRows] = {};
    for (std::size_t j = 0; j < packed.size; ++j) {
        InR w_j;
        LoadRow(w_j, packed.w.data() + j * kInLanes);
        for (std::size_t r = 0; r < kRows; ++r)
            MulAdd(up[r], w_j, delta[r * kLanes + j]);
    }
    for (std::size_t r = 0; r < kRows; ++r) {
        InR d_in;
        LoadRow(d_in, d_below + r * kInLanes);
        StoreRow(up_below + r * kInLanes, up[r]);
        for (std::size_t k = 0; k < InR::kVectors; ++k)
            d_in.q[k] *= up[r].q[k];
        StoreRow(delta_below + r * kInLanes, d_in);
    }
}

// gwt[i] = Σ_b in[b][i]·δ[b], gb = Σ_b δ[b]; below the first layer up[b] = Σⱼ δ[b][j]·w[j] and
// δ_below[b] = up[b]·d_below[b] (the sums over b and j in order, as Backward adds).
template <std::size_t kLanes, std::size_t kInLanes, bool kOct, typename FanIn>
ACTLAB_ALWAYS_INLINE inline void BackwardPackedFixed(const PackedLayer& packed, FanIn fan_in_value,
                                                     const double* in, const double* delta, double* gwt,
                                                     double* gb, std::size_t rows, const double* d_below,
                                                     double* up_below, double* delta_below) {
    using R = RowOf<kLanes, kOct>;
    constexpr std::size_t kInputs = kBlock<kLanes, kOct>;
    const std::size_t fan_in = fan_in_value;
    std::size_t i = 0;
    for (; i + kInputs <= fan_in; i += kInputs)
        WeightGradients<kLanes, kInLanes, kOct, kInputs>(i, in, delta, gwt, rows);
    for (; i < fan_in; ++i)
        WeightGradients<kLanes, kInLanes, kOct, 1>(i, in, delta, gwt, rows);
    R g_bias = {};
    for (std::size_t b = 0; b < rows; ++b) {
        R db;
        LoadRow(db, delta + b * kLanes);
        for (std::size_t k = 0; k < R::kVectors; ++k)
            g_bias.q[k] += db.q[k];
    }
    StoreRow(gb, g_bias);
    if (up_below == nullptr) return;
    constexpr std::size_t kRows = kBlock<kInLanes, kOct>;
    std::size_t b = 0;
    for (; b + kRows <= rows; b += kRows)
        PropagateRows<kInLanes, kLanes, kOct, kRows>(packed, delta + b * kLanes, d_below + b * kInLanes,
                                                     up_below + b * kInLanes, delta_below + b * kInLanes);
    for (; b < rows; ++b)
        PropagateRows<kInLanes, kLanes, kOct, 1>(packed, delta + b * kLanes, d_below + b * kInLanes,
                                                 up_below + b * kInLanes, delta_below + b * kInLanes);
}

// Hands the row widths (4 or 8) over as compile-time constants.
#define ACTLAB_WITH_LANES(lanes, in_lanes, CALL)                                                             \
    if ((lanes) == 4 && (in_lanes) == 4) {                                                                   \
        constexpr std::size_t kL = 4, kIn = 4;                                                               \
        CALL;                                                                                                \
    } else if ((lanes) == 4) {                                                                               \
        constexpr std::size_t kL = 4, kIn = 8;                                                               \
        CALL;                                                                                                \
    } else if ((in_lanes) == 4) {                                                                            \
        constexpr std::size_t kL = 8, kIn = 4;                                                               \
        CALL;                                                                                                \
    } else {                                                                                                 \
        constexpr std::size_t kL = 8, kIn = 8;                                                               \
        CALL;                                                                                                \
    }

// a = f(z), d = f'(z) over `rows` rows of `width` values; `slopes` (width values) are PReLU's per-neuron a,
// null to use the layer's parameter. The switch on the activation runs once per call, not per value.
ACTLAB_ALWAYS_INLINE inline void ActivateBlock(const Layer& layer, const double* slopes, std::size_t width,
                                               const double* z, double* a, double* d, std::size_t rows) {
    const std::size_t n = width * rows;
    switch (layer.activation.id) {
    case ActivationId::Linear:
        for (std::size_t j = 0; j < n; ++j) {
            a[j] = z[j];
            d[j] = 1.0;
        }
        return;
    case ActivationId::Tanh:
        // tanh'(z) = 1 − tanh²(z), from the value already computed.
#pragma GCC unroll 4
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
    case ActivationId::Prelu:
        if (slopes != nullptr) { // a learned a per neuron
            for (std::size_t b = 0; b < rows; ++b) {
                for (std::size_t j = 0; j < width; ++j) {
                    const std::size_t k = b * width + j;
                    const bool on = z[k] > 0.0;
                    a[k] = on ? z[k] : slopes[j] * z[k];
                    d[k] = on ? 1.0 : slopes[j];
                }
            }
            return;
        }
        [[fallthrough]]; // one a for the whole layer: Leaky ReLU with that slope
    case ActivationId::LeakyRelu: {
        const double slope = layer.activation.params[0];
        for (std::size_t j = 0; j < n; ++j) {
            const bool on = z[j] > 0.0;
            a[j] = on ? z[j] : slope * z[j];
            d[j] = on ? 1.0 : slope;
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

} // namespace

ACTLAB_VECTOR_CLONES void ActivateRows(const Layer& layer, const double* z, double* a, double* d,
                                       std::size_t rows) {
    // A layer switched to PReLU without SetLayerActivation has no per-neuron a yet.
    const double* slopes = layer.learned.size() == layer.size ? layer.learned.data() : nullptr;
    ActivateBlock(layer, slopes, layer.size, z, a, d, rows);
}

void PackedLayer::Resize(const Layer& layer, std::size_t in_lanes_below) {
    fan_in = layer.fan_in;
    size = layer.size;
    lanes = PackedLanes(size);
    in_lanes = in_lanes_below;
    wt.assign(fan_in * lanes, 0.0);
    w.assign(size * in_lanes, 0.0);
    bias.assign(lanes, 0.0);
    slope.assign(lanes, 0.0);
}

void PackedLayer::Load(const Layer& layer) {
    for (std::size_t j = 0; j < size; ++j) {
        for (std::size_t i = 0; i < fan_in; ++i) {
            const double v = layer.weights[j * fan_in + i];
            wt[i * lanes + j] = v;
            w[j * in_lanes + i] = v;
        }
        bias[j] = layer.biases[j];
    }
    // A layer switched to PReLU without SetLayerActivation has no per-neuron a yet.
    const bool per_neuron = layer.learned.size() == size;
    for (std::size_t j = 0; j < size; ++j)
        slope[j] = per_neuron ? layer.learned[j] : 0.0;
}

namespace {

// The packed passes with rows of 4-double vectors (kOct false) or 8-double ones (kOct true).
template <bool kOct>
ACTLAB_ALWAYS_INLINE inline void ForwardVersion(const Layer& layer, const PackedLayer& packed,
                                                const double* in, double* z, double* a, double* d,
                                                std::size_t rows) {
    ACTLAB_WITH_LANES(
        packed.lanes, packed.in_lanes,
        ACTLAB_WITH_FAN_IN(packed.fan_in, (AffinePacked<kL, kIn, kOct>(packed, kFanIn, in, z, rows))))
    const bool per_neuron = layer.learned.size() == layer.size;
    const double* slopes = per_neuron ? packed.slope.data() : nullptr;
    if (packed.size > 1) {
        ActivateBlock(layer, slopes, packed.lanes, z, a, d, rows);
        return;
    }
    // One neuron (the output, a chain): its column gathered in chunks, so that f runs on one value
    // per row instead of four. The padding lanes of a and d keep their zeros.
    constexpr std::size_t kChunk = 64;
    double zc[kChunk], ac[kChunk], dc[kChunk];
    for (std::size_t first = 0; first < rows; first += kChunk) {
        const std::size_t n = std::min(kChunk, rows - first);
        for (std::size_t b = 0; b < n; ++b)
            zc[b] = z[(first + b) * packed.lanes];
        ActivateBlock(layer, slopes, 1, zc, ac, dc, n);
        for (std::size_t b = 0; b < n; ++b) {
            a[(first + b) * packed.lanes] = ac[b];
            d[(first + b) * packed.lanes] = dc[b];
        }
    }
}

template <std::size_t kLanes, bool kOct>
ACTLAB_ALWAYS_INLINE inline void UpdateRows(PackedLayer& packed, const double* gwt, double decay,
                                            double scale, double* sums) {
    using R = RowOf<kLanes, kOct>;
    R sum = {};
    for (std::size_t i = 0; i < packed.fan_in; ++i) {
        R w, g;
        LoadRow(w, packed.wt.data() + i * kLanes);
        LoadRow(g, gwt + i * kLanes);
        for (std::size_t k = 0; k < R::kVectors; ++k) {
            w.q[k] = decay * w.q[k] - scale * g.q[k];
            sum.q[k] += w.q[k];
        }
        StoreRow(packed.wt.data() + i * kLanes, w);
    }
    StoreRow(sums, sum);
}

template <bool kOct>
ACTLAB_ALWAYS_INLINE inline void UpdateVersion(PackedLayer& packed, const double* gwt, double decay,
                                               double scale, double* sums) {
    if (packed.lanes == 4)
        UpdateRows<4, kOct>(packed, gwt, decay, scale, sums);
    else
        UpdateRows<8, kOct>(packed, gwt, decay, scale, sums);
}

template <bool kOct>
ACTLAB_ALWAYS_INLINE inline void
BackwardVersion(const PackedLayer& packed, const double* in, const double* delta, double* gwt, double* gb,
                std::size_t rows, const double* d_below, double* up_below, double* delta_below) {
    ACTLAB_WITH_LANES(packed.lanes, packed.in_lanes,
                      ACTLAB_WITH_FAN_IN(packed.fan_in, (BackwardPackedFixed<kL, kIn, kOct>(
                                                            packed, kFanIn, in, delta, gwt, gb, rows, d_below,
                                                            up_below, delta_below))))
}

} // namespace

// The 4-double versions, for every CPU (one clone per instruction set, as above). External linkage:
// GCC's target_clones wants it.
ACTLAB_VECTOR_CLONES void ForwardPackedQuad(const Layer& layer, const PackedLayer& packed, const double* in,
                                            double* z, double* a, double* d, std::size_t rows) {
    ForwardVersion<false>(layer, packed, in, z, a, d, rows);
}
ACTLAB_VECTOR_CLONES void UpdatePackedQuad(PackedLayer& packed, const double* gwt, double decay, double scale,
                                           double* sums) {
    UpdateVersion<false>(packed, gwt, decay, scale, sums);
}
ACTLAB_VECTOR_CLONES void BackwardPackedQuad(const PackedLayer& packed, const double* in, const double* delta,
                                             double* gwt, double* gb, std::size_t rows, const double* d_below,
                                             double* up_below, double* delta_below) {
    BackwardVersion<false>(packed, in, delta, gwt, gb, rows, d_below, up_below, delta_below);
}

#if ACTLAB_OCT_ROWS
// The 8-double versions, compiled for AVX-512 and called only where the CPU has it.
ACTLAB_OCT_TARGET void ForwardPackedOct(const Layer& layer, const PackedLayer& packed, const double* in,
                                        double* z, double* a, double* d, std::size_t rows) {
    ForwardVersion<true>(layer, packed, in, z, a, d, rows);
}
ACTLAB_OCT_TARGET void UpdatePackedOct(PackedLayer& packed, const double* gwt, double decay, double scale,
                                       double* sums) {
    UpdateVersion<true>(packed, gwt, decay, scale, sums);
}
ACTLAB_OCT_TARGET void BackwardPackedOct(const PackedLayer& packed, const double* in, const double* delta,
                                         double* gwt, double* gb, std::size_t rows, const double* d_below,
                                         double* up_below, double* delta_below) {
    BackwardVersion<true>(packed, in, delta, gwt, gb, rows, d_below, up_below, delta_below);
}
#endif

// buf ← μ·buf + g; p ← p − η·buf, with g = gsum·inv_batch + λp (see network_kernel.h).
ACTLAB_VECTOR_CLONES void MomentumUpdate(double* p, const double* gsum, double* buf, std::size_t n,
                                         const OptimizerStep& step) {
    for (std::size_t k = 0; k < n; ++k) {
        const double g = gsum[k] * step.inv_batch + step.l2 * p[k];
        buf[k] = step.mu * buf[k] + g;
        p[k] = p[k] - step.eta * buf[k];
    }
}

// m ← β1·m + (1 − β1)·g; v ← β2·v + (1 − β2)·g²; p ← p − step_size·m/(√v/√(1 − β2ᵗ) + ε), as PyTorch.
ACTLAB_VECTOR_CLONES void AdamUpdate(double* p, const double* gsum, double* m, double* v, std::size_t n,
                                     const OptimizerStep& step) {
    // The step's numbers as locals: read through `step` inside the loop, each could alias a store to
    // p, m or v, and the compiler then keeps the loop scalar (a square root and a division a parameter).
    const double inv_batch = step.inv_batch, l2 = step.l2, beta1 = step.beta1, beta2 = step.beta2;
    const double one_minus_beta1 = 1.0 - beta1, one_minus_beta2 = 1.0 - beta2;
    const double step_size = step.step_size, inv_sqrt_bc2 = step.inv_sqrt_bc2, eps = step.eps;
    for (std::size_t k = 0; k < n; ++k) {
        const double g = gsum[k] * inv_batch + l2 * p[k];
        const double mk = beta1 * m[k] + one_minus_beta1 * g;
        const double vk = beta2 * v[k] + one_minus_beta2 * (g * g);
        m[k] = mk;
        v[k] = vk;
        // PyTorch divides √v by √(1 − β2ᵗ); a product with the reciprocal differs in the last bit at
        // most and saves a division per parameter (the reference tests allow 1e-9).
        p[k] = p[k] - step_size * (mk / (std::sqrt(vk) * inv_sqrt_bc2 + eps));
    }
}

bool RowVectorsSupported(RowVectors vectors) {
    if (vectors == RowVectors::Quad) return true;
#if ACTLAB_OCT_ROWS
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f");
#else
    return false;
#endif
}

RowVectors BestRowVectors() {
    // A property of the CPU, computed once; not program state.
    static const RowVectors best = RowVectorsSupported(RowVectors::Oct) ? RowVectors::Oct : RowVectors::Quad;
    return best;
}

void ForwardPacked(const Layer& layer, const PackedLayer& packed, const double* in, double* z, double* a,
                   double* d, std::size_t rows, RowVectors vectors) {
#if ACTLAB_OCT_ROWS
    if (vectors == RowVectors::Oct) return ForwardPackedOct(layer, packed, in, z, a, d, rows);
#endif
    (void)vectors;
    ForwardPackedQuad(layer, packed, in, z, a, d, rows);
}

void UpdatePacked(PackedLayer& packed, const double* gwt, double decay, double scale, double* sums,
                  RowVectors vectors) {
#if ACTLAB_OCT_ROWS
    if (vectors == RowVectors::Oct) return UpdatePackedOct(packed, gwt, decay, scale, sums);
#endif
    (void)vectors;
    UpdatePackedQuad(packed, gwt, decay, scale, sums);
}

void BackwardPacked(const PackedLayer& packed, const double* in, const double* delta, double* gwt, double* gb,
                    std::size_t rows, const double* d_below, double* up_below, double* delta_below,
                    RowVectors vectors) {
#if ACTLAB_OCT_ROWS
    if (vectors == RowVectors::Oct)
        return BackwardPackedOct(packed, in, delta, gwt, gb, rows, d_below, up_below, delta_below);
#endif
    (void)vectors;
    BackwardPackedQuad(packed, in, delta, gwt, gb, rows, d_below, up_below, delta_below);
}

} // namespace actlab::detail
