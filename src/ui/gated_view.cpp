// The Gated view: f(a, b) = g(a)·b over the (a, b) plane as three heatmaps (f, ∂f/∂a, ∂f/∂b) with
// contours, a diverging colour map centred on 0 (colour-mapped on the GPU like the network's) and a
// colour bar each, over the slice f(·, b) = b·g(a) in the f and f′ plots (at b = 1 SwiGLU is Swish).
// Wide: the controls in a column on the left; medium and narrow: a strip on top. H hides them.
#include "core/ticks.h"
#include "core/workspace.h"
#include "render/gated_figure.h"
#include "render/heat_color.h"
#include "ui/autoplay_controls.h"
#include "ui/layout_recorder.h"
#include "ui/panels.h"
#include "ui/widgets.h"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <string>

namespace actlab::ui {

namespace {

constexpr std::size_t kGatedHeatmapSlot = ~std::size_t{0} - 16; // clear of the network's slots
constexpr ImGuiWindowFlags kFixed = ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;
constexpr std::array<const char*, 3> kHeatRegions{"gated.f", "gated.df_da", "gated.df_db"};

ImU32 ToImU32(Color c) {
    return IM_COL32(c.r, c.g, c.b, c.a);
}

std::string Number(double value) {
    return FormatReadout(value, 6);
}

// A text drawn and reported to the layout report (a label of the region being drawn).
void Text(ImDrawList* draw, ImVec2 at, ImU32 color, const std::string& text) {
    draw->AddText(at, color, text.c_str());
    RecordText(text, at);
}

// Where a heatmap of the view sits, and the data ↔ pixel mapping of its square.
struct HeatRect {
    ImVec2 min, max;
    ImVec2 ToPixel(const GatedLessonState& g, double a, double b) const {
        return {min.x + static_cast<float>((a - g.a_min) / (g.a_max - g.a_min)) * (max.x - min.x),
                max.y - static_cast<float>((b - g.b_min) / (g.b_max - g.b_min)) * (max.y - min.y)};
    }
};

// The function, its gate's parameters and the slice's b: one control per row in the wide view's
// column (`stacked`), otherwise one strip that wraps.
void DrawControls(AppState& state, UiRuntime& runtime, bool stacked) {
    GatedLessonState& g = state.gated;
    const float font = ImGui::GetFontSize();
    const auto next = [&](float width) {
        if (!stacked) SameLineIfFits(width);
    };
    const float slider_width =
        stacked ? std::max(ImGui::GetContentRegionAvail().x - 2.0f * font, font * 4.0f) : font * 8.0f;
    ImGui::SetNextItemWidth(stacked ? slider_width : font * 6.5f);
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
        next(font * 12.0f);
        double value = g.params[i];
        ImGui::SetNextItemWidth(slider_width - AutoplayButtonWidth());
        const std::string label = std::string(spec.symbol) + "##gated_param" + std::to_string(i);
        const bool changed = ReadableSlider(label.c_str(), ImGuiDataType_Double, &value, &spec.slider_min,
                                            &spec.slider_max, "%.3g");
        ItemTooltip(std::string(spec.help).c_str());
        // Right after the slider: touching it by hand stops its sweep.
        AutoplayButton(state, runtime, "gated." + std::string(spec.name), spec.slider_min, spec.slider_max);
        if (changed) {
            GatedFunction candidate = function;
            runtime.parameter_error = SetParam(candidate, spec.name, value);
            if (runtime.parameter_error.empty()) g.params = candidate.params;
        }
    }
    next(font * 12.0f);
    ImGui::SetNextItemWidth(slider_width);
    ReadableSlider("b##gated_slice", ImGuiDataType_Double, &g.slice_b, &g.b_min, &g.b_max, "%.2f");
    ItemTooltip(
        "The value input b of the slice f(·, b) = b·g(a), drawn dashed across the heatmaps and as a curve "
        "in the f and f′ plots below them. At b = 1 SwiGLU is Swish, GLU is the sigmoid.");
    next(font * 9.0f);
    ImGui::Checkbox("slice in plots", &g.show_slice);
    ItemTooltip("Add the slice b·g(a) to the f and f′ plots, overlaid with the functions chosen in the "
                "Functions view.");
    const std::string formula = FormulaWithValues(function);
    const std::string convention(kGatedConvention);
    if (stacked) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(formula.c_str());
        ImGui::PopTextWrapPos();
    } else {
        // The formula on the strip's row where it fits; a narrow strip keeps one row and has the
        // formula in the (?) with the convention.
        const float needed = ImGui::CalcTextSize(formula.c_str()).x + ButtonWidth("(?)") + 2.0f * font;
        const float right_edge = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
        ImGui::SameLine();
        if (ImGui::GetCursorScreenPos().x + needed <= right_edge) {
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(formula.c_str());
            ImGui::SameLine();
        } else {
            HelpMarker((formula + "\n\n" + convention).c_str());
            if (!runtime.parameter_error.empty()) ErrorText(("Refused: " + runtime.parameter_error).c_str());
            return;
        }
    }
    if (stacked) ImGui::SameLine();
    HelpMarker(convention.c_str());
    if (!runtime.parameter_error.empty()) ErrorText(("Refused: " + runtime.parameter_error).c_str());
}

