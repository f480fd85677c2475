// Move-only owners of OpenGL objects: a single-channel float texture, a linked shader program and
// an empty vertex array (for draws whose vertices come from gl_VertexID). Each deletes its object
// when destroyed; a current OpenGL 3.3 context (with glad loaded) is needed throughout.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace actlab {

// A width × height texture of one 32-bit float per texel (GL_R32F), row 0 first.
class Texture {
public:
    static Texture CreateR32F(int width, int height);
    // A width × height RGBA texture (8 bits a channel, straight alpha) holding `rgba`, row 0 first.
    static Texture CreateRgba8(int width, int height, const unsigned char* rgba);

    Texture(Texture&& other) noexcept;
    Texture& operator=(Texture&& other) noexcept;
    Texture(const Texture&) = delete;
    Texture& operator=(const Texture&) = delete;
    ~Texture();

    // Replaces every texel (width·height floats) with glTexSubImage2D: no reallocation.
    void Update(const float* values);
    // Linear filtering interpolates between texel centres; otherwise each texel is a flat cell.
    void SetSmooth(bool smooth);
    void Bind(unsigned unit) const;

    int Width() const { return width_; }
    int Height() const { return height_; }
    unsigned Id() const { return id_; } // the GL name, for ImGui::Image

private:
    Texture() = default;
    void Release();

    unsigned id_ = 0;
    int width_ = 0, height_ = 0;
    int smooth_ = -1; // the filter last set: −1 none yet, 0 nearest, 1 linear
};

class ShaderProgram {
public:
    // Compiles and links the two stages. On failure returns nullopt and sets `error` to which stage
    // failed and the driver's log ("fragment shader heatmap.frag does not compile: 0:12(3): error
    // ..."), so that a broken shader is a message, not a crash.
    static std::optional<ShaderProgram> Build(std::string_view vertex_source,
                                              std::string_view fragment_source, std::string_view name,
                                              std::string& error);

    ShaderProgram(ShaderProgram&& other) noexcept;
    ShaderProgram& operator=(ShaderProgram&& other) noexcept;
    ShaderProgram(const ShaderProgram&) = delete;
    ShaderProgram& operator=(const ShaderProgram&) = delete;
    ~ShaderProgram();

    void Use() const;
    // −1 when the program has no such active uniform (setting −1 is a no-op in OpenGL).
    int Uniform(const char* name) const;

private:
    ShaderProgram() = default;
    void Release();

    unsigned id_ = 0;
};

// A vertex array with no attributes: a core profile draws nothing without one bound.
class EmptyVertexArray {
public:
    static EmptyVertexArray Create();

    EmptyVertexArray(EmptyVertexArray&& other) noexcept;
    EmptyVertexArray& operator=(EmptyVertexArray&& other) noexcept;
    EmptyVertexArray(const EmptyVertexArray&) = delete;
    EmptyVertexArray& operator=(const EmptyVertexArray&) = delete;
    ~EmptyVertexArray();

    void Bind() const;

private:
    EmptyVertexArray() = default;
    void Release();

    unsigned id_ = 0;
};

} // namespace actlab
