// Reading input files with a size cap and writing output files, with one-line error messages that
// name the file (shared by the subcommands that take or produce files).
#pragma once

#include <cstddef>
#include <string>

namespace actlab::cli {

// Reads the whole file into `text`; returns "" or a message such as "net.json: cannot open (No such
// file or directory)" or "data.csv: larger than 64 MiB".
std::string ReadTextFile(const std::string& path, std::size_t max_bytes, std::string& text);

// Writes `text` to `path` through a temporary file in the same directory and a rename, so a failed
// write never leaves a half-written file. Returns "" or a message naming the file.
std::string WriteTextFile(const std::string& path, const std::string& text);

}  // namespace actlab::cli