// The heatmap row's geometry: the room left of the first square for the b ticks, each square with
// its colour bar and the bar's labels to its right, and the gaps between the three.
struct HeatRow {
    float line = 0, tick_room = 0, bar_gap = 0, bar_width = 0, bar_labels = 0, gap = 0, side = 0;
    int a_ticks = 5, b_ticks = 5; // fewer on small squares, so tick labels never touch
    bool bar_middle = true;       // the colour bar's 0, where the bar is tall enough for three labels
    float CellWidth() const { return side + 2.0f * bar_gap + bar_width + bar_labels; }
    float Width() const { return tick_room + 3.0f * CellWidth() + 2.0f * gap; }
    float Height() const { return side + 2.0f * line; } // the title above, the a ticks below
};

// The most ticks (up to 5, at least 2 where the range allows) whose neighbours are `room(value,
// step)` pixels apart or more along an axis of `length` pixels, so tick labels never touch.
template <class Room> int TickCount(double lo, double hi, float length, Room room) {
    for (int count = 5; count >= 2; --count) {
        const Ticks ticks = NiceTicks(lo, hi, count);
        if (ticks.values.size() < 2) continue;
        const auto spacing = static_cast<float>(ticks.step / (hi - lo)) * length;
        bool fits = true;
        for (double v : ticks.values)
            fits = fits && room(v, ticks.step) <= spacing;
        if (fits) return count;
    }
    return 2;
}

std::string BarLabel(double v, double color_scale) {
    return FormatTick(v, color_scale);
}

// The largest squares that fit `width` and `max_height` with all their labels.
HeatRow LayOutHeatRow(const GatedLessonState& g, const GatedViewCache& cache, float width, float max_height) {
    HeatRow row;
    const float font = ImGui::GetFontSize();
    row.line = ImGui::GetTextLineHeightWithSpacing();
    const Ticks b_ticks = NiceTicks(g.b_min, g.b_max, 5);
    float b_labels = 0.0f;
    for (double b : b_ticks.values)
        b_labels = std::max(b_labels, ImGui::CalcTextSize(FormatTick(b, b_ticks.step).c_str()).x);
    // "a" sits under the b ticks, left of the first a tick label (which reaches half its width out).
    const Ticks a_ticks = NiceTicks(g.a_min, g.a_max, 5);
    const float first_a =
        a_ticks.values.empty()
            ? 0.0f
            : ImGui::CalcTextSize(FormatTick(a_ticks.values.front(), a_ticks.step).c_str()).x;
    row.tick_room =
        std::max(b_labels, ImGui::CalcTextSize("a").x + 0.5f * first_a + 0.3f * font) + 0.6f * font;
    row.bar_gap = 0.4f * font;
    row.bar_width = 0.7f * font;
    for (double scale : cache.color_scale)
        for (double v : {-scale, scale})
            row.bar_labels = std::max(row.bar_labels, ImGui::CalcTextSize(BarLabel(v, scale).c_str()).x);
    row.gap = 1.2f * font;
    const float fixed =
        row.tick_room + 3.0f * (2.0f * row.bar_gap + row.bar_width + row.bar_labels) + 2.0f * row.gap;
    row.side = std::max(16.0f, std::min((width - fixed) / 3.0f, max_height - 2.0f * row.line));
    row.a_ticks = TickCount(g.a_min, g.a_max, row.side, [&](double a, double step) {
        return ImGui::CalcTextSize(FormatTick(a, step).c_str()).x + font;
    });
    row.b_ticks = TickCount(g.b_min, g.b_max, row.side, [&](double, double) { return row.line; });
    row.bar_middle = row.side >= 3.5f * row.line;
    return row;
}

