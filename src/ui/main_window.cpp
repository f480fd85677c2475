// The main window: a menu bar, the catalogue on the left, the plots in the middle, parameters and
// the property card on the right, a status line. Hide-controls mode leaves only the plots.
#include "ui/panels.h"
#include "ui/scene_files.h"
#include "ui/shortcuts.h"
#include "ui/theme.h"
#include "ui/widgets.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace actlab::ui {

namespace {

constexpr double kStatusSeconds = 6.0;

// A side column: its natural width at this scale, but never more than a share of the window, so
// that in lecture mode the plots keep most of the screen (the columns' text wraps instead).
float ColumnWidth(float natural, float max_share) {
    return std::min(natural, ImGui::GetMainViewport()->WorkSize.x * max_share);
}

void DrawMenuBar(AppState& state, UiRuntime& runtime) {
    if (!ImGui::BeginMenuBar()) return;
    if (ImGui::BeginMenu("File")) {
        DrawSceneFileMenuItems(state, runtime);
        ImGui::Separator();
        ImGui::MenuItem("Export figure\u2026", "Ctrl+Shift+S", &state.panels.export_dialog);
        ImGui::Separator();
        if (ImGui::MenuItem("Quit", "Ctrl+Q")) runtime.quit_requested = true;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        ImGui::MenuItem("Functions", nullptr, &state.panels.sidebar);
        ImGui::MenuItem("Parameters", nullptr, &state.panels.parameters);
        ImGui::MenuItem("Property card", nullptr, &state.panels.properties);
        ImGui::Separator();
        ImGui::MenuItem("Mini network", "N", &state.panels.network);
        ImGui::MenuItem("Chain rule", nullptr, &state.panels.chain_rule);
        ImGui::MenuItem("Softmax", nullptr, &state.panels.softmax);
        ImGui::MenuItem("Signal propagation", nullptr, &state.panels.propagation);
        ImGui::MenuItem("Born-dead ReLU networks", nullptr, &state.panels.born_dead);
        ImGui::Separator();
        ImGui::MenuItem("Show f\u2032", "D", &state.plots.show_derivative);
        if (ImGui::MenuItem("Reset view", "R")) ResetView(state);
        ImGui::MenuItem("Hide controls", "H", &state.display.hide_controls);
        if (ImGui::MenuItem("Full screen", "F11", &state.display.fullscreen))
            runtime.fullscreen_changed = true;
        ImGui::Separator();
        for (Theme theme : {Theme::Dark, Theme::Light, Theme::Projector}) {
            if (ImGui::MenuItem(ThemeLabel(theme), nullptr, state.display.theme == theme))
                state.display.theme = theme;
        }
        ImGui::Separator();
        float scale = state.display.ui_scale;
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8.0f);
        if (ImGui::SliderFloat("UI scale", &scale, 1.0f, 3.0f, "%.2f\u00d7")) state.display.ui_scale = scale;
        ImGui::EndMenu();
    }
    DrawLessonPresetsMenu(runtime);
    if (ImGui::BeginMenu("Help")) {
        ImGui::MenuItem("Keyboard shortcuts", "F1", &state.panels.shortcuts);
        ImGui::EndMenu();
    }
    ImGui::EndMenuBar();
}

void DrawStatusLine(UiRuntime& runtime) {
    const StatusMessage& status = runtime.status;
    if (status.text.empty() || ImGui::GetTime() - status.shown_at > kStatusSeconds) {
        ImGui::TextDisabled("F1: shortcuts   H: hide controls   D: derivative   R: reset view");
        return;
    }
    if (status.kind == MessageKind::Error) {
        ErrorText(status.text.c_str());
    } else {
        ImGui::TextUnformatted(status.text.c_str());
    }
}

} // namespace

void DrawMainWindow(AppState& state, UiRuntime& runtime) {
    HandleShortcuts(state, runtime);
    // Typed values and loaded settings are checked elsewhere; this keeps the window sane regardless.
    state.display.ui_scale = std::clamp(state.display.ui_scale, 1.0f, 3.0f);
    if (state.plots.selected.empty()) state.plots.selected = {ActivationId::Relu};

    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                             ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings;
    const bool controls = !state.display.hide_controls;
    if (controls) flags |= ImGuiWindowFlags_MenuBar;
    ImGui::Begin("ActLab", nullptr, flags);
    if (controls) DrawMenuBar(state, runtime);

    const float scale = runtime.Scale(state);
    const float status_height = controls ? ImGui::GetFrameHeightWithSpacing() : 0.0f;
    const float height = ImGui::GetContentRegionAvail().y - status_height;
    if (controls && state.panels.sidebar) {
        ImGui::BeginChild("##sidebar", {ColumnWidth(215.0f * scale, 0.18f), height}, true);
        DrawSidebarPanel(state, runtime);
        ImGui::EndChild();
        ImGui::SameLine();
    }
    const bool right_column = controls && (state.panels.parameters || state.panels.properties);
    const float right_width = right_column ? ColumnWidth(370.0f * scale, 0.27f) : 0.0f;
    const float plot_width = ImGui::GetContentRegionAvail().x -
                             (right_column ? right_width + ImGui::GetStyle().ItemSpacing.x : 0.0f);
    ImGui::BeginChild("##plots", {plot_width, height}, false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    DrawPlotPanel(state, runtime);
    ImGui::EndChild();
    if (right_column) {
        ImGui::SameLine();
        ImGui::BeginChild("##right", {right_width, height}, true);
        if (state.panels.parameters) DrawParametersPanel(state, runtime);
        if (state.panels.parameters && state.panels.properties) ImGui::Spacing();
        if (state.panels.properties) DrawPropertiesPanel(state, runtime);
        ImGui::EndChild();
    }
    if (controls) DrawStatusLine(runtime);
    ImGui::End();
    // The lesson windows float over the function plots, placed on first use (no docking in 1.86).
    DrawNetworkPanel(state, runtime);
    DrawChainRulePanel(state, runtime);
    DrawSoftmaxPanel(state, runtime);
    DrawPropagationPanel(state, runtime);
    DrawBornDeadPanel(state, runtime);
    DrawShortcutsPanel(state, runtime);
    DrawExportPanel(state, runtime);
    DrawExportToast(runtime);
    DrawSceneDialogs(state, runtime);
}

void RunFrame(AppState& state, UiRuntime& runtime) {
    // The last frame's requests first (open, save, a lesson), so the session runs what they load.
    ProcessSceneRequests(state, runtime);
    runtime.session.Update(state, runtime.training_budget_seconds);
    ImGui::NewFrame();
    DrawMainWindow(state, runtime);
    ImGui::Render();
}

} // namespace actlab::ui
