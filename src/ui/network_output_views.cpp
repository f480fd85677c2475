// The 1-D fit view and the linear-regions overlay (see network_output_views.h).
#include "ui/network_output_views.h"

#include "core/network_geometry.h"
#include "core/ticks.h"
#include "render/figure_theme.h"
#include "ui/layout_recorder.h"
#include "ui/shortcuts.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace actlab::ui {

namespace {

ImU32 U32(Color c) {
    return IM_COL32(c.r, c.g, c.b, c.a);
}

void Text(ImDrawList* draw, ImVec2 at, Color color, const std::string& text) {
    draw->AddText(at, U32(color), text.c_str());
    RecordText(text, at);
}

// The plot's frame and mapping: x ∈ [−6, 6], y ∈ [y_lo, y_hi] into the data rectangle [a, b].
struct FitFrame {
    ImVec2 a, b;
    double y_lo = -1.5, y_hi = 1.5;
    ImVec2 At(double x, double y) const {
        const double u = (x - session::kPlaneLo) / (session::kPlaneHi - session::kPlaneLo);
        const double v = (y_hi - std::clamp(y, y_lo, y_hi)) / (y_hi - y_lo);
        return {a.x + static_cast<float>(u) * (b.x - a.x), a.y + static_cast<float>(v) * (b.y - a.y)};
    }
};

void DrawFitAxes(ImDrawList* draw, const FitFrame& frame, const FigureTheme& theme, float scale) {
    draw->AddRectFilled(frame.a, frame.b, U32(theme.plot_background));
    const float line = ImGui::GetTextLineHeight();
    const Ticks ys = NiceTicks(frame.y_lo, frame.y_hi, 5);
    for (const double y : ys.values) {
        const ImVec2 p = frame.At(session::kPlaneLo, y);
        draw->AddLine({frame.a.x, p.y}, {frame.b.x, p.y}, U32(y == 0.0 ? theme.axis : theme.grid),
                      1.0f * scale);
        const std::string label = FormatTick(y, ys.step);
        const float w = ImGui::CalcTextSize(label.c_str()).x;
        Text(draw, {frame.a.x - w - 4.0f * scale, p.y - line / 2}, theme.dim_text, label);
    }
    const Ticks xs = NiceTicks(session::kPlaneLo, session::kPlaneHi, 7);
    for (const double x : xs.values) {
        const ImVec2 p = frame.At(x, frame.y_lo);
        draw->AddLine({p.x, frame.a.y}, {p.x, frame.b.y}, U32(theme.grid), 1.0f * scale);
        const std::string label = FormatTick(x, xs.step);
        const float w = ImGui::CalcTextSize(label.c_str()).x;
        Text(draw, {p.x - w / 2, frame.b.y + line + 2.0f * scale}, theme.dim_text, label);
    }
    draw->AddRect(frame.a, frame.b, U32(theme.frame));
}

// The kink marks: a triangle on the x axis under each first-layer neuron's x = −b/w, its number
// above it; a dashed line up through the plot. Kinks (ReLU family) solid, smooth bends hollow.
void DrawBends(ImDrawList* draw, const Network& network, const NetworkStats& stats, const FitFrame& frame,
               const FigureTheme& theme, float scale) {
    const float size = 5.0f * scale;
    std::vector<FirstLayerBend> bends = FirstLayerBends(network, session::kPlaneLo, session::kPlaneHi);
    std::sort(bends.begin(), bends.end(),
              [](const FirstLayerBend& a, const FirstLayerBend& b) { return a.x < b.x; });
    float free_from = -1e30f; // kink numbers left to right; one that would touch the previous is left out
    for (const FirstLayerBend& bend : bends) {
        if (!bend.inside) continue;
        const bool dead = !stats.layers.empty() && bend.neuron < stats.layers[0].neurons.size() &&
                          stats.layers[0].neurons[bend.neuron].dead;
        const Color color = dead ? theme.network.dead : theme.palette[2];
        const float x = frame.At(bend.x, 0.0).x;
        for (float y = frame.a.y; y < frame.b.y; y += 8.0f * scale)
            draw->AddLine({x, y}, {x, std::min(y + 4.0f * scale, frame.b.y)}, U32(WithAlpha(color, 140)),
                          1.0f * scale);
        const ImVec2 tip{x, frame.b.y - size * 1.6f}, left{x - size, frame.b.y}, right{x + size, frame.b.y};
        if (bend.kink) {
            draw->AddTriangleFilled(tip, left, right, U32(color));
        } else {
            draw->AddTriangle(tip, left, right, U32(color), 1.5f * scale);
        }
        const std::string name = std::to_string(bend.neuron + 1);
        const float w = ImGui::CalcTextSize(name.c_str()).x;
        if (x - w / 2 < free_from) continue;
        Text(draw, {x - w / 2, frame.b.y + 1.0f * scale}, color, name);
        free_from = x + w / 2 + 3.0f * scale;
    }
}

} // namespace

