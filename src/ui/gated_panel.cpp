// The gated view: f(a, b) = g(a)·b over the (a, b) plane as three heatmaps (f, ∂f/∂a, ∂f/∂b) with
// contours and a diverging colour map centred on 0 (colour-mapped on the GPU like the network's),
// a hover readout of a, b, f and both partials, and the slice f(·, b) = b·g(a) as a curve in the
// f and f′ plots (at b = 1 SwiGLU is Swish).
#include "core/ticks.h"
#include "render/gated_figure.h"
#include "render/heat_color.h"
#include "ui/panels.h"
#include "ui/widgets.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>

namespace actlab::ui {

namespace {

constexpr std::size_t kGatedHeatmapSlot = ~std::size_t{0} - 16; // clear of the network's slots

ImU32 ToImU32(Color c) {
    return IM_COL32(c.r, c.g, c.b, c.a);
}

std::string Number(double value) {
    return FormatReadout(value, 6);
}

// Where a heatmap of the view sits, and the data ↔ pixel mapping of its square.
struct HeatRect {
    ImVec2 min, max;
    ImVec2 ToPixel(const GatedLessonState& g, double a, double b) const {
        return {min.x + static_cast<float>((a - g.a_min) / (g.a_max - g.a_min)) * (max.x - min.x),
                max.y - static_cast<float>((b - g.b_min) / (g.b_max - g.b_min)) * (max.y - min.y)};
    }
};

void DrawControls(AppState& state, UiRuntime& runtime) {
    GatedLessonState& g = state.gated;
    const float font = ImGui::GetFontSize();
    ImGui::SetNextItemWidth(font * 6.5f);
    if (ImGui::BeginCombo("##gated_function", std::string(Info(g.function).display_name).c_str())) {
        for (const GatedInfo& info : GatedCatalogue()) {
            if (ImGui::Selectable(std::string(info.display_name).c_str(), info.id == g.function) &&
                info.id != g.function) {
                g.function = info.id;
                g.params = GatedFunction::WithDefaults(info.id).params;
            }
        }
        ImGui::EndCombo();
    }
    ItemTooltip("The gate g: sigmoid (GLU), ReLU (ReGLU), exact GELU (GeGLU) or Swish (SwiGLU). "
                "Modern transformers use SwiGLU or GeGLU in their feed-forward layers.");
    const GatedFunction function = g.Function();
    for (std::size_t i = 0; i < function.param_specs().size(); ++i) {
        const ParamSpec& spec = function.param_specs()[i];
        SameLineIfFits(font * 12.0f);
        float value = static_cast<float>(g.params[i]);
        ImGui::SetNextItemWidth(font * 8.0f);
        const std::string label = std::string(spec.symbol) + "##gated_param" + std::to_string(i);
        if (ImGui::SliderFloat(label.c_str(), &value, static_cast<float>(spec.slider_min),
                               static_cast<float>(spec.slider_max), "%.3g")) {
            GatedFunction candidate = function;
            runtime.parameter_error = SetParam(candidate, spec.name, value);
            if (runtime.parameter_error.empty()) g.params = candidate.params;
        }
        ItemTooltip(std::string(spec.help).c_str());
    }
    SameLineIfFits(font * 14.0f);
    float slice = static_cast<float>(g.slice_b);
    ImGui::SetNextItemWidth(font * 8.0f);
    if (ImGui::SliderFloat("b##gated_slice", &slice, static_cast<float>(g.b_min), static_cast<float>(g.b_max),
                           "%.2f"))
        g.slice_b = slice;
    ItemTooltip(
        "The value input b of the slice f(·, b) = b·g(a), drawn dashed across the heatmaps and as a curve "
        "in the f and f′ plots. At b = 1 SwiGLU is Swish, GLU is the sigmoid.");
    SameLineIfFits(font * 9.0f);
    ImGui::Checkbox("slice in plots", &g.show_slice);
    ItemTooltip("Add the slice b·g(a) to the f and f′ plots of the main window, overlaid with the functions "
                "shown there.");
    ImGui::TextUnformatted(FormulaWithValues(function).c_str());
    ImGui::SameLine();
    HelpMarker(std::string(kGatedConvention).c_str());
}

void DrawColorBar(ImDrawList* draw, const FigureTheme& theme, ImVec2 min, ImVec2 max, double color_scale) {
    constexpr int kSteps = 48;
    const float w = (max.x - min.x) / kSteps;
    for (int k = 0; k < kSteps; ++k) {
        const float t = -1.0f + 2.0f * (static_cast<float>(k) + 0.5f) / kSteps;
        const float x0 = min.x + static_cast<float>(k) * w;
        draw->AddRectFilled({x0, min.y}, {x0 + w + 0.5f, max.y}, ToImU32(HeatColor(theme.network, t)));
    }
    draw->AddRect(min, max, ToImU32(theme.frame));
    const ImU32 text = ToImU32(theme.text);
    for (double v : {-color_scale, 0.0, color_scale}) {
        const std::string label = FormatTick(v, color_scale);
        const float tw = ImGui::CalcTextSize(label.c_str()).x;
        const float x = min.x + static_cast<float>((v + color_scale) / (2.0 * color_scale)) * (max.x - min.x);
        draw->AddText({std::clamp(x - tw / 2, min.x, max.x - tw), max.y + 1.0f}, text, label.c_str());
    }
}

void DrawAxisTicks(ImDrawList* draw, const FigureTheme& theme, const GatedLessonState& g, const HeatRect& r,
                   bool b_ticks) {
    const ImU32 text = ToImU32(theme.text);
    const Ticks a_ticks = NiceTicks(g.a_min, g.a_max, 5);
    for (double a : a_ticks.values) {
        const std::string label = FormatTick(a, a_ticks.step);
        const ImVec2 p = r.ToPixel(g, a, g.b_min);
        draw->AddLine(p, {p.x, p.y + 4.0f}, ToImU32(theme.axis));
        draw->AddText({p.x - ImGui::CalcTextSize(label.c_str()).x / 2, p.y + 4.0f}, text, label.c_str());
    }
    if (!b_ticks) return;
    const Ticks ticks = NiceTicks(g.b_min, g.b_max, 5);
    for (double b : ticks.values) {
        const std::string label = FormatTick(b, ticks.step);
        const ImVec2 p = r.ToPixel(g, g.a_min, b);
        const ImVec2 size = ImGui::CalcTextSize(label.c_str());
        draw->AddLine({p.x - 4.0f, p.y}, p, ToImU32(theme.axis));
        draw->AddText({p.x - 6.0f - size.x, p.y - size.y / 2}, text, label.c_str());
    }
}

// One heatmap with its title, contours, the slice line, ticks and colour bar; returns its square.
HeatRect DrawHeat(AppState& state, UiRuntime& runtime, std::size_t k, ImVec2 origin, float side,
                  bool b_ticks) {
    const GatedLessonState& g = state.gated;
    const FigureTheme theme = FigureThemeFor(state.display.theme);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const std::string title(GatedQuantityTitle(kGatedQuantities[k]));
    draw->AddText({origin.x + (side - ImGui::CalcTextSize(title.c_str()).x) / 2, origin.y},
                  ToImU32(theme.text), title.c_str());
    const HeatRect r{{origin.x, origin.y + line}, {origin.x + side, origin.y + line + side}};
    const GatedViewCache& cache = runtime.gated;
    const HeatmapGrid grid{cache.values[k].data(), GatedViewCache::kCells, kGatedHeatmapSlot + k,
                           cache.generation};
    HeatmapStyle style;
    style.colors = theme.network;
    DrawHeatmap(runtime.heatmaps.get(), draw, grid, r.min, r.max, style);
    // Contours at 1-2-5 levels of the colour scale; the zero contour heavier.
    const auto n = static_cast<float>(GatedViewCache::kCells);
    draw->PushClipRect(r.min, r.max, true);
    for (const GatedViewCache::Contour& contour : cache.contours[k]) {
        const Color c = WithAlpha(theme.text, static_cast<std::uint8_t>(contour.level == 0.0 ? 210 : 90));
        // Grid row 0 is the top row here.
        auto px = [&](Vec2 p) {
            return ImVec2{r.min.x + (p.x + 0.5f) / n * side, r.min.y + (p.y + 0.5f) / n * side};
        };
        for (const auto& s : contour.segments)
            draw->AddLine(px(s[0]), px(s[1]), ToImU32(c), contour.level == 0.0 ? 2.0f : 1.0f);
    }
    // The slice b = const, dashed.
    const float y = r.ToPixel(g, g.a_min, g.slice_b).y;
    for (float x = r.min.x; x < r.max.x; x += 10.0f)
        draw->AddLine({x, y}, {std::min(x + 6.0f, r.max.x), y}, ToImU32(theme.text), 1.5f);
    draw->PopClipRect();
    draw->AddRect(r.min, r.max, ToImU32(theme.frame));
    DrawAxisTicks(draw, theme, g, r, b_ticks);
    const float bar_top = r.max.y + line + 4.0f;
    DrawColorBar(draw, theme, {r.min.x, bar_top}, {r.max.x, bar_top + 0.6f * line}, cache.color_scale[k]);
    return r;
}

void DrawHoverReadout(const AppState& state, const HeatRect& r, ImVec2 mouse) {
    const GatedLessonState& g = state.gated;
    const double tx = static_cast<double>((mouse.x - r.min.x) / (r.max.x - r.min.x));
    const double ty = static_cast<double>((mouse.y - r.min.y) / (r.max.y - r.min.y));
    const double a = g.a_min + tx * (g.a_max - g.a_min);
    const double b = g.b_max - ty * (g.b_max - g.b_min);
    const GatedValue v = EvaluateGated(g.Function(), a, b, state.plots.convention);
    ImGui::BeginTooltip();
    ImGui::Text("a = %s   b = %s", Number(a).c_str(), Number(b).c_str());
    ImGui::Text("f = %s", Number(v.y).c_str());
    ImGui::Text("\u2202f/\u2202a = %s   \u2202f/\u2202b = %s", Number(v.dy_da).c_str(),
                Number(v.dy_db).c_str());
    ImGui::EndTooltip();
}

void DrawHeatmaps(AppState& state, UiRuntime& runtime) {
    runtime.gated.Update(state.gated);
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float tick_room = ImGui::CalcTextSize("\u22123.0").x + 8.0f;
    const float gap = 2.0f * ImGui::GetFontSize(); // the edge tick labels of neighbours must not touch
    // Room below each square: a ticks, colour bar and its labels.
    const float below = 2.8f * line + 8.0f;
    const float side =
        std::max(16.0f, std::min((avail.x - tick_room - 2.0f * gap) / 3.0f, avail.y - line - below));
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("##gated_heatmaps",
                           {std::max(1.0f, avail.x), std::max(1.0f, line + side + below)});
    const bool hovered = ImGui::IsItemHovered();
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    for (std::size_t k = 0; k < 3; ++k) {
        const ImVec2 at{origin.x + tick_room + static_cast<float>(k) * (side + gap), origin.y};
        const HeatRect r = DrawHeat(state, runtime, k, at, side, k == 0);
        if (hovered && mouse.x >= r.min.x && mouse.x <= r.max.x && mouse.y >= r.min.y && mouse.y <= r.max.y)
            DrawHoverReadout(state, r, mouse);
    }
}

} // namespace

void GatedViewCache::Update(const GatedLessonState& state) {
    if (key && *key == state) return;
    GatedLessonState sampled = state;
    sampled.slice_b = 0.0; // the slice does not change the heatmaps
    sampled.show_slice = false;
    if (key && *key == sampled) return;
    key = sampled;
    const double n = static_cast<double>(kCells);
    const double da = (state.a_max - state.a_min) / n, db = (state.b_max - state.b_min) / n;
    const GatedGrid grid = SampleGated(state.Function(), state.a_min + da / 2, state.a_max - da / 2, kCells,
                                       state.b_min + db / 2, state.b_max - db / 2, kCells);
    const std::array<const std::vector<double>*, 3> sources{&grid.f, &grid.df_da, &grid.df_db};
    for (std::size_t k = 0; k < 3; ++k) {
        double max_abs = 0.0;
        for (double v : *sources[k])
            if (std::isfinite(v)) max_abs = std::max(max_abs, std::fabs(v));
        color_scale[k] = SymmetricColorScale(max_abs);
        values[k].resize(kCells * kCells);
        // Texture row 0 is the top of the square: the largest b.
        for (std::size_t row = 0; row < kCells; ++row)
            for (std::size_t i = 0; i < kCells; ++i)
                values[k][row * kCells + i] =
                    static_cast<float>((*sources[k])[(kCells - 1 - row) * kCells + i] / color_scale[k]);
        const std::vector<double> scaled(values[k].begin(), values[k].end());
        contours[k].clear();
        for (double level : NiceTicks(-1.0, 1.0, 9).values) {
            if (std::fabs(level) >= 1.0 - 1e-9) continue;
            contours[k].push_back({level, ContourSegments(scaled, kCells, kCells, level)});
        }
    }
    ++generation;
}

const std::vector<PlotCurveData>& GatedViewCache::Slice(const SliceKey& new_key) {
    if (slice_key && *slice_key == new_key) return slice;
    slice_key = new_key;
    slice.clear();
    const GatedFunction function = new_key.gated.Function();
    const Activation gate = GateOf(function);
    const double b = new_key.gated.slice_b;
    PlotCurveData curve{gate,
                        std::string(function.info().display_name) + "(a, b = " + FormatReadout(b, 3) + ")",
                        PaletteColor(FigureThemeFor(new_key.theme), new_key.color_index),
                        SampleCurve(gate, new_key.x_min, new_key.x_max, new_key.samples, new_key.convention),
                        ComputeProperties(gate)};
    // b·g(a): every sample, jump and circle scaled by b; the gate's own overlays do not apply.
    curve.output_scale = b;
    for (double& y : curve.samples.value.y)
        y *= b;
    for (Polyline& part : curve.samples.derivative)
        for (double& y : part.y)
            y *= b;
    for (DerivativeJump& jump : curve.samples.jumps) {
        if (jump.closed_y) *jump.closed_y *= b;
        for (double& y : jump.open_y)
            y *= b;
    }
    curve.properties.asymptotes.clear();
    curve.properties.derivative_maximum.reset();
    if (b == 0.0) curve.properties.zero_gradient_regions.clear();
    slice.push_back(std::move(curve));
    return slice;
}

void DrawGatedPanel(AppState& state, UiRuntime& runtime) {
    if (!state.panels.gated) return;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    // The lower half of the window, so that the f plot above shows the slice b·g(a) next to the heatmaps.
    ImGui::SetNextWindowPos({viewport->WorkPos.x + viewport->WorkSize.x * 0.05f,
                             viewport->WorkPos.y + viewport->WorkSize.y * 0.45f},
                            ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize({viewport->WorkSize.x * 0.9f, viewport->WorkSize.y * 0.53f},
                             ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowBgAlpha(1.0f);
    if (!ImGui::Begin("Gated functions f(a, b) = g(a)\u00b7b", &state.panels.gated,
                      ImGuiWindowFlags_NoCollapse)) {
        ImGui::End();
        return;
    }
    DrawControls(state, runtime);
    DrawHeatmaps(state, runtime);
    ImGui::End();
}

} // namespace actlab::ui
