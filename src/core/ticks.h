// Axis ticks for plots: "nice" 1-2-5 steps, tick positions computed without accumulating rounding,
// and labels with just enough digits to tell neighbouring ticks apart.
#pragma once

#include <string>
#include <vector>

namespace actlab {

struct Ticks {
    double step = 0.0;          // 1, 2 or 5 × 10ᵏ
    std::vector<double> values; // multiples of step inside [lo, hi]
};

// The smallest 1-2-5 step that puts at most `max_count` ticks into [lo, hi] (lo < hi, both finite).
double NiceStep(double lo, double hi, int max_count);

// Ticks at k·step for every integer k with k·step in [lo, hi]; exact zero when 0 is in range.
Ticks NiceTicks(double lo, double hi, int max_count);

// A tick label: enough significant digits to resolve `step` at this magnitude, a Unicode minus,
// never "−0", scientific notation for very large or small numbers.
std::string FormatTick(double value, double step);

// 10⁻⁷ rather than e-07: the integer in superscript digits, for exponents on slides.
std::string SuperscriptInteger(int value);

// A number for readouts and probe labels ("−0.04", "0.25", "1.05070"): up to `digits` significant
// digits without trailing zeros, Unicode minus.
std::string FormatReadout(double value, int digits = 6);

} // namespace actlab