// The colour bar upright beside a square: +scale at the top, 0 in the middle, −scale at the bottom.
void DrawColorBar(ImDrawList* draw, const FigureTheme& theme, ImVec2 min, ImVec2 max, double color_scale,
                  bool middle) {
    constexpr int kSteps = 48;
    const float h = (max.y - min.y) / kSteps;
    for (int k = 0; k < kSteps; ++k) {
        const float t = 1.0f - 2.0f * (static_cast<float>(k) + 0.5f) / kSteps;
        const float y0 = min.y + static_cast<float>(k) * h;
        draw->AddRectFilled({min.x, y0}, {max.x, y0 + h + 0.5f}, ToImU32(HeatColor(theme.network, t)));
    }
    draw->AddRect(min, max, ToImU32(theme.frame));
    const ImU32 text = ToImU32(theme.text);
    for (double v : {color_scale, 0.0, -color_scale}) {
        if (v == 0.0 && !middle) continue;
        const std::string label = BarLabel(v, color_scale);
        const float height = ImGui::CalcTextSize(label.c_str()).y;
        const float y = max.y - static_cast<float>((v + color_scale) / (2.0 * color_scale)) * (max.y - min.y);
        draw->AddLine({max.x, y}, {max.x + 3.0f, y}, ToImU32(theme.axis));
        // Inside the bar's height, so the end labels do not reach into the title or the a ticks.
        Text(draw, {max.x + 5.0f, std::clamp(y - height / 2, min.y, max.y - height)}, text, label);
    }
}

// The a ticks under a square; for the first also the b ticks left of it, and the axis names ("a" at
// `cell_left`, the left edge of its cell).
void DrawAxisTicks(ImDrawList* draw, const FigureTheme& theme, const GatedLessonState& g, const HeatRect& r,
                   const HeatRow& row, bool b_ticks, float cell_left) {
    const ImU32 text = ToImU32(theme.text);
    const Ticks a_ticks = NiceTicks(g.a_min, g.a_max, row.a_ticks);
    for (double a : a_ticks.values) {
        const std::string label = FormatTick(a, a_ticks.step);
        const ImVec2 p = r.ToPixel(g, a, g.b_min);
        draw->AddLine(p, {p.x, p.y + 4.0f}, ToImU32(theme.axis));
        Text(draw, {p.x - ImGui::CalcTextSize(label.c_str()).x / 2, p.y + 4.0f}, text, label);
    }
    if (!b_ticks) return;
    const ImU32 dim = ToImU32(theme.dim_text);
    const float gap = 0.3f * ImGui::GetFontSize();
    Text(draw, {r.min.x - gap - ImGui::CalcTextSize("b").x, r.min.y - ImGui::GetTextLineHeightWithSpacing()},
         dim, "b");
    Text(draw, {cell_left, r.max.y + 4.0f}, dim, "a");
    const Ticks ticks = NiceTicks(g.b_min, g.b_max, row.b_ticks);
    for (double b : ticks.values) {
        const std::string label = FormatTick(b, ticks.step);
        const ImVec2 p = r.ToPixel(g, g.a_min, b);
        const ImVec2 size = ImGui::CalcTextSize(label.c_str());
        draw->AddLine({p.x - 4.0f, p.y}, p, ToImU32(theme.axis));
        Text(draw, {p.x - 6.0f - size.x, std::clamp(p.y - size.y / 2, r.min.y, r.max.y - size.y)}, text,
             label);
    }
}

// One heatmap with its title, contours, the slice line, ticks and colour bar, reported as region
// `kHeatRegions[k]`; `cell_min` is the top left of its cell (the b ticks' room included for the first).
HeatRect DrawHeat(AppState& state, UiRuntime& runtime, std::size_t k, const HeatRow& row, ImVec2 cell_min) {
    const GatedLessonState& g = state.gated;
    const FigureTheme theme = FigureThemeFor(state.display.theme);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float left = k == 0 ? row.tick_room : 0.0f;
    const HeatRect r{{cell_min.x + left, cell_min.y + row.line},
                     {cell_min.x + left + row.side, cell_min.y + row.line + row.side}};
    LayoutRecorder* recorder = ActiveRecorder();
    if (recorder) {
        recorder->BeginRegion(
            kHeatRegions[k], {cell_min.x - (k == 0 ? 0.0f : 0.5f * row.gap), cell_min.y},
            {r.min.x + row.CellWidth() + (k == 2 ? 0.0f : 0.5f * row.gap), cell_min.y + row.Height()});
    }
    const std::string title(GatedQuantityTitle(kGatedQuantities[k]));
    Text(draw, {r.min.x + (row.side - ImGui::CalcTextSize(title.c_str()).x) / 2, cell_min.y},
         ToImU32(theme.text), title);
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
            return ImVec2{r.min.x + (p.x + 0.5f) / n * row.side, r.min.y + (p.y + 0.5f) / n * row.side};
        };
        for (const auto& s : contour.segments)
            draw->AddLine(px(s[0]), px(s[1]), ToImU32(c), contour.level == 0.0 ? 2.0f : 1.0f);
    }
    // The slice b = const, dashed.
    const float y = r.ToPixel(g, g.a_min, g.slice_b).y;
    const float dash = 0.4f * ImGui::GetFontSize();
    for (float x = r.min.x; x < r.max.x; x += 1.6f * dash)
        draw->AddLine({x, y}, {std::min(x + dash, r.max.x), y}, ToImU32(theme.text),
                      1.5f * runtime.Scale(state));
    draw->PopClipRect();
    draw->AddRect(r.min, r.max, ToImU32(theme.frame));
    DrawAxisTicks(draw, theme, g, r, row, k == 0, cell_min.x);
    const float bar_x = r.max.x + row.bar_gap;
    DrawColorBar(draw, theme, {bar_x, r.min.y}, {bar_x + row.bar_width, r.max.y}, cache.color_scale[k],
                 row.bar_middle);
    if (recorder) recorder->EndRegion();
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

