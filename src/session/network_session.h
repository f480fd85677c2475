// The live side of the mini-network lesson: the Trainer built from the NetworkLessonState, training
// in per-frame time slices, statistics, the heatmaps and the hovered weight's gradient the network
// view draws. Derived data only: everything here is rebuilt from the lesson state.
#pragma once

#include "core/app_state.h"
#include "core/network_geometry.h"
#include "core/training.h"
#include "core/weight_snapshots.h"

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace actlab::session {

inline constexpr std::size_t kNeuronGrid = 32; // heatmap cells per side for every node
inline constexpr std::size_t kOutputGrid = 64; // the large decision surface (smoothly shaded between cells)
inline constexpr double kPlaneLo = -kPlaneHalfWidth, kPlaneHi = kPlaneHalfWidth;
inline constexpr double kDefaultTrainingBudgetSeconds =
    0.011;                                      // per frame: what a 60 fps frame leaves (GPU heatmaps)
inline constexpr int kHeatmapEveryFrames = 4;   // while training, heatmaps refresh this often
inline constexpr int kObserveEveryFrames = 6;   // and statistics and chart rows this often
inline constexpr std::size_t kRegionGrid = 160; // linear regions: activation patterns sampled per side

// One weight of the network: layer `layer`'s weight from input `input` into neuron `neuron`.
struct WeightIndex {
    std::size_t layer = 0, neuron = 0, input = 0;
    bool operator==(const WeightIndex&) const = default;
};

// ∂L/∂w of one weight, the mean over the whole training set.
struct WeightGradient {
    WeightIndex weight;
    double gradient = 0.0;
};

class NetworkSession {
public:
    // Brings the trainer in line with the lesson: a new shape, dataset, seed or initialisation
    // rebuilds and resets it; a new activation is applied in place (weights kept); learning rate and
    // batch size change the options. Then trains for at most `budget_seconds` when playing or when
    // a single step was requested, pauses on divergence, and refreshes statistics and heatmaps.
    void Update(NetworkLessonState& lesson, double budget_seconds = kDefaultTrainingBudgetSeconds);

    void RequestStep() { step_requested_ = true; }
    void RequestReset() { reset_requested_ = true; }
    // The chain-rule inspector's sample becomes the first one with a zero factor at the next Update.
    void RequestZeroFactorSample() { zero_sample_requested_ = true; }

    // The weight under the pointer in the graph, reported by the view in every frame it is hovered (a
    // report lasts until the next Update). Its full-batch gradient is computed at that Update, and
    // again only when the weight or the network changes.
    void HoverWeight(std::optional<WeightIndex> weight) { hovered_ = weight; }
    // The gradient of the hovered weight as of the last Update; nothing when no weight is hovered.
    const std::optional<WeightGradient>& hovered_gradient() const { return hovered_gradient_; }
    std::size_t gradient_computations() const { return gradient_computations_; }
    // Counts changes of the network's weights, biases or activations (a step, a reset, an edit).
    std::size_t network_version() const { return network_version_; }

    // A scene's trained weights: the next Update rebuilds the lesson (fresh data and history) and then
    // takes these weights and step count, when they fit the lesson's layers.
    void RequestRestore(Network network, std::size_t step);

    bool ready() const { return trainer_ != nullptr; }
    const Trainer& trainer() const { return *trainer_; }
    // The run before the last restart (a new optimizer or Reset) for an honest comparison: a new
    // optimizer restarts from the seed (the same weights, data and batches), so the two loss curves
    // differ by the optimizer alone. Empty until a run with two chart rows was restarted.
    struct PreviousRun {
        std::string label; // "sgd", "momentum", "adam"
        std::vector<double> step, train_loss;
    };
    const std::optional<PreviousRun>& previous_run() const { return previous_run_; }

    // The statistics of the network shown: the trainer's, or the replayed snapshot's.
    const NetworkStats& stats() const { return replaying() ? replay_stats_ : trainer_->stats(); }

    // Replay: the weights at steps through the run (WeightSnapshots, offered once per training frame).
    // ScrubTo shows snapshot `index` at the next Update (graph, heatmaps, dead marks, chain rule and the
    // step counter all follow; training pauses); ReturnToLatest goes back to where training stopped.
    // Playing or stepping from an earlier snapshot continues from it as a branch: the later snapshots
    // and chart rows are dropped and the optimizer starts afresh.
    const WeightSnapshots& snapshots() const { return snapshots_; }
    void ScrubTo(std::size_t index) { scrub_request_ = index; }
    void ReturnToLatest() { scrub_request_ = kLatest; }
    bool replaying() const { return replay_index_.has_value(); }
    std::optional<std::size_t> replay_index() const { return replay_index_; }
    const std::string& error() const { return error_; } // why the lesson could not be built

    // Heatmaps in EvaluateGrid's node order (inputs, hidden neurons, output), kNeuronGrid² floats
    // per node (each cell the mean of the 2 × 2 kOutputGrid cells it covers); and the output alone
    // at kOutputGrid² (a softmax output: its K class probability maps in turn, K · kOutputGrid²).
    // Both come from one pass of the kOutputGrid² plane through the network.
    const std::vector<float>& node_grid() const { return node_grid_; }
    const std::vector<float>& output_grid() const { return output_grid_; }
    std::size_t heatmap_updates() const { return heatmap_updates_; }

    // The linear-regions overlay, reported by the view in every frame it is drawn (like HoverWeight):
    // while wanted, the activation patterns over a kRegionGrid² grid follow the network, sampled when
    // the heatmaps are.
    void WantLinearRegions() { regions_wanted_ = true; }
    const LinearRegionGrid& linear_regions() const { return linear_regions_; }
    // Counts new training and test sets: what is drawn from the data is redrawn when it changes.
    std::size_t data_version() const { return data_version_; }

    // Samples trained since the session began (for the bench's throughput figure).
    std::size_t samples_trained() const { return samples_trained_; }
    // Seconds the last Update spent stepping the trainer (the time-boxed slice; heatmaps, statistics
    // and the rest of the frame are not in it), so the bench can tell the frame's own work from it.
    double last_training_seconds() const { return last_training_seconds_; }

    // The first training sample whose trace of the selected weight has a zero factor, or `fallback`.
    std::size_t FirstZeroFactorSample(const WeightSelection& selection, std::size_t fallback) const;

private:
    struct BuildKey {
        std::vector<std::size_t> hidden;
        ActivationId output = ActivationId::Tanh;
        bool softmax = false;
        DatasetKind dataset = DatasetKind::Circle;
        std::size_t samples = 0;
        double noise = 0.0, train_fraction = 0.0;
        std::uint64_t seed = 0;
        InitScheme init = InitScheme::Xavier;
        double init_std = 0.0, bias_init = 0.0;
        Optimizer optimizer = Optimizer::Sgd;
        bool operator==(const BuildKey&) const = default;
    };
    static BuildKey KeyOf(const NetworkLessonState& lesson);
    void Build(const NetworkLessonState& lesson);
    void ApplyActivations(const NetworkLessonState& lesson);
    void RefreshHeatmaps();
    void ApplyUserPoints(const NetworkLessonState& lesson);
    void ApplyScrub(NetworkLessonState& lesson);
    void KeepPreviousRun();
    void BranchFromReplay();
    void ShowNetwork(Network network, std::size_t step); // into the trainer, views refreshed
    void RefreshHoveredGradient();

    std::unique_ptr<Trainer> trainer_;
    BuildKey key_;
    std::vector<Activation> activations_;
    std::string error_;
    bool step_requested_ = false;
    bool reset_requested_ = false;
    bool zero_sample_requested_ = false;
    bool heatmaps_stale_ = true;
    bool stats_stale_ = true;
    int frames_since_heatmap_ = 0;
    int frames_since_observe_ = 0;
    std::vector<float> node_grid_, output_grid_, scratch_;
    std::size_t heatmap_updates_ = 0;
    std::size_t data_version_ = 0;
    std::optional<Network> restore_;
    std::size_t restore_step_ = 0;
    std::size_t samples_trained_ = 0;
    double last_training_seconds_ = 0.0;
    std::size_t network_version_ = 0;
    std::optional<WeightIndex> hovered_;
    std::optional<WeightGradient> hovered_gradient_;
    std::size_t hovered_gradient_version_ = 0; // the network_version_ it was computed on
    std::size_t gradient_computations_ = 0;
    std::vector<Sample> generated_train_; // the dataset's own training samples; the lesson's points follow
    std::vector<UserPoint> points_;       // the points in the trainer's training set
    static constexpr std::size_t kLatest = ~std::size_t{0};
    WeightSnapshots snapshots_;
    std::optional<std::size_t> scrub_request_;
    std::optional<std::size_t> replay_index_;
    std::optional<WeightSnapshot> head_; // where training stopped, while an earlier snapshot is shown
    NetworkStats replay_stats_;
    std::optional<PreviousRun> previous_run_;
    bool regions_wanted_ = false;
    LinearRegionGrid linear_regions_;
    std::size_t regions_version_ = ~std::size_t{0}; // the network_version_ they were sampled on
};

// A point the class added, as a training sample of the lesson's labels: the class index for K > 2
// classes, 0/1 for a sigmoid or softmax output on a two-class set, else −1/+1. Nothing for regression.
std::optional<Sample> UserPointSample(const NetworkLessonState& lesson, const UserPoint& point);

// The lesson's hidden activations, one per hidden layer (missing ones ReLU, extra ones dropped).
void NormaliseLesson(NetworkLessonState& lesson);

} // namespace actlab::session
