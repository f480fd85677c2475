// Training the mini network: SGD, momentum and Adam steps, gradients, per-neuron statistics (dead and dying
// neurons), divergence detection, histories for charts, and the chain-rule trace of one weight.
//
// Index of this file
// [SECTION] Options
// [SECTION] Losses and gradients
// [SECTION] Statistics
// [SECTION] Chain-rule trace
// [SECTION] Trainer
#pragma once

#include "core/dataset.h"
#include "core/enum_names.h"
#include "core/network.h"
#include "core/network_kernel.h"
#include "core/random.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace actlab {

//-----------------------------------------------------------------------------
// [SECTION] Options
//-----------------------------------------------------------------------------

inline constexpr double kMaxLearningRate = 100.0;
inline constexpr std::size_t kMaxBatchSize = 100'000;
inline constexpr double kMaxL2 = 10.0;
inline constexpr double kExplodingLoss = 1e6; // a batch loss above this counts as divergence
inline constexpr double kDyingActivationRate = 0.05;

// How a step turns the gradient g = ∂L/∂θ (L2 term included) into an update, as PyTorch's optimizers:
// sgd:      θ ← θ − η·g
// momentum: buf ← μ·buf + g (buf starts at 0; no dampening, no Nesterov); θ ← θ − η·buf
// adam:     m ← β1·m + (1 − β1)·g; v ← β2·v + (1 − β2)·g²; after t steps
//           θ ← θ − (η/(1 − β1ᵗ))·m/(√v/√(1 − β2ᵗ) + ε)
enum class Optimizer { Sgd, Momentum, Adam };
inline constexpr EnumName<Optimizer> kOptimizerNames[] = {
    {Optimizer::Sgd, "sgd"}, {Optimizer::Momentum, "momentum"}, {Optimizer::Adam, "adam"}};
std::string_view OptimizerName(Optimizer optimizer); // "sgd", "momentum", "adam"
std::optional<Optimizer> ParseOptimizer(std::string_view name);

struct TrainingOptions {
    double learning_rate = 0.03; // η in w ← w − η·∂L/∂w
    std::size_t batch_size = 10; // samples per step; the step's gradient is the mean over them
    double l2 = 0.0;             // λ: adds ½λ·Σw² over the weights (not biases) to the loss
    bool shuffle = true;         // false: batches are consecutive samples in order, wrapping around
    std::uint64_t seed = 1;      // the order of shuffled batches
    Optimizer optimizer = Optimizer::Sgd;
    double momentum = 0.9; // μ of momentum, in [0, 1)
    double beta1 = 0.9;    // Adam's β1, β2 in [0, 1) and ε in (0, 1]
    double beta2 = 0.999;
    double eps = 1e-8;
};

// Why the options are refused ("" when valid).
std::string ValidateTrainingOptions(const TrainingOptions& options);

//-----------------------------------------------------------------------------
// [SECTION] Losses and gradients
//-----------------------------------------------------------------------------

// One sample's loss E for an output ŷ with pre-activation z (bce is computed from z, stably:
// E = softplus(z) − y·z = −y ln σ(z) − (1 − y) ln(1 − σ(z))). Not for ce (see SoftmaxCrossEntropy).
double SampleLoss(Loss loss, double y_hat, double z, double y);

// The class index of a softmax sample's y (0 … classes−1; y outside is clamped: files are checked on load).
std::size_t ClassIndex(double y, std::size_t classes);

// One sample's ce loss from the K logits z: E = log Σₖ e^(zₖ) − z_y (log-sum-exp, stable for any z);
// delta (K values) receives ∂E/∂zₖ = pₖ − [k = y], p = softmax(z).
double SoftmaxCrossEntropy(const double* z, std::size_t classes, double y, double* delta);

// The mean loss over `samples` (no L2 term); 0 for no samples.
double MeanLoss(const Network& network, std::span<const Sample> samples);

// The fraction of samples classified right: the most likely class for a softmax output, else the side
// of the decision threshold (0.5 for a sigmoid output, 0 for tanh and linear). 0 for no samples.
double Accuracy(const Network& network, std::span<const Sample> samples);

