// Atomic file output (see file_output.h).
#include "render/file_output.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace actlab {

namespace {

// Writes, flushes and closes; returns "" or the reason.
std::string WriteAll(const std::string& path, std::string_view content) {
    errno = 0;
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (file == nullptr) return errno != 0 ? std::strerror(errno) : "cannot open";
    errno = 0;
    const bool written = std::fwrite(content.data(), 1, content.size(), file) == content.size();
    const bool flushed = written && std::fflush(file) == 0;
    const int reason = errno;
    const bool closed = std::fclose(file) == 0;
    if (written && flushed && closed) return "";
    return reason != 0 ? std::strerror(reason) : errno != 0 ? std::strerror(errno) : "write failed";
}

}  // namespace

std::string WriteFileAtomically(const std::string& path, std::string_view content) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (std::filesystem::is_directory(status)) return "cannot write " + path + ": it is a directory";
    if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
        const std::string reason = WriteAll(path, content);
        return reason.empty() ? "" : "cannot write " + path + ": " + reason;
    }
    const std::string temporary = path + ".tmp";
    if (const std::string reason = WriteAll(temporary, content); !reason.empty()) {
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
