// The gated two-input functions f(a, b) = g(a)·b: values and both partials against the mpmath table
// (tests/data/gated_reference.csv), and the behaviour at the edges (NaN, ±∞, ReLU's gate at 0).
#include "core/gated.h"
#include "core/number_parse.h"

#include "split_fields.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

namespace actlab {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// |actual − expected| ≤ 1e-12·|expected| + 1e-15·scale. The absolute part is the gate's 1e-15 where
// g or g′ crosses zero (GELU′ at its minimum), multiplied by |b| for the products g(a)·b and g′(a)·b.
bool Close(double actual, double expected, double scale = 1.0) {
    if (actual == expected) return true;
    return std::fabs(actual - expected) <= 1e-12 * std::fabs(expected) + 1e-15 * std::max(1.0, scale);
}

TEST(GatedReference, EveryGatedFunctionMatchesMpmath) {
    std::ifstream in(std::string(ACTLAB_TEST_DATA_DIR) + "/gated_reference.csv");
    ASSERT_TRUE(in.good()) << "missing tests/data/gated_reference.csv";
    std::string line;
    std::getline(in, line);
    ASSERT_EQ(line, "function,params,a,b,y,dy_da,dy_db");
    std::vector<bool> seen(kGatedCount, false);
    int rows = 0;
    for (int number = 2; std::getline(in, line); ++number) {
        const auto fields = SplitFields(line, ',');
        ASSERT_EQ(fields.size(), 7u) << "line " << number;
        const auto id = FindGated(fields[0]);
        ASSERT_TRUE(id.has_value()) << fields[0];
        seen[static_cast<std::size_t>(*id)] = true;
        GatedFunction fn = GatedFunction::WithDefaults(*id);
        for (const auto& pair : SplitFields(fields[1], ';')) {
            if (pair.empty()) continue;
            const auto parsed = ParseNameValue(pair);
            ASSERT_TRUE(parsed) << parsed.error;
            ASSERT_EQ(SetParam(fn, parsed.value.name, parsed.value.value), "") << "line " << number;
        }
        std::vector<double> numbers;
        for (std::size_t i = 2; i < 7; ++i) {
            const auto parsed = ParseNumber(fields[i]);
            ASSERT_TRUE(parsed) << "line " << number << ": " << fields[i];
            numbers.push_back(parsed.value);
        }
        const GatedValue v = EvaluateGated(fn, numbers[0], numbers[1]);
        const std::string where = line;
        const double b = std::fabs(numbers[1]);
        EXPECT_TRUE(Close(v.y, numbers[2], b)) << where << ": f = " << FormatNumber17(v.y);
        EXPECT_TRUE(Close(v.dy_da, numbers[3], b)) << where << ": ∂f/∂a = " << FormatNumber17(v.dy_da);
        EXPECT_TRUE(Close(v.dy_db, numbers[4])) << where << ": ∂f/∂b = " << FormatNumber17(v.dy_db);
        ++rows;
    }
    EXPECT_GT(rows, 500);
    for (std::size_t i = 0; i < kGatedCount; ++i)
        EXPECT_TRUE(seen[i]) << GatedCatalogue()[i].name;
}

TEST(Gated, SwigluAtBOneIsSwishAndItsPartialInAIsSwishPrime) {
    GatedFunction swiglu = GatedFunction::WithDefaults(GatedId::Swiglu);
    ASSERT_EQ(SetParam(swiglu, "beta", 1.7), "");
    Activation swish = Activation::WithDefaults(ActivationId::Swish);
    ASSERT_EQ(SetParam(swish, "beta", 1.7), "");
    for (double a : {-7.5, -1.0, 0.0, 0.3, 4.0}) {
        const GatedValue v = EvaluateGated(swiglu, a, 1.0);
        EXPECT_EQ(v.y, Evaluate(swish, a));
        EXPECT_EQ(v.dy_da, Derivative(swish, a));
        EXPECT_EQ(v.dy_db, Evaluate(swish, a));
    }
}

TEST(Gated, RegluGateFollowsPyTorchAtZero) {
    const GatedFunction reglu = GatedFunction::WithDefaults(GatedId::Reglu);
    const GatedValue at_zero = EvaluateGated(reglu, 0.0, 3.0);
    EXPECT_EQ(at_zero.y, 0.0);
    EXPECT_EQ(at_zero.dy_da, 0.0) << "ReLU'(0) = 0 as torch.autograd";
    EXPECT_EQ(EvaluateGated(reglu, 1e-300, 3.0).dy_da, 3.0);
}

TEST(Gated, NanInNanOutAndAClosedGateBeatsInfinity) {
    const GatedFunction glu = GatedFunction::WithDefaults(GatedId::Glu);
    EXPECT_TRUE(std::isnan(EvaluateGated(glu, std::nan(""), 1.0).y));
    EXPECT_TRUE(std::isnan(EvaluateGated(glu, 1.0, std::nan("")).dy_da));
    EXPECT_EQ(EvaluateGated(glu, -kInf, 5.0).y, 0.0);
    EXPECT_EQ(EvaluateGated(glu, kInf, 5.0).y, 5.0);
    const GatedFunction reglu = GatedFunction::WithDefaults(GatedId::Reglu);
    EXPECT_EQ(EvaluateGated(reglu, -2.0, kInf).y, 0.0) << "a closed ReLU gate gives 0 for every b";
    EXPECT_EQ(EvaluateGated(reglu, 2.0, kInf).y, kInf);
}

TEST(Gated, ParametersAreCheckedAndNamedAfterTheGatedFunction) {
    GatedFunction swiglu = GatedFunction::WithDefaults(GatedId::Swiglu);
    EXPECT_EQ(swiglu.params[0], 1.0);
    const std::string error = SetParam(swiglu, "beta", -1.0);
    EXPECT_EQ(error.rfind("swiglu:", 0), 0u) << error;
    EXPECT_EQ(swiglu.params[0], 1.0) << "a refused value leaves the function unchanged";
    GatedFunction glu = GatedFunction::WithDefaults(GatedId::Glu);
    EXPECT_NE(SetParam(glu, "beta", 2.0), "");
    EXPECT_TRUE(glu.param_specs().empty());
}

TEST(Gated, GridHoldsTheSameNumbersAsPointwiseEvaluation) {
    const GatedFunction geglu = GatedFunction::WithDefaults(GatedId::Geglu);
    const GatedGrid grid = SampleGated(geglu, -3.0, 3.0, 7, -2.0, 2.0, 5);
    ASSERT_EQ(grid.f.size(), 35u);
    EXPECT_EQ(grid.A(6), 3.0);
    EXPECT_EQ(grid.B(0), -2.0);
    for (std::size_t j = 0; j < grid.nb; ++j) {
        for (std::size_t i = 0; i < grid.na; ++i) {
            const GatedValue v = EvaluateGated(geglu, grid.A(i), grid.B(j));
            EXPECT_EQ(grid.f[j * grid.na + i], v.y);
            EXPECT_EQ(grid.df_da[j * grid.na + i], v.dy_da);
            EXPECT_EQ(grid.df_db[j * grid.na + i], v.dy_db);
        }
    }
}

TEST(Gated, NamesDoNotCollideWithOneInputFunctions) {
    for (const GatedInfo& info : GatedCatalogue()) {
        EXPECT_FALSE(FindActivation(info.name).has_value()) << info.name;
        EXPECT_EQ(FindGated(info.name), info.id);
    }
}

} // namespace
} // namespace actlab
