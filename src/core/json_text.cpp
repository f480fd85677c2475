// Positions in JSON texts (see json_text.h).
#include "core/json_text.h"

#include <algorithm>

namespace actlab {

namespace {

// A bounded cursor over text that already parsed as JSON: every step checks the end, so text that
// did not parse cannot take it out of bounds either.
class JsonCursor {
public:
    explicit JsonCursor(std::string_view text) : text_(text) {
        if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3; // a UTF-8 byte order mark, as nlohmann skips
        SkipSpace();
    }
    std::size_t pos() const { return pos_; }
    char Peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
    void Advance() {
        if (pos_ < text_.size()) ++pos_;
    }
    void SkipSpace() {
        while (pos_ < text_.size() &&
               (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' || text_[pos_] == '\r'))
            ++pos_;
    }
    // A string at the cursor, returned as written (escapes kept); the cursor moves past it.
    std::string_view ReadString() {
        if (Peek() != '"') return {};
        const std::size_t start = ++pos_;
        while (pos_ < text_.size() && text_[pos_] != '"') {
            pos_ += text_[pos_] == '\\' ? std::size_t{2} : std::size_t{1};
        }
        pos_ = std::min(pos_, text_.size());
        const std::string_view raw = text_.substr(start, pos_ - start);
        Advance();
        return raw;
    }
    // Skips one value of any kind.
    void SkipValue() {
        const char c = Peek();
        if (c == '"') {
            ReadString();
        } else if (c == '{' || c == '[') {
            int depth = 0;
            while (pos_ < text_.size()) {
                const char d = text_[pos_];
                if (d == '"') {
                    ReadString();
                    continue;
                }
                if (d == '{' || d == '[') ++depth;
                if ((d == '}' || d == ']') && --depth == 0) {
                    ++pos_;
                    return;
                }
                ++pos_;
            }
        } else {
            while (pos_ < text_.size() &&
                   std::string_view(",}] \t\r\n").find(text_[pos_]) == std::string_view::npos)
                ++pos_;
        }
    }
    // Moves into the object at the cursor to the value of `key`; false (cursor unchanged) without it.
    bool EnterMember(std::string_view key) {
        const std::size_t start = pos_;
        if (Take('{')) {
            for (;;) {
                SkipSpace();
                if (Peek() != '"') break;
                const std::string_view name = ReadString();
                SkipSpace();
                if (!Take(':')) break;
                SkipSpace();
                if (name == key) return true;
                if (!SkipItem()) break;
            }
        }
        pos_ = start;
        return false;
    }
    // Moves into the array at the cursor to its element `index`; false (cursor unchanged) without it.
    bool EnterElement(std::size_t index) {
        const std::size_t start = pos_;
        if (Take('[')) {
            for (std::size_t i = 0;; ++i) {
                SkipSpace();
                if (Peek() == ']' || Peek() == '\0') break;
                if (i == index) return true;
                if (!SkipItem()) break;
            }
        }
        pos_ = start;
        return false;
    }

private:
    // Consumes `c` at the cursor; false (cursor unchanged) on anything else.
    bool Take(char c) {
        if (Peek() != c) return false;
        Advance();
        return true;
    }
    // Skips a member's or element's value and the comma after it; false where no comma follows.
    bool SkipItem() {
        SkipValue();
        SkipSpace();
        return Take(',');
    }

    std::string_view text_;
    std::size_t pos_ = 0;
};

} // namespace

std::string TextPosition(std::string_view file_name, std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return std::string(file_name) + ":" + std::to_string(line) + ":" + std::to_string(column) + ": ";
}

std::optional<std::size_t> NestedDeeperThan(std::string_view text, int limit) {
    int depth = 0;
    bool in_string = false, escaped = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > limit) return i;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return std::nullopt;
}

std::string JsonErrorMessage(std::string_view file_name, std::string_view text,
                             const nlohmann::json::exception& e) {
    std::string message = e.what();
    if (const auto pos = message.find("] "); pos != std::string::npos) message.erase(0, pos + 2);
    if (const auto* parse_error = dynamic_cast<const nlohmann::json::parse_error*>(&e)) {
        if (const auto colon = message.find(": "); colon != std::string::npos) message.erase(0, colon + 2);
        // byte is 1-based and names the character that broke the syntax.
        return TextPosition(file_name, text, parse_error->byte > 0 ? parse_error->byte - 1 : 0) + message;
    }
    // "number overflow parsing '1e400'": the position of that number in the text.
    const auto open = message.find('\'');
    const auto close = open == std::string::npos ? open : message.find('\'', open + 1);
    if (close != std::string::npos) {
        const std::string token = message.substr(open + 1, close - open - 1);
        if (const auto at = text.find(token); !token.empty() && at != std::string_view::npos) {
            return TextPosition(file_name, text, at) + message;
        }
    }
    return std::string(file_name) + ": " + message;
}

std::optional<nlohmann::json> ParseGuardedJson(std::string_view text, std::string_view file_name,
                                               std::size_t max_bytes, int max_nesting, std::string_view kind,
                                               std::string& error) {
    const std::string suffix = "; not a " + std::string(kind) + " file";
    if (text.size() > max_bytes) {
        error = std::string(file_name) + ": larger than " + std::to_string(max_bytes >> 20) + " MiB" + suffix;
        return std::nullopt;
    }
    if (const auto at = NestedDeeperThan(text, max_nesting)) {
        error = TextPosition(file_name, text, *at) + "nested deeper than " + std::to_string(max_nesting) +
                " levels" + suffix;
        return std::nullopt;
    }
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        error = JsonErrorMessage(file_name, text, e);
        return std::nullopt;
    }
}

std::size_t JsonValueOffset(std::string_view text, std::span<const JsonPathStep> path) {
    JsonCursor cursor(text);
    for (const JsonPathStep& step : path) {
        const bool found = std::holds_alternative<std::string>(step)
                               ? cursor.EnterMember(std::get<std::string>(step))
                               : cursor.EnterElement(std::get<std::size_t>(step));
        if (!found) break;
    }
    return cursor.pos();
}

} // namespace actlab
