// The line chart (see line_chart.h): axes with nice ticks from core/ticks.h, drawn through the
// ImGuiCanvas like the function plots, so colours and text sizes follow the same theme.
#include "ui/line_chart.h"

#include "core/ticks.h"
#include "render/label_layout.h"
#include "render/plot_figure.h"
#include "ui/imgui_canvas.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace actlab::ui {

namespace {

// Chart lines are 2 px wide and drawn through up to a thousand history rows: a point the line passes
// within a quarter pixel of is left out (see SimplifyPolyline), so a flat or straight stretch costs
// its two ends.
constexpr float kChartTolerancePixels = 0.25f;

// Pixel ↔ data mapping of one axis; on a log axis the data coordinate is log10 of the value.
struct Axis {
    double lo, hi; // in axis coordinates (log10 for a log axis)
    float pixel_lo, pixel_hi;
    bool log_scale;

    std::optional<float> ToPixel(double value) const {
        if (log_scale) {
            if (!(value > 0.0)) return std::nullopt;
            value = std::log10(value);
        }
        if (!std::isfinite(value)) return std::nullopt;
        const double t = (value - lo) / (hi - lo);
        return static_cast<float>(static_cast<double>(pixel_lo) +
                                  t * static_cast<double>(pixel_hi - pixel_lo));
    }
};

struct TickMark {
    double at; // axis coordinate
    std::string label;
};

std::vector<TickMark> AxisTicks(const Axis& axis, int max_count) {
    std::vector<TickMark> ticks;
    if (axis.log_scale) {
        // Every decade, or every second, fifth … so that at most max_count are labelled.
        const int first = static_cast<int>(std::ceil(axis.lo - 1e-9));
        const int last = static_cast<int>(std::floor(axis.hi + 1e-9));
        const int stride =
            std::max(1, static_cast<int>(std::ceil(static_cast<double>(last - first + 1) / max_count)));
        for (int k = first; k <= last; ++k) {
            if (k % stride == 0) ticks.push_back({static_cast<double>(k), DecadeLabel(k)});
            // Over one or two decades, 2·10ᵏ and 5·10ᵏ too, or the axis would have two labels.
            if (last - first <= 2 && k < last) {
                for (double mantissa : {2.0, 5.0}) {
                    const double value = mantissa * std::pow(10.0, k);
                    ticks.push_back({std::log10(value), FormatTick(value, value)});
                }
            }
        }
        return ticks;
    }
    const Ticks nice = NiceTicks(axis.lo, axis.hi, max_count);
    for (double v : nice.values)
        ticks.push_back({v, FormatTick(v, nice.step)});
    return ticks;
}

std::vector<double> AllX(const std::vector<ChartSeries>& series) {
    std::vector<double> values;
    for (const ChartSeries& s : series)
        values.insert(values.end(), s.x.begin(), s.x.end());
    return values;
}

// y values with their error bars' ends, so that the bars fit.
std::vector<double> AllY(const std::vector<ChartSeries>& series) {
    std::vector<double> values;
    for (const ChartSeries& s : series) {
        for (std::size_t i = 0; i < s.y.size(); ++i) {
            values.push_back(s.y[i]);
            if (i < s.error.size()) {
                values.push_back(s.y[i] - s.error[i]);
                values.push_back(s.y[i] + s.error[i]);
            }
        }
    }
    return values;
}

// The labelled series, each with the width its legend entry takes in a row (swatch, label, gaps).
struct LegendEntries {
    std::vector<std::pair<const ChartSeries*, float>> entries;
    float widest_label = 0.0f, total = 0.0f; // all entries side by side
};

LegendEntries MeasureLegend(Canvas& canvas, const std::vector<ChartSeries>& series, float font_size,
                            float swatch, float pad) {
    LegendEntries m;
    for (const ChartSeries& s : series) {
        if (s.label.empty()) continue;
        const float label = canvas.MeasureText(s.label, font_size).x;
        m.widest_label = std::max(m.widest_label, label);
        m.entries.emplace_back(&s, swatch + pad + label + 2 * pad);
        m.total += m.entries.back().second;
    }
    return m;
}

// One entry: the series' swatch from `left`, its label after it, vertically centred on left.y.
void DrawLegendEntry(Canvas& canvas, const ChartSeries& s, Vec2 left, const FigureTheme& theme,
                     float font_size, float swatch, float pad, float scale) {
    const Vec2 a = left, b{left.x + swatch, left.y};
    if (s.line) canvas.Line(a, b, s.color, 2.5f * scale, s.dashed ? 4.0f * scale : 0.0f);
    if (s.markers || !s.line) canvas.FilledCircle({(a.x + b.x) / 2, left.y}, 3.5f * scale, s.color);
    canvas.Text({b.x + pad, left.y}, s.label, theme.text, font_size, TextAlign::Left, TextBaseline::Middle);
}

// The legend in a box in the corner of the data area that the fewest drawn segments and points
// cross (top right on a tie), for charts whose title row has no room for it. A short data area gets
// the entries in as many columns as keep the box inside it; one too small for even that, no box
// (a box cut by the chart's edge would hide the ticks and say less).
void DrawLegendBox(Canvas& canvas, const std::vector<ChartSeries>& series,
                   const std::vector<std::vector<Vec2>>& lines, const std::vector<Vec2>& points,
                   const FigureTheme& theme, Vec2 box_min, Vec2 box_max, float font_size, float scale) {
    const float pad = 6.0f * scale, swatch = 18.0f * scale, row = font_size * 1.25f;
    const LegendEntries m = MeasureLegend(canvas, series, font_size, swatch, pad);
    if (m.entries.empty()) return;
    const float column = m.widest_label + swatch + 3 * pad;
    const auto max_rows = static_cast<std::size_t>(std::max((box_max.y - box_min.y - 4 * pad) / row, 0.0f));
    if (max_rows == 0) return;
    const std::size_t columns = (m.entries.size() + max_rows - 1) / max_rows;
    const std::size_t rows = (m.entries.size() + columns - 1) / columns;
    const float width = column * static_cast<float>(columns);
    const float height = row * static_cast<float>(rows) + 2 * pad;
    if (width > box_max.x - box_min.x - 2 * pad) return;
    Vec2 min, max;
    std::size_t fewest = static_cast<std::size_t>(-1);
    for (const auto& [right, top] : {std::pair{true, true}, {false, true}, {true, false}, {false, false}}) {
        const Vec2 corner_min{right ? box_max.x - pad - width : box_min.x + pad,
                              top ? box_min.y + pad : box_max.y - pad - height};
        const Vec2 corner_max{corner_min.x + width, corner_min.y + height};
        const Vec2 lo{corner_min.x - pad, corner_min.y - pad}, hi{corner_max.x + pad, corner_max.y + pad};
        std::size_t covered = 0;
        for (const auto& line : lines) {
            for (std::size_t i = 1; i < line.size(); ++i)
                covered += SegmentCrossesRect(line[i - 1], line[i], lo, hi) ? 1u : 0u;
        }
        covered += static_cast<std::size_t>(std::count_if(points.begin(), points.end(), [&](Vec2 p) {
            return p.x >= lo.x && p.x <= hi.x && p.y >= lo.y && p.y <= hi.y;
        }));
        if (covered < fewest) {
            fewest = covered;
            min = corner_min;
            max = corner_max;
        }
    }
    canvas.NoteLabel(min, max, "legend");
    canvas.FilledRect(min, max, WithAlpha(theme.readout_background, 230));
    canvas.Rect(min, max, theme.frame, 1.0f);
    for (std::size_t k = 0; k < m.entries.size(); ++k) {
        const std::size_t entry_column = k / rows, entry_row = k % rows; // filled column by column
        const Vec2 at{min.x + pad + column * static_cast<float>(entry_column),
                      min.y + pad + row / 2 + row * static_cast<float>(entry_row)};
        DrawLegendEntry(canvas, *m.entries[k].first, at, theme, font_size, swatch, pad, scale);
    }
}

} // namespace

