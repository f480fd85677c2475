// Where exported figures go and what they are called: the default file name, the pictures
// directory of the XDG user directories, and a free name when a file already exists.
#pragma once

#include <ctime>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

namespace actlab {

// "actlab-relu-20261123-213000.png": the subject (a function's name, "network", "window") and the
// local time; `extension` without its dot.
std::string DefaultExportFileName(std::string_view subject, const std::tm& local_time,
                                  std::string_view extension);

// XDG_PICTURES_DIR from the text of user-dirs.dirs (lines like XDG_PICTURES_DIR="$HOME/Pictures";
// "$HOME" and "${HOME}" expand to `home`), or "" when the file does not set it.
std::string PicturesDirFromUserDirs(std::string_view user_dirs, std::string_view home);

// The directory exports go to: $XDG_PICTURES_DIR/ActLab, where the variable (`environment_value`,
// "" if unset) wins over the user-dirs file; else ~/Pictures/ActLab.
std::filesystem::path ExportDirectory(std::string_view environment_value, std::string_view user_dirs,
                                      std::string_view home);

// `path` itself when `exists` says it is free, else the first free of NAME-2.EXT, NAME-3.EXT, …
// (up to -9999; then `path` again, and the caller asks before overwriting).
std::filesystem::path FreeExportPath(const std::filesystem::path& path,
                                     const std::function<bool(const std::filesystem::path&)>& exists);

} // namespace actlab
