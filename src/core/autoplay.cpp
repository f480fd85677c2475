// Slider auto-play applied to the app state (see autoplay.h).
#include "core/autoplay.h"

#include "core/gated.h"
#include "core/softmax.h"
#include "core/training.h"
#include "core/view_fit.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <type_traits>
#include <vector>

namespace actlab {

namespace {

constexpr std::string_view kLearningRate = "network.learning_rate";
constexpr std::string_view kBiasInit = "network.bias_init";
constexpr std::string_view kTemperature = "softmax.temperature";
constexpr std::string_view kGatedPrefix = "gated."; // "gated.beta": the gated view's function's parameter

// The lesson settings' domains, as a scene file accepts them (state_json.cpp).
constexpr SweepDomain kLearningRateDomain{1e-5, kMaxLearningRate, false};
constexpr SweepDomain kBiasInitDomain{-100.0, 100.0, false};
constexpr SweepDomain kTemperatureDomain{kMinSoftmaxTemperature, std::numeric_limits<double>::max(), false};

// "leaky_relu.slope" → the function and the index of its parameter; false with `error` otherwise.
bool FindFunctionParam(std::string_view param, ActivationId& id, std::size_t& index, std::string& error) {
    const std::size_t dot = param.find('.');
    if (dot == std::string_view::npos) {
        // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on "…" + std::string.
        error.assign(1, '"');
        error += param;
        error += "\" is not FN.NAME, network.learning_rate, network.bias_init or ";
        error += kTemperature;
        return false;
    }
    const std::string_view function = param.substr(0, dot);
    const std::string_view name = param.substr(dot + 1);
    const auto found = FindActivation(function);
    if (!found) {
        error = "unknown function \"";
        error += function;
        error += "\" in \"";
        error += param;
        error += '"';
        return false;
    }
    const auto specs = Info(*found).params;
    const auto spec =
        std::find_if(specs.begin(), specs.end(), [&](const ParamSpec& s) { return s.name == name; });
    if (spec == specs.end()) {
        error = function;
        error += " has no parameter \"";
        error += name;
        error += '"';
        if (!specs.empty()) {
            error += " (it has";
            for (const ParamSpec& s : specs) {
                error += ' ';
                error += s.name;
            }
            error += ")";
        }
        return false;
    }
    id = *found;
    index = static_cast<std::size_t>(spec - specs.begin());
    return true;
}

// The state's double that `param` names (const for a const state), or nullptr with `error`.
template <typename State>
std::conditional_t<std::is_const_v<State>, const double*, double*>
Target(State& state, std::string_view param, SweepDomain& domain, std::string& error) {
    if (param == kLearningRate) {
        domain = kLearningRateDomain;
        return &state.network.learning_rate;
    }
    if (param == kBiasInit) {
        domain = kBiasInitDomain;
        return &state.network.bias_init;
    }
    if (param == kTemperature) {
        domain = kTemperatureDomain;
        return &state.softmax.temperature;
    }
    if (param.substr(0, kGatedPrefix.size()) == kGatedPrefix) {
        const std::string_view name = param.substr(kGatedPrefix.size());
        const GatedFunction function = state.gated.Function();
        const auto specs = function.param_specs();
        const auto spec =
            std::find_if(specs.begin(), specs.end(), [&](const ParamSpec& s) { return s.name == name; });
        if (spec == specs.end()) {
            error = function.info().name;
            error += " (the gated view's function) has no parameter \"";
            error += name;
            error += '"';
            return nullptr;
        }
        domain = {spec->domain_min, spec->domain_max, spec->min_exclusive};
        return &state.gated.params[static_cast<std::size_t>(spec - specs.begin())];
    }
    ActivationId id{};
    std::size_t index = 0;
    if (!FindFunctionParam(param, id, index, error)) return nullptr;
    const ParamSpec& spec = Info(id).params[index];
    domain = {spec.domain_min, spec.domain_max, spec.min_exclusive};
    return &state.plots.params[static_cast<std::size_t>(id)][index];
}

} // namespace

std::optional<SweepDomain> FindSweepDomain(std::string_view param, std::string& error) {
    const AppState scratch; // only whether the name resolves is wanted, and its domain
    SweepDomain domain;
    if (!Target(scratch, param, domain, error)) return std::nullopt;
    return domain;
}

double ClampToDomain(const SweepDomain& domain, double value) {
    const double lowest = domain.min_exclusive
                              ? std::nextafter(domain.min, std::numeric_limits<double>::infinity())
                              : domain.min;
    if (std::isnan(value)) return lowest;
    return std::clamp(value, lowest, domain.max);
}

std::optional<double> SweepParamValue(const AppState& state, std::string_view param) {
    std::string error;
    SweepDomain domain;
    const double* value = Target(state, param, domain, error);
    if (!value) return std::nullopt;
    return *value;
}

std::string SetSweepParam(AppState& state, std::string_view param, double value) {
    std::string error;
    SweepDomain domain;
    double* target = Target(state, param, domain, error);
    if (!target) return error;
    const double clamped = ClampToDomain(domain, value);
    // Another parameter forbids this value (HardTanh's min above its max): the value holds.
    const double before = *target;
    *target = clamped;
    bool allowed = true;
    ActivationId id{};
    std::size_t index = 0;
    if (param.substr(0, kGatedPrefix.size()) == kGatedPrefix) {
        allowed = ValidateParams(state.gated.Function()).empty();
    } else if (FindFunctionParam(param, id, index, error)) {
        allowed = ValidateParams(state.ActivationOf(id)).empty();
    }
    if (!allowed) *target = before;
    return "";
}

void FitViewToSweep(AppState& state, const ParamSweep& sweep) {
    // The function's name before the dot; a wrong parameter name shows when the sweep sets it.
    const std::string_view param = sweep.param;
    const auto id = FindActivation(param.substr(0, param.find('.')));
    const std::vector<ActivationId>& shown = state.plots.selected;
    if (!id || param.find('.') == std::string_view::npos ||
        std::find(shown.begin(), shown.end(), *id) == shown.end())
        return;
    if (!std::isfinite(sweep.from) || !std::isfinite(sweep.to)) return;
    // The extremes of a curve need not come at the sweep's ends (a parameter can move a bump through
    // the range), so the sweep is sampled at evenly spaced values, ends included.
    constexpr int kSteps = 16;
    PlotViewRange& view = state.plots.view;
    AppState swept = state;
    for (int step = 0; step <= kSteps; ++step) {
        const double value = sweep.from + (sweep.to - sweep.from) * step / kSteps;
        if (!SetSweepParam(swept, sweep.param, value).empty()) return;
        std::vector<Activation> functions;
        functions.reserve(shown.size());
        for (const ActivationId shown_id : shown)
            functions.push_back(swept.ActivationOf(shown_id));
        PlotViewRange fitted = view;
        FitYRanges(functions, state.plots.convention, fitted);
        view.y_min = std::min(view.y_min, fitted.y_min);
        view.y_max = std::max(view.y_max, fitted.y_max);
        view.dy_min = std::min(view.dy_min, fitted.dy_min);
        view.dy_max = std::max(view.dy_max, fitted.dy_max);
    }
}

void StartAutoplay(AppState& state, const ParamSweep& sweep) {
    state.autoplay.sweep = sweep;
    state.autoplay.elapsed = 0.0;
    state.autoplay.playing = true;
}

std::string AdvanceAutoplay(AppState& state, double dt) {
    AutoplayState& autoplay = state.autoplay;
    if (!autoplay.playing) return "";
    const ParamSweep& sweep = autoplay.sweep;
    std::string error;
    if (!(sweep.seconds > 0.0) || !std::isfinite(sweep.seconds)) {
        error = "the sweep of " + sweep.param + " needs seconds > 0";
    } else if (!std::isfinite(sweep.from) || !std::isfinite(sweep.to)) {
        error = "the sweep of " + sweep.param + " needs finite from and to";
    }
    if (error.empty()) {
        if (std::isfinite(dt) && dt > 0.0) autoplay.elapsed += dt;
        error = SetSweepParam(state, sweep.param, ParamSweepValueAt(sweep, autoplay.elapsed));
    }
    if (!error.empty()) autoplay.playing = false;
    return error;
}

} // namespace actlab
