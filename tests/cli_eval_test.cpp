// `actlab eval`, `actlab list` and the global options, run as a user would.
#include "cli_test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace actlab::test {
namespace {

void ExpectUsageError(const std::vector<std::string>& args, const std::string& mentions) {
    const auto r = RunActlab(args);
    EXPECT_EQ(r.exit_status, 2) << r.err;
    EXPECT_EQ(r.out, "") << "nothing on stdout on error";
    EXPECT_EQ(SplitLines(r.err).size(), 1u) << r.err;
    EXPECT_NE(r.err.find(mentions), std::string::npos) << r.err;
}

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
    ASSERT_EQ(doc["functions"].size(), 22u);
    bool found_selu = false;
    for (const auto& fn : doc["functions"]) {
        if (fn["name"] != "selu") continue;
        found_selu = true;
        EXPECT_EQ(fn["params"][0]["name"], "lambda");
        EXPECT_EQ(fn["params"][0]["default"].get<double>(), 1.0507009873554804934193349852946);
    }
    EXPECT_TRUE(found_selu);
}

TEST(CliGlobal, HelpAndVersion) {
    const auto version = RunActlab({"--version"});
    EXPECT_EQ(version.exit_status, 0);
    EXPECT_NE(version.out.find("actlab"), std::string::npos);
    const auto help = RunActlab({"eval", "--help"});
    EXPECT_EQ(help.exit_status, 0);
    EXPECT_NE(help.out.find("--range"), std::string::npos);
}

}  // namespace
}  // namespace actlab::test
