// `actlab softmax`, `propagate`, `selu-map` and `born-dead`, run as a user would: output formats, exit
// statuses and one-line errors.
#include "cli_test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <sstream>

namespace actlab::test {
namespace {

std::vector<std::string> SplitFields(const std::string& line) {
    std::vector<std::string> fields;
    std::stringstream in(line);
    for (std::string field; std::getline(in, field, ',');)
        fields.push_back(field);
    if (!line.empty() && line.back() == ',') fields.emplace_back();
    return fields;
}

TEST(CliSoftmax, CsvWithSeventeenDigits) {
    const auto r = RunActlab({"softmax", "--logits", "1,2,3"});
    ASSERT_EQ(r.exit_status, 0) << r.err;
    const auto lines = SplitLines(r.out);
    ASSERT_EQ(lines.size(), 4u);
    EXPECT_EQ(lines[0], "class,logit,probability");
    const double expected[] = {0.0900306, 0.2447285, 0.6652410};
    for (int i = 0; i < 3; ++i) {
        const auto fields = SplitFields(lines[static_cast<std::size_t>(i) + 1]);
        ASSERT_EQ(fields.size(), 3u);
        EXPECT_EQ(fields[0], std::to_string(i + 1));
        EXPECT_NEAR(std::stod(fields[2]), expected[i], 5e-8);
    }
    // 17 significant digits, as `actlab eval` prints.
    EXPECT_NE(r.out.find(",0.24472847105479764\n"), std::string::npos) << r.out;
}

TEST(CliSoftmax, JacobianColumnsAndTemperature) {
    const auto r = RunActlab({"softmax", "--logits", "1,2,3", "--temperature", "0.5", "--jacobian"});
    ASSERT_EQ(r.exit_status, 0) << r.err;
    const auto lines = SplitLines(r.out);
    ASSERT_EQ(lines.size(), 4u);
    EXPECT_EQ(lines[0], "class,logit,probability,d_z1,d_z2,d_z3");
    const double expected[] = {0.0158762, 0.1173104, 0.8668133};
    for (int i = 0; i < 3; ++i) {
        const auto fields = SplitFields(lines[static_cast<std::size_t>(i) + 1]);
        ASSERT_EQ(fields.size(), 6u);
        const double p = std::stod(fields[2]);
        EXPECT_NEAR(p, expected[i], 5e-8);
        double row_sum = 0.0;
        for (int j = 0; j < 3; ++j)
            row_sum += std::stod(fields[3 + static_cast<std::size_t>(j)]);
        EXPECT_NEAR(row_sum, 0.0, 1e-15);
        // The diagonal carries the 1/T: pᵢ(1 − pᵢ)/0.5.
        EXPECT_NEAR(std::stod(fields[3 + static_cast<std::size_t>(i)]), p * (1.0 - p) / 0.5, 1e-15);
    }
}

TEST(CliSoftmax, JsonHasProbabilitiesAndJacobian) {
    const auto r = RunActlab({"softmax", "--logits", "10,20,30,40", "--json"});
    ASSERT_EQ(r.exit_status, 0) << r.err;
    EXPECT_EQ(r.out.rfind("{\"probabilities\": [", 0), 0u) << r.out;
    const auto doc = nlohmann::json::parse(r.out);
    ASSERT_EQ(doc.size(), 2u);
    ASSERT_EQ(doc["probabilities"].size(), 4u);
    ASSERT_EQ(doc["jacobian"].size(), 4u);
    double sum = 0.0;
    for (const auto& p : doc["probabilities"])
        sum += p.get<double>();
    EXPECT_NEAR(sum, 1.0, 1e-15);
    EXPECT_NEAR(doc["probabilities"][3].get<double>(), 0.99995460007023751, 1e-16);
    for (const auto& row : doc["jacobian"]) {
        ASSERT_EQ(row.size(), 4u);
        double row_sum = 0.0;
        for (const auto& v : row)
            row_sum += v.get<double>();
        EXPECT_NEAR(row_sum, 0.0, 1e-16);
    }
}

TEST(CliSoftmax, HugeLogits) {
    const auto r = RunActlab({"softmax", "--logits=-1e4,1e4,0", "--json"});
    ASSERT_EQ(r.exit_status, 0) << r.err;
    const auto doc = nlohmann::json::parse(r.out);
    EXPECT_EQ(doc["probabilities"][1].get<double>(), 1.0);
    EXPECT_EQ(doc["probabilities"][0].get<double>(), 0.0);
}

TEST(CliSoftmax, BadInput) {
    ExpectUsageError({"softmax"}, "--logits");
    ExpectUsageError({"softmax", "--logits", "1,nan"}, "finite");
    ExpectUsageError({"softmax", "--logits", "1,,2"}, "not a number");
    ExpectUsageError({"softmax", "--logits", "1,1e309"}, "range of a double");
    ExpectUsageError({"softmax", "--logits", "1,2", "--temperature", "0"}, "temperature must be");
    ExpectUsageError({"softmax", "--logits", "1,2", "--temperature=-1"}, "temperature must be");
    ExpectUsageError({"softmax", "--logits", "1,2", "--temperature", "inf"}, "--temperature");
    ExpectUsageError({"softmax", "--logits", "1,1", "--temperature", "1e-310"}, "at least 1e-300");
}

TEST(CliPropagate, CsvOneRowPerLayer) {
    const auto r =
        RunActlab({"propagate", "selu", "--depth", "6", "--width", "64", "--samples", "20", "--seed", "3"});
    ASSERT_EQ(r.exit_status, 0) << r.err;
    const auto lines = SplitLines(r.out);
    ASSERT_EQ(lines.size(), 8u);
    EXPECT_EQ(lines[0], "layer,mean,var,grad_norm");
    for (std::size_t l = 0; l <= 6; ++l) {
        const auto fields = SplitFields(lines[l + 1]);
        ASSERT_EQ(fields.size(), 4u);
        EXPECT_EQ(fields[0], std::to_string(l));
        EXPECT_NEAR(std::stod(fields[1]), 0.0, 0.25);
        EXPECT_NEAR(std::stod(fields[2]), 1.0, 0.35);
        EXPECT_GT(std::stod(fields[3]), 0.0);
    }
    // Same seed, same numbers; the parameters and the initialisation are used.
    EXPECT_EQ(
        RunActlab({"propagate", "selu", "--depth", "6", "--width", "64", "--samples", "20", "--seed", "3"})
            .out,
        r.out);
    const auto drifted = RunActlab({"propagate", "selu", "--param", "lambda=1.3", "--depth", "6", "--width",
                                    "64", "--samples", "20", "--seed", "3"});
    ASSERT_EQ(drifted.exit_status, 0) << drifted.err;
    EXPECT_GT(std::stod(SplitFields(SplitLines(drifted.out)[7])[2]), 1.5);
    const auto relu =
        RunActlab({"propagate", "relu", "--depth", "10", "--width", "64", "--init", "normal:0.05"});
    ASSERT_EQ(relu.exit_status, 0) << relu.err;
    EXPECT_LT(std::stod(SplitFields(SplitLines(relu.out)[11])[2]), 1e-10);
}

TEST(CliPropagate, BadInput) {
    ExpectUsageError({"propagate", "relux", "--depth", "3", "--width", "4"}, "unknown function 'relux'");
    ExpectUsageError({"propagate", "relu", "--width", "4"}, "--depth");
    ExpectUsageError({"propagate", "relu", "--depth", "101", "--width", "4"}, "--depth");
    ExpectUsageError({"propagate", "relu", "--depth", "3", "--width", "1001"}, "--width");
    ExpectUsageError({"propagate", "relu", "--depth", "3", "--width", "0"}, "--width");
    ExpectUsageError({"propagate", "relu", "--depth", "3", "--width", "4", "--samples", "0"}, "--samples");
    ExpectUsageError({"propagate", "relu", "--depth", "3", "--width", "4", "--samples", "1e9"}, "--samples");
    ExpectUsageError({"propagate", "relu", "--depth", "3", "--width", "4", "--init", "gauss"},
                     "allowed: lecun");
    ExpectUsageError({"propagate", "relu", "--depth", "3", "--width", "4", "--init", "normal:-1"}, ">= 0");
    ExpectUsageError({"propagate", "relu", "--depth", "3", "--width", "4", "--seed", "-1"}, "--seed");
    ExpectUsageError({"propagate", "selu", "--param", "lambda=-1", "--depth", "3", "--width", "4"}, "lambda");
}

TEST(CliSeluMap, TrajectoryThenFixedPointAndJacobianNorm) {
    const auto r = RunActlab({"selu-map", "--mean", "1", "--var", "2", "--steps", "40"});
    ASSERT_EQ(r.exit_status, 0) << r.err;
    const auto lines = SplitLines(r.out);
    ASSERT_EQ(lines.size(), 1u + 41u + 2u);
    EXPECT_EQ(lines[0], "step,mean,var");
    EXPECT_EQ(lines[1], "0,1,2");
    const auto last = SplitFields(lines[41]);
    EXPECT_EQ(last[0], "40");
    EXPECT_NEAR(std::stod(last[1]), 0.0, 1e-3);
    EXPECT_NEAR(std::stod(last[2]), 1.0, 1e-3);
    EXPECT_EQ(lines[42].rfind("# fixed_point=", 0), 0u);
    const auto fixed = SplitFields(lines[42].substr(14));
    EXPECT_NEAR(std::stod(fixed[0]), 0.0, 1e-12);
    EXPECT_NEAR(std::stod(fixed[1]), 1.0, 1e-12);
    ASSERT_EQ(lines[43].rfind("# jacobian_norm=", 0), 0u);
    EXPECT_NEAR(std::stod(lines[43].substr(16)), 0.7877, 5e-5);
}

TEST(CliSeluMap, OtherConstants) {
    const auto r = RunActlab({"selu-map", "--lambda", "1", "--steps", "0"});
    ASSERT_EQ(r.exit_status, 0) << r.err;
    const auto lines = SplitLines(r.out);
    ASSERT_EQ(lines.size(), 4u);
    EXPECT_LT(std::stod(SplitFields(lines[2].substr(14))[1]), 0.9);
}

TEST(CliSeluMap, BadInput) {
    ExpectUsageError({"selu-map", "--var=-1"}, "variance");
    ExpectUsageError({"selu-map", "--lambda", "0"}, "lambda");
    ExpectUsageError({"selu-map", "--alpha", "x"}, "--alpha");
    ExpectUsageError({"selu-map", "--mean", "nan"}, "--mean");
    ExpectUsageError({"selu-map", "--steps", "100001"}, "--steps");
    ExpectUsageError({"selu-map", "--steps", "2.5"}, "--steps");
}

TEST(CliBornDead, CsvHeaderAndOneRow) {
    const auto r =
        RunActlab({"born-dead", "--width", "2", "--depth", "10", "--trials", "20000", "--seed", "5"});
    ASSERT_EQ(r.exit_status, 0) << r.err;
    const auto lines = SplitLines(r.out);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0], "probability,std_error,closed_form");
    const auto fields = SplitFields(lines[1]);
    ASSERT_EQ(fields.size(), 3u);
    const double p = std::stod(fields[0]), se = std::stod(fields[1]), closed = std::stod(fields[2]);
    EXPECT_NEAR(closed, 1.0 - std::pow(0.75, 10), 1e-15);
    EXPECT_NEAR(se, std::sqrt(p * (1.0 - p) / 20000.0), 1e-15);
    EXPECT_LE(std::fabs(p - closed), 3.0 * se);

