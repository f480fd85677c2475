// The main window: a menu bar, a row of view tabs (F2 … F7), the current view filling the rest, a
// status line. Hide-controls mode leaves only the view's focus regions.
#include "ui/drawer.h"
#include "ui/panels.h"

#include "ui/copy_action.h"
#include "ui/scene_files.h"
#include "ui/shortcuts.h"
#include "ui/theme.h"
#include "ui/widgets.h"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <string>

namespace actlab::ui {

namespace {

constexpr double kStatusSeconds = 6.0;

// The presenter's tools, as a submenu of View (their keys work without it).
void DrawPresenterMenu(UiRuntime& runtime) {
    PresenterTools& tools = runtime.presenter;
    if (!ImGui::BeginMenu("Presenter")) return;
    if (ImGui::MenuItem("Black screen", "B or .")) tools.blank = BlankScreen::Black;
    if (ImGui::MenuItem("White screen", "W")) tools.blank = BlankScreen::White;
    if (ImGui::MenuItem("Laser pointer", "L", &tools.pointer)) tools.trail.Clear();
    ImGui::MenuItem("Pen", "P", &tools.pen);
    if (ImGui::MenuItem("Erase ink", "E", false, !tools.ink.strokes().empty())) tools.ink.Clear();
    if (ImGui::MenuItem("Timer", "Shift+T", &tools.timer) && tools.timer_started < 0.0)
        tools.timer_started = ImGui::GetTime();
    if (ImGui::MenuItem("Restart timer", nullptr, false, tools.timer)) tools.timer_started = ImGui::GetTime();
    ImGui::EndMenu();
}

void DrawMenuBar(AppState& state, UiRuntime& runtime) {
    if (!ImGui::BeginMenuBar()) return;
    if (ImGui::BeginMenu("File")) {
        DrawSceneFileMenuItems(state, runtime);
        ImGui::Separator();
        ImGui::MenuItem("Export figure\u2026", "Ctrl+Shift+S", &state.panels.export_dialog);
        ImGui::MenuItem("Export animation\u2026", nullptr, &runtime.animation.open);
        ImGui::Separator();
        if (ImGui::MenuItem("Quit", "Ctrl+Q")) runtime.quit_requested = true;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Edit")) {
        DrawCopyMenuItems(state, runtime);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        for (std::size_t i = 0; i < kWorkspaceViewCount; ++i) {
            const auto view = static_cast<WorkspaceView>(i);
            std::string key = "F"; // appended, not "F" + …: GCC 12 warns falsely (-Wrestrict)
            key += std::to_string(i + 2);
            if (ImGui::MenuItem(std::string(WorkspaceViewLabel(view)).c_str(), key.c_str(),
                                state.workspace.view == view)) {
                ShowView(state, view);
            }
        }
        ImGui::Separator();
        ImGui::MenuItem("Function catalogue", nullptr, &state.panels.sidebar);
        ImGui::MenuItem("Parameters", nullptr, &state.panels.parameters);
        ImGui::MenuItem("Property card", nullptr, &state.panels.properties);
        ImGui::MenuItem("Chain rule (click an edge)", nullptr, &state.panels.chain_rule);
        ImGui::Separator();
        ImGui::MenuItem("Show f\u2032", "D", &state.plots.show_derivative);
        if (ImGui::MenuItem("Reset view", "R")) ResetView(state);
        ImGui::MenuItem("Hide controls", "H", &state.display.hide_controls);
        if (ImGui::MenuItem("Full screen", "F11", &state.display.fullscreen))
            runtime.fullscreen_changed = true;
        DrawPresenterMenu(runtime);
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
        ImGui::MenuItem("About ActLab", nullptr, &runtime.about_open);
        ImGui::EndMenu();
    }
    ImGui::EndMenuBar();
}

void DrawStatusLine(UiRuntime& runtime) {
    const StatusMessage& status = runtime.status;
    if (status.text.empty() || ImGui::GetTime() - status.shown_at > kStatusSeconds) {
        ImGui::TextDisabled(
            "F1: shortcuts   F2\u2013F7: views   H: hide controls   D: derivative   R: reset view");
        return;
    }
    if (status.kind == MessageKind::Error) {
        ErrorText(status.text.c_str());
    } else {
        ImGui::TextUnformatted(status.text.c_str());
    }
}

// The views as a row of tabs; the current one is drawn in the active tab colour. Each names its key
// ("Network  F3") where the row has room for that; a narrow window (3× on a 1080p screen) keeps one
// row of names and gives the keys in the tooltips.
void DrawViewTabs(AppState& state) {
    const auto label_of = [](std::size_t i, bool with_key) {
        std::string label(WorkspaceViewLabel(static_cast<WorkspaceView>(i)));
        if (with_key) {
            label += "  F";
            label += std::to_string(i + 2);
        }
        return label;
    };
    float row = 0.0f;
    for (std::size_t i = 0; i < kWorkspaceViewCount; ++i)
        row += ButtonWidth(label_of(i, true).c_str()) + ImGui::GetStyle().ItemSpacing.x;
    const bool with_keys = row <= ImGui::GetContentRegionAvail().x;
    for (std::size_t i = 0; i < kWorkspaceViewCount; ++i) {
        const auto view = static_cast<WorkspaceView>(i);
        const bool current = state.workspace.view == view;
        const std::string label = label_of(i, with_keys);
        if (i > 0) SameLineIfFits(ButtonWidth(label.c_str()));
        ImGui::PushStyleColor(ImGuiCol_Button,
                              ImGui::GetStyleColorVec4(current ? ImGuiCol_TabActive : ImGuiCol_Tab));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::GetStyleColorVec4(ImGuiCol_TabHovered));
        if (ImGui::Button(label.c_str())) ShowView(state, view);
        ImGui::PopStyleColor(2);
        if (!with_keys) {
            std::string keys = "F";
            keys += std::to_string(i + 2);
            keys += " or Ctrl+";
            keys += std::to_string(i + 1);
            ItemTooltip(keys.c_str());
        }
    }
}

void DrawCurrentView(AppState& state, UiRuntime& runtime) {
    switch (state.workspace.view) {
    case WorkspaceView::Functions:
        DrawFunctionsView(state, runtime);
        break;
    case WorkspaceView::Network:
        DrawNetworkPanel(state, runtime);
        break;
    case WorkspaceView::Softmax:
        DrawSoftmaxPanel(state, runtime);
        break;
    case WorkspaceView::Propagation:
        DrawPropagationPanel(state, runtime);
        break;
    case WorkspaceView::BornDead:
        DrawBornDeadPanel(state, runtime);
        break;
    case WorkspaceView::Gated:
        DrawGatedView(state, runtime);
        break;
    }
}

} // namespace

