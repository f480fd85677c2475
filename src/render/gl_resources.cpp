// OpenGL object owners (see gl_resources.h).
#include "render/gl_resources.h"

#include <glad/gl.h>

#include <algorithm>
#include <utility>

namespace actlab {

//-----------------------------------------------------------------------------
// [SECTION] Texture
//-----------------------------------------------------------------------------

Texture Texture::CreateR32F(int width, int height) {
    Texture texture;
    texture.width_ = width;
    texture.height_ = height;
    glGenTextures(1, &texture.id_);
    glBindTexture(GL_TEXTURE_2D, texture.id_);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R32F, width, height, 0, GL_RED, GL_FLOAT, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    texture.SetSmooth(true);
    return texture;
}

Texture Texture::CreateRgba8(int width, int height, const unsigned char* rgba) {
    Texture texture;
    texture.width_ = width;
    texture.height_ = height;
    glGenTextures(1, &texture.id_);
    glBindTexture(GL_TEXTURE_2D, texture.id_);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    texture.SetSmooth(true);
    return texture;
}

Texture::Texture(Texture&& other) noexcept
    : id_(std::exchange(other.id_, 0u)), width_(other.width_), height_(other.height_),
      smooth_(other.smooth_) {}

Texture& Texture::operator=(Texture&& other) noexcept {
    if (this != &other) {
        Release();
        id_ = std::exchange(other.id_, 0u);
        width_ = other.width_;
        height_ = other.height_;
        smooth_ = other.smooth_;
    }
    return *this;
}

Texture::~Texture() {
    Release();
}

void Texture::Release() {
    if (id_ != 0) glDeleteTextures(1, &id_);
    id_ = 0;
}

void Texture::Update(const float* values) {
    glBindTexture(GL_TEXTURE_2D, id_);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, width_, height_, GL_RED, GL_FLOAT, values);
}

void Texture::SetSmooth(bool smooth) {
    if (smooth_ == (smooth ? 1 : 0)) return;
    smooth_ = smooth ? 1 : 0;
    glBindTexture(GL_TEXTURE_2D, id_);
    const GLint filter = smooth ? GL_LINEAR : GL_NEAREST;
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, filter);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, filter);
}

void Texture::Bind(unsigned unit) const {
    glActiveTexture(GL_TEXTURE0 + unit);
    glBindTexture(GL_TEXTURE_2D, id_);
}

//-----------------------------------------------------------------------------
// [SECTION] ShaderProgram
//-----------------------------------------------------------------------------

namespace {

std::string ShaderLog(GLuint shader) {
    GLint length = 0;
    glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &length);
    std::string log(static_cast<std::size_t>(std::max(length, 1)), '\0');
    glGetShaderInfoLog(shader, length, nullptr, log.data());
    while (!log.empty() && (log.back() == '\0' || log.back() == '\n' || log.back() == ' '))
        log.pop_back();
    return log;
}

std::string ProgramLog(GLuint program) {
    GLint length = 0;
    glGetProgramiv(program, GL_INFO_LOG_LENGTH, &length);
    std::string log(static_cast<std::size_t>(std::max(length, 1)), '\0');
    glGetProgramInfoLog(program, length, nullptr, log.data());
    while (!log.empty() && (log.back() == '\0' || log.back() == '\n' || log.back() == ' '))
        log.pop_back();
    return log;
}

// 0 on failure, with `error` naming the stage and holding the driver's log.
GLuint CompileStage(GLenum stage, std::string_view source, std::string_view name, std::string& error) {
    const GLuint shader = glCreateShader(stage);
    const GLchar* text = source.data();
    const GLint length = static_cast<GLint>(source.size());
    glShaderSource(shader, 1, &text, &length);
    glCompileShader(shader);
    GLint ok = GL_FALSE;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (ok == GL_TRUE) return shader;
    const std::string log = ShaderLog(shader);
    error = std::string(stage == GL_VERTEX_SHADER ? "vertex" : "fragment") + " shader of " +
            std::string(name) + " does not compile: " + (log.empty() ? "(the driver gave no log)" : log);
    glDeleteShader(shader);
    return 0;
}

} // namespace

std::optional<ShaderProgram> ShaderProgram::Build(std::string_view vertex_source,
                                                  std::string_view fragment_source, std::string_view name,
                                                  std::string& error) {
    const GLuint vertex = CompileStage(GL_VERTEX_SHADER, vertex_source, name, error);
    if (vertex == 0) return std::nullopt;
    const GLuint fragment = CompileStage(GL_FRAGMENT_SHADER, fragment_source, name, error);
    if (fragment == 0) {
        glDeleteShader(vertex);
        return std::nullopt;
    }
    ShaderProgram program;
    program.id_ = glCreateProgram();
    glAttachShader(program.id_, vertex);
    glAttachShader(program.id_, fragment);
    glLinkProgram(program.id_);
    // The program keeps the compiled stages; the shader objects are no longer needed.
    glDetachShader(program.id_, vertex);
    glDetachShader(program.id_, fragment);
    glDeleteShader(vertex);
    glDeleteShader(fragment);
    GLint ok = GL_FALSE;
    glGetProgramiv(program.id_, GL_LINK_STATUS, &ok);
    if (ok != GL_TRUE) {
        const std::string log = ProgramLog(program.id_);
        error = "shader program " + std::string(name) +
                " does not link: " + (log.empty() ? "(the driver gave no log)" : log);
        return std::nullopt;
    }
    return program;
}

ShaderProgram::ShaderProgram(ShaderProgram&& other) noexcept : id_(std::exchange(other.id_, 0u)) {}

ShaderProgram& ShaderProgram::operator=(ShaderProgram&& other) noexcept {
    if (this != &other) {
        Release();
        id_ = std::exchange(other.id_, 0u);
    }
    return *this;
}

ShaderProgram::~ShaderProgram() {
    Release();
}

void ShaderProgram::Release() {
    if (id_ != 0) glDeleteProgram(id_);
    id_ = 0;
}

void ShaderProgram::Use() const {
    glUseProgram(id_);
}

int ShaderProgram::Uniform(const char* name) const {
    return glGetUniformLocation(id_, name);
}

//-----------------------------------------------------------------------------
// [SECTION] EmptyVertexArray
//-----------------------------------------------------------------------------

EmptyVertexArray EmptyVertexArray::Create() {
    EmptyVertexArray array;
    glGenVertexArrays(1, &array.id_);
    return array;
}

EmptyVertexArray::EmptyVertexArray(EmptyVertexArray&& other) noexcept : id_(std::exchange(other.id_, 0u)) {}

EmptyVertexArray& EmptyVertexArray::operator=(EmptyVertexArray&& other) noexcept {
    if (this != &other) {
        Release();
        id_ = std::exchange(other.id_, 0u);
    }
    return *this;
}

EmptyVertexArray::~EmptyVertexArray() {
    Release();
}

void EmptyVertexArray::Release() {
    if (id_ != 0) glDeleteVertexArrays(1, &id_);
    id_ = 0;
}

void EmptyVertexArray::Bind() const {
    glBindVertexArray(id_);
}

} // namespace actlab
