// What the theory panels derive from their state: softmax probabilities and Jacobian, the
// propagation simulation and the SELU moment map, the born-dead experiment. Each is recomputed only
// when its inputs change; the two simulations run on a worker thread (BackgroundJob).
#pragma once

#include "core/app_state.h"
#include "core/born_dead.h"
#include "core/propagation.h"
#include "core/selu_map.h"
#include "core/softmax.h"
#include "ui/background_job.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace actlab::ui {

//-----------------------------------------------------------------------------
// Softmax
//-----------------------------------------------------------------------------

struct SoftmaxResults {
    std::string error;                 // why the input is refused; then nothing else is set
    std::vector<double> probabilities; // pᵢ
    Matrix jacobian;                   // ∂pᵢ/∂zⱼ = pᵢ(δᵢⱼ − pⱼ)/T
    // The stable evaluation shown as the formula: m = max zⱼ, eᵢ = e^{(zᵢ − m)/T}, pᵢ = eᵢ / Σⱼ eⱼ.
    double max_logit = 0.0;
    std::vector<double> shifted_exponentials;
    double denominator = 0.0;
};

class SoftmaxCache {
public:
    const SoftmaxResults& Get(const SoftmaxPanelState& state);
    std::size_t computations() const { return computations_; }

private:
    std::optional<std::pair<std::vector<double>, double>> key_; // logits, temperature
    SoftmaxResults results_;
    std::size_t computations_ = 0;
};

//-----------------------------------------------------------------------------
// Signal propagation and the SELU moment map
//-----------------------------------------------------------------------------

// The core's configuration for the panel's choices (threads: all but one core, so frames keep a core).
PropagationConfig PropagationConfigFor(const PropagationPanelState& state);

class PropagationRunner {
public:
    // Once per frame: starts a run when the inputs changed, cancels one whose inputs are outdated,
    // and collects a finished one. Never waits for the worker.
    void Update(const PropagationPanelState& state);

    bool Running() const { return job_.Busy(); }
    double Progress() const { return job_.Progress(); }
    const std::string& error() const { return error_; } // the inputs are refused (nothing runs)
    const std::vector<LayerStatistics>& results() const { return results_; }
    bool Current() const { return shown_.has_value() && inputs_ == *shown_; } // results are for the inputs
    std::size_t runs_started() const { return runs_started_; }

    // The inputs as the core sees them; equal inputs give equal results.
    struct Inputs {
        Activation activation;
        SignalInitScheme scheme = SignalInitScheme::LeCun;
        double stddev = 1.0;
        std::size_t depth = 0, width = 0, samples = 0;
        std::uint64_t seed = 0;
        bool operator==(const Inputs&) const = default;
    };

private:
    BackgroundJob<std::vector<LayerStatistics>> job_;
    std::optional<Inputs> running_, shown_;
    Inputs inputs_;
    std::vector<LayerStatistics> results_;
    std::string error_;
    std::size_t runs_started_ = 0;
};

struct SeluMapResults {
    SeluMapParams params;
    std::string error;
    std::vector<SeluMoments> trajectory; // the start and each step
    std::optional<SeluMoments> fixed_point;
    double jacobian_norm = 0.0; // spectral norm of ∂(μ̃, ν̃)/∂(μ, ν) at the fixed point
};

// The map uses the panel's λ and α when its activation is SELU, the canonical constants otherwise.
class SeluMapCache {
public:
    const SeluMapResults& Get(const PropagationPanelState& state);

private:
    std::optional<std::tuple<double, double, double, double, int>> key_; // λ, α, μ₀, ν₀, steps
    SeluMapResults results_;
};

//-----------------------------------------------------------------------------
// Born dead
//-----------------------------------------------------------------------------

// The panel keeps a run to seconds: trials × depth × width² × inputs at most this (the core cannot be
// interrupted, and 6.4·10⁸ took over a minute on a busy two-core machine).
inline constexpr double kMaxPanelBornDeadWork = 1e8;

BornDeadConfig BornDeadConfigFor(const BornDeadPanelState& state);
std::string ValidateBornDeadPanel(const BornDeadPanelState& state);

class BornDeadRunner {
public:
    // Once per frame, like PropagationRunner::Update. The core cannot be interrupted, so a run whose
    // inputs changed finishes first (the panel's cap keeps that short) and is then replaced.
    void Update(const BornDeadPanelState& state);

    bool Running() const { return job_.Busy(); }
    const std::string& error() const { return error_; }
    const std::vector<BornDeadResult>& results() const { return results_; } // element h − 1: depth h
    bool Current() const { return shown_.has_value() && inputs_ == *shown_; }

private:
    BackgroundJob<std::vector<BornDeadResult>> job_;
    std::optional<BornDeadPanelState> running_, shown_;
    BornDeadPanelState inputs_;
    std::vector<BornDeadResult> results_;
    std::string error_;
};

struct TheoryRuntime {
    SoftmaxCache softmax;
    PropagationRunner propagation;
    SeluMapCache selu_map;
    BornDeadRunner born_dead;
    std::string softmax_message;     // the last refused typed logit or temperature
    std::string propagation_message; // the last refused parameter of the propagation panel
};

} // namespace actlab::ui
