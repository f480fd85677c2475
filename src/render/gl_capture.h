// Reading back what OpenGL drew, and loading OpenGL's functions (glad stays inside src/render).
#pragma once

#include <cstdint>
#include <vector>

namespace actlab {

using GlProc = void (*)();
using GlProcLoader = GlProc (*)(const char* name);

// Loads the OpenGL 3.3 core functions through the windowing library's loader; false if that fails.
bool LoadOpenGl(GlProcLoader loader);

// Sets the viewport to the whole framebuffer and clears it to an opaque colour.
void ClearFramebuffer(int width, int height, std::uint8_t r, std::uint8_t g, std::uint8_t b);

// The current read framebuffer as RGBA, top row first (OpenGL's rows start at the bottom). Alpha is
// set opaque unless `keep_alpha`: a window's alpha channel is whatever the last blend left.
// `storage`, if given, is reused for the pixels: frame after frame, no new memory to fault in.
std::vector<std::uint8_t> ReadPixelsRgba(int width, int height, bool keep_alpha = false,
                                         std::vector<std::uint8_t> storage = {});

// Saves the framebuffer bindings (draw and read) and the viewport, and puts them back when it goes:
// an export drawn offscreen in the window's context leaves the window's drawing as it was.
class GlBindingsScope {
public:
    GlBindingsScope();
    ~GlBindingsScope();
    GlBindingsScope(const GlBindingsScope&) = delete;
    GlBindingsScope& operator=(const GlBindingsScope&) = delete;

private:
    int draw_framebuffer_ = 0, read_framebuffer_ = 0;
    int viewport_[4] = {0, 0, 0, 0};
};

} // namespace actlab
