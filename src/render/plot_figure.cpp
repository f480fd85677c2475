// One plot of activation curves (see plot_figure.h).
#include "render/plot_figure.h"

#include "core/ticks.h"
#include "render/label_layout.h"
#include "render/plot_labels.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace actlab {

namespace {

// Pixels beyond this distance outside the data area are clamped: a curve at 1e300 still draws as a
// line leaving the plot, and float pixel coordinates never overflow.
constexpr float kPixelClampMargin = 1.0e4f;

float ClampPixel(double value, float lo, float hi) {
    if (std::isnan(value)) return lo;
    return static_cast<float>(std::clamp(value, static_cast<double>(lo - kPixelClampMargin),
                                         static_cast<double>(hi + kPixelClampMargin)));
}

std::string Title(PlotQuantity quantity) {
    switch (quantity) {
    case PlotQuantity::Value:
        return "f(x)";
    case PlotQuantity::Derivative:
        return "f\u2032(x)";
    case PlotQuantity::ValueAndDerivative:
        return "f(x) and f\u2032(x)";
    }
    return "";
}

bool ShowsValue(PlotQuantity q) {
    return q != PlotQuantity::Derivative;
}
bool ShowsDerivative(PlotQuantity q) {
    return q != PlotQuantity::Value;
}

struct AxisTicks {
    Ticks ticks;
    std::vector<std::string> labels;
    float widest = 0.0f;
};

AxisTicks MakeTicks(Canvas& canvas, double lo, double hi, int max_count, float font_size) {
    AxisTicks axis;
    axis.ticks = NiceTicks(lo, hi, std::max(max_count, 2));
    for (double v : axis.ticks.values) {
        axis.labels.push_back(FormatTick(v, axis.ticks.step));
        axis.widest = std::max(axis.widest, canvas.MeasureText(axis.labels.back(), font_size).x);
    }
    return axis;
}

// x ticks whose labels never overlap: start generous and tighten with the measured label width.
AxisTicks XTicks(Canvas& canvas, const PlotFrame& frame, float font_size) {
    const float width = frame.AreaWidth();
    int max_count = std::max(2, static_cast<int>(width / (font_size * 4.0f)));
    AxisTicks axis = MakeTicks(canvas, frame.x_min, frame.x_max, max_count, font_size);
    for (int attempt = 0; attempt < 4; ++attempt) {
        const float needed = axis.widest + font_size * 1.5f;
        const int fits = std::max(2, static_cast<int>(width / needed));
        if (static_cast<int>(axis.ticks.values.size()) <= fits) break;
        max_count = std::min(max_count - 1, fits);
        axis = MakeTicks(canvas, frame.x_min, frame.x_max, max_count, font_size);
    }
    return axis;
}

// y ticks about 2.4 text lines apart, and never fewer than three: a plot whose only y label is
// "0" tells the class nothing about the scale.
AxisTicks YTicks(Canvas& canvas, double y_min, double y_max, float height, float font_size) {
    int max_count = std::max(3, static_cast<int>(height / (font_size * 2.4f)));
    AxisTicks axis = MakeTicks(canvas, y_min, y_max, max_count, font_size);
    while (axis.ticks.values.size() < 3 && max_count < 12)
        axis = MakeTicks(canvas, y_min, y_max, ++max_count, font_size);
    return axis;
}

// The gap between the data area and the top of the x tick labels: clear of the tick marks, and of
// the lowest y tick label, which is centred on the bottom edge.
float XTickLabelGap(const FigureStyle& style) {
    return std::max(7.0f * style.scale, style.font_size * 0.55f);
}

// A polyline in pixels from data samples, split where a value is not finite.
std::vector<std::vector<Vec2>> ToPixelRuns(const PlotFrame& frame, std::span<const double> xs,
                                           std::span<const double> ys) {
    std::vector<std::vector<Vec2>> runs(1);
    for (std::size_t i = 0; i < xs.size(); ++i) {
        if (std::isnan(ys[i])) {
            if (!runs.back().empty()) runs.emplace_back();
            continue;
        }
        runs.back().push_back(frame.ToPixel(xs[i], ys[i]));
    }
    std::erase_if(runs, [](const auto& run) { return run.size() < 2; });
    return runs;
}

// Dashes along a pixel polyline: the pieces that are "on".
void DashedPolyline(Canvas& canvas, std::span<const Vec2> points, Color color, float thickness, float dash) {
    std::vector<Vec2> piece;
    float travelled = 0.0f;
    bool on = true;
    piece.push_back(points.front());
    for (std::size_t i = 1; i < points.size(); ++i) {
        Vec2 a = points[i - 1];
        const Vec2 b = points[i];
        float segment = std::hypot(b.x - a.x, b.y - a.y);
        while (segment > 0.0f && travelled + segment >= dash) {
            const float t = (dash - travelled) / segment;
            const Vec2 cut{a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t};
            if (on) {
                piece.push_back(cut);
                if (piece.size() >= 2) canvas.Polyline(piece, color, thickness);
            }
            piece.clear();
            piece.push_back(cut);
            on = !on;
            segment -= dash - travelled;
            travelled = 0.0f;
            a = cut;
        }
        travelled += segment;
        if (on) piece.push_back(b);
    }
    if (on && piece.size() >= 2) canvas.Polyline(piece, color, thickness);
}

void DrawGrid(Canvas& canvas, const PlotFrame& frame, const AxisTicks& xt, const AxisTicks& yt,
              const FigureTheme& theme, float scale) {
    for (double x : xt.ticks.values) {
        const float px = frame.PixelX(x);
        canvas.Line({px, frame.area_min.y}, {px, frame.area_max.y}, theme.grid, 1.0f * scale);
    }
    for (double y : yt.ticks.values) {
        const float py = frame.PixelY(y);
        canvas.Line({frame.area_min.x, py}, {frame.area_max.x, py}, theme.grid, 1.0f * scale);
    }
    if (frame.x_min <= 0.0 && 0.0 <= frame.x_max) {
        const float px = frame.PixelX(0.0);
        canvas.Line({px, frame.area_min.y}, {px, frame.area_max.y}, theme.origin_axis, 1.6f * scale);
    }
    if (frame.y_min <= 0.0 && 0.0 <= frame.y_max) {
        const float py = frame.PixelY(0.0);
        canvas.Line({frame.area_min.x, py}, {frame.area_max.x, py}, theme.origin_axis, 1.6f * scale);
    }
}

// The shaded zero-gradient regions of the current function (their label is placed with the others).
void DrawDeadZones(Canvas& canvas, const PlotFrame& frame, const PlotCurveData& curve,
                   const FigureTheme& theme) {
    for (const Interval& region : curve.properties.zero_gradient_regions) {
        const double lo = std::max(region.lo, frame.x_min);
        const double hi = std::min(region.hi, frame.x_max);
        if (!(lo < hi)) continue;
        const Vec2 a{frame.PixelX(lo), frame.area_min.y};
        const Vec2 b{frame.PixelX(hi), frame.area_max.y};
        canvas.FilledRect(a, b, theme.dead_zone);
    }
}

// Dashed lines at every asymptote in range (their labels are placed with the others).
void DrawAsymptoteLines(Canvas& canvas, const PlotFrame& frame, std::span<const PlotCurveData> curves,
                        const FigureStyle& style) {
    for (const PlotCurveData& curve : curves) {
        for (const HorizontalAsymptote& asymptote : curve.properties.asymptotes) {
            if (asymptote.y < frame.y_min || asymptote.y > frame.y_max) continue;
            const float py = frame.PixelY(asymptote.y);
            canvas.Line({frame.area_min.x, py}, {frame.area_max.x, py}, WithAlpha(curve.color, 200),
                        1.5f * style.scale, 7.0f * style.scale);
        }
    }
}

} // namespace

