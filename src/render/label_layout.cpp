// Collision-free label placement (see label_layout.h).
#include "render/label_layout.h"

#include <algorithm>

namespace actlab {

bool LabelLayout::IsFree(const Box& box) const {
    return std::none_of(taken_.begin(), taken_.end(), [&](const Box& taken) { return taken.Overlaps(box); });
}

void LabelLayout::Take(const Box& box, std::string_view text) {
    taken_.push_back(box);
    canvas_.NoteLabel(box.min, box.max, text);
}

std::optional<Box> LabelLayout::Choose(std::span<const Box> candidates, const Box& bounds,
                                       const std::function<float(const Box&)>& cost) const {
    std::optional<Box> best;
    float best_cost = 0.0f;
    for (const Box& candidate : candidates) {
        if (!candidate.Inside(bounds) || !IsFree(candidate)) continue;
        const float c = cost ? cost(candidate) : 0.0f;
        if (!best || c < best_cost) {
            best = candidate;
            best_cost = c;
        }
    }
    return best;
}

std::optional<Box> LabelLayout::TakeTextIfFree(Vec2 anchor, std::string_view text, float size,
                                               TextAlign align, TextBaseline baseline) {
    const Box box = TextBox(anchor, canvas_.MeasureText(text, size), align, baseline);
    if (!IsFree(box)) return std::nullopt;
    Take(box, text);
    return box;
}

} // namespace actlab
