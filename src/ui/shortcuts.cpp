// Keyboard shortcuts (see shortcuts.h).
#include "ui/shortcuts.h"

#include "ui/copy_action.h"
#include "ui/panels.h"
#include "ui/presenter_overlay.h"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace actlab::ui {

namespace {

constexpr std::array<Shortcut, 28> kShortcuts{{
    {"F2 \u2026 F7", "views: Functions, Network, Softmax, Propagation, Born dead, Gated"},
    {"Ctrl+1 \u2026 6", "the same views"},
    {"D", "show or hide the derivative f\u2032"},
    {"R", "reset the view to the selected functions"},
    {"1 \u2026 9", "show the n-th function of the list alone"},
    {"Shift+1 \u2026 9", "overlay the n-th function (or remove it)"},
    {"H", "hide the controls: plots only (lecture mode)"},
    {"T", "next theme: dark, light, projector"},
    {"Ctrl+= / Ctrl+\u2212", "larger / smaller UI scale (1\u20133\u00d7)"},
    {"N", "the network view, or back to the functions"},
    {"I", "the property card (a drawer when the window is narrow)"},
    {"Space", "play or pause training (mini network open)"},
    {"F11", "full screen"},
    {"B or .  /  W", "black / white screen; any key brings the lesson back"},
    {"L", "laser pointer: a red dot with a fading trail follows the mouse"},
    {"P", "pen: draw with the mouse (hold Shift to keep a stroke; others fade)"},
    {"E", "erase the ink"},
    {"A", "stop the slider sweep, or play the last one again"},
    {"\u25b6 beside a slider", "auto-play: sweep the value back and forth (right-click: range, speed)"},
    {"Shift+T", "presenter timer (elapsed time) in the corner"},
    {"Ctrl+C", "copy the plot under the mouse (else f), or the network panel, to the clipboard"},
    {"Ctrl+Shift+C", "copy the whole window to the clipboard"},
    {"Ctrl+Shift+S / F12", "export a figure: PNG (1\u20134\u00d7), SVG or CSV"},
    {"F1", "this list of shortcuts"},
    {"Esc", "close this list, a drawer or the chain rule; leave hide-controls mode"},
    {"Ctrl+O", "open a scene (a saved lesson)"},
    {"Ctrl+S", "save the lesson as a scene"},
    {"Ctrl+Q", "quit (settings are saved)"},
}};

constexpr std::array<float, 6> kScales{1.0f, 1.25f, 1.5f, 2.0f, 2.5f, 3.0f};

bool Pressed(int key) {
    return ImGui::IsKeyPressed(key, false);
}

} // namespace

std::span<const Shortcut> AllShortcuts() {
    return kShortcuts;
}

float NextUiScale(float scale, int direction) {
    if (direction > 0) {
        for (float s : kScales) {
            if (s > scale + 1e-3f) return s;
        }
        return kScales.back();
    }
    const auto smaller =
        std::find_if(kScales.rbegin(), kScales.rend(), [&](float s) { return s < scale - 1e-3f; });
    return smaller != kScales.rend() ? *smaller : kScales.front();
}

void HandleShortcuts(AppState& state, UiRuntime& runtime) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return;
    if (HandlePresenterKeys(state, runtime)) return;
    if (io.KeyCtrl) {
        if (Pressed('Q')) runtime.quit_requested = true;
        if (io.KeyShift && Pressed('S')) state.panels.export_dialog = true;
        if (Pressed('C'))
            RequestCopy(runtime, io.KeyShift ? ExportTarget::Window : CopyTargetUnderMouse(state, runtime));
        if (Pressed('O')) runtime.scenes.requested_dialog = SceneDialog::Open;
        if (Pressed('S') && !io.KeyShift) runtime.scenes.requested_dialog = SceneDialog::Save;
        if (Pressed(key::kEqual) || Pressed(key::kKeypadAdd))
            state.display.ui_scale = NextUiScale(state.display.ui_scale, +1);
        if (Pressed(key::kMinus) || Pressed(key::kKeypadSubtract)) {
            state.display.ui_scale = NextUiScale(state.display.ui_scale, -1);
        }
        for (std::size_t i = 0; i < kWorkspaceViewCount; ++i) {
            if (Pressed('1' + static_cast<int>(i))) ShowView(state, static_cast<WorkspaceView>(i));
        }
        return;
    }
    for (std::size_t i = 0; i < kWorkspaceViewCount; ++i) {
        if (Pressed(key::kF2 + static_cast<int>(i))) ShowView(state, static_cast<WorkspaceView>(i));
    }
    if (Pressed('I')) {
        ShowView(state, WorkspaceView::Functions);
        OpenCardDrawer(runtime);
    }
    if (Pressed('D')) state.plots.show_derivative = !state.plots.show_derivative;
    if (Pressed('R')) ResetView(state);
    if (Pressed('H')) state.display.hide_controls = !state.display.hide_controls;
    if (Pressed('T') && !io.KeyShift)
        state.display.theme = static_cast<Theme>((static_cast<int>(state.display.theme) + 1) % 3);
    if (Pressed('N')) {
        ShowView(state, state.workspace.view == WorkspaceView::Network ? WorkspaceView::Functions
                                                                       : WorkspaceView::Network);
    }
    if (Pressed(key::kSpace) && state.panels.network) state.network.playing = !state.network.playing;
    if (Pressed(key::kF1)) state.panels.shortcuts = !state.panels.shortcuts;
    if (Pressed(key::kF12)) state.panels.export_dialog = true;
    if (Pressed(key::kF11)) {
        state.display.fullscreen = !state.display.fullscreen;
        runtime.fullscreen_changed = true;
    }
    if (Pressed(key::kEscape)) {
        if (state.panels.shortcuts) {
            state.panels.shortcuts = false;
        } else if (state.panels.chain_rule && state.workspace.view == WorkspaceView::Network) {
            state.panels.chain_rule = false;
        } else {
            state.display.hide_controls = false;
        }
    }
    const std::vector<ActivationId> order = SidebarOrder();
    for (int digit = 1; digit <= 9; ++digit) {
        if (!Pressed('0' + digit)) continue;
        const ActivationId id = order[static_cast<std::size_t>(digit - 1)];
        if (io.KeyShift) {
            ToggleOverlay(state, id);
        } else {
            SelectOnly(state, id);
        }
    }
}

} // namespace actlab::ui
