// The laser pointer's trail and the pen's ink as time arithmetic (see presenter_marks.h).
#include "core/presenter_marks.h"

#include <algorithm>
#include <cmath>

namespace actlab {

namespace {

float Distance(const MarkPoint& a, float x, float y) {
    return std::hypot(a.x - x, a.y - y);
}

} // namespace

void PointerTrail::Add(float x, float y, double now) {
    if (!marks_.empty() && Distance(marks_.back(), x, y) < 0.5f) {
        marks_.back().time = now; // resting: the head stays fully bright
        return;
    }
    marks_.push_back({x, y, now});
    if (marks_.size() > kMaxPoints)
        marks_.erase(marks_.begin(),
                     marks_.begin() + static_cast<std::ptrdiff_t>(marks_.size() - kMaxPoints));
}

float PointerTrail::Opacity(const MarkPoint& point, double now) {
    const double age = now - point.time;
    return static_cast<float>(std::clamp(1.0 - age / kSeconds, 0.0, 1.0));
}

void InkLayer::Begin(float x, float y, double now, bool keep) {
    End(now);
    InkStroke stroke;
    stroke.keep = keep;
    stroke.points.push_back({x, y, now});
    marks_.push_back(std::move(stroke));
}

void InkLayer::Extend(float x, float y, double now) {
    if (!drawing()) return;
    InkStroke& stroke = marks_.back();
    if (Distance(stroke.points.back(), x, y) < kMinStep) return;
    stroke.points.push_back({x, y, now});
}

void InkLayer::End(double now) {
    if (drawing()) marks_.back().ended_at = now;
}

float InkLayer::Opacity(const InkStroke& stroke, double now) {
    if (stroke.keep || stroke.drawing()) return 1.0f;
    const double fading = (now - stroke.ended_at - kHoldSeconds) / kFadeSeconds;
    return static_cast<float>(1.0 - std::clamp(fading, 0.0, 1.0));
}

} // namespace actlab
