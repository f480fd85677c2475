// The gated function's heatmap figure (see gated_figure.h). Values are sampled at cell centres, the
// colour map is the network heatmaps' (HeatColor) applied to v / scale with a symmetric scale, and
// contours come from marching squares over the same samples.
#include "render/gated_figure.h"

#include "core/ticks.h"
#include "render/heat_color.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace actlab {

namespace {

struct PanelGeometry {
    Vec2 heat_min, heat_max; // the heatmap
    Vec2 bar_min, bar_max;   // the colour bar
};

// Cell-centre samples of one quantity, row 0 at b_min.
std::vector<double> SampleQuantity(const GatedFunction& function, const GatedFigureLayout& layout,
                                   GatedQuantity quantity) {
    const auto n = static_cast<double>(layout.cells);
    const double da = (layout.a_max - layout.a_min) / n, db = (layout.b_max - layout.b_min) / n;
    const GatedGrid grid = SampleGated(function, layout.a_min + da / 2, layout.a_max - da / 2, layout.cells,
                                       layout.b_min + db / 2, layout.b_max - db / 2, layout.cells);
    switch (quantity) {
    case GatedQuantity::Value:
        return grid.f;
    case GatedQuantity::PartialA:
        return grid.df_da;
    case GatedQuantity::PartialB:
        return grid.df_db;
    }
    return grid.f;
}

double MaxAbs(const std::vector<double>& values) {
    double m = 0.0;
    for (double v : values)
        if (std::isfinite(v)) m = std::max(m, std::fabs(v));
    return m;
}

// A tick label's pixel position along [lo_px, hi_px] for value v in [lo, hi].
float Along(double v, double lo, double hi, float lo_px, float hi_px) {
    return lo_px + static_cast<float>((v - lo) / (hi - lo)) * (hi_px - lo_px);
}

PanelGeometry LayOutPanel(const GatedFigureLayout& layout, Vec2 min, Vec2 max) {
    const float fs = layout.font_size;
    const float left = min.x + 3.2f * fs;                           // room for the b tick labels
    const float top = min.y + 1.6f * fs;                            // the title
    const float bottom_reserve = 2.6f * fs + 0.8f * fs + 1.6f * fs; // a ticks and name, bar, bar ticks
    const float side = std::max(8.0f, std::min(max.x - left - 0.5f * fs, max.y - top - bottom_reserve));
    PanelGeometry g;
    g.heat_min = {left, top};
    g.heat_max = {left + side, top + side};
    g.bar_min = {left, g.heat_max.y + 2.6f * fs};
    g.bar_max = {left + side, g.bar_min.y + 0.7f * fs};
    return g;
}

void DrawHeatCells(Canvas& canvas, const FigureTheme& theme, const std::vector<double>& values, std::size_t n,
                   double color_scale, const PanelGeometry& g) {
    const float cell_w = (g.heat_max.x - g.heat_min.x) / static_cast<float>(n);
    const float cell_h = (g.heat_max.y - g.heat_min.y) / static_cast<float>(n);
    for (std::size_t j = 0; j < n; ++j) {
        // Row j holds b_j; b grows upwards. Runs of equal colour become one rectangle (smaller SVGs);
        // each overlaps its neighbours by a pixel so that anti-aliasing leaves no seams.
        const float y1 = g.heat_max.y - static_cast<float>(j) * cell_h;
        const float y0 = y1 - cell_h;
        std::size_t i = 0;
        while (i < n) {
            const Color c = HeatColor(theme.network, static_cast<float>(values[j * n + i] / color_scale));
            std::size_t end = i + 1;
            while (end < n &&
                   HeatColor(theme.network, static_cast<float>(values[j * n + end] / color_scale)) == c)
                ++end;
            const float x0 = g.heat_min.x + static_cast<float>(i) * cell_w;
            const float x1 = g.heat_min.x + static_cast<float>(end) * cell_w;
            canvas.FilledRect({x0, std::max(g.heat_min.y, y0 - 1.0f)},
                              {std::min(g.heat_max.x, x1 + 1.0f), y1}, c);
            i = end;
        }
    }
}

void DrawContours(Canvas& canvas, const FigureTheme& theme, const GatedFigureLayout& layout,
                  const std::vector<double>& values, double color_scale, const PanelGeometry& g) {
    const std::size_t n = layout.cells;
    const float cell_w = (g.heat_max.x - g.heat_min.x) / static_cast<float>(n);
    const float cell_h = (g.heat_max.y - g.heat_min.y) / static_cast<float>(n);
    const Ticks levels = NiceTicks(-color_scale, color_scale, 9);
    canvas.PushClip(g.heat_min, g.heat_max);
    for (double level : levels.values) {
        if (std::fabs(level) >= color_scale * (1.0 - 1e-9)) continue;
        const bool zero = level == 0.0;
        const Color color = WithAlpha(theme.text, static_cast<std::uint8_t>(zero ? 200 : 90));
        const float thickness = (zero ? 1.6f : 1.0f) * layout.scale;
        for (const auto& segment : ContourSegments(values, n, n, level)) {
            // Grid coordinates are cell centres: x = 0 is the middle of the first column.
            auto to_pixels = [&](Vec2 p) {
                return Vec2{g.heat_min.x + (p.x + 0.5f) * cell_w, g.heat_max.y - (p.y + 0.5f) * cell_h};
            };
            canvas.Line(to_pixels(segment[0]), to_pixels(segment[1]), color, thickness);
        }
    }
    canvas.PopClip();
}

void DrawAxes(Canvas& canvas, const FigureTheme& theme, const GatedFigureLayout& layout,
              const PanelGeometry& g) {
    const float fs = layout.font_size;
    const float tick = 0.3f * fs;
    canvas.Rect(g.heat_min, g.heat_max, theme.frame, 1.0f * layout.scale);
    const Ticks a_ticks = NiceTicks(layout.a_min, layout.a_max, 5);
    for (double a : a_ticks.values) {
        const float x = Along(a, layout.a_min, layout.a_max, g.heat_min.x, g.heat_max.x);
        canvas.Line({x, g.heat_max.y}, {x, g.heat_max.y + tick}, theme.axis, 1.0f * layout.scale);
        canvas.Text({x, g.heat_max.y + tick}, FormatTick(a, a_ticks.step), theme.text, fs, TextAlign::Center);
    }
    canvas.Text({(g.heat_min.x + g.heat_max.x) / 2, g.heat_max.y + tick + 1.1f * fs}, "a (gate input)",
                theme.dim_text, fs, TextAlign::Center);
    const Ticks b_ticks = NiceTicks(layout.b_min, layout.b_max, 5);
    for (double b : b_ticks.values) {
        const float y = Along(b, layout.b_min, layout.b_max, g.heat_max.y, g.heat_min.y);
        canvas.Line({g.heat_min.x - tick, y}, {g.heat_min.x, y}, theme.axis, 1.0f * layout.scale);
        canvas.Text({g.heat_min.x - tick - 0.2f * fs, y}, FormatTick(b, b_ticks.step), theme.text, fs,
                    TextAlign::Right, TextBaseline::Middle);
    }
}

void DrawColorBar(Canvas& canvas, const FigureTheme& theme, const GatedFigureLayout& layout,
                  double color_scale, const PanelGeometry& g) {
    const float fs = layout.font_size;
    constexpr int kSteps = 64;
    const float w = (g.bar_max.x - g.bar_min.x) / kSteps;
    for (int k = 0; k < kSteps; ++k) {
        const float t = -1.0f + 2.0f * (static_cast<float>(k) + 0.5f) / kSteps;
        const float x0 = g.bar_min.x + static_cast<float>(k) * w;
        canvas.FilledRect({x0, g.bar_min.y}, {std::min(g.bar_max.x, x0 + w + 0.5f), g.bar_max.y},
                          HeatColor(theme.network, t));
    }
    canvas.Rect(g.bar_min, g.bar_max, theme.frame, 1.0f * layout.scale);
    const Ticks ticks = NiceTicks(-color_scale, color_scale, 5);
    for (double v : ticks.values) {
        const float x = Along(v, -color_scale, color_scale, g.bar_min.x, g.bar_max.x);
        canvas.Line({x, g.bar_max.y}, {x, g.bar_max.y + 0.25f * fs}, theme.axis, 1.0f * layout.scale);
        canvas.Text({x, g.bar_max.y + 0.25f * fs}, FormatTick(v, ticks.step), theme.text, fs,
                    TextAlign::Center);
    }
}

} // namespace

