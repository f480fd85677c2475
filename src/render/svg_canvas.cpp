// SVG output of the Canvas (see svg_canvas.h).
#include "render/svg_canvas.h"

#include <charconv>
#include <cmath>

namespace actlab {

namespace {

// "#rrggbb", plus an opacity attribute when the colour is not opaque.
std::string Paint(const char* attribute, Color c) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out = std::string(" ") + attribute + "=\"#";
    for (std::uint8_t v : {c.r, c.g, c.b}) {
        out += kHex[v >> 4];
        out += kHex[v & 15];
    }
    out += '"';
    if (c.a != 255) out += std::string(" ") + attribute + "-opacity=\"" + SvgNumber(c.a / 255.0) + '"';
    return out;
}

std::string Stroke(Color c, float thickness) {
    return Paint("stroke", c) + " stroke-width=\"" + SvgNumber(thickness) + "\" fill=\"none\"";
}

std::string Point(Vec2 p) {
    return SvgNumber(p.x) + ',' + SvgNumber(p.y);
}

} // namespace

std::string SvgNumber(double value) {
    if (!std::isfinite(value)) return "0";
    // Thousandths of a pixel are far below what any renderer shows, and keep files small.
    const double rounded = std::round(value * 1000.0) / 1000.0;
    if (rounded == 0.0) return "0";
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, rounded, std::chars_format::fixed, 3);
    std::string out(buffer, result.ptr);
    while (out.back() == '0')
        out.pop_back();
    if (out.back() == '.') out.pop_back();
    return out;
}

std::string XmlEscape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&apos;";
            break;
        default:
            // Control characters other than tab, newline and return are not allowed in XML 1.0.
            if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
            out += c;
        }
    }
    return out;
}

SvgCanvas::SvgCanvas(float width, float height, const FontMetrics& metrics)
    : width_(width), height_(height), metrics_(metrics) {}

void SvgCanvas::Append(const std::string& element) {
    body_ += element;
    body_ += '\n';
}

void SvgCanvas::Polyline(std::span<const Vec2> points, Color color, float thickness) {
    if (points.size() < 2 || color.a == 0) return;
    std::string element = "<path d=\"M";
    element += Point(points.front());
    for (std::size_t i = 1; i < points.size(); ++i) {
        element += " L";
        element += Point(points[i]);
    }
    element += '"';
    element += Stroke(color, thickness);
    element += " stroke-linejoin=\"round\" stroke-linecap=\"round\"/>";
    Append(element);
}

void SvgCanvas::Line(Vec2 a, Vec2 b, Color color, float thickness, float dash_length) {
    if (color.a == 0) return;
    std::string element = "<path d=\"M" + Point(a) + " L" + Point(b) + "\"" + Stroke(color, thickness);
    if (dash_length > 0.0f)
        element += " stroke-dasharray=\"" + SvgNumber(dash_length) + ',' + SvgNumber(dash_length) + '"';
    Append(element + "/>");
}

void SvgCanvas::FilledRect(Vec2 min, Vec2 max, Color color) {
    if (color.a == 0) return;
    Append("<rect x=\"" + SvgNumber(min.x) + "\" y=\"" + SvgNumber(min.y) + "\" width=\"" +
           SvgNumber(max.x - min.x) + "\" height=\"" + SvgNumber(max.y - min.y) + "\"" +
           Paint("fill", color) + "/>");
}

void SvgCanvas::Rect(Vec2 min, Vec2 max, Color color, float thickness) {
    if (color.a == 0) return;
    // ImGui strokes a rectangle inside its bounds (inset by half a pixel); SVG centres the stroke on
    // the outline, so inset by half the stroke to cover the same pixels.
    const float inset = 0.5f * thickness;
    Append("<rect x=\"" + SvgNumber(min.x + inset) + "\" y=\"" + SvgNumber(min.y + inset) + "\" width=\"" +
           SvgNumber(max.x - min.x - thickness) + "\" height=\"" + SvgNumber(max.y - min.y - thickness) +
           "\"" + Stroke(color, thickness) + "/>");
}

void SvgCanvas::Circle(Vec2 center, float radius, Color color, float thickness) {
    if (color.a == 0) return;
    Append("<circle cx=\"" + SvgNumber(center.x) + "\" cy=\"" + SvgNumber(center.y) + "\" r=\"" +
           SvgNumber(radius) + "\"" + Stroke(color, thickness) + "/>");
}

void SvgCanvas::FilledCircle(Vec2 center, float radius, Color color) {
    if (color.a == 0) return;
    Append("<circle cx=\"" + SvgNumber(center.x) + "\" cy=\"" + SvgNumber(center.y) + "\" r=\"" +
           SvgNumber(radius) + "\"" + Paint("fill", color) + "/>");
}

void SvgCanvas::Text(Vec2 anchor, std::string_view utf8, Color color, float size, TextAlign align,
                     TextBaseline baseline) {
    if (utf8.empty() || color.a == 0) return;
    // The box is placed as ImGui places it; the baseline then lies one ascent below its top, which
    // every SVG renderer understands (dominant-baseline is not honoured everywhere).
    const Vec2 extent = MeasureText(utf8, size);
    const Vec2 top_left = AlignText(anchor, extent, align, baseline);
    const float baseline_y = top_left.y + metrics_.Ascent(size);
    std::string x_attribute;
    const char* text_anchor = "start";
    if (align == TextAlign::Left) x_attribute = SvgNumber(top_left.x);
    if (align == TextAlign::Center)
        x_attribute = SvgNumber(top_left.x + extent.x / 2), text_anchor = "middle";
    if (align == TextAlign::Right) x_attribute = SvgNumber(top_left.x + extent.x), text_anchor = "end";
    Append("<text x=\"" + x_attribute + "\" y=\"" + SvgNumber(baseline_y) + "\" font-size=\"" +
           SvgNumber(metrics_.FontSizeFor(size)) + "\" text-anchor=\"" + text_anchor + "\"" +
           Paint("fill", color) + ">" + XmlEscape(utf8) + "</text>");
}

Vec2 SvgCanvas::MeasureText(std::string_view utf8, float size) {
    return metrics_.Measure(utf8, size);
}

void SvgCanvas::PushClip(Vec2 min, Vec2 max) {
    const std::string id = "clip" + std::to_string(next_clip_id_++);
    defs_ += "<clipPath id=\"" + id + "\"><rect x=\"" + SvgNumber(min.x) + "\" y=\"" + SvgNumber(min.y) +
             "\" width=\"" + SvgNumber(max.x - min.x) + "\" height=\"" + SvgNumber(max.y - min.y) +
             "\"/></clipPath>\n";
    Append("<g clip-path=\"url(#" + id + ")\">");
    ++open_groups_;
}

void SvgCanvas::PopClip() {
    if (open_groups_ == 0) return;
    Append("</g>");
    --open_groups_;
}

std::string SvgCanvas::Finish() {
    while (open_groups_ > 0)
        PopClip();
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + SvgNumber(width_) +
           "\" height=\"" + SvgNumber(height_) + "\" viewBox=\"0 0 " + SvgNumber(width_) + ' ' +
           SvgNumber(height_) + "\" font-family=\"" + metrics_.FontFamilies() + "\">\n";
    if (!defs_.empty()) out += "<defs>\n" + defs_ + "</defs>\n";
    out += body_;
    out += "</svg>\n";
    return out;
}

} // namespace actlab
