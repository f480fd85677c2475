// One name table per enum: each value with its spelling in files and on the command line. An enum's
// Name and Parse functions both read its table, so the two spellings can never drift apart. A value
// may appear again further down with an alias that Parse accepts ("glorot" for xavier); its first
// entry is its name.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace actlab {

template <typename Enum> struct EnumName {
    Enum value;
    std::string_view name;
};

// The spelling of `value`; the table lists every value.
template <typename Enum, std::size_t N>
constexpr std::string_view NameIn(const EnumName<Enum> (&table)[N], Enum value) {
    for (const EnumName<Enum>& entry : table) {
        if (entry.value == value) return entry.name;
    }
    return table[0].name;
}

// The value spelled `name`, or nullopt.
template <typename Enum, std::size_t N>
constexpr std::optional<Enum> ParseIn(const EnumName<Enum> (&table)[N], std::string_view name) {
    for (const EnumName<Enum>& entry : table) {
        if (entry.name == name) return entry.value;
    }
    return std::nullopt;
}

// "a, b, c": the names (aliases left out) for a message about a wrong one.
template <typename Enum, std::size_t N> std::string NamesIn(const EnumName<Enum> (&table)[N]) {
    std::string names;
    for (const EnumName<Enum>& entry : table) {
        if (NameIn(table, entry.value) != entry.name) continue; // an alias
        if (!names.empty()) names += ", ";
        names += entry.name;
    }
    return names;
}

} // namespace actlab