// ∂L/∂θ for L = mean over `samples` of E + ½λ·Σw², laid out like the network's parameters.
struct Gradients {
    std::vector<std::vector<double>> weights; // per layer, like Layer::weights
    std::vector<std::vector<double>> biases;
    std::vector<std::vector<double>> learned; // PReLU's a; empty for other layers
    double loss = 0.0;                        // L itself, L2 term included
};
Gradients ComputeGradients(const Network& network, std::span<const Sample> samples, double l2 = 0.0);

//-----------------------------------------------------------------------------
// [SECTION] Statistics
//-----------------------------------------------------------------------------

struct NeuronStats {
    double activation_rate = 0.0;      // fraction of samples with f′(z) ≠ 0
    double mean_abs_delta = 0.0;       // mean over samples of |∂E/∂z|
    double mean_abs_weight_grad = 0.0; // mean over incoming weights of |∂L/∂w| (L: the mean loss)
    double mean_z = 0.0, min_z = 0.0, max_z = 0.0; // pre-activation statistics
    bool dead = false;  // f′(z) = 0 on every sample: its weights never change again
    bool dying = false; // not dead, but active on under 5% of samples
};

struct LayerStats {
    std::vector<NeuronStats> neurons;
    double gradient_norm = 0.0; // ‖∂L/∂(W, b)‖₂ of the layer, L the mean loss without L2
};

struct NetworkStats {
    std::vector<LayerStats> layers; // hidden layers, then the output layer
    double loss = 0.0;              // mean loss over the samples
    double accuracy = 0.0;          // Accuracy() over the samples (meaningful for classification)
    std::size_t hidden_neurons = 0;
    std::size_t dead_count = 0; // dead hidden neurons (the output neuron is not counted)
    std::size_t dying_count = 0;
    double dead_fraction = 0.0; // dead_count / hidden_neurons
};

// Statistics over `samples` (normally the training set): a forward and backward pass per sample.
NetworkStats ComputeStats(const Network& network, std::span<const Sample> samples);

//-----------------------------------------------------------------------------
// [SECTION] Chain-rule trace
//-----------------------------------------------------------------------------

struct ChainFactor {
    std::string name;    // "∂E/∂O", "∂O/∂Z2", "∂Z2/∂h1", "∂h1/∂Z1", "∂Z1/∂w"
    std::string meaning; // "ŷ − y", "f′(z) of O", "the weight from h1 to O", "the input x1", …
    double value = 0.0;
};

// ∂E/∂w for one weight and one sample, as the product of its chain-rule factors. Where every layer
// above the weight has one neuron (a chain) the path is spelled out factor by factor; otherwise the
// upper part is the back-propagated sum ∂E/∂hⱼ = Σₖ wⱼₖδₖ and the gradient is δⱼ·aᵢ.
struct ChainRuleTrace {
    std::string weight_name;          // "w(x1→h1)", "w(h2,1→O)"
    std::vector<ChainFactor> factors; // in order from the loss down to the weight
    double product = 0.0;             // the factors multiplied
    double gradient = 0.0;            // ∂E/∂w by back-propagation (equal to product up to rounding)
    bool has_zero_factor = false;     // a zero factor (a dead ReLU on the path): w does not move
    double y_hat = 0.0, loss = 0.0;   // the network's output and E for this sample
    double learning_rate = 0.0;
    double weight_before = 0.0;
    double weight_after = 0.0; // w − η·∂E/∂w
};

// The names the trace and the network panel use: "h2,3" for the third neuron of the second hidden
// layer ("h2" when the layer has one neuron), "O" for the output; an input is a feature ("x1") in
// layer 0 and the previous layer's node above it.
std::string NodeName(const Network& network, std::size_t layer, std::size_t neuron);
std::string InputName(const Network& network, std::size_t layer, std::size_t input);

// `layer` counts hidden layers from 0 (the output layer is layers.size() − 1); `input` indexes the
// layer's inputs (input features for layer 0). Throws std::out_of_range for a weight that does not exist.
ChainRuleTrace TraceWeight(const Network& network, std::size_t layer, std::size_t neuron, std::size_t input,
                           const Sample& sample, double learning_rate);

