// The Canvas written as SVG 1.1: vector paths for lines and curves, SVG text in DejaVu Sans, clip
// paths for clipping. Numbers are printed with a fixed, locale-independent format, so the same
// drawing always gives the same bytes.
#pragma once

#include "render/canvas.h"
#include "render/font_metrics.h"

#include <string>
#include <vector>

namespace actlab {

class SvgCanvas final : public Canvas {
public:
    // A figure of width × height pixels (the SVG's user units); `metrics` must outlive the canvas.
    SvgCanvas(float width, float height, const FontMetrics& metrics);

    void Polyline(std::span<const Vec2> points, Color color, float thickness) override;
    void Line(Vec2 a, Vec2 b, Color color, float thickness, float dash_length = 0.0f) override;
    void FilledRect(Vec2 min, Vec2 max, Color color) override;
    void Rect(Vec2 min, Vec2 max, Color color, float thickness) override;
    void Circle(Vec2 center, float radius, Color color, float thickness) override;
    void FilledCircle(Vec2 center, float radius, Color color) override;
    void Text(Vec2 anchor, std::string_view utf8, Color color, float size, TextAlign align = TextAlign::Left,
              TextBaseline baseline = TextBaseline::Top) override;
    Vec2 MeasureText(std::string_view utf8, float size) override;
    void PushClip(Vec2 min, Vec2 max) override;
    void PopClip() override;

    // The whole document, clip groups closed.
    std::string Finish();

private:
    void Append(const std::string& element);

    float width_, height_;
    const FontMetrics& metrics_;
    std::string defs_; // clip paths
    std::string body_;
    int open_groups_ = 0;
    int next_clip_id_ = 0;
};

// "12.5", "-3", "0.125": at most 3 decimals, no trailing zeros, never "-0", always '.' as the point.
std::string SvgNumber(double value);

// Escapes &, <, >, " and ' for XML text and attributes; drops bytes XML 1.0 forbids.
std::string XmlEscape(std::string_view text);

} // namespace actlab
