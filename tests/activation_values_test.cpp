// Values of the catalogue: the lecture notes' worked examples, known constants, extremes and
// non-finite inputs.
#include "core/activation.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace actlab {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Activation Make(ActivationId id) {
    return Activation::WithDefaults(id);
}

Activation Leaky(double slope) {
    Activation a = Make(ActivationId::LeakyRelu);
    EXPECT_EQ(SetParam(a, "slope", slope), "");
    return a;
}

TEST(LectureExamples, ReluIsMaxOfInputAndZero) {
    const Activation relu = Make(ActivationId::Relu);
    EXPECT_EQ(Evaluate(relu, 2.0), 2.0);  // max(2, 0) = 2
    EXPECT_EQ(Evaluate(relu, 4.0), 4.0);  // max(4, 0) = 4
    EXPECT_EQ(Evaluate(relu, -2.0), 0.0); // max(−2, 0) = 0
    EXPECT_EQ(Evaluate(relu, -4.0), 0.0); // max(−4, 0) = 0
}

TEST(LectureExamples, LeakyReluScalesNegativeInputs) {
    EXPECT_DOUBLE_EQ(Evaluate(Leaky(0.1), -4.0), -0.4);
    EXPECT_DOUBLE_EQ(Evaluate(Leaky(0.01), -4.0), -0.04);
    EXPECT_EQ(Evaluate(Leaky(0.1), 4.0), 4.0);
}

TEST(KnownValues, SigmoidDerivativePeaksAtAQuarter) {
    const Activation sigmoid = Make(ActivationId::Sigmoid);
    EXPECT_EQ(Derivative(sigmoid, 0.0), 0.25);
    for (double x = -50.0; x <= 50.0; x += 0.01)
        EXPECT_LE(Derivative(sigmoid, x), 0.25) << x;
}

TEST(KnownValues, SoftplusAtZeroIsLnTwo) {
    EXPECT_DOUBLE_EQ(Evaluate(Make(ActivationId::Softplus), 0.0), std::log(2.0));
}

TEST(KnownValues, MishDerivativeAtZeroIsPointSix) {
    EXPECT_NEAR(Derivative(Make(ActivationId::Mish), 0.0), 0.6, 1e-15);
}

TEST(KnownValues, GeluDerivativeAtZeroIsOneHalf) {
    EXPECT_EQ(Derivative(Make(ActivationId::Gelu), 0.0), 0.5);
}

TEST(KnownValues, GeluMinimum) {
    const Activation gelu = Make(ActivationId::Gelu);
    EXPECT_NEAR(Evaluate(gelu, -0.751792), -0.169971, 1e-6);
    EXPECT_NEAR(Derivative(gelu, -0.7517915247), 0.0, 1e-9);
}

TEST(KnownValues, SwishMinimumScalesWithBeta) {
    for (double beta : {0.5, 1.0, 2.0, 4.0}) {
        Activation swish = Make(ActivationId::Swish);
        ASSERT_EQ(SetParam(swish, "beta", beta), "");
        const double x_min = -1.278464542761074 / beta;
        EXPECT_NEAR(Evaluate(swish, x_min), -0.278464542761074 / beta, 1e-12) << beta;
        EXPECT_NEAR(Derivative(swish, x_min), 0.0, 1e-12) << beta;
    }
}

TEST(KnownValues, EluAtMinusOne) {
    EXPECT_NEAR(Evaluate(Make(ActivationId::Elu), -1.0), -0.632121, 1e-6);
    EXPECT_DOUBLE_EQ(Evaluate(Make(ActivationId::Elu), -1.0), std::expm1(-1.0));
}

TEST(KnownValues, SeluConstantsToFullDoublePrecision) {
    const Activation selu = Make(ActivationId::Selu);
    EXPECT_EQ(selu.params[0], 1.0507009873554804934193349852946);
    EXPECT_EQ(selu.params[1], 1.6732632423543772848170429916717);
    EXPECT_EQ(Info(ActivationId::Selu).params[0].canonical_value, 1.0507009873554804934193349852946);
    // SELU(x) → −λα as x → −∞.
    EXPECT_DOUBLE_EQ(Evaluate(selu, -kInf),
                     -1.0507009873554804934193349852946 * 1.6732632423543772848170429916717);
}

TEST(KnownValues, TanhAndSoftsignAreOdd) {
    for (double x : {0.1, 1.0, 3.0, 30.0}) {
        EXPECT_EQ(Evaluate(Make(ActivationId::Tanh), -x), -Evaluate(Make(ActivationId::Tanh), x));
        EXPECT_EQ(Evaluate(Make(ActivationId::Softsign), -x), -Evaluate(Make(ActivationId::Softsign), x));
    }
}

