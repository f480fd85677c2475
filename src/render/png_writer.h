// PNG files from RGBA pixels (stb_image_write from Debian's libstb).
#pragma once

#include <cstdint>
#include <span>
#include <string>

namespace actlab {

// Writes `pixels` (top row first, 4 bytes a pixel) to `path`. Returns "" or a message saying what
// went wrong ("cannot write /x/y.png: No such file or directory").
std::string WritePng(const std::string& path, int width, int height, std::span<const std::uint8_t> pixels);

}  // namespace actlab