std::string_view GatedQuantityTitle(GatedQuantity quantity) {
    switch (quantity) {
    case GatedQuantity::Value:
        return "f(a, b) = g(a)·b";
    case GatedQuantity::PartialA:
        return "∂f/∂a = g′(a)·b";
    case GatedQuantity::PartialB:
        return "∂f/∂b = g(a)";
    }
    return "";
}

double SymmetricColorScale(double max_abs) {
    if (!(max_abs > 0.0) || !std::isfinite(max_abs)) return 1.0;
    const double decade = std::pow(10.0, std::floor(std::log10(max_abs)));
    for (double m : {1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0})
        if (m * decade >= max_abs * (1.0 - 1e-12)) return m * decade;
    return 10.0 * decade;
}

std::vector<std::array<Vec2, 2>> ContourSegments(const std::vector<double>& values, std::size_t nx,
                                                 std::size_t ny, double level) {
    std::vector<std::array<Vec2, 2>> segments;
    auto at = [&](std::size_t i, std::size_t j) { return values[j * nx + i] - level; };
    for (std::size_t j = 0; j + 1 < ny; ++j) {
        for (std::size_t i = 0; i + 1 < nx; ++i) {
            // Corners counter-clockwise from (i, j); an edge is crossed where one end is below the level.
            const std::array<double, 4> v{at(i, j), at(i + 1, j), at(i + 1, j + 1), at(i, j + 1)};
            if (std::any_of(v.begin(), v.end(), [](double x) { return !std::isfinite(x); })) continue;
            const std::array<Vec2, 4> corner{Vec2{static_cast<float>(i), static_cast<float>(j)},
                                             Vec2{static_cast<float>(i + 1), static_cast<float>(j)},
                                             Vec2{static_cast<float>(i + 1), static_cast<float>(j + 1)},
                                             Vec2{static_cast<float>(i), static_cast<float>(j + 1)}};
            std::array<Vec2, 4> crossings{};
            std::size_t count = 0;
            for (std::size_t e = 0; e < 4; ++e) {
                const double va = v[e], vb = v[(e + 1) % 4];
                if ((va < 0.0) == (vb < 0.0)) continue;
                const auto t = static_cast<float>(va / (va - vb));
                const Vec2 p = corner[e], q = corner[(e + 1) % 4];
                crossings[count++] = {p.x + t * (q.x - p.x), p.y + t * (q.y - p.y)};
            }
            if (count >= 2) segments.push_back({crossings[0], crossings[1]});
            if (count == 4) segments.push_back({crossings[2], crossings[3]});
        }
    }
    return segments;
}

