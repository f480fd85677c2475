// Born-dead ReLU networks: the Monte-Carlo estimate against the closed form 1 − (1 − 2⁻ᴺ)ᴴ of Lu et al.
// (2019), exact small cases of the grid definition, and the limits.
#include "core/born_dead.h"

#include <gtest/gtest.h>

#include <cmath>

namespace actlab {
namespace {

BornDeadConfig Config(std::size_t width, std::size_t depth, std::size_t trials,
                      BornDeadDomain domain = BornDeadDomain::Point, BornDeadBias bias = BornDeadBias::Zero) {
    BornDeadConfig c;
    c.width = width;
    c.depth = depth;
    c.trials = trials;
    c.domain = domain;
    c.bias = bias;
    c.seed = 2019;
    return c;
}

TEST(BornDead, ClosedForm) {
    EXPECT_DOUBLE_EQ(BornDeadClosedForm(1, 1), 0.5);
    EXPECT_DOUBLE_EQ(BornDeadClosedForm(2, 10), 1.0 - std::pow(0.75, 10));
    EXPECT_DOUBLE_EQ(BornDeadClosedForm(4, 20), 1.0 - std::pow(15.0 / 16.0, 20));
    // No cancellation for wide layers: 1 − (1 − 2⁻⁶⁰)³ ≈ 3·2⁻⁶⁰.
    EXPECT_NEAR(BornDeadClosedForm(60, 3) / (3.0 * std::ldexp(1.0, -60)), 1.0, 1e-12);
}

TEST(BornDead, SimulationWithinThreeStandardErrorsOfTheClosedForm) {
    for (std::size_t width : {2u, 3u, 4u}) {
        for (std::size_t depth : {10u, 20u}) {
            const BornDeadResult r = SimulateBornDead(Config(width, depth, 20000));
            ASSERT_TRUE(r.closed_form.has_value());
            EXPECT_DOUBLE_EQ(*r.closed_form, BornDeadClosedForm(width, depth));
            EXPECT_GT(r.std_error, 0.0);
            EXPECT_LE(std::fabs(r.probability - *r.closed_form), 3.0 * r.std_error)
                << "N=" << width << " H=" << depth << " p=" << r.probability << " closed form "
                << *r.closed_form;
        }
    }
}

TEST(BornDead, StandardErrorIsBinomial) {
    const BornDeadResult r = SimulateBornDead(Config(3, 10, 5000));
    EXPECT_EQ(r.probability, static_cast<double>(r.dead_trials) / 5000.0);
    EXPECT_DOUBLE_EQ(r.std_error, std::sqrt(r.probability * (1.0 - r.probability) / 5000.0));
}

TEST(BornDead, GridDefinitionOnExactSmallCases) {
    // One unit, one layer, zero bias: ReLU(w x) is never constant on [−1, 1].
    EXPECT_EQ(SimulateBornDead(Config(1, 1, 2000, BornDeadDomain::Grid)).dead_trials, 0u);
    // Two layers: ReLU(w₂ ReLU(w₁ x)) is constant exactly when w₂ < 0, probability ½.
    const BornDeadResult two = SimulateBornDead(Config(1, 2, 20000, BornDeadDomain::Grid));
    EXPECT_LE(std::fabs(two.probability - 0.5), 3.0 * two.std_error);
    EXPECT_FALSE(two.closed_form.has_value());
    // At the single point x = 1 the first layer already dies with probability ½: 1 − ½² = ¾.
    const BornDeadResult point = SimulateBornDead(Config(1, 2, 20000));
    EXPECT_LE(std::fabs(point.probability - 0.75), 3.0 * point.std_error);
}

TEST(BornDead, ZeroBiasGridDiesLessOftenThanAPoint) {
    // With zero biases the network is positively homogeneous, so it is constant on the grid only when it
    // is dead at both x = 1 and x = −1.
    const double point = SimulateBornDead(Config(2, 10, 20000)).probability;
    const double grid = SimulateBornDead(Config(2, 10, 20000, BornDeadDomain::Grid)).probability;
    EXPECT_LT(grid, point - 0.01);
}

TEST(BornDead, NormalBiasesHaveNoClosedFormAndStillDie) {
    const BornDeadResult r =
        SimulateBornDead(Config(2, 50, 5000, BornDeadDomain::Point, BornDeadBias::Normal));
    EXPECT_FALSE(r.closed_form.has_value());
    EXPECT_GT(r.probability, 0.5);
    EXPECT_LE(r.probability, 1.0);
}

TEST(BornDead, DeterministicForASeed) {
    const BornDeadConfig c = Config(3, 20, 3000, BornDeadDomain::Grid, BornDeadBias::Normal);
    EXPECT_EQ(SimulateBornDead(c).dead_trials, SimulateBornDead(c).dead_trials);
}

TEST(BornDead, CurveOverDepthFromOneRun) {
    const BornDeadConfig c = Config(3, 20, 20000);
    const auto curve = SimulateBornDeadByDepth(c);
    ASSERT_EQ(curve.size(), 20u);
    for (std::size_t h = 1; h <= 20; ++h) {
        const BornDeadResult& r = curve[h - 1];
        ASSERT_TRUE(r.closed_form.has_value());
        EXPECT_DOUBLE_EQ(*r.closed_form, BornDeadClosedForm(3, h));
        EXPECT_LE(std::fabs(r.probability - *r.closed_form), 3.5 * r.std_error + 1e-12) << "H=" << h;
        if (h > 1) {
            EXPECT_GE(r.dead_trials, curve[h - 2].dead_trials);
        }
    }
    EXPECT_EQ(curve.back().dead_trials, SimulateBornDead(c).dead_trials);
    // The first depth alone: a layer of 3 units is dead at x = 1 with probability 1/8.
    EXPECT_LE(std::fabs(curve[0].probability - 0.125), 3.0 * curve[0].std_error);
}

TEST(BornDead, ParsingAndLimits) {
    EXPECT_EQ(ParseBornDeadBias("normal"), BornDeadBias::Normal);
    EXPECT_FALSE(ParseBornDeadBias("gaussian").has_value());
    EXPECT_EQ(ParseBornDeadDomain("grid"), BornDeadDomain::Grid);
    EXPECT_FALSE(ParseBornDeadDomain("line").has_value());
    EXPECT_EQ(ValidateBornDeadConfig(Config(8, 100, 50000)), "");
    EXPECT_EQ(ValidateBornDeadConfig(Config(8, 100, 5000, BornDeadDomain::Grid)), "");
    EXPECT_NE(ValidateBornDeadConfig(Config(8, 100, 20000, BornDeadDomain::Grid)).find("grid"),
              std::string::npos);
    EXPECT_NE(ValidateBornDeadConfig(Config(0, 10, 10)).find("width"), std::string::npos);
    EXPECT_NE(ValidateBornDeadConfig(Config(65, 10, 10)).find("width"), std::string::npos);
    EXPECT_NE(ValidateBornDeadConfig(Config(2, 0, 10)).find("depth"), std::string::npos);
    EXPECT_NE(ValidateBornDeadConfig(Config(2, 10, 0)).find("trials"), std::string::npos);
    EXPECT_NE(ValidateBornDeadConfig(Config(64, 1000, 10'000'000)).find("too much work"), std::string::npos);
}

} // namespace
} // namespace actlab
