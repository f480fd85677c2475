// Reading a PNG back for pixel assertions (stb_image from Debian's libstb).
#pragma once

#include <cstddef>
#include <filesystem>
#include <vector>

namespace actlab::test {

struct Image {
    int width = 0, height = 0;
    std::vector<unsigned char> rgba; // 4 bytes a pixel, top row first
    const unsigned char* At(int x, int y) const {
        return &rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                      static_cast<std::size_t>(x)) *
                     4];
    }
};

// The image at `path`, or an empty one (width 0) when it cannot be read.
Image LoadPng(const std::filesystem::path& path);

// Whether the pixel's RGB is within `tolerance` of (r, g, b) on every channel.
bool Near(const unsigned char* pixel, int r, int g, int b, int tolerance);

} // namespace actlab::test
