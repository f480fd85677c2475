// Drawers over the window's edge (see drawer.h).
#include "ui/drawer.h"

#include "ui/widgets.h"

#include <algorithm>

namespace actlab::ui {

bool DrawerButton(UiRuntime& runtime, const char* label, const char* name, const char* tooltip) {
    const bool pressed = ImGui::Button(label);
    if (pressed) runtime.drawer_request = name;
    ItemTooltip(tooltip);
    return pressed;
}

void OpenRequestedDrawer(UiRuntime& runtime) {
    if (runtime.drawer_request.empty()) return;
    ImGui::OpenPopup(runtime.drawer_request.c_str());
    runtime.drawer_request.clear();
}

bool BeginDrawer(const char* name, float width, bool right_edge, float top) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float bottom = viewport->WorkPos.y + viewport->WorkSize.y;
    const float clamped = std::min(width, viewport->WorkSize.x * 0.9f);
    const float x = right_edge ? viewport->WorkPos.x + viewport->WorkSize.x - clamped : viewport->WorkPos.x;
    ImGui::SetNextWindowPos({x, top});
    ImGui::SetNextWindowSize({clamped, std::max(bottom - top, 1.0f)});
    if (!ImGui::BeginPopup(name, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings)) return false;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) ImGui::CloseCurrentPopup();
    return true;
}

void EndDrawer() {
    ImGui::EndPopup();
}

} // namespace actlab::ui
