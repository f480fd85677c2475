// The property card of the current function, computed from its parameters by the core: formula with
// values substituted, ranges, shape, kinks and their convention, typical use; "Copy LaTeX".
#include "core/properties.h"
#include "core/ticks.h"
#include "ui/panels.h"
#include "ui/widgets.h"

#include <algorithm>
#include <string>

namespace actlab::ui {

namespace {

// `text` wrapped at spaces only: ImGui's own wrapping also breaks after '.' and ',', which cut
// "−0.169971" into "−0." and "169971". A word wider than the column stays whole.
void WrapAtSpaces(const std::string& text) {
    const float width = ImGui::GetContentRegionAvail().x;
    std::string line;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find(' ', start), text.size());
        const std::string word = text.substr(start, end - start);
        const std::string longer = line.empty() ? word : line + " " + word;
        if (!line.empty() && ImGui::CalcTextSize(longer.c_str()).x > width) {
            ImGui::TextUnformatted(line.c_str());
            line = word;
        } else {
            line = longer;
        }
        start = end + 1;
    }
    if (!line.empty()) ImGui::TextUnformatted(line.c_str());
}

// A property: name and value side by side, or, in a narrow panel, the value under its name, so that
// "(−∞, ∞)" never stacks one character a line.
void PropertyRow(const char* name, const std::string& value, bool stacked) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::TextDisabled("%s", name);
    if (stacked) {
        ImGui::Indent();
        WrapAtSpaces(value);
        ImGui::Unindent();
        return;
    }
    ImGui::TableSetColumnIndex(1);
    WrapAtSpaces(value);
}

std::string KinkText(const Kink& kink, KinkConvention convention) {
    return "x = " + FormatReadout(kink.x, 6) + ": f\u2032 jumps " + FormatReadout(kink.left_derivative, 5) +
           " \u2192 " + FormatReadout(kink.right_derivative, 5) + "; f\u2032(" + FormatReadout(kink.x, 6) +
           ") = " + FormatReadout(KinkDerivative(kink, convention), 5) + " (" +
           std::string(KinkConventionLabel(convention)) + ")";
}

}  // namespace

void DrawPropertiesPanel(AppState& state, UiRuntime& runtime) {
    if (state.plots.selected.empty()) return;
    const Activation activation = state.ActivationOf(state.plots.selected.front());
    const ActivationInfo& info = activation.info();
    const Properties& properties = runtime.card.Get(activation);

    SectionHeading(std::string(info.display_name).c_str(), runtime.fonts.bold);
    ImGui::PushFont(runtime.fonts.large);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(FormulaWithValues(activation).c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    if (ImGui::Button("Copy LaTeX")) {
        ImGui::SetClipboardText(LatexWithValues(activation).c_str());
        runtime.Say("LaTeX of " + std::string(info.display_name) + " copied to the clipboard");
    }
    ItemTooltip(LatexWithValues(activation).c_str());
    ImGui::SameLine();
    if (ImGui::Button("Copy formula")) ImGui::SetClipboardText(FormulaWithValues(activation).c_str());

    // Side by side while the value column keeps room for a number like "[−0.169971, ∞)".
    const float name_width = ImGui::GetFontSize() * 7.5f;
    const bool stacked = ImGui::GetContentRegionAvail().x < name_width + ImGui::CalcTextSize("[\u22120.169971, \u221e)").x;
    const auto row = [stacked](const char* name, const std::string& value) { PropertyRow(name, value, stacked); };
    if (ImGui::BeginTable("##properties", stacked ? 1 : 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        if (!stacked) {
            ImGui::TableSetupColumn("property", ImGuiTableColumnFlags_WidthFixed, name_width);
            ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
        }
        row("Input range", "(\u2212\u221e, \u221e)");
        row("Output range", properties.output_range.ToString());
        row("f\u2032 range", properties.derivative_range.ToString());
        row("Zero-centred", properties.ZeroCentredText());
        row("Monotonic", properties.monotonic ? "yes" : "no");
        if (properties.minimum) {
            row("Minimum", "f(" + FormatReadout(properties.minimum->x, 6) + ") = " + FormatReadout(properties.minimum->y, 6));
        }
        row("Smoothness", properties.SmoothnessText());
        row("Saturation", properties.SaturationText());
        if (properties.derivative_maximum) {
            row("Max of f\u2032", FormatReadout(properties.derivative_maximum->y, 6) + " at x = " +
                                      FormatReadout(properties.derivative_maximum->x, 6));
        }
        for (const Kink& kink : Kinks(activation)) row("Kink", KinkText(kink, state.plots.convention));
        row("Dying risk", properties.dying_risk.empty() ? "none" : properties.dying_risk);
        row("Typical use", properties.typical_use);
        ImGui::EndTable();
    }
}

}  // namespace actlab::ui
