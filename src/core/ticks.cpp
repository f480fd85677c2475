// Axis ticks (see ticks.h).
#include "core/ticks.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace actlab {

namespace {

std::string WithUnicodeMinus(std::string text) {
    if (!text.empty() && text.front() == '-') text.replace(0, 1, "\u2212");
    // Exponents too: 1e-07 → 1e−07.
    const std::size_t e = text.find("e-");
    if (e != std::string::npos) text.replace(e + 1, 1, "\u2212");
    return text;
}

} // namespace

std::string SuperscriptInteger(int value) {
    static constexpr const char* kDigits[] = {"\u2070", "\u00b9", "\u00b2", "\u00b3", "\u2074",
                                              "\u2075", "\u2076", "\u2077", "\u2078", "\u2079"};
    std::string text = value < 0 ? "\u207b" : "";
    for (char c : std::to_string(value < 0 ? -value : value))
        text += kDigits[c - '0'];
    return text;
}

double NiceStep(double lo, double hi, int max_count) {
    const double span = hi - lo;
    if (!(span > 0.0) || !std::isfinite(span)) return 1.0;
    max_count = std::max(max_count, 2);
    const double raw = span / static_cast<double>(max_count - 1);
    const double decade = std::pow(10.0, std::floor(std::log10(raw)));
    for (double mantissa : {1.0, 2.0, 5.0, 10.0}) {
        const double step = mantissa * decade;
        // Count the ticks this step really gives, so the promise "at most max_count" holds.
        const double count = std::floor(hi / step) - std::ceil(lo / step) + 1.0;
        if (count <= static_cast<double>(max_count)) return step;
    }
    return 20.0 * decade;
}

Ticks NiceTicks(double lo, double hi, int max_count) {
    Ticks ticks;
    ticks.step = NiceStep(lo, hi, max_count);
    const double first = std::ceil(lo / ticks.step);
    const double last = std::floor(hi / ticks.step);
    if (!std::isfinite(first) || !std::isfinite(last) || last - first > 1000.0) return ticks;
    for (double k = first; k <= last; k += 1.0) {
        // k·step rather than a running sum: no drift, and k = 0 gives exactly 0.
        ticks.values.push_back(k * ticks.step);
    }
    return ticks;
}

std::string FormatTick(double value, double step) {
    if (value == 0.0 || std::abs(value) < step * 1e-9) return "0";
    const double magnitude = std::abs(value);
    const int value_exponent = static_cast<int>(std::floor(std::log10(magnitude)));
    const int step_exponent = static_cast<int>(std::floor(std::log10(step) + 1e-9));
    char buffer[64];
    if (value_exponent >= 6 || value_exponent <= -5) {
        const int digits = std::clamp(value_exponent - step_exponent + 1, 1, 15);
        std::snprintf(buffer, sizeof buffer, "%.*e", digits - 1, value);
        // 2.000e+06 → 2e+06 is easier to read; keep the digits that distinguish ticks.
        std::string text = buffer;
        const std::size_t e = text.find('e');
        std::string mantissa = text.substr(0, e);
        std::string exponent = text.substr(e + 1);
        if (mantissa.find('.') != std::string::npos) {
            while (mantissa.back() == '0')
                mantissa.pop_back();
            if (mantissa.back() == '.') mantissa.pop_back();
        }
        const int exp_value = std::stoi(exponent);
        return WithUnicodeMinus(mantissa) + "\u00d710" + SuperscriptInteger(exp_value);
    }
    const int decimals = std::max(0, -step_exponent);
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return WithUnicodeMinus(buffer);
}

std::string FormatReadout(double value, int digits) {
    if (std::isnan(value)) return "undefined";
    if (std::isinf(value)) return value > 0 ? "\u221e" : "\u2212\u221e";
    if (value == 0.0) return "0";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*g", digits, value);
    return WithUnicodeMinus(buffer);
}

} // namespace actlab
