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

// What the toolbar row could not show is shown in the views below it.
struct NetworkViewFlags {
    bool controls = true;            // the controls are shown (H hides them): the replay scrubber too
    bool accuracy_in_toolbar = true; // else the output's title row shows the accuracy
};

void DrawOutput(AppState& state, UiRuntime& runtime, ImVec2 size, const NetworkViewFlags& flags) {
    BeginRegionChild("##output_area", "network.output", size, false, kFixed);
    if (runtime.session.network.ready()) {
        // A one-input regression set is a curve y = f(x); everything else the plane [−6, 6]².
        const bool one_d = ShowsOneDimensionalFit(state.network);
        const char* title = one_d ? "Network fit y = f(x)" : "Network output";
        ImGui::PushFont(runtime.fonts.bold);
        ImGui::TextUnformatted(title);
        ImGui::PopFont();
        // The title's own width (bold) and the gap SameLine leaves before what follows it.
        const float used = ImGui::GetItemRectSize().x + ImGui::GetStyle().ItemSpacing.x;
        // Accuracy here when the toolbar had no room for it (a narrow window at lecture scale).
        const std::string accuracy = flags.accuracy_in_toolbar ? "" : NetworkAccuracyText(state, runtime);
        const char* key = "filled: train, hollow: test";
        const float accuracy_width = ImGui::CalcTextSize(accuracy.c_str()).x;
        if (!accuracy.empty() && ImGui::GetContentRegionAvail().x >= accuracy_width) {
            // Beside the title, or on a line of its own under it in a column narrower than both.
            if (ImGui::GetContentRegionAvail().x > used + accuracy_width) ImGui::SameLine();
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
                 FigureThemeFor(state.display.theme), runtime.fonts, runtime.Scale(state), size,
                 "\u2016\u2202L/\u2202W\u2016 now (log)");
    EndRegionAtCursor();
}

// The right column's share of the width: a lesson about the chain rule gives the pane half, so its
// sample line, factor table, product and update read without wrapping at 2×.
float RightColumnShare(const AppState& state, const std::vector<std::string>& focus) {
    const bool chain_rule = state.panels.chain_rule && state.network.selection.valid;
    return chain_rule && Focused(focus, "network.chain_rule") ? 0.5f : 0.42f;
}

// The right column: the output plane over the gradient bars, or the chain rule of the clicked edge.
void DrawRightColumn(AppState& state, UiRuntime& runtime, ImVec2 size, const std::vector<std::string>& focus,
                     const NetworkViewFlags& flags) {
    if (state.panels.chain_rule && state.network.selection.valid) {
        BeginRegionChild("##chain_rule", "network.chain_rule", size, true);
        DrawChainRulePane(state, runtime);
        EndRegionChild();
        return;
    }
    // The lesson's focus gets the larger share.
    const ImVec2 spacing = ImGui::GetStyle().ItemSpacing;
    const bool bars_first = Focused(focus, "network.gradients") && !Focused(focus, "network.output");
    const float output_height = (size.y - spacing.y) * (bars_first ? 0.45f : 0.58f);
    // A wide, short column (a 1080p projector at 2×) would leave the plane a small square in a wide
    // strip: side by side, the plane takes the column's height and the bars the rest of its width.
    // Not for a 1-D fit, a curve that wants the width.
    const float labels = ImGui::GetTextLineHeightWithSpacing() * 3.0f; // title row, corner labels, legend
    const float stacked_side = std::min(size.x, output_height - labels);
    // At least as wide as the accuracy, which then has a line of its own under the title.
    const float accuracy =
        flags.accuracy_in_toolbar ? 0.0f : ImGui::CalcTextSize("accuracy 00.0% / test 00.0%").x + 1.0f;
    const float beside_width = std::min(std::max(size.y - labels, accuracy), size.x * 0.6f);
    const float bars_width = size.x - beside_width - spacing.x;
    if (!bars_first && !ShowsOneDimensionalFit(state.network) && beside_width > 1.3f * stacked_side &&
        bars_width >= 9.0f * ImGui::GetFontSize()) {
        DrawOutput(state, runtime, {beside_width, size.y}, flags);
        ImGui::SameLine();
        DrawGradients(state, runtime, {bars_width, size.y});
        return;
    }
    DrawOutput(state, runtime, {size.x, output_height}, flags);
    DrawGradients(state, runtime, {size.x, size.y - spacing.y - output_height});
}

// A lesson about the gradient bars (vanishing gradients): the bars take the whole height on the
// left; the graph over the output plane and one chart at a time (tabs) share the right column. The
// charts strip would otherwise take the height the bars need to be the largest thing on screen.
void DrawGradientLesson(AppState& state, UiRuntime& runtime, ImVec2 size, const NetworkViewFlags& flags) {
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
    DrawOutput(state, runtime, {output, row}, flags);
    ImGui::SameLine();
    BeginRegionChild("##charts", "network.charts", {right - output - spacing.x, row}, false, kFixed);
    if (runtime.session.network.ready())
        DrawNetworkCharts(state, runtime, ImGui::GetContentRegionAvail(), true);
    EndRegionChild();
    ImGui::EndGroup();
}

// The charts over the steps as a strip of `size` (under the graph and the right column), with the
// replay's scrubber under them (a control: hidden with the others).
void DrawChartsStrip(AppState& state, UiRuntime& runtime, ImVec2 size, const NetworkViewFlags& flags) {
    BeginRegionChild("##charts", "network.charts", size, false, kFixed);
    if (runtime.session.network.ready()) {
        const ImVec2 room = ImGui::GetContentRegionAvail();
        const float scrubber = flags.controls ? ImGui::GetFrameHeightWithSpacing() : 0.0f;
        DrawNetworkCharts(state, runtime, {room.x, room.y - scrubber});
        if (flags.controls) DrawReplayScrubber(runtime, room.x);
    }
    EndRegionChild();
}

float ChartsStripHeight(float height, float share, const NetworkViewFlags& flags) {
    const float scrubber = flags.controls ? ImGui::GetFrameHeightWithSpacing() : 0.0f;
    return std::max(height * share, ImGui::GetTextLineHeight() * 6.0f) + scrubber;
}

// The width of a column that shows the output plane as a square `height` high: the title row
// above and the corner labels (and a softmax's class legend) below take their lines off the side.
// Wide enough for the title and the accuracy beside it when those are longer.
float OutputColumnWidth(const AppState& state, const UiRuntime& runtime, float height,
                        const NetworkViewFlags& flags) {
    const bool legend =
        runtime.session.network.ready() && runtime.session.network.trainer().network().IsSoftmax();
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float side = height - line * (legend ? 3.0f : 2.0f) - ImGui::GetStyle().ItemSpacing.y;
    ImGui::PushFont(runtime.fonts.bold);
    float title = ImGui::CalcTextSize("Network output").x;
    ImGui::PopFont();
    if (!flags.accuracy_in_toolbar) {
        // The widest a readout of three digits gets, so the column keeps its width as training runs.
        const float accuracy = std::max(ImGui::CalcTextSize(NetworkAccuracyText(state, runtime).c_str()).x,
                                        ImGui::CalcTextSize("accuracy 00.0% / test 00.0%").x);
        title += ImGui::GetStyle().ItemSpacing.x + accuracy + 1.0f;
    }
    return std::max(side, title);
}

// A lesson about the output plane (the softmax's class regions): the plane as a square the full
// height of the view on the left; on the right the graph (scaled to its slot) over the gradient
// bars and one chart at a time, the replay scrubber under them. A charts strip under everything
// would take the height the plane needs to be the largest thing on screen.
void DrawOutputLesson(AppState& state, UiRuntime& runtime, ImVec2 size, const NetworkViewFlags& flags) {
    const ImVec2 spacing = ImGui::GetStyle().ItemSpacing;
    // A 1-D fit is a curve over x: it takes the wider share, not a square.
    const float left = ShowsOneDimensionalFit(state.network)
                           ? size.x * 0.55f
                           : std::min(OutputColumnWidth(state, runtime, size.y, flags), size.x * 0.6f);
    const float right = size.x - left - spacing.x;
    DrawOutput(state, runtime, {left, size.y}, flags);
    ImGui::SameLine();
    ImGui::BeginGroup();
    const float scrubber = flags.controls ? ImGui::GetFrameHeightWithSpacing() : 0.0f;
    const float graph_height = (size.y - spacing.y - scrubber) * 0.6f;
    DrawGraph(state, runtime, {right, graph_height});
    const float row = size.y - spacing.y - scrubber - graph_height;
    const float bars = (right - spacing.x) * 0.4f;
    DrawGradients(state, runtime, {bars, row});
    ImGui::SameLine();
    BeginRegionChild("##charts", "network.charts", {right - bars - spacing.x, row}, false, kFixed);
    if (runtime.session.network.ready())
        DrawNetworkCharts(state, runtime, ImGui::GetContentRegionAvail(), true);
    EndRegionChild();
    if (flags.controls && runtime.session.network.ready()) DrawReplayScrubber(runtime, right);
    ImGui::EndGroup();
}

// The default: the graph big on the left, the output plane over the gradient bars on the right, the
// charts strip under both. A clicked edge's chain rule takes the whole right column, down to the
// bottom, so its factors, the product and the update are all in sight; the strip then runs under
// the graph only. A lesson about the curves over time (comparing optimizers) gives the strip more.
void DrawGraphLayout(AppState& state, UiRuntime& runtime, ImVec2 size, const std::vector<std::string>& focus,
                     const NetworkViewFlags& flags) {
    const ImVec2 spacing = ImGui::GetStyle().ItemSpacing;
    const float share = Focused(focus, "network.charts") ? 0.36f : 0.25f;
    const float charts_height = ChartsStripHeight(size.y, share, flags);
    const float main_height = size.y - charts_height - spacing.y;
    const float right = size.x * RightColumnShare(state, focus);
    const float left = size.x - right - spacing.x;
    const bool chain_rule = state.panels.chain_rule && state.network.selection.valid;
    ImGui::BeginGroup(); // the whole arrangement, so that it stays right of a controls column
    ImGui::BeginGroup();
    DrawGraph(state, runtime, {left, main_height});
    if (chain_rule) DrawChartsStrip(state, runtime, {left, charts_height}, flags);
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::BeginGroup();
    DrawRightColumn(state, runtime, {right, chain_rule ? size.y : main_height}, focus, flags);
    ImGui::EndGroup();
    if (!chain_rule) DrawChartsStrip(state, runtime, {size.x, charts_height}, flags);
    ImGui::EndGroup();
}

// A short window (1080p at 3×) has no height for a charts strip: the graph keeps the left at full
// height, and the right column shows one of the output plane, the gradient bars and the charts at
// a time under a row of tabs (or the chain rule of a clicked edge).
void DrawShortLayout(AppState& state, UiRuntime& runtime, ImVec2 size, const std::vector<std::string>& focus,
                     const NetworkViewFlags& flags) {
    const ImVec2 spacing = ImGui::GetStyle().ItemSpacing;
    const float right = size.x * RightColumnShare(state, focus);
    DrawGraph(state, runtime, {size.x - right - spacing.x, size.y});
    ImGui::SameLine();
    ImGui::BeginGroup();
    if (state.panels.chain_rule && state.network.selection.valid) {
        DrawRightColumn(state, runtime, {right, size.y}, focus, flags);
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
        DrawOutput(state, runtime, part, flags);
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
    NetworkViewFlags flags{controls, false};
    const float scale = runtime.Scale(state);
    const bool wide = ClassifyWidth(ImGui::GetIO().DisplaySize.x / scale) == SizeClass::Wide;
    const std::vector<std::string> focus = FocusOf(WorkspaceView::Network, state.workspace.focus);
    if (controls) {
        BeginRegionAtCursor("network.toolbar", {ImGui::GetContentRegionAvail().x, ImGui::GetFrameHeight()});
        flags.accuracy_in_toolbar = DrawNetworkToolbar(state, runtime);
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
    // One arrangement per kind of lesson, each filling the area left of (or under) the controls. The
    // first region a lesson names gets the big slot; with none named the graph has it.
    const ImVec2 area = ImGui::GetContentRegionAvail();
    const bool chain_rule = state.panels.chain_rule && state.network.selection.valid;
    // The first region a lesson names gets the big slot. A lesson about the charts keeps the
    // default arrangement, with a taller strip.
    const bool lesson_slot =
        focus.front() != "network.graph" && focus.front() != "network.charts" && !chain_rule;
    if (area.y < 14.0f * ImGui::GetTextLineHeightWithSpacing()) {
        DrawShortLayout(state, runtime, area, focus, flags);
    } else if (lesson_slot && focus.front() == "network.gradients") {
        DrawGradientLesson(state, runtime, area, flags);
    } else if (lesson_slot) {
        DrawOutputLesson(state, runtime, area, flags);
    } else {
        DrawGraphLayout(state, runtime, area, focus, flags);
    }
}

void DrawNetworkDrawers(AppState& state, UiRuntime& runtime, float top) {
    if (BeginDrawer(kControlsDrawer, 380.0f * runtime.Scale(state), false, top)) {
        DrawNetworkControls(state, runtime);
        EndDrawer();
    }
}

} // namespace actlab::ui
