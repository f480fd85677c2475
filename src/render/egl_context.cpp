// EGL surfaceless context and offscreen framebuffers (see egl_context.h). libEGL comes from
// Debian's libegl-dev (GLVND), which dispatches to Mesa; OpenGL itself goes through glad.
#include "render/egl_context.h"

#include <glad/gl.h>

// Only the surfaceless platform is used: keep X11 headers out.
#define EGL_NO_X11
#include <EGL/egl.h>
#include <EGL/eglext.h>

#include <algorithm>
#include <cstdio>
#include <utility>

namespace actlab {

namespace {

std::string EglError(const char* what) {
    char code[16];
    std::snprintf(code, sizeof code, "0x%04x", static_cast<unsigned>(eglGetError()));
    return std::string(what) + " (EGL error " + code + ")";
}

GlProc EglProc(const char* name) {
    return eglGetProcAddress(name);
}

} // namespace

std::optional<EglContext> EglContext::Create(std::string& error) {
    // Surfaceless: no X server, no Wayland, no GPU device node needed (llvmpipe renders in memory).
    const auto get_platform_display =
        reinterpret_cast<PFNEGLGETPLATFORMDISPLAYEXTPROC>(eglGetProcAddress("eglGetPlatformDisplayEXT"));
    if (get_platform_display == nullptr) {
        error = "EGL has no eglGetPlatformDisplayEXT (EGL_EXT_platform_base); install libegl-mesa0";
        return std::nullopt;
    }
    EGLDisplay display = get_platform_display(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
    if (display == EGL_NO_DISPLAY) {
        error = EglError("no EGL display on Mesa's surfaceless platform; install libegl-mesa0");
        return std::nullopt;
    }
    EglContext result;
    result.display_ = display;
    EGLint major = 0, minor = 0;
    if (eglInitialize(display, &major, &minor) == EGL_FALSE) {
        error = EglError("cannot initialise EGL");
        return std::nullopt;
    }
    // Mesa's surfaceless platform lists only pbuffer-capable configs: without EGL_PBUFFER_BIT
    // eglChooseConfig finds none, although no pbuffer is ever created.
    const EGLint config_attributes[] = {EGL_SURFACE_TYPE,
                                        EGL_PBUFFER_BIT,
                                        EGL_RENDERABLE_TYPE,
                                        EGL_OPENGL_BIT,
                                        EGL_RED_SIZE,
                                        8,
                                        EGL_GREEN_SIZE,
                                        8,
                                        EGL_BLUE_SIZE,
                                        8,
                                        EGL_ALPHA_SIZE,
                                        8,
                                        EGL_NONE};
    EGLConfig config = nullptr;
    EGLint configs = 0;
    if (eglChooseConfig(display, config_attributes, &config, 1, &configs) == EGL_FALSE || configs < 1) {
        error = EglError("no EGL config for desktop OpenGL with 8-bit RGBA");
        return std::nullopt;
    }
    if (eglBindAPI(EGL_OPENGL_API) == EGL_FALSE) {
        error = EglError("EGL cannot bind the desktop OpenGL API");
        return std::nullopt;
    }
    const EGLint context_attributes[] = {EGL_CONTEXT_MAJOR_VERSION,
                                         3,
                                         EGL_CONTEXT_MINOR_VERSION,
                                         3,
                                         EGL_CONTEXT_OPENGL_PROFILE_MASK,
                                         EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
                                         EGL_NONE};
    EGLContext context = eglCreateContext(display, config, EGL_NO_CONTEXT, context_attributes);
    if (context == EGL_NO_CONTEXT) {
        error = EglError("cannot create an OpenGL 3.3 core context with EGL");
        return std::nullopt;
    }
    result.context_ = context;
    if (eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context) == EGL_FALSE) {
        error =
            EglError("cannot make the EGL context current without a surface (EGL_KHR_surfaceless_context)");
        return std::nullopt;
    }
    if (!LoadOpenGl(EglProc)) {
        error = "cannot load OpenGL 3.3 core functions through EGL";
        return std::nullopt;
    }
    return result;
}

GlProcLoader EglContext::ProcLoader() {
    return EglProc;
}

EglContext::EglContext(EglContext&& other) noexcept
    : display_(std::exchange(other.display_, nullptr)), context_(std::exchange(other.context_, nullptr)) {}

EglContext& EglContext::operator=(EglContext&& other) noexcept {
    if (this != &other) {
        Release();
        display_ = std::exchange(other.display_, nullptr);
        context_ = std::exchange(other.context_, nullptr);
    }
    return *this;
}

EglContext::~EglContext() {
    Release();
}

void EglContext::Release() {
    if (display_ == nullptr) return;
    eglMakeCurrent(display_, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
    if (context_ != nullptr) eglDestroyContext(display_, context_);
    eglTerminate(display_);
    display_ = nullptr;
    context_ = nullptr;
}

std::optional<Framebuffer> Framebuffer::Create(int width, int height, int samples, std::string& error) {
    GLint max_size = 0, max_samples = 0;
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &max_size);
    glGetIntegerv(GL_MAX_SAMPLES, &max_samples);
    if (width < 1 || height < 1 || width > max_size || height > max_size) {
        error = "image size " + std::to_string(width) + "x" + std::to_string(height) +
                " exceeds OpenGL's limit of " + std::to_string(max_size) + " pixels a side";
        return std::nullopt;
    }
    Framebuffer fb;
    fb.width_ = width;
    fb.height_ = height;
    fb.samples_ = std::clamp(samples, 0, static_cast<int>(max_samples));

    // With samples, draw into a multisampled buffer and resolve into a plain one; without, draw
    // straight into the plain one.
    bool multisampled_ok = true;
    if (fb.samples_ > 0) {
        glGenRenderbuffers(1, &fb.multisampled_colour_);
        glBindRenderbuffer(GL_RENDERBUFFER, fb.multisampled_colour_);
        glRenderbufferStorageMultisample(GL_RENDERBUFFER, fb.samples_, GL_RGBA8, width, height);
        glGenFramebuffers(1, &fb.multisampled_fbo_);
        glBindFramebuffer(GL_FRAMEBUFFER, fb.multisampled_fbo_);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER,
                                  fb.multisampled_colour_);
        multisampled_ok = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    }
    glGenRenderbuffers(1, &fb.resolved_colour_);
    glBindRenderbuffer(GL_RENDERBUFFER, fb.resolved_colour_);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
    glGenFramebuffers(1, &fb.resolved_fbo_);
    glBindFramebuffer(GL_FRAMEBUFFER, fb.resolved_fbo_);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, fb.resolved_colour_);
    const bool resolved_ok = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    if (!multisampled_ok || !resolved_ok || glGetError() != GL_NO_ERROR) {
        error = "cannot create a " + std::to_string(width) + "x" + std::to_string(height) +
                " offscreen framebuffer";
        return std::nullopt;
    }
    return fb;
}