void DrawGatedPanel(Canvas& canvas, const FigureTheme& theme, const GatedFigureLayout& layout,
                    const GatedFunction& function, GatedQuantity quantity, Vec2 min, Vec2 max) {
    const PanelGeometry g = LayOutPanel(layout, min, max);
    const std::vector<double> values = SampleQuantity(function, layout, quantity);
    const double color_scale = SymmetricColorScale(MaxAbs(values));
    canvas.Text({(g.heat_min.x + g.heat_max.x) / 2, min.y}, GatedQuantityTitle(quantity), theme.text,
                layout.font_size, TextAlign::Center);
    canvas.Text({g.heat_min.x - 0.3f * layout.font_size, min.y}, "b", theme.dim_text, layout.font_size,
                TextAlign::Right);
    DrawHeatCells(canvas, theme, values, layout.cells, color_scale, g);
    DrawContours(canvas, theme, layout, values, color_scale, g);
    DrawAxes(canvas, theme, layout, g);
    DrawColorBar(canvas, theme, layout, color_scale, g);
}

void DrawGatedFigure(Canvas& canvas, const FigureTheme& theme, const GatedFigureLayout& layout,
                     const GatedFunction& function, float width, float height) {
    if (theme.background.a > 0) canvas.FilledRect({0, 0}, {width, height}, theme.background);
    const float fs = layout.font_size;
    const float margin = 10.0f * layout.scale;
    canvas.Text({margin, margin}, FormulaWithValues(function), theme.text, fs);
    const float top = margin + 2.0f * fs;
    const float panel_width = (width - 2.0f * margin) / 3.0f;
    for (std::size_t k = 0; k < kGatedQuantities.size(); ++k) {
        const float x0 = margin + static_cast<float>(k) * panel_width;
        DrawGatedPanel(canvas, theme, layout, function, kGatedQuantities[k], {x0, top},
                       {x0 + panel_width - 0.5f * fs, height - margin});
    }
}

} // namespace actlab
