// Strict number parsing for people's input (see number_parse.h).
#include "core/number_parse.h"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace actlab {

namespace {

std::string Quoted(std::string_view text) {
    constexpr std::size_t kMaxShown = 40; // a hostile 1 GB argument must not be echoed whole
    std::string shown(text.substr(0, kMaxShown));
    if (text.size() > kMaxShown) shown += "…";
    return "'" + shown + "'";
}

} // namespace

Parsed<double> ParseNumber(std::string_view text) {
    Parsed<double> result;
    if (text.empty()) {
        result.error = "an empty value is not a number";
        return result;
    }
    // from_chars does not accept a leading '+', which people type ("+3"); strip one.
    std::string_view digits = text;
    if (digits.front() == '+') digits.remove_prefix(1);
    if (digits.empty() || digits.front() == '+' || digits.front() == ' ') {
        result.error = Quoted(text) + " is not a number";
        return result;
    }
    double value = 0.0;
    const char* first = digits.data();
    const char* last = digits.data() + digits.size();
    auto [ptr, ec] = std::from_chars(first, last, value, std::chars_format::general);
    if (ec == std::errc::result_out_of_range) {
        result.error = Quoted(text) + " is out of the range of a double (about ±1.8e308)";
        return result;
    }
    if (ec != std::errc() || ptr != last) {
        result.error = Quoted(text) + " is not a number";
        return result;
    }
    result.value = value;
    return result;
}

Parsed<double> ParseFiniteNumber(std::string_view text) {
    Parsed<double> result = ParseNumber(text);
    if (result && !std::isfinite(result.value)) {
        result.error = Quoted(text) + " is not a finite number";
    }
    return result;
}

Parsed<std::pair<double, double>> ParseRange(std::string_view text) {
    Parsed<std::pair<double, double>> result;
    // The separator is the first ':' (numbers never contain one).
    const auto colon = text.find(':');
    if (colon == std::string_view::npos) {
        result.error = "range " + Quoted(text) + " must be A:B, e.g. -6:6";
        return result;
    }
    const auto lo = ParseFiniteNumber(text.substr(0, colon));
    const auto hi = ParseFiniteNumber(text.substr(colon + 1));
    if (!lo) {
        result.error = "range " + Quoted(text) + ": " + lo.error;
    } else if (!hi) {
        result.error = "range " + Quoted(text) + ": " + hi.error;
    } else if (!(lo.value < hi.value)) {
        result.error = "range " + Quoted(text) + " is empty or reversed: A must be less than B";
    } else {
        result.value = {lo.value, hi.value};
    }
    return result;
}

Parsed<std::vector<double>> ParseNumberList(std::string_view text, bool allow_non_finite) {
    Parsed<std::vector<double>> result;
    if (text.empty()) {
        result.error = "the list of numbers is empty; give X1,X2,...";
        return result;
    }
    std::size_t start = 0;
    while (true) {
        const auto comma = text.find(',', start);
        const auto item =
            text.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
        const auto number = allow_non_finite ? ParseNumber(item) : ParseFiniteNumber(item);
        if (!number) {
            result.error = "in list " + Quoted(text) + ": " + number.error;
            result.value.clear();
            return result;
        }
        result.value.push_back(number.value);
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    return result;
}

Parsed<NameValue> ParseNameValue(std::string_view text) {
    Parsed<NameValue> result;
    const auto eq = text.find('=');
    if (eq == std::string_view::npos || eq == 0) {
        result.error = Quoted(text) + " must be NAME=VALUE, e.g. slope=0.1";
        return result;
    }
    const auto number = ParseNumber(text.substr(eq + 1));
    if (!number) {
        result.error = "parameter " + std::string(text.substr(0, eq)) + ": " + number.error;
        return result;
    }
    result.value.name = std::string(text.substr(0, eq));
    result.value.value = number.value;
    return result;
}

Parsed<long long> ParseInteger(std::string_view text, long long min_value, long long max_value) {
    Parsed<long long> result;
    long long value = 0;
    std::string_view digits = text;
    if (!digits.empty() && digits.front() == '+') digits.remove_prefix(1);
    const char* last = digits.data() + digits.size();
    auto [ptr, ec] = std::from_chars(digits.data(), last, value);
    if (digits.empty() || ec != std::errc() || ptr != last) {
        result.error = Quoted(text) + " is not a whole number";
    } else if (value < min_value || value > max_value) {
        result.error = Quoted(text) + " is out of range: allowed " + std::to_string(min_value) + " to " +
                       std::to_string(max_value);
    } else {
        result.value = value;
    }
    return result;
}

std::string FormatNumber17(double value) {
    if (std::isnan(value)) return "nan";
    if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.17g", value);
    return buffer;
}

} // namespace actlab
