// A minimal 2-D drawing interface in pixel coordinates (y down). The plot figure draws through it,
// so the window (ImGui draw lists), PNG export (offscreen OpenGL) and SVG export share one drawing
// code path. Plain types only: no OpenGL or ImGui here.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace actlab {

struct Vec2 {
    float x = 0.0f, y = 0.0f;
    bool operator==(const Vec2&) const = default;
};

// Straight (non-premultiplied) RGBA, 8 bits per channel.
struct Color {
    std::uint8_t r = 0, g = 0, b = 0, a = 255;
    bool operator==(const Color&) const = default;
};

enum class TextAlign { Left, Center, Right };
enum class TextBaseline { Top, Middle, Bottom };

// The top-left corner of a text box of `extent` placed at `anchor` with this alignment.
inline Vec2 AlignText(Vec2 anchor, Vec2 extent, TextAlign align, TextBaseline baseline) {
    if (align == TextAlign::Center) anchor.x -= extent.x / 2;
    if (align == TextAlign::Right) anchor.x -= extent.x;
    if (baseline == TextBaseline::Middle) anchor.y -= extent.y / 2;
    if (baseline == TextBaseline::Bottom) anchor.y -= extent.y;
    return anchor;
}

class Canvas {
public:
    virtual ~Canvas() = default;

    virtual void Polyline(std::span<const Vec2> points, Color color, float thickness) = 0;
    // dash_length > 0 draws a dashed line (dash and gap of that length).
    virtual void Line(Vec2 a, Vec2 b, Color color, float thickness, float dash_length = 0.0f) = 0;
    virtual void FilledRect(Vec2 min, Vec2 max, Color color) = 0;
    virtual void Rect(Vec2 min, Vec2 max, Color color, float thickness) = 0;
    virtual void Circle(Vec2 center, float radius, Color color, float thickness) = 0;
    virtual void FilledCircle(Vec2 center, float radius, Color color) = 0;
    // `size` is the font's pixel height.
    virtual void Text(Vec2 anchor, std::string_view utf8, Color color, float size, TextAlign align = TextAlign::Left,
                      TextBaseline baseline = TextBaseline::Top) = 0;
    virtual Vec2 MeasureText(std::string_view utf8, float size) = 0;
    virtual void PushClip(Vec2 min, Vec2 max) = 0;
    virtual void PopClip() = 0;
    // The box of a label just placed (a tick, an axis title, an overlay or probe label, a whole legend).
    // Draws nothing: a recorder (the layout report, the tests) overrides it to see every label.
    virtual void NoteLabel(Vec2 min, Vec2 max, std::string_view text) {
        (void)min, (void)max, (void)text;
    }
};

}  // namespace actlab
