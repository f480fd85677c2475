// PNG files from RGBA pixels, deflated with zlib (Debian's zlib1g).
#pragma once

#include <cstdint>
#include <span>
#include <string>

namespace actlab {

// `pixels` (top row first, 4 bytes a pixel, straight alpha) as a PNG file's bytes; "" if encoding failed.
std::string EncodePng(int width, int height, std::span<const std::uint8_t> pixels);

// Writes `pixels` (top row first, 4 bytes a pixel) to `path`. Returns "" or a message saying what
// went wrong ("/x/y.png: cannot write (No such file or directory)").
std::string WritePng(const std::string& path, int width, int height, std::span<const std::uint8_t> pixels);

}  // namespace actlab
