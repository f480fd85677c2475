// Colours and line widths of figures, per theme. The palette is Okabe and Ito's colour-blind-safe
// set, ordered so that the first colours have the most contrast on each background.
#pragma once

#include "core/app_state.h"
#include "render/canvas.h"

#include <array>

namespace actlab {

// Colours of the mini-network lesson: a diverging map for values (negative, zero, positive; also
// the edge signs), and the marks for dead and dying neurons, which use no palette colour so that
// they stand out.
struct NetworkColors {
    Color negative, neutral, positive;
    Color dead, dying, badge_text, point_outline;
};

struct FigureTheme {
    Color background;      // behind the whole figure (alpha 0 for a transparent export)
    Color plot_background; // the data area
    Color frame;           // data area border
    Color grid;
    Color axis;        // tick marks
    Color origin_axis; // the axes through the origin, emphasised
    Color text;
    Color dim_text;
    Color dead_zone; // shading where f' = 0
    Color crosshair;
    Color readout_background;
    Color marker_hole; // inside open circles: opaque even when the background is transparent
    std::array<Color, 6> palette;
    NetworkColors network;   // heatmaps, edges, dead and dying marks
    float line_width = 2.5f; // at scale 1
};

FigureTheme FigureThemeFor(Theme theme);

// The same colours with the figure and data-area backgrounds fully transparent, for slides whose
// own background should show through (exports only; the window is always opaque).
FigureTheme WithTransparentBackground(FigureTheme theme);

// The colour of the i-th overlaid function.
Color PaletteColor(const FigureTheme& theme, std::size_t index);

Color WithAlpha(Color color, std::uint8_t alpha);

} // namespace actlab
