// ImGui styles per theme (see theme.h). The projector theme is black on white with strong borders,
// because projectors wash out dark greys and thin lines.
#include "ui/theme.h"

#include <imgui.h>

namespace actlab::ui {

namespace {

void ProjectorColors(ImGuiStyle& style) {
    ImGui::StyleColorsLight(&style);
    ImVec4* c = style.Colors;
    const ImVec4 black{0.0f, 0.0f, 0.0f, 1.0f};
    const ImVec4 white{1.0f, 1.0f, 1.0f, 1.0f};
    const ImVec4 blue{0.0f, 0.35f, 0.71f, 1.0f};
    c[ImGuiCol_Text] = black;
    c[ImGuiCol_TextDisabled] = {0.25f, 0.25f, 0.25f, 1.0f};
    c[ImGuiCol_WindowBg] = white;
    c[ImGuiCol_ChildBg] = white;
    c[ImGuiCol_PopupBg] = white;
    c[ImGuiCol_MenuBarBg] = {0.92f, 0.92f, 0.92f, 1.0f};
    c[ImGuiCol_Border] = black;
    c[ImGuiCol_FrameBg] = {0.94f, 0.94f, 0.94f, 1.0f};
    c[ImGuiCol_FrameBgHovered] = {0.85f, 0.90f, 1.0f, 1.0f};
    c[ImGuiCol_FrameBgActive] = {0.75f, 0.85f, 1.0f, 1.0f};
    c[ImGuiCol_CheckMark] = blue;
    c[ImGuiCol_SliderGrab] = blue;
    c[ImGuiCol_SliderGrabActive] = {0.0f, 0.2f, 0.5f, 1.0f};
    c[ImGuiCol_Button] = {0.88f, 0.88f, 0.88f, 1.0f};
    c[ImGuiCol_ButtonHovered] = {0.80f, 0.87f, 1.0f, 1.0f};
    c[ImGuiCol_ButtonActive] = {0.65f, 0.78f, 1.0f, 1.0f};
    c[ImGuiCol_Header] = {0.78f, 0.86f, 1.0f, 1.0f};
    c[ImGuiCol_HeaderHovered] = {0.85f, 0.90f, 1.0f, 1.0f};
    c[ImGuiCol_HeaderActive] = {0.70f, 0.80f, 1.0f, 1.0f};
    c[ImGuiCol_Separator] = {0.3f, 0.3f, 0.3f, 1.0f};
    style.FrameBorderSize = 1.0f;
    style.WindowBorderSize = 1.0f;
    style.ChildBorderSize = 1.0f;
}

} // namespace

void ApplyTheme(Theme theme, float scale) {
    ImGuiStyle style;
    switch (OpaqueTheme(theme)) {
    case Theme::Dark:
        ImGui::StyleColorsDark(&style);
        break;
    case Theme::Light:
    case Theme::Transparent: // never: OpaqueTheme
        ImGui::StyleColorsLight(&style);
        style.FrameBorderSize = 1.0f;
        break;
    case Theme::Projector:
        ProjectorColors(style);
        break;
    }
    style.WindowRounding = 4.0f;
    style.ChildRounding = 4.0f;
    style.FrameRounding = 3.0f;
    style.GrabRounding = 3.0f;
    style.PopupRounding = 4.0f;
    style.FramePadding = {7.0f, 4.0f};
    style.ItemSpacing = {9.0f, 6.0f};
    style.WindowPadding = {10.0f, 10.0f};
    style.GrabMinSize = 12.0f;
    style.ScrollbarSize = 15.0f;
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

const char* ThemeLabel(Theme theme) {
    switch (theme) {
    case Theme::Dark:
        return "Dark";
    case Theme::Light:
        return "Light";
    case Theme::Projector:
        return "Projector (high contrast)";
    case Theme::Transparent:
        return "Transparent";
    }
    return "Dark";
}

} // namespace actlab::ui
