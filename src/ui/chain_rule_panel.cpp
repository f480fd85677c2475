// The chain-rule inspector: ∂E/∂w of the weight clicked in the network panel, for one training
// sample, as the product of its named factors with real numbers (zero factors in red), and the
// update w ← w − η·∂E/∂w: the lecture's 0.8 × 0 × 0.4 × 0.3 = 0, on the live network.
#include "core/ticks.h"
#include "core/training.h"
#include "ui/network_graph.h"
#include "ui/network_parts.h"
#include "ui/panels.h"
#include "ui/widgets.h"

#include <imgui.h>

#include <algorithm>
#include <string>

namespace actlab::ui {

namespace {
constexpr std::size_t kZeroIndex = 0; // the sample slider's lower end (SliderScalar takes pointers)
} // namespace

void DrawChainRulePane(AppState& state, UiRuntime& runtime) {
    if (ImGui::SmallButton("\u00d7 close (Esc)")) state.panels.chain_rule = false;
    ImGui::SameLine();
    ImGui::PushFont(runtime.fonts.bold);
    ImGui::TextUnformatted("Chain rule");
    ImGui::PopFont();
    NetworkSession& session = runtime.session.network;
    WeightSelection& selection = state.network.selection;
    if (!session.ready()) {
        HintText("Click an edge in the network graph to inspect its weight.");
        return;
    }
    const Network& network = session.trainer().network();
    const std::vector<Sample>& train = session.trainer().train();
    const bool valid = selection.valid && selection.layer < network.layers.size() &&
                       selection.neuron < network.layers[selection.layer].size &&
                       selection.input < network.layers[selection.layer].fan_in && !train.empty();
    if (!valid) {
        HintText("Click an edge in the network graph to inspect its weight.");
        return;
    }
    if (selection.sample >= train.size()) selection.sample = 0;

    std::size_t sample = selection.sample;
    const std::size_t last = train.size() - 1;
    // Narrow enough that the jump button keeps the slider's row in a pane at 2× (every row counts:
    // the factors, the product and the update must all be in sight).
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.0f);
    if (ReadableSlider("sample", ImGuiDataType_U64, &sample, &kZeroIndex, &last, "%llu"))
        selection.sample = sample;
    ItemTooltip("Which training sample the factors are computed for.");
    // The long label where the slider's row has room for it, else a short one that still says it all.
    const float right_edge = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    const float row_left = right_edge - ImGui::GetItemRectMax().x - ImGui::GetStyle().ItemSpacing.x;
    const char* jump = row_left >= ButtonWidth("First sample with a zero factor")
                           ? "First sample with a zero factor"
                           : "First zero factor";
    SameLineIfFits(ButtonWidth(jump));
    if (ImGui::Button(jump)) session.RequestZeroFactorSample();
    ItemTooltip("Jump to the first training sample on which a factor of this weight's gradient is 0 (a dead "
                "ReLU on the path).");

    const Sample& s = train[selection.sample];
    const ChainRuleTrace trace = TraceWeight(network, selection.layer, selection.neuron, selection.input, s,
                                             state.network.learning_rate);
    ImGui::TextWrapped("sample: x1 = %s, x2 = %s, y = %s;  output = %s, E = %s",
                       FormatReadout(s.x1, 3).c_str(), FormatReadout(s.x2, 3).c_str(),
                       FormatReadout(s.y, 3).c_str(), FormatReadout(trace.y_hat, 4).c_str(),
                       FormatReadout(trace.loss, 4).c_str());
    ImGui::PushFont(runtime.fonts.large);
    ImGui::Text("\u2202E/\u2202%s", trace.weight_name.c_str());
    ImGui::PopFont();

    const NetworkColors colors = FigureThemeFor(state.display.theme).network;
    const ImVec4 zero_color = ToImVec4(colors.dead);
    if (ImGui::BeginTable("##factors", 3,
                          ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                              ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("factor", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("what it is");
        ImGui::TableHeadersRow();
        for (const ChainFactor& factor : trace.factors) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(factor.name.c_str());
            ImGui::TableNextColumn();
            const std::string value = FormatReadout(factor.value, 4);
            if (factor.value == 0.0) {
                ImGui::PushFont(runtime.fonts.bold);
                ImGui::TextColored(zero_color, "%s", value.c_str());
                ImGui::PopFont();
            } else {
                ImGui::TextUnformatted(value.c_str());
            }
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", factor.meaning.c_str());
        }
        ImGui::EndTable();
    }

    // The product written out in numbers, zero factors in red.
    ImGui::PushFont(runtime.fonts.large);
    for (std::size_t i = 0; i < trace.factors.size(); ++i) {
        const std::string value = FormatReadout(trace.factors[i].value, 3);
        if (i > 0) {
            // The product wraps between factors in a narrow pane rather than running off its edge.
            std::string term = "\u00d7 "; // appended, not "×" + …: GCC 12 warns falsely (-Wrestrict)
            term += value;
            SameLineIfFits(ImGui::CalcTextSize(term.c_str()).x);
            ImGui::TextUnformatted("\u00d7 ");
            ImGui::SameLine(0, 0);
        }
        if (trace.factors[i].value == 0.0) {
            ImGui::TextColored(zero_color, "%s", value.c_str());
        } else {
            ImGui::TextUnformatted(value.c_str());
        }
    }
    ImGui::SameLine(0, 0);
    ImGui::Text(" = %s", FormatReadout(trace.product, 4).c_str());
    ImGui::PopFont();
    if (trace.has_zero_factor) {
        ErrorText("A factor is 0: this weight gets no gradient from this sample and does not move.");
    }
    ImGui::TextWrapped(
        "update: w \u2190 w \u2212 \u03b7\u00b7\u2202E/\u2202w = %s \u2212 %s \u00d7 %s = %s",
        FormatReadout(trace.weight_before, 4).c_str(), FormatReadout(trace.learning_rate, 4).c_str(),
        FormatReadout(trace.gradient, 4).c_str(), FormatReadout(trace.weight_after, 4).c_str());
    const char* batch_note = "One sample's update; a training step averages \u2202E/\u2202w over its batch.";
    const ImVec2 room = ImGui::GetContentRegionAvail();
    if (ImGui::CalcTextSize(batch_note, nullptr, false, room.x).y <= room.y) {
        HintText(batch_note);
    } else {
        ItemTooltip(batch_note); // a short pane keeps the note on the update line's tooltip
    }
}

} // namespace actlab::ui
