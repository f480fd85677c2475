// PNG encoding through stb_image_write, in memory; the file is then written atomically (see
// file_output.h), so a failed write never leaves a truncated picture under the requested name.
#include "render/png_writer.h"

#include "render/file_output.h"

#include <stb_image_write.h>

namespace actlab {

namespace {

void AppendBytes(void* context, void* data, int size) {
    auto* out = static_cast<std::string*>(context);
    out->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
}

}  // namespace

std::string WritePng(const std::string& path, int width, int height, std::span<const std::uint8_t> pixels) {
    if (width <= 0 || height <= 0 || pixels.size() < static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4) {
        return "cannot write " + path + ": empty image";
    }
    std::string encoded;
    if (stbi_write_png_to_func(AppendBytes, &encoded, width, height, 4, pixels.data(), width * 4) == 0) {
        return "cannot write " + path + ": PNG encoding failed";
    }
    return WriteFileAtomically(path, encoded);
}

}  // namespace actlab
