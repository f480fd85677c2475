// The app state as JSON: what settings (and later scene files) hold. Reading is forgiving: a
// missing field keeps its current value, a wrong one is reported in `warnings` and skipped.
#pragma once

#include "core/app_state.h"

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

namespace actlab {

nlohmann::json AppStateToJson(const AppState& state);
void AppStateFromJson(const nlohmann::json& root, AppState& state, std::vector<std::string>& warnings);

std::string_view ThemeName(Theme theme); // "dark", "light", "projector", "transparent"
std::optional<Theme> ParseTheme(std::string_view name);
// A theme the window can be drawn in (dark, light, projector): transparent is for figures only.
std::optional<Theme> ParseWindowTheme(std::string_view name);

} // namespace actlab