TEST(KnownValues, SoftplusFollowsPyTorchThreshold) {
    Activation softplus = Make(ActivationId::Softplus);
    EXPECT_EQ(Evaluate(softplus, 20.5), 20.5); // βx > 20: returns x
    EXPECT_DOUBLE_EQ(Evaluate(softplus, 19.5), std::log1p(std::exp(19.5)));
    ASSERT_EQ(SetParam(softplus, "beta", 2.0), "");
    EXPECT_EQ(Evaluate(softplus, 10.5), 10.5);
    EXPECT_DOUBLE_EQ(Evaluate(softplus, 1.0), std::log1p(std::exp(2.0)) / 2.0);
}

TEST(KnownValues, HardFunctions) {
    EXPECT_EQ(Evaluate(Make(ActivationId::Relu6), 7.0), 6.0);
    EXPECT_EQ(Evaluate(Make(ActivationId::Hardtanh), -3.0), -1.0);
    EXPECT_EQ(Evaluate(Make(ActivationId::Hardsigmoid), 0.0), 0.5);
    EXPECT_EQ(Evaluate(Make(ActivationId::Hardswish), 1.0), 1.0 * 4.0 / 6.0);
    EXPECT_EQ(Evaluate(Make(ActivationId::Hardswish), -4.0), 0.0);
}

// No overflow or NaN for |x| up to 1e300, and the limits at ±∞.
TEST(Extremes, FiniteEverywhereUpTo1e300) {
    for (const auto& info : Catalogue()) {
        const Activation act = Activation::WithDefaults(info.id);
        for (double x : {-1e300, -1e200, -1e10, -745.5, -710.0, 710.0, 745.5, 1e10, 1e200, 1e300}) {
            const double y = Evaluate(act, x);
            const double dy = Derivative(act, x);
            if (info.id == ActivationId::ReluSquared && x > 1.4e154) {
                // x² itself lies beyond the largest double: ∞ is the correctly rounded answer.
                EXPECT_EQ(y, kInf) << x;
                EXPECT_EQ(dy, 2.0 * x) << x;
                continue;
            }
            EXPECT_FALSE(std::isnan(y)) << info.name << " at " << x;
            EXPECT_FALSE(std::isnan(dy)) << info.name << "' at " << x;
            EXPECT_TRUE(std::isfinite(dy)) << info.name << "' at " << x;
            EXPECT_TRUE(std::isfinite(y)) << info.name << " at " << x;
        }
    }
}

TEST(Extremes, NaNInGivesNaNOut) {
    for (const auto& info : Catalogue()) {
        const Activation act = Activation::WithDefaults(info.id);
        EXPECT_TRUE(std::isnan(Evaluate(act, kNaN))) << info.name;
        for (std::size_t c = 0; c < kKinkConventionCount; ++c)
            EXPECT_TRUE(std::isnan(Derivative(act, kNaN, static_cast<KinkConvention>(c)))) << info.name;
    }
}

TEST(Extremes, InfinitiesGiveTheLimits) {
    struct Limit {
        ActivationId id;
        double at_minus_inf, at_plus_inf;
    };
    const double selu_floor = -1.0507009873554804934193349852946 * 1.6732632423543772848170429916717;
    for (const Limit& l :
         {Limit{ActivationId::Linear, -kInf, kInf},     Limit{ActivationId::Sigmoid, 0.0, 1.0},
          Limit{ActivationId::Tanh, -1.0, 1.0},         Limit{ActivationId::Relu, 0.0, kInf},
          Limit{ActivationId::LeakyRelu, -kInf, kInf},  Limit{ActivationId::Elu, -1.0, kInf},
          Limit{ActivationId::Selu, selu_floor, kInf},  Limit{ActivationId::Celu, -1.0, kInf},
          Limit{ActivationId::Gelu, 0.0, kInf},         Limit{ActivationId::GeluTanh, 0.0, kInf},
          Limit{ActivationId::Silu, 0.0, kInf},         Limit{ActivationId::Swish, 0.0, kInf},
          Limit{ActivationId::Mish, 0.0, kInf},         Limit{ActivationId::Softplus, 0.0, kInf},
          Limit{ActivationId::Softsign, -1.0, 1.0},     Limit{ActivationId::Relu6, 0.0, 6.0},
          Limit{ActivationId::Hardtanh, -1.0, 1.0},     Limit{ActivationId::Hardsigmoid, 0.0, 1.0},
          Limit{ActivationId::Hardswish, 0.0, kInf},    Limit{ActivationId::LogSigmoid, -kInf, 0.0},
          Limit{ActivationId::Tanhshrink, -kInf, kInf}, Limit{ActivationId::ReluSquared, 0.0, kInf},
          Limit{ActivationId::Squareplus, 0.0, kInf},   Limit{ActivationId::Snake, -kInf, kInf}}) {
        const Activation act = Make(l.id);
        EXPECT_DOUBLE_EQ(Evaluate(act, -kInf), l.at_minus_inf) << act.info().name;
        EXPECT_DOUBLE_EQ(Evaluate(act, kInf), l.at_plus_inf) << act.info().name;
    }
}

