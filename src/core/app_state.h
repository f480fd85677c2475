// The app state: plain data, exactly what a scene file saves. Panels read and edit it; derived data
// (curve samples, heatmaps, statistics) lives elsewhere and is recomputed when this changes.
#pragma once

#include "core/activation.h"
#include "core/born_dead.h"
#include "core/dataset.h"
#include "core/enum_names.h"
#include "core/gated.h"
#include "core/network.h"
#include "core/param_sweep.h"
#include "core/propagation.h"
#include "core/training.h"
#include "core/workspace.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace actlab {

// How the window and figures look. Transparent is the light look with no background, for exported
// figures only: the window is always opaque and draws it as light (OpaqueTheme).
enum class Theme { Dark, Light, Projector, Transparent };
enum class PlotLayout { Linked, Overlaid }; // f and f' in two linked plots, or in one
inline constexpr EnumName<Theme> kThemeNames[] = {{Theme::Dark, "dark"},
                                                  {Theme::Light, "light"},
                                                  {Theme::Projector, "projector"},
                                                  {Theme::Transparent, "transparent"}};

// The look a window draws for `theme`: itself, light for transparent.
constexpr Theme OpaqueTheme(Theme theme) {
    return theme == Theme::Transparent ? Theme::Light : theme;
}
inline constexpr EnumName<PlotLayout> kPlotLayoutNames[] = {{PlotLayout::Linked, "linked"},
                                                            {PlotLayout::Overlaid, "overlaid"}};

struct PlotViewRange {
    double x_min = -6.0, x_max = 6.0;
    double y_min = -2.0, y_max = 6.0;   // the f plot
    double dy_min = -0.5, dy_max = 1.5; // the f' plot (linked layout)
    bool operator==(const PlotViewRange&) const = default;
};

struct Overlays {
    bool asymptotes = true;
    bool dead_zone = true;          // shade where f' = 0
    bool derivative_maximum = true; // mark σ' = 0.25 at 0
    bool legend = true;
    bool operator==(const Overlays&) const = default;
};

// A pinned probe point: "f(−4) = −0.04" stays until removed.
struct Probe {
    ActivationId function = ActivationId::Relu;
    double x = 0.0;
    bool on_derivative = false;
    bool operator==(const Probe&) const = default;
};

// Which panels are open (a struct of bools, as STYLE.md asks). The lesson views (network, softmax,
// propagation, born_dead) follow the workspace's view: ShowView keeps them in step.
struct PanelVisibility {
    bool sidebar = true;
    bool parameters = true;
    bool properties = true;
    bool network = false;
    bool chain_rule = false;
    bool softmax = false;
    bool propagation = false;
    bool born_dead = false;
    bool gated = false;
    bool export_dialog = false;
    bool shortcuts = false;
    bool operator==(const PanelVisibility&) const = default;
};

struct FunctionPlotState {
    std::vector<ActivationId> selected{ActivationId::Relu}; // overlay order; the first is "current"
    std::array<ParamValues, kActivationCount> params{};     // current parameters of every function
    KinkConvention convention = KinkConvention::PyTorch;
    PlotLayout layout = PlotLayout::Linked;
    bool show_derivative = true;
    bool equal_aspect = false;
    PlotViewRange view;
    Overlays overlays;
    std::vector<Probe> probes;
    bool operator==(const FunctionPlotState&) const = default;
};

struct DisplaySettings {
    Theme theme = Theme::Dark;
    float ui_scale = 1.0f; // 1–3: lecture mode
    bool hide_controls = false;
    bool fullscreen = false;
    bool operator==(const DisplaySettings&) const = default;
};

// The weight the chain-rule inspector shows: `layer` counts hidden layers from 0 (the output layer
// is the last), `input` indexes that layer's inputs (input features for layer 0).
struct WeightSelection {
    bool valid = false;
    std::size_t layer = 0, neuron = 0, input = 0;
    std::size_t sample = 0; // index into the training set
    bool operator==(const WeightSelection&) const = default;
};

// The mini-network lesson: the user's choices only. The trainer, statistics and heatmaps built from
// them live in the UI runtime.
// A point the class added on the output plane: its class 0 … K−1 (two-class sets: 0 the negative
// class, −1 or 0 as the set labels it; 1 the positive one). It joins the training set.
struct UserPoint {
    double x1 = 0.0, x2 = 0.0;
    std::size_t label = 0;
    bool operator==(const UserPoint&) const = default;
};
inline constexpr std::size_t kMaxUserPoints = 500;

// The largest μ, β1, β2 the panel and scenes allow (the optimizers need them below 1).
inline constexpr double kMaxLessonMomentum = 0.9999;

