// App state ↔ JSON (see state_json.h).
#include "core/state_json.h"

#include "core/training.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <sstream>
#include <string>
#include <type_traits>
#include <utility>

namespace actlab {

namespace {

using nlohmann::json;

// Reads json[key] into `out` when present and of the right type; otherwise reports it.
template <typename T>
void Read(const json& object, const char* key, T& out, const std::string& where,
          std::vector<std::string>& warnings) {
    if (!object.is_object() || !object.contains(key)) return;
    const json& value = object.at(key);
    try {
        if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
            // nlohmann converts with a plain cast: a float such as 5e90 or a negative number would
            // not fit T (undefined behaviour, or a silent wrap-around). Only whole numbers in range.
            bool fits = false;
            if (value.is_number_unsigned()) {
                fits =
                    value.get<std::uint64_t>() <= static_cast<std::uint64_t>(std::numeric_limits<T>::max());
            } else if (value.is_number_integer()) {
                const auto v = value.get<std::int64_t>();
                fits = std::cmp_greater_equal(v, std::numeric_limits<T>::min()) &&
                       std::cmp_less_equal(v, std::numeric_limits<T>::max());
            } else if (value.is_number_float()) {
                const double v = value.get<double>();
                fits = v == std::floor(v) && v >= static_cast<double>(std::numeric_limits<T>::min()) &&
                       v < std::ldexp(1.0, std::numeric_limits<T>::digits);
            }
            if (!fits) throw std::domain_error("not a whole number in range");
        }
        T parsed = value.get<T>();
        if constexpr (std::is_floating_point_v<T>) {
            if (!std::isfinite(parsed)) throw std::domain_error("not finite");
        }
        out = parsed;
    } catch (const std::exception&) {
        warnings.push_back(where + "." + key + ": ignored " + value.dump() +
                           " (wrong type, not finite or out of range)");
    }
}

void ReadView(const json& j, PlotViewRange& view, std::vector<std::string>& warnings) {
    PlotViewRange read = view;
    Read(j, "x_min", read.x_min, "view", warnings);
    Read(j, "x_max", read.x_max, "view", warnings);
    Read(j, "y_min", read.y_min, "view", warnings);
    Read(j, "y_max", read.y_max, "view", warnings);
    Read(j, "dy_min", read.dy_min, "view", warnings);
    Read(j, "dy_max", read.dy_max, "view", warnings);
    const auto sane = [](double lo, double hi) { return lo < hi && hi - lo >= 1e-9 && hi - lo <= 1e12; };
    if (sane(read.x_min, read.x_max) && sane(read.y_min, read.y_max) && sane(read.dy_min, read.dy_max)) {
        view = read;
    } else if (j.is_object() && !j.empty()) {
        warnings.emplace_back("view: ignored an empty, reversed or absurd range");
    }
}

// Your own points: [[x1, x2, class], …].
json UserPointsToJson(const std::vector<UserPoint>& points) {
    json out = json::array();
    for (const UserPoint& p : points)
        out.push_back(json::array({p.x1, p.x2, p.label}));
    return out;
}

void ReadUserPoints(const json& j, NetworkLessonState& lesson, std::vector<std::string>& warnings) {
    if (!j.contains("points")) return;
    const json& points = j.at("points");
    if (!points.is_array()) {
        warnings.emplace_back("network.points: expected an array of [x1, x2, class]; ignored");
        return;
    }
    std::vector<UserPoint> read;
    for (std::size_t i = 0; i < points.size() && read.size() < kMaxUserPoints; ++i) {
        const json& p = points[i];
        const bool ok = p.is_array() && p.size() == 3 && p[0].is_number() && p[1].is_number() &&
                        p[2].is_number_unsigned() && std::abs(p[0].get<double>()) <= kPlaneHalfWidth &&
                        std::abs(p[1].get<double>()) <= kPlaneHalfWidth &&
                        p[2].get<std::size_t>() < kMaxClasses;
        if (!ok) {
            warnings.push_back(
                "network.points[" + std::to_string(i) +
                "]: expected [x1, x2, class] with x1, x2 in [\u22126, 6] and a class 0 \u2026 7; skipped");
            continue;
        }
        read.push_back({p[0].get<double>(), p[1].get<double>(), p[2].get<std::size_t>()});
    }
    if (points.size() > kMaxUserPoints)
        warnings.push_back("network.points: only the first " + std::to_string(kMaxUserPoints) + " are read");
    lesson.points = std::move(read);
}

json NetworkLessonToJson(const NetworkLessonState& lesson) {
    json layers = json::array();
    for (std::size_t l = 0; l < lesson.hidden.size(); ++l) {
        const Activation& activation = l < lesson.activations.size() ? lesson.activations[l] : Activation{};
        json params = json::object();
        const auto specs = activation.info().params;
        for (std::size_t i = 0; i < specs.size(); ++i)
            params[std::string(specs[i].name)] = activation.params[i];
        layers.push_back(
            {{"neurons", lesson.hidden[l]}, {"activation", activation.info().name}, {"params", params}});
    }
    return {{"layers", layers},
            {"output", lesson.softmax ? std::string_view("softmax") : Info(lesson.output).name},
            {"dataset", DatasetName(lesson.dataset)},
            {"samples", lesson.samples},
            {"noise", lesson.noise},
            {"train_fraction", lesson.train_fraction},
            {"seed", lesson.seed},
            {"learning_rate", lesson.learning_rate},
            {"batch_size", lesson.batch_size},
            {"optimizer", OptimizerName(lesson.optimizer)},
            {"momentum", lesson.momentum},
            {"beta1", lesson.beta1},
            {"beta2", lesson.beta2},
            {"eps", lesson.eps},
            {"init", InitSchemeName(lesson.init)},
            {"init_std", lesson.init_std},
            {"bias_init", lesson.bias_init},
            {"steps_per_frame", lesson.steps_per_frame},
            {"linear_regions", lesson.linear_regions},
            {"points", UserPointsToJson(lesson.points)},
            {"point_class", lesson.point_class},
            {"playing", lesson.playing},
            {"selection",
             {{"valid", lesson.selection.valid},
              {"layer", lesson.selection.layer},
              {"neuron", lesson.selection.neuron},
              {"input", lesson.selection.input},
              {"sample", lesson.selection.sample}}}};
}

// Every value is checked against the same limits the panel's controls keep; a bad one is named and
// skipped, the rest of the lesson is still read.
void ReadNetworkLesson(const json& j, NetworkLessonState& lesson, std::vector<std::string>& warnings) {
    if (!j.is_object()) {
        warnings.emplace_back("network: not an object; ignored");
        return;
    }
    if (j.contains("layers")) {
        const json& layers = j.at("layers");
        std::vector<std::size_t> hidden;
        std::vector<Activation> activations;
        bool ok = layers.is_array();
        const std::size_t kept = ok ? std::min<std::size_t>(layers.size(), kMaxHiddenLayers) : 0;
        if (ok && kept < layers.size()) {
            warnings.push_back("network.layers: " + std::to_string(layers.size()) +
                               " layers; clamped to the first " + std::to_string(kMaxHiddenLayers));
        }
        for (std::size_t l = 0; ok && l < kept; ++l) {
            const json& layer = layers[l];
            const std::string where = "network.layers[" + std::to_string(l) + "]";
            std::size_t neurons = 0;
            std::string name;
            Read(layer, "neurons", neurons, where, warnings);
            Read(layer, "activation", name, where, warnings);
            const auto id = FindActivation(name);
            if (neurons < 1 || neurons > kMaxLayerWidth || !id) {
                warnings.push_back(where + ": needs 1–" + std::to_string(kMaxLayerWidth) +
                                   " neurons and a known activation");
                ok = false;
                break;
            }
            Activation activation = Activation::WithDefaults(*id);
            if (layer.contains("params") && layer.at("params").is_object()) {
                for (const auto& [param, value] : layer.at("params").items()) {
                    const std::string error = value.is_number()
                                                  ? SetParam(activation, param, value.get<double>())
                                                  : param + " is not a number";
                    if (!error.empty()) warnings.push_back(where + ": " + error);
                }
            }
            hidden.push_back(neurons);
            activations.push_back(activation);
        }
        if (ok) {
            lesson.hidden = hidden;
            lesson.activations = activations;
        } else if (!layers.is_array()) {
            warnings.push_back("network.layers: expected an array of up to " +
                               std::to_string(kMaxHiddenLayers) + " layers; ignored");
        }
    }
    std::string output(lesson.softmax ? std::string_view("softmax") : Info(lesson.output).name);
    Read(j, "output", output, "network", warnings);
    if (output == "softmax") {
        lesson.softmax = true;
    } else if (const auto id = FindActivation(output); id && IsOutputActivation(*id)) {
        lesson.output = *id;
        lesson.softmax = false;
    } else {
        warnings.push_back("network.output: \"" + output + "\" is not tanh, sigmoid, linear or softmax");
    }
    std::string optimizer(OptimizerName(lesson.optimizer));
    Read(j, "optimizer", optimizer, "network", warnings);
    if (const auto parsed = ParseOptimizer(optimizer)) {
        lesson.optimizer = *parsed;
    } else {
        warnings.push_back("network.optimizer: unknown \"" + optimizer + "\" (sgd, momentum, adam)");
    }
    std::string dataset(DatasetName(lesson.dataset));
    Read(j, "dataset", dataset, "network", warnings);
    if (const auto kind = ParseDatasetKind(dataset)) {
        lesson.dataset = *kind;
    } else {
        warnings.push_back("network.dataset: unknown \"" + dataset + "\" (" + KnownDatasetNames() + ")");
    }
    std::string init(InitSchemeName(lesson.init));
    Read(j, "init", init, "network", warnings);
    if (const auto scheme = ParseInitScheme(init)) {
        lesson.init = *scheme;
    } else {
        warnings.push_back("network.init: unknown \"" + init + "\"");
    }
    // Numbers: read into a copy; one outside the controls' range is clamped into it, with a warning.
    const auto ranged = [&](const char* key, auto& field, double lo, double hi) {
        using Field = std::remove_reference_t<decltype(field)>;
        // Read as a double, so that −4 for a count is below the range rather than wrapped around.
        double read = static_cast<double>(field);
        Read(j, key, read, "network", warnings);
        if (read >= lo && read <= hi) {
            field = static_cast<Field>(read);
        } else {
            field = static_cast<Field>(read < lo ? lo : hi);
            std::ostringstream clamped;
            clamped << "network." << key << ": out of range; clamped to " << static_cast<double>(field);
            warnings.push_back(clamped.str());
        }
    };
    ranged("samples", lesson.samples, 10, static_cast<double>(kMaxDatasetSamples));
    ranged("noise", lesson.noise, 0.0, kMaxDatasetNoise);
    ranged("train_fraction", lesson.train_fraction, 0.1, 0.9);
    ranged("learning_rate", lesson.learning_rate, 1e-5, kMaxLearningRate);
    ranged("batch_size", lesson.batch_size, 1, static_cast<double>(kMaxBatchSize));
    ranged("momentum", lesson.momentum, 0.0, kMaxLessonMomentum);
    ranged("beta1", lesson.beta1, 0.0, kMaxLessonMomentum);
    ranged("beta2", lesson.beta2, 0.0, kMaxLessonMomentum);
    ranged("eps", lesson.eps, 1e-12, 1.0);
    ranged("init_std", lesson.init_std, 1e-4, 10.0);
    ranged("bias_init", lesson.bias_init, -100.0, 100.0);
    ranged("steps_per_frame", lesson.steps_per_frame, 1, 100000);
    Read(j, "seed", lesson.seed, "network", warnings);
    Read(j, "playing", lesson.playing, "network", warnings);
    Read(j, "linear_regions", lesson.linear_regions, "network", warnings);
    ReadUserPoints(j, lesson, warnings);
    ranged("point_class", lesson.point_class, 0, static_cast<double>(kMaxClasses - 1));
    if (j.contains("selection")) {
        // The chain-rule panel checks the indices against the network it is shown with.
        const json& selection = j.at("selection");
        Read(selection, "valid", lesson.selection.valid, "network.selection", warnings);
        Read(selection, "layer", lesson.selection.layer, "network.selection", warnings);
        Read(selection, "neuron", lesson.selection.neuron, "network.selection", warnings);
        Read(selection, "input", lesson.selection.input, "network.selection", warnings);
        Read(selection, "sample", lesson.selection.sample, "network.selection", warnings);
    }
}

// An enum stored by the spelling of its name table.
template <typename Enum, std::size_t N>
void ReadEnum(const json& object, const char* key, Enum& out, const EnumName<Enum> (&names)[N],
              const std::string& where, std::vector<std::string>& warnings) {
    std::string name(NameIn(names, out));
    Read(object, key, name, where, warnings);
    if (const std::optional<Enum> value = ParseIn(names, name)) {
        out = *value;
        return;
    }
    warnings.push_back(where + "." + key + ": unknown \"" + name + "\"");
}

// An integer read and kept only inside [lo, hi]; outside is reported and the old value kept.
void ReadInt(const json& object, const char* key, int& out, int lo, int hi, const std::string& where,
             std::vector<std::string>& warnings) {
    int value = out;
    Read(object, key, value, where, warnings);
    if (value < lo || value > hi) {
        warnings.push_back(where + "." + key + ": ignored " + std::to_string(value) + " (" +
                           std::to_string(lo) + " to " + std::to_string(hi) + ")");
        return;
    }
    out = value;
}

json SoftmaxToJson(const SoftmaxPanelState& softmax) {
    return {{"class_names", softmax.class_names},
            {"logits", softmax.logits},
            {"temperature", softmax.temperature}};
}

// The classes are taken only as a whole: equal numbers of names and finite logits, 1 to
// kMaxSoftmaxPanelClasses of them; the temperature only when finite and > 0.
void ReadSoftmax(const json& j, SoftmaxPanelState& softmax, std::vector<std::string>& warnings) {
    if (j.contains("class_names") || j.contains("logits")) {
        SoftmaxPanelState read = softmax;
        Read(j, "class_names", read.class_names, "softmax", warnings);
        Read(j, "logits", read.logits, "softmax", warnings);
        const bool finite =
            std::all_of(read.logits.begin(), read.logits.end(), [](double z) { return std::isfinite(z); });
        if (read.class_names.size() == read.logits.size() && !read.logits.empty() &&
            read.logits.size() <= kMaxSoftmaxPanelClasses && finite) {
            softmax.class_names = read.class_names;
            softmax.logits = read.logits;
        } else {
            warnings.push_back("softmax: ignored the classes (names and finite logits must pair up, 1 to " +
                               std::to_string(kMaxSoftmaxPanelClasses) + " of them)");
        }
    }
    double temperature = softmax.temperature;
    Read(j, "temperature", temperature, "softmax", warnings);
    if (temperature > 0.0) {
        softmax.temperature = temperature;
    } else {
        warnings.push_back("softmax.temperature: ignored " + json(temperature).dump() + " (must be > 0)");
    }
}

json PropagationToJson(const PropagationPanelState& p) {
    const ActivationInfo& info = Info(p.activation);
    json params = json::object();
    for (std::size_t i = 0; i < info.params.size(); ++i)
        params[std::string(info.params[i].name)] = p.params[i];
    return {{"activation", info.name}, {"params", params},        {"init", NameIn(kSignalInitNames, p.init)},
            {"init_std", p.init_std},  {"depth", p.depth},        {"width", p.width},
            {"samples", p.samples},    {"seed", p.seed},          {"map_mean", p.map_mean},
            {"map_var", p.map_var},    {"map_steps", p.map_steps}};
}

void ReadPropagation(const json& j, PropagationPanelState& p, std::vector<std::string>& warnings) {
    std::string name(Info(p.activation).name);
    Read(j, "activation", name, "propagation", warnings);
    if (const auto id = FindActivation(name)) {
        if (*id != p.activation) p.params = Activation::WithDefaults(*id).params;
        p.activation = *id;
    } else {
        warnings.push_back("propagation.activation: unknown function \"" + name + "\"");
    }
    if (j.contains("params") && j.at("params").is_object()) {
        Activation activation{p.activation, p.params};
        for (const auto& [param, value] : j.at("params").items()) {
            const std::string error = value.is_number() ? SetParam(activation, param, value.get<double>())
                                                        : param + " is not a number";
            if (!error.empty()) warnings.push_back("propagation.params: " + error);
        }
        p.params = activation.params;
    }
    ReadEnum(j, "init", p.init, kSignalInitNames, "propagation", warnings);
    double init_std = p.init_std;
    Read(j, "init_std", init_std, "propagation", warnings);
    if (init_std >= 0.0 && init_std <= 100.0) {
        p.init_std = init_std;
    } else {
        warnings.emplace_back("propagation.init_std: ignored (0 to 100)");
    }
    ReadInt(j, "depth", p.depth, 1, kMaxPanelDepth, "propagation", warnings);
    ReadInt(j, "width", p.width, 1, kMaxPanelWidth, "propagation", warnings);
    ReadInt(j, "samples", p.samples, 1, kMaxPanelSamples, "propagation", warnings);
    ReadInt(j, "seed", p.seed, 0, std::numeric_limits<int>::max(), "propagation", warnings);
    double mean = p.map_mean, var = p.map_var;
    Read(j, "map_mean", mean, "propagation", warnings);
    Read(j, "map_var", var, "propagation", warnings);
    if (std::abs(mean) <= 1e3 && var > 0.0 && var <= 1e3) {
        p.map_mean = mean;
        p.map_var = var;
    } else {
        warnings.emplace_back("propagation.map_mean/map_var: ignored (|μ| ≤ 1000, 0 < ν ≤ 1000)");
    }
    ReadInt(j, "map_steps", p.map_steps, 1, kMaxPanelMapSteps, "propagation", warnings);
}

json BornDeadToJson(const BornDeadPanelState& b) {
    return {{"width", b.width},
            {"depth", b.depth},
            {"trials", b.trials},
            {"bias", NameIn(kBornDeadBiasNames, b.bias)},
            {"domain", NameIn(kBornDeadDomainNames, b.domain)},
            {"seed", b.seed}};
}

void ReadBornDead(const json& j, BornDeadPanelState& b, std::vector<std::string>& warnings) {
    ReadInt(j, "width", b.width, 1, kMaxPanelBornDeadWidth, "born_dead", warnings);
    ReadInt(j, "depth", b.depth, 1, kMaxPanelBornDeadDepth, "born_dead", warnings);
    ReadInt(j, "trials", b.trials, 1, kMaxPanelBornDeadTrials, "born_dead", warnings);
    ReadEnum(j, "bias", b.bias, kBornDeadBiasNames, "born_dead", warnings);
    ReadEnum(j, "domain", b.domain, kBornDeadDomainNames, "born_dead", warnings);
    ReadInt(j, "seed", b.seed, 0, std::numeric_limits<int>::max(), "born_dead", warnings);
}

json GatedToJson(const GatedLessonState& g) {
    json params = json::object();
    const GatedFunction function = g.Function();
    for (std::size_t i = 0; i < function.param_specs().size(); ++i)
        params[std::string(function.param_specs()[i].name)] = g.params[i];
    return {{"function", Info(g.function).name},
            {"params", params},
            {"view", {{"a_min", g.a_min}, {"a_max", g.a_max}, {"b_min", g.b_min}, {"b_max", g.b_max}}},
            {"slice_b", g.slice_b},
            {"show_slice", g.show_slice}};
}

// Every number is checked: parameters in their domain, a finite view with lo < hi, |slice b| ≤ 1e6.
void ReadGated(const json& j, GatedLessonState& g, std::vector<std::string>& warnings) {
    std::string name(Info(g.function).name);
    Read(j, "function", name, "gated", warnings);
    if (const auto id = FindGated(name)) {
        if (*id != g.function) g.params = GatedFunction::WithDefaults(*id).params;
        g.function = *id;
    } else {
        warnings.push_back("gated.function: unknown \"" + name + "\"");
    }
    if (j.contains("params") && j.at("params").is_object()) {
        GatedFunction function = g.Function();
        for (const auto& [param, value] : j.at("params").items()) {
            const std::string error =
                value.is_number() ? SetParam(function, param, value.get<double>()) : "not a number";
            if (!error.empty()) warnings.push_back("gated.params." + param + ": " + error);
        }
        g.params = function.params;
    }
    if (j.contains("view") && j.at("view").is_object()) {
        double a_min = g.a_min, a_max = g.a_max, b_min = g.b_min, b_max = g.b_max;
        const json& v = j.at("view");
        Read(v, "a_min", a_min, "gated.view", warnings);
        Read(v, "a_max", a_max, "gated.view", warnings);
        Read(v, "b_min", b_min, "gated.view", warnings);
        Read(v, "b_max", b_max, "gated.view", warnings);
        const auto fine = [](double lo, double hi) {
            return std::isfinite(lo) && std::isfinite(hi) && lo < hi && std::fabs(lo) <= 1e6 &&
                   std::fabs(hi) <= 1e6;
        };
        if (fine(a_min, a_max) && fine(b_min, b_max)) {
            g.a_min = a_min;
            g.a_max = a_max;
            g.b_min = b_min;
            g.b_max = b_max;
        } else {
            warnings.emplace_back("gated.view: ignored (finite, min < max, within ±1e6)");
        }
    }
    double slice = g.slice_b;
    Read(j, "slice_b", slice, "gated", warnings);
    if (std::isfinite(slice) && std::fabs(slice) <= 1e6) {
        g.slice_b = slice;
    } else {
        warnings.emplace_back("gated.slice_b: ignored (finite, within ±1e6)");
    }
    Read(j, "show_slice", g.show_slice, "gated", warnings);
}

} // namespace

