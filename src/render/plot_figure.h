// One plot of activation curves drawn through a Canvas: frame, grid, nice ticks, emphasised axes
// through the origin, curves with exact kinks, derivative jumps as gaps with open and closed
// circles, teaching overlays, probes, legend and the hover readout. The window, PNG export and
// SVG export all draw with this code.
//
// Index of this file
// [SECTION] What to draw
// [SECTION] Geometry
// [SECTION] Drawing
#pragma once

#include "core/activation.h"
#include "core/app_state.h"
#include "core/properties.h"
#include "core/sampling.h"
#include "render/canvas.h"
#include "render/figure_theme.h"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace actlab {

//-----------------------------------------------------------------------------
// [SECTION] What to draw
//-----------------------------------------------------------------------------

enum class PlotQuantity {
    Value,             // f
    Derivative,        // f'
    ValueAndDerivative // both in one plot, f' dashed
};

// Which data rectangle a plot's data area shows, and where: all that places a sample on screen.
struct PixelMapping {
    Vec2 area_min, area_max;
    double x_min = 0, x_max = 0, y_min = 0, y_max = 0;
    bool operator==(const PixelMapping&) const = default;
};

// A curve's samples in pixels for one mapping.
struct CurvePixelRuns {
    std::optional<PixelMapping> mapping;   // empty until first drawn
    std::vector<std::vector<Vec2>> mapped; // every sample, split where a value is not finite
    std::vector<std::vector<Vec2>> drawn;  // the same runs simplified within kCurveTolerancePixels
};

// A function as plotted: derived data, recomputed only when the function or the x range changes.
struct PlotCurveData {
    Activation activation;
    std::string label; // "Leaky ReLU"
    Color color;
    SampledCurve samples;
    Properties properties;
    double output_scale = 1.0; // the curve is output_scale · f (a gated function's slice b·g(a))
    // f and f′ in pixels, kept between frames until the view or the plot's size changes: an idle
    // frame then neither maps nor simplifies thousands of samples. Filled by DrawPlot.
    mutable CurvePixelRuns value_pixels{}, derivative_pixels{};
};

struct PlotSpec {
    PlotQuantity quantity = PlotQuantity::Value;
    double x_min = -6.0, x_max = 6.0;
    double y_min = -2.0, y_max = 6.0;
    KinkConvention convention = KinkConvention::PyTorch;
    Overlays overlays;
    std::span<const Probe> probes;
    std::optional<double> hover_x;                  // crosshair and dots on every curve
    bool hover_readout = false;                     // the box listing x, f(x), f'(x) of every curve
    std::optional<std::pair<Vec2, Vec2>> selection; // box zoom in progress, pixels
};

struct FigureStyle {
    float font_size = 17.0f;      // pixel height of tick labels and text
    float scale = 1.0f;           // multiplies line widths, paddings, marker radii
    float min_left_margin = 0.0f; // linked plots share one left margin, so their x axes line up
};

//-----------------------------------------------------------------------------
// [SECTION] Geometry
//-----------------------------------------------------------------------------

// Where the data area lies inside the figure rectangle, and the data ↔ pixel mapping.
struct PlotFrame {
    Vec2 outer_min, outer_max; // the whole plot, labels included
    Vec2 area_min, area_max;   // the data area
    double x_min = 0, x_max = 1, y_min = 0, y_max = 1;

    float PixelX(double x) const;
    float PixelY(double y) const;
    Vec2 ToPixel(double x, double y) const { return {PixelX(x), PixelY(y)}; }
    double DataX(float px) const;
    double DataY(float py) const;
    bool Contains(Vec2 p) const;
    PixelMapping Mapping() const { return {area_min, area_max, x_min, x_max, y_min, y_max}; }
    float AreaWidth() const { return area_max.x - area_min.x; }
    float AreaHeight() const { return area_max.y - area_min.y; }
};

// Reserves margins for tick labels, axis label and title, given the fonts of `canvas`.
PlotFrame LayoutPlot(Canvas& canvas, const PlotSpec& spec, Vec2 min, Vec2 max, const FigureStyle& style);

// Curves are drawn through fewer points than sampled: a point is left out when the drawn line
// passes within this many pixels of it, which no one can see at any export scale.
inline constexpr float kCurveTolerancePixels = 0.05f;

// The points of `points` that keep every left-out point within `tolerance` of the polyline through
// them (first and last always kept). Straight stretches shrink to their ends: ReLU's 1,500 samples
// become 3 points. Linear time.
std::vector<Vec2> SimplifyPolyline(std::span<const Vec2> points, float tolerance);

// How many curve samples a plot of this width needs to look exact (1.5 a pixel; kinks are added).
std::size_t SamplesForWidth(float pixel_width);

// Builds the derived data of each function for the x range [x_min, x_max].
std::vector<PlotCurveData> BuildCurves(std::span<const Activation> functions, double x_min, double x_max,
                                       std::size_t samples, KinkConvention convention,
                                       const FigureTheme& theme);

//-----------------------------------------------------------------------------
// [SECTION] Drawing
//-----------------------------------------------------------------------------

void DrawPlot(Canvas& canvas, const PlotFrame& frame, const PlotSpec& spec,
              std::span<const PlotCurveData> curves, const FigureTheme& theme, const FigureStyle& style);

// Where a probe's marker and label sit: at (x, f(x)) or (x, f′(x)); a derivative the kink convention
// leaves undefined (NaN) sits half way up its jump, between the one-sided limits, so that its
// "= undefined" label still shows where the lecture asks. nullopt when even that is not finite.
std::optional<double> ProbeAnchorY(const Activation& activation, double x, bool derivative,
                                   KinkConvention convention);

// "f(−4) = −0.04", or "Leaky ReLU(−4) = −0.04" when several functions are shown.
std::string ProbeLabel(const Activation& activation, double x, bool derivative, KinkConvention convention,
                       bool name_the_function);

// "ELU → −α = −1", "sigmoid → 1": the label of a dashed asymptote.
std::string AsymptoteLabel(const Activation& activation, const HorizontalAsymptote& asymptote);

} // namespace actlab
