// The figure of a gated two-input function f(a, b) = g(a)·b: heatmaps of f, ∂f/∂a and ∂f/∂b over the
// (a, b) plane side by side, each with contour lines, a diverging colour map centred on 0, a colour
// bar and axis ticks. Drawn through Canvas, so the SVG and PNG exports share it.
#pragma once

#include "core/gated.h"
#include "render/canvas.h"
#include "render/figure_theme.h"

#include <array>
#include <string>
#include <vector>

namespace actlab {

struct GatedFigureLayout {
    float font_size = 17.0f;
    float scale = 1.0f;
    double a_min = -4.0, a_max = 4.0; // the gate input, horizontal
    double b_min = -3.0, b_max = 3.0; // the value, vertical
    std::size_t cells = 72;           // heatmap cells per side
};

// Which of the three quantities a panel shows.
enum class GatedQuantity { Value, PartialA, PartialB };
inline constexpr std::array<GatedQuantity, 3> kGatedQuantities{GatedQuantity::Value, GatedQuantity::PartialA,
                                                               GatedQuantity::PartialB};
std::string_view GatedQuantityTitle(GatedQuantity quantity); // "f(a, b)", "∂f/∂a", "∂f/∂b"

// The colour map's half-width for values up to `max_abs`: a 1-2-5 number at or above it (1 for 0).
double SymmetricColorScale(double max_abs);

// Contour segments of `values` (nx × ny, row-major, row 0 at y0) at `level` by marching squares, in
// the grid's own coordinates (x from 0 to nx − 1, y from 0 to ny − 1).
std::vector<std::array<Vec2, 2>> ContourSegments(const std::vector<double>& values, std::size_t nx,
                                                 std::size_t ny, double level);

// One panel: the heatmap in [min, max] (pixels), its contours, axes with ticks and a colour bar below.
void DrawGatedPanel(Canvas& canvas, const FigureTheme& theme, const GatedFigureLayout& layout,
                    const GatedFunction& function, GatedQuantity quantity, Vec2 min, Vec2 max);

// The whole figure on a canvas of width × height pixels, background included.
void DrawGatedFigure(Canvas& canvas, const FigureTheme& theme, const GatedFigureLayout& layout,
                     const GatedFunction& function, float width, float height);

} // namespace actlab
