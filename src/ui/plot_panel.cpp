// The plots: a toolbar (layout, derivative, kink convention, overlays, view) and f and f' either
// in two linked plots sharing one x range or overlaid in one.
#include "core/ticks.h"
#include "core/view_fit.h"
#include "core/workspace.h"
#include "ui/layout_recorder.h"
#include "ui/panels.h"
#include "ui/widgets.h"

#include <cmath>
#include <string>

namespace actlab::ui {

void DrawPlotToolbar(AppState& state) {
    FunctionPlotState& plots = state.plots;
    ImGui::Checkbox("f\u2032 (D)", &plots.show_derivative);
    ItemTooltip("Show the derivative. Backpropagation multiplies these values along every path.");
    const std::string current = "f\u2032 at kinks: " + std::string(KinkConventionLabel(plots.convention));
    const float combo_width = ImGui::CalcTextSize(current.c_str()).x + ImGui::GetFrameHeight() +
                              ImGui::GetStyle().FramePadding.x * 2;
    SameLineIfFits(combo_width);
    ImGui::SetNextItemWidth(combo_width);
    if (ImGui::BeginCombo("##kink", current.c_str(), ImGuiComboFlags_HeightLarge)) {
        for (std::size_t i = 0; i < kKinkConventionCount; ++i) {
            const auto c = static_cast<KinkConvention>(i);
            if (ImGui::Selectable(std::string(KinkConventionLabel(c)).c_str(), c == plots.convention))
                plots.convention = c;
        }
        ImGui::EndCombo();
    }
    ItemTooltip(
        "Where f\u2032 jumps (ReLU at 0) it is not defined. Frameworks pick a value: PyTorch's autograd "
        "uses ReLU\u2032(0) = 0. The closed circle shows the value used, open circles the limits.");
    SameLineIfFits(ButtonWidth("Overlays"));
    if (ImGui::Button("Overlays")) ImGui::OpenPopup("##overlays");
    if (ImGui::BeginPopup("##overlays")) {
        // Linked or overlaid lives here, so the toolbar stays one row on the projector.
        int layout = plots.layout == PlotLayout::Linked ? 0 : 1;
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9.5f);
        if (ImGui::Combo("##layout", &layout, "f, f\u2032 linked\0f, f\u2032 overlaid\0")) {
            plots.layout = layout == 0 ? PlotLayout::Linked : PlotLayout::Overlaid;
        }
        ItemTooltip("Linked: f and f\u2032 in two plots sharing one x range. Overlaid: both in one plot, "
                    "f\u2032 dashed.");
        ImGui::Checkbox("Asymptotes", &plots.overlays.asymptotes);
        ImGui::Checkbox("Dead zone (f\u2032 = 0)", &plots.overlays.dead_zone);
        ImGui::Checkbox("Maximum of f\u2032", &plots.overlays.derivative_maximum);
        ImGui::Checkbox("Legend", &plots.overlays.legend);
        ImGui::Checkbox("Equal aspect", &plots.equal_aspect);
        ImGui::EndPopup();
    }
    SameLineIfFits(ButtonWidth("Reset view (R)"));
    if (ImGui::Button("Reset view (R)")) ResetView(state);
    ItemTooltip("Fit the view to the selected functions. Also: double-click a plot.");
    // The help only where the row has room for it (F1 lists the same).
    const float right_edge = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + ButtonWidth("(?)") > right_edge) return;
    ImGui::SameLine();
    HelpMarker(
        "Drag: pan. Wheel: zoom around the cursor (Shift: x only, Ctrl: y only). Right-drag: box zoom. "
        "Double-click: reset. Click: pin a probe point. Right-click a probe: remove it.");
}

namespace {

void HandleEvents(AppState& state, const PlotEvents& events, bool derivative_plot) {
    if (events.reset_requested) ResetView(state);
    if (events.pin_x && !state.plots.selected.empty()) {
        // Snap to a round number at this zoom, so a click near −4 pins f(−4), as a lecture would.
        const PlotViewRange& v = state.plots.view;
        const double step = NiceStep(v.x_min, v.x_max, 10) / 10.0;
        const double x = std::round(*events.pin_x / step) * step;
        state.plots.probes.push_back({state.plots.selected.front(), x == 0.0 ? 0.0 : x, derivative_plot});
    }
    if (events.remove_probe && *events.remove_probe < state.plots.probes.size()) {
        state.plots.probes.erase(state.plots.probes.begin() +
                                 static_cast<std::ptrdiff_t>(*events.remove_probe));
    }
}

} // namespace

