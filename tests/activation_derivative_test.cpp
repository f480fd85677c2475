// f' against central finite differences away from kinks, for every function at several parameter
// settings, and the exact conventions at kinks.
#include "core/activation.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace actlab {
namespace {

struct Setting {
    ActivationId id;
    std::vector<std::pair<const char*, double>> params;
};

std::vector<Activation> Settings() {
    std::vector<Activation> all;
    for (const auto& info : Catalogue())
        all.push_back(Activation::WithDefaults(info.id));
    const std::vector<Setting> more{
        {ActivationId::LeakyRelu, {{"slope", 0.1}}},
        {ActivationId::LeakyRelu, {{"slope", 0.3}}},
        {ActivationId::Prelu, {{"a", -0.2}}},
        {ActivationId::Elu, {{"alpha", 0.5}}},
        {ActivationId::Elu, {{"alpha", 2.0}}},
        {ActivationId::Selu, {{"lambda", 1.2}, {"alpha", 1.5}}},
        {ActivationId::Celu, {{"alpha", 0.5}}},
        {ActivationId::Celu, {{"alpha", 2.0}}},
        {ActivationId::Swish, {{"beta", 0.5}}},
        {ActivationId::Swish, {{"beta", 3.0}}},
        {ActivationId::Softplus, {{"beta", 2.0}, {"threshold", 10.0}}},
        {ActivationId::Softplus, {{"beta", 0.5}}},
        {ActivationId::Hardtanh, {{"min", -2.0}, {"max", 3.0}}},
    };
    for (const auto& s : more) {
        Activation a = Activation::WithDefaults(s.id);
        for (const auto& [name, value] : s.params)
            EXPECT_EQ(SetParam(a, name, value), "");
        all.push_back(a);
    }
    return all;
}

bool NearKink(const Activation& a, double x, double margin) {
    for (const Kink& k : Kinks(a))
        if (std::fabs(x - k.x) < margin) return true;
    // Softplus switches to x exactly at βx = threshold, a 1e-9 step that finite differences would see.
    if (a.id == ActivationId::Softplus &&
        std::fabs(a.params[0] * x - a.params[1]) < margin * a.params[0] + 1e-6)
        return true;
    return false;
}

TEST(DerivativeMatchesFiniteDifferences, EveryFunctionAndSetting) {
    for (const Activation& a : Settings()) {
        for (double x = -8.0; x <= 8.0; x += 0.0625 * 1.37) {
            const double h = 1e-5 * std::max(1.0, std::fabs(x));
            if (NearKink(a, x, 4.0 * h)) continue;
            const double numeric = (Evaluate(a, x + h) - Evaluate(a, x - h)) / (2.0 * h);
            const double exact = Derivative(a, x);
            EXPECT_NEAR(exact, numeric, 1e-7 * std::max(1.0, std::fabs(exact)))
                << a.info().name << " p0=" << a.params[0] << " at x=" << x;
        }
    }
}

TEST(DerivativeMatchesFiniteDifferences, InTheTails) {
    // Relative accuracy where 1 − tanh² or σ(1 − σ) would cancel catastrophically.
    const Activation tanh_act = Activation::WithDefaults(ActivationId::Tanh);
    const Activation sigmoid = Activation::WithDefaults(ActivationId::Sigmoid);
    for (double x : {10.0, 15.0, 20.0, -20.0}) {
        const double sech = 1.0 / std::cosh(x);
        EXPECT_NEAR(Derivative(tanh_act, x) / (sech * sech), 1.0, 1e-13) << x;
        const double expected = std::exp(-std::fabs(x)) / std::pow(1.0 + std::exp(-std::fabs(x)), 2);
        EXPECT_NEAR(Derivative(sigmoid, x) / expected, 1.0, 1e-13) << x;
    }
}

double AtZero(ActivationId id, KinkConvention c = KinkConvention::PyTorch) {
    return Derivative(Activation::WithDefaults(id), 0.0, c);
}

TEST(KinkConventions, PyTorchDefaults) {
    EXPECT_EQ(AtZero(ActivationId::Relu), 0.0);
    EXPECT_EQ(AtZero(ActivationId::LeakyRelu), 0.01);
    EXPECT_EQ(AtZero(ActivationId::Prelu), 0.25);
    Activation elu = Activation::WithDefaults(ActivationId::Elu);
    ASSERT_EQ(SetParam(elu, "alpha", 0.5), "");
    EXPECT_EQ(Derivative(elu, 0.0), 0.5); // ELU'(0) = α
    const Activation selu = Activation::WithDefaults(ActivationId::Selu);
    EXPECT_EQ(Derivative(selu, 0.0), selu.params[0] * selu.params[1]); // λα
    EXPECT_EQ(AtZero(ActivationId::Celu), 1.0);

    const Activation hardtanh = Activation::WithDefaults(ActivationId::Hardtanh);
    EXPECT_EQ(Derivative(hardtanh, -1.0), 0.0);
    EXPECT_EQ(Derivative(hardtanh, 1.0), 0.0);
    const Activation relu6 = Activation::WithDefaults(ActivationId::Relu6);
    EXPECT_EQ(Derivative(relu6, 0.0), 0.0);
    EXPECT_EQ(Derivative(relu6, 6.0), 0.0);
    const Activation hardsigmoid = Activation::WithDefaults(ActivationId::Hardsigmoid);
    EXPECT_EQ(Derivative(hardsigmoid, -3.0), 0.0);
    EXPECT_EQ(Derivative(hardsigmoid, 3.0), 0.0);
}

TEST(KinkConventions, OtherConventionsAtReluZero) {
    EXPECT_EQ(AtZero(ActivationId::Relu, KinkConvention::Left), 0.0);
    EXPECT_EQ(AtZero(ActivationId::Relu, KinkConvention::Right), 1.0);
    EXPECT_EQ(AtZero(ActivationId::Relu, KinkConvention::Mean), 0.5);
    EXPECT_EQ(AtZero(ActivationId::Relu, KinkConvention::Zero), 0.0);
    EXPECT_EQ(AtZero(ActivationId::Relu, KinkConvention::One), 1.0);
    EXPECT_TRUE(std::isnan(AtZero(ActivationId::Relu, KinkConvention::Undefined)));
    EXPECT_EQ(AtZero(ActivationId::LeakyRelu, KinkConvention::Mean), 0.505);
}

TEST(KinkConventions, OnlyAtTheKinkItself) {
    const Activation relu = Activation::WithDefaults(ActivationId::Relu);
    EXPECT_EQ(Derivative(relu, 1e-300, KinkConvention::Undefined), 1.0);
    EXPECT_EQ(Derivative(relu, -1e-300, KinkConvention::One), 0.0);
    // Smooth functions have no kinks, so every convention agrees with the derivative.
    const Activation gelu = Activation::WithDefaults(ActivationId::Gelu);
    EXPECT_EQ(Derivative(gelu, 0.0, KinkConvention::Undefined), 0.5);
}

TEST(Kinks, FollowTheParameters) {
    Activation hardtanh = Activation::WithDefaults(ActivationId::Hardtanh);
    ASSERT_EQ(SetParam(hardtanh, "min", -2.0), "");
    const auto kinks = Kinks(hardtanh);
    ASSERT_EQ(kinks.size(), 2u);
    EXPECT_EQ(kinks[0].x, -2.0);
    EXPECT_EQ(kinks[1].x, 1.0);

    Activation elu = Activation::WithDefaults(ActivationId::Elu);
    EXPECT_TRUE(Kinks(elu).empty()) << "ELU with α = 1 has a continuous derivative";
    ASSERT_EQ(SetParam(elu, "alpha", 2.0), "");
    ASSERT_EQ(Kinks(elu).size(), 1u);
    EXPECT_EQ(Kinks(elu)[0].left_derivative, 2.0);
    EXPECT_EQ(Kinks(elu)[0].right_derivative, 1.0);

    Activation leaky = Activation::WithDefaults(ActivationId::LeakyRelu);
    ASSERT_EQ(SetParam(leaky, "slope", 1.0), "");
    EXPECT_TRUE(Kinks(leaky).empty()) << "slope 1 is the identity";

    for (const auto& info : Catalogue()) {
        const Activation a = Activation::WithDefaults(info.id);
        for (const Kink& k : Kinks(a)) {
            // Each listed kink really is one: the one-sided derivatives differ from a step away.
            EXPECT_NEAR(Derivative(a, std::nextafter(k.x, -1e9)), k.left_derivative, 1e-9) << info.name;
            EXPECT_NEAR(Derivative(a, std::nextafter(k.x, 1e9)), k.right_derivative, 1e-9) << info.name;
            EXPECT_EQ(Derivative(a, k.x), k.pytorch_derivative) << info.name;
        }
    }
}

TEST(ParamDerivative, PreluSlopeMatchesFiniteDifferences) {
    Activation prelu = Activation::WithDefaults(ActivationId::Prelu);
    for (double x : {-3.0, -0.5, 0.5, 2.0}) {
        const double h = 1e-6;
        Activation up = prelu, down = prelu;
        up.params[0] += h;
        down.params[0] -= h;
        const double numeric = (Evaluate(up, x) - Evaluate(down, x)) / (2.0 * h);
        EXPECT_NEAR(ParamDerivative(prelu, 0, x), numeric, 1e-9) << x;
    }
    EXPECT_EQ(ParamDerivative(Activation::WithDefaults(ActivationId::Elu), 0, -1.0), 0.0);
}

} // namespace
} // namespace actlab
