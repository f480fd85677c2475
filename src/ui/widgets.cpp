// Widget helpers (see widgets.h).
#include "ui/widgets.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace actlab::ui {

ImVec4 ToImVec4(Color c) {
    return {static_cast<float>(c.r) / 255.0f, static_cast<float>(c.g) / 255.0f,
            static_cast<float>(c.b) / 255.0f, static_cast<float>(c.a) / 255.0f};
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

namespace {

double AsDouble(ImGuiDataType type, const void* value) {
    switch (type) {
    case ImGuiDataType_Float:
        return static_cast<double>(*static_cast<const float*>(value));
    case ImGuiDataType_Double:
        return *static_cast<const double*>(value);
    case ImGuiDataType_S32:
        return *static_cast<const int*>(value);
    case ImGuiDataType_U64:
        return static_cast<double>(*static_cast<const std::uint64_t*>(value));
    default:
        return 0.0;
    }
}

bool IsInteger(ImGuiDataType type) {
    return type != ImGuiDataType_Float && type != ImGuiDataType_Double;
}

// Where along the frame the grab sits, 0 to 1 (logarithmic sliders on a positive range as ImGui maps them).
float GrabFraction(double value, double lo, double hi, bool logarithmic) {
    if (!(hi > lo)) return 0.0f;
    double t = (value - lo) / (hi - lo);
    if (logarithmic && lo > 0.0 && value > 0.0) t = std::log(value / lo) / std::log(hi / lo);
    return static_cast<float>(std::clamp(t, 0.0, 1.0));
}

// The value text's left edge inside the frame [left, right]: centred as ImGui puts it, unless the
// grab [grab_lo, grab_hi] (widened by `gap`) is there; then at the far end from the grab. `clear`
// says whether the text misses the grab there (a short slider has no such place for a long value).
float ValueTextLeft(float left, float right, float text_width, float grab_lo, float grab_hi, float pad,
                    float gap, bool& clear) {
    const float centred = (left + right - text_width) / 2;
    const auto misses = [&](float x) { return x + text_width <= grab_lo - gap || x >= grab_hi + gap; };
    clear = true;
    if (misses(centred)) return centred;
    const float far_end =
        (grab_lo + grab_hi) / 2 > (left + right) / 2 ? left + pad : right - pad - text_width;
    clear = misses(far_end);
    return far_end;
}

} // namespace

bool ReadableSlider(const char* label, ImGuiDataType type, void* value, const void* lo, const void* hi,
                    const char* format, ImGuiSliderFlags flags) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float frame_width = ImGui::CalcItemWidth();
    // ImGui's own centred value (and label) are drawn invisibly, except while a number is typed in;
    // ours follow, so the slider stays one item (tooltips and IDs as before).
    const bool typing = ImGui::TempInputIsActive(ImGui::GetID(label));
    if (!typing) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4{0, 0, 0, 0});
    const bool changed = ImGui::SliderScalar(label, type, value, lo, hi, format, flags);
    if (!typing) ImGui::PopStyleColor();
    const ImVec2 frame_min = ImGui::GetItemRectMin();
    const ImVec2 frame_max{frame_min.x + frame_width, ImGui::GetItemRectMax().y};
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    const ImU32 text_color = ImGui::GetColorU32(ImGuiCol_Text);
    if (const char* visible_end = ImGui::FindRenderedTextEnd(label); visible_end != label && !typing) {
        draw_list->AddText({frame_max.x + style.ItemInnerSpacing.x, frame_min.y + style.FramePadding.y},
                           text_color, label, visible_end);
    }
    if (typing) return changed;
    char text[64];
    ImGui::DataTypeFormatString(text, sizeof text, type, value, format);
    const float text_width = ImGui::CalcTextSize(text).x;
    const double v_lo = AsDouble(type, lo), v_hi = AsDouble(type, hi);
    // The grab where ImGui's slider puts it: a fixed 2 px from the frame's ends (not FramePadding,
    // which grows with the UI scale: at 2× that misplaced it by up to 12 px, onto the digits).
    constexpr float kGrabPadding = 2.0f;
    const float inner = frame_width - 2 * kGrabPadding;
    float grab = style.GrabMinSize;
    if (IsInteger(type) && v_hi >= v_lo) grab = std::max(inner / static_cast<float>(v_hi - v_lo + 1.0), grab);
    grab = std::min(grab, inner);
    const bool logarithmic = (flags & ImGuiSliderFlags_Logarithmic) != 0;
    const float grab_lo = frame_min.x + kGrabPadding +
                          GrabFraction(AsDouble(type, value), v_lo, v_hi, logarithmic) * (inner - grab);
    bool clear = true;
    const float left = ValueTextLeft(frame_min.x, frame_max.x, text_width, grab_lo, grab_lo + grab,
                                     style.FramePadding.x, style.ItemInnerSpacing.x * 0.5f, clear);
    const ImVec2 at{left, frame_min.y + style.FramePadding.y};
    if (!clear) {
        // No place misses the grab: the digits get the frame's colour behind them and stay readable,
        // the grab showing on either side.
        const ImVec2 box_min{at.x - 2.0f, frame_min.y + 2.0f};
        const ImVec2 box_max{at.x + text_width + 2.0f, frame_max.y - 2.0f};
        draw_list->AddRectFilled(box_min, box_max, ImGui::GetColorU32(ImGuiCol_WindowBg, 1.0f));
        draw_list->AddRectFilled(box_min, box_max, ImGui::GetColorU32(ImGuiCol_FrameBg), style.FrameRounding);
    }
    draw_list->AddText(at, text_color, text);
    return changed;
}

bool ClampedIntSlider(const char* label, int& value, int lo, int hi, const char* help, bool logarithmic) {
    int edited = value;
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 5.0f);
    const ImGuiSliderFlags flags = logarithmic ? ImGuiSliderFlags_Logarithmic : ImGuiSliderFlags_None;
    const bool changed = ReadableSlider(label, ImGuiDataType_S32, &edited, &lo, &hi, "%d", flags);
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
        while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0u) == 0x80u)
            cut.pop_back();
        if (!cut.empty()) cut.pop_back();
        std::string candidate = cut + "\u2026";
        if (!cut.empty() && ImGui::CalcTextSize(candidate.c_str()).x <= max_width) return candidate;
    }
    return "";
}

} // namespace actlab::ui
