// OpenGL error reporting (see gl_debug.h). glad is generated for 3.3 core without extensions, so
// glDebugMessageCallback and its enums are looked up and spelled out here.
#include "render/gl_debug.h"

#include <glad/gl.h>

#include <iostream>
#include <sstream>

namespace actlab {

namespace {

// Enums of KHR_debug (the same values in GL 4.3 core and ARB_debug_output).
constexpr GLenum kContextFlagDebugBit = 0x00000002;
constexpr GLenum kDebugOutputSynchronous = 0x8242;
constexpr GLenum kDebugTypeError = 0x824C;
constexpr GLenum kDebugSeverityHigh = 0x9146;

using DebugProc = void (*)(GLenum source, GLenum type, GLuint id, GLenum severity, GLsizei length,
                           const GLchar* message, const void* user);
using DebugMessageCallbackProc = void (*)(DebugProc callback, const void* user);

void OnDebugMessage(GLenum, GLenum type, GLuint id, GLenum severity, GLsizei, const GLchar* message,
                    const void* user) {
    // The driver hands back the pointer given at installation; the log is not const.
    static_cast<GlDebugLog*>(const_cast<void*>(user))->Report(type, severity, id, message);
}

bool HasExtension(const char* name) {
    GLint count = 0;
    glGetIntegerv(GL_NUM_EXTENSIONS, &count);
    for (GLint i = 0; i < count; ++i) {
        const GLubyte* extension = glGetStringi(GL_EXTENSIONS, static_cast<GLuint>(i));
        if (extension && std::string(reinterpret_cast<const char*>(extension)) == name) return true;
    }
    return false;
}

std::string Hex(unsigned value) {
    std::ostringstream out;
    out << "0x" << std::hex << value;
    return out.str();
}

} // namespace

std::string GlDebugLog::Install(GlProcLoader loader) {
    GLint flags = 0;
    glGetIntegerv(GL_CONTEXT_FLAGS, &flags);
    if ((static_cast<GLenum>(flags) & kContextFlagDebugBit) == 0) {
        return "the OpenGL context is not a debug context";
    }
    // GLX returns an address for any name, so the extension list decides whether one is real.
    const char* name = nullptr;
    if (HasExtension("GL_KHR_debug")) {
        name = "glDebugMessageCallback";
    } else if (HasExtension("GL_ARB_debug_output")) {
        name = "glDebugMessageCallbackARB";
    } else {
        return "the OpenGL driver has neither KHR_debug nor ARB_debug_output";
    }
    const auto install = reinterpret_cast<DebugMessageCallbackProc>(loader(name));
    if (!install) return std::string("the OpenGL driver has no ") + name;
    // Synchronous: the callback runs inside the failing call, on our thread, so the count is exact.
    glEnable(kDebugOutputSynchronous);
    install(OnDebugMessage, this);
    return "";
}

void GlDebugLog::CheckErrors(const std::string& where) {
    // Each flag is returned once and then cleared; several can be set at once.
    for (GLenum error = glGetError(); error != GL_NO_ERROR; error = glGetError()) {
        Print("glGetError " + Hex(error) + " after " + where);
    }
}

void GlDebugLog::Report(unsigned type, unsigned severity, unsigned id, const char* message) {
    // Performance hints and notifications are the driver talking, not our mistakes.
    if (type != kDebugTypeError && severity != kDebugSeverityHigh) return;
    Print(std::string(message ? message : "(no message)") + " (id " + std::to_string(id) + ")");
}

void GlDebugLog::Print(const std::string& line) {
    if (errors_ < kPrintedErrors) {
        std::cerr << "actlab: GL error: " << line << '\n';
    } else if (errors_ == kPrintedErrors) {
        std::cerr << "actlab: GL error: more errors follow, counted but not printed\n";
    }
    ++errors_;
}

} // namespace actlab