std::string_view ThemeName(Theme theme) {
    return NameIn(kThemeNames, theme);
}

std::optional<Theme> ParseTheme(std::string_view name) {
    return ParseIn(kThemeNames, name);
}

std::optional<Theme> ParseWindowTheme(std::string_view name) {
    const auto theme = ParseTheme(name);
    if (theme == Theme::Transparent) return std::nullopt;
    return theme;
}

json AppStateToJson(const AppState& state) {
    const FunctionPlotState& plots = state.plots;
    json selected = json::array();
    for (ActivationId id : plots.selected)
        selected.push_back(Info(id).name);
    json params = json::object();
    for (const ActivationInfo& info : Catalogue()) {
        json values = json::object();
        for (std::size_t i = 0; i < info.params.size(); ++i) {
            values[std::string(info.params[i].name)] = plots.params[static_cast<std::size_t>(info.id)][i];
        }
        if (!values.empty()) params[std::string(info.name)] = values;
    }
    json probes = json::array();
    for (const Probe& p : plots.probes) {
        probes.push_back({{"function", Info(p.function).name}, {"x", p.x}, {"derivative", p.on_derivative}});
    }
    return {
        {"display",
         {{"theme", ThemeName(state.display.theme)},
          {"ui_scale", state.display.ui_scale},
          {"hide_controls", state.display.hide_controls},
          {"fullscreen", state.display.fullscreen}}},
        {"plots",
         {{"selected", selected},
          {"params", params},
          {"kink_convention", KinkConventionName(plots.convention)},
          {"layout", NameIn(kPlotLayoutNames, plots.layout)},
          {"show_derivative", plots.show_derivative},
          {"equal_aspect", plots.equal_aspect},
          {"view",
           {{"x_min", plots.view.x_min},
            {"x_max", plots.view.x_max},
            {"y_min", plots.view.y_min},
            {"y_max", plots.view.y_max},
            {"dy_min", plots.view.dy_min},
            {"dy_max", plots.view.dy_max}}},
          {"overlays",
           {{"asymptotes", plots.overlays.asymptotes},
            {"dead_zone", plots.overlays.dead_zone},
            {"derivative_maximum", plots.overlays.derivative_maximum},
            {"legend", plots.overlays.legend}}},
          {"probes", probes}}},
        {"panels",
         {{"sidebar", state.panels.sidebar},
          {"parameters", state.panels.parameters},
          {"properties", state.panels.properties},
          {"network", state.panels.network},
          {"chain_rule", state.panels.chain_rule},
          {"softmax", state.panels.softmax},
          {"propagation", state.panels.propagation},
          {"born_dead", state.panels.born_dead},
          {"gated", state.panels.gated}}},
        {"network", NetworkLessonToJson(state.network)},
        {"workspace", {{"view", WorkspaceViewName(state.workspace.view)}, {"focus", state.workspace.focus}}},
        {"softmax", SoftmaxToJson(state.softmax)},
        {"propagation", PropagationToJson(state.propagation)},
        {"born_dead", BornDeadToJson(state.born_dead)},
        {"gated", GatedToJson(state.gated)},
    };
}

