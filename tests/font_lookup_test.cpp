// The font lookup through fontconfig: a sans-serif, a bold and a monospace file by pattern, and one
// clear message when the system has none.
#include "render/font_lookup.h"
#include "render/font_metrics.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

namespace actlab {
namespace {

namespace fs = std::filesystem;

TEST(FontLookup, FindsAScalableFileForEveryRole) {
    for (FontRole role : {FontRole::Sans, FontRole::SansBold, FontRole::Mono}) {
        const FontFile font = FindFontFile(role);
        ASSERT_FALSE(font.path.empty()) << font.error;
        EXPECT_TRUE(font.error.empty());
        EXPECT_TRUE(fs::is_regular_file(font.path)) << font.path;
        const std::string extension = fs::path(font.path).extension().string();
        EXPECT_TRUE(extension == ".ttf" || extension == ".otf") << font.path;
        EXPECT_FALSE(font.family.empty()) << font.path;
        EXPECT_TRUE(FontMetrics(font).Exact()) << font.path;
    }
    // The cached answer is the same file.
    EXPECT_EQ(SystemFont(FontRole::Sans).path, FindFontFile(FontRole::Sans).path);
}

TEST(FontLookup, TheMonospaceFontHasEqualAdvancesAndTheSansFontDoesNot) {
    const FontMetrics mono(FindFontFile(FontRole::Mono));
    const FontMetrics sans(FindFontFile(FontRole::Sans));
    ASSERT_TRUE(mono.Exact() && sans.Exact()) << mono.Warning() << sans.Warning();
    EXPECT_FLOAT_EQ(mono.Measure("iiii", 20.0f).x, mono.Measure("MMMM", 20.0f).x);
    EXPECT_LT(sans.Measure("iiii", 20.0f).x, sans.Measure("MMMM", 20.0f).x);
    EXPECT_EQ(sans.FontFamilies(), FindFontFile(FontRole::Sans).family + ", sans-serif");
}

TEST(FontLookup, NoFontsIsOneClearMessageAndEstimatedWidths) {
    // A fontconfig configuration without a single font directory.
    const fs::path config =
        fs::temp_directory_path() / ("actlab-no-fonts-" + std::to_string(::getpid()) + ".conf");
    std::ofstream(config) << "<?xml version=\"1.0\"?>\n<fontconfig></fontconfig>\n";
    const char* previous = std::getenv("FONTCONFIG_FILE");
    const std::optional<std::string> saved = previous ? std::optional<std::string>(previous) : std::nullopt;
    ::setenv("FONTCONFIG_FILE", config.c_str(), 1);
    const FontFile sans = FindFontFile(FontRole::Sans);
    const FontFile mono = FindFontFile(FontRole::Mono);
    if (saved) {
        ::setenv("FONTCONFIG_FILE", saved->c_str(), 1);
    } else {
        ::unsetenv("FONTCONFIG_FILE");
    }
    fs::remove(config);
    EXPECT_TRUE(sans.path.empty()) << sans.path;
    EXPECT_EQ(sans.error, "no sans-serif TrueType font found through fontconfig (install fonts-dejavu-core)");
    EXPECT_EQ(mono.error, "no monospace TrueType font found through fontconfig (install fonts-dejavu-core)");
    const FontMetrics estimated(sans);
    EXPECT_FALSE(estimated.Exact());
    EXPECT_EQ(estimated.Warning(), sans.error + "; text widths are estimated");
    EXPECT_EQ(estimated.FontFamilies(), "sans-serif");
}

} // namespace
} // namespace actlab