Framebuffer::Framebuffer(Framebuffer&& other) noexcept {
    *this = std::move(other);
}

Framebuffer& Framebuffer::operator=(Framebuffer&& other) noexcept {
    if (this != &other) {
        Release();
        width_ = std::exchange(other.width_, 0);
        height_ = std::exchange(other.height_, 0);
        samples_ = std::exchange(other.samples_, 0);
        multisampled_fbo_ = std::exchange(other.multisampled_fbo_, 0u);
        multisampled_colour_ = std::exchange(other.multisampled_colour_, 0u);
        resolved_fbo_ = std::exchange(other.resolved_fbo_, 0u);
        resolved_colour_ = std::exchange(other.resolved_colour_, 0u);
    }
    return *this;
}

Framebuffer::~Framebuffer() {
    Release();
}

void Framebuffer::Release() {
    if (multisampled_fbo_ != 0) glDeleteFramebuffers(1, &multisampled_fbo_);
    if (resolved_fbo_ != 0) glDeleteFramebuffers(1, &resolved_fbo_);
    if (multisampled_colour_ != 0) glDeleteRenderbuffers(1, &multisampled_colour_);
    if (resolved_colour_ != 0) glDeleteRenderbuffers(1, &resolved_colour_);
    multisampled_fbo_ = resolved_fbo_ = multisampled_colour_ = resolved_colour_ = 0;
}

void Framebuffer::BeginDrawing() {
    glBindFramebuffer(GL_FRAMEBUFFER, samples_ > 0 ? multisampled_fbo_ : resolved_fbo_);
    glViewport(0, 0, width_, height_);
    glClearColor(0.0f, 0.0f, 0.0f, 0.0f);
    glClear(GL_COLOR_BUFFER_BIT);
}

std::vector<std::uint8_t> Framebuffer::ReadRgba(std::vector<std::uint8_t> storage) {
    if (samples_ > 0) {
        glBindFramebuffer(GL_READ_FRAMEBUFFER, multisampled_fbo_);
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, resolved_fbo_);
        glBlitFramebuffer(0, 0, width_, height_, 0, 0, width_, height_, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    }
    glBindFramebuffer(GL_FRAMEBUFFER, resolved_fbo_);
    std::vector<std::uint8_t> pixels =
        ReadPixelsRgba(width_, height_, /*keep_alpha=*/true, std::move(storage));
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    // Straight alpha from premultiplied: c = c·α / α, rounded.
    for (std::size_t i = 0; i < pixels.size(); i += 4) {
        const unsigned alpha = pixels[i + 3];
        if (alpha == 255) continue;
        for (std::size_t k = 0; k < 3; ++k) {
            pixels[i + k] =
                alpha == 0
                    ? 0
                    : static_cast<std::uint8_t>(std::min(255u, (pixels[i + k] * 255u + alpha / 2) / alpha));
        }
    }
    return pixels;
}

} // namespace actlab
