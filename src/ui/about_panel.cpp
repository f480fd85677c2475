// Help → About: what ActLab is, its version (the one from CMake, as actlab --version shows it) and
// its licence.
#include "core/version.h"
#include "ui/panels.h"

#include <imgui.h>

namespace actlab::ui {

void DrawAboutPanel(UiRuntime& runtime) {
    if (!runtime.about_open) return;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(
        {viewport->WorkPos.x + viewport->WorkSize.x / 2, viewport->WorkPos.y + viewport->WorkSize.y / 2},
        ImGuiCond_Always, {0.5f, 0.5f}); // centred, also after a scale change
    if (!ImGui::Begin("About ActLab", &runtime.about_open,
                      ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse |
                          ImGuiWindowFlags_NoMove)) {
        ImGui::End();
        return;
    }
    ImGui::PushFont(runtime.fonts.bold);
    ImGui::Text("ActLab %s", kVersion);
    ImGui::PopFont();
    ImGui::TextUnformatted("A laboratory for neural-network activation functions.");
    ImGui::TextDisabled("MIT licence. Copyright 2026 The ActLab authors.");
    ImGui::Spacing();
    if (ImGui::Button("Close")) runtime.about_open = false;
    ImGui::End();
}

} // namespace actlab::ui
