// Parameter sliders of the selected functions (Ctrl+click to type an exact value), resets, and the
// pinned probe points. A typed value outside the parameter's domain is refused with a message.
#include "core/ticks.h"
#include "render/figure_theme.h"
#include "render/plot_figure.h"
#include "ui/autoplay_controls.h"
#include "ui/panels.h"
#include "ui/widgets.h"

#include <cmath>
#include <string>

namespace actlab::ui {

namespace {

// One slider. The value is edited on a copy and committed through SetParam, which checks the domain:
// NaN, ±inf and out-of-domain values never reach the plots.
void ParameterSlider(AppState& state, UiRuntime& runtime, ActivationId id, std::size_t index) {
    const ActivationInfo& info = Info(id);
    const ParamSpec& spec = info.params[index];
    ParamValues& values = state.plots.params[static_cast<std::size_t>(id)];
    double edited = values[index];
    const std::string label = std::string(spec.symbol) + "##" + std::string(spec.name);
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 6.5f -
                            AutoplayButtonWidth());
    const bool changed = ReadableSlider(label.c_str(), ImGuiDataType_Double, &edited, &spec.slider_min,
                                        &spec.slider_max, "%.5g", ImGuiSliderFlags_None);
    ItemTooltip((std::string(spec.help) + "\n\nCtrl+click to type an exact value.").c_str());
    // Right after the slider: touching it by hand stops its sweep.
    AutoplayButton(state, runtime, std::string(info.name) + "." + std::string(spec.name), spec.slider_min,
                   spec.slider_max);
    if (changed && edited != values[index])
        runtime.parameter_error = CommitParameter(state, id, index, edited);
    ImGui::SameLine();
    const bool is_selu = id == ActivationId::Selu;
    const char* reset_label = is_selu ? "canonical" : "reset";
    if (ImGui::SmallButton((std::string(reset_label) + "##" + std::string(spec.name)).c_str())) {
        values[index] = spec.canonical_value;
        runtime.parameter_error.clear();
    }
    if (is_selu) ItemTooltip("Back to Klambauer et al.'s self-normalising constants, to full precision.");
}

void DrawProbeList(AppState& state) {
    auto& probes = state.plots.probes;
    if (probes.empty()) {
        HintText("Click a plot to pin a probe point; right-click it to remove it.");
        return;
    }
    const bool several = state.plots.selected.size() > 1;
    for (std::size_t i = 0; i < probes.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        const Activation activation = state.ActivationOf(probes[i].function);
        if (ImGui::SmallButton("\u00d7")) {
            probes.erase(probes.begin() + static_cast<std::ptrdiff_t>(i));
            ImGui::PopID();
            break;
        }
        ImGui::SameLine();
        ImGui::TextUnformatted(
            ProbeLabel(activation, probes[i].x, probes[i].on_derivative, state.plots.convention, several)
                .c_str());
        ImGui::PopID();
    }
    if (ImGui::SmallButton("Clear probes")) probes.clear();
}

// Pin a probe at an exactly typed x: the lecture's max(−4, 0) = 0.
void DrawProbeInput(AppState& state, UiRuntime& runtime) {
    double& x = runtime.probe_input_x;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.0f);
    ImGui::InputDouble("x##probe_x", &x, 0.0, 0.0, "%.6g");
    if (!std::isfinite(x)) x = 0.0;
    SameLineIfFits(ButtonWidth("Pin f(x)"));
    if (ImGui::Button("Pin f(x)") && !state.plots.selected.empty()) {
        state.plots.probes.push_back({state.plots.selected.front(), x, false});
    }
    SameLineIfFits(ButtonWidth("Pin f\u2032(x)"));
    if (ImGui::Button("Pin f\u2032(x)") && !state.plots.selected.empty()) {
        state.plots.probes.push_back({state.plots.selected.front(), x, true});
    }
}

} // namespace

std::string CommitParameter(AppState& state, ActivationId id, std::size_t index, double value) {
    Activation activation = state.ActivationOf(id);
    std::string error = SetParam(activation, Info(id).params[index].name, value);
    if (error.empty()) state.plots.params[static_cast<std::size_t>(id)] = activation.params;
    return error;
}

void DrawParametersPanel(AppState& state, UiRuntime& runtime) {
    SectionHeading("Parameters", runtime.fonts.bold);
    const FigureTheme theme = FigureThemeFor(state.display.theme);
    bool any = false;
    for (std::size_t i = 0; i < state.plots.selected.size(); ++i) {
        const ActivationId id = state.plots.selected[i];
        const ActivationInfo& info = Info(id);
        if (info.params.empty()) continue;
        any = true;
        ImGui::PushID(static_cast<int>(id));
        ColorSwatch(PaletteColor(theme, i));
        ImGui::SameLine();
        ImGui::TextUnformatted(std::string(info.display_name).c_str());
        if (info.params.front().learnable) {
            ImGui::SameLine();
            ImGui::TextDisabled("(learned in a network)");
        }
        for (std::size_t p = 0; p < info.params.size(); ++p)
            ParameterSlider(state, runtime, id, p);
        ImGui::PopID();
    }
    if (!any) HintText("The selected functions have no parameters.");
    if (!runtime.parameter_error.empty()) ErrorText(("Refused: " + runtime.parameter_error).c_str());

    ImGui::Spacing();
    SectionHeading("Probe points", runtime.fonts.bold);
    DrawProbeInput(state, runtime);
    DrawProbeList(state);
}

} // namespace actlab::ui
