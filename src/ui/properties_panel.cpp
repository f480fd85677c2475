// The property card of the current function, computed from its parameters by the core: formula with
// values substituted, ranges, shape, kinks and their convention, typical use; "Copy LaTeX".
#include "core/properties.h"
#include "core/ticks.h"
#include "ui/panels.h"
#include "ui/widgets.h"

#include <string>

namespace actlab::ui {

namespace {

void Row(const char* name, const std::string& value) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::TextDisabled("%s", name);
    ImGui::TableSetColumnIndex(1);
    ImGui::TextWrapped("%s", value.c_str());
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

    if (ImGui::BeginTable("##properties", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn("property", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 7.5f);
        ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
        Row("Input range", "(\u2212\u221e, \u221e)");
        Row("Output range", properties.output_range.ToString());
        Row("f\u2032 range", properties.derivative_range.ToString());
        Row("Zero-centred", properties.ZeroCentredText());
        Row("Monotonic", properties.monotonic ? "yes" : "no");
        if (properties.minimum) {
            Row("Minimum", "f(" + FormatReadout(properties.minimum->x, 6) + ") = " + FormatReadout(properties.minimum->y, 6));
        }
        Row("Smoothness", properties.SmoothnessText());
        Row("Saturation", properties.SaturationText());
        if (properties.derivative_maximum) {
            Row("Max of f\u2032", FormatReadout(properties.derivative_maximum->y, 6) + " at x = " +
                                      FormatReadout(properties.derivative_maximum->x, 6));
        }
        for (const Kink& kink : Kinks(activation)) Row("Kink", KinkText(kink, state.plots.convention));
        Row("Dying risk", properties.dying_risk.empty() ? "none" : properties.dying_risk);
        Row("Typical use", properties.typical_use);
        ImGui::EndTable();
    }
}

}  // namespace actlab::ui