void ResetView(AppState& state) {
    const std::vector<Activation> functions = SelectedActivations(state);
    state.plots.view = FitView(functions, state.plots.convention);
}

void DrawFunctionPlots(AppState& state, UiRuntime& runtime, ImVec2 available, std::string_view f_region,
                       std::string_view df_region) {
    runtime.plots.NewFrame();

    FunctionPlotState& plots = state.plots;
    const float scale = runtime.Scale(state);
    const FigureTheme theme = FigureThemeFor(state.display.theme);
    const FigureStyle style{runtime.fonts.body_size, scale};
    const bool linked = plots.layout == PlotLayout::Linked && plots.show_derivative;
    // f and f′ next to each other in a wide, short area (the projector at 2×), one above the other
    // in a tall one; either way both are as large as the area allows.
    const bool beside = linked && SideBySide(available.x, available.y);
    const ImVec2 gap = ImGui::GetStyle().ItemSpacing;
    ImVec2 plot_size = available;
    if (linked && beside) plot_size.x = (available.x - gap.x) / 2;
    if (linked && !beside) plot_size.y = (available.y - gap.y) / 2;

    CurveCache::Key key{SelectedActivations(state),   plots.view.x_min, plots.view.x_max,
                        SamplesForWidth(plot_size.x), plots.convention, state.display.theme};
    const std::vector<PlotCurveData>& selected_curves = runtime.curves.Get(key);
    // In the Gated view its slice b·g(a) joins the curves as one more.
    std::vector<PlotCurveData> with_slice;
    if (state.workspace.view == WorkspaceView::Gated && state.gated.show_slice) {
        const GatedViewCache::SliceKey slice_key{state.gated,           key.x_min,      key.x_max,
                                                 key.samples,           key.convention, key.theme,
                                                 selected_curves.size()};
        with_slice = selected_curves;
        for (const PlotCurveData& slice : runtime.gated.Slice(slice_key))
            with_slice.push_back(slice);
    }
    const std::vector<PlotCurveData>& curves = with_slice.empty() ? selected_curves : with_slice;

    const PlotQuantity top_quantity = plots.layout == PlotLayout::Overlaid && plots.show_derivative
                                          ? PlotQuantity::ValueAndDerivative
                                          : PlotQuantity::Value;
    PlotEvents top_events;
    BeginRegionAtCursor(f_region, plot_size);
    if (BeginPlot(runtime.plots, "##plot_f", plot_size, runtime.fonts, theme, style)) {
        SetupAxes(runtime.plots, &plots.view.x_min, &plots.view.x_max, &plots.view.y_min, &plots.view.y_max,
                  plots.equal_aspect);
        SetupOverlays(runtime.plots, plots.overlays, plots.probes, plots.convention, true);
        PlotCurves(runtime.plots, top_quantity, curves);
        top_events = EndPlot(runtime.plots);
    }
    EndRegionAtCursor();
    HandleEvents(state, top_events, false);
    if (!linked) return;

    if (beside) ImGui::SameLine(0.0f, gap.x);
    BeginRegionAtCursor(df_region, plot_size);
    if (BeginPlot(runtime.plots, "##plot_df", plot_size, runtime.fonts, theme, style)) {
        SetupAxes(runtime.plots, &plots.view.x_min, &plots.view.x_max, &plots.view.dy_min, &plots.view.dy_max,
                  plots.equal_aspect);
        SetupOverlays(runtime.plots, plots.overlays, plots.probes, plots.convention, true);
        PlotCurves(runtime.plots, PlotQuantity::Derivative, curves);
        HandleEvents(state, EndPlot(runtime.plots), true);
    }
    EndRegionAtCursor();
}

} // namespace actlab::ui
