// A small line chart over training time or layer index, drawn into the current window: several
// series, a linear or log₁₀ y axis with nice ticks, a legend. Reused by every panel that charts.
#pragma once

#include "render/canvas.h"
#include "render/figure_theme.h"

#include <span>
#include <string>
#include <vector>

namespace actlab::ui {

struct ChartSeries {
    std::string label;
    std::span<const double> y;  // one value per x (x = `x` below, or the index when `x` is empty)
    Color color;
};

struct LineChartOptions {
    const char* title = "";
    std::span<const double> x;  // shared by every series; empty: 0, 1, 2, …
    bool log_y = false;         // non-positive values are left out of a log chart
    float height = 120.0f;      // pixels, including the title line
    bool fixed_range = false;   // y from y_lo to y_hi whatever the data (a fraction: 0 to 1)
    double y_lo = 0.0, y_hi = 1.0;
};

// Draws the chart across the available width. Series longer than the chart is wide are thinned to
// about one point per pixel column (min and max kept, so spikes stay visible).
void LineChart(const char* id, std::span<const ChartSeries> series, const LineChartOptions& options,
               const FigureTheme& theme, float scale);

// The [lo, hi] of the finite (and, on a log axis, positive) values of every series, padded; false
// when there is none. Log bounds are returned as log₁₀ values.
bool ChartRange(std::span<const ChartSeries> series, bool log_y, double& lo, double& hi);

}  // namespace actlab::ui
