// PNG writing through stb_image_write; the file is first written next to its destination and then
// renamed, so a failed write never leaves a truncated picture under the requested name.
#include "render/png_writer.h"

#include <stb_image_write.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace actlab {

std::string WritePng(const std::string& path, int width, int height, std::span<const std::uint8_t> pixels) {
    if (width <= 0 || height <= 0 || pixels.size() < static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4) {
        return "cannot write " + path + ": empty image";
    }
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) return "cannot write " + path + ": it is a directory";
    const std::string temporary = path + ".tmp";
    errno = 0;
    const int ok = stbi_write_png(temporary.c_str(), width, height, 4, pixels.data(), width * 4);
    if (!ok) {
        const std::string reason = errno != 0 ? std::strerror(errno) : "write failed";
        std::filesystem::remove(temporary, ec);
        return "cannot write " + path + ": " + reason;
    }
    std::filesystem::rename(temporary, path, ec);
    if (ec) {
        std::filesystem::remove(temporary, ec);
        return "cannot write " + path + ": " + ec.message();
    }
    return "";
}

}  // namespace actlab