bool ShowsOneDimensionalFit(const NetworkLessonState& lesson) {
    return IsOneInput(lesson.dataset) && !IsClassification(lesson.dataset);
}

void DrawOneDimensionalFit(AppState& state, UiRuntime& runtime, ImVec2 size) {
    NetworkSession& session = runtime.session.network;
    if (!session.ready() || size.x < 10.0f || size.y < 10.0f) return;
    const float scale = runtime.Scale(state);
    const FigureTheme theme = FigureThemeFor(state.display.theme);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("##fit", size);
    const bool hovered = ImGui::IsItemHovered();
    const float line = ImGui::GetTextLineHeight();
    const float left = ImGui::CalcTextSize("\u22121.5").x + 8.0f * scale;
    FitFrame frame;
    frame.a = {origin.x + left, origin.y + 4.0f * scale};
    // Under the data: a row of kink numbers, a row of x ticks, a row for the key.
    frame.b = {origin.x + size.x - 8.0f * scale, origin.y + size.y - 3.0f * line - 6.0f * scale};
    if (frame.b.y - frame.a.y < 20.0f * scale) return;
    DrawFitAxes(draw, frame, theme, scale);
    const Network& network = session.trainer().network();
    draw->PushClipRect(frame.a, frame.b, true);
    const float radius = 3.0f * scale;
    for (const Sample& s : session.trainer().train())
        draw->AddCircleFilled(frame.At(s.x1, s.y), radius, U32(WithAlpha(theme.palette[0], 200)));
    for (const Sample& s : session.trainer().test())
        draw->AddCircle(frame.At(s.x1, s.y), radius, U32(theme.palette[0]), 0, 1.5f * scale);
    // The fit: y = f(x) at one sample per two pixels.
    const int samples = std::max(static_cast<int>((frame.b.x - frame.a.x) / 2.0f), 16);
    std::vector<ImVec2> curve;
    curve.reserve(static_cast<std::size_t>(samples) + 1);
    for (int i = 0; i <= samples; ++i) {
        const double x = session::kPlaneLo + (session::kPlaneHi - session::kPlaneLo) * i / samples;
        curve.push_back(frame.At(x, Predict(network, x, 0.0)));
    }
    draw->AddPolyline(curve.data(), static_cast<int>(curve.size()), U32(theme.palette[1]), ImDrawFlags_None,
                      theme.line_width * scale);
    draw->PopClipRect();
    DrawBends(draw, network, session.stats(), frame, theme, scale);
    std::string key = "dots: data; line: the fit f(x); triangles: each neuron's kink x = \u2212b/w";
    if (ImGui::CalcTextSize(key.c_str()).x > size.x) key = "triangles: kinks x = \u2212b/w";
    if (ImGui::CalcTextSize(key.c_str()).x <= size.x)
        Text(draw, {origin.x, frame.b.y + 2.0f * line + 4.0f * scale}, theme.dim_text, key);
    if (hovered) {
        const double x = session::kPlaneLo + static_cast<double>((ImGui::GetIO().MousePos.x - frame.a.x) /
                                                                 (frame.b.x - frame.a.x)) *
                                                 (session::kPlaneHi - session::kPlaneLo);
        ImGui::SetTooltip("x = %s\nf(x) = %s", FormatReadout(x, 3).c_str(),
                          FormatReadout(Predict(network, x, 0.0), 4).c_str());
    }
}

