// The signal-propagation panel: a deep random network at initialisation, its per-layer activation
// mean and variance and backpropagated gradient norm (simulated on a worker thread), and the analytic
// SELU moment map (μ, ν) ↦ (μ̃, ν̃) of Klambauer et al. with its fixed point (0, 1).
#include "core/ticks.h"
#include "core/workspace.h"
#include "render/figure_theme.h"
#include "ui/drawer.h"
#include "ui/layout_recorder.h"
#include "ui/line_chart.h"
#include "ui/panels.h"
#include "ui/widgets.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>

namespace actlab::ui {

namespace {

constexpr const char* kInitLabels[] = {"LeCun normal (\u03c3\u00b2 = 1/fan_in)",
                                       "He normal (\u03c3\u00b2 = 2/fan_in)",
                                       "Xavier / Glorot (\u03c3\u00b2 = 2/(in + out))", "normal with \u03c3"};

// A parameter slider of the panel's activation, committed through SetParam so that only values in the
// parameter's domain are kept.
void ParameterSlider(PropagationPanelState& p, std::size_t index, std::string& message) {
    const ParamSpec& spec = Info(p.activation).params[index];
    double edited = p.params[index];
    const std::string label = std::string(spec.symbol) + "##prop_" + std::string(spec.name);
    const bool selu = p.activation == ActivationId::Selu;
    const char* reset = selu ? "canonical" : "reset";
    const ImGuiStyle& style = ImGui::GetStyle();
    // Room for the symbol and the reset button on the same line.
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x -
                            ImGui::CalcTextSize(std::string(spec.symbol).c_str()).x - ButtonWidth(reset) -
                            2 * style.ItemInnerSpacing.x - style.ItemSpacing.x - style.FramePadding.x);
    if (ReadableSlider(label.c_str(), ImGuiDataType_Double, &edited, &spec.slider_min, &spec.slider_max,
                       "%.6g") &&
        edited != p.params[index]) {
        Activation activation{p.activation, p.params};
        message = SetParam(activation, spec.name, edited);
        if (message.empty()) p.params = activation.params;
    }
    ItemTooltip(std::string(spec.help).c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton((std::string(reset) + "##prop_" + std::string(spec.name)).c_str())) {
        p.params[index] = spec.canonical_value;
        message.clear();
    }
    if (selu)
        ItemTooltip(
            "Back to λ = 1.0507…, α = 1.6733…: the values that make (0, 1) a fixed point of the moment map.");
}

void DrawNetworkControls(AppState& state, UiRuntime& runtime, std::string& message) {
    PropagationPanelState& p = state.propagation;
    const ActivationInfo& info = Info(p.activation);
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 5.0f);
    if (ImGui::BeginCombo("activation", std::string(info.display_name).c_str())) {
        for (const ActivationInfo& candidate : Catalogue()) {
            if (ImGui::Selectable(std::string(candidate.display_name).c_str(),
                                  candidate.id == p.activation) &&
                candidate.id != p.activation) {
                p.activation = candidate.id;
                p.params = Activation::WithDefaults(candidate.id).params;
                message.clear();
            }
        }
        ImGui::EndCombo();
    }
    for (std::size_t i = 0; i < info.params.size(); ++i)
        ParameterSlider(p, i, message);
    if (!message.empty()) ErrorText(("Refused: " + message).c_str());

