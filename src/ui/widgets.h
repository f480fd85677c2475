// ActLab's own widget helpers (in our namespace, not ImGui's).
#pragma once

#include "render/canvas.h"

#include <imgui.h>

#include <string>

namespace actlab::ui {

// A "(?)" that shows `text` as a tooltip: where a control teaches.
void HelpMarker(const char* text);

// The tooltip of the last item, wrapped at a readable width.
void ItemTooltip(const char* text);

// A small filled square in a curve's colour, on the current line.
void ColorSwatch(Color color);

// Text in the theme's colour for errors (red that stays readable on dark and light backgrounds).
void ErrorText(const char* text);

// A heading in the bold font with a separator under it.
void SectionHeading(const char* text, ImFont* bold_font);

ImVec4 ToImVec4(Color color);

// SameLine when an item of `width` still fits on this line; otherwise the item starts a new one
// (toolbars wrap instead of running off the edge at lecture scale).
void SameLineIfFits(float width);

// The width of a button with this label.
float ButtonWidth(const char* label);

// Disabled-coloured text that wraps at the window's edge.
void HintText(const char* text);

// `text` as it fits `max_width` in the current font: whole, or cut at a character boundary with
// an ellipsis, or "" when not even one character and the ellipsis fit.
std::string FitText(const std::string& text, float max_width);

// ImGui::SliderScalar whose value is always readable: the number is drawn beside the grab, never
// under it ("−5.00" used to read "5.00" with the grab over its minus sign). Same arguments and
// result as ImGui's; the label's visible part is drawn after the slider as ImGui would.
bool ReadableSlider(const char* label, ImGuiDataType type, void* value, const void* lo, const void* hi,
                    const char* format, ImGuiSliderFlags flags = ImGuiSliderFlags_None);

// An integer slider whose value stays in [lo, hi] even when a value is typed (Ctrl+click), with a
// teaching tooltip. Returns true when the value changed.
bool ClampedIntSlider(const char* label, int& value, int lo, int hi, const char* help, bool logarithmic = false);

}  // namespace actlab::ui
