// The core against an independent arbitrary-precision reference (tests/data/activation_reference.csv,
// made with mpmath by scripts/reference/make_activation_reference.py): f and f' to 1e-12 relative.
#include "core/activation.h"
#include "core/number_parse.h"

#include "split_fields.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace actlab {
namespace {

struct Row {
    std::string function, params;
    double x, y, dy;
    int line;
};

std::vector<Row> LoadReference() {
    std::ifstream in(std::string(ACTLAB_TEST_DATA_DIR) + "/activation_reference.csv");
    EXPECT_TRUE(in.good()) << "missing tests/data/activation_reference.csv";
    std::vector<Row> rows;
    std::string line;
    std::getline(in, line);
    EXPECT_EQ(line, "function,params,x,y,dy");
    for (int number = 2; std::getline(in, line); ++number) {
        const auto fields = SplitFields(line, ',');
        EXPECT_EQ(fields.size(), 5u) << "line " << number;
        if (fields.size() != 5) continue;
        const auto x = ParseNumber(fields[2]), y = ParseNumber(fields[3]), dy = ParseNumber(fields[4]);
        EXPECT_TRUE(x && y && dy) << "line " << number << ": " << line;
        rows.push_back({fields[0], fields[1], x.value, y.value, dy.value, number});
    }
    return rows;
}

// Relative error with an absolute floor: 1e-300 for values (those that underflow), 1e-3 for
// derivatives, i.e. 1e-15 absolute where f' crosses or touches zero (no double code reaches 1e-12
// relative at a root, where f' itself is ~1e-17; Snake's f' = 1 + sin(2αx) touches 0 periodically).
double Error(double actual, double expected, double absolute_floor) {
    if (actual == expected) return 0.0;
    return std::fabs(actual - expected) / std::max(std::fabs(expected), absolute_floor);
}

TEST(Reference, EveryFunctionMatchesMpmathTo1e12) {
    const std::vector<Row> rows = LoadReference();
    ASSERT_GT(rows.size(), 1000u);
    double worst_value = 0.0, worst_derivative = 0.0;
    std::string worst_value_at, worst_derivative_at;
    std::vector<bool> seen(kActivationCount, false);
    for (const Row& row : rows) {
        const auto id = FindActivation(row.function);
        ASSERT_TRUE(id.has_value()) << row.function;
        seen[static_cast<std::size_t>(*id)] = true;
        Activation act = Activation::WithDefaults(*id);
        for (const auto& pair : SplitFields(row.params, ';')) {
            if (pair.empty()) continue;
            const auto parsed = ParseNameValue(pair);
            ASSERT_TRUE(parsed) << parsed.error;
            ASSERT_EQ(SetParam(act, parsed.value.name, parsed.value.value), "") << "line " << row.line;
        }
        const double value_error = Error(Evaluate(act, row.x), row.y, 1e-300);
        const double derivative_error = Error(Derivative(act, row.x), row.dy, 1e-3);
        const std::string where = row.function + "(" + row.params + ") at x = " + FormatNumber17(row.x);
        EXPECT_LE(value_error, 1e-12) << where << ": f = " << FormatNumber17(Evaluate(act, row.x))
                                      << ", reference " << FormatNumber17(row.y);
        EXPECT_LE(derivative_error, 1e-12) << where << ": f' = " << FormatNumber17(Derivative(act, row.x))
                                           << ", reference " << FormatNumber17(row.dy);
        if (value_error > worst_value) {
            worst_value = value_error;
            worst_value_at = where;
        }
        if (derivative_error > worst_derivative) {
            worst_derivative = derivative_error;
            worst_derivative_at = where;
        }
    }
    for (std::size_t i = 0; i < kActivationCount; ++i)
        EXPECT_TRUE(seen[i]) << Catalogue()[i].name;
    std::printf("worst relative error: f %.3g (%s), f' %.3g (%s)\n", worst_value, worst_value_at.c_str(),
                worst_derivative, worst_derivative_at.c_str());
}

} // namespace
} // namespace actlab
