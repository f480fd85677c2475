// Fonts rasterised at the UI scale (lecture mode stays crisp): the system's sans-serif font as
// fontconfig finds it (DejaVu Sans from fonts-dejavu-core first: Greek, arrows, super- and subscripts
// and math operators; see render/font_lookup.h).
#pragma once

#include <imgui.h>

#include <string>

namespace actlab::ui {

struct FontSet {
    ImFont* body = nullptr;  // widgets, tick labels
    ImFont* large = nullptr; // headings and plot titles
    ImFont* bold = nullptr;  // property-card headings
    float body_size = 17.0f; // pixels
    float built_for = 0.0f;  // the scale the atlas was built for
    std::string warning;     // set when no font was found and ImGui's own font is used
};

inline constexpr float kBaseFontSize = 17.0f;

// Clears `io.Fonts` and adds our fonts at `scale` × kBaseFontSize. The renderer's font texture must
// be rebuilt afterwards (the platform layer does that).
FontSet BuildFonts(ImGuiIO& io, float scale);

} // namespace actlab::ui
