// The lesson presets shipped in assets/presets/, embedded in the binary at build time
// (cmake/EmbedPresets.cmake writes the table).
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace actlab {

struct EmbeddedPreset {
    std::string_view name; // the file's stem: "dying-relu-bias"
    std::string_view text; // the scene file, byte for byte
};

// In menu order.
std::span<const EmbeddedPreset> EmbeddedPresets();

// The preset whose name is `name`, if any.
std::optional<EmbeddedPreset> FindPreset(std::string_view name);

} // namespace actlab