TEST(Extremes, DerivativeTailsAreTheirLimits) {
    EXPECT_EQ(Derivative(Make(ActivationId::Sigmoid), kInf), 0.0);
    EXPECT_EQ(Derivative(Make(ActivationId::Relu), -kInf), 0.0);
    EXPECT_EQ(Derivative(Make(ActivationId::Relu), kInf), 1.0);
    EXPECT_EQ(Derivative(Make(ActivationId::Gelu), -kInf), 0.0);
    EXPECT_EQ(Derivative(Make(ActivationId::Gelu), kInf), 1.0);
    EXPECT_EQ(Derivative(Make(ActivationId::GeluTanh), kInf), 1.0);
    EXPECT_EQ(Derivative(Make(ActivationId::Mish), kInf), 1.0);
    EXPECT_EQ(Derivative(Make(ActivationId::ReluSquared), kInf), kInf) << "2·max(0, x) grows without bound";
    EXPECT_EQ(Derivative(Make(ActivationId::Squareplus), -kInf), 0.0);
    EXPECT_EQ(Derivative(Make(ActivationId::Squareplus), kInf), 1.0);
    EXPECT_TRUE(std::isnan(Derivative(Make(ActivationId::Snake), kInf))) << "1 + sin(2αx) has no limit";
}

// Squareplus for large negative x: (x + √(x² + b))/2 would cancel to 0; the value is b/(4|x|).
TEST(Extremes, SquareplusKeepsItsDigitsFarLeft) {
    const Activation squareplus = Make(ActivationId::Squareplus);
    for (double x : {-1e8, -1e20, -1e150, -1e300}) {
        EXPECT_NEAR(Evaluate(squareplus, x) / (-1.0 / x), 1.0, 1e-15) << x; // b = 4: b/(4|x|) = 1/|x|
    }
    EXPECT_EQ(Evaluate(squareplus, 0.0), 1.0); // √b / 2
    EXPECT_EQ(Derivative(squareplus, 0.0), 0.5);
}

TEST(Parameters, RefusedOutsideTheirDomainWithAMessageNamingThem) {
    Activation softplus = Make(ActivationId::Softplus);
    const std::string error = SetParam(softplus, "beta", 0.0);
    EXPECT_NE(error.find("beta"), std::string::npos) << error;
    EXPECT_NE(error.find("(0, 100]"), std::string::npos) << error;
    EXPECT_EQ(softplus.params[0], 1.0) << "a refused value must not be applied";

    Activation hardtanh = Make(ActivationId::Hardtanh);
    EXPECT_NE(SetParam(hardtanh, "min", 1.0).find("min must be less than max"), std::string::npos);
    EXPECT_EQ(hardtanh.params[0], -1.0);

    Activation elu = Make(ActivationId::Elu);
    for (double bad : {kNaN, kInf, -kInf, 1e308, -1e308, -1.0}) {
        EXPECT_FALSE(SetParam(elu, "alpha", bad).empty()) << bad;
        EXPECT_EQ(elu.params[0], 1.0);
    }
    EXPECT_EQ(SetParam(elu, "alpha", -0.0), ""); // −0 is in [0, 10]
    EXPECT_NE(SetParam(elu, "beta", 1.0).find("takes: alpha"), std::string::npos);
}

TEST(Catalogue, NamesRoundTripAndDefaultsAreValid) {
    EXPECT_EQ(Catalogue().size(), kActivationCount);
    for (const auto& info : Catalogue()) {
        EXPECT_EQ(FindActivation(info.name), info.id);
        EXPECT_EQ(ValidateParams(Activation::WithDefaults(info.id)), "") << info.name;
        for (const auto& spec : info.params) {
            EXPECT_LE(spec.domain_min, spec.slider_min) << info.name << "." << spec.name;
            EXPECT_GE(spec.domain_max, spec.slider_max) << info.name << "." << spec.name;
            EXPECT_FALSE(spec.help.empty());
        }
        EXPECT_FALSE(info.formula.empty());
        EXPECT_FALSE(info.latex.empty());
    }
    EXPECT_FALSE(FindActivation("ReLU").has_value());
    EXPECT_EQ(Info(ActivationId::Prelu).params[0].learnable, true);
}

TEST(Catalogue, FormulaShowsCurrentValues) {
    EXPECT_EQ(FormulaWithValues(Leaky(0.1)), "LeakyReLU(x) = x if x > 0, else 0.1·x");
    Activation elu = Make(ActivationId::Elu);
    ASSERT_EQ(SetParam(elu, "alpha", 0.5), "");
    EXPECT_NE(FormulaWithValues(elu).find("→ −0.5"), std::string::npos);
    EXPECT_NE(LatexWithValues(Leaky(0.2)).find("0.2\\,x"), std::string::npos);
}

} // namespace
} // namespace actlab
