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
    static constexpr std::array<const char*, kUniformCount> kUniformNames = {
        "u_rect",        "u_cells",        "u_values", "u_negative", "u_neutral",      "u_positive",
        "u_value_scale", "u_value_offset", "u_greyed", "u_classes",  "u_class_colors", "u_floor"};
    for (std::size_t i = 0; i < kUniformNames.size(); ++i)
        uniform_[i] = program_.Uniform(kUniformNames[i]);
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
    glUniform4f(uniform_[kRect], 2.0f * paint.x0 / width - 1.0f, 1.0f - 2.0f * paint.y0 / height,
                2.0f * paint.x1 / width - 1.0f, 1.0f - 2.0f * paint.y1 / height);
    glUniform1f(uniform_[kCells],
                static_cast<float>(values.Width())); // a class map's maps are square: n × n each
    glUniform1i(uniform_[kValues], 0);
    SetColor(uniform_[kNegative], paint.colors.negative);
    SetColor(uniform_[kNeutral], paint.colors.neutral);
    SetColor(uniform_[kPositive], paint.colors.positive);
    glUniform1f(uniform_[kValueScale], paint.value_scale);
    glUniform1f(uniform_[kValueOffset], paint.value_offset);
    glUniform1i(uniform_[kGreyed], paint.greyed ? 1 : 0);
    const std::size_t classes = std::min(paint.classes, kMaxClassColors);
    glUniform1i(uniform_[kClasses], static_cast<GLint>(classes));
    glUniform1f(uniform_[kFloor], paint.probability_floor);
    std::array<float, 4 * kMaxClassColors> class_colors{};
    std::size_t channel = 0;
    for (const Color& c : paint.class_colors) {
        for (const std::uint8_t value : {c.r, c.g, c.b, c.a})
            class_colors[channel++] = static_cast<float>(value);
    }
    glUniform4fv(uniform_[kClassColors], static_cast<GLsizei>(kMaxClassColors), class_colors.data());
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
}

} // namespace actlab
