// The plot widget (see plot_widget.h): input handling, then the figure drawn by DrawPlot.
#include "ui/plot_widget.h"

#include "ui/fonts.h"
#include "ui/imgui_canvas.h"

#include <algorithm>
#include <cmath>

namespace actlab::ui {

namespace {

// The narrowest and widest views: curves stay exact well beyond a 1e-6 … 1e6 wide view.
constexpr double kMinSpan = 1e-9;
constexpr double kMaxSpan = 1e12;
constexpr double kMaxCentre = 1e12;

void PanRange(double& lo, double& hi, double delta) {
    const double span = hi - lo;
    const double centre = std::clamp((lo + hi) / 2 + delta, -kMaxCentre, kMaxCentre);
    lo = centre - span / 2;
    hi = centre + span / 2;
}

// Keeps one data unit the same number of pixels on both axes, around the y centre.
void ApplyEqualAspect(const PlotFrame& frame, double& y_min, double& y_max) {
    const double units_per_pixel = (frame.x_max - frame.x_min) / static_cast<double>(frame.AreaWidth());
    const double centre = (y_min + y_max) / 2;
    const double half = units_per_pixel * static_cast<double>(frame.AreaHeight()) / 2;
    y_min = centre - half;
    y_max = centre + half;
}

std::optional<std::size_t> ProbeNear(const PlotFrame& frame, const PlotSpec& spec,
                                     std::span<const PlotCurveData> curves, ImVec2 mouse, float radius) {
    for (std::size_t i = 0; i < spec.probes.size(); ++i) {
        const Probe& probe = spec.probes[i];
        for (const PlotCurveData& curve : curves) {
            if (curve.activation.id != probe.function) continue;
            const std::optional<double> y =
                ProbeAnchorY(curve.activation, probe.x, probe.on_derivative, spec.convention);
            if (!y) continue;
            const Vec2 p = frame.ToPixel(probe.x, *y);
            if (std::hypot(p.x - mouse.x, p.y - mouse.y) <= radius) return i;
        }
    }
    return std::nullopt;
}

} // namespace

void ZoomRange(double& lo, double& hi, double center, double factor) {
    const double span = std::clamp((hi - lo) * factor, kMinSpan, kMaxSpan);
    const double t = (hi - lo) > 0 ? (center - lo) / (hi - lo) : 0.5;
    lo = center - t * span;
    hi = lo + span;
}

bool BeginPlot(PlotContext& context, const char* id, ImVec2 size, const FontSet& fonts,
               const FigureTheme& theme, const FigureStyle& style) {
    auto& b = context.building;
    IM_ASSERT(!b.active && "EndPlot was not called");
    const ImVec2 available = ImGui::GetContentRegionAvail();
    if (size.x <= 0) size.x = std::max(available.x + size.x, 50.0f);
    if (size.y <= 0) size.y = std::max(available.y + size.y, 50.0f);
    b = PlotContext::Building{};
    b.id = ImGui::GetID(id);
    b.min = ImGui::GetCursorScreenPos();
    b.max = {b.min.x + size.x, b.min.y + size.y};
    b.fonts = &fonts;
    b.theme = theme;
    b.style = style;
    // The invisible button owns the mouse over the plot, so dragging never moves the window.
    ImGui::InvisibleButton(id, size, ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
    if (ImGui::IsItemHovered()) context.hovered_current = id;
    b.active = true;
    return true;
}

void SetupAxes(PlotContext& context, double* x_min, double* x_max, double* y_min, double* y_max,
               bool equal_aspect) {
    auto& b = context.building;
    b.x_min = x_min;
    b.x_max = x_max;
    b.y_min = y_min;
    b.y_max = y_max;
    b.equal_aspect = equal_aspect;
}

void SetupOverlays(PlotContext& context, const Overlays& overlays, std::span<const Probe> probes,
                   KinkConvention convention, bool hover_readout) {
    auto& spec = context.building.spec;
    spec.overlays = overlays;
    spec.probes = probes;
    spec.convention = convention;
    spec.hover_readout = hover_readout;
}

void PlotCurves(PlotContext& context, PlotQuantity quantity, std::span<const PlotCurveData> curves) {
    context.building.spec.quantity = quantity;
    context.building.curves = curves;
}

PlotEvents EndPlot(PlotContext& context) {
    auto& b = context.building;
    IM_ASSERT(b.active && b.x_min && b.y_min && "BeginPlot and SetupAxes first");
    b.active = false;
    PlotEvents events;
    PlotInteraction& interaction = context.interactions[b.id];
    const ImGuiIO& io = ImGui::GetIO();
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    ImGuiCanvas canvas(draw_list, *b.fonts);

    PlotSpec& spec = b.spec;
    spec.x_min = *b.x_min;
    spec.x_max = *b.x_max;
    spec.y_min = *b.y_min;
    spec.y_max = *b.y_max;
    b.style.min_left_margin = context.left_margin_previous;
    PlotFrame frame = LayoutPlot(canvas, spec, {b.min.x, b.min.y}, {b.max.x, b.max.y}, b.style);
    context.left_margin_current = std::max(context.left_margin_current, frame.area_min.x - b.min.x);
    if (b.equal_aspect) {
        ApplyEqualAspect(frame, *b.y_min, *b.y_max);
        frame.y_min = spec.y_min = *b.y_min;
        frame.y_max = spec.y_max = *b.y_max;
    }

    const bool hovered = ImGui::IsItemHovered();
    const bool active = ImGui::IsItemActive();
    const ImVec2 mouse = io.MousePos;
    const bool in_area = frame.Contains({mouse.x, mouse.y});
    const double mouse_x = frame.DataX(mouse.x);
    const double mouse_y = frame.DataY(mouse.y);

    // Wheel: zoom around the cursor. Shift zooms x only, Ctrl y only.
    if (hovered && io.MouseWheel != 0.0f) {
        const double factor = std::pow(0.85, static_cast<double>(io.MouseWheel));
        if (!io.KeyCtrl) ZoomRange(*b.x_min, *b.x_max, mouse_x, factor);
        if (!io.KeyShift) ZoomRange(*b.y_min, *b.y_max, mouse_y, factor);
        events.view_changed = true;
    }
    // Left drag: pan. A left click that did not drag pins a probe once the double-click time has
    // passed; a double-click resets the view instead.
    if (active && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.0f)) {
        interaction.panning = true;
        const ImVec2 delta = io.MouseDelta;
        const double width = frame.AreaWidth(), height = frame.AreaHeight();
        PanRange(*b.x_min, *b.x_max, -static_cast<double>(delta.x) * (frame.x_max - frame.x_min) / width);
        PanRange(*b.y_min, *b.y_max, static_cast<double>(delta.y) * (frame.y_max - frame.y_min) / height);
        events.view_changed = delta.x != 0.0f || delta.y != 0.0f;
    }
    if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
        events.reset_requested = true;
        interaction.click_pending = false;
    } else if (ImGui::IsItemDeactivated() && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
        if (!interaction.panning && in_area) {
            interaction.click_pending = true;
            interaction.click_time = ImGui::GetTime();
            interaction.click_x = mouse_x;
        }
        interaction.panning = false;
    }
    if (interaction.click_pending &&
        ImGui::GetTime() - interaction.click_time > static_cast<double>(io.MouseDoubleClickTime)) {
        interaction.click_pending = false;
        events.pin_x = interaction.click_x;
    }
    // Right drag: box zoom; a right click on a probe removes it.
    if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Right)) {
        interaction.boxing = true;
        interaction.box_start = mouse;
    }
    if (interaction.boxing) {
        if (ImGui::IsMouseDown(ImGuiMouseButton_Right)) {
            spec.selection = std::make_pair(Vec2{interaction.box_start.x, interaction.box_start.y},
                                            Vec2{mouse.x, mouse.y});
        } else {
            interaction.boxing = false;
            const float w = std::abs(mouse.x - interaction.box_start.x);
            const float h = std::abs(mouse.y - interaction.box_start.y);
            if (w > 6.0f && h > 6.0f) {
                const double x0 = frame.DataX(interaction.box_start.x), x1 = mouse_x;
                const double y0 = frame.DataY(interaction.box_start.y), y1 = mouse_y;
                *b.x_min = std::min(x0, x1);
                *b.x_max = std::max(std::max(x0, x1), *b.x_min + kMinSpan);
                *b.y_min = std::min(y0, y1);
                *b.y_max = std::max(std::max(y0, y1), *b.y_min + kMinSpan);
                events.view_changed = true;
            } else {
                events.remove_probe = ProbeNear(frame, spec, b.curves, mouse, 12.0f * b.style.scale);
            }
        }
    }

    // The crosshair follows the mouse in this plot and, through the context, in linked plots.
    if (hovered && in_area && !interaction.panning && !interaction.boxing) {
        events.hovered = true;
        events.hover_x = mouse_x;
        context.shared_hover_x = mouse_x;
        spec.hover_x = mouse_x;
    } else {
        spec.hover_x = context.shared_hover_x;
        spec.hover_readout = false;
    }
    if (events.view_changed) {
        spec.x_min = frame.x_min = *b.x_min;
        spec.x_max = frame.x_max = *b.x_max;
        spec.y_min = frame.y_min = *b.y_min;
        spec.y_max = frame.y_max = *b.y_max;
    }
    DrawPlot(canvas, frame, spec, b.curves, b.theme, b.style);
    return events;
}

} // namespace actlab::ui