    const auto grid = RunActlab({"born-dead", "--width", "3", "--depth", "5", "--trials", "500", "--domain",
                                 "grid", "--bias", "normal"});
    ASSERT_EQ(grid.exit_status, 0) << grid.err;
    const auto grid_lines = SplitLines(grid.out);
    ASSERT_EQ(grid_lines.size(), 2u);
    ASSERT_FALSE(grid_lines[1].empty());
    EXPECT_EQ(grid_lines[1].back(), ',') << "closed_form is empty for the grid";
    EXPECT_EQ(SplitFields(grid_lines[1]).size(), 3u);
}

TEST(CliBornDead, BadInput) {
    ExpectUsageError({"born-dead", "--depth", "3", "--trials", "10"}, "--width");
    ExpectUsageError({"born-dead", "--width", "0", "--depth", "3", "--trials", "10"}, "--width");
    ExpectUsageError({"born-dead", "--width", "65", "--depth", "3", "--trials", "10"}, "--width");
    ExpectUsageError({"born-dead", "--width", "2", "--depth", "3", "--trials", "0"}, "--trials");
    ExpectUsageError({"born-dead", "--width", "2", "--depth", "3", "--trials", "10", "--bias", "uniform"},
                     "allowed: zero, normal");
    ExpectUsageError({"born-dead", "--width", "2", "--depth", "3", "--trials", "10", "--domain", "line"},
                     "allowed: point, grid");
    ExpectUsageError({"born-dead", "--width", "64", "--depth", "1000", "--trials", "10000000"},
                     "too much work");
}

} // namespace
} // namespace actlab::test
