// One plot of activation curves (see plot_figure.h).
#include "render/plot_figure.h"

#include "core/ticks.h"

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
    case PlotQuantity::Value: return "f(x)";
    case PlotQuantity::Derivative: return "f\u2032(x)";
    case PlotQuantity::ValueAndDerivative: return "f(x) and f\u2032(x)";
    }
    return "";
}

bool ShowsValue(PlotQuantity q) { return q != PlotQuantity::Derivative; }
bool ShowsDerivative(PlotQuantity q) { return q != PlotQuantity::Value; }

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

AxisTicks YTicks(Canvas& canvas, double y_min, double y_max, float height, float font_size) {
    const int max_count = std::max(2, static_cast<int>(height / (font_size * 2.4f)));
    return MakeTicks(canvas, y_min, y_max, max_count, font_size);
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

// A label with a backdrop, so it stays readable over grid lines and curves.
void BoxedText(Canvas& canvas, Vec2 anchor, const std::string& text, Color color, Color backdrop, float size,
               TextAlign align, TextBaseline baseline, float pad) {
    const Vec2 extent = canvas.MeasureText(text, size);
    const auto [left, top] = AlignText(anchor, extent, align, baseline);
    canvas.FilledRect({left - pad, top - pad * 0.5f}, {left + extent.x + pad, top + extent.y + pad * 0.5f}, backdrop);
    canvas.Text({left, top}, text, color, size);
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

void DrawDeadZones(Canvas& canvas, const PlotFrame& frame, const PlotCurveData& curve, const PlotSpec& spec,
                   const FigureTheme& theme, const FigureStyle& style) {
    for (const Interval& region : curve.properties.zero_gradient_regions) {
        const double lo = std::max(region.lo, frame.x_min);
        const double hi = std::min(region.hi, frame.x_max);
        if (!(lo < hi)) continue;
        const Vec2 a{frame.PixelX(lo), frame.area_min.y};
        const Vec2 b{frame.PixelX(hi), frame.area_max.y};
        canvas.FilledRect(a, b, theme.dead_zone);
        if (spec.quantity == PlotQuantity::Derivative) continue;  // the label once, on the f plot
        const std::string label = "f\u2032 = 0: dead zone";
        const float small = style.font_size * 0.9f;
        if (canvas.MeasureText(label, small).x + 12.0f * style.scale < b.x - a.x) {
            // Mid-height: the legend and titles sit at the top, ReLU-like curves run along the bottom.
            canvas.Text({(a.x + b.x) / 2, a.y + (b.y - a.y) * 0.4f}, label, theme.dim_text, small, TextAlign::Center);
        }
    }
}

// Dashed lines at every asymptote; one label per side and level, so sigmoid and tanh both
// approaching 1 read "Sigmoid, Tanh → 1" instead of two labels on top of each other.
void DrawAsymptotes(Canvas& canvas, const PlotFrame& frame, std::span<const PlotCurveData> curves,
                    const FigureTheme& theme, const FigureStyle& style) {
    struct Group {
        HorizontalAsymptote asymptote;
        std::vector<const PlotCurveData*> curves;
    };
    std::vector<Group> groups;
    for (const PlotCurveData& curve : curves) {
        for (const HorizontalAsymptote& asymptote : curve.properties.asymptotes) {
            if (asymptote.y < frame.y_min || asymptote.y > frame.y_max) continue;
            const float py = frame.PixelY(asymptote.y);
            canvas.Line({frame.area_min.x, py}, {frame.area_max.x, py}, WithAlpha(curve.color, 200), 1.5f * style.scale,
                        7.0f * style.scale);
            const auto same = std::find_if(groups.begin(), groups.end(), [&](const Group& g) {
                return g.asymptote.at_positive_infinity == asymptote.at_positive_infinity &&
                       std::abs(g.asymptote.y - asymptote.y) <= 1e-9 * std::max(1.0, std::abs(asymptote.y));
            });
            if (same == groups.end()) {
                groups.push_back({asymptote, {&curve}});
            } else {
                same->curves.push_back(&curve);
            }
        }
    }
    const float pad = 6.0f * style.scale;
    const float small = style.font_size * 0.9f;
    std::vector<std::pair<Vec2, Vec2>> placed;
    for (const Group& group : groups) {
        std::string label;
        Color color = theme.text;
        if (group.curves.size() == 1) {
            label = AsymptoteLabel(group.curves.front()->activation, group.asymptote);
            color = group.curves.front()->color;
        } else {
            for (const PlotCurveData* curve : group.curves) label += (label.empty() ? "" : ", ") + curve->label;
            label += " \u2192 " + FormatReadout(group.asymptote.y, 5);
        }
        const float py = frame.PixelY(group.asymptote.y);
        // Below the line when it is near the top, above it otherwise; at the side it is approached.
        const bool below = py - frame.area_min.y < style.font_size * 1.6f;
        const TextBaseline baseline = below ? TextBaseline::Top : TextBaseline::Bottom;
        const float y = below ? py + pad * 0.5f : py - pad * 0.5f;
        // Labels of nearby levels (ELU → −1 and SELU → −1.758 in a short plot) would overprint each
        // other: a label that would touch one already placed moves along past it.
        const Vec2 extent = canvas.MeasureText(label, small);
        const bool right = group.asymptote.at_positive_infinity;
        float left = right ? frame.area_max.x - pad - extent.x : frame.area_min.x + pad * 1.5f;
        const float top = baseline == TextBaseline::Top ? y : y - extent.y;
        for (bool moved = true; moved;) {
            moved = false;
            for (const auto& [placed_min, placed_max] : placed) {
                const bool overlaps = left < placed_max.x + pad && left + extent.x + pad > placed_min.x &&
                                      top < placed_max.y && top + extent.y > placed_min.y;
                if (!overlaps) continue;
                left = right ? placed_min.x - pad * 2 - extent.x : placed_max.x + pad * 2;
                moved = true;
            }
        }
        placed.emplace_back(Vec2{left, top}, Vec2{left + extent.x, top + extent.y});
        canvas.Text({left, top}, label, color, small);
    }
}

// The curve's f or f′ in pixels for this frame's mapping, mapped and simplified only when the mapping
// changed since the last frame.
const CurvePixelRuns& PixelRuns(const PlotFrame& frame, const PlotCurveData& curve, bool derivative) {
    CurvePixelRuns& cache = derivative ? curve.derivative_pixels : curve.value_pixels;
    if (cache.mapping == frame.Mapping()) return cache;
    cache.mapped.clear();
    if (derivative) {
        for (const Polyline& piece : curve.samples.derivative) {
            for (auto& run : ToPixelRuns(frame, piece.x, piece.y)) cache.mapped.push_back(std::move(run));
        }
    } else {
        cache.mapped = ToPixelRuns(frame, curve.samples.value.x, curve.samples.value.y);
    }
    cache.drawn.clear();
    for (const auto& run : cache.mapped) cache.drawn.push_back(SimplifyPolyline(run, kCurveTolerancePixels));
    cache.mapping = frame.Mapping();
    return cache;
}

void DrawCurve(Canvas& canvas, const PlotFrame& frame, const PlotCurveData& curve, bool derivative, bool dashed,
               const PlotSpec& spec, const FigureTheme& theme, const FigureStyle& style) {
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
        if (jump.closed_y) canvas.FilledCircle(frame.ToPixel(jump.x, *jump.closed_y), radius + 0.5f, curve.color);
    }
    (void)spec;
}

void DrawDerivativeMaximum(Canvas& canvas, const PlotFrame& frame, const PlotCurveData& curve,
                           const FigureTheme& theme, const FigureStyle& style) {
    if (!curve.properties.derivative_maximum) return;
    const Point2 peak = *curve.properties.derivative_maximum;
    if (peak.x < frame.x_min || peak.x > frame.x_max || peak.y < frame.y_min || peak.y > frame.y_max) return;
    const Vec2 p = frame.ToPixel(peak.x, peak.y);
    const float r = 6.0f * style.scale;
    canvas.Circle(p, r, theme.text, 2.0f * style.scale);
    const std::string label = "max f\u2032 = " + FormatReadout(peak.y, 4) + " at x = " + FormatReadout(peak.x, 4);
    const bool left_half = p.x < (frame.area_min.x + frame.area_max.x) / 2;
    const float dy = p.y - frame.area_min.y < style.font_size * 2.0f ? style.font_size * 0.8f : -style.font_size * 0.8f;
    BoxedText(canvas, {p.x + (left_half ? r * 1.8f : -r * 1.8f), p.y + dy}, label, theme.text,
              WithAlpha(theme.marker_hole, 240), style.font_size * 0.9f,
              left_half ? TextAlign::Left : TextAlign::Right, TextBaseline::Middle, 3.0f * style.scale);
}

void DrawProbes(Canvas& canvas, const PlotFrame& frame, const PlotSpec& spec, std::span<const PlotCurveData> curves,
                const FigureTheme& theme, const FigureStyle& style) {
    for (const Probe& probe : spec.probes) {
        if (probe.on_derivative ? !ShowsDerivative(spec.quantity) : !ShowsValue(spec.quantity)) continue;
        const auto curve = std::find_if(curves.begin(), curves.end(),
                                        [&](const PlotCurveData& c) { return c.activation.id == probe.function; });
        if (curve == curves.end()) continue;
        const double y = probe.on_derivative ? Derivative(curve->activation, probe.x, spec.convention)
                                             : Evaluate(curve->activation, probe.x);
        if (!std::isfinite(y) || probe.x < frame.x_min || probe.x > frame.x_max) continue;
        const Vec2 p = frame.ToPixel(probe.x, y);
        const float r = 5.5f * style.scale;
        canvas.FilledCircle(p, r + 1.5f * style.scale, theme.plot_background);
        canvas.FilledCircle(p, r, curve->color);
        const std::string label =
            ProbeLabel(curve->activation, probe.x, probe.on_derivative, spec.convention, curves.size() > 1);
        const float text_width = canvas.MeasureText(label, style.font_size).x;
        // Right of the point when it fits, else left of it; always inside the data area.
        const float pad = 6.0f * style.scale;
        float left = p.x + r * 1.6f;
        if (left + text_width > frame.area_max.x - pad) left = p.x - r * 1.6f - text_width;
        left = std::clamp(left, frame.area_min.x + pad, std::max(frame.area_min.x + pad, frame.area_max.x - pad - text_width));
        const bool above = p.y - frame.area_min.y > style.font_size * 2.2f;
        BoxedText(canvas, {left, above ? p.y - r : p.y + r}, label, theme.text,
                  WithAlpha(theme.readout_background, 225), style.font_size, TextAlign::Left,
                  above ? TextBaseline::Bottom : TextBaseline::Top,
                  4.0f * style.scale);
    }
}

// The corner of the data area where the legend hides the fewest curve samples.
Vec2 LegendCorner(const PlotFrame& frame, const PlotSpec& spec, std::span<const PlotCurveData> curves, Vec2 size,
                  float pad) {
    const std::array<Vec2, 4> corners{{{frame.area_min.x + pad, frame.area_min.y + pad},
                                       {frame.area_max.x - pad - size.x, frame.area_min.y + pad},
                                       {frame.area_min.x + pad, frame.area_max.y - pad - size.y},
                                       {frame.area_max.x - pad - size.x, frame.area_max.y - pad - size.y}}};
    std::array<std::size_t, 4> hidden{};
    const auto count = [&](const CurvePixelRuns& pixels) {
        for (const auto& run : pixels.mapped) {
            for (const Vec2 p : run) {
                for (std::size_t c = 0; c < corners.size(); ++c) {
                    hidden[c] += p.x >= corners[c].x && p.x <= corners[c].x + size.x && p.y >= corners[c].y &&
                                 p.y <= corners[c].y + size.y;
                }
            }
        }
    };
    for (const PlotCurveData& curve : curves) {
        if (ShowsValue(spec.quantity)) count(PixelRuns(frame, curve, false));
        if (ShowsDerivative(spec.quantity)) count(PixelRuns(frame, curve, true));
    }
    // Ties keep the top-left corner, where readers look first.
    return corners[static_cast<std::size_t>(std::min_element(hidden.begin(), hidden.end()) - hidden.begin())];
}

void DrawLegend(Canvas& canvas, const PlotFrame& frame, const PlotSpec& spec, std::span<const PlotCurveData> curves,
                const FigureTheme& theme, const FigureStyle& style) {
    struct Entry {
        std::string text;
        Color color;
        bool dashed;
    };
    std::vector<Entry> entries;
    for (const PlotCurveData& curve : curves) {
        if (ShowsValue(spec.quantity)) entries.push_back({curve.label, curve.color, false});
        if (spec.quantity == PlotQuantity::ValueAndDerivative) entries.push_back({curve.label + "\u2032", curve.color, true});
        if (spec.quantity == PlotQuantity::Derivative) entries.push_back({curve.label + "\u2032", curve.color, false});
    }
    if (entries.empty()) return;
    const float pad = 8.0f * style.scale;
    const float swatch = style.font_size * 1.6f;
    const float line_height = style.font_size * 1.35f;
    float widest = 0.0f;
    for (const Entry& e : entries) widest = std::max(widest, canvas.MeasureText(e.text, style.font_size).x);
    const Vec2 size{pad * 3 + swatch + widest, pad * 2 + line_height * static_cast<float>(entries.size())};
    const Vec2 min = LegendCorner(frame, spec, curves, size, pad);
    const Vec2 max{min.x + size.x, min.y + size.y};
    canvas.FilledRect(min, max, WithAlpha(theme.readout_background, 225));
    canvas.Rect(min, max, theme.frame, 1.0f * style.scale);
    float y = min.y + pad;
    for (const Entry& e : entries) {
        const float mid = y + line_height / 2;
        const Vec2 a{min.x + pad, mid};
        const Vec2 b{min.x + pad + swatch, mid};
        canvas.Line(a, b, e.color, theme.line_width * style.scale, e.dashed ? 6.0f * style.scale : 0.0f);
        canvas.Text({b.x + pad, mid}, e.text, theme.text, style.font_size, TextAlign::Left, TextBaseline::Middle);
        y += line_height;
    }
}

void DrawHover(Canvas& canvas, const PlotFrame& frame, const PlotSpec& spec, std::span<const PlotCurveData> curves,
               const FigureTheme& theme, const FigureStyle& style) {
    const double x = *spec.hover_x;
    const float px = frame.PixelX(x);
    canvas.Line({px, frame.area_min.y}, {px, frame.area_max.y}, theme.crosshair, 1.0f * style.scale);
    for (const PlotCurveData& curve : curves) {
        const double f = curve.output_scale * Evaluate(curve.activation, x);
        const double df = curve.output_scale * Derivative(curve.activation, x, spec.convention);
        const float r = 4.0f * style.scale;
        if (ShowsValue(spec.quantity) && std::isfinite(f)) canvas.FilledCircle(frame.ToPixel(x, f), r, curve.color);
        if (ShowsDerivative(spec.quantity) && std::isfinite(df)) canvas.FilledCircle(frame.ToPixel(x, df), r, curve.color);
    }
    if (!spec.hover_readout) return;

    std::vector<std::pair<std::string, Color>> lines;
    lines.emplace_back("x = " + FormatReadout(x, 6), theme.text);
    for (const PlotCurveData& curve : curves) {
        const double s = curve.output_scale;
        lines.emplace_back(curve.label + ":  f = " + FormatReadout(s * Evaluate(curve.activation, x), 6) +
                               "   f\u2032 = " + FormatReadout(s * Derivative(curve.activation, x, spec.convention), 6),
                           curve.color);
    }
    const float pad = 8.0f * style.scale;
    const float line_height = style.font_size * 1.3f;
    float widest = 0.0f;
    for (const auto& [text, color] : lines) widest = std::max(widest, canvas.MeasureText(text, style.font_size).x);
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

}  // namespace

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
    const float bottom = max.y - style.font_size * 2.3f - pad * 1.5f;
    const AxisTicks y_ticks = YTicks(canvas, spec.y_min, spec.y_max, std::max(bottom - top, 1.0f), style.font_size);
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
            if (d <= reach && !narrowed) break;  // within reach of the anchor itself
            const double ux = dx / d, uy = dy / d;
            const bool inside = !narrowed || (d > reach && cross(lo_x, lo_y, ux, uy) >= 0.0 &&
                                              cross(ux, uy, hi_x, hi_y) >= 0.0 && d >= farthest - reach);
            if (!inside && attempt == 0) {
                kept.push_back(points[last]);  // the segment ends at the last point that fitted
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
                                       std::size_t samples, KinkConvention convention, const FigureTheme& theme) {
    std::vector<PlotCurveData> curves;
    curves.reserve(functions.size());
    for (std::size_t i = 0; i < functions.size(); ++i) {
        const Activation& activation = functions[i];
        curves.push_back({activation, std::string(activation.info().display_name), PaletteColor(theme, i),
                          SampleCurve(activation, x_min, x_max, samples, convention), ComputeProperties(activation)});
    }
    return curves;
}

//-----------------------------------------------------------------------------
// [SECTION] Drawing
//-----------------------------------------------------------------------------

void DrawPlot(Canvas& canvas, const PlotFrame& frame, const PlotSpec& spec, std::span<const PlotCurveData> curves,
              const FigureTheme& theme, const FigureStyle& style) {
    const float pad = 8.0f * style.scale;
    if (theme.background.a > 0) canvas.FilledRect(frame.outer_min, frame.outer_max, theme.background);
    canvas.FilledRect(frame.area_min, frame.area_max, theme.plot_background);

    const AxisTicks x_ticks = XTicks(canvas, frame, style.font_size);
    const AxisTicks y_ticks = YTicks(canvas, frame.y_min, frame.y_max, frame.AreaHeight(), style.font_size);

    canvas.PushClip(frame.area_min, frame.area_max);
    if (spec.overlays.dead_zone && !curves.empty()) DrawDeadZones(canvas, frame, curves.front(), spec, theme, style);
    DrawGrid(canvas, frame, x_ticks, y_ticks, theme, style.scale);
    if (spec.overlays.asymptotes && ShowsValue(spec.quantity)) {
        DrawAsymptotes(canvas, frame, curves, theme, style);
    }
    // The current function (the first) is drawn last, on top of those overlaid for comparison.
    // NOLINTNEXTLINE(modernize-loop-convert): the reverse order is the point; iterators say it plainly
    for (auto it = curves.rbegin(); it != curves.rend(); ++it) {
        const PlotCurveData& curve = *it;
        if (ShowsValue(spec.quantity)) DrawCurve(canvas, frame, curve, false, false, spec, theme, style);
        if (ShowsDerivative(spec.quantity)) {
            DrawCurve(canvas, frame, curve, true, spec.quantity == PlotQuantity::ValueAndDerivative, spec, theme, style);
        }
    }
    if (spec.overlays.derivative_maximum && ShowsDerivative(spec.quantity) && !curves.empty()) {
        DrawDerivativeMaximum(canvas, frame, curves.front(), theme, style);
    }
    DrawProbes(canvas, frame, spec, curves, theme, style);
    if (spec.hover_x) DrawHover(canvas, frame, spec, curves, theme, style);
    if (spec.overlays.legend) DrawLegend(canvas, frame, spec, curves, theme, style);
    if (spec.selection) {
        const auto [a, b] = *spec.selection;
        const Vec2 lo{std::min(a.x, b.x), std::min(a.y, b.y)};
        const Vec2 hi{std::max(a.x, b.x), std::max(a.y, b.y)};
        canvas.FilledRect(lo, hi, WithAlpha(theme.palette[0], 40));
        canvas.Rect(lo, hi, theme.palette[0], 1.5f * style.scale);
    }
    canvas.PopClip();

    canvas.Rect(frame.area_min, frame.area_max, theme.frame, 1.0f * style.scale);
    const float tick = 5.0f * style.scale;
    for (std::size_t i = 0; i < x_ticks.ticks.values.size(); ++i) {
        const float px = frame.PixelX(x_ticks.ticks.values[i]);
        canvas.Line({px, frame.area_max.y}, {px, frame.area_max.y + tick}, theme.axis, 1.0f * style.scale);
        canvas.Text({px, frame.area_max.y + tick + 2.0f * style.scale}, x_ticks.labels[i], theme.dim_text,
                    style.font_size, TextAlign::Center);
    }
    for (std::size_t i = 0; i < y_ticks.ticks.values.size(); ++i) {
        const float py = frame.PixelY(y_ticks.ticks.values[i]);
        canvas.Line({frame.area_min.x - tick, py}, {frame.area_min.x, py}, theme.axis, 1.0f * style.scale);
        canvas.Text({frame.area_min.x - tick - 3.0f * style.scale, py}, y_ticks.labels[i], theme.dim_text,
                    style.font_size, TextAlign::Right, TextBaseline::Middle);
    }
    canvas.Text({(frame.area_min.x + frame.area_max.x) / 2, frame.area_max.y + tick + style.font_size * 1.25f},
                "x", theme.text, style.font_size, TextAlign::Center);
    canvas.Text({frame.area_min.x, frame.outer_min.y + pad * 0.5f}, Title(spec.quantity), theme.text,
                style.font_size * 1.1f);
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
    case ActivationId::Celu: symbol = "\u2212\u03b1 = "; break;
    case ActivationId::Selu: symbol = "\u2212\u03bb\u03b1 = "; break;
    default: break;
    }
    if (asymptote.at_positive_infinity) symbol.clear();
    return std::string(activation.info().display_name) + " \u2192 " + symbol + FormatReadout(asymptote.y, 5);
}

}  // namespace actlab
