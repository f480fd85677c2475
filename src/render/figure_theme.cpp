// Figure colours per theme (see figure_theme.h).
#include "render/figure_theme.h"

namespace actlab {

namespace {

// One row per colour role with the three opaque themes side by side, so that a change to one theme
// is made next to the other two. Projectors wash out dark greys and thin lines: the projector
// column is black on white and saturated.
struct RoleColors {
    Color FigureTheme::*role;
    Color dark, light, projector;
};
constexpr RoleColors kRoleColors[] = {
    {&FigureTheme::background, {22, 24, 29, 255}, {255, 255, 255, 255}, {255, 255, 255, 255}},
    {&FigureTheme::plot_background, {28, 31, 38, 255}, {255, 255, 255, 255}, {255, 255, 255, 255}},
    {&FigureTheme::frame, {70, 75, 86, 255}, {170, 174, 182, 255}, {0, 0, 0, 255}},
    {&FigureTheme::grid, {48, 52, 61, 255}, {226, 229, 234, 255}, {205, 205, 205, 255}},
    {&FigureTheme::axis, {140, 146, 158, 255}, {110, 114, 122, 255}, {0, 0, 0, 255}},
    {&FigureTheme::origin_axis, {205, 210, 220, 255}, {40, 42, 48, 255}, {0, 0, 0, 255}},
    {&FigureTheme::text, {230, 232, 238, 255}, {20, 22, 26, 255}, {0, 0, 0, 255}},
    {&FigureTheme::dim_text, {165, 170, 182, 255}, {90, 94, 102, 255}, {40, 40, 40, 255}},
    {&FigureTheme::dead_zone, {230, 90, 60, 30}, {213, 94, 0, 24}, {220, 50, 0, 36}},
    {&FigureTheme::crosshair, {200, 205, 215, 150}, {60, 64, 72, 140}, {0, 0, 0, 170}},
    {&FigureTheme::readout_background, {16, 18, 22, 235}, {250, 250, 252, 240}, {255, 255, 255, 245}},
};

// Colour-blind-safe (Okabe–Ito) curve colours. Dark: sky blue, orange, bluish green, yellow,
// vermillion, reddish purple. Light: blue, vermillion, bluish green, reddish purple, orange, sky
// blue. Projector: the light order, darker and more saturated, black last.
using Palette = std::array<Color, 6>;
constexpr Palette kDarkPalette = {{{86, 180, 233, 255},
                                   {240, 165, 0, 255},
                                   {0, 190, 140, 255},
                                   {240, 228, 66, 255},
                                   {240, 110, 40, 255},
                                   {214, 135, 180, 255}}};
constexpr Palette kLightPalette = {{{0, 114, 178, 255},
                                    {213, 94, 0, 255},
                                    {0, 158, 115, 255},
                                    {204, 121, 167, 255},
                                    {230, 159, 0, 255},
                                    {86, 180, 233, 255}}};
constexpr Palette kProjectorPalette = {{{0, 90, 181, 255},
                                        {200, 55, 0, 255},
                                        {0, 130, 80, 255},
                                        {150, 40, 130, 255},
                                        {190, 120, 0, 255},
                                        {0, 0, 0, 255}}};

} // namespace

FigureTheme FigureThemeFor(Theme theme) {
    if (theme == Theme::Transparent) return WithTransparentBackground(FigureThemeFor(Theme::Light));
    FigureTheme t;
    for (const RoleColors& row : kRoleColors)
        t.*row.role = theme == Theme::Dark ? row.dark : theme == Theme::Light ? row.light : row.projector;
    t.palette = theme == Theme::Dark    ? kDarkPalette
                : theme == Theme::Light ? kLightPalette
                                        : kProjectorPalette;
    t.line_width = theme == Theme::Projector ? 3.5f : 2.5f;
    if (theme == Theme::Dark) {
        t.network.neutral = {44, 48, 57, 255};
        t.network.dead = {255, 64, 64, 255};
        t.network.dying = {255, 200, 70, 255};
        t.network.point_outline = {240, 240, 245, 255};
    } else {
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
