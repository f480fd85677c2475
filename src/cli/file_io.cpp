// File reading with a cap and atomic file writing (see file_io.h).
#include "cli/file_io.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace actlab::cli {

namespace {

std::string Reason() { return std::strerror(errno); }

}  // namespace

std::string ReadTextFile(const std::string& path, std::size_t max_bytes, std::string& text) {
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (file == nullptr) return path + ": cannot open (" + Reason() + ")";
    text.clear();
    char buffer[65536];
    std::size_t got = 0;
    while ((got = std::fread(buffer, 1, sizeof buffer, file)) > 0) {
        text.append(buffer, got);
        if (text.size() > max_bytes) {
            std::fclose(file);
            text.clear();
            return path + ": larger than " + std::to_string(max_bytes >> 20) + " MiB";
        }
    }
    const bool failed = std::ferror(file) != 0;
    std::fclose(file);
    if (failed) return path + ": cannot read (" + Reason() + ")";
    return {};
}

std::string WriteTextFile(const std::string& path, const std::string& text) {
    // A device or pipe (/dev/full, /dev/stdout) is written in place: renaming a temporary file over
    // it would replace the device node itself.
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (std::filesystem::is_directory(status)) return path + ": cannot write (it is a directory)";
    if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
        std::FILE* device = std::fopen(path.c_str(), "wb");
        if (device == nullptr) return path + ": cannot write (" + Reason() + ")";
        errno = 0;
        const bool written = std::fwrite(text.data(), 1, text.size(), device) == text.size() && std::fflush(device) == 0;
        const std::string reason = errno != 0 ? Reason() : "write failed";
        const bool closed = std::fclose(device) == 0;
        return written && closed ? "" : path + ": cannot write (" + reason + ")";
    }
    const std::string temp = path + ".tmp";
    std::FILE* file = std::fopen(temp.c_str(), "wb");
    if (file == nullptr) return path + ": cannot write (" + Reason() + ")";
    const bool written = std::fwrite(text.data(), 1, text.size(), file) == text.size();
    const bool closed = std::fclose(file) == 0;
    if (!written || !closed) {
        const std::string reason = Reason();
        std::remove(temp.c_str());
        return path + ": cannot write (" + reason + ")";
    }
    if (std::rename(temp.c_str(), path.c_str()) != 0) {
        const std::string reason = Reason();
        std::remove(temp.c_str());
        return path + ": cannot write (" + reason + ")";
    }
    return {};
}

}  // namespace actlab::cli
