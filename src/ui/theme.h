// Dear ImGui styles for the three themes, scaled for lecture mode.
#pragma once

#include "core/app_state.h"

namespace actlab::ui {

// Replaces the current ImGui style with `theme` at `scale` (sizes, paddings, rounding).
void ApplyTheme(Theme theme, float scale);

const char* ThemeLabel(Theme theme); // "Dark", "Light", "Projector (high contrast)"

} // namespace actlab::ui
