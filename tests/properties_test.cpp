// Property cards computed from the parameters.
#include "core/properties.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace actlab {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

Properties Of(ActivationId id, const char* param = nullptr, double value = 0.0) {
    Activation a = Activation::WithDefaults(id);
    if (param != nullptr) {
        EXPECT_EQ(SetParam(a, param, value), "");
    }
    return ComputeProperties(a);
}

TEST(Properties, EluOutputRangeIsOpenAtMinusAlpha) {
    const Properties p = Of(ActivationId::Elu, "alpha", 1.5);
    EXPECT_DOUBLE_EQ(p.output_range.lo, -1.5);
    EXPECT_FALSE(p.output_range.lo_closed);
    EXPECT_EQ(p.output_range.hi, kInf);
    EXPECT_EQ(p.output_range.ToString(), "(−1.5, ∞)");
    ASSERT_EQ(p.asymptotes.size(), 1u);
    EXPECT_DOUBLE_EQ(p.asymptotes[0].y, -1.5);
    EXPECT_EQ(p.smoothness, Smoothness::C0);
    EXPECT_EQ(p.zero_centred, ZeroCentred::Partly);
}

TEST(Properties, EluWithAlphaOneIsC1) {
    EXPECT_EQ(Of(ActivationId::Elu).smoothness, Smoothness::C1);
    EXPECT_EQ(Of(ActivationId::Celu, "alpha", 2.0).smoothness, Smoothness::C1);
}

TEST(Properties, SigmoidDerivativeRangeIsZeroToAQuarter) {
    const Properties p = Of(ActivationId::Sigmoid);
    EXPECT_EQ(p.derivative_range.ToString(), "(0, 0.25]");
    EXPECT_EQ(p.output_range.ToString(), "(0, 1)");
    ASSERT_TRUE(p.derivative_maximum.has_value());
    EXPECT_NEAR(p.derivative_maximum->x, 0.0, 1e-9);
    EXPECT_DOUBLE_EQ(p.derivative_maximum->y, 0.25);
    EXPECT_EQ(p.zero_centred, ZeroCentred::No);
    EXPECT_TRUE(p.saturates_left);
    EXPECT_TRUE(p.saturates_right);
    EXPECT_EQ(p.asymptotes.size(), 2u);
    EXPECT_EQ(p.smoothness, Smoothness::CInfinity);
    EXPECT_TRUE(p.monotonic);
}

TEST(Properties, LeakyReluDerivativeRangeIsSlopeToOne) {
    const Properties p = Of(ActivationId::LeakyRelu, "slope", 0.1);
    EXPECT_EQ(p.derivative_range.ToString(), "[0.1, 1]");
    EXPECT_EQ(p.output_range.ToString(), "(−∞, ∞)");
    EXPECT_TRUE(p.dying_risk.empty());
    EXPECT_TRUE(p.zero_gradient_regions.empty());
}

TEST(Properties, ReluHasADeadZoneAndNoAsymptote) {
    const Properties p = Of(ActivationId::Relu);
    EXPECT_EQ(p.output_range.ToString(), "[0, ∞)");
    EXPECT_EQ(p.derivative_range.ToString(), "[0, 1]");
    ASSERT_EQ(p.zero_gradient_regions.size(), 1u);
    EXPECT_EQ(p.zero_gradient_regions[0].lo, -kInf);
    EXPECT_EQ(p.zero_gradient_regions[0].hi, 0.0);
    EXPECT_TRUE(p.asymptotes.empty());
    EXPECT_FALSE(p.dying_risk.empty());
    EXPECT_FALSE(p.derivative_maximum.has_value()) << "ReLU' = 1 on a whole half-line: no isolated maximum";
    EXPECT_EQ(p.zero_centred, ZeroCentred::No);
}

TEST(Properties, TanhIsZeroCentred) {
    const Properties p = Of(ActivationId::Tanh);
    EXPECT_EQ(p.zero_centred, ZeroCentred::Yes);
    EXPECT_EQ(p.output_range.ToString(), "(−1, 1)");
    EXPECT_EQ(p.derivative_range.ToString(), "(0, 1]");
}

TEST(Properties, SwishIsNotMonotonicAndReportsItsMinimum) {
    const Properties p = Of(ActivationId::Swish, "beta", 2.0);
    EXPECT_FALSE(p.monotonic);
    ASSERT_TRUE(p.minimum.has_value());
    EXPECT_NEAR(p.minimum->x, -1.278464542761074 / 2.0, 1e-7);
    EXPECT_NEAR(p.minimum->y, -0.278464542761074 / 2.0, 1e-12);
    EXPECT_TRUE(p.output_range.lo_closed);
}

TEST(Properties, GeluMinimum) {
    const Properties p = Of(ActivationId::Gelu);
    ASSERT_TRUE(p.minimum.has_value());
    EXPECT_NEAR(p.minimum->x, -0.751792, 1e-6);
    EXPECT_NEAR(p.minimum->y, -0.169971, 1e-6);
}

TEST(Properties, HardswishDerivativeRangeIsOpenAtItsJumps) {
    const Properties p = Of(ActivationId::Hardswish);
    EXPECT_EQ(p.derivative_range.ToString(), "(−0.5, 1.5)");
    EXPECT_EQ(p.smoothness, Smoothness::C0);
}

TEST(Properties, HardtanhHasTwoDeadZones) {
    const Properties p = Of(ActivationId::Hardtanh);
    EXPECT_EQ(p.zero_gradient_regions.size(), 2u);
    EXPECT_EQ(p.output_range.ToString(), "[−1, 1]");
    EXPECT_EQ(p.zero_centred, ZeroCentred::Yes);
}

TEST(Properties, EveryFunctionHasAConsistentCard) {
    for (const auto& info : Catalogue()) {
        const Properties p = ComputeProperties(Activation::WithDefaults(info.id));
        EXPECT_LE(p.output_range.lo, p.output_range.hi) << info.name;
        EXPECT_LE(p.derivative_range.lo, p.derivative_range.hi) << info.name;
        EXPECT_FALSE(std::isnan(p.output_range.lo)) << info.name;
        EXPECT_FALSE(p.typical_use.empty()) << info.name;
        EXPECT_EQ(p.smoothness == Smoothness::C0, !Kinks(Activation::WithDefaults(info.id)).empty())
            << info.name;
    }
}

} // namespace
} // namespace actlab
