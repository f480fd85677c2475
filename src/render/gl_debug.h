// OpenGL's own error reports, for checking that a frame path is clean: the message callback of a
// debug context (KHR_debug, core in 4.3) and glGetError, each error printed on stderr and counted.
#pragma once

#include "render/gl_capture.h"

#include <string>

namespace actlab {

class GlDebugLog {
public:
    GlDebugLog() = default;
    GlDebugLog(const GlDebugLog&) = delete; // the driver holds a pointer to it
    GlDebugLog& operator=(const GlDebugLog&) = delete;

    // Installs the message callback on the current context (the log must outlive the context).
    // "" on success, otherwise why not: the context is not a debug context, or the driver has
    // neither KHR_debug nor ARB_debug_output.
    std::string Install(GlProcLoader loader);
    // Drains glGetError after `where` (e.g. "frame 12"); each error printed and counted.
    void CheckErrors(const std::string& where);
    // Errors so far: messages of type error or high severity, and glGetError's.
    int Errors() const { return errors_; }

    // The callback's body, called by the driver on the thread that issued the failing call.
    void Report(unsigned type, unsigned severity, unsigned id, const char* message);

private:
    // A broken frame fails the same way every frame: the first few say what, the count says how often.
    static constexpr int kPrintedErrors = 20;
    void Print(const std::string& line);

    int errors_ = 0;
};

} // namespace actlab
