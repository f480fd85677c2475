// The softmax panel: class scores (logits) in, probabilities out, with the temperature, the formula
// evaluated with the actual numbers, the lecture's handwritten table corrected, and the Jacobian.
//   pᵢ = e^{zᵢ/T} / Σⱼ e^{zⱼ/T}          ∂pᵢ/∂zⱼ = pᵢ(δᵢⱼ − pⱼ)/T
#include "core/ticks.h"
#include "core/workspace.h"
#include "render/figure_theme.h"
#include "ui/autoplay_controls.h"
#include "ui/imgui_canvas.h"
#include "ui/layout_recorder.h"
#include "ui/panels.h"
#include "ui/widgets.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

namespace actlab::ui {

namespace {

constexpr double kMinTemperatureSlider = 0.01;
constexpr double kMaxTemperatureSlider = 100.0;
constexpr double kSweepTemperatureFrom = 0.25, kSweepTemperatureTo = 4.0;

// Probabilities for people: 6 significant digits, scientific form for tiny ones (9.35762e−14).
std::string FormatProbability(double p) {
    return FormatReadout(p, 6);
}

// A logit as typed ("10", "−3.5", "1e+04").
std::string FormatLogit(double z) {
    return FormatReadout(z, 6);
}

// Diverging colour map for the Jacobian: blue for negative, vermillion for positive (Okabe–Ito, so
// colour-blind safe), fading into the plot background at 0. `t` is in [−1, 1].
Color Diverging(const FigureTheme& theme, double t) {
    t = std::clamp(t, -1.0, 1.0);
    const Color negative{0, 114, 178, 255}, positive{213, 94, 0, 255};
    const Color end = t < 0 ? negative : positive;
    const double a = std::sqrt(std::abs(t)); // small entries stay visible next to a large one
    const auto mix = [a](std::uint8_t from, std::uint8_t to) {
        return static_cast<std::uint8_t>(
            std::lround(static_cast<double>(from) + a * (static_cast<double>(to) - from)));
    };
    const Color base = theme.plot_background;
    return {mix(base.r, end.r), mix(base.g, end.g), mix(base.b, end.b), 255};
}

// Text that stays readable on a cell of this colour.
Color TextOn(Color fill) {
    const int luminance = (fill.r * 3 + fill.g * 6 + fill.b) / 10;
    return luminance > 140 ? Color{20, 20, 20, 255} : Color{245, 245, 245, 255};
}

void DrawClassTable(AppState& state, UiRuntime& runtime, const SoftmaxResults& results,
                    const FigureTheme& theme) {
    SoftmaxPanelState& softmax = state.softmax;
    const ImGuiTableFlags flags =
        ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH;
    if (!ImGui::BeginTable("##classes", 5, flags)) return;
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed);
    // Narrow enough that the bars (what the lesson is about) keep most of the column at 2×.
    ImGui::TableSetupColumn("class", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 5.0f);
    ImGui::TableSetupColumn("logit z\u1d62", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 4.2f);
    // As wide as the widest probability shown (the lecture's 2.06106e−09 is wider than 0.00000000).
    float p_width = ImGui::CalcTextSize("0.00000000").x;
    if (results.error.empty()) {
        for (const double p : results.probabilities)
            p_width = std::max(p_width, ImGui::CalcTextSize(FormatProbability(p).c_str()).x);
    }
    ImGui::TableSetupColumn("p\u1d62", ImGuiTableColumnFlags_WidthFixed, p_width);
    ImGui::TableSetupColumn("##bar", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    std::size_t remove = softmax.logits.size();
    for (std::size_t i = 0; i < softmax.logits.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::BeginDisabled(softmax.logits.size() <= 1);
        if (ImGui::SmallButton("\u00d7")) remove = i;
        ImGui::EndDisabled();
        ItemTooltip("Remove this class.");
        ImGui::TableSetColumnIndex(1);
        char name[64];
        std::snprintf(name, sizeof name, "%s", softmax.class_names[i].c_str());
        ImGui::SetNextItemWidth(-FLT_MIN);
        if (ImGui::InputText("##name", name, sizeof name)) softmax.class_names[i] = name;
        ImGui::TableSetColumnIndex(2);
        double logit = softmax.logits[i];
        ImGui::SetNextItemWidth(-FLT_MIN);
        if (ImGui::InputDouble("##logit", &logit, 0.0, 0.0, "%.6g")) {
            if (std::isfinite(logit)) {
                softmax.logits[i] = logit;
                runtime.softmax_message.clear();
            } else {
                runtime.softmax_message = "Refused: a logit must be a finite number.";
            }
        }
        ItemTooltip(
            "The class score zᵢ (the network's output before softmax). Any finite number: the maximum is "
            "subtracted before exponentiating, so ±10000 works.");
        if (results.error.empty() && i < results.probabilities.size()) {
            const double p = results.probabilities[i];
            ImGui::TableSetColumnIndex(3);
            ImGui::TextUnformatted(FormatProbability(p).c_str());
            ImGui::TableSetColumnIndex(4);
            const ImVec2 at = ImGui::GetCursorScreenPos();
            const float width = std::max(ImGui::GetContentRegionAvail().x, 1.0f);
            const float height = ImGui::GetTextLineHeight();
            ImDrawList* draw = ImGui::GetWindowDrawList();
            draw->AddRectFilled(at, {at.x + width, at.y + height},
                                ImGui::GetColorU32(ToImVec4(theme.plot_background)));
            // A probability of 1e−14 still gets a hairline, so that "tiny" and "missing" differ.
            const float filled = p > 0.0 ? std::max(static_cast<float>(p) * width, 1.0f) : 0.0f;
            draw->AddRectFilled(at, {at.x + filled, at.y + height},
                                ImGui::GetColorU32(ToImVec4(PaletteColor(theme, 0))));
            draw->AddRect(at, {at.x + width, at.y + height}, ImGui::GetColorU32(ToImVec4(theme.frame)));
            ImGui::Dummy({width, height});
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
    if (remove < softmax.logits.size()) {
        softmax.logits.erase(softmax.logits.begin() + static_cast<std::ptrdiff_t>(remove));
        softmax.class_names.erase(softmax.class_names.begin() + static_cast<std::ptrdiff_t>(remove));
    }
}

void DrawControls(AppState& state, UiRuntime& runtime) {
    SoftmaxPanelState& softmax = state.softmax;
    ImGui::BeginDisabled(softmax.logits.size() >= kMaxSoftmaxPanelClasses);
    if (ImGui::Button("+ Add class")) {
        softmax.class_names.push_back("Class " + std::to_string(softmax.logits.size() + 1));
        softmax.logits.push_back(0.0);
    }
    ImGui::EndDisabled();
    ItemTooltip("At most 12 classes here; `actlab softmax` takes up to 1000.");
    SameLineIfFits(ButtonWidth("Lecture example"));
    if (ImGui::Button("Lecture example")) {
        softmax = SoftmaxPanelState{};
        runtime.softmax_message.clear();
    }
    ItemTooltip("Dog, Cat, Don, Tiger with logits 10, 20, 30, 40 at T = 1.");

    // The temperature on a log scale: T and 1/T are equally far from 1.
    double temperature = softmax.temperature;
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 9.0f,
                                     ImGui::GetFontSize() * 18.0f) -
                            AutoplayButtonWidth());
    const bool changed =
        ReadableSlider("temperature T", ImGuiDataType_Double, &temperature, &kMinTemperatureSlider,
                       &kMaxTemperatureSlider, "%.4g", ImGuiSliderFlags_Logarithmic);
    ItemTooltip("pᵢ = exp(zᵢ/T) / Σⱼ exp(zⱼ/T). Large T flattens the distribution towards uniform, small T "
                "sharpens it "
                "towards the arg max. Ctrl+click to type an exact value (must be > 0).");
    // Linear in T: the default sweep stays between sharp and flat rather than spanning 0.01 … 100.
    AutoplayButton(state, runtime, "softmax.temperature", kSweepTemperatureFrom, kSweepTemperatureTo);
    if (changed && temperature != softmax.temperature) {
        if (std::isfinite(temperature) && temperature > 0.0) {
            softmax.temperature = temperature;
            runtime.softmax_message.clear();
        } else {
            runtime.softmax_message = "Refused: the temperature must be a finite number > 0, got " +
                                      FormatReadout(temperature) + "; T stays " +
                                      FormatReadout(softmax.temperature) + ".";
        }
    }
    SameLineIfFits(ButtonWidth("T = 1"));
    if (ImGui::SmallButton("T = 1")) softmax.temperature = 1.0;
    SameLineIfFits(ImGui::GetFrameHeight() + ButtonWidth("Jacobian and the lecture's table"));
    ImGui::Checkbox("Jacobian and the lecture's table", &runtime.softmax_jacobian);
    ItemTooltip("Show \u2202p\u1d62/\u2202z\u2c7c as a heatmap and the handwritten table corrected, in place "
                "of the formula.");
    if (!runtime.softmax_message.empty()) ErrorText(runtime.softmax_message.c_str());
}

// The formula with numbers, evaluated the stable way, one row per class.
void DrawFormula(const AppState& state, const SoftmaxResults& results) {
    const SoftmaxPanelState& softmax = state.softmax;
    const std::string t = FormatLogit(softmax.temperature);
    // Plain Unicode in the window: braces are LaTeX's, not the reader's.
    ImGui::TextWrapped(
        "p\u1d62 = exp(z\u1d62/T) / \u03a3\u2c7c exp(z\u2c7c/T) = exp((z\u1d62 \u2212 m)/T) / \u03a3\u2c7c "
        "exp((z\u2c7c \u2212 m)/T)");
    ImGui::TextWrapped(
        "with m = max z\u2c7c = %s and T = %s (subtracting m changes nothing but keeps e^\u2026 \u2264 1)",
        FormatLogit(results.max_logit).c_str(), t.c_str());
    // Each row's cells, worked out; on one line each where the table fits the pane, else the result
    // ("= 0.0320586") on a second line, so the last column is never cut (the projector at 2×).
    struct Row {
        std::string shift, shift_result, exponential, ratio, ratio_result;
    };
    std::vector<Row> rows;
    float shift_width = ImGui::CalcTextSize("(z\u1d62 \u2212 m)/T").x;
    float ratio_width = ImGui::CalcTextSize("p\u1d62 = e\u1d62 / \u03a3\u2c7c e\u2c7c").x;
    float names_width = ImGui::CalcTextSize("class").x;
    for (std::size_t i = 0; i < softmax.logits.size(); ++i) {
        Row row;
        row.shift =
            "(" + FormatLogit(softmax.logits[i]) + " \u2212 " + FormatLogit(results.max_logit) + ")/" + t;
        row.shift_result =
            "= " + FormatReadout((softmax.logits[i] - results.max_logit) / softmax.temperature);
        row.exponential = FormatProbability(results.shifted_exponentials[i]);
        row.ratio = FormatProbability(results.shifted_exponentials[i]) + " / " +
                    FormatReadout(results.denominator, 8);
        row.ratio_result = "= " + FormatProbability(results.probabilities[i]);
        shift_width =
            std::max(shift_width, ImGui::CalcTextSize((row.shift + " " + row.shift_result).c_str()).x);
        ratio_width =
            std::max(ratio_width, ImGui::CalcTextSize((row.ratio + " " + row.ratio_result).c_str()).x);
        names_width = std::max(names_width, ImGui::CalcTextSize(softmax.class_names[i].c_str()).x);
        rows.push_back(std::move(row));
    }
    const float exp_width = ImGui::CalcTextSize("e\u1d62 = exp((z\u1d62 \u2212 m)/T)").x;
    const float cell_padding = 4.0f * ImGui::GetStyle().CellPadding.x + ImGui::GetFontSize();
    const bool one_line = names_width + shift_width + exp_width + ratio_width + cell_padding * 4.0f <=
                          ImGui::GetContentRegionAvail().x;
    const ImGuiTableFlags flags =
        ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV;
    if (!ImGui::BeginTable("##formula", 4, flags)) return;
    ImGui::TableSetupColumn("class");
    ImGui::TableSetupColumn("(z\u1d62 \u2212 m)/T");
    ImGui::TableSetupColumn(one_line ? "e\u1d62 = exp((z\u1d62 \u2212 m)/T)" : "e\u1d62 = exp(\u2026)");
    ImGui::TableSetupColumn("p\u1d62 = e\u1d62 / \u03a3\u2c7c e\u2c7c");
    ImGui::TableHeadersRow();
    double sum = 0.0;
    const auto cell = [one_line](const std::string& expression, const std::string& result) {
        if (one_line) {
            ImGui::TextUnformatted((expression + " " + result).c_str());
        } else {
            ImGui::TextUnformatted(expression.c_str());
            ImGui::TextUnformatted(result.c_str());
        }
    };
    for (std::size_t i = 0; i < rows.size(); ++i) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::TextUnformatted(softmax.class_names[i].c_str());
        ImGui::TableSetColumnIndex(1);
        cell(rows[i].shift, rows[i].shift_result);
        ImGui::TableSetColumnIndex(2);
        ImGui::TextUnformatted(rows[i].exponential.c_str());
        ImGui::TableSetColumnIndex(3);
        cell(rows[i].ratio, rows[i].ratio_result);
        sum += results.probabilities[i];
    }
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::TextUnformatted("\u03a3");
    ImGui::TableSetColumnIndex(2);
    ImGui::TextUnformatted(FormatReadout(results.denominator, 8).c_str());
    ImGui::TableSetColumnIndex(3);
    ImGui::Text("\u03a3 p\u1d62 = %s", FormatReadout(sum, 12).c_str());
    ImGui::EndTable();
}

// The lecture's table assigned Dog 0.4, Cat 0.1, Don 0.2, Tiger 0.3 to the logits 10, 20, 30, 40.
void DrawLectureNote(UiRuntime& runtime) {
    SectionHeading("The handwritten table", runtime.fonts.bold);
    const SoftmaxPanelState lecture;
    const std::vector<double> correct = Softmax(lecture.logits, lecture.temperature);
    HintText(
        "The lecture's table gives Dog 0.4, Cat 0.1, Don 0.2, Tiger 0.3 for the logits 10, 20, 30, 40. Those "
        "numbers sum to 1 but do not add up otherwise: softmax is increasing in each logit, so the largest "
        "logit (Tiger, 40) must get the largest probability, and a gap of 10 between logits is a factor "
        "e¹⁰ ≈ 22026 between probabilities. The correct values at T = 1:");
    std::string line;
    for (std::size_t i = 0; i < correct.size(); ++i) {
        line += (i ? ",   " : "") + lecture.class_names[i] + " " + FormatProbability(correct[i]);
    }
    ImGui::PushFont(runtime.fonts.bold);
    ImGui::TextWrapped("%s", line.c_str());
    ImGui::PopFont();
}

// ∂pᵢ/∂zⱼ as an n×n heatmap: rows i, columns j, class names on both sides, the value in each cell
// when it fits, and a colour key.
void DrawJacobian(const AppState& state, UiRuntime& runtime, const SoftmaxResults& results,
                  const FigureTheme& theme) {
    const SoftmaxPanelState& softmax = state.softmax;
    const float scale = runtime.Scale(state);
    const float font = runtime.fonts.body_size;
    const std::size_t n = results.probabilities.size();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImGuiCanvas canvas(draw, runtime.fonts);

    double largest = 0.0;
    for (const auto& row : results.jacobian) {
        for (double v : row)
            largest = std::max(largest, std::abs(v));
    }
    float label_width = 0.0f;
    for (const std::string& name : softmax.class_names)
        label_width = std::max(label_width, canvas.MeasureText(name, font).x);
    const float pad = 6.0f * scale;
    const float available = ImGui::GetContentRegionAvail().x - label_width - 2 * pad;
    const float cell = std::clamp(available / static_cast<float>(n), 24.0f * scale, 96.0f * scale);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const Vec2 grid{origin.x + label_width + pad, origin.y + font * 1.4f};
    // Column labels j on top, row labels i on the left.
    for (std::size_t j = 0; j < n; ++j) {
        const float x = grid.x + cell * (static_cast<float>(j) + 0.5f);
        const std::string& name = softmax.class_names[j];
        if (canvas.MeasureText(name, font).x <= cell)
            canvas.Text({x, origin.y}, name, theme.text, font, TextAlign::Center);
    }
    for (std::size_t i = 0; i < n; ++i) {
        const float y = grid.y + cell * (static_cast<float>(i) + 0.5f);
        canvas.Text({grid.x - pad, y}, softmax.class_names[i], theme.text, font, TextAlign::Right,
                    TextBaseline::Middle);
        for (std::size_t j = 0; j < n; ++j) {
            const double v = results.jacobian[i][j];
            const Color fill = Diverging(theme, largest > 0.0 ? v / largest : 0.0);
            const Vec2 min{grid.x + cell * static_cast<float>(j), grid.y + cell * static_cast<float>(i)};
            const Vec2 max{min.x + cell, min.y + cell};
            canvas.FilledRect(min, max, fill);
            canvas.Rect(min, max, theme.grid, 1.0f);
            const std::string text = FormatReadout(v, 3);
            if (canvas.MeasureText(text, font).x <= cell - 4.0f * scale) {
                canvas.Text({(min.x + max.x) / 2, (min.y + max.y) / 2}, text, TextOn(fill), font,
                            TextAlign::Center, TextBaseline::Middle);
            }
            if (ImGui::IsMouseHoveringRect({min.x, min.y}, {max.x, max.y}) && ImGui::IsWindowHovered()) {
                ImGui::SetTooltip("\u2202p(%s)/\u2202z(%s) = %s", softmax.class_names[i].c_str(),
                                  softmax.class_names[j].c_str(), FormatReadout(v, 10).c_str());
            }
        }
    }
    const float bottom = grid.y + cell * static_cast<float>(n);
    // The colour key: −max … 0 … +max.
    const float key_width = std::min(cell * static_cast<float>(n), 260.0f * scale);
    const float key_y = bottom + pad;
    constexpr int kSteps = 40;
    for (int k = 0; k < kSteps; ++k) {
        const double t = -1.0 + 2.0 * (k + 0.5) / kSteps;
        const float x0 = grid.x + key_width * static_cast<float>(k) / kSteps;
        canvas.FilledRect({x0, key_y}, {x0 + key_width / kSteps + 0.5f, key_y + font * 0.7f},
                          Diverging(theme, t));
    }
    canvas.Rect({grid.x, key_y}, {grid.x + key_width, key_y + font * 0.7f}, theme.frame, 1.0f);
    const float label_y = key_y + font * 0.8f;
    canvas.Text({grid.x, label_y}, "\u2212" + FormatReadout(largest, 3), theme.dim_text, font);
    canvas.Text({grid.x + key_width / 2, label_y}, "0", theme.dim_text, font, TextAlign::Center);
    canvas.Text({grid.x + key_width, label_y}, FormatReadout(largest, 3), theme.dim_text, font,
                TextAlign::Right);
    ImGui::Dummy({label_width + pad + cell * static_cast<float>(n), label_y + font * 1.3f - origin.y});
    HintText(
        "Rows sum to 0: raising one logit takes probability from the others. The diagonal pᵢ(1 − pᵢ)/T is "
        "largest when pᵢ = ½; a saturated softmax (one p ≈ 1) has a Jacobian ≈ 0, so its gradient vanishes.");
}

} // namespace

