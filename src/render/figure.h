// A figure for slides, described once and drawn by every exporter: the command line's
// `actlab render` (SVG here, PNG through offscreen OpenGL) and the app's export. f alone, or f above
// f′ in two linked plots sharing one x range.
#pragma once

#include "core/activation.h"
#include "core/app_state.h"
#include "core/enum_names.h"
#include "core/gated.h"
#include "render/canvas.h"
#include "render/figure_theme.h"
#include "render/plot_figure.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace actlab {

inline constexpr int kFigureMinSide = 64;      // logical pixels
inline constexpr int kFigureMaxPixels = 16384; // per side, after scaling (GL_MAX_RENDERBUFFER_SIZE on Mesa)
inline constexpr float kFigureMaxScale = 8.0f;

struct FigureSpec {
    std::vector<Activation> functions;                // the first is drawn on top and coloured first
    bool derivative = false;                          // f above f′ when set, else f only
    std::optional<std::pair<double, double>> x_range; // none: fitted to the functions
    std::optional<std::pair<double, double>> y_range; // of the f plot; none: fitted over the x range
    KinkConvention convention = KinkConvention::PyTorch;
    Overlays overlays;
    Theme theme = Theme::Light;
    std::optional<PlotQuantity> single_plot; // one plot of this instead (the app's export of one plot)
    std::optional<std::pair<double, double>> dy_range; // of the f′ plot; none: fitted
    std::vector<Probe> probes;                         // pinned probe points, as the window shows them
    std::optional<GatedFunction> gated;                // set: the heatmaps of this two-input function instead
                                                       // (x_range is a, y_range is b; functions are ignored)
    int width = 1200, height = 750;                    // logical pixels
    float scale = 1.0f;                                // output pixels per logical pixel

    int PixelWidth() const;
    int PixelHeight() const;
};

// The pixel height of text at this scale: the body font of the app, scaled and rounded as its font
// atlas is, so a PNG's glyphs and the SVG's layout agree.
float FigureFontSize(float scale);

// Draws the whole figure, background included, on a canvas of PixelWidth() × PixelHeight().
void DrawFigure(Canvas& canvas, const FigureSpec& spec);

// The figure as an SVG document (no OpenGL involved). `warning` receives a note when the font is
// missing and text widths are estimated.
std::string RenderSvg(const FigureSpec& spec, std::string* warning = nullptr);

} // namespace actlab