// Liang–Barsky clipping of the segment against the rectangle.
bool SegmentCrossesRect(Vec2 a, Vec2 b, Vec2 lo, Vec2 hi) {
    float t0 = 0.0f, t1 = 1.0f;
    const float d[2] = {b.x - a.x, b.y - a.y};
    const float start[2] = {a.x, a.y}, min[2] = {lo.x, lo.y}, max[2] = {hi.x, hi.y};
    for (int axis = 0; axis < 2; ++axis) {
        if (d[axis] == 0.0f) {
            if (start[axis] < min[axis] || start[axis] > max[axis]) return false;
            continue;
        }
        float ta = (min[axis] - start[axis]) / d[axis], tb = (max[axis] - start[axis]) / d[axis];
        if (ta > tb) std::swap(ta, tb);
        t0 = std::max(t0, ta);
        t1 = std::min(t1, tb);
        if (t0 > t1) return false;
    }
    return true;
}

std::string DecadeLabel(int exponent) {
    if (exponent >= -2 && exponent <= 2)
        return FormatTick(std::pow(10.0, exponent), std::pow(10.0, exponent));
    return "10" + SuperscriptInteger(exponent);
}

AxisRange FitAxis(const std::vector<double>& values, bool log_scale) {
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (double v : values) {
        if (!std::isfinite(v) || (log_scale && !(v > 0.0))) continue;
        const double a = log_scale ? std::log10(v) : v;
        lo = std::min(lo, a);
        hi = std::max(hi, a);
    }
    if (!std::isfinite(lo)) return {0.0, 1.0}; // nothing to show: one decade or [0, 1]
    if (log_scale) {
        // Whole decades, at least one.
        lo = std::floor(lo);
        hi = std::max(std::ceil(hi), lo + 1.0);
        return {lo, hi};
    }
    if (hi - lo <= std::abs(hi) * 1e-9 + 1e-300) {
        const double half = std::max(std::abs(hi) * 0.1, 0.5);
        return {lo - half, hi + half};
    }
    const double pad = (hi - lo) * 0.05;
    return {lo - pad, hi + pad};
}

