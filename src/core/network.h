// The mini network: a small fully connected MLP on the plane (inputs x1, x2 and optional derived
// features), an activation per layer from the catalogue, one output neuron (or K softmax outputs for
// K classes); its initialisation,
// forward pass, heatmaps over the plane, and the JSON file format (docs/network-format.md).
//
// Index of this file
// [SECTION] Inputs, losses, limits
// [SECTION] Layers and the network
// [SECTION] Construction and initialisation
// [SECTION] Forward pass and heatmaps
// [SECTION] JSON
#pragma once

#include "core/activation.h"
#include "core/dataset.h"
#include "core/enum_names.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace actlab {

//-----------------------------------------------------------------------------
// [SECTION] Inputs, losses, limits
//-----------------------------------------------------------------------------

inline constexpr std::size_t kMaxHiddenLayers = 6;
inline constexpr std::size_t kMaxLayerWidth = 8;
inline constexpr double kMaxParameterMagnitude = 1e6; // a loaded weight beyond this is refused

// What the input layer feeds: the coordinates and derived features, as in TensorFlow Playground.
enum class InputFeature { X1, X2, X1Squared, X2Squared, X1X2, SinX1, SinX2, Count };
inline constexpr std::size_t kInputFeatureCount = static_cast<std::size_t>(InputFeature::Count);
inline constexpr EnumName<InputFeature> kInputFeatureNames[] = {
    {InputFeature::X1, "x1"},          {InputFeature::X2, "x2"},      {InputFeature::X1Squared, "x1^2"},
    {InputFeature::X2Squared, "x2^2"}, {InputFeature::X1X2, "x1*x2"}, {InputFeature::SinX1, "sin(x1)"},
    {InputFeature::SinX2, "sin(x2)"}};

std::string_view
FeatureName(InputFeature feature); // "x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"
std::optional<InputFeature> ParseFeature(std::string_view name);
double FeatureValue(InputFeature feature, double x1, double x2);

// mse: E = ½(ŷ − y)² per sample; bce (sigmoid output, y ∈ {0, 1}): E = −y ln ŷ − (1 − y) ln(1 − ŷ);
// ce (softmax output over K logits z, y the class index 0 … K−1): E = −ln p_y = log Σₖ e^(zₖ) − z_y.
// The loss of a batch is the mean over its samples.
enum class Loss { Mse, Bce, Ce };
inline constexpr EnumName<Loss> kLossNames[] = {{Loss::Mse, "mse"}, {Loss::Bce, "bce"}, {Loss::Ce, "ce"}};
std::string_view LossName(Loss loss);
std::optional<Loss> ParseLoss(std::string_view name);

// The output neuron's activations: tanh or sigmoid for classification, linear for regression.
bool IsOutputActivation(ActivationId id);

// A softmax output (the ce loss) has K = 2 … 8 neurons. Its layer stores the logits: the layer's own
// activation is linear, softmax is applied on top (in the loss, the heatmaps and predictions), and the
// JSON file names it "softmax".
inline constexpr std::size_t kMaxClasses = kMaxLayerWidth;

//-----------------------------------------------------------------------------
// [SECTION] Layers and the network
//-----------------------------------------------------------------------------

struct Layer {
    Activation activation;       // shared parameters (slope, α, …); PReLU's a lives in `learned`
    std::size_t fan_in = 0;      // neurons (or inputs) feeding this layer
    std::size_t size = 0;        // neurons in this layer
    std::vector<double> weights; // size × fan_in, row-major: weights[j·fan_in + i] from input i to neuron j
    std::vector<double> biases;  // size
    std::vector<double> learned; // PReLU: a per neuron (size); empty for every other activation

    double Weight(std::size_t neuron, std::size_t input) const { return weights[neuron * fan_in + input]; }
    double& Weight(std::size_t neuron, std::size_t input) { return weights[neuron * fan_in + input]; }
    // The activation of one neuron with its own learned parameter substituted.
    Activation NeuronActivation(std::size_t neuron) const;
    bool operator==(const Layer&) const = default;
};

struct Network {
    std::vector<InputFeature> inputs{InputFeature::X1, InputFeature::X2};
    Loss loss = Loss::Mse;
    std::vector<Layer> layers; // the hidden layers, then the output layer (one neuron, or K logits)

    std::size_t HiddenLayerCount() const { return layers.empty() ? 0 : layers.size() - 1; }
    bool IsSoftmax() const { return loss == Loss::Ce; }
    const Layer& Output() const { return layers.back(); }
    bool operator==(const Network&) const = default;
};

// Why a network is not usable ("" when it is): sizes, shapes, activations, finite parameters.
std::string ValidateNetwork(const Network& network);

//-----------------------------------------------------------------------------
// [SECTION] Construction and initialisation
//-----------------------------------------------------------------------------

