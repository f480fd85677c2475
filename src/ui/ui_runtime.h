// What the UI keeps besides the app state: the session (what runs), derived data (curve samples),
// fonts, plot interaction, messages. Nothing here is saved; everything can be rebuilt from the AppState.
#pragma once

#include "core/app_state.h"
#include "render/plot_figure.h"
#include "session/session.h"
#include "ui/cached_geometry.h"
#include "ui/export_ui.h"
#include "ui/fonts.h"
#include "ui/heatmap_renderer.h"
#include "ui/plot_widget.h"
#include "ui/scene_files.h"

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
    SceneFiles scenes;               // open/save dialogs, recent scenes, preset requests
    bool quit_requested = false;
    bool fullscreen_changed = false;

    float Scale(const AppState& state) const { return state.display.ui_scale * content_scale; }
    void Say(std::string text, MessageKind kind = MessageKind::Info);
};

// The functions selected for overlay, with their current parameters, current one first.
std::vector<Activation> SelectedActivations(const AppState& state);

} // namespace actlab::ui
