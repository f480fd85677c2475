// The CPU heatmap mesh and the choice between it and a GPU renderer (see heatmap_renderer.h).
#include "ui/heatmap_renderer.h"

#include "render/heat_color.h"

#include <algorithm>

namespace actlab::ui {

void DrawHeatmapMesh(ImDrawList* draw, const HeatmapGrid& grid, ImVec2 p0, ImVec2 p1,
                     const HeatmapStyle& style) {
    const std::size_t n = grid.n;
    if (n < 2 || grid.values == nullptr) return;
    const int vertices = static_cast<int>(n * n);
    const int indices = static_cast<int>((n - 1) * (n - 1) * 6);
    draw->PrimReserve(indices, vertices);
    const ImDrawIdx base = static_cast<ImDrawIdx>(draw->_VtxCurrentIdx);
    const ImVec2 uv = ImGui::GetFontTexUvWhitePixel();
    const float step_x = (p1.x - p0.x) / static_cast<float>(n - 1);
    const float step_y = (p1.y - p0.y) / static_cast<float>(n - 1);
    for (std::size_t r = 0; r < n; ++r) {
        for (std::size_t c = 0; c < n; ++c) {
            const ImVec2 pos{p0.x + step_x * static_cast<float>(c), p0.y + step_y * static_cast<float>(r)};
            Color color;
            if (style.classes > 0) {
                const float* at = grid.values + r * n + c;
                const std::size_t k = MostLikelyClass(at, std::min(style.classes, kMaxClassColors), n * n);
                color = ClassMapColor(style.colors.neutral, style.class_colors[k], at[k * n * n],
                                      style.probability_floor);
            } else {
                const float v = style.value_scale * grid.values[r * n + c] + style.value_offset;
                color = HeatColor(style.colors, v, style.greyed);
            }
            draw->PrimWriteVtx(pos, uv, IM_COL32(color.r, color.g, color.b, color.a));
        }
    }
    for (std::size_t r = 0; r + 1 < n; ++r) {
        for (std::size_t c = 0; c + 1 < n; ++c) {
            const auto at = [&](std::size_t rr, std::size_t cc) {
                return static_cast<ImDrawIdx>(base + rr * n + cc);
            };
            draw->PrimWriteIdx(at(r, c));
            draw->PrimWriteIdx(at(r, c + 1));
            draw->PrimWriteIdx(at(r + 1, c + 1));
            draw->PrimWriteIdx(at(r, c));
            draw->PrimWriteIdx(at(r + 1, c + 1));
            draw->PrimWriteIdx(at(r + 1, c));
        }
    }
}

void DrawHeatmap(HeatmapRenderer* renderer, ImDrawList* draw, const HeatmapGrid& grid, ImVec2 p0, ImVec2 p1,
                 const HeatmapStyle& style) {
    if (renderer)
        renderer->Draw(draw, grid, p0, p1, style);
    else
        DrawHeatmapMesh(draw, grid, p0, p1, style);
}

} // namespace actlab::ui
