// Heatmaps colour-mapped on the GPU: a grid of floats in an R32F Texture drawn as one quad whose
// fragment shader (shaders/heatmap.frag) applies the panel's diverging colour map. Knows nothing
// of Dear ImGui: the caller says where in the framebuffer to paint and what to clip to.
#pragma once

#include "render/figure_theme.h"
#include "render/gl_resources.h"
#include "render/heat_color.h"

#include <array>
#include <cstddef>

#include <optional>
#include <string>
#include <string_view>

namespace actlab {

struct HeatmapPaint {
    // The quad and the clip rectangle in framebuffer pixels, origin at the top left.
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    float clip_x0 = 0, clip_y0 = 0, clip_x1 = 0, clip_y1 = 0;
    int framebuffer_width = 0, framebuffer_height = 0;
    NetworkColors colors;
    bool greyed = false;      // a dead neuron
    bool smooth = true;       // interpolate values between cell centres (else flat cells)
    float value_scale = 1.0f; // the map is applied to scale · value + offset
    float value_offset = 0.0f;
    // A class map (see ClassMapColor): `classes` > 0 probability maps stacked in the texture's rows
    // (its height is classes × its width), coloured by class_colors with `probability_floor` neutral.
    std::size_t classes = 0;
    std::array<Color, kMaxClassColors> class_colors{};
    float probability_floor = 0.0f;
};

class HeatmapPainter {
public:
    // Compiles the embedded shaders/heatmap.{vert,frag}. nullopt with `error` (naming the stage,
    // with the driver's log) if they do not compile or link.
    static std::optional<HeatmapPainter> Create(std::string& error);
    // The same with other sources (tests of the error path).
    static std::optional<HeatmapPainter>
    CreateFromSources(std::string_view vertex_source, std::string_view fragment_source, std::string& error);

    // Draws `values` (cells × cells texels, row 0 at the top of the quad). Changes the program,
    // vertex array, texture unit 0, viewport and scissor, and restores none of them: a caller
    // drawing other things afterwards resets its own state (Dear ImGui: ImDrawCallback_ResetRenderState).
    void Paint(Texture& values, const HeatmapPaint& paint) const;

private:
    HeatmapPainter(ShaderProgram program, EmptyVertexArray quad);

    ShaderProgram program_;
    EmptyVertexArray quad_;
    // The shader's uniforms, in the order of kUniformNames (heatmap_painter.cpp).
    enum Uniform {
        kRect,
        kCells,
        kValues,
        kNegative,
        kNeutral,
        kPositive,
        kValueScale,
        kValueOffset,
        kGreyed,
        kClasses,
        kClassColors,
        kFloor,
        kUniformCount
    };
    std::array<int, kUniformCount> uniform_{};
};

} // namespace actlab
