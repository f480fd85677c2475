// GPU heatmaps (see heatmap_painter.h).
#include "render/heatmap_painter.h"

#include "render/shader_sources.h"

#include <glad/gl.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace actlab {

namespace {

void SetColor(int location, Color c) {
    glUniform4f(location, static_cast<float>(c.r), static_cast<float>(c.g), static_cast<float>(c.b),
                static_cast<float>(c.a));
}

} // namespace

std::optional<HeatmapPainter> HeatmapPainter::Create(std::string& error) {
    return CreateFromSources(shaders::HeatmapVertexShader, shaders::HeatmapFragmentShader, error);
}

std::optional<HeatmapPainter> HeatmapPainter::CreateFromSources(std::string_view vertex_source,
                                                                std::string_view fragment_source,
                                                                std::string& error) {
    std::optional<ShaderProgram> program =
        ShaderProgram::Build(vertex_source, fragment_source, "heatmap", error);
    if (!program) return std::nullopt;
    return HeatmapPainter(std::move(*program), EmptyVertexArray::Create());
}

HeatmapPainter::HeatmapPainter(ShaderProgram program, EmptyVertexArray quad)
    : program_(std::move(program)), quad_(std::move(quad)) {
    u_rect_ = program_.Uniform("u_rect");
    u_cells_ = program_.Uniform("u_cells");
    u_values_ = program_.Uniform("u_values");
    u_negative_ = program_.Uniform("u_negative");
    u_neutral_ = program_.Uniform("u_neutral");
    u_positive_ = program_.Uniform("u_positive");
    u_value_scale_ = program_.Uniform("u_value_scale");
    u_value_offset_ = program_.Uniform("u_value_offset");
    u_greyed_ = program_.Uniform("u_greyed");
    u_classes_ = program_.Uniform("u_classes");
    u_class_colors_ = program_.Uniform("u_class_colors");
    u_floor_ = program_.Uniform("u_floor");
}

void HeatmapPainter::Paint(Texture& values, const HeatmapPaint& paint) const {
    const float width = static_cast<float>(paint.framebuffer_width);
    const float height = static_cast<float>(paint.framebuffer_height);
    if (width <= 0.0f || height <= 0.0f) return;
    // The scissor box counts rows from the bottom; an empty clip draws nothing.
    const float cx0 = std::max(paint.clip_x0, 0.0f), cy0 = std::max(paint.clip_y0, 0.0f);
    const float cx1 = std::min(paint.clip_x1, width), cy1 = std::min(paint.clip_y1, height);
    if (cx1 <= cx0 || cy1 <= cy0) return;
    glViewport(0, 0, paint.framebuffer_width, paint.framebuffer_height);
    glEnable(GL_SCISSOR_TEST);
    glScissor(static_cast<GLint>(cx0), static_cast<GLint>(height - cy1), static_cast<GLsizei>(cx1 - cx0),
              static_cast<GLsizei>(cy1 - cy0));

    program_.Use();
    quad_.Bind();
    values.SetSmooth(paint.smooth);
    values.Bind(0);
    // Pixels to normalised device coordinates: x ↦ 2x/w − 1, y ↦ 1 − 2y/h (y grows downwards).
    glUniform4f(u_rect_, 2.0f * paint.x0 / width - 1.0f, 1.0f - 2.0f * paint.y0 / height,
                2.0f * paint.x1 / width - 1.0f, 1.0f - 2.0f * paint.y1 / height);
    glUniform1f(u_cells_, static_cast<float>(values.Width())); // a class map's maps are square: n × n each
    glUniform1i(u_values_, 0);
    SetColor(u_negative_, paint.colors.negative);
    SetColor(u_neutral_, paint.colors.neutral);
    SetColor(u_positive_, paint.colors.positive);
    glUniform1f(u_value_scale_, paint.value_scale);
    glUniform1f(u_value_offset_, paint.value_offset);
    glUniform1i(u_greyed_, paint.greyed ? 1 : 0);
    const std::size_t classes = std::min(paint.classes, kMaxClassColors);
    glUniform1i(u_classes_, static_cast<GLint>(classes));
    glUniform1f(u_floor_, paint.probability_floor);
    std::array<float, 4 * kMaxClassColors> class_colors{};
    std::size_t channel = 0;
    for (const Color& c : paint.class_colors) {
        for (const std::uint8_t value : {c.r, c.g, c.b, c.a})
            class_colors[channel++] = static_cast<float>(value);
    }
    glUniform4fv(u_class_colors_, static_cast<GLsizei>(kMaxClassColors), class_colors.data());
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
}

} // namespace actlab
