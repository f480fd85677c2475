// The atomic file writer and the capped file reader (see file_io.h).
#include "core/file_io.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <vector>

namespace actlab {

namespace {

constexpr std::size_t kWriteBufferBytes = 1u << 16;

std::string FileError(const std::string& path, std::string_view action, const std::string& reason) {
    return path + ": " + std::string(action) + " (" + reason + ")";
}

std::string Reason(int error_number) {
    return std::strerror(error_number != 0 ? error_number : EIO);
}

std::filesystem::path DirectoryOf(const std::filesystem::path& path) {
    return path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
}

// A save killed midway leaves its temporary (NAME.tmp<pid>) behind, and every later process has
// another pid: without this they would pile up one per crash. Those whose process is gone are
// removed; a live one belongs to another process saving at this moment and is left alone.
void RemoveStaleTemporaries(const std::filesystem::path& path) {
    const std::string prefix = path.filename().string() + ".tmp";
    std::vector<std::filesystem::path> stale;
    std::error_code ec;
    for (std::filesystem::directory_iterator it(DirectoryOf(path), ec), end; !ec && it != end;
         it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.size() <= prefix.size() || name.size() > prefix.size() + 9 ||
            name.compare(0, prefix.size(), prefix) != 0)
            continue;
        const std::string digits = name.substr(prefix.size());
        if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
        const auto pid = static_cast<pid_t>(std::stol(digits));
        if (pid <= 0 || pid == ::getpid()) continue;         // our own is overwritten by this save
        if (::kill(pid, 0) == 0 || errno == EPERM) continue; // that process still runs
        stale.push_back(it->path());
    }
    for (const auto& file : stale)
        std::filesystem::remove(file, ec);
}

// /dev/stdout and /proc/self/fd/N name whatever the descriptor is, a regular file included; no
// temporary can be created next to them.
bool IsDeviceAlias(const std::string& path) {
    return path.rfind("/dev/", 0) == 0 || path.rfind("/proc/", 0) == 0;
}

// The rename itself is made durable by syncing the directory that holds the new name.
void SyncDirectory(const std::filesystem::path& directory) {
    const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    (void)::fsync(fd);
    ::close(fd);
}

} // namespace

AtomicFileWriter::~AtomicFileWriter() {
    if (fd_ >= 0) ::close(fd_);
    if (!temporary_.empty()) ::unlink(temporary_.c_str());
}

std::string AtomicFileWriter::Open(const std::string& path) {
    path_ = path;
    struct stat status {};
    const bool exists = ::stat(path.c_str(), &status) == 0;
    if (exists && S_ISDIR(status.st_mode)) return FileError(path, "cannot write", "it is a directory");
    if ((exists && !S_ISREG(status.st_mode)) || IsDeviceAlias(path)) {
        // O_APPEND: /dev/stdout redirected with >> to a file keeps what it holds.
        fd_ = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC | O_NOCTTY);
        if (fd_ < 0) return FileError(path, "cannot write", Reason(errno));
        return "";
    }
    RemoveStaleTemporaries(path);
    temporary_ = path + ".tmp" + std::to_string(::getpid());
    fd_ = ::open(temporary_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd_ < 0) {
        const int error_number = errno;
        temporary_.clear();
        return FileError(path, "cannot write", Reason(error_number));
    }
    return "";
}

void AtomicFileWriter::Write(std::string_view text) {
    if (fd_ < 0 || error_ != 0) return;
    buffer_.append(text);
    if (buffer_.size() >= kWriteBufferBytes) Flush();
}

bool AtomicFileWriter::Flush() {
    std::size_t done = 0;
    while (done < buffer_.size() && error_ == 0) {
        const ssize_t written = ::write(fd_, buffer_.data() + done, buffer_.size() - done);
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) {
            error_ = written < 0 ? errno : EIO;
            break;
        }
        done += static_cast<std::size_t>(written);
    }
    buffer_.clear();
    return error_ == 0;
}

std::string AtomicFileWriter::Fail(int error_number) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    if (!temporary_.empty()) ::unlink(temporary_.c_str());
    temporary_.clear();
    return FileError(path_, "cannot write", Reason(error_number));
}

std::string AtomicFileWriter::Commit() {
    if (fd_ < 0) return FileError(path_, "cannot write", "not open");
    if (!Flush()) return Fail(error_);
    // fsync before the rename: otherwise a power cut can leave the new name on empty contents.
    if (!temporary_.empty() && ::fsync(fd_) != 0) return Fail(errno);
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) return Fail(errno);
    if (temporary_.empty()) return "";
    if (::rename(temporary_.c_str(), path_.c_str()) != 0) return Fail(errno);
    temporary_.clear();
    SyncDirectory(DirectoryOf(path_));
    return "";
}

std::string WriteFileAtomically(const std::string& path, std::string_view content) {
    AtomicFileWriter writer;
    if (std::string error = writer.Open(path); !error.empty()) return error;
    writer.Write(content);
    return writer.Commit();
}

std::string DescribeByteCount(std::size_t bytes) {
    if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
    if (bytes >= (1u << 10) && bytes % (1u << 10) == 0) return std::to_string(bytes >> 10) + " KiB";
    return std::to_string(bytes) + " bytes";
}

std::string ReadFileCapped(const std::string& path, std::size_t max_bytes, std::string& text) {
    text.clear();
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) return FileError(path, "cannot open", Reason(errno));
    struct stat status {};
    if (::fstat(fd, &status) == 0) {
        std::string refusal;
        if (S_ISDIR(status.st_mode)) refusal = path + ": is a directory";
        if (S_ISREG(status.st_mode) && static_cast<std::uintmax_t>(status.st_size) > max_bytes)
            refusal = path + ": larger than " + DescribeByteCount(max_bytes);
        if (!refusal.empty()) {
            ::close(fd);
            return refusal;
        }
    }
    char buffer[1 << 16];
    for (;;) {
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) {
            const int error_number = errno;
            ::close(fd);
            text.clear();
            return FileError(path, "cannot read", Reason(error_number));
        }
        if (got == 0) break;
        text.append(buffer, static_cast<std::size_t>(got));
        if (text.size() > max_bytes) {
            ::close(fd);
            text.clear();
            return path + ": larger than " + DescribeByteCount(max_bytes);
        }
    }
    ::close(fd);
    return "";
}

} // namespace actlab
