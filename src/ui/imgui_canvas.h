// The Canvas drawn into a Dear ImGui draw list: how the window shows figures.
#pragma once

#include "render/canvas.h"

#include <imgui.h>

namespace actlab::ui {

struct FontSet;

class ImGuiCanvas final : public Canvas {
public:
    ImGuiCanvas(ImDrawList* draw_list, const FontSet& fonts) : draw_list_(draw_list), fonts_(fonts) {}

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

private:
    ImFont* FontFor(float size) const;

    ImDrawList* draw_list_;
    const FontSet& fonts_;
};

} // namespace actlab::ui