// The curve's f or f′ in pixels for this frame's mapping, mapped and simplified only when the mapping
// changed since the last frame.
const CurvePixelRuns& PixelRuns(const PlotFrame& frame, const PlotCurveData& curve, bool derivative) {
    CurvePixelRuns& cache = derivative ? curve.derivative_pixels : curve.value_pixels;
    if (cache.mapping == frame.Mapping()) return cache;
    cache.mapped.clear();
    if (derivative) {
        for (const Polyline& piece : curve.samples.derivative) {
            for (auto& run : ToPixelRuns(frame, piece.x, piece.y))
                cache.mapped.push_back(std::move(run));
        }
    } else {
        cache.mapped = ToPixelRuns(frame, curve.samples.value.x, curve.samples.value.y);
    }
    cache.drawn.clear();
    for (const auto& run : cache.mapped)
        cache.drawn.push_back(SimplifyPolyline(run, kCurveTolerancePixels));
    cache.mapping = frame.Mapping();
    return cache;
}

namespace {

void DrawCurve(Canvas& canvas, const PlotFrame& frame, const PlotCurveData& curve, bool derivative,
               bool dashed, const PlotSpec& spec, const FigureTheme& theme, const FigureStyle& style) {
    const float width = theme.line_width * style.scale;
    for (const auto& run : PixelRuns(frame, curve, derivative).drawn) {
        if (dashed) {
            DashedPolyline(canvas, run, curve.color, width * 0.85f, 9.0f * style.scale);
        } else {
            canvas.Polyline(run, curve.color, width);
        }
    }
    if (!derivative) return;
    // Jumps: a closed circle where the convention puts f'(x), open circles at the limits not taken.
    const float radius = 4.5f * style.scale;
    for (const DerivativeJump& jump : curve.samples.jumps) {
        for (double y : jump.open_y) {
            const Vec2 p = frame.ToPixel(jump.x, y);
            canvas.FilledCircle(p, radius, theme.marker_hole);
            canvas.Circle(p, radius, curve.color, 2.0f * style.scale);
        }
        if (jump.closed_y)
            canvas.FilledCircle(frame.ToPixel(jump.x, *jump.closed_y), radius + 0.5f, curve.color);
    }
    (void)spec;
}

void DrawHover(Canvas& canvas, const PlotFrame& frame, const PlotSpec& spec,
               std::span<const PlotCurveData> curves, const FigureTheme& theme, const FigureStyle& style) {
    const double x = *spec.hover_x;
    const float px = frame.PixelX(x);
    canvas.Line({px, frame.area_min.y}, {px, frame.area_max.y}, theme.crosshair, 1.0f * style.scale);
    for (const PlotCurveData& curve : curves) {
        const double f = curve.output_scale * Evaluate(curve.activation, x);
        const double df = curve.output_scale * Derivative(curve.activation, x, spec.convention);
        const float r = 4.0f * style.scale;
        if (ShowsValue(spec.quantity) && std::isfinite(f))
            canvas.FilledCircle(frame.ToPixel(x, f), r, curve.color);
        if (ShowsDerivative(spec.quantity) && std::isfinite(df))
            canvas.FilledCircle(frame.ToPixel(x, df), r, curve.color);
    }
    if (!spec.hover_readout) return;

    std::vector<std::pair<std::string, Color>> lines;
    lines.emplace_back("x = " + FormatReadout(x, 6), theme.text);
    for (const PlotCurveData& curve : curves) {
        const double s = curve.output_scale;
        lines.emplace_back(
            curve.label + ":  f = " + FormatReadout(s * Evaluate(curve.activation, x), 6) +
                "   f\u2032 = " + FormatReadout(s * Derivative(curve.activation, x, spec.convention), 6),
            curve.color);
    }
    const float pad = 8.0f * style.scale;
    const float line_height = style.font_size * 1.3f;
    float widest = 0.0f;
    for (const auto& [text, color] : lines)
        widest = std::max(widest, canvas.MeasureText(text, style.font_size).x);
    const float box_w = widest + pad * 2;
    const float box_h = line_height * static_cast<float>(lines.size()) + pad * 2;
    float left = px + pad * 2;
    if (left + box_w > frame.area_max.x) left = px - pad * 2 - box_w;
    left = std::max(left, frame.area_min.x);
    const float top = frame.area_max.y - box_h - pad;
    canvas.FilledRect({left, top}, {left + box_w, top + box_h}, theme.readout_background);
    canvas.Rect({left, top}, {left + box_w, top + box_h}, theme.frame, 1.0f * style.scale);
    float y = top + pad;
    for (const auto& [text, color] : lines) {
        canvas.Text({left + pad, y}, text, color == theme.text ? theme.text : color, style.font_size);
        y += line_height;
    }
}

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Geometry
//-----------------------------------------------------------------------------

float PlotFrame::PixelX(double x) const {
    const double t = (x - x_min) / (x_max - x_min);
    const double left = area_min.x, right = area_max.x;
    return ClampPixel(left + t * (right - left), area_min.x, area_max.x);
}

float PlotFrame::PixelY(double y) const {
    if (std::isinf(y)) return y > 0 ? area_min.y - kPixelClampMargin : area_max.y + kPixelClampMargin;
    const double t = (y - y_min) / (y_max - y_min);
    const double top = area_min.y, bottom = area_max.y;
    return ClampPixel(bottom - t * (bottom - top), area_min.y, area_max.y);
}

double PlotFrame::DataX(float px) const {
    const double left = area_min.x, right = area_max.x;
    return x_min + (static_cast<double>(px) - left) / (right - left) * (x_max - x_min);
}

double PlotFrame::DataY(float py) const {
    const double top = area_min.y, bottom = area_max.y;
    return y_min + (bottom - static_cast<double>(py)) / (bottom - top) * (y_max - y_min);
}

bool PlotFrame::Contains(Vec2 p) const {
    return p.x >= area_min.x && p.x <= area_max.x && p.y >= area_min.y && p.y <= area_max.y;
}

PlotFrame LayoutPlot(Canvas& canvas, const PlotSpec& spec, Vec2 min, Vec2 max, const FigureStyle& style) {
    PlotFrame frame;
    frame.outer_min = min;
    frame.outer_max = max;
    frame.x_min = spec.x_min;
    frame.x_max = spec.x_max;
    frame.y_min = spec.y_min;
    frame.y_max = spec.y_max;
    const float pad = 8.0f * style.scale;
    const float top = min.y + style.font_size * 1.5f + pad;
    // Tick labels, then the axis label "x" centred under them.
    const float bottom = max.y - XTickLabelGap(style) - style.font_size * 2.15f - pad * 0.75f;
    const AxisTicks y_ticks =
        YTicks(canvas, spec.y_min, spec.y_max, std::max(bottom - top, 1.0f), style.font_size);
    const float left_margin = std::max(y_ticks.widest + pad * 1.5f, style.min_left_margin);
    frame.area_min = {min.x + left_margin, top};
    frame.area_max = {std::max(max.x - pad * 2, frame.area_min.x + 1.0f), std::max(bottom, top + 1.0f)};
    return frame;
}

std::vector<Vec2> SimplifyPolyline(std::span<const Vec2> points, float tolerance) {
    if (points.size() <= 2) return {points.begin(), points.end()};
    std::vector<Vec2> kept{points.front()};
    // From the last kept point (the anchor), the directions in which a segment passes within
    // `tolerance` of every point since form a cone [lo, hi]; each point narrows it. The segment ends
    // at the last point inside the cone, and never short of a point already passed (no hairpins).
    const auto cross = [](double ax, double ay, double bx, double by) { return ax * by - ay * bx; };
    double lo_x = 0, lo_y = 0, hi_x = 0, hi_y = 0;
    bool narrowed = false;
    double farthest = 0.0;
    std::size_t last = 0;
    const double reach = tolerance;
    for (std::size_t i = 1; i < points.size(); ++i) {
        for (int attempt = 0; attempt < 2; ++attempt) {
            const Vec2 anchor = kept.back();
            const double dx = static_cast<double>(points[i].x) - static_cast<double>(anchor.x);
            const double dy = static_cast<double>(points[i].y) - static_cast<double>(anchor.y);
            const double d = std::hypot(dx, dy);
            if (d <= reach && !narrowed) break; // within reach of the anchor itself
            const double ux = dx / d, uy = dy / d;
            const bool inside = !narrowed || (d > reach && cross(lo_x, lo_y, ux, uy) >= 0.0 &&
                                              cross(ux, uy, hi_x, hi_y) >= 0.0 && d >= farthest - reach);
            if (!inside && attempt == 0) {
                kept.push_back(points[last]); // the segment ends at the last point that fitted
                narrowed = false;
                farthest = 0.0;
                continue;
            }
            const double sine = reach / d, cosine = std::sqrt(1.0 - sine * sine);
            const double new_lo_x = ux * cosine + uy * sine, new_lo_y = uy * cosine - ux * sine;
            const double new_hi_x = ux * cosine - uy * sine, new_hi_y = uy * cosine + ux * sine;
            if (!narrowed || cross(lo_x, lo_y, new_lo_x, new_lo_y) > 0.0) lo_x = new_lo_x, lo_y = new_lo_y;
            if (!narrowed || cross(new_hi_x, new_hi_y, hi_x, hi_y) > 0.0) hi_x = new_hi_x, hi_y = new_hi_y;
            narrowed = true;
            farthest = std::max(farthest, d);
            break;
        }
        last = i;
    }
    if (kept.back() != points.back()) kept.push_back(points.back());
    return kept;
}

std::size_t SamplesForWidth(float pixel_width) {
    return static_cast<std::size_t>(std::clamp(pixel_width * 1.5f, 64.0f, 6144.0f));
}

std::vector<PlotCurveData> BuildCurves(std::span<const Activation> functions, double x_min, double x_max,
                                       std::size_t samples, KinkConvention convention,
                                       const FigureTheme& theme) {
    std::vector<PlotCurveData> curves;
    curves.reserve(functions.size());
    for (std::size_t i = 0; i < functions.size(); ++i) {
        const Activation& activation = functions[i];
        curves.push_back({activation, std::string(activation.info().display_name), PaletteColor(theme, i),
                          SampleCurve(activation, x_min, x_max, samples, convention),
                          ComputeProperties(activation)});
    }
    return curves;
}

//-----------------------------------------------------------------------------
// [SECTION] Drawing
//-----------------------------------------------------------------------------

namespace {

// Tick labels, axis label and title, each taken in `labels` (a tick label that would touch another
// is left out); then the tick marks.
void DrawAxes(Canvas& canvas, const PlotFrame& frame, PlotQuantity quantity, const AxisTicks& x_ticks,
              const AxisTicks& y_ticks, const FigureTheme& theme, const FigureStyle& style,
              LabelLayout& labels) {
    const float pad = 8.0f * style.scale;
    const float tick = 5.0f * style.scale;
    const float font = style.font_size;
    const auto text = [&](Vec2 at, const std::string& label, Color color, float size, TextAlign align,
                          TextBaseline baseline) {
        if (labels.TakeTextIfFree(at, label, size, align, baseline))
            canvas.Text(at, label, color, size, align, baseline);
    };
    text({frame.area_min.x, frame.outer_min.y + pad * 0.5f}, Title(quantity), theme.text, font * 1.1f,
         TextAlign::Left, TextBaseline::Top);
    const float x_labels_top = frame.area_max.y + XTickLabelGap(style);
    text({(frame.area_min.x + frame.area_max.x) / 2, x_labels_top + font * 1.1f}, "x", theme.text, font,
         TextAlign::Center, TextBaseline::Top);
    for (std::size_t i = 0; i < x_ticks.ticks.values.size(); ++i) {
        const float px = frame.PixelX(x_ticks.ticks.values[i]);
        canvas.Line({px, frame.area_max.y}, {px, frame.area_max.y + tick}, theme.axis, 1.0f * style.scale);
        text({px, x_labels_top}, x_ticks.labels[i], theme.dim_text, font, TextAlign::Center,
             TextBaseline::Top);
    }
    for (std::size_t i = 0; i < y_ticks.ticks.values.size(); ++i) {
        const float py = frame.PixelY(y_ticks.ticks.values[i]);
        canvas.Line({frame.area_min.x - tick, py}, {frame.area_min.x, py}, theme.axis, 1.0f * style.scale);
        text({frame.area_min.x - tick - 3.0f * style.scale, py}, y_ticks.labels[i], theme.dim_text, font,
             TextAlign::Right, TextBaseline::Middle);
    }
}

} // namespace

void DrawPlot(Canvas& canvas, const PlotFrame& frame, const PlotSpec& spec,
              std::span<const PlotCurveData> curves, const FigureTheme& theme, const FigureStyle& style) {
    if (theme.background.a > 0) canvas.FilledRect(frame.outer_min, frame.outer_max, theme.background);
    canvas.FilledRect(frame.area_min, frame.area_max, theme.plot_background);

    const AxisTicks x_ticks = XTicks(canvas, frame, style.font_size);
    const AxisTicks y_ticks = YTicks(canvas, frame.y_min, frame.y_max, frame.AreaHeight(), style.font_size);
    LabelLayout labels(canvas);
    DrawAxes(canvas, frame, spec.quantity, x_ticks, y_ticks, theme, style, labels);

    canvas.PushClip(frame.area_min, frame.area_max);
    if (spec.overlays.dead_zone && !curves.empty()) DrawDeadZones(canvas, frame, curves.front(), theme);
    DrawGrid(canvas, frame, x_ticks, y_ticks, theme, style.scale);
    if (spec.overlays.asymptotes && ShowsValue(spec.quantity))
        DrawAsymptoteLines(canvas, frame, curves, style);
    // The current function (the first) is drawn last, on top of those overlaid for comparison.
    // NOLINTNEXTLINE(modernize-loop-convert): the reverse order is the point; iterators say it plainly
    for (auto it = curves.rbegin(); it != curves.rend(); ++it) {
        const PlotCurveData& curve = *it;
        if (ShowsValue(spec.quantity)) DrawCurve(canvas, frame, curve, false, false, spec, theme, style);
        if (ShowsDerivative(spec.quantity)) {
            DrawCurve(canvas, frame, curve, true, spec.quantity == PlotQuantity::ValueAndDerivative, spec,
                      theme, style);
        }
    }
    canvas.PopClip();
    // Labels go on top of the curves; the legend may sit in the title row, outside the data area.
    DrawPlotLabels({canvas, frame, spec, curves, theme, style}, labels);
    canvas.PushClip(frame.area_min, frame.area_max);
    if (spec.hover_x) DrawHover(canvas, frame, spec, curves, theme, style);
    if (spec.selection) {
        const auto [a, b] = *spec.selection;
        const Vec2 lo{std::min(a.x, b.x), std::min(a.y, b.y)};
        const Vec2 hi{std::max(a.x, b.x), std::max(a.y, b.y)};
        canvas.FilledRect(lo, hi, WithAlpha(theme.palette[0], 40));
        canvas.Rect(lo, hi, theme.palette[0], 1.5f * style.scale);
    }
    canvas.PopClip();
    canvas.Rect(frame.area_min, frame.area_max, theme.frame, 1.0f * style.scale);
}

std::optional<double> ProbeAnchorY(const Activation& activation, double x, bool derivative,
                                   KinkConvention convention) {
    double y = derivative ? Derivative(activation, x, convention) : Evaluate(activation, x);
    if (derivative && std::isnan(y)) y = Derivative(activation, x, KinkConvention::Mean);
    if (!std::isfinite(y)) return std::nullopt;
    return y;
}

std::string ProbeLabel(const Activation& activation, double x, bool derivative, KinkConvention convention,
                       bool name_the_function) {
    const double y = derivative ? Derivative(activation, x, convention) : Evaluate(activation, x);
    std::string name = name_the_function ? std::string(activation.info().display_name) : std::string("f");
    if (derivative) name += "\u2032";
    return name + "(" + FormatReadout(x, 6) + ") = " + FormatReadout(y, 6);
}

std::string AsymptoteLabel(const Activation& activation, const HorizontalAsymptote& asymptote) {
    std::string symbol;
    switch (activation.id) {
    case ActivationId::Elu:
    case ActivationId::Celu:
        symbol = "\u2212\u03b1 = ";
        break;
    case ActivationId::Selu:
        symbol = "\u2212\u03bb\u03b1 = ";
        break;
    default:
        break;
    }
    if (asymptote.at_positive_infinity) symbol.clear();
    return std::string(activation.info().display_name) + " \u2192 " + symbol + FormatReadout(asymptote.y, 5);
}

} // namespace actlab
