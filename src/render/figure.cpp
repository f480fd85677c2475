// Figures for export (see figure.h).
#include "render/figure.h"

#include "core/view_fit.h"
#include "render/gated_figure.h"
#include "render/plot_figure.h"
#include "render/svg_canvas.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace actlab {

int FigureSpec::PixelWidth() const {
    return static_cast<int>(std::lround(static_cast<float>(width) * scale));
}
int FigureSpec::PixelHeight() const {
    return static_cast<int>(std::lround(static_cast<float>(height) * scale));
}

float FigureFontSize(float scale) {
    return std::round(17.0f * scale);
}

void DrawFigure(Canvas& canvas, const FigureSpec& spec) {
    const FigureTheme theme = FigureThemeFor(spec.theme);
    const float width = static_cast<float>(spec.PixelWidth());
    const float height = static_cast<float>(spec.PixelHeight());
    if (spec.gated) {
        GatedFigureLayout layout{FigureFontSize(spec.scale), spec.scale};
        if (spec.x_range) std::tie(layout.a_min, layout.a_max) = *spec.x_range;
        if (spec.y_range) std::tie(layout.b_min, layout.b_max) = *spec.y_range;
        DrawGatedFigure(canvas, theme, layout, *spec.gated, width, height);
        return;
    }
    if (theme.background.a > 0) canvas.FilledRect({0, 0}, {width, height}, theme.background);

    // The view: the app's "reset view" unless the ranges were given.
    PlotViewRange view = FitView(spec.functions, spec.convention);
    if (spec.x_range) {
        view.x_min = spec.x_range->first;
        view.x_max = spec.x_range->second;
        FitYRanges(spec.functions, spec.convention, view);
    }
    if (spec.y_range) {
        view.y_min = spec.y_range->first;
        view.y_max = spec.y_range->second;
    }
    if (spec.dy_range) {
        view.dy_min = spec.dy_range->first;
        view.dy_max = spec.dy_range->second;
    }

    FigureStyle style{FigureFontSize(spec.scale), spec.scale};
    const float margin = 10.0f * spec.scale; // breathing room around the plots
    const float gap = 6.0f * spec.scale;     // between f and f′
    const Vec2 min{margin, margin};
    const Vec2 max{width - margin, height - margin};
    PlotSpec f_spec;
    f_spec.quantity = PlotQuantity::Value;
    f_spec.x_min = view.x_min;
    f_spec.x_max = view.x_max;
    f_spec.y_min = view.y_min;
    f_spec.y_max = view.y_max;
    f_spec.convention = spec.convention;
    f_spec.overlays = spec.overlays;
    f_spec.probes = spec.probes;

    std::vector<std::pair<PlotSpec, std::pair<Vec2, Vec2>>> plots;
    if (spec.single_plot) {
        f_spec.quantity = *spec.single_plot;
        if (f_spec.quantity == PlotQuantity::Derivative) {
            f_spec.y_min = view.dy_min;
            f_spec.y_max = view.dy_max;
        }
        plots.push_back({f_spec, {min, max}});
    } else if (!spec.derivative) {
        plots.push_back({f_spec, {min, max}});
    } else {
        PlotSpec df_spec = f_spec;
        df_spec.quantity = PlotQuantity::Derivative;
        df_spec.y_min = view.dy_min;
        df_spec.y_max = view.dy_max;
        const float middle = (min.y + max.y) / 2;
        plots.push_back({f_spec, {min, {max.x, middle - gap / 2}}});
        plots.push_back({df_spec, {{min.x, middle + gap / 2}, max}});
    }
    // Linked plots share the widest left margin, so their x axes line up.
    for (const auto& [plot, box] : plots) {
        const PlotFrame frame = LayoutPlot(canvas, plot, box.first, box.second, style);
        style.min_left_margin = std::max(style.min_left_margin, frame.area_min.x - box.first.x);
    }
    const PlotFrame first = LayoutPlot(canvas, plots.front().first, plots.front().second.first,
                                       plots.front().second.second, style);
    const std::vector<PlotCurveData> curves = BuildCurves(
        spec.functions, view.x_min, view.x_max, SamplesForWidth(first.AreaWidth()), spec.convention, theme);
    // The figure's background is painted once above; painting it again behind each plot would
    // only cost fill time (a 4K PNG is drawn by a software rasteriser).
    FigureTheme plot_theme = theme;
    plot_theme.background.a = 0;
    for (const auto& [plot, box] : plots) {
        const PlotFrame frame = LayoutPlot(canvas, plot, box.first, box.second, style);
        DrawPlot(canvas, frame, plot, curves, plot_theme, style);
    }
}

std::string RenderSvg(const FigureSpec& spec, std::string* warning) {
    const FontMetrics metrics;
    if (warning != nullptr) *warning = metrics.Warning();
    SvgCanvas canvas(static_cast<float>(spec.PixelWidth()), static_cast<float>(spec.PixelHeight()), metrics);
    DrawFigure(canvas, spec);
    return canvas.Finish();
}

} // namespace actlab
