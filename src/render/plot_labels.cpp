// The labels inside a plot (see plot_labels.h).
#include "render/plot_labels.h"

#include "core/ticks.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <vector>

namespace actlab {

namespace {

bool ShowsValue(PlotQuantity q) {
    return q != PlotQuantity::Derivative;
}
bool ShowsDerivative(PlotQuantity q) {
    return q != PlotQuantity::Value;
}

// A label's box lets the curves behind it show through: it only dims them, so the text stays
// readable over a line without blanking the part of a curve (GELU's dip) it happens to sit on.
constexpr std::uint8_t kLabelBackdropAlpha = 170;

Box DataArea(const PlotFrame& frame) {
    return {frame.area_min, frame.area_max};
}

// How much a box would hide: curve samples under it (about 1.5 a pixel of curve), plus the axes
// through the origin it would cross, plus a little for its distance from where it belongs.
float Clutter(const PlotScene& scene, const Box& label, Vec2 home) {
    const PlotFrame& frame = scene.frame;
    // A curve is drawn several pixels wide: one passing just outside the box still touches its text,
    // though less than one running through it.
    const Box near = label.Grown(scene.theme.line_width * scene.style.scale);
    const auto inside = [](const Box& b, Vec2 p) {
        return p.x >= b.min.x && p.x <= b.max.x && p.y >= b.min.y && p.y <= b.max.y;
    };
    float cost = 0.0f;
    const auto count = [&](const CurvePixelRuns& pixels) {
        for (const auto& run : pixels.mapped) {
            for (const Vec2 p : run) {
                if (inside(near, p)) cost += inside(label, p) ? 1.0f : 0.3f;
            }
        }
    };
    for (const PlotCurveData& curve : scene.curves) {
        if (ShowsValue(scene.spec.quantity)) count(PixelRuns(frame, curve, false));
        if (ShowsDerivative(scene.spec.quantity)) count(PixelRuns(frame, curve, true));
    }
    if (frame.x_min < 0.0 && 0.0 < frame.x_max) {
        const float px = frame.PixelX(0.0);
        if (label.min.x < px && px < label.max.x) cost += label.Height();
    }
    if (frame.y_min < 0.0 && 0.0 < frame.y_max) {
        const float py = frame.PixelY(0.0);
        if (label.min.y < py && py < label.max.y) cost += label.Width();
    }
    // A pixel of curve hidden weighs as much as moving the label ten lines away.
    const float dx = (label.min.x + label.max.x) / 2 - home.x, dy = (label.min.y + label.max.y) / 2 - home.y;
    return cost * 10.0f + std::hypot(dx, dy) / std::max(scene.style.font_size, 1.0f);
}

// Boxes of `size` around a point: beside it, above and below it, then farther out.
std::vector<Box> AroundPoint(Vec2 p, Vec2 size, float gap) {
    std::vector<Box> boxes;
    const auto add = [&](float left, float top) {
        boxes.push_back({{left, top}, {left + size.x, top + size.y}});
    };
    const float right = p.x + gap, left = p.x - gap - size.x, centre = p.x - size.x / 2;
    const float above = p.y - gap - size.y, below = p.y + gap, middle = p.y - size.y / 2;
    for (float top : {above, below, middle}) {
        add(right, top);
        add(left, top);
    }
    add(centre, above);
    add(centre, below);
    for (float step = 1.0f; step <= 8.0f; step += 1.0f) {
        for (float x : {right, left, centre}) {
            add(x, above - step * size.y);
            add(x, below + step * size.y);
        }
    }
    return boxes;
}

// A text in a translucent box placed by `labels` among `candidates` (boxes of the padded text);
// when every candidate is taken or outside the data area, the first, moved inside it.
Box PlaceBoxedText(const PlotScene& scene, LabelLayout& labels, const std::vector<Box>& candidates, Vec2 home,
                   const std::string& text, Color color, float size, float pad) {
    const Box area = DataArea(scene.frame);
    // Near the plot's sides a label beside its point would stick out: the same rows, slid inside.
    std::vector<Box> slid = candidates;
    for (const Box& c : candidates) {
        const float dx =
            std::clamp(c.min.x, area.min.x, std::max(area.min.x, area.max.x - c.Width())) - c.min.x;
        if (dx != 0.0f) slid.push_back({{c.min.x + dx, c.min.y}, {c.max.x + dx, c.max.y}});
    }
    Box box = labels.Choose(slid, area, [&](const Box& b) { return Clutter(scene, b, home); })
                  .value_or(candidates.front());
    const float dx =
        std::clamp(box.min.x, area.min.x, std::max(area.min.x, area.max.x - box.Width())) - box.min.x;
    const float dy =
        std::clamp(box.min.y, area.min.y, std::max(area.min.y, area.max.y - box.Height())) - box.min.y;
    box = {{box.min.x + dx, box.min.y + dy}, {box.max.x + dx, box.max.y + dy}};
    labels.Take(box, text);
    scene.canvas.FilledRect(box.min, box.max, WithAlpha(scene.theme.readout_background, kLabelBackdropAlpha));
    scene.canvas.Text({box.min.x + pad, box.min.y + pad * 0.5f}, text, color, size);
    return box;
}

void DrawProbes(const PlotScene& scene, LabelLayout& labels) {
    const PlotFrame& frame = scene.frame;
    const FigureStyle& style = scene.style;
    for (const Probe& probe : scene.spec.probes) {
        if (probe.on_derivative ? !ShowsDerivative(scene.spec.quantity) : !ShowsValue(scene.spec.quantity))
            continue;
        const auto curve =
            std::find_if(scene.curves.begin(), scene.curves.end(),
                         [&](const PlotCurveData& c) { return c.activation.id == probe.function; });
        if (curve == scene.curves.end()) continue;
        const std::optional<double> y =
            ProbeAnchorY(curve->activation, probe.x, probe.on_derivative, scene.spec.convention);
        if (!y || probe.x < frame.x_min || probe.x > frame.x_max) continue;
        const Vec2 p = frame.ToPixel(probe.x, *y);
        const float r = 5.5f * style.scale;
        // An undefined f′ has no point to mark (the jump's two open circles say so): only its label,
        // between them.
        const bool undefined =
            probe.on_derivative && std::isnan(Derivative(curve->activation, probe.x, scene.spec.convention));
        if (!undefined) {
            scene.canvas.FilledCircle(p, r + 1.5f * style.scale, scene.theme.plot_background);
            scene.canvas.FilledCircle(p, r, curve->color);
        }
        const std::string label = ProbeLabel(curve->activation, probe.x, probe.on_derivative,
                                             scene.spec.convention, scene.curves.size() > 1);
        const float pad = 4.0f * style.scale;
        const Vec2 extent = scene.canvas.MeasureText(label, style.font_size);
        const Vec2 size{extent.x + 2 * pad, extent.y + pad};
        PlaceBoxedText(scene, labels, AroundPoint(p, size, r * 1.6f), p, label, scene.theme.text,
                       style.font_size, pad);
    }
}

// The peak of the current function's f′, named: "max GELU′ = 1.129 at x = 1.414".
void DrawDerivativeMaximum(const PlotScene& scene, LabelLayout& labels) {
    const PlotCurveData& curve = scene.curves.front();
    const PlotFrame& frame = scene.frame;
    if (!curve.properties.derivative_maximum) return;
    const Point2 peak = *curve.properties.derivative_maximum;
    if (peak.x < frame.x_min || peak.x > frame.x_max || peak.y < frame.y_min || peak.y > frame.y_max) return;
    const Vec2 p = frame.ToPixel(peak.x, peak.y);
    const float r = 6.0f * scene.style.scale;
    scene.canvas.Circle(p, r, scene.theme.text, 2.0f * scene.style.scale);
    const std::string label =
        "max " + curve.label + "\u2032 = " + FormatReadout(peak.y, 4) + " at x = " + FormatReadout(peak.x, 4);
    const float size = scene.style.font_size * 0.9f, pad = 3.0f * scene.style.scale;
    const Vec2 extent = scene.canvas.MeasureText(label, size);
    PlaceBoxedText(scene, labels, AroundPoint(p, {extent.x + 2 * pad, extent.y + pad}, r * 1.8f), p, label,
                   scene.theme.text, size, pad);
}

struct AsymptoteGroup {
    HorizontalAsymptote asymptote;
    std::vector<const PlotCurveData*> curves;
};

// One label per side and level, so sigmoid and tanh both approaching 1 read "Sigmoid, Tanh → 1"
// instead of two labels on top of each other.
std::vector<AsymptoteGroup> GroupAsymptotes(const PlotFrame& frame, std::span<const PlotCurveData> curves) {
    std::vector<AsymptoteGroup> groups;
    for (const PlotCurveData& curve : curves) {
        for (const HorizontalAsymptote& asymptote : curve.properties.asymptotes) {
            if (asymptote.y < frame.y_min || asymptote.y > frame.y_max) continue;
            const auto same = std::find_if(groups.begin(), groups.end(), [&](const AsymptoteGroup& g) {
                return g.asymptote.at_positive_infinity == asymptote.at_positive_infinity &&
                       std::abs(g.asymptote.y - asymptote.y) <= 1e-9 * std::max(1.0, std::abs(asymptote.y));
            });
            if (same == groups.end()) {
                groups.push_back({asymptote, {&curve}});
            } else {
                same->curves.push_back(&curve);
            }
        }
    }
    return groups;
}

// Each label just above or below its dashed line, on the side the function approaches it, moving
// inwards past other labels and away from the curves.
void DrawAsymptoteLabels(const PlotScene& scene, LabelLayout& labels) {
    const PlotFrame& frame = scene.frame;
    const float pad = 6.0f * scene.style.scale;
    const float size = scene.style.font_size * 0.9f;
    for (const AsymptoteGroup& group : GroupAsymptotes(frame, scene.curves)) {
        std::string label;
        Color color = scene.theme.text;
        if (group.curves.size() == 1) {
            label = AsymptoteLabel(group.curves.front()->activation, group.asymptote);
            color = group.curves.front()->color;
        } else {
            for (const PlotCurveData* curve : group.curves)
                label += (label.empty() ? "" : ", ") + curve->label;
            label += " \u2192 " + FormatReadout(group.asymptote.y, 5);
        }
        const float py = frame.PixelY(group.asymptote.y);
        const Vec2 extent = scene.canvas.MeasureText(label, size);
        const bool right = group.asymptote.at_positive_infinity;
        std::vector<Box> candidates;
        for (float along : {0.0f, 0.25f, 0.5f}) {
            const float inset = pad * 1.5f + along * frame.AreaWidth();
            const float left = right ? frame.area_max.x - inset - extent.x : frame.area_min.x + inset;
            for (float top : {py - pad * 0.5f - extent.y, py + pad * 0.5f}) {
                candidates.push_back({{left, top}, {left + extent.x, top + extent.y}});
            }
        }
        const Vec2 home{right ? frame.area_max.x : frame.area_min.x, py};
        const auto box =
            labels.Choose(candidates, DataArea(frame), [&](const Box& b) { return Clutter(scene, b, home); });
        if (!box) continue; // no free room along the line: the dashed line and the legend still say it
        labels.Take(*box, label);
        scene.canvas.Text(box->min, label, color, size);
    }
}

// "f′ = 0: dead zone" inside the current function's zero-gradient region, where it is wide enough.
void DrawDeadZoneLabels(const PlotScene& scene, LabelLayout& labels) {
    const PlotFrame& frame = scene.frame;
    const std::string label = "f\u2032 = 0: dead zone";
    const float size = scene.style.font_size * 0.9f;
    const Vec2 extent = scene.canvas.MeasureText(label, size);
    for (const Interval& region : scene.curves.front().properties.zero_gradient_regions) {
        const double lo = std::max(region.lo, frame.x_min);
        const double hi = std::min(region.hi, frame.x_max);
        if (!(lo < hi)) continue;
        const Box zone{{frame.PixelX(lo) + 6.0f * scene.style.scale, frame.area_min.y},
                       {frame.PixelX(hi) - 6.0f * scene.style.scale, frame.area_max.y}};
        std::vector<Box> candidates;
        const float centre = (zone.min.x + zone.max.x) / 2 - extent.x / 2;
        // Mid-height first: titles sit at the top, ReLU-like curves run along the bottom.
        for (float at : {0.4f, 0.25f, 0.55f, 0.15f, 0.7f}) {
            const float top = zone.min.y + zone.Height() * at - extent.y / 2;
            candidates.push_back({{centre, top}, {centre + extent.x, top + extent.y}});
        }
        const Vec2 home{(zone.min.x + zone.max.x) / 2, zone.min.y + zone.Height() * 0.4f};
        const auto box =
            labels.Choose(candidates, zone, [&](const Box& b) { return Clutter(scene, b, home); });
        if (!box) continue;
        labels.Take(*box, label);
        scene.canvas.Text(box->min, label, scene.theme.dim_text, size);
    }
}

struct LegendEntry {
    std::string text;
    Color color;
    bool dashed;
};

std::vector<LegendEntry> LegendEntries(const PlotScene& scene) {
    std::vector<LegendEntry> entries;
    const PlotQuantity q = scene.spec.quantity;
    for (const PlotCurveData& curve : scene.curves) {
        if (ShowsValue(q)) entries.push_back({curve.label, curve.color, false});
        if (q == PlotQuantity::ValueAndDerivative)
            entries.push_back({curve.label + "\u2032", curve.color, true});
        if (q == PlotQuantity::Derivative) entries.push_back({curve.label + "\u2032", curve.color, false});
    }
    return entries;
}

std::string LegendText(const std::vector<LegendEntry>& entries) {
    std::string text;
    for (const LegendEntry& e : entries)
        text += (text.empty() ? "" : ", ") + e.text;
    return "legend: " + text;
}

void DrawLegendSwatch(const PlotScene& scene, const LegendEntry& e, Vec2 from, float swatch) {
    scene.canvas.Line(from, {from.x + swatch, from.y}, e.color, scene.theme.line_width * scene.style.scale,
                      e.dashed ? 6.0f * scene.style.scale : 0.0f);
}

// The legend in the title row, right-aligned, when it fits there: it then hides nothing.
bool DrawLegendInTitleRow(const PlotScene& scene, LabelLayout& labels,
                          const std::vector<LegendEntry>& entries) {
    const PlotFrame& frame = scene.frame;
    const float pad = 8.0f * scene.style.scale, swatch = scene.style.font_size * 1.2f;
    const float font = scene.style.font_size;
    float width = 0.0f;
    for (const LegendEntry& e : entries)
        width += swatch + pad * 0.5f + scene.canvas.MeasureText(e.text, font).x + pad * 1.5f;
    width -= pad * 1.5f;
    const float middle = frame.outer_min.y + pad * 0.5f + font * 0.55f;
    const Box row{{frame.area_max.x - width, middle - font / 2}, {frame.area_max.x, middle + font / 2}};
    const Box bounds{{frame.outer_min.x, frame.outer_min.y}, {frame.outer_max.x, frame.area_min.y}};
    if (!row.Inside(bounds) || !labels.IsFree(row.Grown(pad))) return false;
    labels.Take(row, LegendText(entries));
    float x = row.min.x;
    for (const LegendEntry& e : entries) {
        DrawLegendSwatch(scene, e, {x, middle}, swatch);
        x += swatch + pad * 0.5f;
        scene.canvas.Text({x, middle}, e.text, scene.theme.text, font, TextAlign::Left, TextBaseline::Middle);
        x += scene.canvas.MeasureText(e.text, font).x + pad * 1.5f;
    }
    return true;
}

// Otherwise a box in the data area: a corner or an edge's middle, clear of every other label, where
// it hides the fewest curve samples.
void DrawLegendBox(const PlotScene& scene, LabelLayout& labels, const std::vector<LegendEntry>& entries) {
    const PlotFrame& frame = scene.frame;
    const float pad = 8.0f * scene.style.scale;
    const float swatch = scene.style.font_size * 1.6f;
    const float line_height = scene.style.font_size * 1.35f;
    float widest = 0.0f;
    for (const LegendEntry& e : entries)
        widest = std::max(widest, scene.canvas.MeasureText(e.text, scene.style.font_size).x);
    const Vec2 size{pad * 3 + swatch + widest, pad * 2 + line_height * static_cast<float>(entries.size())};
    const float left = frame.area_min.x + pad, right = frame.area_max.x - pad - size.x;
    const float top = frame.area_min.y + pad, bottom = frame.area_max.y - pad - size.y;
    const float centre_x = (frame.area_min.x + frame.area_max.x - size.x) / 2;
    const float centre_y = (frame.area_min.y + frame.area_max.y - size.y) / 2;
    std::vector<Box> candidates;
    for (const auto& [x, y] : std::array<std::pair<float, float>, 8>{{{left, top},
                                                                      {right, top},
                                                                      {left, bottom},
                                                                      {right, bottom},
                                                                      {centre_x, top},
                                                                      {centre_x, bottom},
                                                                      {left, centre_y},
                                                                      {right, centre_y}}}) {
        candidates.push_back({{x, y}, {x + size.x, y + size.y}});
    }
    // Ties keep the top-left corner, where readers look first.
    const Box box =
        labels.Choose(candidates, DataArea(frame), [&](const Box& b) { return Clutter(scene, b, b.min); })
            .value_or(candidates.front());
    labels.Take(box, LegendText(entries));
    scene.canvas.FilledRect(box.min, box.max, WithAlpha(scene.theme.readout_background, 225));
    scene.canvas.Rect(box.min, box.max, scene.theme.frame, 1.0f * scene.style.scale);
    float y = box.min.y + pad;
    for (const LegendEntry& e : entries) {
        const float mid = y + line_height / 2;
        DrawLegendSwatch(scene, e, {box.min.x + pad, mid}, swatch);
        scene.canvas.Text({box.min.x + pad * 2 + swatch, mid}, e.text, scene.theme.text,
                          scene.style.font_size, TextAlign::Left, TextBaseline::Middle);
        y += line_height;
    }
}

} // namespace

void DrawPlotLabels(const PlotScene& scene, LabelLayout& labels) {
    const Overlays& overlays = scene.spec.overlays;
    DrawProbes(scene, labels);
    if (scene.curves.empty()) return;
    if (overlays.derivative_maximum && ShowsDerivative(scene.spec.quantity))
        DrawDerivativeMaximum(scene, labels);
    if (overlays.asymptotes && ShowsValue(scene.spec.quantity)) DrawAsymptoteLabels(scene, labels);
    if (overlays.dead_zone && scene.spec.quantity != PlotQuantity::Derivative)
        DrawDeadZoneLabels(scene, labels);
    if (!overlays.legend) return;
    const std::vector<LegendEntry> entries = LegendEntries(scene);
    if (entries.empty() || DrawLegendInTitleRow(scene, labels, entries)) return;
    DrawLegendBox(scene, labels, entries);
}

} // namespace actlab
