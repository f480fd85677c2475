// The window: GLFW, an OpenGL 3.3 core context and Dear ImGui's GLFW and OpenGL3 backends. This is
// the one place that includes GLFW and the backends.
#pragma once

#include "render/canvas.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace actlab::app {

struct WindowOptions {
    int width = 1600;
    int height = 1000;
    bool fixed_size = false; // screenshots: exactly width × height, not clamped to the monitor
    bool fullscreen = false;
    bool gl_debug = false; // a debug context whose OpenGL errors are printed and counted
};

class PlatformWindow {
public:
    // Opens the window and initialises ImGui's backends on the current ImGui context. On failure
    // returns nullptr and sets `error` (e.g. no display).
    static std::unique_ptr<PlatformWindow> Open(const WindowOptions& options, std::string& error);
    ~PlatformWindow();
    PlatformWindow(const PlatformWindow&) = delete;
    PlatformWindow& operator=(const PlatformWindow&) = delete;

    bool ShouldClose() const;
    void RequestClose();
    void BeginFrame(bool wait_while_minimised = true); // poll events, backends' NewFrame
    void Render(Color clear); // draw ImGui's draw data into the back buffer (none at 0×0)
    void Present();           // swap buffers
    std::vector<std::uint8_t> CaptureRgba(int& width, int& height) const; // the back buffer
    void RebuildFontTexture();                                            // after the font atlas changed
    void SetFullscreen(bool fullscreen);
    float ContentScale() const; // the monitor's (HiDPI)
    void WindowSize(int& width, int& height) const;
    bool Minimised() const;
    void Iconify();
    void Restore();
    void SetWindowSize(int width, int height);
    void FramebufferSize(int& width, int& height) const;
    // With gl_debug: drains glGetError after `where` and returns the OpenGL errors so far (each
    // already printed on stderr as "actlab: GL error: ..."); 0 without gl_debug.
    int CheckGlErrors(const std::string& where);

private:
    PlatformWindow() = default;
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace actlab::app
