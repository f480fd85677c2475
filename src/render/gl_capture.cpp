// OpenGL loading and read-back (see gl_capture.h).
#include "render/gl_capture.h"

#include <glad/gl.h>

#include <algorithm>
#include <cstring>

namespace actlab {

bool LoadOpenGl(GlProcLoader loader) {
    return gladLoadGL(loader) != 0;
}

void ClearFramebuffer(int width, int height, std::uint8_t r, std::uint8_t g, std::uint8_t b) {
    glViewport(0, 0, width, height);
    glClearColor(static_cast<float>(r) / 255.0f, static_cast<float>(g) / 255.0f,
                 static_cast<float>(b) / 255.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
}

std::vector<std::uint8_t> ReadPixelsRgba(int width, int height, bool keep_alpha,
                                         std::vector<std::uint8_t> storage) {
    const std::size_t row = static_cast<std::size_t>(width) * 4;
    std::vector<std::uint8_t> pixels = std::move(storage);
    pixels.resize(row * static_cast<std::size_t>(height));
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    std::vector<std::uint8_t> swapped(row);
    for (int y = 0; y < height / 2; ++y) {
        std::uint8_t* top = pixels.data() + static_cast<std::size_t>(y) * row;
        std::uint8_t* bottom = pixels.data() + static_cast<std::size_t>(height - 1 - y) * row;
        std::memcpy(swapped.data(), top, row);
        std::memcpy(top, bottom, row);
        std::memcpy(bottom, swapped.data(), row);
    }
    if (keep_alpha) return pixels;
    // A window's alpha channel is whatever the last blend left; screenshots are opaque.
    for (std::size_t i = 3; i < pixels.size(); i += 4)
        pixels[i] = 255;
    return pixels;
}

GlBindingsScope::GlBindingsScope() {
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &draw_framebuffer_);
    glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &read_framebuffer_);
    glGetIntegerv(GL_VIEWPORT, viewport_);
}

GlBindingsScope::~GlBindingsScope() {
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(draw_framebuffer_));
    glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(read_framebuffer_));
    glViewport(viewport_[0], viewport_[1], viewport_[2], viewport_[3]);
}

} // namespace actlab
