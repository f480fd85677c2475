// Figure colours per theme (see figure_theme.h).
#include "render/figure_theme.h"

namespace actlab {

FigureTheme FigureThemeFor(Theme theme) {
    FigureTheme t;
    switch (theme) {
    case Theme::Dark:
        t.background = {22, 24, 29, 255};
        t.plot_background = {28, 31, 38, 255};
        t.frame = {70, 75, 86, 255};
        t.grid = {48, 52, 61, 255};
        t.axis = {140, 146, 158, 255};
        t.origin_axis = {205, 210, 220, 255};
        t.text = {230, 232, 238, 255};
        t.dim_text = {165, 170, 182, 255};
        t.dead_zone = {230, 90, 60, 30};
        t.crosshair = {200, 205, 215, 150};
        t.readout_background = {16, 18, 22, 235};
        // sky blue, orange, bluish green, yellow, vermillion, reddish purple
        t.palette = {{{86, 180, 233, 255},
                      {240, 165, 0, 255},
                      {0, 190, 140, 255},
                      {240, 228, 66, 255},
                      {240, 110, 40, 255},
                      {214, 135, 180, 255}}};
        t.line_width = 2.5f;
        t.network.neutral = {44, 48, 57, 255};
        t.network.dead = {255, 64, 64, 255};
        t.network.dying = {255, 200, 70, 255};
        t.network.point_outline = {240, 240, 245, 255};
        break;
    case Theme::Light:
        t.background = {255, 255, 255, 255};
        t.plot_background = {255, 255, 255, 255};
        t.frame = {170, 174, 182, 255};
        t.grid = {226, 229, 234, 255};
        t.axis = {110, 114, 122, 255};
        t.origin_axis = {40, 42, 48, 255};
        t.text = {20, 22, 26, 255};
        t.dim_text = {90, 94, 102, 255};
        t.dead_zone = {213, 94, 0, 24};
        t.crosshair = {60, 64, 72, 140};
        t.readout_background = {250, 250, 252, 240};
        // blue, vermillion, bluish green, reddish purple, orange, sky blue
        t.palette = {{{0, 114, 178, 255},
                      {213, 94, 0, 255},
                      {0, 158, 115, 255},
                      {204, 121, 167, 255},
                      {230, 159, 0, 255},
                      {86, 180, 233, 255}}};
        t.line_width = 2.5f;
        break;
    case Theme::Projector:
        // Projectors wash out dark greys and thin lines: black on white, saturated, thick.
        t.background = {255, 255, 255, 255};
        t.plot_background = {255, 255, 255, 255};
        t.frame = {0, 0, 0, 255};
        t.grid = {205, 205, 205, 255};
        t.axis = {0, 0, 0, 255};
        t.origin_axis = {0, 0, 0, 255};
        t.text = {0, 0, 0, 255};
        t.dim_text = {40, 40, 40, 255};
        t.dead_zone = {220, 50, 0, 36};
        t.crosshair = {0, 0, 0, 170};
        t.readout_background = {255, 255, 255, 245};
        t.palette = {{{0, 90, 181, 255},
                      {200, 55, 0, 255},
                      {0, 130, 80, 255},
                      {150, 40, 130, 255},
                      {190, 120, 0, 255},
                      {0, 0, 0, 255}}};
        t.line_width = 3.5f;
        break;
    case Theme::Transparent:
        return WithTransparentBackground(FigureThemeFor(Theme::Light));
    }
    if (theme != Theme::Dark) {
        // On white, light and projector share the network marks: a near-white zero, dark outlines.
        t.network.neutral = {246, 246, 248, 255};
        t.network.dead = {215, 0, 0, 255};
        t.network.dying = {190, 120, 0, 255};
        t.network.point_outline = {20, 20, 24, 255};
    }
    t.marker_hole = t.plot_background;
    // The diverging map runs between the two most contrasting palette colours.
    t.network.positive = t.palette[0];
    t.network.negative = t.palette[1];
    t.network.badge_text = {255, 255, 255, 255};
    return t;
}

FigureTheme WithTransparentBackground(FigureTheme theme) {
    theme.background.a = 0;
    theme.plot_background.a = 0;
    return theme;
}

Color PaletteColor(const FigureTheme& theme, std::size_t index) {
    return theme.palette[index % theme.palette.size()];
}

Color WithAlpha(Color color, std::uint8_t alpha) {
    color.a = alpha;
    return color;
}

} // namespace actlab