    int init = static_cast<int>(p.init);
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 5.0f);
    if (ImGui::Combo("weights", &init, kInitLabels, 4)) p.init = static_cast<SignalInitScheme>(init);
    ItemTooltip(
        "How the weights are drawn: N(0, σ²). SELU's constants assume LeCun; ReLU keeps its scale with He.");
    if (p.init == SignalInitScheme::Normal) {
        double edited = p.init_std;
        const double lo = 0.001, hi = 10.0;
        ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 5.0f);
        if (ReadableSlider("\u03c3##init_std", ImGuiDataType_Double, &edited, &lo, &hi, "%.4g",
                           ImGuiSliderFlags_Logarithmic)) {
            if (std::isfinite(edited) && edited >= 0.0 && edited <= 100.0) {
                p.init_std = edited;
            } else {
                message = "the weights' σ must be 0 to 100";
            }
        }
    }
    ClampedIntSlider("width", p.width, 1, kMaxPanelWidth, "Units per layer W (1 to 1000).", true);
    ClampedIntSlider("depth", p.depth, 1, kMaxPanelDepth, "Layers D (1 to 100).");
    ClampedIntSlider("samples", p.samples, 1, kMaxPanelSamples,
                     "Inputs x ~ N(0, I) pushed through the network (1 to 1000).", true);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.0f);
    int seed = p.seed;
    if (ImGui::InputInt("seed", &seed)) p.seed = std::max(seed, 0);

    const PropagationRunner& runner = runtime.session.theory.propagation;
    if (!runner.error().empty()) {
        ErrorText(("Cannot run: " + runner.error()).c_str());
    } else if (runner.Running()) {
        const std::string text =
            "simulating " + std::to_string(static_cast<int>(runner.Progress() * 100.0)) + " %";
        ImGui::ProgressBar(static_cast<float>(runner.Progress()), {-FLT_MIN, 0.0f}, text.c_str());
    } else {
        HintText("Up to date: the plots show these settings.");
    }
}

void DrawMapControls(AppState& state, UiRuntime& runtime, const SeluMapResults& map) {
    PropagationPanelState& p = state.propagation;
    SectionHeading("SELU moment map", runtime.fonts.bold);
    if (p.activation == ActivationId::Selu) {
        ImGui::Text("\u03bb = %s, \u03b1 = %s (the sliders above)",
                    FormatReadout(map.params.lambda, 8).c_str(), FormatReadout(map.params.alpha, 8).c_str());
    } else {
        HintText("Uses SELU's canonical λ and α (choose SELU above to vary them).");
    }
    double mean = p.map_mean, var = p.map_var;
    const double mean_lo = -3.0, mean_hi = 3.0, var_lo = 0.01, var_hi = 10.0;
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 5.0f);
    if (ReadableSlider("\u03bc\u2080", ImGuiDataType_Double, &mean, &mean_lo, &mean_hi, "%.3g") &&
        std::isfinite(mean) && std::abs(mean) <= 1e3) {
        p.map_mean = mean;
    }
    ItemTooltip("Mean of the inputs to the first layer.");
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 5.0f);
    if (ReadableSlider("\u03bd\u2080", ImGuiDataType_Double, &var, &var_lo, &var_hi, "%.3g",
                       ImGuiSliderFlags_Logarithmic) &&
        std::isfinite(var) && var > 0.0 && var <= 1e3) {
        p.map_var = var;
    }
    ItemTooltip("Variance of the inputs to the first layer.");
    ClampedIntSlider("steps", p.map_steps, 1, kMaxPanelMapSteps, "How many layers the map is applied.");
    if (!map.error.empty()) {
        ErrorText(map.error.c_str());
    } else if (map.fixed_point) {
        // Rounded to 10 decimals: Newton's −8·10⁻¹⁷ for the canonical μ* is 0.
        const auto rounded = [](double v) { return FormatReadout(std::round(v * 1e10) / 1e10, 6); };
        ImGui::Text("fixed point (\u03bc*, \u03bd*) = (%s, %s)", rounded(map.fixed_point->mean).c_str(),
                    rounded(map.fixed_point->variance).c_str());
        ImGui::Text("\u2016J\u2016\u2082 there = %s", FormatReadout(map.jacobian_norm, 5).c_str());
        ItemTooltip(
            "The spectral norm of the map's Jacobian ∂(μ̃, ν̃)/∂(μ, ν) at the fixed point. Below 1, the map is "
            "a contraction there: deviations shrink by at least this factor per layer, so (μ, ν) is pulled "
            "back to the fixed point.");
        HintText(map.jacobian_norm < 1.0 ? "< 1: the fixed point attracts."
                                         : "\u2265 1: the fixed point does not attract.");
    } else {
        ErrorText("No fixed point with \u03bd > 0 for these constants: the variance drifts away.");
    }
}

