// Font atlas building (see fonts.h).
#include "ui/fonts.h"

#include "render/font_lookup.h"

#include <cmath>

namespace actlab::ui {

namespace {

// Latin (with Latin Extended-A: ŷ, and spacing modifier letters: the ˣ of eˣ), Greek (α β λ σ), general
// punctuation (′ –), super/subscripts (⁰ ⁻), arrows (→), mathematical operators (∞ ≤ ≥ − ∑ √), geometric
// shapes (● ○ ■), modifier letters for indices (ᴺ ᴴ ᵢ), letterlike symbols (ℓ) and the subscript ⱼ.
constexpr ImWchar kGlyphRanges[] = {
    0x0020, 0x00FF, 0x0100, 0x017F, 0x02B0, 0x02FF, 0x0370, 0x03FF, 0x1D2C, 0x1D6A, 0x2000, 0x206F, 0x2070,
    0x209F, 0x2100, 0x214F, 0x2190, 0x21FF, 0x2200, 0x22FF, 0x25A0, 0x25FF, 0x2C7C, 0x2C7C, 0,
};

ImFont* AddFont(ImGuiIO& io, const char* path, float size) {
    ImFontConfig config;
    config.OversampleH = 2;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    return io.Fonts->AddFontFromFileTTF(path, size, &config, kGlyphRanges);
}

} // namespace

FontSet BuildFonts(ImGuiIO& io, float scale) {
    FontSet fonts;
    fonts.built_for = scale;
    fonts.body_size = std::round(kBaseFontSize * scale);
    io.Fonts->Clear();
    const FontFile& regular = SystemFont(FontRole::Sans);
    const FontFile& bold = SystemFont(FontRole::SansBold);
    if (!regular.path.empty()) {
        fonts.body = AddFont(io, regular.path.c_str(), fonts.body_size);
        fonts.large = AddFont(io, regular.path.c_str(), std::round(fonts.body_size * 1.3f));
        fonts.bold = bold.path.empty() ? fonts.body : AddFont(io, bold.path.c_str(), fonts.body_size);
    }
    if (fonts.body == nullptr) {
        fonts.warning = (regular.path.empty() ? regular.error : "font " + regular.path + " unreadable") +
                        "; Greek letters will not show";
        ImFontConfig config;
        config.SizePixels = fonts.body_size;
        fonts.body = io.Fonts->AddFontDefault(&config);
        fonts.large = fonts.body;
        fonts.bold = fonts.body;
    }
    io.FontDefault = fonts.body;
    io.Fonts->Build();
    return fonts;
}

} // namespace actlab::ui
