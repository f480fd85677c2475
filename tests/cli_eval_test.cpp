// `actlab eval`, `actlab list` and the global options, run as a user would.
#include "cli_test_support.h"
#include "core/gated.h"
#include "core/number_parse.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace actlab::test {
namespace {

TEST(CliEval, LeakyReluExampleFromTheIssue) {
    const auto r = RunActlab({"eval", "leaky_relu", "--param", "slope=0.1", "--x=-4,0,2"});
    ASSERT_EQ(r.exit_status, 0) << r.err;
    EXPECT_EQ(r.out, "x,y,dy\n-4,-0.40000000000000002,0.10000000000000001\n0,0,0.10000000000000001\n2,2,1\n");
}

TEST(CliEval, RangeGivesNEvenlySpacedRows) {
    const auto r = RunActlab({"eval", "relu", "--range", "-1:1", "--samples", "5"});
    ASSERT_EQ(r.exit_status, 0) << r.err;
    EXPECT_EQ(r.out, "x,y,dy\n-1,0,0\n-0.5,0,0\n0,0,0\n0.5,0.5,1\n1,1,1\n");
}

TEST(CliEval, KinkConventionAndExtremeInputs) {
    const auto r = RunActlab({"eval", "relu", "--x=0,1e+300,-1e-12", "--kink", "mean"});
    ASSERT_EQ(r.exit_status, 0) << r.err;
    const auto lines = SplitLines(r.out);
    ASSERT_EQ(lines.size(), 4u);
    EXPECT_EQ(lines[1], "0,0,0.5");
    EXPECT_EQ(lines[2], "1.0000000000000001e+300,1.0000000000000001e+300,1");
    EXPECT_EQ(lines[3], "-9.9999999999999998e-13,0,0");
}

TEST(CliEval, BadInputIsOneLineOnStderrAndExitTwo) {
    ExpectUsageError({"eval", "relux", "--x", "1"}, "unknown function 'relux'");
    ExpectUsageError({"eval", "relu", "--param", "slope=1", "--x", "1"}, "no parameter 'slope'");
    ExpectUsageError({"eval", "leaky_relu", "--param", "slope=abc", "--x", "1"}, "not a number");
    ExpectUsageError({"eval", "softplus", "--param", "beta=0", "--x", "1"}, "beta must be");
    ExpectUsageError({"eval", "relu", "--range", "1:-1"}, "reversed");
    ExpectUsageError({"eval", "relu", "--range", "1:1"}, "empty");
    ExpectUsageError({"eval", "relu", "--range", "0:1", "--samples", "1"}, "at least 2");
    ExpectUsageError({"eval", "relu", "--x", "1e"}, "not a number");
    ExpectUsageError({"eval", "relu"}, "--range");
    ExpectUsageError({"eval", "relu", "--x", "1", "--kink", "sideways"}, "allowed: pytorch");
    ExpectUsageError({"frobnicate"}, "frobnicate");
}

TEST(CliList, TextAndJson) {
    const auto text = RunActlab({"list"});
    ASSERT_EQ(text.exit_status, 0);
    EXPECT_NE(text.out.find("leaky_relu"), std::string::npos);
    EXPECT_NE(text.out.find("--param slope=0.01"), std::string::npos);
    // Numbers in their shortest exact form: 0.1, never 0.10000000000000001.
    EXPECT_EQ(text.out.find("0000000000"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("slider 0.1 to 3"), std::string::npos) << text.out;

    const auto json = RunActlab({"list", "--json"});
    ASSERT_EQ(json.exit_status, 0);
    const auto doc = nlohmann::json::parse(json.out);
    ASSERT_EQ(doc["functions"].size(), kActivationCount + kGatedCount);
    for (const auto& fn : doc["functions"]) {
        const bool gated = FindGated(fn["name"].get<std::string>()).has_value();
        EXPECT_EQ(fn["inputs"], gated ? 2 : 1) << fn["name"];
        if (fn["name"] == "snake" || fn["name"] == "squareplus" || fn["name"] == "relu_squared") {
            EXPECT_EQ(fn["group"], "Modern") << fn["name"];
        }
    }
    EXPECT_NE(text.out.find("swiglu"), std::string::npos);
    EXPECT_NE(text.out.find("Modern"), std::string::npos);
    bool found_selu = false;
    for (const auto& fn : doc["functions"]) {
        if (fn["name"] != "selu") continue;
        found_selu = true;
        EXPECT_EQ(fn["params"][0]["name"], "lambda");
        EXPECT_EQ(fn["params"][0]["default"].get<double>(), 1.0507009873554804934193349852946);
    }
    EXPECT_TRUE(found_selu);
}

TEST(CliEval, GatedFunctionsTakeAAndBAndPrintBothPartials) {
    const auto out = RunActlab({"eval", "swiglu", "--param", "beta=1", "--a=-1,0,2", "--b=1,3,-0.5"});
    ASSERT_EQ(out.exit_status, 0) << out.err;
    const auto lines = SplitLines(out.out);
    ASSERT_EQ(lines.size(), 4u);
    EXPECT_EQ(lines[0], "a,b,y,dy_da,dy_db");
    const GatedValue v = EvaluateGated(GatedFunction::WithDefaults(GatedId::Swiglu), 2.0, -0.5);
    EXPECT_EQ(lines[3], "2,-0.5," + FormatNumber17(v.y) + "," + FormatNumber17(v.dy_da) + "," +
                            FormatNumber17(v.dy_db));

    const auto grid = RunActlab({"eval", "reglu", "--grid", "-1:1:3,0:2:2"});
    ASSERT_EQ(grid.exit_status, 0) << grid.err;
    const auto rows = SplitLines(grid.out);
    ASSERT_EQ(rows.size(), 7u);
    EXPECT_EQ(rows[1], "-1,0,0,0,0");
    EXPECT_EQ(rows[5], "0,2,0,0,0") << "ReLU'(0) = 0 as PyTorch";
    EXPECT_EQ(rows[6], "1,2,2,2,1");
}

TEST(CliEval, GatedAndOneInputFunctionsRefuseEachOthersPoints) {
    ExpectUsageError({"eval", "swiglu", "--x", "1"}, "two inputs");
    ExpectUsageError({"eval", "glu"}, "--a");
    ExpectUsageError({"eval", "glu", "--a=1,2", "--b=1"}, "same length");
    ExpectUsageError({"eval", "geglu", "--grid", "0:1:3"}, "--grid");
    ExpectUsageError({"eval", "relu", "--a=1", "--b=1"}, "one input");
    ExpectUsageError({"eval", "relu", "--grid", "0:1:2,0:1:2"}, "one input");
    ExpectUsageError({"eval", "swiglu", "--param", "beta=-1", "--a=1", "--b=1"}, "beta");
}

TEST(CliInfo, JsonCardHasTheIssuesFields) {
    const auto softsign = RunActlab({"info", "softsign", "--json"});
    ASSERT_EQ(softsign.exit_status, 0) << softsign.err;
    const auto card = nlohmann::json::parse(softsign.out);
    EXPECT_EQ(card["smoothness"], 1) << "f'' jumps from 2 to -2 at 0";
    EXPECT_EQ(card["output_range"][0], -1.0);
    EXPECT_EQ(card["output_range"][1], 1.0);
    EXPECT_EQ(card["monotonic"], true);
    EXPECT_EQ(card["zero_centred"], true);

    const auto elu = nlohmann::json::parse(RunActlab({"info", "elu", "--param", "alpha=0.5", "--json"}).out);
    EXPECT_EQ(elu["smoothness"], 0);
    EXPECT_EQ(elu["output_range"][1], "inf");
    ASSERT_EQ(elu["kinks"].size(), 1u);
    EXPECT_EQ(elu["kinks"][0]["left_derivative"], 0.5);
    EXPECT_EQ(elu["kinks"][0]["right_derivative"], 1.0);
    EXPECT_EQ(elu["kinks"][0]["derivative"], 0.5);
    const auto right = nlohmann::json::parse(
        RunActlab({"info", "elu", "--param", "alpha=0.5", "--kink", "right", "--json"}).out);
    EXPECT_EQ(right["kinks"][0]["derivative"], 1.0);

    const auto sigmoid = nlohmann::json::parse(RunActlab({"info", "sigmoid", "--json"}).out);
    EXPECT_EQ(sigmoid["smoothness"], "inf");
    EXPECT_EQ(sigmoid["derivative_range"][1], 0.25);

    const auto swiglu = nlohmann::json::parse(RunActlab({"info", "swiglu", "--json"}).out);
    EXPECT_EQ(swiglu["inputs"], 2);
    EXPECT_EQ(swiglu["gate"]["name"], "swish");
    EXPECT_EQ(swiglu["output_range"][0], "-inf");
}

TEST(CliGlobal, HelpAndVersion) {
    const auto version = RunActlab({"--version"});
    EXPECT_EQ(version.exit_status, 0);
    EXPECT_NE(version.out.find("actlab"), std::string::npos);
    const auto help = RunActlab({"eval", "--help"});
    EXPECT_EQ(help.exit_status, 0);
    EXPECT_NE(help.out.find("--range"), std::string::npos);
}

} // namespace
} // namespace actlab::test
