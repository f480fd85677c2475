// PNG read-back for tests (see png_test_support.h).
#include "png_test_support.h"

#include <stb_image.h>

#include <cstdlib>

namespace actlab::test {

Image LoadPng(const std::filesystem::path& path) {
    Image image;
    int channels = 0;
    unsigned char* data = stbi_load(path.c_str(), &image.width, &image.height, &channels, 4);
    if (data == nullptr) return Image{};
    image.rgba.assign(data, data + static_cast<std::size_t>(image.width) *
                                       static_cast<std::size_t>(image.height) * 4);
    stbi_image_free(data);
    return image;
}

bool Near(const unsigned char* p, int r, int g, int b, int tolerance) {
    return std::abs(p[0] - r) <= tolerance && std::abs(p[1] - g) <= tolerance &&
           std::abs(p[2] - b) <= tolerance;
}

} // namespace actlab::test