namespace {

// The view and the lesson's focus regions. Files written before views existed name the view only by
// its open panel window ("panels": {"network": true}); those still open on that view. The panel
// flags are kept as read: the window brings them in step with the view (ShowView).
void ReadWorkspace(const json& root, AppState& state, std::vector<std::string>& warnings) {
    WorkspaceView view = ViewFromPanels(state.panels);
    if (root.contains("workspace") && root.at("workspace").is_object()) {
        const json& w = root.at("workspace");
        std::string name(WorkspaceViewName(view));
        Read(w, "view", name, "workspace", warnings);
        if (const auto parsed = ParseWorkspaceView(name)) {
            view = *parsed;
        } else {
            warnings.push_back("workspace.view: unknown view \"" + name + "\"");
        }
        if (w.contains("focus") && w.at("focus").is_array()) {
            state.workspace.focus.clear();
            for (const json& id : w.at("focus")) {
                if (id.is_string() && FindRegion(id.get<std::string>())) {
                    state.workspace.focus.push_back(id.get<std::string>());
                } else {
                    warnings.push_back("workspace.focus: unknown region " + id.dump());
                }
            }
        } else if (w.contains("focus")) {
            warnings.emplace_back("workspace.focus: expected a list of region ids; ignored");
        }
    } else if (root.contains("workspace")) {
        warnings.emplace_back("workspace: expected an object; ignored");
    }
    state.workspace.view = view;
    // A file that names its view but no panels (a hand-written lesson) opens that view: the panel
    // flags follow it. Files with both keep both as written.
    if (!root.contains("panels")) ShowView(state, view);
}

} // namespace