namespace {

// Everything a chart's parts share while it is drawn.
struct ChartFrame {
    Canvas& canvas;
    const FigureTheme& theme;
    float font, scale, pad;
    Vec2 origin, size;
};

// The axis ranges in axis coordinates: fitted to the data unless fixed, widened to include 0 when
// asked (a loss chart) and to at least `min_y_span`.
std::pair<Axis, Axis> ResolveAxes(const std::vector<ChartSeries>& series, const ChartOptions& options) {
    const AxisRange fitted_x = FitAxis(AllX(series), false);
    const AxisRange fitted_y = FitAxis(AllY(series), options.log_y);
    const auto axis_value = [&](double v) { return options.log_y ? std::log10(v) : v; };
    Axis x_axis{options.x_min.value_or(fitted_x.lo), options.x_max.value_or(fitted_x.hi), 0, 0, false};
    Axis y_axis{options.y_min ? axis_value(*options.y_min) : fitted_y.lo,
                options.y_max ? axis_value(*options.y_max) : fitted_y.hi, 0, 0, options.log_y};
    if (!(x_axis.hi > x_axis.lo)) x_axis.hi = x_axis.lo + 1.0;
    if (!(y_axis.hi > y_axis.lo)) y_axis.hi = y_axis.lo + 1.0;
    if (!options.log_y && !options.y_min && !options.y_max && y_axis.hi - y_axis.lo < options.min_y_span) {
        const double middle = (y_axis.lo + y_axis.hi) / 2;
        y_axis.lo = middle - options.min_y_span / 2;
        y_axis.hi = middle + options.min_y_span / 2;
    }
    if (!options.log_y && options.include_zero) {
        // 0 itself on the axis, and 5 % headroom at the other end so the lines do not run along the frame.
        const bool above = y_axis.hi > 0.0, below = y_axis.lo < 0.0;
        if (!options.y_min) y_axis.lo = std::min(y_axis.lo, 0.0);
        if (!options.y_max) y_axis.hi = std::max(y_axis.hi, 0.0);
        const double headroom = (y_axis.hi - y_axis.lo) * 0.05;
        if (above && !options.y_max) y_axis.hi += headroom;
        if (below && !options.y_min) y_axis.lo -= headroom;
    }
    return {x_axis, y_axis};
}

// The title, then the legend where it never hides data: into the title row, right-aligned, where
// it fits; otherwise in rows of its own under the title while the data area keeps room. Returns
// the y where the rest of the chart starts; `legend_outside` says whether the legend was drawn.
float DrawTitleAndLegend(const ChartFrame& f, LabelLayout& labels, const std::vector<ChartSeries>& series,
                         const ChartOptions& options, bool& legend_outside) {
    legend_outside = false;
    float top = f.origin.y;
    if (options.title.empty()) return top;
    if (const auto box = labels.TakeTextIfFree({f.origin.x, top}, options.title, f.font, TextAlign::Left,
                                               TextBaseline::Top)) {
        f.canvas.Text(box->min, options.title, f.theme.text, f.font);
    }
    const float title_height = f.font * 1.4f;
    const float swatch = 12.0f * f.scale; // shorter than in the box: entries share a row
    const LegendEntries legend =
        options.legend ? MeasureLegend(f.canvas, series, f.font, swatch, f.pad) : LegendEntries{};
    if (legend.entries.empty()) return top + title_height;
    const float title_width = f.canvas.MeasureText(options.title, f.font).x;
    const float row_height = f.font * 1.3f;
    std::vector<Vec2> at;
    if (title_width + 3 * f.pad + legend.total <= f.size.x) {
        float left = f.origin.x + f.size.x - legend.total + f.pad;
        for (const auto& entry : legend.entries) {
            at.push_back({left, top + f.font * 0.6f});
            left += entry.second;
        }
    } else {
        // Entries flowed into rows as wide as the chart.
        float left = f.origin.x, y = top + title_height + row_height / 2;
        for (const auto& entry : legend.entries) {
            if (left > f.origin.x && left + entry.second > f.origin.x + f.size.x) {
                left = f.origin.x;
                y += row_height;
            }
            at.push_back({left, y});
            left += entry.second;
        }
        const float rows_bottom = y + row_height / 2;
        const float data_left =
            f.origin.y + f.size.y - rows_bottom - f.font * (options.x_label.empty() ? 2.1f : 3.4f);
        if (data_left < f.font * 3.0f) return top + title_height; // the box in the data area instead
        top = rows_bottom - title_height;
    }
    legend_outside = true;
    Vec2 lo{at.front().x, at.front().y - row_height / 2}, hi = lo;
    for (std::size_t k = 0; k < at.size(); ++k) {
        DrawLegendEntry(f.canvas, *legend.entries[k].first, at[k], f.theme, f.font, swatch, f.pad, f.scale);
        lo = {std::min(lo.x, at[k].x), std::min(lo.y, at[k].y - row_height / 2)};
        hi = {std::max(hi.x, at[k].x + legend.entries[k].second - 2 * f.pad),
              std::max(hi.y, at[k].y + row_height / 2)};
    }
    labels.Take({lo, hi}, "legend");
    return top + title_height;
}

// Ticks about `spacing` pixels apart, and at least three where the axis can show them.
std::vector<TickMark> AtLeastThreeTicks(const Axis& axis, float length, float spacing, int most) {
    int count = std::clamp(static_cast<int>(length / spacing), 3, most);
    std::vector<TickMark> ticks = AxisTicks(axis, count);
    while (ticks.size() < 3 && count < most)
        ticks = AxisTicks(axis, ++count);
    return ticks;
}

float AxisPixel(const Axis& axis, double a) {
    return static_cast<float>(static_cast<double>(axis.pixel_lo) +
                              (a - axis.lo) / (axis.hi - axis.lo) *
                                  static_cast<double>(axis.pixel_hi - axis.pixel_lo));
}

// Grid lines, tick labels (each taken in `labels`; one that would touch another is left out) and
// the x axis label.
void DrawChartAxes(const ChartFrame& f, LabelLayout& labels, const Axis& x_axis, const Axis& y_axis,
                   const std::vector<TickMark>& x_ticks, const std::vector<TickMark>& y_ticks,
                   const ChartOptions& options) {
    const Vec2 box_min{x_axis.pixel_lo, y_axis.pixel_hi}, box_max{x_axis.pixel_hi, y_axis.pixel_lo};
    f.canvas.FilledRect(box_min, box_max, f.theme.plot_background);
    const auto text = [&](Vec2 at, const std::string& label, Color color, TextAlign align,
                          TextBaseline baseline) {
        if (labels.TakeTextIfFree(at, label, f.font, align, baseline))
            f.canvas.Text(at, label, color, f.font, align, baseline);
    };
    for (const TickMark& t : y_ticks) {
        const float y = AxisPixel(y_axis, t.at);
        f.canvas.Line({box_min.x, y}, {box_max.x, y}, f.theme.grid, 1.0f);
        text({box_min.x - f.pad, y}, t.label, f.theme.text, TextAlign::Right, TextBaseline::Middle);
    }
    for (const TickMark& t : x_ticks) {
        const float x = AxisPixel(x_axis, t.at);
        f.canvas.Line({x, box_min.y}, {x, box_max.y}, f.theme.grid, 1.0f);
        // The last tick's label stays inside the chart rather than being cut at its right edge.
        const float half = f.canvas.MeasureText(t.label, f.font).x / 2;
        text({std::min(x, f.origin.x + f.size.x - half), box_max.y + f.pad * 0.5f}, t.label, f.theme.text,
             TextAlign::Center, TextBaseline::Top);
    }
    if (!options.x_label.empty()) {
        text({(box_min.x + box_max.x) / 2, f.origin.y + f.size.y}, options.x_label, f.theme.dim_text,
             TextAlign::Center, TextBaseline::Bottom);
    }
}

// The series (lines, markers, error bars) and reference lines; collects what was drawn in pixels
// for the legend box's placement.
void DrawChartSeries(const ChartFrame& f, const std::vector<ChartSeries>& series, const ChartOptions& options,
                     const Axis& x_axis, const Axis& y_axis, std::vector<std::vector<Vec2>>& lines,
                     std::vector<Vec2>& points) {
    const Vec2 box_min{x_axis.pixel_lo, y_axis.pixel_hi}, box_max{x_axis.pixel_hi, y_axis.pixel_lo};
    const float scale = f.scale;
    for (double reference : options.y_references) {
        if (const auto y = y_axis.ToPixel(reference)) {
            f.canvas.Line({box_min.x, *y}, {box_max.x, *y}, f.theme.origin_axis, 1.5f * scale, 6.0f * scale);
        }
    }
    for (const ChartSeries& s : series) {
        const std::size_t n = std::min(s.x.size(), s.y.size());
        std::vector<Vec2> run;
        const auto flush = [&] {
            if (s.line && run.size() >= 2) {
                if (s.dashed) {
                    for (std::size_t i = 1; i < run.size(); ++i)
                        f.canvas.Line(run[i - 1], run[i], s.color, 2.0f * scale, 5.0f * scale);
                    lines.push_back(run);
                } else {
                    lines.push_back(SimplifyPolyline(run, kChartTolerancePixels));
                    f.canvas.Polyline(lines.back(), s.color, 2.0f * scale);
                }
            }
            run.clear();
        };
        for (std::size_t i = 0; i < n; ++i) {
            const auto px = x_axis.ToPixel(s.x[i]);
            const auto py = y_axis.ToPixel(s.y[i]);
            if (!px || !py) {
                flush();
                continue;
            }
            run.push_back({*px, *py});
            if (s.markers || !s.line) points.push_back({*px, *py});
            if (i < s.error.size() && std::isfinite(s.error[i]) && s.error[i] > 0.0) {
                // On a log axis a bar reaching zero or below is cut at the bottom of the box.
                const float lo = y_axis.ToPixel(s.y[i] - s.error[i]).value_or(box_max.y);
                const float hi = y_axis.ToPixel(s.y[i] + s.error[i]).value_or(box_min.y);
                const float cap = 3.0f * scale;
                f.canvas.Line({*px, lo}, {*px, hi}, s.color, 1.5f * scale);
                f.canvas.Line({*px - cap, lo}, {*px + cap, lo}, s.color, 1.5f * scale);
                f.canvas.Line({*px - cap, hi}, {*px + cap, hi}, s.color, 1.5f * scale);
            }
            if (s.markers || !s.line) f.canvas.FilledCircle({*px, *py}, 3.0f * scale, s.color);
        }
        flush();
    }
}

// Hover: a vertical line at the mouse and the values of every series at the nearest data x.
void DrawChartHover(const ChartFrame& f, const std::vector<ChartSeries>& series, const ChartOptions& options,
                    const Axis& x_axis, const Axis& y_axis, ImVec2 mouse) {
    const double x_at =
        x_axis.lo + static_cast<double>((mouse.x - x_axis.pixel_lo) / (x_axis.pixel_hi - x_axis.pixel_lo)) *
                        (x_axis.hi - x_axis.lo);
    std::string readout;
    for (const ChartSeries& s : series) {
        const std::size_t n = std::min(s.x.size(), s.y.size());
        if (n == 0 || s.label.empty()) continue;
        std::size_t best = 0;
        for (std::size_t i = 1; i < n; ++i) {
            if (std::abs(s.x[i] - x_at) < std::abs(s.x[best] - x_at)) best = i;
        }
        if (!readout.empty()) readout += '\n';
        readout += s.label + ": " + FormatReadout(s.y[best], 5);
        if (best < s.error.size()) readout += " \u00b1 " + FormatReadout(s.error[best], 2);
        readout += "   (" + (options.x_label.empty() ? std::string("x") : options.x_label) + " " +
                   FormatReadout(s.x[best], 5) + ")";
    }
    f.canvas.Line({mouse.x, y_axis.pixel_hi}, {mouse.x, y_axis.pixel_lo}, f.theme.crosshair, 1.0f);
    if (!readout.empty()) ImGui::SetTooltip("%s", readout.c_str());
}

} // namespace

