// Writing an exported file so that a failure never leaves a half-written file under its name.
#pragma once

#include <string>
#include <string_view>

namespace actlab {

// Writes `content` to `path`: a regular file through a temporary file next to it and a rename; a
// device or pipe (/dev/stdout, /dev/full) directly, since it cannot be renamed over. Returns "" or
// "cannot write PATH: reason".
std::string WriteFileAtomically(const std::string& path, std::string_view content);

}  // namespace actlab
