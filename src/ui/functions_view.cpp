// The Functions view: f and f′ as large as the window allows, with the controls arranged by the
// window's logical width. Wide: catalogue | plots | parameters and card. Medium: catalogue | plots
// over a strip of sliders. Narrow (the projector at 2×): a row of chips over the plots, a strip of
// sliders under them; the catalogue, probes and property card open as drawers.
#include "core/workspace.h"
#include "render/figure_theme.h"
#include "ui/autoplay_controls.h"
#include "ui/drawer.h"
#include "ui/layout_recorder.h"
#include "ui/panels.h"
#include "ui/widgets.h"

#include <imgui.h>

#include <algorithm>
#include <string>

namespace actlab::ui {

namespace {

constexpr const char* kCatalogueDrawer = "##drawer_catalogue";
constexpr const char* kParametersDrawer = "##drawer_parameters";
constexpr const char* kCardDrawer = "##drawer_card";

// The shown functions as chips in their curve colours; a click takes one out of the overlay.
void DrawFunctionChips(AppState& state, UiRuntime& runtime) {
    const FigureTheme theme = FigureThemeFor(state.display.theme);
    const std::vector<ActivationId> selected = state.plots.selected;
    for (std::size_t i = 0; i < selected.size(); ++i) {
        const std::string name(Info(selected[i]).display_name);
        ImGui::PushID(static_cast<int>(selected[i]));
        if (i > 0) SameLineIfFits(ImGui::GetFontSize() + ButtonWidth(name.c_str()));
        ColorSwatch(PaletteColor(theme, i));
        ImGui::SameLine(0.0f, ImGui::GetStyle().ItemInnerSpacing.x);
        if (ImGui::Button(name.c_str()) && selected.size() > 1) ToggleOverlay(state, selected[i]);
        ItemTooltip(selected.size() > 1 ? "Click to take this function out of the overlay."
                                        : "The function shown.");
        ImGui::PopID();
    }
    SameLineIfFits(ButtonWidth("+ Functions"));
    DrawerButton(runtime, "+ Functions", kCatalogueDrawer,
                 "The catalogue: click a name to show it alone, tick boxes to overlay (keys 1\u20139).");
}

// One row of sliders of the shown functions' parameters, then the drawers for probes and the card.
void DrawParameterStrip(AppState& state, UiRuntime& runtime) {
    const float slider_width = ImGui::GetFontSize() * 8.0f;
    bool first = true;
    for (ActivationId id : state.plots.selected) {
        const ActivationInfo& info = Info(id);
        ParamValues& values = state.plots.params[static_cast<std::size_t>(id)];
        for (std::size_t p = 0; p < info.params.size(); ++p) {
            const ParamSpec& spec = info.params[p];
            const std::string label =
                std::string(spec.symbol) + (state.plots.selected.size() > 1
                                                ? " (" + std::string(info.display_name) + ")"
                                                : std::string());
            const float width = ImGui::CalcTextSize(label.c_str()).x + slider_width + AutoplayButtonWidth() +
                                ButtonWidth("reset") + 3 * ImGui::GetStyle().ItemSpacing.x;
            if (!first) SameLineIfFits(width);
            first = false;
            ImGui::PushID(static_cast<int>(id) * 16 + static_cast<int>(p));
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(label.c_str());
            ImGui::SameLine();
            double edited = values[p];
            ImGui::SetNextItemWidth(slider_width);
            // Readable: the value's digits keep clear of the grab (ImGui centres them under it).
            if (ReadableSlider("##strip", ImGuiDataType_Double, &edited, &spec.slider_min, &spec.slider_max,
                               "%.4g") &&
                edited != values[p]) {
                runtime.parameter_error = CommitParameter(state, id, p, edited);
            }
            ItemTooltip((std::string(spec.help) + "\n\nCtrl+click to type an exact value.").c_str());
            AutoplayButton(state, runtime, std::string(info.name) + "." + std::string(spec.name),
                           spec.slider_min, spec.slider_max);
            ImGui::SameLine();
            if (ImGui::Button(id == ActivationId::Selu ? "canonical" : "reset")) {
                values[p] = spec.canonical_value;
                runtime.parameter_error.clear();
            }
            ImGui::PopID();
        }
    }
    if (!first) SameLineIfFits(ButtonWidth("Probes\u2026") + ButtonWidth("Card (I)") + ImGui::GetFontSize());
    DrawerButton(runtime, "Probes\u2026", kParametersDrawer,
                 "All parameters, typed values and the pinned probe points.");
    ImGui::SameLine();
    DrawerButton(runtime, "Card (I)", kCardDrawer, "The property card: formula, ranges, kinks, typical use.");
    if (!runtime.parameter_error.empty()) {
        SameLineIfFits(ImGui::CalcTextSize(runtime.parameter_error.c_str()).x + ImGui::GetFontSize() * 5.0f);
        ErrorText(("Refused: " + runtime.parameter_error).c_str());
    }
}

// The toolbar (and, narrow, the chips before it) above the plots, the strip below them.
void DrawPlotColumn(AppState& state, UiRuntime& runtime, bool chips, bool strip) {
    if (chips) {
        DrawFunctionChips(state, runtime);
        ImGui::SameLine(0.0f, ImGui::GetFontSize());
    }
    BeginRegionAtCursor("functions.toolbar", {ImGui::GetContentRegionAvail().x, ImGui::GetFrameHeight()});
    DrawPlotToolbar(state);
    EndRegionAtCursor();
    const ImGuiStyle& style = ImGui::GetStyle();
    const float one_row = ImGui::GetFrameHeightWithSpacing() + style.WindowPadding.y;
    const float strip_height = strip ? std::max(runtime.functions_strip_height, one_row) : 0.0f;
    ImVec2 plots = ImGui::GetContentRegionAvail();
    if (strip) plots.y -= strip_height + style.ItemSpacing.y;
    DrawFunctionPlots(state, runtime, plots);
    if (!strip) return;
    const float width = ImGui::GetContentRegionAvail().x;
    BeginRegionChild("##strip", "functions.parameters", {width, strip_height}, false,
                     ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    DrawParameterStrip(state, runtime);
    // The strip's height follows its rows (it wraps when narrow); the next frame uses it.
    runtime.functions_strip_height = ImGui::GetCursorPosY() + ImGui::GetStyle().WindowPadding.y;
    EndRegionChild();
}

} // namespace

void DrawFunctionsView(AppState& state, UiRuntime& runtime) {
    const ImVec2 available = ImGui::GetContentRegionAvail();
    if (state.display.hide_controls) {
        DrawFunctionPlots(state, runtime, available);
        return;
    }
    const float scale = runtime.Scale(state);
    const SizeClass size = ClassifyWidth(ImGui::GetIO().DisplaySize.x / scale);
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const bool catalogue_column = size != SizeClass::Narrow && state.panels.sidebar;
    const bool right_column = size == SizeClass::Wide && (state.panels.parameters || state.panels.properties);
    // The catalogue as wide as its longest name needs (no name is cut), within a share of the window.
    const float left = catalogue_column ? SideWidth(available.x, 240.0f * scale, 0.2f) : 0.0f;
    const float right = right_column ? SideWidth(available.x, 370.0f * scale, 0.24f) : 0.0f;
    if (catalogue_column) {
        BeginRegionChild("##sidebar", "functions.catalogue", {left, available.y}, true);
        DrawSidebarPanel(state, runtime);
        EndRegionChild();
        ImGui::SameLine();
    }
    const float middle =
        available.x - left - right - (catalogue_column ? spacing : 0.0f) - (right_column ? spacing : 0.0f);
    ImGui::BeginChild("##plots", {middle, available.y}, false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    DrawPlotColumn(state, runtime, !catalogue_column, !right_column);
    ImGui::EndChild();
    if (right_column) {
        ImGui::SameLine();
        BeginRegionChild("##right", "functions.card", {right, available.y}, true);
        if (state.panels.parameters) DrawParametersPanel(state, runtime);
        if (state.panels.parameters && state.panels.properties) ImGui::Spacing();
        if (state.panels.properties) DrawPropertiesPanel(state, runtime);
        EndRegionChild();
    }
}

void DrawFunctionsDrawers(AppState& state, UiRuntime& runtime, float top) {
    const float scale = runtime.Scale(state);
    if (BeginDrawer(kCatalogueDrawer, 250.0f * scale, false, top)) {
        DrawSidebarPanel(state, runtime);
        EndDrawer();
    }
    if (BeginDrawer(kParametersDrawer, 400.0f * scale, true, top)) {
        DrawParametersPanel(state, runtime);
        EndDrawer();
    }
    if (BeginDrawer(kCardDrawer, 420.0f * scale, true, top)) {
        DrawPropertiesPanel(state, runtime);
        EndDrawer();
    }
}

void OpenCardDrawer(UiRuntime& runtime) {
    runtime.drawer_request = kCardDrawer;
}

} // namespace actlab::ui
