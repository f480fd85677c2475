// Signal propagation through deep random networks: what a class should see (SELU keeps (0, 1), ReLU
// keeps its scale with He and shrinks with LeCun, sigmoid gradients vanish), with the per-layer
// factors that mean-field theory predicts, and the parsing and limits of the configuration.
#include "core/propagation.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace actlab {
namespace {

PropagationConfig Config(ActivationId id, SignalInitScheme init, std::size_t depth, std::size_t width = 300,
                         std::size_t samples = 100) {
    PropagationConfig c;
    c.activation = Activation::WithDefaults(id);
    c.init.scheme = init;
    c.depth = depth;
    c.width = width;
    c.samples = samples;
    c.seed = 7;
    return c;
}

TEST(Propagation, SeluWithLecunStaysNearZeroOneOverFiftyLayers) {
    const auto stats = SimulatePropagation(Config(ActivationId::Selu, SignalInitScheme::LeCun, 50));
    ASSERT_EQ(stats.size(), 51u);
    for (const auto& row : stats) {
        EXPECT_NEAR(row.mean, 0.0, 0.1) << "layer " << row.layer;
        EXPECT_NEAR(row.variance, 1.0, 0.15) << "layer " << row.layer;
        EXPECT_TRUE(std::isfinite(row.grad_norm));
    }
}

TEST(Propagation, SeluWithOtherConstantsDrifts) {
    PropagationConfig larger = Config(ActivationId::Selu, SignalInitScheme::LeCun, 50);
    ASSERT_EQ(SetParam(larger.activation, "lambda", 1.2), "");
    EXPECT_GT(SimulatePropagation(larger).back().variance, 2.0);
    PropagationConfig smaller = Config(ActivationId::Selu, SignalInitScheme::LeCun, 50);
    ASSERT_EQ(SetParam(smaller.activation, "lambda", 0.9), "");
    EXPECT_LT(SimulatePropagation(smaller).back().variance, 0.5);
}

TEST(Propagation, ReluKeepsItsScaleWithHe) {
    const auto stats = SimulatePropagation(Config(ActivationId::Relu, SignalInitScheme::He, 50));
    const double ratio = stats[50].variance / stats[1].variance;
    EXPECT_GT(ratio, 0.5);
    EXPECT_LT(ratio, 2.0);
    // E[ReLU(h)²] = q/2 with q = 2 for He, so the variance is 1 − 1/π ≈ 0.68 at the first layer.
    EXPECT_NEAR(stats[1].variance, 1.0 - 1.0 / std::numbers::pi, 0.05);
    const double gradient_ratio = stats[1].grad_norm / stats[50].grad_norm;
    EXPECT_GT(gradient_ratio, 0.5);
    EXPECT_LT(gradient_ratio, 2.0);
}

TEST(Propagation, ReluShrinksWithLecunByHalfALayer) {
    // LeCun gives ReLU units half the second moment they need: E[a²] halves per layer, and so does
    // E‖δ‖² on the way back (σ² W · E[ReLU′²] = ½).
    const auto stats = SimulatePropagation(Config(ActivationId::Relu, SignalInitScheme::LeCun, 20));
    const double variance_ratio = stats[20].variance / stats[1].variance;
    EXPECT_GT(variance_ratio, std::ldexp(1.0, -19) / 3.0);
    EXPECT_LT(variance_ratio, std::ldexp(1.0, -19) * 3.0);
    const double gradient_ratio = stats[1].grad_norm / stats[20].grad_norm;
    EXPECT_GT(gradient_ratio, std::pow(2.0, -9.5) / 3.0);
    EXPECT_LT(gradient_ratio, std::pow(2.0, -9.5) * 3.0);
}

TEST(Propagation, SigmoidGradientsVanishLayerByLayer) {
    // σ′ ≤ 0.25 and ‖Wᵀδ‖ ≈ ‖δ‖ with LeCun weights: each layer down divides the gradient by 4 or more.
    const auto stats = SimulatePropagation(Config(ActivationId::Sigmoid, SignalInitScheme::LeCun, 20));
    for (std::size_t l = 1; l < 20; ++l)
        EXPECT_LT(stats[l].grad_norm, 0.3 * stats[l + 1].grad_norm) << "layer " << l;
    EXPECT_LT(stats[1].grad_norm / stats[20].grad_norm, 1e-6);
    EXPECT_GT(stats[1].grad_norm, 0.0);
}

TEST(Propagation, TanhGradientsShrinkWithDepth) {
    const auto stats = SimulatePropagation(Config(ActivationId::Tanh, SignalInitScheme::LeCun, 50));
    EXPECT_LT(stats[1].grad_norm, 0.2 * stats[50].grad_norm);
}

TEST(Propagation, InputLayerIsStandardNormal) {
    const auto stats =
        SimulatePropagation(Config(ActivationId::Linear, SignalInitScheme::LeCun, 3, 500, 200));
    EXPECT_EQ(stats[0].layer, 0u);
    EXPECT_NEAR(stats[0].mean, 0.0, 0.01);
    EXPECT_NEAR(stats[0].variance, 1.0, 0.02);
    // The read-out r ~ N(0, I/W) makes ‖∂L/∂a_D‖ ≈ 1, and a linear network with LeCun weights keeps it.
    EXPECT_NEAR(stats[3].grad_norm, 1.0, 0.05);
    EXPECT_NEAR(stats[0].grad_norm, 1.0, 0.15);
}

TEST(Propagation, DeterministicAndIndependentOfThreads) {
    PropagationConfig c =
        Config(ActivationId::Elu, SignalInitScheme::He, 8, 70, 13); // sizes off the block grid
    c.threads = 1;
    const auto one = SimulatePropagation(c);
    c.threads = 3;
    const auto three = SimulatePropagation(c);
    ASSERT_EQ(one.size(), three.size());
    for (std::size_t l = 0; l < one.size(); ++l) {
        EXPECT_EQ(one[l].mean, three[l].mean);
        EXPECT_EQ(one[l].variance, three[l].variance);
        EXPECT_EQ(one[l].grad_norm, three[l].grad_norm);
    }
    c.seed = 8;
    EXPECT_NE(SimulatePropagation(c)[8].variance, one[8].variance);
}

TEST(Propagation, ReportsProgressAndCanBeCancelled) {
    const PropagationConfig c = Config(ActivationId::Tanh, SignalInitScheme::LeCun, 5, 30, 10);
    std::vector<double> fractions;
    const auto stats = SimulatePropagation(c, [&](double fraction) {
        fractions.push_back(fraction);
        return true;
    });
    EXPECT_EQ(stats.size(), 6u);
    ASSERT_EQ(fractions.size(), 10u);
    for (std::size_t i = 1; i < fractions.size(); ++i)
        EXPECT_GT(fractions[i], fractions[i - 1]);
    EXPECT_EQ(fractions.back(), 1.0);

    int calls = 0;
    const auto cancelled = SimulatePropagation(c, [&](double) { return ++calls < 3; });
    EXPECT_TRUE(cancelled.empty());
    EXPECT_EQ(calls, 3);
}

TEST(Propagation, TinyNetworksWork) {
    const auto stats = SimulatePropagation(Config(ActivationId::Sigmoid, SignalInitScheme::Xavier, 1, 1, 1));
    ASSERT_EQ(stats.size(), 2u);
    EXPECT_EQ(stats[0].variance, 0.0); // one value has no spread
    EXPECT_GT(stats[1].mean, 0.0);
    EXPECT_LT(stats[1].mean, 1.0);
}

TEST(Propagation, OverflowGivesNonFiniteValuesNotACrash) {
    PropagationConfig c = Config(ActivationId::Linear, SignalInitScheme::Normal, 30, 50, 10);
    c.init.stddev = 100.0; // ×700 per layer: beyond a float after 14 layers
    const auto stats = SimulatePropagation(c);
    EXPECT_FALSE(std::isfinite(stats.back().variance));
}

TEST(WeightInitialisation, ParseAndStandardDeviations) {
    EXPECT_EQ(ParseWeightInit("lecun").value.scheme, SignalInitScheme::LeCun);
    EXPECT_EQ(ParseWeightInit("he").value.scheme, SignalInitScheme::He);
    EXPECT_EQ(ParseWeightInit("xavier").value.scheme, SignalInitScheme::Xavier);
    const auto normal = ParseWeightInit("normal:0.05");
    ASSERT_TRUE(normal);
    EXPECT_EQ(normal.value.scheme, SignalInitScheme::Normal);
    EXPECT_EQ(normal.value.stddev, 0.05);
    EXPECT_EQ(WeightInitName(normal.value), "normal:0.050000000000000003");
    for (const char* bad :
         {"", "LeCun", "gauss", "normal", "normal:", "normal:-1", "normal:nan", "normal:1e999"})
        EXPECT_FALSE(ParseWeightInit(bad)) << bad;
    EXPECT_NE(ParseWeightInit("gauss").error.find("allowed: lecun, he, xavier, normal:STD"),
              std::string::npos);

    EXPECT_DOUBLE_EQ(WeightStd({SignalInitScheme::LeCun, 0}, 400, 100), 0.05);
    EXPECT_DOUBLE_EQ(WeightStd({SignalInitScheme::He, 0}, 200, 100), 0.1);
    EXPECT_DOUBLE_EQ(WeightStd({SignalInitScheme::Xavier, 0}, 100, 300), std::sqrt(2.0 / 400.0));
    EXPECT_DOUBLE_EQ(WeightStd({SignalInitScheme::Normal, 0.3}, 10, 10), 0.3);
}

TEST(Propagation, ConfigurationLimits) {
    EXPECT_EQ(ValidatePropagationConfig(Config(ActivationId::Relu, SignalInitScheme::He, 100, 1000, 1000)),
              "");
    EXPECT_NE(ValidatePropagationConfig(Config(ActivationId::Relu, SignalInitScheme::He, 0)).find("depth"),
              std::string::npos);
    EXPECT_NE(ValidatePropagationConfig(Config(ActivationId::Relu, SignalInitScheme::He, 101)).find("depth"),
              std::string::npos);
    EXPECT_NE(
        ValidatePropagationConfig(Config(ActivationId::Relu, SignalInitScheme::He, 5, 1001)).find("width"),
        std::string::npos);
    EXPECT_NE(
        ValidatePropagationConfig(Config(ActivationId::Relu, SignalInitScheme::He, 5, 10, 0)).find("samples"),
        std::string::npos);
    PropagationConfig bad_param = Config(ActivationId::Selu, SignalInitScheme::LeCun, 5);
    bad_param.activation.params[0] = -1.0;
    EXPECT_NE(ValidatePropagationConfig(bad_param).find("lambda"), std::string::npos);
}

} // namespace
} // namespace actlab
