// A small line chart drawn into the current ImGui window: several series (per-layer statistics,
// a probability over depth, a trajectory in a plane) with their colours, a linear or logarithmic
// y axis with nice ticks, optional ±error bars and markers, a legend, and a hover readout.
#pragma once

#include "render/canvas.h"
#include "render/figure_theme.h"
#include "ui/fonts.h"

#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

namespace actlab::ui {

struct ChartSeries {
    std::string label;           // in the legend and the hover readout; "" leaves it out of the legend
    Color color;
    std::vector<double> x, y;    // same length; non-finite points (and y ≤ 0 on a log axis) break the line
    std::vector<double> error;   // ±error bars at each point, or empty
    bool line = true;            // connect the points
    bool markers = false;        // a dot at each point
    bool dashed = false;
};

struct ChartOptions {
    std::string title;                    // above the chart, in the bold font; "" for none
    std::string x_label, y_label;
    bool log_y = false;                   // decades 10ᵏ; only positive values are drawn
    std::optional<double> x_min, x_max;   // fixed ends; otherwise fitted to the data
    std::optional<double> y_min, y_max;
    std::vector<double> y_references;     // horizontal dashed lines (the target variance 1)
    double min_y_span = 0.0;              // a fitted linear y range spans at least this (noise around 0 stays flat)
    bool include_zero = false;            // a fitted linear y range reaches 0 (losses: a gap reads at its true size)
    float min_left_margin = 0.0f;         // pixels left of the data area; charts of one view share one
    bool legend = true;
};

// The left margin that fits y tick labels as wide as "10⁻¹⁰" in `fonts` at `scale`: charts of one view
// pass it as ChartOptions::min_left_margin so their left edges and x ticks line up.
float SharedChartLeftMargin(const FontSet& fonts, float scale);

// The chart in a box of `size` pixels at the cursor (advances the cursor like an item). `id` must be
// unique in the window. Returns true while the mouse hovers the data area.
bool LineChart(const char* id, const std::vector<ChartSeries>& series, const ChartOptions& options,
               const FigureTheme& theme, const FontSet& fonts, float scale, ImVec2 size);

// The axis range the chart would use for these values: data range padded by 5 %, never empty; on a
// log axis the decades enclosing the positive values. Exposed for tests.
struct AxisRange {
    double lo = 0.0, hi = 1.0;
};
AxisRange FitAxis(const std::vector<double>& values, bool log_scale);

// The y range the chart shows, in axis coordinates (log10 on a log axis): fitted, or fixed, widened to
// include 0 when the options ask. Exposed for tests.
AxisRange ChartYRange(const std::vector<ChartSeries>& series, const ChartOptions& options);

// The tick positions (axis coordinates) on an axis `length` pixels long, about `spacing` apart, never
// more than `most` and at least three where the range allows. Exposed for tests.
std::vector<double> ChartTickPositions(AxisRange range, bool log_scale, float length, float spacing, int most);

// Whether the segment a–b passes through the rectangle [lo, hi] (its edges included): the legend's
// box avoids the corners that lines cross. Exposed for tests.
bool SegmentCrossesRect(Vec2 a, Vec2 b, Vec2 lo, Vec2 hi);

// A decade label: 0.01, 0.1, 1, 10, 100 as numbers, beyond that 10⁻⁵, 10⁶.
std::string DecadeLabel(int exponent);

}  // namespace actlab::ui