struct NetworkLessonState {
    std::vector<std::size_t> hidden{4, 4}; // neurons per hidden layer (0–6 layers of 1–8)
    std::vector<Activation> activations{Activation::WithDefaults(ActivationId::Relu),
                                        Activation::WithDefaults(ActivationId::Relu)}; // one per hidden layer
    ActivationId output = ActivationId::Tanh;
    // A softmax output: K = ClassCount(dataset) linear logits trained with cross-entropy (`output` is then
    // ignored). Always on for the multi-class sets, never for regression (see NormaliseLesson).
    bool softmax = false;
    DatasetKind dataset = DatasetKind::Circle;
    std::size_t samples = 400;
    double noise = 0.0;
    double train_fraction = 0.5;
    std::uint64_t seed = 1;
    double learning_rate = 0.03;
    std::size_t batch_size = 10;
    Optimizer optimizer = Optimizer::Sgd; // with PyTorch's semantics (core/training.h)
    double momentum = 0.9;                // μ of momentum
    double beta1 = 0.9, beta2 = 0.999;    // Adam's moment decays
    double eps = 1e-8;                    // Adam's ε
    InitScheme init = InitScheme::Xavier;
    double init_std = 0.5;  // for InitScheme::Normal
    double bias_init = 0.1; // every bias starts here; −5 kills ReLUs before training starts
    int steps_per_frame = 10;
    bool linear_regions = false;   // the overlay of a ReLU network's linear regions on the output plane
    std::vector<UserPoint> points; // your own points (classification sets): part of the training set
    std::size_t point_class = 0;   // the class a click adds
    bool playing = false;
    WeightSelection selection;
    bool operator==(const NetworkLessonState&) const = default;
};

// The panels' caps: what a window can compute without making a lecture wait (the command line
// allows more where the core does).
inline constexpr std::size_t kMaxSoftmaxPanelClasses = 12;
inline constexpr int kMaxPanelDepth = 100;
inline constexpr int kMaxPanelWidth = 1000;
inline constexpr int kMaxPanelSamples = 1000;
inline constexpr int kMaxPanelMapSteps = 200;
inline constexpr int kMaxPanelBornDeadWidth = 8;
inline constexpr int kMaxPanelBornDeadDepth = 100;
inline constexpr int kMaxPanelBornDeadTrials = 100000;

// The softmax panel: class names with their scores (logits) and the temperature. Starts from the
// lecture's example. The names and logits always have the same length.
struct SoftmaxPanelState {
    std::vector<std::string> class_names{"Dog", "Cat", "Don", "Tiger"};
    std::vector<double> logits{10.0, 20.0, 30.0, 40.0};
    double temperature = 1.0; // T > 0
    bool operator==(const SoftmaxPanelState&) const = default;
};

// The signal-propagation panel: the random network's choices, and the start of the analytic SELU
// moment map. The activation's parameters are the panel's own (SELU's λ and α are the point here).
struct PropagationPanelState {
    ActivationId activation = ActivationId::Selu;
    ParamValues params{1.0507009873554804934193349852946, 1.6732632423543772848170429916717};
    SignalInitScheme init = SignalInitScheme::LeCun;
    double init_std = 1.0; // σ of SignalInitScheme::Normal
    int depth = 50;
    int width = 300;
    int samples = 100;
    int seed = 1;
    double map_mean = 1.0; // μ₀ of the moment map's trajectory
    double map_var = 3.0;  // ν₀
    int map_steps = 20;
    bool operator==(const PropagationPanelState&) const = default;
};

// The born-dead panel: the Monte-Carlo experiment's sizes.
struct BornDeadPanelState {
    int width = 2;
    int depth = 30;
    int trials = 2000;
    BornDeadBias bias = BornDeadBias::Zero;
    BornDeadDomain domain = BornDeadDomain::Point;
    int seed = 1;
    bool operator==(const BornDeadPanelState&) const = default;
};

// The gated view: which two-input function f(a, b) = g(a)·b, its gate's parameters (SwiGLU's β),
// the (a, b) window of the heatmaps and the slice f(·, b) drawn as a curve in the f and f′ plots.
struct GatedLessonState {
    GatedId function = GatedId::Swiglu;
    ParamValues params{1.0, 0.0};
    double a_min = -4.0, a_max = 4.0, b_min = -3.0, b_max = 3.0;
    double slice_b = 1.0;
    bool show_slice = true;
    bool operator==(const GatedLessonState&) const = default;

    GatedFunction Function() const { return GatedFunction{function, params}; }
};

struct AppState {
    WorkspaceState workspace;
    FunctionPlotState plots;
    DisplaySettings display;
    PanelVisibility panels;
    NetworkLessonState network;
    SoftmaxPanelState softmax;
    PropagationPanelState propagation;
    BornDeadPanelState born_dead;
    GatedLessonState gated;
    AutoplayState autoplay; // a slider or a deck slide's sweep playing; not saved in scene files

    // The function with its current parameters.
    Activation ActivationOf(ActivationId id) const {
        return Activation{id, plots.params[static_cast<std::size_t>(id)]};
    }
    bool operator==(const AppState&) const = default;
};

// Every function at its default parameters, ReLU selected: the state of a first start.
AppState DefaultAppState();

// Switches the workspace to `view` and marks its lesson panel open (the others closed), so code that
// asks whether the network is shown keeps one answer.
void ShowView(AppState& state, WorkspaceView view);

// The view an older file meant by its open panels (network, softmax, propagation, born-dead windows).
WorkspaceView ViewFromPanels(const PanelVisibility& panels);

} // namespace actlab