void DrawCharts(AppState& state, UiRuntime& runtime, const SeluMapResults& map) {
    const FigureTheme theme = FigureThemeFor(state.display.theme);
    const float scale = runtime.Scale(state);
    const PropagationRunner& runner = runtime.session.theory.propagation;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const ImVec2 spacing = ImGui::GetStyle().ItemSpacing;
    // Four charts in a 2 × 2 grid, never a scroll: the lesson's two (variance and gradient per layer)
    // on top and a little taller, the mean and the moment map under them.
    // A short window (1080p at 3×) shows one pair at a time under two tabs, each chart full height.
    const float width = (avail.x - spacing.x) / 2;
    const bool short_area = avail.y < 16.0f * ImGui::GetTextLineHeightWithSpacing();
    bool show_top = true, show_bottom = true;
    float pair_height = avail.y;
    if (short_area) {
        bool& lower = runtime.propagation_lower_pair;
        for (const bool pair : {false, true}) {
            if (pair) ImGui::SameLine(0.0f, ImGui::GetStyle().ItemInnerSpacing.x);
            ImGui::PushStyleColor(
                ImGuiCol_Button, ImGui::GetStyleColorVec4(lower == pair ? ImGuiCol_TabActive : ImGuiCol_Tab));
            if (ImGui::SmallButton(pair ? "mean, moment map" : "variance, gradient")) lower = pair;
            ImGui::PopStyleColor();
        }
        pair_height = ImGui::GetContentRegionAvail().y;
        show_top = !lower;
        show_bottom = lower;
    }
    const ImVec2 top{width, short_area ? pair_height : (avail.y - spacing.y) * 0.6f};
    const ImVec2 bottom{width, short_area ? pair_height : avail.y - spacing.y - top.y};
    // The long title where the chart is wide enough for it, else the short one.
    const auto title = [&](const char* long_title, const char* short_title) {
        return std::string(ImGui::CalcTextSize(long_title).x <= width ? long_title : short_title);
    };
    const auto chart = [&](const char* id, const char* region, const std::vector<ChartSeries>& series,
                           const ChartOptions& options, ImVec2 size) {
        BeginRegionAtCursor(region, size);
        LineChart(id, series, options, theme, runtime.fonts, scale, size);
        EndRegionAtCursor();
    };

    ChartSeries mean{"mean", PaletteColor(theme, 0), {}, {}, {}, true, false, false};
    ChartSeries var{"variance", PaletteColor(theme, 1), {}, {}, {}, true, false, false};
    ChartSeries grad{"\u2016\u03b4\u2113\u2016", PaletteColor(theme, 2), {}, {}, {}, true, false, false};
    for (const LayerStatistics& layer : runner.results()) {
        const auto l = static_cast<double>(layer.layer);
        mean.x.push_back(l);
        mean.y.push_back(layer.mean);
        var.x.push_back(l);
        var.y.push_back(layer.variance);
        grad.x.push_back(l);
        grad.y.push_back(layer.grad_norm);
    }
    // Outdated results stay visible, dimmed, while the new run computes.
    const bool stale = !runner.Current();
    if (stale) ImGui::PushStyleVar(ImGuiStyleVar_Alpha, 0.45f);
    const float left_margin = SharedChartLeftMargin(runtime.fonts, scale); // the per-layer charts line up
    ChartOptions var_options;
    var_options.title =
        title("Variance of the activations per layer (log scale)", "Variance per layer (log)");
    var_options.x_label = "layer \u2113";
    var_options.log_y = true;
    var_options.min_left_margin = left_margin;
    var_options.y_references = {1.0};
    if (show_top) {
        chart("##var", "propagation.variance", {var}, var_options, top);
        ImGui::SameLine();
    }
    ChartOptions grad_options;
    grad_options.title = title("Gradient norm \u2016\u2202L/\u2202h\u2113\u2016 per layer (log scale)",
                               "\u2016\u2202L/\u2202h\u2113\u2016 per layer (log)");
    grad_options.x_label = "layer \u2113 (0 is the input)";
    grad_options.log_y = true;
    grad_options.min_left_margin = left_margin;
    grad_options.legend = false;
    if (show_top) chart("##grad", "propagation.gradient", {grad}, grad_options, top);
    ChartOptions mean_options;
    mean_options.min_left_margin = left_margin;
    mean_options.title = title("Mean of the activations per layer", "Mean per layer");
    mean_options.x_label = "layer \u2113";
    mean_options.y_references = {0.0};
    mean_options.min_y_span = 0.5; // sampling noise of ±0.01 around 0 should look like 0
    if (show_bottom) chart("##mean", "propagation.mean", {mean}, mean_options, bottom);
    if (stale) ImGui::PopStyleVar();
    if (show_bottom) ImGui::SameLine();

    ChartSeries trajectory{"trajectory", PaletteColor(theme, 0), {}, {}, {}, true, true, false};
    for (const SeluMoments& m : map.trajectory) {
        trajectory.x.push_back(m.mean);
        trajectory.y.push_back(m.variance);
    }
    std::vector<ChartSeries> map_series{trajectory};
    if (!map.trajectory.empty()) {
        map_series.push_back({"start",
                              PaletteColor(theme, 1),
                              {map.trajectory.front().mean},
                              {map.trajectory.front().variance},
                              {},
                              false,
                              true,
                              false});
    }
    if (map.fixed_point) {
        map_series.push_back({"fixed point",
                              PaletteColor(theme, 2),
                              {map.fixed_point->mean},
                              {map.fixed_point->variance},
                              {},
                              false,
                              true,
                              false});
    }
    ChartOptions map_options;
    map_options.title = title("SELU moment map in the (\u03bc, \u03bd) plane", "SELU map (\u03bc, \u03bd)");
    map_options.x_label = "mean \u03bc";
    map_options.y_label = "variance \u03bd";
    map_options.y_references = {1.0};
    if (show_bottom) chart("##map", "propagation.map", map_series, map_options, bottom);
}

