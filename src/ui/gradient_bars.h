// The per-layer gradient norms at the current step as bars on a log scale, one per layer from the
// input side to the output: a class sees them shrink towards the input at a glance (vanishing
// gradients) or collapse to nothing where a layer died.
#pragma once

#include "render/figure_theme.h"
#include "ui/fonts.h"

#include <imgui.h>

#include <string>
#include <vector>

namespace actlab::ui {

struct GradientBar {
    std::string label; // "L1", …, "out"
    double norm = 0.0; // ‖∂L/∂(W, b)‖ of the layer; 0 draws no bar and says "0"
};

// The chart in a box of `size` pixels at the cursor (advances it like an item). `short_title`
// stands in for `title` when the box is narrower than the title.
void GradientBars(const char* id, const std::string& title, const std::vector<GradientBar>& bars,
                  const FigureTheme& theme, const FontSet& fonts, float scale, ImVec2 size,
                  const std::string& short_title = "");

// The decades [10^lo, 10^hi] the bars are drawn against: enclosing every positive norm, at least two
// decades, at most `max_decades` (the smallest norms sit on the floor). Exposed for tests.
struct DecadeRange {
    int lo = -3, hi = 0;
};
DecadeRange BarDecades(const std::vector<GradientBar>& bars, int max_decades = 12);

} // namespace actlab::ui
