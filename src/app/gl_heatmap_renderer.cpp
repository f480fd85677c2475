// GPU heatmaps inside Dear ImGui's draw lists (see gl_heatmap_renderer.h).
//
// Dear ImGui 1.86's OpenGL3 backend calls a user callback in place of a draw command, with its own
// state set up (blending, scissor test on, its program, vertex array and sampler) but without the
// callback command's scissor rectangle; so the callback sets the scissor from the command's clip
// rectangle, draws, and the ImDrawCallback_ResetRenderState queued after it restores the backend's
// state for the items that follow.
#include "app/gl_heatmap_renderer.h"

#include "render/gl_resources.h"
#include "render/heatmap_painter.h"

#include <algorithm>
#include <map>
#include <optional>
#include <utility>

namespace actlab::app {

namespace {

class GlHeatmapRenderer final : public ui::HeatmapRenderer {
public:
    explicit GlHeatmapRenderer(HeatmapPainter painter) : painter_(std::move(painter)) {}

    void Draw(ImDrawList* draw, const ui::HeatmapGrid& grid, ImVec2 p0, ImVec2 p1,
              const ui::HeatmapStyle& style) override {
        if (grid.n < 2 || grid.values == nullptr) return;
        Slot& slot = slots_[grid.slot];
        const int n = static_cast<int>(grid.n);
        const int rows = n * static_cast<int>(std::clamp<std::size_t>(style.classes, 1, kMaxClassColors));
        if (!slot.texture || slot.texture->Width() != n || slot.texture->Height() != rows) {
            slot.texture = Texture::CreateR32F(n, rows);
            slot.uploaded = false;
        }
        if (!slot.uploaded || slot.generation != grid.generation) {
            slot.texture->Update(grid.values);
            slot.generation = grid.generation;
            slot.uploaded = true;
        }
        // The callback runs after this frame is built: it reads the slot, which keeps the last
        // rectangle and style drawn with it (each heatmap is drawn once a frame).
        slot.owner = this;
        slot.p0 = p0;
        slot.p1 = p1;
        slot.style = style;
        draw->AddCallback(&GlHeatmapRenderer::Paint, &slot);
        draw->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
    }

private:
    struct Slot {
        std::optional<Texture> texture;
        std::size_t generation = 0;
        bool uploaded = false;
        GlHeatmapRenderer* owner = nullptr;
        ImVec2 p0, p1;
        ui::HeatmapStyle style;
    };

    static void Paint(const ImDrawList*, const ImDrawCmd* command) {
        Slot& slot = *static_cast<Slot*>(command->UserCallbackData);
        const ImDrawData* data = ImGui::GetDrawData();
        if (data == nullptr || !slot.texture) return;
        // ImGui coordinates to framebuffer pixels, as the backend maps its clip rectangles.
        const ImVec2 origin = data->DisplayPos, scale = data->FramebufferScale;
        const auto x = [&](float v) { return (v - origin.x) * scale.x; };
        const auto y = [&](float v) { return (v - origin.y) * scale.y; };
        HeatmapPaint paint;
        paint.x0 = x(slot.p0.x);
        paint.y0 = y(slot.p0.y);
        paint.x1 = x(slot.p1.x);
        paint.y1 = y(slot.p1.y);
        paint.clip_x0 = x(command->ClipRect.x);
        paint.clip_y0 = y(command->ClipRect.y);
        paint.clip_x1 = x(command->ClipRect.z);
        paint.clip_y1 = y(command->ClipRect.w);
        paint.framebuffer_width = static_cast<int>(data->DisplaySize.x * scale.x);
        paint.framebuffer_height = static_cast<int>(data->DisplaySize.y * scale.y);
        paint.colors = slot.style.colors;
        paint.greyed = slot.style.greyed;
        paint.smooth = slot.style.smooth;
        paint.value_scale = slot.style.value_scale;
        paint.value_offset = slot.style.value_offset;
        paint.classes = slot.style.classes;
        paint.class_colors = slot.style.class_colors;
        paint.probability_floor = slot.style.probability_floor;
        slot.owner->painter_.Paint(*slot.texture, paint);
    }

    HeatmapPainter painter_;
    std::map<std::size_t, Slot> slots_; // node slots and the output plane; map nodes never move
};

} // namespace

std::unique_ptr<ui::HeatmapRenderer> CreateGlHeatmapRenderer(std::string& error) {
    std::optional<HeatmapPainter> painter = HeatmapPainter::Create(error);
    if (!painter) return nullptr;
    return std::make_unique<GlHeatmapRenderer>(std::move(*painter));
}

} // namespace actlab::app
