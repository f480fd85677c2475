// Canvas calls as ImGui draw-list primitives (see imgui_canvas.h).
#include "ui/imgui_canvas.h"

#include "ui/fonts.h"
#include "ui/layout_recorder.h"

#include <cmath>

namespace actlab::ui {

namespace {

ImU32 ToImU32(Color c) {
    return IM_COL32(c.r, c.g, c.b, c.a);
}
ImVec2 ToImVec2(Vec2 v) {
    return {v.x, v.y};
}

// Circles look round at every radius when the segment count grows with it.
int SegmentsFor(float radius) {
    return std::max(12, static_cast<int>(radius * 2.5f));
}

} // namespace

void ImGuiCanvas::Polyline(std::span<const Vec2> points, Color color, float thickness) {
    if (points.size() < 2) return;
    // Vec2 and ImVec2 are both two packed floats; the static_assert keeps that promise honest.
    static_assert(sizeof(Vec2) == sizeof(ImVec2));
    draw_list_->AddPolyline(reinterpret_cast<const ImVec2*>(points.data()), static_cast<int>(points.size()),
                            ToImU32(color), ImDrawFlags_None, thickness);
}

void ImGuiCanvas::Line(Vec2 a, Vec2 b, Color color, float thickness, float dash_length) {
    if (dash_length <= 0.0f) {
        draw_list_->AddLine(ToImVec2(a), ToImVec2(b), ToImU32(color), thickness);
        return;
    }
    const float length = std::hypot(b.x - a.x, b.y - a.y);
    if (length <= 0.0f) return;
    const float dx = (b.x - a.x) / length, dy = (b.y - a.y) / length;
    for (float t = 0.0f; t < length; t += 2.0f * dash_length) {
        const float end = std::min(t + dash_length, length);
        draw_list_->AddLine({a.x + dx * t, a.y + dy * t}, {a.x + dx * end, a.y + dy * end}, ToImU32(color),
                            thickness);
    }
}

void ImGuiCanvas::FilledRect(Vec2 min, Vec2 max, Color color) {
    draw_list_->AddRectFilled(ToImVec2(min), ToImVec2(max), ToImU32(color));
}

void ImGuiCanvas::Rect(Vec2 min, Vec2 max, Color color, float thickness) {
    draw_list_->AddRect(ToImVec2(min), ToImVec2(max), ToImU32(color), 0.0f, ImDrawFlags_None, thickness);
}

void ImGuiCanvas::Circle(Vec2 center, float radius, Color color, float thickness) {
    draw_list_->AddCircle(ToImVec2(center), radius, ToImU32(color), SegmentsFor(radius), thickness);
}

void ImGuiCanvas::FilledCircle(Vec2 center, float radius, Color color) {
    draw_list_->AddCircleFilled(ToImVec2(center), radius, ToImU32(color), SegmentsFor(radius));
}

void ImGuiCanvas::Text(Vec2 anchor, std::string_view utf8, Color color, float size, TextAlign align,
                       TextBaseline baseline) {
    const Vec2 extent = MeasureText(utf8, size);
    const Vec2 top_left = AlignText(anchor, extent, align, baseline);
    if (LayoutRecorder* recorder = ActiveRecorder()) {
        recorder->Label(utf8, {top_left.x, top_left.y}, {top_left.x + extent.x, top_left.y + extent.y});
    }
    // Whole pixels keep glyphs crisp.
    draw_list_->AddText(FontFor(size), size, {std::round(top_left.x), std::round(top_left.y)}, ToImU32(color),
                        utf8.data(), utf8.data() + utf8.size());
}

Vec2 ImGuiCanvas::MeasureText(std::string_view utf8, float size) {
    const ImVec2 extent =
        FontFor(size)->CalcTextSizeA(size, 1e9f, 0.0f, utf8.data(), utf8.data() + utf8.size());
    return {extent.x, extent.y};
}

void ImGuiCanvas::PushClip(Vec2 min, Vec2 max) {
    draw_list_->PushClipRect(ToImVec2(min), ToImVec2(max), true);
}

void ImGuiCanvas::PopClip() {
    draw_list_->PopClipRect();
}

ImFont* ImGuiCanvas::FontFor(float size) const {
    // Each font is rasterised at one size; the nearest one not smaller than asked stays sharp.
    return size > fonts_.body_size * 1.05f ? fonts_.large : fonts_.body;
}

} // namespace actlab::ui
