// Widget helpers (see widgets.h).
#include "ui/widgets.h"

namespace actlab::ui {

ImVec4 ToImVec4(Color c) {
    return {static_cast<float>(c.r) / 255.0f, static_cast<float>(c.g) / 255.0f, static_cast<float>(c.b) / 255.0f,
            static_cast<float>(c.a) / 255.0f};
}

void ItemTooltip(const char* text) {
    if (!ImGui::IsItemHovered()) return;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

void HelpMarker(const char* text) {
    ImGui::TextDisabled("(?)");
    ItemTooltip(text);
}

void ColorSwatch(Color color) {
    const float size = ImGui::GetTextLineHeight() * 0.8f;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float offset = (ImGui::GetTextLineHeight() - size) / 2 + ImGui::GetStyle().FramePadding.y;
    ImGui::GetWindowDrawList()->AddRectFilled({p.x, p.y + offset}, {p.x + size, p.y + offset + size},
                                              ImGui::GetColorU32(ToImVec4(color)), 2.0f);
    ImGui::Dummy({size, ImGui::GetFrameHeight()});
}

void ErrorText(const char* text) {
    const bool light = ImGui::GetStyle().Colors[ImGuiCol_WindowBg].x > 0.5f;
    const ImVec4 red = light ? ImVec4{0.75f, 0.0f, 0.0f, 1.0f} : ImVec4{1.0f, 0.45f, 0.4f, 1.0f};
    ImGui::PushStyleColor(ImGuiCol_Text, red);
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
}

void SectionHeading(const char* text, ImFont* bold_font) {
    if (bold_font) ImGui::PushFont(bold_font);
    ImGui::TextUnformatted(text);
    if (bold_font) ImGui::PopFont();
    ImGui::Separator();
}

void SameLineIfFits(float width) {
    const float right_edge = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    const float next_x = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x;
    if (next_x + width <= right_edge) ImGui::SameLine();
}

float ButtonWidth(const char* label) {
    return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
}

void HintText(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
}

bool ClampedIntSlider(const char* label, int& value, int lo, int hi, const char* help, bool logarithmic) {
    int edited = value;
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 5.0f);
    const ImGuiSliderFlags flags = logarithmic ? ImGuiSliderFlags_Logarithmic : ImGuiSliderFlags_None;
    const bool changed = ImGui::SliderInt(label, &edited, lo, hi, "%d", flags);
    ItemTooltip(help);
    if (!changed) return false;
    const int clamped = edited < lo ? lo : (edited > hi ? hi : edited);
    const bool differs = clamped != value;
    value = clamped;
    return differs;
}

std::string FitText(const std::string& text, float max_width) {
    if (ImGui::CalcTextSize(text.c_str()).x <= max_width) return text;
    std::string cut = text;
    while (!cut.empty()) {
        // Drop the last whole character: its UTF-8 continuation bytes, then its lead byte.
        while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0u) == 0x80u) cut.pop_back();
        if (!cut.empty()) cut.pop_back();
        std::string candidate = cut + "\u2026";
        if (!cut.empty() && ImGui::CalcTextSize(candidate.c_str()).x <= max_width) return candidate;
    }
    return "";
}

}  // namespace actlab::ui
