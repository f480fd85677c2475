// Splits a line of a reference CSV file (tests/data) into its fields, an empty last field included.
#pragma once

#include <sstream>
#include <string>
#include <vector>

namespace actlab {

inline std::vector<std::string> SplitFields(const std::string& text, char separator) {
    std::vector<std::string> parts;
    std::string part;
    std::istringstream in(text);
    while (std::getline(in, part, separator))
        parts.push_back(part);
    if (!text.empty() && text.back() == separator) parts.emplace_back();
    return parts;
}

} // namespace actlab