constexpr const char* kControlsDrawer = "##drawer_propagation";

void DrawControlColumn(AppState& state, UiRuntime& runtime) {
    const SeluMapResults& map = runtime.session.theory.selu_map.Get(state.propagation);
    SectionHeading("Random deep network", runtime.fonts.bold);
    DrawNetworkControls(state, runtime, runtime.propagation_message);
    ImGui::Spacing();
    HintText("SELU with the canonical λ, α and LeCun weights keeps mean ≈ 0, variance ≈ 1 at every depth; "
             "other λ, α "
             "drift. ReLU keeps its scale with He and shrinks with LeCun. Sigmoid and tanh gradients vanish "
             "towards "
             "the input (σ′ ≤ 0.25).");
    ImGui::Spacing();
    DrawMapControls(state, runtime, map);
}

} // namespace

void DrawPropagationPanel(AppState& state, UiRuntime& runtime) {
    const float scale = runtime.Scale(state);
    const ImVec2 available = ImGui::GetContentRegionAvail();
    // The controls keep a column only in a wide window; otherwise the four charts take the width.
    const bool wide = ClassifyWidth(ImGui::GetIO().DisplaySize.x / scale) == SizeClass::Wide;
    if (!state.display.hide_controls && !wide) {
        DrawerButton(runtime, "Controls\u2026", kControlsDrawer,
                     "The random network and the moment map's start.");
        ImGui::SameLine();
        HintText("SELU keeps variance \u2248 1 at every depth; sigmoid and tanh gradients vanish towards the "
                 "input.");
    } else if (!state.display.hide_controls) {
        BeginRegionChild("##propagation_controls", "propagation.controls",
                         {SideWidth(available.x, 360.0f * scale, 0.3f), available.y});
        DrawControlColumn(state, runtime);
        EndRegionChild();
        ImGui::SameLine();
    }
    ImGui::BeginChild("##propagation_charts", {0.0f, ImGui::GetContentRegionAvail().y}, false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    DrawCharts(state, runtime, runtime.session.theory.selu_map.Get(state.propagation));
    ImGui::EndChild();
}

void DrawPropagationDrawers(AppState& state, UiRuntime& runtime, float top) {
    if (BeginDrawer(kControlsDrawer, 380.0f * runtime.Scale(state), false, top)) {
        DrawControlColumn(state, runtime);
        EndDrawer();
    }
}

} // namespace actlab::ui
