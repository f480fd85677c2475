// Windowless ImGui frames (see headless_frames.h).
#include "ui/headless_frames.h"

#include "ui/fonts.h"
#include "ui/theme.h"

#include <imgui.h>

namespace actlab::ui {

void CreateHeadlessContext(float width, float height) {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = {width, height};
    io.DeltaTime = 1.0f / 60.0f;
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
}

void PrepareHeadlessFrame(const AppState& state, UiRuntime& runtime) {
    ImGuiIO& io = ImGui::GetIO();
    runtime.fonts = BuildFonts(io, runtime.Scale(state));
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    ApplyTheme(state.display.theme, runtime.Scale(state));
}

void OpenEveryPanel(AppState& state) {
    // The heaviest frame: the network view (training, graph, heatmaps, the chain rule) with both
    // dialogs over it; the other views are lighter.
    ShowView(state, WorkspaceView::Network);
    PanelVisibility& panels = state.panels;
    panels.sidebar = panels.parameters = panels.properties = true;
    panels.chain_rule = true;
    panels.export_dialog = panels.shortcuts = true;
    state.display.hide_controls = false;
    state.plots.show_derivative = true;
    // Without a chosen weight the chain rule only asks for a click on an edge.
    state.network.selection.valid = true;
    state.network.selection.layer = 0;
    state.network.selection.neuron = 0;
    state.network.selection.input = 0;
}

} // namespace actlab::ui
