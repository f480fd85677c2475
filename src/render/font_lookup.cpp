// Font lookup through fontconfig (see font_lookup.h).
#include "render/font_lookup.h"

#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>
#include <string_view>

namespace actlab {

namespace {

// The fontconfig pattern of each role: the families in order of preference, then the style.
const char* PatternOf(FontRole role) {
    switch (role) {
    case FontRole::Sans:
        return "DejaVu Sans,sans-serif:weight=regular:slant=roman";
    case FontRole::SansBold:
        return "DejaVu Sans,sans-serif:weight=bold:slant=roman";
    case FontRole::Mono:
        return "DejaVu Sans Mono,monospace:weight=regular:slant=roman";
    }
    return "sans-serif";
}

const char* RoleName(FontRole role) {
    switch (role) {
    case FontRole::Sans:
        return "sans-serif";
    case FontRole::SansBold:
        return "bold sans-serif";
    case FontRole::Mono:
        return "monospace";
    }
    return "sans-serif";
}

// stb_truetype (ours and Dear ImGui's) reads TrueType and OpenType files, not bitmap fonts.
bool Readable(std::string_view path) {
    const auto dot = path.rfind('.');
    if (dot == std::string_view::npos) return false;
    std::string extension(path.substr(dot + 1));
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extension == "ttf" || extension == "otf";
}

struct ConfigDeleter {
    void operator()(FcConfig* config) const { FcConfigDestroy(config); }
};
struct PatternDeleter {
    void operator()(FcPattern* pattern) const { FcPatternDestroy(pattern); }
};
struct FontSetDeleter {
    void operator()(FcFontSet* set) const { FcFontSetDestroy(set); }
};

} // namespace

FontFile FindFontFile(FontRole role) {
    FontFile found;
    found.error = std::string("no ") + RoleName(role) +
                  " TrueType font found through fontconfig (install fonts-dejavu-core)";
    const std::unique_ptr<FcConfig, ConfigDeleter> config(FcInitLoadConfigAndFonts());
    const std::unique_ptr<FcPattern, PatternDeleter> pattern(
        FcNameParse(reinterpret_cast<const FcChar8*>(PatternOf(role))));
    if (!config || !pattern) return found;
    FcConfigSubstitute(config.get(), pattern.get(), FcMatchPattern);
    FcDefaultSubstitute(pattern.get());
    FcResult result = FcResultNoMatch;
    // Every font, best match first: the first scalable TrueType or OpenType file wins.
    const std::unique_ptr<FcFontSet, FontSetDeleter> fonts(
        FcFontSort(config.get(), pattern.get(), FcFalse, nullptr, &result));
    if (!fonts) return found;
    for (int i = 0; i < fonts->nfont; ++i) {
        FcChar8* file = nullptr;
        FcChar8* family = nullptr;
        FcBool scalable = FcFalse;
        const FcPattern* font = fonts->fonts[i];
        if (FcPatternGetString(font, FC_FILE, 0, &file) != FcResultMatch ||
            FcPatternGetBool(font, FC_SCALABLE, 0, &scalable) != FcResultMatch || !scalable)
            continue;
        const std::string path(reinterpret_cast<const char*>(file));
        if (!Readable(path)) continue;
        found.path = path;
        if (FcPatternGetString(font, FC_FAMILY, 0, &family) == FcResultMatch)
            found.family = reinterpret_cast<const char*>(family);
        found.error.clear();
        return found;
    }
    return found;
}

const FontFile& SystemFont(FontRole role) {
    static const std::array<FontFile, 3> kFonts{
        FindFontFile(FontRole::Sans), FindFontFile(FontRole::SansBold), FindFontFile(FontRole::Mono)};
    return kFonts[static_cast<std::size_t>(role)];
}

} // namespace actlab