void AppStateFromJson(const json& root, AppState& state, std::vector<std::string>& warnings) {
    if (!root.is_object()) {
        warnings.emplace_back("the top level is not a JSON object; nothing was read");
        return;
    }
    if (root.contains("display")) {
        const json& d = root.at("display");
        std::string theme_name(ThemeName(state.display.theme));
        Read(d, "theme", theme_name, "display", warnings);
        if (auto theme = ParseWindowTheme(theme_name)) {
            state.display.theme = *theme;
        } else {
            warnings.push_back("display.theme: unknown theme \"" + theme_name +
                               "\" (dark, light or projector)");
        }
        float scale = state.display.ui_scale;
        Read(d, "ui_scale", scale, "display", warnings);
        if (scale < 1.0f || scale > 3.0f) warnings.emplace_back("display.ui_scale: clamped to 1–3");
        state.display.ui_scale = std::clamp(scale, 1.0f, 3.0f);
        Read(d, "hide_controls", state.display.hide_controls, "display", warnings);
        Read(d, "fullscreen", state.display.fullscreen, "display", warnings);
    }
    if (root.contains("plots")) {
        const json& p = root.at("plots");
        FunctionPlotState& plots = state.plots;
        if (p.contains("selected") && p.at("selected").is_array()) {
            std::vector<ActivationId> selected;
            for (const json& name : p.at("selected")) {
                const auto id = name.is_string() ? FindActivation(name.get<std::string>()) : std::nullopt;
                if (!id) {
                    warnings.push_back("plots.selected: unknown function " + name.dump());
                } else if (std::find(selected.begin(), selected.end(), *id) == selected.end()) {
                    selected.push_back(*id);
                }
            }
            if (!selected.empty()) plots.selected = selected;
        } else if (p.contains("selected")) {
            warnings.emplace_back("plots.selected: expected a list of function names; ignored");
        }
        if (p.contains("params") && p.at("params").is_object()) {
            for (const auto& [name, values] : p.at("params").items()) {
                const auto id = FindActivation(name);
                if (!id || !values.is_object()) {
                    warnings.push_back("plots.params: ignored \"" + name + "\"");
                    continue;
                }
                Activation activation{*id, plots.params[static_cast<std::size_t>(*id)]};
                for (const auto& [param, value] : values.items()) {
                    const std::string error = value.is_number()
                                                  ? SetParam(activation, param, value.get<double>())
                                                  : name + ": " + param + " is not a number";
                    if (!error.empty()) warnings.push_back("plots.params: " + error);
                }
                plots.params[static_cast<std::size_t>(*id)] = activation.params;
            }
        }
        std::string convention(KinkConventionName(plots.convention));
        Read(p, "kink_convention", convention, "plots", warnings);
        if (auto c = ParseKinkConvention(convention)) {
            plots.convention = *c;
        } else {
            warnings.push_back("plots.kink_convention: unknown \"" + convention + "\"");
        }
        ReadEnum(p, "layout", plots.layout, kPlotLayoutNames, "plots", warnings);
        Read(p, "show_derivative", plots.show_derivative, "plots", warnings);
        Read(p, "equal_aspect", plots.equal_aspect, "plots", warnings);
        if (p.contains("view")) ReadView(p.at("view"), plots.view, warnings);
        if (p.contains("overlays")) {
            const json& o = p.at("overlays");
            Read(o, "asymptotes", plots.overlays.asymptotes, "overlays", warnings);
            Read(o, "dead_zone", plots.overlays.dead_zone, "overlays", warnings);
            Read(o, "derivative_maximum", plots.overlays.derivative_maximum, "overlays", warnings);
            Read(o, "legend", plots.overlays.legend, "overlays", warnings);
        }
        if (p.contains("probes") && p.at("probes").is_array()) {
            plots.probes.clear();
            for (const json& probe : p.at("probes")) {
                Probe read;
                std::string function;
                Read(probe, "function", function, "probes", warnings);
                Read(probe, "x", read.x, "probes", warnings);
                Read(probe, "derivative", read.on_derivative, "probes", warnings);
                const auto id = FindActivation(function);
                if (!id) {
                    warnings.push_back("probes: unknown function \"" + function + "\"");
                    continue;
                }
                read.function = *id;
                plots.probes.push_back(read);
            }
        }
    }
    if (root.contains("panels")) {
        const json& panels = root.at("panels");
        Read(panels, "sidebar", state.panels.sidebar, "panels", warnings);
        Read(panels, "parameters", state.panels.parameters, "panels", warnings);
        Read(panels, "properties", state.panels.properties, "panels", warnings);
        Read(panels, "network", state.panels.network, "panels", warnings);
        Read(panels, "chain_rule", state.panels.chain_rule, "panels", warnings);
        Read(panels, "softmax", state.panels.softmax, "panels", warnings);
        Read(panels, "propagation", state.panels.propagation, "panels", warnings);
        Read(panels, "born_dead", state.panels.born_dead, "panels", warnings);
        Read(panels, "gated", state.panels.gated, "panels", warnings);
    }
    ReadWorkspace(root, state, warnings);
    if (root.contains("network")) ReadNetworkLesson(root.at("network"), state.network, warnings);
    if (root.contains("softmax")) ReadSoftmax(root.at("softmax"), state.softmax, warnings);
    if (root.contains("propagation")) ReadPropagation(root.at("propagation"), state.propagation, warnings);
    if (root.contains("born_dead")) ReadBornDead(root.at("born_dead"), state.born_dead, warnings);
    if (root.contains("gated")) ReadGated(root.at("gated"), state.gated, warnings);
}

} // namespace actlab
