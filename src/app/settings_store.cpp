// Settings persistence (see settings_store.h).
#include "app/settings_store.h"

#include "core/file_io.h"
#include "core/state_json.h"

#include <nlohmann/json.hpp>

#include <cstdlib>

namespace actlab::app {

namespace {

constexpr int kSettingsVersion = 1;
constexpr std::size_t kMaxSettingsBytes = 16u << 20; // a settings file is a few kB

} // namespace

std::filesystem::path ConfigDirectory() {
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg)
        return std::filesystem::path(xdg) / "actlab";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::filesystem::path(home) / ".config" / "actlab";
    return {};
}

LoadResult LoadSettings(const std::filesystem::path& path, AppState& state, WindowGeometry& window) {
    LoadResult result;
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return result;
    result.found = true;
    std::string text;
    if (std::string error = ReadFileCapped(path.string(), kMaxSettingsBytes, text); !error.empty()) {
        result.error = std::move(error);
        return result;
    }
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(text);
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
    for (const auto& [key, list] : {std::pair{"recent_scenes", &result.recent_scenes},
                                    std::pair{"recent_decks", &result.recent_decks}}) {
        if (!json.contains(key) || !json[key].is_array()) continue;
        for (const auto& item : json[key]) {
            if (item.is_string() && !item.get<std::string>().empty() &&
                item.get<std::string>().size() <= 4096 && list->size() < 8) {
                list->push_back(item.get<std::string>());
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

std::string SaveSettings(const std::filesystem::path& path, const AppState& state,
                         const WindowGeometry& window, const std::vector<std::string>& recent_scenes,
                         const std::vector<std::string>& recent_decks) {
    nlohmann::json json = AppStateToJson(state);
    json["format"] = "actlab-settings";
    json["version"] = kSettingsVersion;
    json["window"] = {{"width", window.width}, {"height", window.height}};
    if (!recent_scenes.empty()) json["recent_scenes"] = recent_scenes;
    if (!recent_decks.empty()) json["recent_decks"] = recent_decks;
    std::error_code ec;
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
    return WriteFileAtomically(path.string(), json.dump(2) + "\n");
}

} // namespace actlab::app
