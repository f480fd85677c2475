// The network's layer loops (switch hoisted, our own exp for tanh and sigmoid) against the
// catalogue's Evaluate and Derivative, so that the network trains the functions the plots show.
#include "core/network_kernel.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <vector>

namespace actlab {
namespace {

TEST(NetworkKernel, EveryActivationMatchesTheCatalogue) {
    std::vector<double> z;
    for (int i = -3000; i <= 3000; ++i)
        z.push_back(i * 0.01); // [−30, 30], kinks at 0, ±3, 6 included
    for (double far : {-1e6, -745.0, -40.0, -20.0, -1e-300, 0.0, 1e-300, 1e-8, 20.0, 40.0, 745.0, 1e6})
        z.push_back(far);
    const std::size_t rows = z.size();
    for (const auto& info : Catalogue()) {
        Layer layer;
        layer.activation = Activation::WithDefaults(info.id);
        layer.size = 1;
        if (info.id == ActivationId::Prelu) layer.learned = {0.3};
        std::vector<double> a(rows), d(rows);
        detail::ActivateRows(layer, z.data(), a.data(), d.data(), rows);
        const Activation reference = layer.NeuronActivation(0);
        for (std::size_t k = 0; k < rows; ++k) {
            const double f = Evaluate(reference, z[k]);
            const double df = Derivative(reference, z[k]);
            // tanh and sigmoid use our own exp (absolute error below 4e-16); the rest are exact.
            EXPECT_NEAR(a[k], f, 4e-16 * std::max(1.0, std::fabs(f))) << info.name << " at " << z[k];
            EXPECT_NEAR(d[k], df, 1e-15 * std::max(1.0, std::fabs(df))) << info.name << "' at " << z[k];
        }
    }
}

// The vectorised tanh and sigmoid (our own exp, Estrin's polynomial) against the C library over a
// dense sweep of [−40, 40], tiny arguments and saturation. Measured maxima: tanh 3.3e-16 absolute,
// tanh′ 5.6e-16 absolute, sigmoid 6.4e-16 and σ′ 6.9e-16 relative (the reference 1/(1 + e⁻ᶻ) has
// its own rounding); the bounds leave about one more ulp.
TEST(NetworkKernel, FastTanhAndSigmoidStayWithinTheirDocumentedError) {
    std::vector<double> z;
    for (int i = -400000; i <= 400000; ++i)
        z.push_back(i * 1e-4);
    for (double tiny = 1e-300; tiny < 1.0; tiny *= 3.7) {
        z.push_back(tiny);
        z.push_back(-tiny);
    }
    for (double far : {-1e300, -745.0, -40.0, -19.5, 19.5, 40.0, 745.0, 1e300})
        z.push_back(far);
    const std::size_t rows = z.size();
    std::vector<double> a(rows), d(rows);
    Layer layer;
    layer.size = 1;
    layer.activation = Activation::WithDefaults(ActivationId::Tanh);
    detail::ActivateRows(layer, z.data(), a.data(), d.data(), rows);
    double tanh_err = 0.0, tanh_d_err = 0.0;
    for (std::size_t k = 0; k < rows; ++k) {
        const double t = std::tanh(z[k]);
        tanh_err = std::max(tanh_err, std::fabs(a[k] - t));
        tanh_d_err = std::max(tanh_d_err, std::fabs(d[k] - (1.0 - t * t)));
        ASSERT_LE(std::fabs(a[k]), 1.0) << z[k];
    }
    layer.activation = Activation::WithDefaults(ActivationId::Sigmoid);
    detail::ActivateRows(layer, z.data(), a.data(), d.data(), rows);
    double sigmoid_err = 0.0, sigmoid_d_err = 0.0;
    for (std::size_t k = 0; k < rows; ++k) {
        const double s = 1.0 / (1.0 + std::exp(-z[k]));
        const double ds = std::exp(-std::fabs(z[k])) /
                          ((1.0 + std::exp(-std::fabs(z[k]))) * (1.0 + std::exp(-std::fabs(z[k]))));
        if (s > 0.0) sigmoid_err = std::max(sigmoid_err, std::fabs(a[k] - s) / s);
        if (ds > 1e-300) sigmoid_d_err = std::max(sigmoid_d_err, std::fabs(d[k] - ds) / ds);
    }
    std::printf("max error: tanh %.3g, tanh' %.3g, sigmoid %.3g (relative), sigmoid' %.3g (relative)\n",
                tanh_err, tanh_d_err, sigmoid_err, sigmoid_d_err);
    EXPECT_LT(tanh_err, 4e-16);
    EXPECT_LT(tanh_d_err, 1e-15);
    EXPECT_LT(sigmoid_err, 1e-15);
    EXPECT_LT(sigmoid_d_err, 2e-15);
}

TEST(NetworkKernel, FastTanhKeepsTheSignOfZeroSaturatesAndPropagatesNan) {
    const std::vector<double> z{0.0, -0.0, std::numeric_limits<double>::infinity(),
                                -std::numeric_limits<double>::infinity(), std::nan("")};
    std::vector<double> a(z.size()), d(z.size());
    Layer layer;
    layer.size = 1;
    layer.activation = Activation::WithDefaults(ActivationId::Tanh);
    detail::ActivateRows(layer, z.data(), a.data(), d.data(), z.size());
    EXPECT_EQ(a[0], 0.0);
    EXPECT_FALSE(std::signbit(a[0]));
    EXPECT_EQ(a[1], 0.0);
    EXPECT_TRUE(std::signbit(a[1]));
    EXPECT_EQ(d[0], 1.0);
    EXPECT_EQ(a[2], 1.0);
    EXPECT_EQ(a[3], -1.0);
    EXPECT_EQ(d[2], 0.0);
    EXPECT_TRUE(std::isnan(a[4]));
    EXPECT_TRUE(std::isnan(d[4]));
    layer.activation = Activation::WithDefaults(ActivationId::Sigmoid);
    detail::ActivateRows(layer, z.data(), a.data(), d.data(), z.size());
    EXPECT_EQ(a[0], 0.5);
    EXPECT_EQ(a[2], 1.0);
    EXPECT_LT(a[3], 1e-17); // e^(−40) after the clamp: σ(−∞) is tiny, not 0
    EXPECT_TRUE(std::isnan(a[4]));
}

// The kernel is compiled for several instruction sets and promises the same bits on every CPU, so no
// version may fuse a multiply and an add the source keeps apart. The references below are computed
// here, in code built for the baseline instruction set (no fused multiply-add exists there), in the
// order the kernel documents; a fused clone on the CPU running the test differs in the last bits.
// A packed layer with arbitrary weights and `rows` rows of inputs (and of f'(z) of a layer below),
// drawn from a simple recurrence: values with full mantissas, so that a fused rounding would show.
struct PackedCase {
    Layer layer;
    detail::PackedLayer packed;
    std::vector<double> in, d_below; // rows × packed.in_lanes, padding zero
};

PackedCase MakePackedCase(ActivationId activation, std::size_t size, std::size_t fan_in, std::size_t rows,
                          double& seed) {
    auto next = [&seed] {
        seed = std::fmod(seed * 7.123456789 + 0.318309886, 2.0);
        return seed - 1.0;
    };
    PackedCase c;
    c.layer.activation = Activation::WithDefaults(activation);
    c.layer.fan_in = fan_in;
    c.layer.size = size;
    for (std::size_t k = 0; k < fan_in * size; ++k)
        c.layer.weights.push_back(next());
    for (std::size_t j = 0; j < size; ++j)
        c.layer.biases.push_back(next() * 0.1);
    c.packed.Resize(c.layer, detail::PackedLanes(fan_in));
    c.packed.Load(c.layer);
    const std::size_t in_lanes = c.packed.in_lanes;
    c.in.assign(rows * in_lanes, 0.0);
    c.d_below.assign(rows * in_lanes, 0.0);
    for (std::size_t b = 0; b < rows; ++b) {
        for (std::size_t i = 0; i < fan_in; ++i) {
            c.in[b * in_lanes + i] = next();
            c.d_below[b * in_lanes + i] = next();
        }
    }
    return c;
}

void ExpectThePortableBits(detail::RowVectors vectors) {
    constexpr std::size_t kRows = 7, kFanIn = 8, kSize = 8;
    double seed = 0.37;
    PackedCase c = MakePackedCase(ActivationId::Tanh, kSize, kFanIn, kRows, seed);
    const Layer& layer = c.layer;
    detail::PackedLayer& packed = c.packed;
    const std::vector<double>& in = c.in;
    const std::vector<double>& d_below = c.d_below;
    const std::size_t lanes = packed.lanes, in_lanes = packed.in_lanes;
    std::vector<double> z(kRows * lanes), a(kRows * lanes), d(kRows * lanes);
    detail::ForwardPacked(layer, packed, in.data(), z.data(), a.data(), d.data(), kRows, vectors);
    for (std::size_t b = 0; b < kRows; ++b) {
        for (std::size_t j = 0; j < kSize; ++j) {
            double zj = layer.biases[j];
            for (std::size_t i = 0; i < kFanIn; ++i) {
                const double product = layer.Weight(j, i) * in[b * in_lanes + i];
                zj = zj + product;
            }
            const std::size_t k = b * lanes + j;
            ASSERT_EQ(z[k], zj) << "z of row " << b << ", neuron " << j;
            const double t = a[k];
            const double t_squared = t * t;
            ASSERT_EQ(d[k], 1.0 - t_squared) << "tanh' of row " << b << ", neuron " << j;
        }
    }
    // Backward with δ = d: the weight gradients, the bias gradients and what reaches the layer below.
    std::vector<double> gwt(kFanIn * lanes), gb(lanes), up(kRows * in_lanes), delta_below(kRows * in_lanes);
    detail::BackwardPacked(packed, in.data(), d.data(), gwt.data(), gb.data(), kRows, d_below.data(),
                           up.data(), delta_below.data(), vectors);
    for (std::size_t j = 0; j < kSize; ++j) {
        for (std::size_t i = 0; i < kFanIn; ++i) {
            double g = 0.0;
            for (std::size_t b = 0; b < kRows; ++b) {
                const double product = in[b * in_lanes + i] * d[b * lanes + j];
                g = g + product;
            }
            ASSERT_EQ(gwt[i * lanes + j], g) << "∂E/∂w of neuron " << j << ", input " << i;
        }
    }
    for (std::size_t b = 0; b < kRows; ++b) {
        for (std::size_t i = 0; i < kFanIn; ++i) {
            double sum = 0.0;
            for (std::size_t j = 0; j < kSize; ++j) {
                const double product = d[b * lanes + j] * layer.Weight(j, i);
                sum = sum + product;
            }
            ASSERT_EQ(up[b * in_lanes + i], sum) << "∂E/∂a below, row " << b << ", input " << i;
            ASSERT_EQ(delta_below[b * in_lanes + i], d_below[b * in_lanes + i] * sum);
        }
    }
    // The update: w ← decay·w − scale·g, each product rounded before the subtraction.
    const double decay = 1.0 - 0.3 * 1e-3, scale = 0.3 / kRows;
    std::vector<double> before = packed.wt;
    double sums[detail::kPackedMaxLanes];
    detail::UpdatePacked(packed, gwt.data(), decay, scale, sums, vectors);
    for (std::size_t k = 0; k < before.size(); ++k) {
        const double kept = decay * before[k];
        const double step = scale * gwt[k];
        ASSERT_EQ(packed.wt[k], kept - step) << "updated weight " << k;
    }
}

TEST(NetworkKernel, EveryVersionComputesThePortableBitsWithoutFusedMultiplyAdds) {
    for (const auto vectors : {detail::RowVectors::Quad, detail::RowVectors::Oct}) {
        if (!detail::RowVectorsSupported(vectors)) continue; // this CPU cannot run it
        SCOPED_TRACE(vectors == detail::RowVectors::Quad ? "rows of 4-double vectors"
                                                         : "rows of 8-double vectors");
        ExpectThePortableBits(vectors);
    }
}

// The two row layouts over every shape the network allows (4 and 8 lanes, fan-ins of 1–8, batches
// that do and do not fill the blocks of rows): the same bits from the forward, backward and update
// passes.
TEST(NetworkKernel, BothRowLayoutsAgreeBitForBitOnEveryShape) {
    if (!detail::RowVectorsSupported(detail::RowVectors::Oct)) GTEST_SKIP() << "this CPU has no AVX-512";
    double seed = 0.61;
    for (std::size_t size = 1; size <= 8; ++size) {
        for (std::size_t fan_in = 1; fan_in <= 8; ++fan_in) {
            for (std::size_t rows : {1u, 2u, 3u, 5u, 10u, 13u}) {
                SCOPED_TRACE(testing::Message()
                             << size << " neurons, fan-in " << fan_in << ", " << rows << " rows");
                const PackedCase c = MakePackedCase(size % 2 == 0 ? ActivationId::Tanh : ActivationId::Relu,
                                                    size, fan_in, rows, seed);
                const Layer& layer = c.layer;
                const std::vector<double>& in = c.in;
                const std::vector<double>& d_below = c.d_below;
                detail::PackedLayer quad = c.packed, oct = c.packed;
                const std::size_t lanes = quad.lanes, in_lanes = quad.in_lanes;
                struct Outputs {
                    std::vector<double> z, a, d, gwt, gb, up, delta_below;
                    double sums[detail::kPackedMaxLanes];
                };
                auto run = [&](detail::PackedLayer& packed, detail::RowVectors vectors) {
                    Outputs o;
                    for (auto* v : {&o.z, &o.a, &o.d})
                        v->assign(rows * lanes, 0.0);
                    o.gwt.assign(fan_in * lanes, 0.0);
                    o.gb.assign(lanes, 0.0);
                    o.up.assign(rows * in_lanes, 0.0);
                    o.delta_below.assign(rows * in_lanes, 0.0);
                    detail::ForwardPacked(layer, packed, in.data(), o.z.data(), o.a.data(), o.d.data(), rows,
                                          vectors);
                    detail::BackwardPacked(packed, in.data(), o.d.data(), o.gwt.data(), o.gb.data(), rows,
                                           d_below.data(), o.up.data(), o.delta_below.data(), vectors);
                    detail::UpdatePacked(packed, o.gwt.data(), 0.999, 0.05, o.sums, vectors);
                    return o;
                };
                const Outputs q = run(quad, detail::RowVectors::Quad);
                const Outputs o = run(oct, detail::RowVectors::Oct);
                ASSERT_EQ(q.z, o.z);
                ASSERT_EQ(q.a, o.a);
                ASSERT_EQ(q.d, o.d);
                ASSERT_EQ(q.gwt, o.gwt);
                ASSERT_EQ(q.gb, o.gb);
                ASSERT_EQ(q.up, o.up);
                ASSERT_EQ(q.delta_below, o.delta_below);
                ASSERT_EQ(quad.wt, oct.wt);
                for (std::size_t j = 0; j < lanes; ++j)
                    ASSERT_EQ(q.sums[j], o.sums[j]);
            }
        }
    }
}

TEST(NetworkKernel, PreluUsesEachNeuronsSlopeAcrossRows) {
    Layer layer;
    layer.activation = Activation::WithDefaults(ActivationId::Prelu);
    layer.size = 2;
    layer.learned = {0.1, 0.5};
    const std::vector<double> z{-1.0, -1.0, 2.0, -4.0}; // two rows of two neurons
    std::vector<double> a(4), d(4);
    detail::ActivateRows(layer, z.data(), a.data(), d.data(), 2);
    EXPECT_EQ(a, (std::vector<double>{-0.1, -0.5, 2.0, -2.0}));
    EXPECT_EQ(d, (std::vector<double>{0.1, 0.5, 1.0, 0.5}));
}

} // namespace
} // namespace actlab