void DrawLinearRegionsOverlay(const AppState& state, UiRuntime& runtime, ImDrawList* draw, ImVec2 p0,
                              float side) {
    NetworkSession& session = runtime.session.network;
    if (!session.ready()) return;
    const Network& network = session.trainer().network();
    if (!HasLinearRegions(network) || network.inputs.size() != 2) return;
    session.WantLinearRegions(); // sampled with the heatmaps
    const LinearRegionGrid& grid = session.linear_regions();
    const float scale = runtime.Scale(state);
    const FigureTheme theme = FigureThemeFor(state.display.theme);
    const ImVec2 p1{p0.x + side, p0.y + side};
    draw->PushClipRect(p0, p1, true);
    if (grid.n > 0 && grid.pattern.size() == grid.n * grid.n) {
        // Shading: cells of one region share a tint (a hash of the pattern picks one of four), one
        // rectangle per run of equal cells in a row; borders where neighbouring cells differ.
        const float cell = side / static_cast<float>(grid.n);
        const Color ink = theme.text;
        for (std::size_t r = 0; r < grid.n; ++r) {
            std::size_t start = 0;
            for (std::size_t c = 1; c <= grid.n; ++c) {
                const std::uint64_t pattern = grid.pattern[r * grid.n + start];
                if (c < grid.n && grid.pattern[r * grid.n + c] == pattern) continue;
                const std::uint64_t mixed = pattern * 0x9E3779B97F4A7C15ULL;
                const auto alpha = static_cast<std::uint8_t>(12 + 14 * ((mixed >> 60) & 3));
                draw->AddRectFilled(
                    {p0.x + cell * static_cast<float>(start), p0.y + cell * static_cast<float>(r)},
                    {p0.x + cell * static_cast<float>(c), p0.y + cell * static_cast<float>(r + 1)},
                    U32(WithAlpha(ink, alpha)));
                start = c;
            }
        }
    }
    // Each first-layer neuron's boundary w1·x1 + w2·x2 + b = 0, clipped to the plane.
    const Layer& first = network.layers.front();
    const auto to_screen = [&](double x1, double x2) {
        return ImVec2{
            p0.x +
                static_cast<float>((x1 - session::kPlaneLo) / (session::kPlaneHi - session::kPlaneLo)) * side,
            p0.y + static_cast<float>((session::kPlaneHi - x2) / (session::kPlaneHi - session::kPlaneLo)) *
                       side};
    };
    for (std::size_t j = 0; j < first.size; ++j) {
        const double w1 = first.Weight(j, 0), w2 = first.Weight(j, 1), b = first.biases[j];
        const double lo = session::kPlaneLo * 2, hi = session::kPlaneHi * 2; // beyond the plane: clipped
        ImVec2 a, e;
        if (std::abs(w2) >= std::abs(w1)) {
            if (w2 == 0.0) continue;
            a = to_screen(lo, -(w1 * lo + b) / w2);
            e = to_screen(hi, -(w1 * hi + b) / w2);
        } else {
            a = to_screen(-(w2 * lo + b) / w1, lo);
            e = to_screen(-(w2 * hi + b) / w1, hi);
        }
        draw->AddLine(a, e, U32(WithAlpha(theme.text, 200)), 1.5f * scale);
    }
    draw->PopClipRect();
    const std::string count = std::to_string(grid.regions) + " linear regions";
    const ImVec2 t = ImGui::CalcTextSize(count.c_str());
    const ImVec2 at{p0.x + 4.0f * scale, p0.y + 4.0f * scale};
    draw->AddRectFilled({at.x - 2.0f * scale, at.y - 1.0f * scale},
                        {at.x + t.x + 2.0f * scale, at.y + t.y + 1.0f * scale}, U32(theme.readout_background),
                        3.0f * scale);
    Text(draw, at, theme.text, count);
}

