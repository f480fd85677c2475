// Export file names and directories (see export_names.h).
#include "core/export_names.h"

#include <cctype>
#include <cstdio>

namespace actlab {

namespace {

std::string_view Trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\r");
    return text.substr(first, last - first + 1);
}

// Expands $HOME and ${HOME} (the only variable user-dirs.dirs files use).
std::string ExpandHome(std::string_view value, std::string_view home) {
    std::string out;
    for (std::size_t i = 0; i < value.size();) {
        if (value.substr(i, 7) == "${HOME}") {
            out += home;
            i += 7;
        } else if (value.substr(i, 5) == "$HOME" &&
                   (i + 5 == value.size() ||
                    !(std::isalnum(static_cast<unsigned char>(value[i + 5])) || value[i + 5] == '_'))) {
            out += home;
            i += 5;
        } else {
            out += value[i++];
        }
    }
    return out;
}

} // namespace

std::string DefaultExportFileName(std::string_view subject, const std::tm& local_time,
                                  std::string_view extension) {
    char stamp[32];
    std::snprintf(stamp, sizeof stamp, "%04d%02d%02d-%02d%02d%02d", local_time.tm_year + 1900,
                  local_time.tm_mon + 1, local_time.tm_mday, local_time.tm_hour, local_time.tm_min,
                  local_time.tm_sec);
    return "actlab-" + std::string(subject) + "-" + stamp + "." + std::string(extension);
}

std::string PicturesDirFromUserDirs(std::string_view user_dirs, std::string_view home) {
    std::string result;
    while (!user_dirs.empty()) {
        const auto end = user_dirs.find('\n');
        const std::string_view line = Trim(user_dirs.substr(0, end));
        user_dirs = end == std::string_view::npos ? std::string_view{} : user_dirs.substr(end + 1);
        constexpr std::string_view kKey = "XDG_PICTURES_DIR";
        if (line.empty() || line.front() == '#' || line.substr(0, kKey.size()) != kKey) continue;
        std::string_view rest = Trim(line.substr(kKey.size()));
        if (rest.empty() || rest.front() != '=') continue;
        rest = Trim(rest.substr(1));
        // The value is quoted in files written by xdg-user-dirs-update; accept it bare as well.
        if (rest.size() >= 2 && rest.front() == '"' && rest.back() == '"')
            rest = rest.substr(1, rest.size() - 2);
        if (rest.empty()) continue;
        result = ExpandHome(rest, home); // the last assignment wins, as in the shell
    }
    return result;
}

std::filesystem::path ExportDirectory(std::string_view environment_value, std::string_view user_dirs,
                                      std::string_view home) {
    std::string pictures(environment_value);
    if (pictures.empty()) pictures = PicturesDirFromUserDirs(user_dirs, home);
    // A relative value would depend on the current directory: xdg-user-dirs ignores those too.
    if (pictures.empty() || pictures.front() != '/') pictures = std::string(home) + "/Pictures";
    return std::filesystem::path(pictures) / "ActLab";
}

std::filesystem::path FreeExportPath(const std::filesystem::path& path,
                                     const std::function<bool(const std::filesystem::path&)>& exists) {
    if (!exists(path)) return path;
    const std::filesystem::path stem = path.stem();
    const std::filesystem::path extension = path.extension();
    for (int n = 2; n <= 9999; ++n) {
        std::filesystem::path candidate = path;
        candidate.replace_filename(stem.string() + "-" + std::to_string(n) + extension.string());
        if (!exists(candidate)) return candidate;
    }
    return path;
}

} // namespace actlab
