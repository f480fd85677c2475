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
#include "ui/network_parts.h"
#include "ui/panels.h"
#include "ui/widgets.h"

#include <imgui.h>

#include <algorithm>
#include <array>
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

void DrawOutput(AppState& state, UiRuntime& runtime, ImVec2 size) {
    BeginRegionChild("##output_area", "network.output", size, false, kFixed);
    if (runtime.session.network.ready()) {
        ImGui::PushFont(runtime.fonts.bold);
        ImGui::TextUnformatted("Network output");
        ImGui::PopFont();
        const char* key = "filled: train, hollow: test";
        if (ImGui::GetContentRegionAvail().x >
            ImGui::CalcTextSize("Network output").x + ImGui::CalcTextSize(key).x + ImGui::GetFontSize()) {
            ImGui::SameLine();
            ImGui::TextDisabled("%s", key);
        }
        const ImVec2 room = ImGui::GetContentRegionAvail();
        DrawDecisionSurface(state, runtime,
                            std::max(std::min(room.x, room.y - ImGui::GetTextLineHeightWithSpacing()), 1.0f));
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
void DrawRightColumn(AppState& state, UiRuntime& runtime, ImVec2 size,
                     const std::vector<std::string>& focus) {
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
    DrawOutput(state, runtime, {size.x, output_height});
    DrawGradients(state, runtime, {size.x, size.y - spacing - output_height});
}

// A lesson about the gradient bars (vanishing gradients): the bars take the whole height on the
// left; the graph over the output plane and one chart at a time (tabs) share the right column. The
// charts strip would otherwise take the height the bars need to be the largest thing on screen.
void DrawGradientLesson(AppState& state, UiRuntime& runtime, ImVec2 size) {
    const ImVec2 spacing = ImGui::GetStyle().ItemSpacing;
    const float left = (size.x - spacing.x) * 0.58f;
    const float right = size.x - spacing.x - left;
    DrawGradients(state, runtime, {left, size.y});
    ImGui::SameLine();
    ImGui::BeginGroup();
    const float graph_height = (size.y - spacing.y) * 0.56f;
    DrawGraph(state, runtime, {right, graph_height});
    const float row = size.y - spacing.y - graph_height;
    const float output = std::min(row, (right - spacing.x) * 0.45f);
    DrawOutput(state, runtime, {output, row});
    ImGui::SameLine();
    BeginRegionChild("##charts", "network.charts", {right - output - spacing.x, row}, false, kFixed);
    if (runtime.session.network.ready())
        DrawNetworkCharts(state, runtime, ImGui::GetContentRegionAvail(), true);
    EndRegionChild();
    ImGui::EndGroup();
}

// The charts over the steps as a strip of `size` (under the graph and the right column).
void DrawChartsStrip(AppState& state, UiRuntime& runtime, ImVec2 size) {
    BeginRegionChild("##charts", "network.charts", size, false, kFixed);
    if (runtime.session.network.ready()) DrawNetworkCharts(state, runtime, ImGui::GetContentRegionAvail());
    EndRegionChild();
}

float ChartsStripHeight(float height, float share) {
    return std::max(height * share, ImGui::GetTextLineHeight() * 6.0f);
}

// A lesson about the output plane: the plane big on the left, the graph over the gradient bars on
// the right, the charts strip under both.
void DrawOutputLesson(AppState& state, UiRuntime& runtime, ImVec2 size) {
    const ImVec2 spacing = ImGui::GetStyle().ItemSpacing;
    const float charts_height = ChartsStripHeight(size.y, 0.16f);
    const float main_height = size.y - charts_height - spacing.y;
    const float right = size.x * 0.32f;
    ImGui::BeginGroup();
    DrawOutput(state, runtime, {size.x - right - spacing.x, main_height});
    ImGui::SameLine();
    ImGui::BeginGroup();
    const float graph_height = (main_height - spacing.y) * 0.6f;
    DrawGraph(state, runtime, {right, graph_height});
    DrawGradients(state, runtime, {right, main_height - spacing.y - graph_height});
    ImGui::EndGroup();
    DrawChartsStrip(state, runtime, {size.x, charts_height});
    ImGui::EndGroup();
}

// The default: the graph big on the left, the output plane over the gradient bars on the right, the
// charts strip under both. A clicked edge's chain rule takes the whole right column, down to the
// bottom, so its factors, the product and the update are all in sight; the strip then runs under
// the graph only.
void DrawGraphLayout(AppState& state, UiRuntime& runtime, ImVec2 size,
                     const std::vector<std::string>& focus) {
    const ImVec2 spacing = ImGui::GetStyle().ItemSpacing;
    const float charts_height = ChartsStripHeight(size.y, 0.25f);
    const float main_height = size.y - charts_height - spacing.y;
    const float right = size.x * 0.42f;
    const float left = size.x - right - spacing.x;
    const bool chain_rule = state.panels.chain_rule && state.network.selection.valid;
    ImGui::BeginGroup(); // the whole arrangement, so that it stays right of a controls column
    ImGui::BeginGroup();
    DrawGraph(state, runtime, {left, main_height});
    if (chain_rule) DrawChartsStrip(state, runtime, {left, charts_height});
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::BeginGroup();
    DrawRightColumn(state, runtime, {right, chain_rule ? size.y : main_height}, focus);
    ImGui::EndGroup();
    if (!chain_rule) DrawChartsStrip(state, runtime, {size.x, charts_height});
    ImGui::EndGroup();
}

// A short window (1080p at 3×) has no height for a charts strip: the graph keeps the left at full
// height, and the right column shows one of the output plane, the gradient bars and the charts at
// a time under a row of tabs (or the chain rule of a clicked edge).
void DrawShortLayout(AppState& state, UiRuntime& runtime, ImVec2 size,
                     const std::vector<std::string>& focus) {
    const ImVec2 spacing = ImGui::GetStyle().ItemSpacing;
    const float right = size.x * 0.42f;
    DrawGraph(state, runtime, {size.x - right - spacing.x, size.y});
    ImGui::SameLine();
    ImGui::BeginGroup();
    if (state.panels.chain_rule && state.network.selection.valid) {
        DrawRightColumn(state, runtime, {right, size.y}, focus);
        ImGui::EndGroup();
        return;
    }
    constexpr std::array<const char*, 3> kParts{"output", "\u2016\u2202L/\u2202W\u2016 now", "charts"};
    for (std::size_t i = 0; i < kParts.size(); ++i) {
        const bool current = runtime.network_short_tab == static_cast<int>(i);
        if (i > 0) ImGui::SameLine(0.0f, ImGui::GetStyle().ItemInnerSpacing.x);
        ImGui::PushStyleColor(ImGuiCol_Button,
                              ImGui::GetStyleColorVec4(current ? ImGuiCol_TabActive : ImGuiCol_Tab));
        if (ImGui::SmallButton(kParts[i])) runtime.network_short_tab = static_cast<int>(i);
        ImGui::PopStyleColor();
    }
    const ImVec2 part{right, std::max(size.y - ImGui::GetTextLineHeightWithSpacing(), 1.0f)};
    if (runtime.network_short_tab == 0) {
        DrawOutput(state, runtime, part);
    } else if (runtime.network_short_tab == 1) {
        DrawGradients(state, runtime, part);
    } else {
        BeginRegionChild("##charts", "network.charts", part, false, kFixed);
        if (runtime.session.network.ready())
            DrawNetworkCharts(state, runtime, ImGui::GetContentRegionAvail(), true);
        EndRegionChild();
    }
    ImGui::EndGroup();
}

} // namespace

void DrawNetworkPanel(AppState& state, UiRuntime& runtime) {
    const bool controls = !state.display.hide_controls;
    const float scale = runtime.Scale(state);
    const bool wide = ClassifyWidth(ImGui::GetIO().DisplaySize.x / scale) == SizeClass::Wide;
    const std::vector<std::string> focus = FocusOf(WorkspaceView::Network, state.workspace.focus);
    if (controls) {
        BeginRegionAtCursor("network.toolbar", {ImGui::GetContentRegionAvail().x, ImGui::GetFrameHeight()});
        DrawNetworkToolbar(state, runtime);
        EndRegionAtCursor();
        if (!wide) {
            SameLineIfFits(ButtonWidth("Controls\u2026"));
            DrawerButton(runtime, "Controls\u2026", kControlsDrawer, "Data, layers and training settings.");
        }
        if (!runtime.session.network.error().empty()) ErrorText(runtime.session.network.error().c_str());
    }
    const ImVec2 available = ImGui::GetContentRegionAvail();
    if (controls && wide) {
        BeginRegionChild("##controls", "network.controls",
                         {SideWidth(available.x, 330.0f * scale, 0.22f), available.y}, true);
        DrawNetworkControls(state, runtime);
        EndRegionChild();
        ImGui::SameLine();
    }
    // One arrangement per kind of lesson, each filling the area left of (or under) the controls. A
    // lesson that names one region gives it the big slot; otherwise the graph has it.
    const ImVec2 area = ImGui::GetContentRegionAvail();
    const bool chain_rule = state.panels.chain_rule && state.network.selection.valid;
    const bool lesson_slot = focus.size() == 1 && focus.front() != "network.graph" && !chain_rule;
    if (area.y < 14.0f * ImGui::GetTextLineHeightWithSpacing()) {
        DrawShortLayout(state, runtime, area, focus);
    } else if (lesson_slot && focus.front() == "network.gradients") {
        DrawGradientLesson(state, runtime, area);
    } else if (lesson_slot) {
        DrawOutputLesson(state, runtime, area);
    } else {
        DrawGraphLayout(state, runtime, area, focus);
    }
}

void DrawNetworkDrawers(AppState& state, UiRuntime& runtime, float top) {
    if (BeginDrawer(kControlsDrawer, 380.0f * runtime.Scale(state), false, top)) {
        DrawNetworkControls(state, runtime);
        EndDrawer();
    }
}

} // namespace actlab::ui