AxisRange ChartYRange(const std::vector<ChartSeries>& series, const ChartOptions& options) {
    const Axis y = ResolveAxes(series, options).second;
    return {y.lo, y.hi};
}

std::vector<double> ChartTickPositions(AxisRange range, bool log_scale, float length, float spacing,
                                       int most) {
    std::vector<double> positions;
    for (const TickMark& t :
         AtLeastThreeTicks({range.lo, range.hi, 0, 0, log_scale}, length, spacing, most)) {
        positions.push_back(t.at);
    }
    return positions;
}

float SharedChartLeftMargin(const FontSet& fonts, float scale) {
    return ImGui::CalcTextSize("10\u207b\u00b9\u2070").x * fonts.body_size / ImGui::GetFontSize() +
           12.0f * scale;
}

bool LineChart(const char* id, const std::vector<ChartSeries>& series, const ChartOptions& options,
               const FigureTheme& theme, const FontSet& fonts, float scale, ImVec2 size) {
    ImGui::PushID(id);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    size.x = std::max(size.x, 120.0f * scale);
    size.y = std::max(size.y, 90.0f * scale);
    ImGui::InvisibleButton("##chart", size);
    const bool item_hovered = ImGui::IsItemHovered();
    ImGuiCanvas canvas(ImGui::GetWindowDrawList(), fonts);
    const ChartFrame f{canvas,          theme, fonts.body_size, scale, 6.0f * scale, {origin.x, origin.y},
                       {size.x, size.y}};
    LabelLayout labels(canvas);
    // Nothing (a long title, a tick label) spills into a neighbouring chart.
    canvas.PushClip(f.origin, {origin.x + size.x, origin.y + size.y});
    auto [x_axis, y_axis] = ResolveAxes(series, options);

    // Layout: title and legend on top, y tick labels on the left, x ticks and label at the bottom.
    bool legend_outside = false;
    float top = DrawTitleAndLegend(f, labels, series, options, legend_outside);
    if (!options.y_label.empty()) {
        if (labels.TakeTextIfFree({origin.x, top}, options.y_label, f.font, TextAlign::Left,
                                  TextBaseline::Top)) {
            canvas.Text({origin.x, top}, options.y_label, theme.dim_text, f.font);
        }
        top += f.font * 1.3f;
    }
    y_axis.pixel_lo = origin.y + size.y - f.font * (options.x_label.empty() ? 1.6f : 2.9f);
    y_axis.pixel_hi = top + f.font * 0.5f;
    const std::vector<TickMark> y_ticks =
        AtLeastThreeTicks(y_axis, y_axis.pixel_lo - y_axis.pixel_hi, f.font * 2.2f, 10);
    float label_width = 0.0f;
    for (const TickMark& t : y_ticks)
        label_width = std::max(label_width, canvas.MeasureText(t.label, f.font).x);
    // Charts of one view pass the same left margin, so their left edges and x ticks line up.
    x_axis.pixel_lo = origin.x + std::max(label_width + 2 * f.pad, options.min_left_margin);
    x_axis.pixel_hi = origin.x + size.x - f.pad;
    const std::vector<TickMark> x_ticks =
        AtLeastThreeTicks(x_axis, x_axis.pixel_hi - x_axis.pixel_lo, f.font * 4.5f, 12);
    DrawChartAxes(f, labels, x_axis, y_axis, x_ticks, y_ticks, options);

    const Vec2 box_min{x_axis.pixel_lo, y_axis.pixel_hi}, box_max{x_axis.pixel_hi, y_axis.pixel_lo};
    canvas.PushClip(box_min, box_max);
    std::vector<Vec2> points;             // the marked points in pixels, for the legend's placement
    std::vector<std::vector<Vec2>> lines; // the polylines as drawn, for the same
    DrawChartSeries(f, series, options, x_axis, y_axis, lines, points);
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const bool hovered = item_hovered && mouse.x >= box_min.x && mouse.x <= box_max.x &&
                         mouse.y >= box_min.y && mouse.y <= box_max.y;
    if (hovered) DrawChartHover(f, series, options, x_axis, y_axis, mouse);
    canvas.PopClip();
    canvas.Rect(box_min, box_max, theme.frame, 1.0f);
    if (options.legend && !legend_outside) {
        DrawLegendBox(canvas, series, lines, points, theme, box_min, box_max, f.font, scale);
    }
    canvas.PopClip();
    ImGui::PopID();
    return hovered;
}

} // namespace actlab::ui
