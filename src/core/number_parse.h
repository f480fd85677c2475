// Strict parsers for numbers typed by people: command-line values, NAME=VALUE pairs, A:B ranges and
// comma lists. Each failure comes back as a message that says what was expected.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace actlab {

// A parse result: the value, or a message such as "'1e' is not a number".
template <typename T> struct Parsed {
    T value{};
    std::string error; // empty on success
    explicit operator bool() const { return error.empty(); }
};

// A whole string as a double: "-4", "1e+300", "-1e-12", "0x1p-3", "nan", "inf" (non-finite values are
// parsed; callers decide whether they are allowed). Leading/trailing spaces are refused.
Parsed<double> ParseNumber(std::string_view text);

// Like ParseNumber, but NaN and ±inf are refused with a message.
Parsed<double> ParseFiniteNumber(std::string_view text);

// "A:B" with finite A < B.
Parsed<std::pair<double, double>> ParseRange(std::string_view text);

// "X1,X2,..." of numbers, at least one; NaN and ±inf only where `allow_non_finite`.
Parsed<std::vector<double>> ParseNumberList(std::string_view text, bool allow_non_finite = false);

// "NAME=VALUE" with a non-empty name and a number (non-finite values parsed, checked by the caller).
struct NameValue {
    std::string name;
    double value = 0.0;
};
Parsed<NameValue> ParseNameValue(std::string_view text);

// A positive integer within [min_value, max_value].
Parsed<long long> ParseInteger(std::string_view text, long long min_value, long long max_value);

// A number with 17 significant digits, as the CSV outputs print it ("-0.40000000000000002", "1e+300").
std::string FormatNumber17(double value);

} // namespace actlab
