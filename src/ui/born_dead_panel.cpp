// The born-dead panel: how likely a deep, narrow ReLU network is dead at initialisation (Lu, Shin, Su
// and Karniadakis 2019). Monte-Carlo estimate per depth with ±1 standard error, beside the closed form
//   P(dead after H layers of width N) = 1 − (1 − 2⁻ᴺ)ᴴ      (one input, zero biases).
#include "core/ticks.h"
#include "core/workspace.h"
#include "render/figure_theme.h"
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

void DrawControls(AppState& state, UiRuntime& runtime) {
    BornDeadPanelState& b = state.born_dead;
    SectionHeading("Deep narrow ReLU network", runtime.fonts.bold);
    ClampedIntSlider("width N", b.width, 1, kMaxPanelBornDeadWidth,
                     "Units per hidden layer (1 to 8). Each layer dies with probability 2⁻ᴺ.");
    ClampedIntSlider("depth H", b.depth, 1, kMaxPanelBornDeadDepth,
                     "Hidden layers (1 to 100); the plot shows every depth up to H.");
    ClampedIntSlider("trials", b.trials, 1, kMaxPanelBornDeadTrials,
                     "Random networks drawn. The standard error shrinks as 1/√trials.", true);
    int bias = static_cast<int>(b.bias);
    ImGui::TextUnformatted("biases");
    ImGui::SameLine();
    ImGui::RadioButton("zero##bias", &bias, 0);
    ImGui::SameLine();
    ImGui::RadioButton("N(0, 1)##bias", &bias, 1);
    b.bias = static_cast<BornDeadBias>(bias);
    int domain = static_cast<int>(b.domain);
    ImGui::TextUnformatted("inputs");
    ImGui::SameLine();
    ImGui::RadioButton("x = 1##domain", &domain, 0);
    ItemTooltip("Dead: some hidden layer outputs the zero vector for this one input.");
    ImGui::SameLine();
    ImGui::RadioButton("grid on [\u22121, 1]##domain", &domain, 1);
    ItemTooltip("Dead: the network has collapsed to a constant function on 101 inputs over [−1, 1].");
    b.domain = static_cast<BornDeadDomain>(domain);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.0f);
    int seed = b.seed;
    if (ImGui::InputInt("seed", &seed)) b.seed = std::max(seed, 0);

    const BornDeadRunner& runner = runtime.session.theory.born_dead;
    if (!runner.error().empty()) {
        ErrorText(("Cannot run: " + runner.error()).c_str());
    } else if (runner.Running()) {
        ImGui::TextUnformatted("simulating \u2026");
    }
}

void DrawSummary(const AppState& state, UiRuntime& runtime) {
    const BornDeadRunner& runner = runtime.session.theory.born_dead;
    if (runner.results().empty()) return;
    const BornDeadResult& last = runner.results().back();
    const std::size_t depth = runner.results().size();
    ImGui::Spacing();
    SectionHeading("At the deepest layer", runtime.fonts.bold);
    ImGui::TextWrapped("H = %zu: measured %s \u00b1 %s (%zu dead of %d)", depth,
                       FormatReadout(last.probability, 4).c_str(), FormatReadout(last.std_error, 2).c_str(),
                       last.dead_trials, state.born_dead.trials);
    if (last.closed_form) {
        ImGui::Text("closed form 1 \u2212 (1 \u2212 2\u207b\u1d3a)\u1d34 = %s",
                    FormatReadout(*last.closed_form, 4).c_str());
        if (last.std_error > 0.0) {
            const double z = (last.probability - *last.closed_form) / last.std_error;
            ImGui::Text("difference: %s standard errors", FormatReadout(z, 2).c_str());
        }
    } else {
        HintText("No closed form with normal biases or a grid of inputs: the measured curve stands alone.");
    }
}

void DrawChart(const AppState& state, UiRuntime& runtime) {
    const FigureTheme theme = FigureThemeFor(state.display.theme);
    const BornDeadRunner& runner = runtime.session.theory.born_dead;
    ChartSeries measured{
        "measured \u00b1 1 standard error", PaletteColor(theme, 0), {}, {}, {}, false, true, false};
    ChartSeries closed{"closed form 1 \u2212 (1 \u2212 2\u207b\u1d3a)\u1d34",
                       PaletteColor(theme, 1),
                       {},
                       {},
                       {},
                       true,
                       false,
                       true};
    for (std::size_t h = 0; h < runner.results().size(); ++h) {
        const BornDeadResult& r = runner.results()[h];
        const auto depth = static_cast<double>(h + 1);
        measured.x.push_back(depth);
        measured.y.push_back(r.probability);
        measured.error.push_back(r.std_error);
        if (r.closed_form) {
            closed.x.push_back(depth);
            closed.y.push_back(*r.closed_form);
        }
    }
    std::vector<ChartSeries> series{measured};
    if (!closed.x.empty()) series.push_back(closed);
    ChartOptions options;
    options.title = "Probability that the network is born dead, by depth";
    options.x_label = "depth H (hidden layers)";
    options.y_min = 0.0;
    options.y_max = 1.0;
    options.x_min = 0.0;
    options.x_max = static_cast<double>(std::max<std::size_t>(runner.results().size(), 1)) + 1.0;
    const bool stale = !runner.Current();
    if (stale) ImGui::PushStyleVar(ImGuiStyleVar_Alpha, 0.45f);
    LineChart("##born_dead", series, options, theme, runtime.fonts, runtime.Scale(state),
              ImGui::GetContentRegionAvail());
    if (stale) ImGui::PopStyleVar();
}

} // namespace

void DrawBornDeadPanel(AppState& state, UiRuntime& runtime) {
    const float scale = runtime.Scale(state);
    const ImVec2 available = ImGui::GetContentRegionAvail();
    const ImGuiWindowFlags fixed = ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;
    if (!state.display.hide_controls) {
        BeginRegionChild("##born_dead_controls", "born_dead.controls",
                         {SideWidth(available.x, 360.0f * scale, 0.34f), available.y});
        DrawControls(state, runtime);
        DrawSummary(state, runtime);
        ImGui::Spacing();
        // The why, in full where the column has the height for it; else behind a (?) rather than
        // cut at the column's bottom (the projector at 2×).
        const char* why =
            "With zero biases and one input, each layer of width N is entirely zero with probability "
            "2⁻ᴺ, and a dead layer stays dead: the network dies with probability → 1 as it gets "
            "deeper (Lu, Shin, Su and Karniadakis 2019). Wider layers postpone it; biases change it.";
        const ImVec2 room = ImGui::GetContentRegionAvail();
        if (ImGui::CalcTextSize(why, nullptr, false, room.x).y + ImGui::GetStyle().ItemSpacing.y <= room.y) {
            HintText(why);
        } else {
            ImGui::TextDisabled("Why does a deep net die?");
            ImGui::SameLine();
            HelpMarker(why);
        }
        EndRegionChild();
        ImGui::SameLine();
    }
    BeginRegionChild("##born_dead_chart", "born_dead.chart", {0.0f, available.y}, false, fixed);
    DrawChart(state, runtime);
    EndRegionChild();
}

} // namespace actlab::ui