void FollowView(AppState& state, UiRuntime& runtime) {
    WorkspaceView view = state.workspace.view;
    // The first frame takes the view as given, then lets a panel flag set with it (a test, an older
    // caller) open its view.
    if (!runtime.synced_view) runtime.synced_view = view;
    if (runtime.synced_view == view) {
        const PanelVisibility& p = state.panels;
        const std::array<std::pair<bool, WorkspaceView>, 5> flags{
            {{p.network, WorkspaceView::Network},
             {p.softmax, WorkspaceView::Softmax},
             {p.propagation, WorkspaceView::Propagation},
             {p.born_dead, WorkspaceView::BornDead},
             {p.gated, WorkspaceView::Gated}}};
        bool current_open = view == WorkspaceView::Functions;
        for (const auto& [open, v] : flags) {
            if (v == view) current_open = open;
        }
        if (!current_open) view = WorkspaceView::Functions;
        for (const auto& [open, v] : flags) {
            if (open && v != state.workspace.view) {
                view = v;
                break;
            }
        }
    }
    ShowView(state, view);
    runtime.synced_view = view;
}

void DrawMainWindow(AppState& state, UiRuntime& runtime) {
    HandleShortcuts(state, runtime);
    FollowView(state, runtime);
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
    if (controls) DrawViewTabs(state);
    const float view_top = ImGui::GetCursorScreenPos().y;

    // The status line's row: one text line and the window's bottom padding, so it is never cut.
    const float status_height =
        controls ? ImGui::GetTextLineHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y : 0.0f;
    const ImVec2 available = ImGui::GetContentRegionAvail();
    ImGui::BeginChild("##view", {available.x, std::max(available.y - status_height, 1.0f)}, false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    DrawCurrentView(state, runtime);
    ImGui::EndChild();
    if (controls) DrawStatusLine(runtime);
    OpenRequestedDrawer(runtime);
    if (state.workspace.view == WorkspaceView::Functions) DrawFunctionsDrawers(state, runtime, view_top);
    if (state.workspace.view == WorkspaceView::Propagation) DrawPropagationDrawers(state, runtime, view_top);
    if (state.workspace.view == WorkspaceView::Network) DrawNetworkDrawers(state, runtime, view_top);
    ImGui::End();
    DrawShortcutsPanel(state, runtime);
    DrawAboutPanel(runtime);
    DrawExportPanel(state, runtime);
    DrawAnimationExportPanel(state, runtime);
    DrawExportToast(runtime);
    DrawSceneDialogs(state, runtime);
    DrawPresenterOverlay(state, runtime); // last: above every window and popup
}

void RunFrame(AppState& state, UiRuntime& runtime) {
    // The last frame's requests first (open, save, a lesson), so the session runs what they load.
    ProcessSceneRequests(state, runtime);
    // The slider sweep moves its value before the session and the panels see the state.
    StepAutoplay(state, runtime, ImGui::GetIO().DeltaTime);
    runtime.session.Update(state, runtime.training_budget_seconds);
    // The pen and a blank screen take the mouse before ImGui sees it: no click reaches a widget.
    CapturePresenterMouse(runtime);
    ImGui::NewFrame();
    DrawMainWindow(state, runtime);
    ImGui::Render();
    ReleasePresenterMouse(runtime);
}

} // namespace actlab::ui
