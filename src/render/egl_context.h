// An OpenGL 3.3 core context with no display at all: EGL on Mesa's surfaceless platform. Used by
// headless PNG export (`actlab render`), which draws into a Framebuffer, never to a window.
#pragma once

#include "render/gl_capture.h"

#include <optional>
#include <string>

namespace actlab {

class EglContext {
public:
    // Creates the context, makes it current on this thread and loads OpenGL through glad. On failure
    // returns nullopt and sets `error` ("no EGL display on Mesa's surfaceless platform ...").
    static std::optional<EglContext> Create(std::string& error);

    EglContext(EglContext&& other) noexcept;
    EglContext& operator=(EglContext&& other) noexcept;
    EglContext(const EglContext&) = delete;
    EglContext& operator=(const EglContext&) = delete;
    ~EglContext();

    // eglGetProcAddress, for loaders other than ours (Dear ImGui's OpenGL3 backend).
    static GlProcLoader ProcLoader();

private:
    EglContext() = default;
    void Release();

    void* display_ = nullptr; // EGLDisplay
    void* context_ = nullptr; // EGLContext
};

// An offscreen framebuffer; with samples, multisampled and resolved into a single-sample one for
// reading back.
class Framebuffer {
public:
    // width × height pixels with up to `samples` samples a pixel (0: not multisampled; fewer if the
    // driver allows fewer).
    static std::optional<Framebuffer> Create(int width, int height, int samples, std::string& error);

    Framebuffer(Framebuffer&& other) noexcept;
    Framebuffer& operator=(Framebuffer&& other) noexcept;
    Framebuffer(const Framebuffer&) = delete;
    Framebuffer& operator=(const Framebuffer&) = delete;
    ~Framebuffer();

    // Binds the (multisampled) buffer for drawing and clears it to transparent black: drawn with
    // ImGui's blending (src α, 1 − src α for colour; 1, 1 − src α for alpha) the result is then the
    // premultiplied composite, which ReadRgba turns back into straight alpha.
    void BeginDrawing();
    // Resolves the samples and reads the pixels: RGBA, straight alpha, top row first; into
    // `storage` when given (an animation's frames reuse their buffers).
    std::vector<std::uint8_t> ReadRgba(std::vector<std::uint8_t> storage = {});

    int Width() const { return width_; }
    int Height() const { return height_; }
    int Samples() const { return samples_; }

private:
    Framebuffer() = default;
    void Release();

    int width_ = 0, height_ = 0, samples_ = 0;
    unsigned multisampled_fbo_ = 0, multisampled_colour_ = 0;
    unsigned resolved_fbo_ = 0, resolved_colour_ = 0;
};

} // namespace actlab