void DrawSoftmaxPanel(AppState& state, UiRuntime& runtime) {
    // Keep names and logits paired whatever a settings file or a test did.
    state.softmax.class_names.resize(state.softmax.logits.size());
    const FigureTheme theme = FigureThemeFor(state.display.theme);
    const SoftmaxResults& results = runtime.session.theory.softmax.Get(state.softmax);
    const ImVec2 available = ImGui::GetContentRegionAvail();
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const ImGuiWindowFlags fixed = ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;

    // The bars on the left, the formula (or the Jacobian) on the right: side by side, as the wide
    // and short lecture-hall screen wants.
    // The bars need about 26 em; the formula table takes the rest, which it needs more.
    const float left = SideWidth(available.x - spacing, ImGui::GetFontSize() * 30.0f, 0.46f);
    BeginRegionChild("##softmax_bars", "softmax.bars", {left, available.y}, true);
    SectionHeading("Class scores \u2192 probabilities", runtime.fonts.bold);
    DrawClassTable(state, runtime, results, theme);
    if (!state.display.hide_controls) {
        ImGui::Spacing();
        DrawControls(state, runtime);
    }
    EndRegionChild();
    ImGui::SameLine();
    const SoftmaxResults& current = runtime.session.theory.softmax.Get(state.softmax);
    const bool jacobian = runtime.softmax_jacobian && !state.display.hide_controls;
    BeginRegionChild("##softmax_right", jacobian ? "softmax.jacobian" : "softmax.formula",
                     {0.0f, available.y}, true, jacobian ? 0 : fixed);
    if (!current.error.empty()) {
        ErrorText(("Cannot compute: " + current.error).c_str());
    } else if (jacobian) {
        SectionHeading("Jacobian \u2202p\u1d62/\u2202z\u2c7c = p\u1d62(\u03b4\u1d62\u2c7c \u2212 p\u2c7c)/T  "
                       " (row i, column j)",
                       runtime.fonts.bold);
        DrawJacobian(state, runtime, current, theme);
        ImGui::Spacing();
        DrawLectureNote(runtime);
    } else {
        SectionHeading("The formula with numbers", runtime.fonts.bold);
        DrawFormula(state, current);
    }
    EndRegionChild();
}

} // namespace actlab::ui
