// Encoders of animations for slides: GIF (giflib) and MP4/WebM (FFmpeg's libraries). Each takes
// straight-alpha RGBA frames of one size, top row first, and gives back the whole file's bytes, so
// that the caller writes it atomically and a failed or cancelled export leaves nothing behind.
#pragma once

#include "core/enum_names.h"
#include "render/canvas.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace actlab {

enum class AnimationFormat { Gif, Mp4, WebM };
inline constexpr EnumName<AnimationFormat> kAnimationFormatExtensions[] = {
    {AnimationFormat::Gif, "gif"}, {AnimationFormat::Mp4, "mp4"}, {AnimationFormat::WebM, "webm"}};

// From a file name's extension (".gif", ".mp4", ".webm", any case); nullopt for anything else. Inline:
// the window's dialog (which links no encoder) reads typed names with it too.
inline std::optional<AnimationFormat> AnimationFormatOf(std::string_view path) {
    const auto dot = path.rfind('.');
    if (dot == std::string_view::npos) return std::nullopt;
    std::string extension(path.substr(dot + 1));
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ParseIn(kAnimationFormatExtensions, std::string_view(extension));
}
// What the window's dialog calls each format.
inline constexpr EnumName<AnimationFormat> kAnimationFormatLabels[] = {{AnimationFormat::Gif, "GIF"},
                                                                       {AnimationFormat::Mp4, "MP4 (H.264)"},
                                                                       {AnimationFormat::WebM, "WebM (VP9)"}};
// "GIF", "MP4 (H.264)", "WebM (VP9)"; the tables' literals end in '\0', so data() is a C string.
inline const char* AnimationFormatName(AnimationFormat format) {
    return NameIn(kAnimationFormatLabels, format).data();
}
// "gif", "mp4", "webm".
inline const char* AnimationFormatExtension(AnimationFormat format) {
    return NameIn(kAnimationFormatExtensions, format).data();
}

struct AnimationSize {
    int width = 0, height = 0;
};

// The frame size the format can store for a figure of `rendered` pixels: the videos' 4:2:0 chroma
// needs even sides (one more pixel, a copy of the edge, where a side is odd); GIF takes any size.
AnimationSize EncodedSize(AnimationFormat format, AnimationSize rendered);

class AnimationEncoder {
public:
    virtual ~AnimationEncoder() = default;
    // `rgba` holds rendered.width × rendered.height pixels. Returns "" or why encoding failed.
    virtual std::string AddFrame(std::span<const std::uint8_t> rgba) = 0;
    // Flushes the codec and closes the container; the file's bytes, or "" in `error`.
    virtual std::string Finish(std::string& error) = 0;
};

struct AnimationSettings {
    AnimationFormat format = AnimationFormat::Gif;
    AnimationSize rendered; // pixels of each frame handed to AddFrame
    double fps = 30.0;
    std::vector<Color> exact_colors; // GIF: kept exactly in every frame's palette (theme colours)
    bool transparent = false;        // GIF: pixels less than half covered stay see-through
};

// A new encoder, or null with the reason in `error` (e.g. the codec is missing from this FFmpeg).
std::unique_ptr<AnimationEncoder> CreateAnimationEncoder(const AnimationSettings& settings,
                                                         std::string& error);

// The GIF encoder alone (no FFmpeg involved).
std::unique_ptr<AnimationEncoder> CreateGifEncoder(const AnimationSettings& settings, std::string& error);
std::unique_ptr<AnimationEncoder> CreateVideoEncoder(const AnimationSettings& settings, std::string& error);

} // namespace actlab