//-----------------------------------------------------------------------------
// [SECTION] Trainer
//-----------------------------------------------------------------------------

// The scratch space of one forward and backward pass: every neuron's z, f(z), f′(z), ∂E/∂a and
// ∂E/∂z, and the summed gradients, one contiguous vector each (layer l starts at its offset).
struct PassBuffers {
    std::vector<std::size_t> neuron_offset, weight_offset;
    std::vector<double> input, z, a, d, up, delta;
    std::vector<double> grad_w, grad_b, grad_learned; // grad_learned is indexed like the neurons
    void Resize(const Network& network);
};

// The scratch space of a batched step, in the packed layout of detail::PackedLayer: layer l's rows
// (lanes values each, padded) start at lane_offset[l]·rows in z, a, d, up and delta; its bias gradient
// at lane_offset[l] in grad_b, its weight gradient (fan_in × lanes, transposed) at grad_offset[l].
struct BatchBuffers {
    std::size_t rows = 0;
    std::size_t input_lanes = 0; // the row width of `input` (the features of a sample, padded)
    std::vector<detail::PackedLayer> packed;
    std::vector<std::size_t> lane_offset, grad_offset;
    std::vector<double> input, z, a, d, up, delta;
    std::vector<double> grad_wt, grad_b;
    void Resize(const Network& network, std::size_t batch);
};

// One row per observation, for the charts. Bounded for sessions of any length: when it holds more
// than max_rows rows, every other row is dropped and the recording interval doubles, so the rows
// always span the whole run at an even resolution. The latest observation is always the last row
// (the readouts show it); earlier rows are observations 0, interval, 2·interval, …
inline constexpr std::size_t kMaxHistoryRows = 1024;

struct TrainingHistory {
    std::vector<std::size_t> step;
    std::vector<double> train_loss;
    std::vector<double> test_loss;
    std::vector<double> train_accuracy;
    std::vector<double> test_accuracy;
    std::vector<double> dead_fraction;
    std::vector<std::vector<double>> gradient_norm; // [layer][row]
    std::vector<std::size_t> observation;   // which observation (0, 1, … since Clear) each row holds
    std::size_t interval = 1;               // rows kept: observations that are multiples of this
    std::size_t observations = 0;           // observations recorded since Clear
    std::size_t max_rows = kMaxHistoryRows; // at least 2

    std::size_t size() const { return step.size(); }
    // Appends one observation (`gradient_norms`: one per layer; a different layer count starts over).
    void Record(std::size_t at_step, double train, double test, double dead,
                std::span<const double> gradient_norms, double train_acc = 0.0, double test_acc = 0.0);
    void Clear(); // keeps max_rows
    // Drops the rows after step `at_step` (a replay continuing from there as a branch).
    void TruncateAfterStep(std::size_t at_step);

private:
    void PopBack();
    void Thin();
};

// Owns a network, its training and test data and the buffers of a step: Step() allocates nothing.
class Trainer {
public:
    Trainer(Network network, std::vector<Sample> train, std::vector<Sample> test, TrainingOptions options);

    // One update (SGD, momentum or Adam) on the next batch. Returns false (and does nothing) once
    // training has diverged.
    bool Step();
    // Up to `steps` steps; stops at divergence. Returns the steps taken.
    std::size_t Run(std::size_t steps);

    // Statistics on the training set, test loss, and one history row; returns the statistics.
    const NetworkStats& Observe();

    // Redraws the weights, clears the step count, divergence, history and the optimizer's state
    // (momentum buffers, Adam's moments): "reset with a seed".
    void Reset(const InitOptions& init);