// The three heatmaps in a row of `size`, centred; returns the height they took.
float DrawHeatmaps(AppState& state, UiRuntime& runtime, ImVec2 size) {
    runtime.gated.Update(state.gated);
    const HeatRow row = LayOutHeatRow(state.gated, runtime.gated, size.x, size.y);
    const ImVec2 cursor = ImGui::GetCursorScreenPos();
    const ImVec2 origin{cursor.x + std::max(0.0f, (size.x - row.Width()) / 2), cursor.y};
    ImGui::InvisibleButton("##gated_heatmaps", {std::max(1.0f, size.x), std::max(1.0f, row.Height())});
    const bool hovered = ImGui::IsItemHovered();
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    float x = origin.x;
    for (std::size_t k = 0; k < 3; ++k) {
        const HeatRect r = DrawHeat(state, runtime, k, row, {x, origin.y});
        x = r.max.x + row.CellWidth() - row.side + row.gap;
        if (hovered && mouse.x >= r.min.x && mouse.x <= r.max.x && mouse.y >= r.min.y && mouse.y <= r.max.y)
            DrawHoverReadout(state, r, mouse);
    }
    return row.Height();
}

// The heatmaps over the f and f′ plots of the slice: the heatmaps get up to 58 % of the height, as
// much as their squares can use at this width; the plots the rest. A short area (3× on a 1080p
// screen) shows one of the two at a time, switched by a pair of sub-tabs.
void DrawGatedContent(AppState& state, UiRuntime& runtime, ImVec2 size) {
    ImGui::BeginChild("##gated_content", size, false, kFixed);
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const float line = ImGui::GetTextLineHeightWithSpacing();
    if (size.y >= 16.0f * line) {
        const float heat_height = DrawHeatmaps(state, runtime, {size.x, 0.58f * size.y});
        DrawFunctionPlots(state, runtime, {size.x, std::max(size.y - heat_height - spacing, 1.0f)},
                          "gated.slice_f", "gated.slice_df");
    } else {
        bool& plots = runtime.gated.show_slice_tab;
        if (ImGui::RadioButton("f, \u2202f/\u2202a, \u2202f/\u2202b", !plots)) plots = false;
        ImGui::SameLine();
        if (ImGui::RadioButton("the slice in f and f\u2032", plots)) plots = true;
        const ImVec2 rest = ImGui::GetContentRegionAvail();
        if (plots) {
            DrawFunctionPlots(state, runtime, rest, "gated.slice_f", "gated.slice_df");
        } else {
            DrawHeatmaps(state, runtime, rest);
        }
    }
    ImGui::EndChild();
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

void DrawGatedView(AppState& state, UiRuntime& runtime) {
    const ImVec2 available = ImGui::GetContentRegionAvail();
    if (state.display.hide_controls) {
        DrawGatedContent(state, runtime, available);
        return;
    }
    const float scale = runtime.Scale(state);
    if (ClassifyWidth(ImGui::GetIO().DisplaySize.x / scale) == SizeClass::Wide) {
        const float column = SideWidth(available.x, 300.0f * scale, 0.2f);
        BeginRegionChild("##gated_controls", "gated.controls", {column, available.y}, true);
        DrawControls(state, runtime, true);
        EndRegionChild();
        ImGui::SameLine();
        DrawGatedContent(state, runtime, ImGui::GetContentRegionAvail());
        return;
    }
    // The strip is as tall as last frame's rows (it wraps when narrow).
    const float one_row = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().WindowPadding.y;
    const float strip = std::max(runtime.gated.strip_height, one_row);
    BeginRegionChild("##gated_controls", "gated.controls", {available.x, strip}, false, kFixed);
    DrawControls(state, runtime, false);
    runtime.gated.strip_height = ImGui::GetCursorPosY() + ImGui::GetStyle().WindowPadding.y;
    EndRegionChild();
    DrawGatedContent(state, runtime, ImGui::GetContentRegionAvail());
}

} // namespace actlab::ui
