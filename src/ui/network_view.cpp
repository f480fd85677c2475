// The Network view: the graph, the output plane and the per-layer gradient bars (the lesson's focus)
// over a strip of training charts, the toolbar on top. The data/network/training controls keep a
// column when the window is wide and open as a drawer otherwise; clicking an edge puts the chain
// rule in place of the right column (Esc closes it). H hides every control.
#include "core/workspace.h"
#include "render/figure_theme.h"
#include "ui/drawer.h"
#include "ui/gradient_bars.h"
#include "ui/layout_recorder.h"
#include "ui/network_graph.h"
#include "ui/network_output_views.h"
#include "ui/network_parts.h"
#include "ui/panels.h"
#include "ui/widgets.h"

#include <imgui.h>

#include <algorithm>
#include <string>

namespace actlab::ui {

namespace {

constexpr const char* kControlsDrawer = "##drawer_network";
constexpr ImGuiWindowFlags kFixed = ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;

bool Focused(const std::vector<std::string>& focus, const char* id) {
    return std::find(focus.begin(), focus.end(), id) != focus.end();
}

void DrawGraph(AppState& state, UiRuntime& runtime, ImVec2 size) {
    BeginRegionChild("##graph_area", "network.graph", size, false, kFixed);
    if (runtime.session.network.ready()) DrawNetworkGraph(state, runtime, ImGui::GetContentRegionAvail());
    EndRegionChild();
}

void DrawOutput(AppState& state, UiRuntime& runtime, ImVec2 size, bool accuracy_in_toolbar) {
    BeginRegionChild("##output_area", "network.output", size, false, kFixed);
    if (runtime.session.network.ready()) {
        // A one-input regression set is a curve y = f(x); everything else the plane [−6, 6]².
        const bool one_d = ShowsOneDimensionalFit(state.network);
        const char* title = one_d ? "Network fit y = f(x)" : "Network output";
        ImGui::PushFont(runtime.fonts.bold);
        ImGui::TextUnformatted(title);
        ImGui::PopFont();
        // Accuracy here when the toolbar had no room for it (a narrow window at lecture scale).
        const std::string accuracy = accuracy_in_toolbar ? "" : NetworkAccuracyText(state, runtime);
        const char* key = "filled: train, hollow: test";
        const float used = ImGui::CalcTextSize(title).x + ImGui::GetFontSize();
        if (!accuracy.empty() &&
            ImGui::GetContentRegionAvail().x > used + ImGui::CalcTextSize(accuracy.c_str()).x) {
            ImGui::SameLine();
            ImGui::TextUnformatted(accuracy.c_str());
            RecordText(accuracy, ImGui::GetItemRectMin());
        } else if (ImGui::GetContentRegionAvail().x > used + ImGui::CalcTextSize(key).x) {
            ImGui::SameLine();
            ImGui::TextDisabled("%s", key);
        }
        const ImVec2 room = ImGui::GetContentRegionAvail();
        if (one_d) {
            DrawOneDimensionalFit(state, runtime, {room.x, std::max(room.y, 1.0f)});
        } else {
            // Under the plane: the corner labels, and a softmax output's class legend.
            const bool legend = runtime.session.network.trainer().network().IsSoftmax();
            const float under = ImGui::GetTextLineHeightWithSpacing() * (legend ? 2.0f : 1.0f);
            DrawDecisionSurface(state, runtime, std::max(std::min(room.x, room.y - under), 1.0f));
        }
    }
    EndRegionChild();
}

// ‖∂L/∂W‖ of every layer at the current step, input side first.
void DrawGradients(const AppState& state, UiRuntime& runtime, ImVec2 size) {
    std::vector<GradientBar> bars;
    if (runtime.session.network.ready()) {
        const NetworkStats& stats = runtime.session.network.stats();
        for (std::size_t l = 0; l < stats.layers.size(); ++l) {
            const bool output = l + 1 == stats.layers.size();
            std::string label =
                output ? "out" : "L"; // appended, not "L" + …: GCC 12 warns falsely (-Wrestrict)
            if (!output) label += std::to_string(l + 1);
            bars.push_back({label, stats.layers[l].gradient_norm});
        }
    }
    BeginRegionAtCursor("network.gradients", size);
    GradientBars("##gradient_bars", "\u2016\u2202L/\u2202W\u2016 per layer now (log scale)", bars,
                 FigureThemeFor(state.display.theme), runtime.fonts, runtime.Scale(state), size);
    EndRegionAtCursor();
}

// The right column: the output plane over the gradient bars, or the chain rule of the clicked edge.
void DrawRightColumn(AppState& state, UiRuntime& runtime, ImVec2 size, const std::vector<std::string>& focus,
                     bool accuracy_in_toolbar) {
    if (state.panels.chain_rule && state.network.selection.valid) {
        BeginRegionChild("##chain_rule", "network.chain_rule", size, true);
        DrawChainRulePane(state, runtime);
        EndRegionChild();
        return;
    }
    // The lesson's focus gets the larger share.
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const bool bars_first = Focused(focus, "network.gradients") && !Focused(focus, "network.output");
    const float output_height = (size.y - spacing) * (bars_first ? 0.45f : 0.58f);
    DrawOutput(state, runtime, {size.x, output_height}, accuracy_in_toolbar);
    DrawGradients(state, runtime, {size.x, size.y - spacing - output_height});
}

} // namespace

void DrawNetworkPanel(AppState& state, UiRuntime& runtime) {
    const bool controls = !state.display.hide_controls;
    const float scale = runtime.Scale(state);
    const bool wide = ClassifyWidth(ImGui::GetIO().DisplaySize.x / scale) == SizeClass::Wide;
    const std::vector<std::string> focus = FocusOf(WorkspaceView::Network, state.workspace.focus);
    bool accuracy_in_toolbar = false; // else the output's title row shows it
    if (controls) {
        BeginRegionAtCursor("network.toolbar", {ImGui::GetContentRegionAvail().x, ImGui::GetFrameHeight()});
        accuracy_in_toolbar = DrawNetworkToolbar(state, runtime);
        EndRegionAtCursor();
        if (!wide) {
            SameLineIfFits(ButtonWidth("Controls\u2026"));
            DrawerButton(runtime, "Controls\u2026", kControlsDrawer, "Data, layers and training settings.");
        }
        if (!runtime.session.network.error().empty()) ErrorText(runtime.session.network.error().c_str());
    }
    const ImVec2 available = ImGui::GetContentRegionAvail();
    const ImVec2 spacing = ImGui::GetStyle().ItemSpacing;
    if (controls && wide) {
        BeginRegionChild("##controls", "network.controls",
                         {SideWidth(available.x, 330.0f * scale, 0.22f), available.y}, true);
        DrawNetworkControls(state, runtime);
        EndRegionChild();
        ImGui::SameLine();
    }
    const float width = ImGui::GetContentRegionAvail().x;
    // A lesson that names one region (vanishing gradients: the bars) gives it the big slot on the
    // left; the graph and the other region share the right column. The charts over time take a
    // strip at the bottom.
    const bool chain_rule = state.panels.chain_rule && state.network.selection.valid;
    const bool charts_focus = Focused(focus, "network.charts"); // a lesson about curves over time
    const bool lesson_slot =
        focus.size() == 1 && focus.front() != "network.graph" && !chain_rule && !charts_focus;
    const float charts_share = charts_focus ? 0.36f : (lesson_slot ? 0.16f : 0.25f);
    // The replay's scrubber takes a row under the charts (a control: hidden with the others).
    const float scrubber = controls ? ImGui::GetFrameHeightWithSpacing() : 0.0f;
    const float charts_height =
        std::max(available.y * charts_share, ImGui::GetTextLineHeight() * 6.0f) + scrubber;
    const float main_height = available.y - charts_height - spacing.y;
    const float right = width * (lesson_slot ? 0.32f : 0.42f);
    const float left = width - right - spacing.x;
    ImGui::BeginGroup();
    if (lesson_slot) {
        const bool bars = focus.front() == "network.gradients";
        if (bars) {
            DrawGradients(state, runtime, {left, main_height});
        } else {
            DrawOutput(state, runtime, {left, main_height}, accuracy_in_toolbar);
        }
        ImGui::SameLine();
        ImGui::BeginGroup();
        const float graph_height = (main_height - spacing.y) * 0.6f;
        DrawGraph(state, runtime, {right, graph_height});
        if (bars) {
            DrawOutput(state, runtime, {right, main_height - spacing.y - graph_height}, accuracy_in_toolbar);
        } else {
            DrawGradients(state, runtime, {right, main_height - spacing.y - graph_height});
        }
        ImGui::EndGroup();
    } else {
        DrawGraph(state, runtime, {left, main_height});
        ImGui::SameLine();
        ImGui::BeginGroup();
        DrawRightColumn(state, runtime, {right, main_height}, focus, accuracy_in_toolbar);
        ImGui::EndGroup();
    }
    BeginRegionChild("##charts", "network.charts", {width, charts_height}, false, kFixed);
    if (runtime.session.network.ready()) {
        const ImVec2 room = ImGui::GetContentRegionAvail();
        DrawNetworkCharts(state, runtime, {room.x, room.y - scrubber});
        if (controls) DrawReplayScrubber(runtime, room.x);
    }
    EndRegionChild();
    ImGui::EndGroup();
}

void DrawNetworkDrawers(AppState& state, UiRuntime& runtime, float top) {
    if (BeginDrawer(kControlsDrawer, 380.0f * runtime.Scale(state), false, top)) {
        DrawNetworkControls(state, runtime);
        EndDrawer();
    }
}

} // namespace actlab::ui
