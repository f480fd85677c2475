// Text extents in the system's sans-serif font (DejaVu Sans where installed; see font_lookup.h)
// measured with stb_truetype, so an SVG's layout agrees with how its text renders (the SVG names the
// same font). Falls back to an average-width estimate, with a note, where no font file is found.
#pragma once

#include "render/canvas.h"
#include "render/font_lookup.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace actlab {

class FontMetrics {
public:
    // Loads `file`; on failure every measure is an estimate and Warning() says why.
    explicit FontMetrics(const FontFile& file = SystemFont(FontRole::Sans));
    ~FontMetrics();
    FontMetrics(FontMetrics&&) noexcept;
    FontMetrics& operator=(FontMetrics&&) noexcept;
    FontMetrics(const FontMetrics&) = delete;
    FontMetrics& operator=(const FontMetrics&) = delete;

    // Advance width of the line (kerning included) and its line height, both at pixel height `size`
    // (the size is the distance from ascender to descender, as ImGui and stb_truetype use it).
    Vec2 Measure(std::string_view utf8, float size) const;
    // The baseline's distance below the top of the line box, at pixel height `size`.
    float Ascent(float size) const;
    // The CSS font-size (the em) whose line box is `size` pixels high.
    float FontSizeFor(float size) const;

    bool Exact() const { return font_ != nullptr; }
    const std::string& Warning() const { return warning_; }
    // What an SVG names in font-family: the measured font's family, then the generic fallback.
    const std::string& FontFamilies() const { return families_; }

private:
    struct Font;
    std::unique_ptr<Font> font_;
    std::string warning_;
    std::string families_ = "sans-serif";
};

// The code points of a UTF-8 string; malformed bytes become U+FFFD.
std::vector<char32_t> DecodeUtf8(std::string_view utf8);

} // namespace actlab