    const Network& network() const {
        if (network_stale_) SyncNetwork();
        return network_;
    }
    // For edits (activation per layer, a weight): the buffers follow the new shape at the next step.
    Network& EditNetwork() {
        if (network_stale_) SyncNetwork();
        packed_current_ = false;
        return network_;
    }
    const TrainingOptions& options() const { return options_; }
    // A different optimizer starts from a fresh state; other changes keep it.
    void SetOptions(const TrainingOptions& options);
    const std::vector<Sample>& train() const { return train_; }
    // Another training set (points added or removed by hand): the weights, step count, history and
    // optimizer state stay; the batch order starts a new epoch.
    void ReplaceTrainingSet(std::vector<Sample> train);
    // Continues from an earlier state of this run (a replay's branch): its weights and step count,
    // the chart rows after it dropped, divergence cleared and the optimizer's state started afresh
    // (momentum buffers and Adam's moments are not kept per snapshot).
    void Branch(Network network, std::size_t at_step);
    const std::vector<Sample>& test() const { return test_; }

    std::size_t step() const { return step_; }
    // A network loaded from a scene carries on counting from the step it was saved at.
    void RestoreStepCount(std::size_t step) { step_ = step; }
    double last_batch_loss() const { return last_batch_loss_; }
    bool diverged() const { return !divergence_.empty(); }
    // "training diverged at step 37: the loss became inf (learning rate 50 is too high)".
    const std::string& divergence() const { return divergence_; }
    const NetworkStats& stats() const { return stats_; }
    const TrainingHistory& history() const { return history_; }
    // For tests and long sessions: the history's row limit (see TrainingHistory).
    void SetHistoryLimit(std::size_t max_rows) { history_.max_rows = std::max<std::size_t>(max_rows, 2); }

private:
    bool ShapeChanged() const;
    void Prepare(); // sizes the buffers and features to the network's current shape
    std::size_t NextSample();
    void StartEpoch(); // reshuffles (when shuffling) and starts again from the first sample
    // The parts of Step(): packed copies ready, the batch forward, its loss and output δ, backward,
    // the update (returns the sum of the new parameters: NaN or inf once one of them is), divergence.
    void PrepareBatch(std::size_t batch);
    void ForwardBatch(std::size_t batch);
    double OutputLoss(std::size_t batch);
    void BackwardBatch(std::size_t batch);
    double UpdateParameters(std::size_t batch);
    double UpdateWithOptimizer(std::size_t batch);
    bool CheckDivergence(double loss, double check);
    void ResetOptimizerState();
    // Copies the weights and biases that Step() updated in its packed layout into network_.
    void SyncNetwork() const;

    // Step() keeps the parameters in batch_.packed and marks network_ stale instead of copying them
    // back every step; network() and EditNetwork() bring it up to date when it is next read.
    mutable Network network_;
    mutable bool network_stale_ = false;
    std::vector<Sample> train_, test_;
    TrainingOptions options_;
    std::size_t step_ = 0;
    double last_batch_loss_ = 0.0;
    std::string divergence_;
    NetworkStats stats_;
    TrainingHistory history_;
    std::vector<double> norms_; // one history row's gradient norms

    std::vector<std::size_t> shape_; // inputs, then each layer's fan_in and size: detects edits
    std::vector<double> features_;   // train_.size() × inputs, computed once per shape
    PassBuffers buffers_;
    BatchBuffers batch_;
    bool packed_current_ = false; // batch_.packed holds the network's current parameters
    std::vector<std::size_t> order_;
    std::size_t cursor_ = 0;
    std::vector<std::size_t> batch_samples_; // the samples of the current step
    Random random_;
    // Momentum's buffers or Adam's m (first) and v (second), per layer its packed weights, biases and
    // PReLU a in turn (state_offset_ has 3 entries per layer, then the end); empty until the first step.
    std::vector<double> first_moment_, second_moment_;
    std::vector<std::size_t> state_offset_;
    std::size_t optimizer_steps_ = 0;   // t of Adam's bias correction
    double beta_power_[2] = {1.0, 1.0}; // β1ᵗ, β2ᵗ
    double power_base_[2] = {0.0, 0.0}; // the β1, β2 they were computed with
};

// The reference set-up of the training-throughput figures (`actlab bench` and the micro-benchmark):
// the circle dataset of 500 samples, He weights and biases 0.1 for ReLU, Xavier and 0 otherwise.
Trainer MakeThroughputTrainer(std::vector<std::size_t> hidden, ActivationId activation, std::size_t batch,
                              Optimizer optimizer = Optimizer::Sgd);

} // namespace actlab
