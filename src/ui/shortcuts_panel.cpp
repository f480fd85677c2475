// F1: every keyboard shortcut in one window, big enough to read from the back of the room.
#include "ui/panels.h"
#include "ui/shortcuts.h"

#include <imgui.h>

namespace actlab::ui {

void DrawShortcutsPanel(AppState& state, UiRuntime& runtime) {
    if (!state.panels.shortcuts) return;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(
        {viewport->WorkPos.x + viewport->WorkSize.x / 2, viewport->WorkPos.y + viewport->WorkSize.y / 2},
        ImGuiCond_Appearing, {0.5f, 0.5f});
    if (!ImGui::Begin("Keyboard shortcuts", &state.panels.shortcuts,
                      ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse)) {
        ImGui::End();
        return;
    }
    if (ImGui::BeginTable("##shortcuts", 2, ImGuiTableFlags_RowBg)) {
        for (const Shortcut& shortcut : AllShortcuts()) {
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::PushFont(runtime.fonts.bold);
            ImGui::TextUnformatted(shortcut.keys);
            ImGui::PopFont();
            ImGui::TableSetColumnIndex(1);
            ImGui::TextUnformatted(shortcut.action);
        }
        ImGui::EndTable();
    }
    ImGui::Separator();
    ImGui::TextDisabled("Plots: drag to pan, wheel to zoom, right-drag to box-zoom, double-click to reset,");
    ImGui::TextDisabled("click to pin a probe, right-click a probe to remove it.");
    ImGui::End();
}

} // namespace actlab::ui
