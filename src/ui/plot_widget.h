// Our plot widget, shaped like ImPlot: BeginPlot → SetupAxes / SetupOverlays → PlotCurves → EndPlot.
// The axis ranges are pointers into the app state (so two plots can share one x range); the
// interaction in progress (a pan, a box zoom, a pending click) is kept per plot ID in PlotContext.
//
//   Pan: drag with the left button.        Zoom: mouse wheel, around the cursor.
//   Box zoom: drag with the right button.  Reset: double-click.
//   Pin a probe: click.                    Remove a probe: right-click it.
#pragma once

#include "render/plot_figure.h"

#include <imgui.h>

#include <optional>
#include <span>
#include <unordered_map>

namespace actlab::ui {

struct FontSet;

struct PlotEvents {
    bool hovered = false;
    std::optional<double> hover_x;
    std::optional<double> pin_x;             // a click (not a drag, not a double-click)
    std::optional<std::size_t> remove_probe; // index into the probes given to SetupOverlays
    bool reset_requested = false;            // double-click
    bool view_changed = false;               // panned or zoomed this frame
};

// Interaction state of one plot, kept between frames.
struct PlotInteraction {
    bool panning = false;
    bool boxing = false;
    ImVec2 box_start{};
    bool click_pending = false; // waiting to see whether a second click makes it a double-click
    double click_time = 0.0;
    double click_x = 0.0;
};

struct PlotContext {
    std::unordered_map<ImGuiID, PlotInteraction> interactions;
    std::optional<double> shared_hover_x; // linked crosshair across plots; reset each frame
    float left_margin_previous = 0.0f;    // the widest left margin of last frame's plots …
    float left_margin_current = 0.0f;     // … and of this frame's: linked plots line up their x axes
    std::string hovered_previous; // the id of the plot under the mouse last frame (Ctrl+C copies it) …
    std::string hovered_current;  // … and this frame

    // Call once a frame before the first plot.
    void NewFrame() {
        shared_hover_x.reset();
        left_margin_previous = left_margin_current;
        left_margin_current = 0.0f;
        hovered_previous = std::move(hovered_current);
        hovered_current.clear();
    }

    // The plot between BeginPlot and EndPlot.
    struct Building {
        ImGuiID id = 0;
        ImVec2 min{}, max{};
        double* x_min = nullptr;
        double* x_max = nullptr;
        double* y_min = nullptr;
        double* y_max = nullptr;
        bool equal_aspect = false;
        PlotSpec spec;
        std::span<const PlotCurveData> curves;
        const FontSet* fonts = nullptr;
        FigureTheme theme;
        FigureStyle style;
        bool active = false;
    } building;
};

// Starts a plot of `size` (negative components: fill the remaining space). False when clipped away;
// EndPlot must be called only when it returned true.
bool BeginPlot(PlotContext& context, const char* id, ImVec2 size, const FontSet& fonts,
               const FigureTheme& theme, const FigureStyle& style);
void SetupAxes(PlotContext& context, double* x_min, double* x_max, double* y_min, double* y_max,
               bool equal_aspect);
void SetupOverlays(PlotContext& context, const Overlays& overlays, std::span<const Probe> probes,
                   KinkConvention convention, bool hover_readout);
void PlotCurves(PlotContext& context, PlotQuantity quantity, std::span<const PlotCurveData> curves);
PlotEvents EndPlot(PlotContext& context);

// Zooms [lo, hi] by `factor` (< 1 zooms in) around `center`, within sane limits.
void ZoomRange(double& lo, double& hi, double center, double factor);

} // namespace actlab::ui
