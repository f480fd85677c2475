// What the UI keeps besides the app state: the session (what runs), derived data (curve samples),
// fonts, plot interaction, messages. Nothing here is saved; everything can be rebuilt from the AppState.
#pragma once

#include "core/app_state.h"
#include "render/plot_figure.h"
#include "session/session.h"
#include "ui/animation_export_panel.h"
#include "ui/autoplay_controls.h"
#include "ui/cached_geometry.h"
#include "ui/export_ui.h"
#include "ui/fonts.h"
#include "ui/heatmap_renderer.h"
#include "ui/layout_recorder.h"
#include "ui/plot_widget.h"
#include "ui/presenter_overlay.h"
#include "ui/scene_files.h"

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace actlab::ui {

// The session's names as the views use them (they read its results and send it requests).
using session::BornDeadRunner;
using session::kNeuronGrid;
using session::kOutputGrid;
using session::kPlaneHi;
using session::kPlaneLo;
using session::NetworkSession;
using session::PropagationRunner;
using session::SeluMapResults;
using session::SoftmaxResults;

// Curve samples of the selected functions, rebuilt only when a function, parameter, the x range,
// the plot width, the convention or the theme changed.
class CurveCache {
public:
    struct Key {
        std::vector<Activation> functions;
        double x_min = 0, x_max = 0;
        std::size_t samples = 0;
        KinkConvention convention = KinkConvention::PyTorch;
        Theme theme = Theme::Dark;
        bool operator==(const Key&) const = default;
    };

    const std::vector<PlotCurveData>& Get(const Key& key);
    std::size_t rebuilds() const { return rebuilds_; }
    const Key& key() const { return key_; } // of the curves last returned

private:
    Key key_;
    bool valid_ = false;
    std::vector<PlotCurveData> curves_;
    std::size_t rebuilds_ = 0;
};

// The property card of one function, recomputed only when the function or a parameter changed.
class PropertyCache {
public:
    const Properties& Get(const Activation& activation);

private:
    std::optional<Activation> key_;
    Properties properties_;
};

// The gated view's derived data: the three heatmaps (f, ∂f/∂a, ∂f/∂b, each divided by its symmetric
// colour scale, row 0 at the top) and the slice b·g(a) as a plot curve, rebuilt when their inputs change.
struct GatedViewCache {
    static constexpr std::size_t kCells = 96;
    std::optional<GatedLessonState> key;
    std::array<std::vector<float>, 3> values; // kCells × kCells each
    std::array<double, 3> color_scale{1.0, 1.0, 1.0};
    struct Contour {
        double level;                              // of the scaled values, in (−1, 1)
        std::vector<std::array<Vec2, 2>> segments; // in grid coordinates, row 0 at the top
    };
    std::array<std::vector<Contour>, 3> contours;
    std::size_t generation = 0;
    float strip_height = 0.0f;   // the view's control strip, as tall as last frame's rows
    bool show_slice_tab = false; // a short window shows the heatmaps or (this) the slice's plots

    struct SliceKey {
        GatedLessonState gated;
        double x_min = 0, x_max = 0;
        std::size_t samples = 0;
        KinkConvention convention = KinkConvention::PyTorch;
        Theme theme = Theme::Dark;
        std::size_t color_index = 0;
        bool operator==(const SliceKey&) const = default;
    };
    std::optional<SliceKey> slice_key;
    std::vector<PlotCurveData> slice; // empty or one curve

    void Update(const GatedLessonState& state); // the heatmaps
    const std::vector<PlotCurveData>& Slice(const SliceKey& key);
};

enum class MessageKind { Info, Error };

struct StatusMessage {
    std::string text;
    MessageKind kind = MessageKind::Info;
    double shown_at = -1.0; // ImGui time
};

struct UiRuntime {
    FontSet fonts;
    float content_scale = 1.0f; // the monitor's, multiplied into the UI scale
    PlotContext plots;
    CurveCache curves;
    PropertyCache card;
    StatusMessage status;
    session::Session session; // what runs: the mini network's training, the theory simulations
    std::unique_ptr<HeatmapRenderer> heatmaps; // GPU heatmaps in the window; null: CPU meshes
    CachedGeometry surface_points;             // the decision surface's data points, while they stay put
    double training_budget_seconds = session::kDefaultTrainingBudgetSeconds; // training time per frame
    std::string parameter_error;     // the last refused typed value, shown under the sliders
    double probe_input_x = -4.0;     // the x typed for "Pin f(x)"
    std::string softmax_message;     // the last refused typed logit or temperature
    std::string propagation_message; // the last refused parameter of the propagation panel
    ExportUi exporter;               // the export dialog's choices, its request and the toast
    AnimationExportUi animation;     // the Export animation dialog, its request and progress
    SceneFiles scenes;               // open/save dialogs, recent scenes, preset requests
    bool about_open = false;         // Help → About
    GatedViewCache gated;            // the gated view's heatmaps and its slice curve
    bool quit_requested = false;
    bool fullscreen_changed = false;
    std::optional<WorkspaceView> synced_view; // the view the panel flags were last brought in step with
    LayoutRecorder layout;                    // where regions and labels landed (--layout-report)
    std::string drawer_request;               // a drawer a button asked for this frame (ui/drawer.h)
    bool softmax_jacobian = false;            // the softmax view shows the Jacobian instead of the formula
    float functions_strip_height = 0.0f; // the Functions view's slider strip, as tall as last frame's rows
    PresenterTools presenter;            // blank screen, laser pointer, ink, timer (never the lesson)
    AutoplayChoices autoplay_choices;    // the play buttons' chosen ranges

    float Scale(const AppState& state) const { return state.display.ui_scale * content_scale; }
    void Say(std::string text, MessageKind kind = MessageKind::Info);
};

// The functions selected for overlay, with their current parameters, current one first.
std::vector<Activation> SelectedActivations(const AppState& state);

} // namespace actlab::ui