enum class InitScheme {
    He,      // N(0, 2/fan_in): keeps ReLU activations at scale
    Xavier,  // N(0, 2/(fan_in + fan_out)) (Glorot)
    Lecun,   // N(0, 1/fan_in): SELU's self-normalising init
    Uniform, // U(−0.5, 0.5)
    Normal   // N(0, std²) with a given std
};
inline constexpr EnumName<InitScheme> kInitSchemeNames[] = {
    {InitScheme::He, "he"},           {InitScheme::Xavier, "xavier"}, {InitScheme::Lecun, "lecun"},
    {InitScheme::Uniform, "uniform"}, {InitScheme::Normal, "normal"}, {InitScheme::Xavier, "glorot"}};
std::string_view InitSchemeName(InitScheme scheme); // "he", "xavier", "lecun", "uniform", "normal"
std::optional<InitScheme> ParseInitScheme(std::string_view name);

struct InitOptions {
    InitScheme scheme = InitScheme::Xavier;
    double normal_std = 0.1; // for InitScheme::Normal
    double bias = 0.0;       // every bias starts here (a large negative one kills ReLUs)
    std::uint64_t seed = 1;
};

struct NetworkSpec {
    std::vector<InputFeature> inputs{InputFeature::X1, InputFeature::X2};
    std::vector<std::size_t> hidden{4, 2}; // neurons per hidden layer; empty = no hidden layer
    Activation hidden_activation = Activation::WithDefaults(ActivationId::Tanh);
    ActivationId output = ActivationId::Tanh; // ignored with the ce loss (softmax over linear logits)
    Loss loss = Loss::Mse;
    std::size_t classes = 3; // the softmax output's neurons K (ce loss only)
};

// Why a spec cannot be built ("" when it can): 0–6 hidden layers of 1–8 neurons, distinct inputs,
// an output activation of tanh, sigmoid or linear, bce only with sigmoid, ce with 2–8 classes.
std::string ValidateSpec(const NetworkSpec& spec);

// A network of the spec's shape with weights drawn by `init` (the spec must be valid).
Network MakeNetwork(const NetworkSpec& spec, const InitOptions& init);

// A 1-input chain x → h1 → … → O of `depth` single-neuron hidden layers, for chain-rule lessons.
Network MakeChainNetwork(std::size_t depth, const Activation& hidden, ActivationId output,
                         const InitOptions& init);

// Redraws every weight and bias (and resets PReLU's a to its layer value) with the given options.
void InitialiseNetwork(Network& network, const InitOptions& init);

// Changes one layer's activation and keeps its weights, so dead ReLUs can be revived by switching
// to Leaky ReLU or ELU mid-training. PReLU's per-neuron a starts at the activation's parameter.
void SetLayerActivation(Network& network, std::size_t layer, const Activation& activation);

//-----------------------------------------------------------------------------
// [SECTION] Forward pass and heatmaps
//-----------------------------------------------------------------------------

// The network's output ŷ for one point (allocates; for a few points. Training uses Trainer). For a
// softmax output: the probability of class 0.
double Predict(const Network& network, double x1, double x2);

// The output layer's values for one point: ŷ (one value), or the K class probabilities of a softmax output.
std::vector<double> PredictOutputs(const Network& network, double x1, double x2);

// p = softmax(z) in place over n values, stably: pₖ = e^(zₖ − m)/Σⱼ e^(zⱼ − m), m = maxⱼ zⱼ.
// Returns log Σⱼ e^(zⱼ) (log-sum-exp), computed as m + log Σⱼ e^(zⱼ − m).
double SoftmaxInPlace(double* z, std::size_t n);

// Every node's output over an n × n grid of the input plane [lo, hi]², into `out` (resized to
// NodeCount(network) · n · n floats). Node order: the input features, then each hidden layer's
// neurons, then the output neuron. Within a node, row r and column c hold the cell centre
// x1 = lo + (c + ½)·h, x2 = hi − (r + ½)·h, h = (hi − lo)/n: row 0 is the top of the plane, as a
// texture is uploaded. A softmax output's nodes hold the class probabilities, not the logits.
std::size_t NodeCount(const Network& network);
void EvaluateGrid(const Network& network, std::size_t n, double lo, double hi, std::vector<float>& out);

// The index of a node in EvaluateGrid's order: layer −1 means the input features.
std::size_t NodeIndex(const Network& network, int layer, std::size_t neuron);

//-----------------------------------------------------------------------------
// [SECTION] JSON
//-----------------------------------------------------------------------------

inline constexpr int kNetworkFormatVersion = 1;
inline constexpr std::size_t kMaxNetworkFileBytes = 1 << 20;

// {"format": "actlab-network", "version": 1, "inputs": [...], "loss": "mse", "layers": [...]}.
// Numbers are written so that they read back exactly: save → load → save is byte-identical.
std::string NetworkToJson(const Network& network);

struct NetworkParseResult {
    Network network;
    std::string error; // "net.json: layers[1].weights[0][2]: expected a finite number"; "" on success
};
// Parses and validates a network file; `file_name` only labels messages.
NetworkParseResult NetworkFromJson(std::string_view text, std::string_view file_name);

} // namespace actlab
