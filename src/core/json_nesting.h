// A guard for JSON readers: brackets counted before parsing, so that hostile input (10,000 nested
// arrays) is refused before the parser spends its stack on it. Shared by scenes and network files.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace actlab {

// The offset of the first '[' or '{' nested deeper than `limit` (brackets inside strings do not
// count), or nullopt.
std::optional<std::size_t> FirstBracketDeeperThan(std::string_view text, int limit);

} // namespace actlab
