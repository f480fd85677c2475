// The one way ActLab writes and reads files: every output (settings, scenes, exports, CSV, logs) goes
// through AtomicFileWriter, every input (scenes, networks, datasets, settings) through ReadFileCapped.
// Errors are one line that leads with the file: "PATH: cannot write (No space left on device)".
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace actlab {

// Writes one output file so that a reader sees the previous file or the new one, never a mix:
//  - a regular file (or a new one) is written to PATH.tmp<pid> next to it (a rename is atomic only
//    within one file system, and the pid keeps two saving processes apart), flushed to disk with
//    fsync, then renamed over PATH; temporaries left by killed processes are removed on the way;
//  - a device, pipe or socket (/dev/stdout, /dev/full, a FIFO) is written in place, since renaming a
//    file over it would replace the node itself.
// A writer that is destroyed without Commit() removes its temporary: nothing half-written remains.
class AtomicFileWriter {
public:
    AtomicFileWriter() = default;
    AtomicFileWriter(const AtomicFileWriter&) = delete;
    AtomicFileWriter& operator=(const AtomicFileWriter&) = delete;
    ~AtomicFileWriter();

    std::string Open(const std::string& path); // "" or the error; an unwritable place fails here
    void Write(std::string_view text);         // buffered; the first failure is kept for Commit
    std::string Commit();                      // flush, fsync, rename: "" or the error
    bool is_open() const { return fd_ >= 0; }

private:
    std::string Fail(int error_number); // closes, removes the temporary, returns the message
    bool Flush();

    std::string path_;      // the target
    std::string temporary_; // empty when writing in place
    std::string buffer_;
    int fd_ = -1;
    int error_ = 0; // errno of the first failed write
};

// Writes `content` to `path` through an AtomicFileWriter: "" or the error.
std::string WriteFileAtomically(const std::string& path, std::string_view content);

// Reads the whole of `path` into `text`, refusing more than `max_bytes` (a regular file by its size
// before reading, a pipe or device after max_bytes + 1 bytes, so that neither can exhaust memory).
// Returns "" or "PATH: cannot open (reason)", "PATH: is a directory", "PATH: larger than 16 MiB" or
// "PATH: cannot read (reason)"; `text` is empty on failure.
std::string ReadFileCapped(const std::string& path, std::size_t max_bytes, std::string& text);

// "16 MiB", "64 KiB", "1000 bytes": a size cap as the messages above print it.
std::string DescribeByteCount(std::size_t bytes);

} // namespace actlab