void EditUserPoints(AppState& state, UiRuntime& runtime, ImDrawList* draw, ImVec2 p0, float side) {
    NetworkLessonState& lesson = state.network;
    const std::size_t classes = ClassCount(lesson.dataset);
    if (classes < 2 || IsOneInput(lesson.dataset) || side <= 0.0f) return;
    const float scale = runtime.Scale(state);
    const FigureTheme theme = FigureThemeFor(state.display.theme);
    const double span = session::kPlaneHi - session::kPlaneLo;
    const auto to_screen = [&](double x1, double x2) {
        return ImVec2{p0.x + static_cast<float>((x1 - session::kPlaneLo) / span) * side,
                      p0.y + static_cast<float>((session::kPlaneHi - x2) / span) * side};
    };
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const double mx1 = std::clamp(session::kPlaneLo + static_cast<double>((mouse.x - p0.x) / side) * span,
                                  session::kPlaneLo, session::kPlaneHi);
    const double mx2 = std::clamp(session::kPlaneHi - static_cast<double>((mouse.y - p0.y) / side) * span,
                                  session::kPlaneLo, session::kPlaneHi);
    // The point under the pointer: the nearest within a few pixels.
    const float reach = 8.0f * scale;
    constexpr std::size_t kNone = ~std::size_t{0};
    std::size_t under = kNone; // an index, not an optional: GCC 12 warns falsely (-Wmaybe-uninitialized)
    float best = reach * reach;
    for (std::size_t i = 0; i < lesson.points.size(); ++i) {
        const ImVec2 p = to_screen(lesson.points[i].x1, lesson.points[i].x2);
        const float d2 = (p.x - mouse.x) * (p.x - mouse.x) + (p.y - mouse.y) * (p.y - mouse.y);
        if (d2 <= best) {
            best = d2;
            under = i;
        }
    }
    const bool hovered = ImGui::IsItemHovered();
    ImGuiStorage* storage = ImGui::GetStateStorage();
    const ImGuiID drag_id = ImGui::GetID("##dragged_point");
    int dragged = storage->GetInt(drag_id, -1);
    if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left) && under != kNone &&
        !ImGui::GetIO().KeyShift) {
        dragged = static_cast<int>(under); // grab it
    } else if (hovered && lesson.points.size() < kMaxUserPoints &&
               (ImGui::IsMouseClicked(ImGuiMouseButton_Left) ||
                ImGui::IsMouseClicked(ImGuiMouseButton_Right))) {
        const bool next = ImGui::GetIO().KeyShift || ImGui::IsMouseClicked(ImGuiMouseButton_Right);
        const std::size_t label = (std::min(lesson.point_class, classes - 1) + (next ? 1 : 0)) % classes;
        lesson.points.push_back({mx1, mx2, label});
    }
    if (dragged >= 0 && static_cast<std::size_t>(dragged) < lesson.points.size() &&
        ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        UserPoint& point = lesson.points[static_cast<std::size_t>(dragged)];
        if (point.x1 != mx1 || point.x2 != mx2) {
            point.x1 = mx1;
            point.x2 = mx2;
        }
    } else {
        dragged = -1;
    }
    storage->SetInt(drag_id, dragged);
    if (hovered && under != kNone && dragged < 0 && ImGui::IsKeyPressed(key::kDelete)) {
        lesson.points.erase(lesson.points.begin() + static_cast<std::ptrdiff_t>(under));
        under = kNone;
    }
    // The added points: squares in their class's colour, outlined, the one under the pointer ringed.
    draw->PushClipRect(p0, {p0.x + side, p0.y + side}, true);
    const float half = 4.5f * scale;
    for (std::size_t i = 0; i < lesson.points.size(); ++i) {
        const UserPoint& point = lesson.points[i];
        const ImVec2 p = to_screen(point.x1, point.x2);
        Color color = PaletteColor(theme, std::min(point.label, classes - 1));
        if (classes == 2 && !lesson.softmax) // the diverging map's ends: class 0 negative, 1 positive
            color = point.label == 0 ? theme.network.negative : theme.network.positive;
        draw->AddRectFilled({p.x - half - scale, p.y - half - scale},
                            {p.x + half + scale, p.y + half + scale}, U32(theme.network.point_outline));
        draw->AddRectFilled({p.x - half, p.y - half}, {p.x + half, p.y + half}, U32(color));
        if (under == i)
            draw->AddRect({p.x - half - 3 * scale, p.y - half - 3 * scale},
                          {p.x + half + 3 * scale, p.y + half + 3 * scale}, U32(theme.text), 0.0f,
                          ImDrawFlags_None, 1.5f * scale);
    }
    draw->PopClipRect();
}

} // namespace actlab::ui
