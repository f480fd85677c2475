// The one place ActLab finds its font files: fontconfig, asked by pattern (DejaVu first, for its
// Greek and math glyphs, then whatever sans-serif or monospace font the system prefers). The window's
// font atlas and the SVG writer's text measurement both read the file it names.
#pragma once

#include <string>

namespace actlab {

enum class FontRole { Sans, SansBold, Mono };

struct FontFile {
    std::string path;   // a scalable TrueType or OpenType file; empty when none was found
    std::string family; // "DejaVu Sans": what an SVG names for text measured with this file
    std::string error;  // set when path is empty: one line saying what is missing and what to install
};

// Asks fontconfig now, with the configuration the environment names (FONTCONFIG_FILE and the rest).
FontFile FindFontFile(FontRole role);

// FindFontFile, asked once per role in a process (fontconfig's start-up reads its whole cache).
const FontFile& SystemFont(FontRole role);

} // namespace actlab
