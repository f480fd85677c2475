// The labels inside a plot (probe values, the maximum of f′, asymptotes, the dead zone, the legend),
// placed after the curves are drawn: the lesson's key numbers first, each where it hides the fewest
// curve pixels and overlaps no other label. Internal to plot_figure.cpp.
#pragma once

#include "render/label_layout.h"
#include "render/plot_figure.h"

#include <span>

namespace actlab {

struct PlotScene {
    Canvas& canvas;
    const PlotFrame& frame;
    const PlotSpec& spec;
    std::span<const PlotCurveData> curves;
    const FigureTheme& theme;
    const FigureStyle& style;
};

// f or f′ of a curve in pixels for this frame (defined in plot_figure.cpp, which caches them).
const CurvePixelRuns& PixelRuns(const PlotFrame& frame, const PlotCurveData& curve, bool derivative);

// Probe markers and labels, the f′ maximum, asymptote and dead-zone labels, then the legend, which
// avoids them all. Every label box goes through `labels`.
void DrawPlotLabels(const PlotScene& scene, LabelLayout& labels);

} // namespace actlab
