// Where things are in a JSON text, for messages that point at them ("deck.json:3:14: …"): positions
// of byte offsets, the nesting check that runs before a parser, and the offset of a value by its path.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>

namespace actlab {

// "file:line:column: " for a byte offset into `text` (lines and columns count from 1).
std::string TextPosition(std::string_view file_name, std::string_view text, std::size_t offset);

// The offset of the first bracket nested deeper than `limit`, if any. Counting before parsing
// bounds the parser's work on hostile input (10,000 nested arrays).
std::optional<std::size_t> NestedDeeperThan(std::string_view text, int limit);

// nlohmann's "[json.exception.parse_error.101] parse error at line 3, column 7: syntax error …" as
// "file:3:7: syntax error …".
std::string JsonErrorMessage(std::string_view file_name, std::string_view text,
                             const nlohmann::json::exception& e);

// Parses `text` as the JSON of a `kind` file ("scene", "deck") after the guards every reader needs:
// at most `max_bytes`, nesting at most `max_nesting`; a parse error as "file:line:col: what". On
// failure returns nullopt and sets `error`.
std::optional<nlohmann::json> ParseGuardedJson(std::string_view text, std::string_view file_name,
                                               std::size_t max_bytes, int max_nesting, std::string_view kind,
                                               std::string& error);

// One step into a JSON value: an object's key or an array's index.
using JsonPathStep = std::variant<std::string, std::size_t>;

// The byte offset of the value at `path` in `text` (which parsed as JSON); where a step is missing,
// the offset of the deepest value found on the way (the object that lacks the key).
std::size_t JsonValueOffset(std::string_view text, std::span<const JsonPathStep> path);

} // namespace actlab
