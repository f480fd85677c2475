// Text measurement with stb_truetype (see font_metrics.h); libstb.so holds the implementation.
#include "render/font_metrics.h"

#include "core/file_io.h"

#include <stb_truetype.h>

namespace actlab {

namespace {
constexpr std::size_t kMaxFontFileBytes = 64u << 20; // DejaVu Sans is 0.7 MB; CJK fonts reach 20 MB
} // namespace

struct FontMetrics::Font {
    std::vector<unsigned char> bytes;
    stbtt_fontinfo info{};
    int ascent = 0, descent = 0; // font units
};

FontMetrics::FontMetrics(const FontFile& file) {
    if (file.path.empty()) {
        warning_ = file.error + "; text widths are estimated";
        return;
    }
    auto font = std::make_unique<Font>();
    std::string bytes;
    if (ReadFileCapped(file.path, kMaxFontFileBytes, bytes).empty())
        font->bytes.assign(bytes.begin(), bytes.end());
    if (font->bytes.empty() || stbtt_InitFont(&font->info, font->bytes.data(), 0) == 0) {
        warning_ = "font " + file.path + " unreadable; text widths are estimated";
        return;
    }
    if (!file.family.empty()) families_ = file.family + ", sans-serif";
    int line_gap = 0;
    stbtt_GetFontVMetrics(&font->info, &font->ascent, &font->descent, &line_gap);
    font_ = std::move(font);
}

FontMetrics::~FontMetrics() = default;
FontMetrics::FontMetrics(FontMetrics&&) noexcept = default;
FontMetrics& FontMetrics::operator=(FontMetrics&&) noexcept = default;

Vec2 FontMetrics::Measure(std::string_view utf8, float size) const {
    const std::vector<char32_t> code_points = DecodeUtf8(utf8);
    if (!font_) {
        // DejaVu Sans averages about 0.55 em a character in labels like ours.
        return {0.55f * size * static_cast<float>(code_points.size()), size};
    }
    // scale = size / (ascent − descent): stb_truetype's pixel height, the one ImGui uses too.
    const float scale = stbtt_ScaleForPixelHeight(&font_->info, size);
    float width = 0.0f;
    for (std::size_t i = 0; i < code_points.size(); ++i) {
        int advance = 0, bearing = 0;
        const int c = static_cast<int>(code_points[i]);
        stbtt_GetCodepointHMetrics(&font_->info, c, &advance, &bearing);
        width += static_cast<float>(advance) * scale;
        if (i + 1 < code_points.size()) {
            width += static_cast<float>(stbtt_GetCodepointKernAdvance(&font_->info, c,
                                                                      static_cast<int>(code_points[i + 1]))) *
                     scale;
        }
    }
    return {width, size};
}

float FontMetrics::Ascent(float size) const {
    if (!font_) return 0.8f * size;
    return static_cast<float>(font_->ascent) * stbtt_ScaleForPixelHeight(&font_->info, size);
}

float FontMetrics::FontSizeFor(float size) const {
    // DejaVu Sans: ascent − descent = 2384 units for an em of 2048.
    if (!font_) return size * 2048.0f / 2384.0f;
    return stbtt_ScaleForPixelHeight(&font_->info, size) /
           stbtt_ScaleForMappingEmToPixels(&font_->info, 1.0f);
}

std::vector<char32_t> DecodeUtf8(std::string_view utf8) {
    std::vector<char32_t> out;
    out.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size();) {
        const auto lead = static_cast<unsigned char>(utf8[i]);
        int length = lead < 0x80           ? 1
                     : (lead >> 5) == 0x6  ? 2
                     : (lead >> 4) == 0xE  ? 3
                     : (lead >> 3) == 0x1E ? 4
                                           : 0;
        if (length == 0 || i + static_cast<std::size_t>(length) > utf8.size()) {
            out.push_back(U'\uFFFD');
            ++i;
            continue;
        }
        char32_t c = length == 1 ? lead : static_cast<char32_t>(lead & (0x7F >> length));
        bool valid = true;
        for (int k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(utf8[i + static_cast<std::size_t>(k)]);
            if ((next & 0xC0) != 0x80) valid = false;
            c = (c << 6) | (next & 0x3Fu);
        }
        if (!valid) {
            out.push_back(U'\uFFFD');
            ++i;
            continue;
        }
        out.push_back(c);
        i += static_cast<std::size_t>(length);
    }
    return out;
}

} // namespace actlab
