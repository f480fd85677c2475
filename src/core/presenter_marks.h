// What the presenter draws over a lecture, as plain data and time arithmetic: the laser pointer's
// fading trail and ink strokes that fade a few seconds after they are drawn (or stay). No drawing
// here; the UI draws these above everything (ui/presenter_overlay.cpp). Times are in seconds.
#pragma once

#include <cstddef>
#include <vector>

namespace actlab {

struct MarkPoint {
    float x = 0.0f, y = 0.0f; // window pixels
    double time = 0.0;        // when the mouse was there
};

// Marks that fade out, oldest first: Age forgets those whose Derived::Opacity has reached 0.
template <class Mark, class Derived> class FadingMarks {
public:
    void Age(double now) {
        std::erase_if(marks_, [now](const Mark& mark) { return Derived::Opacity(mark, now) <= 0.0f; });
    }
    void Clear() { marks_.clear(); }

protected:
    std::vector<Mark> marks_;
};

// The laser pointer's trail: the last positions of the mouse, each fading out kSeconds after it was
// there. Opacity = 1 − age / kSeconds.
class PointerTrail : public FadingMarks<MarkPoint, PointerTrail> {
public:
    static constexpr double kSeconds = 0.35;
    static constexpr std::size_t kMaxPoints = 96; // a fast flick at a high frame rate stays bounded

    void Add(float x, float y, double now);
    const std::vector<MarkPoint>& points() const { return marks_; }
    static float Opacity(const MarkPoint& point, double now);
};

struct InkStroke {
    std::vector<MarkPoint> points;
    bool keep = false;      // drawn with Shift held: stays until erased
    double ended_at = -1.0; // when the pen was lifted; < 0 while it is still being drawn
    bool drawing() const { return ended_at < 0.0; }
};

// The pen's strokes. A stroke stays whole for kHoldSeconds after the pen is lifted, then fades over
// kFadeSeconds: opacity = 1 − clamp((now − ended − hold) / fade, 0, 1). Kept strokes never fade.
class InkLayer : public FadingMarks<InkStroke, InkLayer> {
public:
    static constexpr double kHoldSeconds = 3.0;
    static constexpr double kFadeSeconds = 1.5;
    static constexpr float kMinStep = 1.5f; // pixels between recorded points

    void Begin(float x, float y, double now, bool keep);
    void Extend(float x, float y, double now); // adds to the stroke being drawn, if any
    void End(double now);
    bool drawing() const { return !marks_.empty() && marks_.back().drawing(); }
    const std::vector<InkStroke>& strokes() const { return marks_; }
    static float Opacity(const InkStroke& stroke, double now);
};

} // namespace actlab
