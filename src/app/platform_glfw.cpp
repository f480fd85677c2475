// GLFW window, OpenGL context and ImGui backends (see platform.h).
#include "app/platform.h"

#include "render/gl_capture.h"
#include "render/gl_debug.h"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>

namespace actlab::app {

namespace {

std::string g_last_glfw_error; // GLFW reports errors through a C callback without user data

void RecordGlfwError(int code, const char* description) {
    g_last_glfw_error = std::string(description ? description : "unknown error") + " (GLFW error " +
                        std::to_string(code) + ")";
}

bool HasDisplay() {
    const char* x11 = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    return (x11 && *x11) || (wayland && *wayland);
}

} // namespace

struct PlatformWindow::Impl {
    GLFWwindow* window = nullptr;
    int windowed_x = 100, windowed_y = 100, windowed_w = 1600, windowed_h = 1000;
    bool backends_ready = false;
    std::unique_ptr<GlDebugLog> gl_debug; // outlives the context: the driver points at it
};

std::unique_ptr<PlatformWindow> PlatformWindow::Open(const WindowOptions& options, std::string& error) {
    glfwSetErrorCallback(RecordGlfwError);
    if (!HasDisplay() || !glfwInit()) {
        error = "no display found; run it in a desktop session, or under xvfb-run";
        return nullptr;
    }
    std::unique_ptr<PlatformWindow> platform(new PlatformWindow);
    platform->impl_ = std::make_unique<Impl>();
    Impl& impl = *platform->impl_;

    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    glfwWindowHint(GLFW_SAMPLES, 4);
    glfwWindowHint(GLFW_OPENGL_DEBUG_CONTEXT, options.gl_debug ? GLFW_TRUE : GLFW_FALSE);
    int width = options.width, height = options.height;
    if (!options.fixed_size) {
        if (GLFWmonitor* monitor = glfwGetPrimaryMonitor()) {
            int x = 0, y = 0, w = 0, h = 0;
            glfwGetMonitorWorkarea(monitor, &x, &y, &w, &h);
            if (w > 0 && h > 0) {
                width = std::min(width, w);
                height = std::min(height, h);
            }
        }
    }
    impl.window = glfwCreateWindow(width, height, "ActLab", nullptr, nullptr);
    if (!impl.window) {
        error = "cannot open a window with OpenGL 3.3: " + g_last_glfw_error;
        glfwTerminate();
        return nullptr;
    }
    glfwMakeContextCurrent(impl.window);
    glfwSwapInterval(1);
    if (!LoadOpenGl(glfwGetProcAddress)) {
        error = "cannot load the OpenGL 3.3 functions";
        glfwDestroyWindow(impl.window);
        glfwTerminate();
        return nullptr;
    }
    if (options.gl_debug) {
        impl.gl_debug = std::make_unique<GlDebugLog>();
        if (const std::string why = impl.gl_debug->Install(glfwGetProcAddress); !why.empty()) {
            error = "--gl-debug: " + why;
            glfwDestroyWindow(impl.window);
            glfwTerminate();
            return nullptr;
        }
    }
    ImGui_ImplGlfw_InitForOpenGL(impl.window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    impl.backends_ready = true;
    if (options.fullscreen) platform->SetFullscreen(true);
    return platform;
}

PlatformWindow::~PlatformWindow() {
    if (!impl_) return;
    if (impl_->backends_ready) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
    }
    if (impl_->window) glfwDestroyWindow(impl_->window);
    glfwTerminate();
}

bool PlatformWindow::ShouldClose() const {
    return glfwWindowShouldClose(impl_->window) != 0;
}

void PlatformWindow::RequestClose() {
    glfwSetWindowShouldClose(impl_->window, GLFW_TRUE);
}

void PlatformWindow::BeginFrame(bool wait_while_minimised) {
    glfwPollEvents();
    // A minimised window has a zero-sized framebuffer: wait instead of spinning.
    while (wait_while_minimised && Minimised() && !ShouldClose())
        glfwWaitEventsTimeout(0.1);
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
}

void PlatformWindow::Render(Color clear) {
    int width = 0, height = 0;
    glfwGetFramebufferSize(impl_->window, &width, &height);
    if (width > 0 && height > 0) ClearFramebuffer(width, height, clear.r, clear.g, clear.b);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void PlatformWindow::Present() {
    glfwSwapBuffers(impl_->window);
}

std::vector<std::uint8_t> PlatformWindow::CaptureRgba(int& width, int& height) const {
    glfwGetFramebufferSize(impl_->window, &width, &height);
    return ReadPixelsRgba(width, height);
}

void PlatformWindow::RebuildFontTexture() {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

void PlatformWindow::SetFullscreen(bool fullscreen) {
    Impl& impl = *impl_;
    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
    if (fullscreen && monitor) {
        glfwGetWindowPos(impl.window, &impl.windowed_x, &impl.windowed_y);
        glfwGetWindowSize(impl.window, &impl.windowed_w, &impl.windowed_h);
        const GLFWvidmode* mode = glfwGetVideoMode(monitor);
        glfwSetWindowMonitor(impl.window, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
    } else if (!fullscreen) {
        glfwSetWindowMonitor(impl.window, nullptr, impl.windowed_x, impl.windowed_y, impl.windowed_w,
                             impl.windowed_h, GLFW_DONT_CARE);
    }
}

float PlatformWindow::ContentScale() const {
    float x = 1.0f, y = 1.0f;
    glfwGetWindowContentScale(impl_->window, &x, &y);
    return std::clamp(std::max(x, y), 1.0f, 4.0f);
}

void PlatformWindow::WindowSize(int& width, int& height) const {
    glfwGetWindowSize(impl_->window, &width, &height);
}

bool PlatformWindow::Minimised() const {
    int width = 0, height = 0;
    glfwGetFramebufferSize(impl_->window, &width, &height);
    return width <= 0 || height <= 0 || glfwGetWindowAttrib(impl_->window, GLFW_ICONIFIED) != 0;
}

void PlatformWindow::Iconify() {
    glfwIconifyWindow(impl_->window);
}

void PlatformWindow::Restore() {
    glfwRestoreWindow(impl_->window);
}

void PlatformWindow::SetWindowSize(int width, int height) {
    glfwSetWindowSize(impl_->window, width, height);
}

void PlatformWindow::FramebufferSize(int& width, int& height) const {
    glfwGetFramebufferSize(impl_->window, &width, &height);
}

int PlatformWindow::CheckGlErrors(const std::string& where) {
    if (!impl_->gl_debug) return 0;
    impl_->gl_debug->CheckErrors(where);
    return impl_->gl_debug->Errors();
}

} // namespace actlab::app
