// The heatmap colour map (see heat_color.h).
#include "render/heat_color.h"

#include <algorithm>
#include <cmath>

namespace actlab {

namespace {

Color Lerp(Color a, Color b, float t) {
    const auto mix = [t](std::uint8_t x, std::uint8_t y) {
        const float fx = static_cast<float>(x), fy = static_cast<float>(y);
        return static_cast<std::uint8_t>(std::lround(fx + (fy - fx) * t));
    };
    return {mix(a.r, b.r), mix(a.g, b.g), mix(a.b, b.b), mix(a.a, b.a)};
}

} // namespace

Color HeatColor(const NetworkColors& colors, float v, bool greyed) {
    if (!std::isfinite(v)) return {128, 128, 128, 255};
    const float t = std::clamp(v, -1.0f, 1.0f);
    Color c =
        t >= 0.0f ? Lerp(colors.neutral, colors.positive, t) : Lerp(colors.neutral, colors.negative, -t);
    if (greyed) {
        const float y = 0.2126f * c.r + 0.7152f * c.g + 0.0722f * c.b;
        const std::uint8_t g = static_cast<std::uint8_t>(std::lround(std::clamp(y, 0.0f, 255.0f)));
        c = Lerp({g, g, g, 255}, {128, 128, 128, 255}, 0.5f);
    }
    return c;
}

Color ClassMapColor(Color neutral, Color class_color, float p, float floor) {
    if (!std::isfinite(p)) return {128, 128, 128, 255};
    const float t = floor < 1.0f ? std::clamp((p - floor) / (1.0f - floor), 0.0f, 1.0f) : 1.0f;
    return Lerp(neutral, class_color, t);
}

std::size_t MostLikelyClass(const float* probabilities, std::size_t classes, std::size_t stride) {
    std::size_t best = 0;
    for (std::size_t k = 1; k < classes; ++k) {
        if (probabilities[k * stride] > probabilities[best * stride]) best = k;
    }
    return best;
}

} // namespace actlab
