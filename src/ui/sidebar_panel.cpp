// The catalogue in lecture order, grouped: click a name to show it alone, tick boxes to overlay.
#include "render/figure_theme.h"
#include "ui/panels.h"
#include "ui/widgets.h"

#include <algorithm>
#include <string>

namespace actlab::ui {

std::vector<ActivationId> SidebarOrder() {
    std::vector<ActivationId> order;
    for (ActivationGroup group : kActivationGroups) {
        for (const ActivationInfo& info : Catalogue()) {
            if (info.group == group) order.push_back(info.id);
        }
    }
    return order;
}

void SelectOnly(AppState& state, ActivationId id) {
    state.plots.selected = {id};
    state.plots.probes.clear();
    ResetView(state);
}

void ToggleOverlay(AppState& state, ActivationId id) {
    auto& selected = state.plots.selected;
    const auto found = std::find(selected.begin(), selected.end(), id);
    if (found == selected.end()) {
        selected.push_back(id);
    } else if (selected.size() > 1) { // one function always stays on screen
        selected.erase(found);
        std::erase_if(state.plots.probes, [id](const Probe& p) { return p.function == id; });
    }
}

namespace {

// "5  Hard sigmoid": the key first, so that the shortcut shows however the name is laid out.
std::string EntryLabel(std::size_t index, const ActivationInfo& info) {
    return (index < 9 ? std::to_string(index + 1) + "  " : std::string("    ")) +
           std::string(info.display_name);
}

// The label as it fits `width`: whole, or broken onto a second line at the last space that lets the
// first line fit (names are never cut off with an ellipsis). The second line starts under the name.
std::string WrappedEntryLabel(const std::string& label, float width) {
    if (ImGui::CalcTextSize(label.c_str()).x <= width) return label;
    const std::size_t name_start = label.find_first_not_of(' ', label.find(' '));
    for (std::size_t space = label.rfind(' '); space != std::string::npos && space > name_start;
         space = label.rfind(' ', space - 1)) {
        if (ImGui::CalcTextSize(label.substr(0, space).c_str()).x <= width) {
            return label.substr(0, space) + "\n" + std::string(name_start, ' ') + label.substr(space + 1);
        }
    }
    return label;
}

} // namespace

void DrawSidebarPanel(AppState& state, UiRuntime& runtime) {
    SectionHeading("Functions", runtime.fonts.bold);
    HintText("Click a name to show it alone; tick boxes to overlay.");
    const FigureTheme theme = FigureThemeFor(state.display.theme);
    const std::vector<ActivationId> order = SidebarOrder();
    std::optional<ActivationGroup> current_group;
    for (std::size_t i = 0; i < order.size(); ++i) {
        const ActivationInfo& info = Info(order[i]);
        if (info.group != current_group) {
            current_group = info.group;
            ImGui::Spacing();
            ImGui::TextDisabled("%s", std::string(GroupName(info.group)).c_str());
        }
        ImGui::PushID(static_cast<int>(info.id));
        const auto& selected = state.plots.selected;
        const auto position = std::find(selected.begin(), selected.end(), info.id);
        bool overlaid = position != selected.end();
        if (ImGui::Checkbox("##overlay", &overlaid)) ToggleOverlay(state, info.id);
        ItemTooltip("Overlay this function on the plots");
        ImGui::SameLine();
        if (position != selected.end()) {
            ColorSwatch(PaletteColor(theme, static_cast<std::size_t>(position - selected.begin())));
            ImGui::SameLine();
        }
        const bool is_current = !selected.empty() && selected.front() == info.id;
        const std::string label = WrappedEntryLabel(EntryLabel(i, info), ImGui::GetContentRegionAvail().x);
        if (ImGui::Selectable(label.c_str(), is_current)) SelectOnly(state, info.id);
        ItemTooltip(std::string(info.formula).c_str());
        ImGui::PopID();
    }
}

} // namespace actlab::ui
