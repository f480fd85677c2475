// Signal propagation through a deep random network at initialisation: how the mean and variance of
// the activations and the size of the backpropagated gradient change from layer to layer, for any
// activation of the catalogue and the usual weight initialisations. Pure C++; the propagation panel and
// `actlab propagate` both call SimulatePropagation().
//
// The network: inputs x ∈ ℝᵂ with independent N(0, 1) entries, then D layers
//   hℓ = Wℓ aℓ₋₁,  aℓ = f(hℓ),  a₀ = x,   Wℓ a W×W matrix of independent N(0, σ²), no biases,
// and a random linear read-out L = Σₛ rₛ · a_D,ₛ with rₛ ~ N(0, I/W) per sample s (so ‖∂L/∂a_D‖ ≈ 1).
// Backpropagation gives δℓ = ∂L/∂hℓ = f′(hℓ) ⊙ Wℓ₊₁ᵀ δℓ₊₁, the error that reaches layer ℓ's weights.
#pragma once

#include "core/activation.h"
#include "core/enum_names.h"
#include "core/number_parse.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace actlab {

inline constexpr std::size_t kMaxPropagationDepth = 100;
inline constexpr std::size_t kMaxPropagationWidth = 1000;
// The pre-activations of every layer are kept for the backward pass: 4·D·W·N bytes (400 MB at the caps).
inline constexpr std::size_t kMaxPropagationSamples = 1000;

// How the weights are drawn: N(0, σ²) with
//   lecun   σ² = 1/fan_in                (the one SELU's constants assume)
//   he      σ² = 2/fan_in                (keeps ReLU's second moment)
//   xavier  σ² = 2/(fan_in + fan_out)    (Glorot; equal to LeCun for square layers)
//   normal  σ given ("normal:0.05")
enum class SignalInitScheme { LeCun, He, Xavier, Normal };
inline constexpr EnumName<SignalInitScheme> kSignalInitNames[] = {{SignalInitScheme::LeCun, "lecun"},
                                                                  {SignalInitScheme::He, "he"},
                                                                  {SignalInitScheme::Xavier, "xavier"},
                                                                  {SignalInitScheme::Normal, "normal"}};

struct WeightInit {
    SignalInitScheme scheme = SignalInitScheme::LeCun;
    double stddev = 1.0; // σ, only for SignalInitScheme::Normal
};

// "lecun", "he", "xavier" or "normal:STD" with a finite STD ≥ 0.
Parsed<WeightInit> ParseWeightInit(std::string_view text);
std::string WeightInitName(const WeightInit& init); // the same spelling back
double WeightStd(const WeightInit& init, std::size_t fan_in, std::size_t fan_out);

struct PropagationConfig {
    Activation activation = Activation::WithDefaults(ActivationId::Selu);
    WeightInit init;
    std::size_t depth = 50;    // D, 1 to kMaxPropagationDepth
    std::size_t width = 500;   // W, 1 to kMaxPropagationWidth
    std::size_t samples = 200; // N, 1 to kMaxPropagationSamples
    std::uint64_t seed = 1;
    std::size_t threads = 0; // 0: one per hardware thread, at most 8; the results do not depend on it
};

// Statistics of one layer over all samples and units. Layer 0 is the input x; there grad_norm is ‖∂L/∂x‖.
struct LayerStatistics {
    std::size_t layer = 0;
    double mean = 0.0;      // of aℓ over samples × units
    double variance = 0.0;  // of aℓ over samples × units (divided by N·W)
    double grad_norm = 0.0; // √(mean over samples of ‖δℓ‖²): the root-mean-square gradient norm
};

// Why the configuration is refused, or "" (sizes within the caps, valid activation parameters).
std::string ValidatePropagationConfig(const PropagationConfig& config);

// Called after every layer of the forward and the backward pass with the fraction of the work done
// (ending at 1); returning false cancels the run. Lets a window show progress and stop a long run.
using PropagationProgress = std::function<bool(double fraction_done)>;

// D + 1 rows, layers 0 to D (empty if `progress` cancelled the run). Deterministic for a given
// seed (our own generator, not the standard library's distributions), whatever the CPU and the number
// of threads. Activations and weights are floats, sums are doubles. Values that overflow a float (e.g.
// normal:10 with a linear activation) come back as inf or nan rather than an error. Call
// ValidatePropagationConfig first.
std::vector<LayerStatistics> SimulatePropagation(const PropagationConfig& config,
                                                 const PropagationProgress& progress = {});

} // namespace actlab
