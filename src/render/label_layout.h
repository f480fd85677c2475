// Where a plot or a chart puts its labels so that none collides with another: each label is placed
// through one LabelLayout, which remembers every box taken and tells the canvas (Canvas::NoteLabel),
// so a recorder sees all labels of a figure.
#pragma once

#include "render/canvas.h"

#include <functional>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace actlab {

struct Box {
    Vec2 min, max;

    float Width() const { return max.x - min.x; }
    float Height() const { return max.y - min.y; }
    // Touching edges do not count: two labels may sit side by side.
    bool Overlaps(const Box& other) const {
        return min.x < other.max.x && other.min.x < max.x && min.y < other.max.y && other.min.y < max.y;
    }
    bool Inside(const Box& outer) const {
        return min.x >= outer.min.x && max.x <= outer.max.x && min.y >= outer.min.y && max.y <= outer.max.y;
    }
    Box Grown(float by) const { return {{min.x - by, min.y - by}, {max.x + by, max.y + by}}; }
};

// The box of text of `extent` at `anchor` with this alignment (see AlignText).
inline Box TextBox(Vec2 anchor, Vec2 extent, TextAlign align, TextBaseline baseline) {
    const Vec2 at = AlignText(anchor, extent, align, baseline);
    return {at, {at.x + extent.x, at.y + extent.y}};
}

class LabelLayout {
public:
    explicit LabelLayout(Canvas& canvas) : canvas_(canvas) {}

    bool IsFree(const Box& box) const;
    // Records the box as taken and notes it on the canvas.
    void Take(const Box& box, std::string_view text);
    // The free candidate inside `bounds` that costs least (ties: the earliest); nullopt when every
    // candidate is outside or overlaps a label already taken.
    std::optional<Box> Choose(std::span<const Box> candidates, const Box& bounds,
                              const std::function<float(const Box&)>& cost) const;
    // Takes a text label at `anchor` when it is free and returns its box; nullopt (nothing taken)
    // when it would overlap a label already taken: a tick label that would, is left out.
    std::optional<Box> TakeTextIfFree(Vec2 anchor, std::string_view text, float size, TextAlign align,
                                      TextBaseline baseline);

private:
    Canvas& canvas_;
    std::vector<Box> taken_;
};

} // namespace actlab
