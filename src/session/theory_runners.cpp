// Derived data of the theory panels (see theory_runtime.h).
#include "session/theory_runners.h"

#include <algorithm>
#include <cmath>
#include <thread>

namespace actlab::session {

namespace {

// All but one core, at most 8, so that frames keep a core. hardware_concurrency() reads /sys on
// every call and the session asks every frame: once will do.
std::size_t WorkerThreads() {
    static const unsigned cores = std::max(2u, std::thread::hardware_concurrency());
    return std::min<std::size_t>(cores - 1, 8);
}

} // namespace

const SoftmaxResults& SoftmaxCache::Get(const SoftmaxPanelState& state) {
    if (key_ && key_->first == state.logits && key_->second == state.temperature) return results_;
    key_.emplace(state.logits, state.temperature);
    ++computations_;
    results_ = SoftmaxResults{};
    results_.error = ValidateSoftmaxInput(state.logits, state.temperature);
    if (!results_.error.empty()) return results_;
    results_.probabilities = Softmax(state.logits, state.temperature);
    results_.jacobian = SoftmaxJacobianFromProbabilities(results_.probabilities, state.temperature);
    // The formula as evaluated: shifting every logit by the maximum leaves pᵢ unchanged and keeps
    // every exponent ≤ 0, so nothing overflows even at ±1e4.
    results_.max_logit = *std::max_element(state.logits.begin(), state.logits.end());
    for (double z : state.logits) {
        results_.shifted_exponentials.push_back(std::exp((z - results_.max_logit) / state.temperature));
        results_.denominator += results_.shifted_exponentials.back();
    }
    return results_;
}

PropagationConfig PropagationConfigFor(const PropagationPanelState& state) {
    PropagationConfig config;
    config.activation = Activation{state.activation, state.params};
    config.init.scheme = state.init;
    config.init.stddev = state.init_std;
    // Negative sizes become 0 and are refused by the core's validation.
    config.depth = static_cast<std::size_t>(std::max(state.depth, 0));
    config.width = static_cast<std::size_t>(std::max(state.width, 0));
    config.samples = static_cast<std::size_t>(std::max(state.samples, 0));
    config.seed = static_cast<std::uint64_t>(std::max(state.seed, 0));
    config.threads = WorkerThreads();
    return config;
}

PropagationJob::Inputs PropagationJob::InputsOf(const PropagationPanelState& state) {
    const PropagationConfig config = PropagationConfigFor(state);
    return {config.activation, config.init.scheme, config.init.stddev, config.depth,
            config.width,      config.samples,     config.seed};
}

namespace {

PropagationConfig ConfigOf(const PropagationJob::Inputs& inputs) {
    PropagationConfig config;
    config.activation = inputs.activation;
    config.init.scheme = inputs.scheme;
    config.init.stddev = inputs.stddev;
    config.depth = inputs.depth;
    config.width = inputs.width;
    config.samples = inputs.samples;
    config.seed = inputs.seed;
    config.threads = WorkerThreads();
    return config;
}

} // namespace

std::string PropagationJob::Refusal(const Inputs& inputs) {
    return ValidatePropagationConfig(ConfigOf(inputs));
}

std::optional<PropagationJob::Result> PropagationJob::Run(const Inputs& inputs, JobControl& control) {
    Result rows = SimulatePropagation(ConfigOf(inputs), [&control](double done) {
        control.progress.store(done, std::memory_order_relaxed);
        return !control.cancel.load(std::memory_order_relaxed);
    });
    if (rows.empty()) return std::nullopt; // cancelled
    return rows;
}

const SeluMapResults& SeluMapCache::Get(const PropagationPanelState& state) {
    SeluMapParams params;
    if (state.activation == ActivationId::Selu) {
        params.lambda = state.params[0];
        params.alpha = state.params[1];
    }
    const auto key =
        std::make_tuple(params.lambda, params.alpha, state.map_mean, state.map_var, state.map_steps);
    if (key_ == key) return results_;
    key_ = key;
    results_ = SeluMapResults{};
    results_.params = params;
    const SeluMoments start{state.map_mean, state.map_var};
    results_.error = ValidateSeluMapParams(params);
    if (results_.error.empty()) results_.error = ValidateSeluMoments(start);
    if (results_.error.empty() && (state.map_steps < 1 || state.map_steps > kMaxPanelMapSteps)) {
        results_.error = "steps must be 1 to " + std::to_string(kMaxPanelMapSteps);
    }
    if (!results_.error.empty()) return results_;
    results_.trajectory = SeluMapTrajectory(params, start, static_cast<std::size_t>(state.map_steps));
    results_.fixed_point = SeluFixedPoint(params);
    if (results_.fixed_point)
        results_.jacobian_norm = SpectralNorm(SeluMapJacobian(params, *results_.fixed_point));
    return results_;
}

BornDeadConfig BornDeadConfigFor(const BornDeadPanelState& state) {
    BornDeadConfig config;
    config.width = static_cast<std::size_t>(std::max(state.width, 0));
    config.depth = static_cast<std::size_t>(std::max(state.depth, 0));
    config.trials = static_cast<std::size_t>(std::max(state.trials, 0));
    config.bias = state.bias;
    config.domain = state.domain;
    config.seed = static_cast<std::uint64_t>(std::max(state.seed, 0));
    return config;
}

std::string ValidateBornDeadPanel(const BornDeadPanelState& state) {
    if (state.width < 1 || state.width > kMaxPanelBornDeadWidth)
        return "width must be 1 to " + std::to_string(kMaxPanelBornDeadWidth);
    if (state.depth < 1 || state.depth > kMaxPanelBornDeadDepth)
        return "depth must be 1 to " + std::to_string(kMaxPanelBornDeadDepth);
    if (state.trials < 1 || state.trials > kMaxPanelBornDeadTrials) {
        return "trials must be 1 to " + std::to_string(kMaxPanelBornDeadTrials);
    }
    const BornDeadConfig config = BornDeadConfigFor(state);
    const double inputs =
        config.domain == BornDeadDomain::Grid ? static_cast<double>(kBornDeadGridPoints) : 1.0;
    const double work = static_cast<double>(config.trials) * static_cast<double>(config.depth) *
                        static_cast<double>(config.width * config.width) * inputs;
    if (work > kMaxPanelBornDeadWork) {
        return "too much work for the window (trials × depth × width² × inputs > 10⁸): use fewer trials, or "
               "the "
               "command line";
    }
    return ValidateBornDeadConfig(config);
}

std::optional<BornDeadJob::Result> BornDeadJob::Run(const Inputs& inputs, JobControl&) {
    return SimulateBornDeadByDepth(BornDeadConfigFor(inputs));
}

} // namespace actlab::session
