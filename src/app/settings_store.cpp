// Settings persistence (see settings_store.h).
#include "app/settings_store.h"

#include "core/state_json.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <sys/types.h>
#include <unistd.h>

namespace actlab::app {

namespace {

constexpr int kSettingsVersion = 1;
constexpr std::uintmax_t kMaxSettingsBytes = 16u << 20;  // a settings file is a few kB

// A save killed midway leaves its temporary (NAME.tmpPID) behind, and every later process has
// another pid: without this they would pile up one per crash. Those whose process is gone are
// removed; a live one belongs to another ActLab saving at this moment and is left alone.
void RemoveStaleTemporaries(const std::filesystem::path& path) {
    const std::filesystem::path dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    const std::string prefix = path.filename().string() + ".tmp";
    std::vector<std::filesystem::path> stale;
    std::error_code ec;
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.size() <= prefix.size() || name.size() > prefix.size() + 9 || name.compare(0, prefix.size(), prefix) != 0) {
            continue;
        }
        const std::string digits = name.substr(prefix.size());
        if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
        const pid_t pid = static_cast<pid_t>(std::stol(digits));
        if (pid <= 0 || pid == ::getpid()) continue;  // our own is overwritten by this save
        if (::kill(pid, 0) == 0 || errno == EPERM) continue;  // that process still runs
        stale.push_back(it->path());
    }
    for (const auto& file : stale) std::filesystem::remove(file, ec);
}

}  // namespace

std::filesystem::path ConfigDirectory() {
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) return std::filesystem::path(xdg) / "actlab";
    if (const char* home = std::getenv("HOME"); home && *home) return std::filesystem::path(home) / ".config" / "actlab";
    return {};
}

LoadResult LoadSettings(const std::filesystem::path& path, AppState& state, WindowGeometry& window) {
    LoadResult result;
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return result;
    result.found = true;
    if (std::filesystem::is_directory(path, ec)) {
        result.error = path.string() + " is a directory";
        return result;
    }
    if (std::filesystem::file_size(path, ec) > kMaxSettingsBytes) {
        result.error = path.string() + " is too large to be a settings file";
        return result;
    }
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    if (!in && !in.eof()) {
        result.error = "cannot read " + path.string();
        return result;
    }
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(buffer.str());
    } catch (const nlohmann::json::parse_error& e) {
        result.error = path.string() + " is not valid JSON (byte " + std::to_string(e.byte) + "); ignored";
        return result;
    }
    if (!json.is_object() || json.value("format", "") != "actlab-settings") {
        result.error = path.string() + " is not an ActLab settings file; ignored";
        return result;
    }
    if (json.value("version", 0) > kSettingsVersion) {
        result.error = path.string() + " was written by a newer ActLab (version " +
                       std::to_string(json.value("version", 0)) + "); ignored";
        return result;
    }
    AppState read = state;
    AppStateFromJson(json, read, result.warnings);
    result.view_given = json.contains("plots") && json["plots"].is_object() && json["plots"].contains("view");
    state = read;
    if (json.contains("recent_scenes") && json["recent_scenes"].is_array()) {
        for (const auto& item : json["recent_scenes"]) {
            if (item.is_string() && !item.get<std::string>().empty() && item.get<std::string>().size() <= 4096 &&
                result.recent_scenes.size() < 8) {
                result.recent_scenes.push_back(item.get<std::string>());
            }
        }
    }
    if (json.contains("window") && json["window"].is_object()) {
        const auto& w = json["window"];
        const int width = w.value("width", window.width);
        const int height = w.value("height", window.height);
        if (width >= 320 && width <= 16384 && height >= 240 && height <= 16384) {
            window = {width, height};
        } else {
            result.warnings.emplace_back("window: ignored an impossible size");
        }
    }
    return result;
}

std::string WriteFileAtomically(const std::filesystem::path& path, const std::string& contents) {
    std::error_code ec;
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
    RemoveStaleTemporaries(path);
    const std::filesystem::path temporary = path.string() + ".tmp" + std::to_string(::getpid());
    std::FILE* file = std::fopen(temporary.c_str(), "wb");
    if (!file) return "cannot write " + path.string() + ": " + std::strerror(errno);
    const bool written = std::fwrite(contents.data(), 1, contents.size(), file) == contents.size();
    const bool flushed = std::fflush(file) == 0 && ::fsync(::fileno(file)) == 0;
    const int saved_errno = errno;
    const bool closed = std::fclose(file) == 0;
    if (!written || !flushed || !closed) {
        std::filesystem::remove(temporary, ec);
        return "cannot write " + path.string() + ": " + std::strerror(saved_errno ? saved_errno : EIO);
    }
    std::filesystem::rename(temporary, path, ec);
    if (ec) {
        std::filesystem::remove(temporary, ec);
        return "cannot write " + path.string() + ": " + ec.message();
    }
    return "";
}

std::string SaveSettings(const std::filesystem::path& path, const AppState& state, const WindowGeometry& window,
                         const std::vector<std::string>& recent_scenes) {
    nlohmann::json json = AppStateToJson(state);
    json["format"] = "actlab-settings";
    json["version"] = kSettingsVersion;
    json["window"] = {{"width", window.width}, {"height", window.height}};
    if (!recent_scenes.empty()) json["recent_scenes"] = recent_scenes;
    return WriteFileAtomically(path, json.dump(2) + "\n");
}

}  // namespace actlab::app
