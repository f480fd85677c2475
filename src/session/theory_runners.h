// What the theory views derive from their state: softmax probabilities and Jacobian, the
// propagation simulation and the SELU moment map, the born-dead experiment. Each is recomputed only
// when its inputs change; the two simulations run on a worker thread (one SimulationRunner each).
#pragma once

#include "core/app_state.h"
#include "core/born_dead.h"
#include "core/propagation.h"
#include "core/selu_map.h"
#include "core/softmax.h"
#include "session/background_job.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace actlab::session {

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
// Simulations on a worker thread
//-----------------------------------------------------------------------------

// Keeps one simulation's results current with its inputs, on a worker so that no frame waits.
// `Job` says what the simulation is:
//   using Inputs = …; using Result = …;                     (Inputs with operator==)
//   static std::string Refusal(const Inputs&);              why the inputs are refused, or ""
//   static std::optional<Result> Run(const Inputs&, JobControl&);   nothing when cancelled
template <typename Job> class SimulationRunner {
public:
    using Inputs = typename Job::Inputs;
    using Result = typename Job::Result;

    // The results are wanted (their view has been opened): from now on they follow the inputs, whether
    // or not a view shows them. Before that nothing runs (a lesson nobody opened costs no CPU).
    void Demand() { demanded_ = true; }

    // Once per frame, from the session: collects a finished run, cancels one whose inputs are
    // outdated (its result is dropped) and starts one for the current inputs. Never waits.
    void Update(const Inputs& inputs) {
        inputs_ = inputs;
        if (auto finished = job_.TakeIfDone()) {
            if (*finished) {
                results_ = std::move(**finished);
                shown_ = running_;
            }
            running_.reset();
        }
        error_ = Job::Refusal(inputs_);
        if (!error_.empty() || Current()) {
            if (running_) job_.RequestCancel();
            return;
        }
        if (running_) {
            if (!(*running_ == inputs_)) job_.RequestCancel();
            return;
        }
        if (!demanded_) return;
        running_ = inputs_;
        ++runs_started_;
        job_.Start([inputs = inputs_](JobControl& control) { return Job::Run(inputs, control); });
    }

    bool Running() const { return job_.Busy(); }
    double Progress() const { return job_.Progress(); }
    const std::string& error() const { return error_; } // the inputs are refused (nothing runs)
    const Result& results() const { return results_; }
    bool Current() const { return shown_.has_value() && inputs_ == *shown_; } // results are for the inputs
    std::size_t runs_started() const { return runs_started_; }

private:
    BackgroundJob<std::optional<Result>> job_;
    std::optional<Inputs> running_, shown_;
    Inputs inputs_{};
    Result results_{};
    std::string error_;
    std::size_t runs_started_ = 0;
    bool demanded_ = false;
};

//-----------------------------------------------------------------------------
// Signal propagation and the SELU moment map
//-----------------------------------------------------------------------------

// The core's configuration for the panel's choices (threads: all but one core, so frames keep a core).
PropagationConfig PropagationConfigFor(const PropagationPanelState& state);

struct PropagationJob {
    // The inputs as the core sees them; equal inputs give equal results.
    struct Inputs {
        Activation activation;
        SignalInitScheme scheme = SignalInitScheme::LeCun;
        double stddev = 1.0;
        std::size_t depth = 0, width = 0, samples = 0;
        std::uint64_t seed = 0;
        bool operator==(const Inputs&) const = default;
    };
    using Result = std::vector<LayerStatistics>;
    static Inputs InputsOf(const PropagationPanelState& state);
    static std::string Refusal(const Inputs& inputs);
    static std::optional<Result> Run(const Inputs& inputs, JobControl& control);
};
using PropagationRunner = SimulationRunner<PropagationJob>;

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

// The core cannot be interrupted: a run whose inputs changed finishes first (the panel's cap keeps
// that short) and is then replaced.
struct BornDeadJob {
    using Inputs = BornDeadPanelState;
    using Result = std::vector<BornDeadResult>; // element h − 1: depth h
    static std::string Refusal(const Inputs& inputs) { return ValidateBornDeadPanel(inputs); }
    static std::optional<Result> Run(const Inputs& inputs, JobControl& control);
};
using BornDeadRunner = SimulationRunner<BornDeadJob>;

struct TheoryRunners {
    SoftmaxCache softmax;
    PropagationRunner propagation;
    SeluMapCache selu_map;
    BornDeadRunner born_dead;
};

} // namespace actlab::session
