// PNG encoding with stb_image_write (Debian's libstb), in memory; the file is then written
// atomically (see file_output.h), so a failed write never leaves a truncated picture under the
// requested name. stb's defaults (compression level 8, every filter tried per row) take seconds on
// a 4K figure; a figure is mostly flat colour and straight lines, so the Up filter and level 1 cost
// a few per cent of size and a fraction of the time.
#include "render/png_writer.h"

#include "render/file_output.h"

#include <stb_image_write.h>

namespace actlab {

namespace {

void AppendToString(void* context, void* data, int size) {
    static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
}

}  // namespace

std::string EncodePng(int width, int height, std::span<const std::uint8_t> pixels) {
    // stb reads these two settings from globals; every PNG ActLab writes uses the same values.
    stbi_write_png_compression_level = 1;
    stbi_write_force_png_filter = 2;  // Up
    std::string png;
    if (!stbi_write_png_to_func(AppendToString, &png, width, height, 4, pixels.data(), width * 4)) return "";
    return png;
}

std::string WritePng(const std::string& path, int width, int height, std::span<const std::uint8_t> pixels) {
    if (width <= 0 || height <= 0 ||
        pixels.size() < static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4) {
        return "cannot write " + path + ": empty image";
    }
    const std::string encoded = EncodePng(width, height, pixels);
    if (encoded.empty()) return "cannot write " + path + ": PNG encoding failed";
    return WriteFileAtomically(path, encoded);
}

}  // namespace actlab
