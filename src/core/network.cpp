// The mini network's structure, initialisation, forward pass, heatmaps and JSON file (see network.h).
#include "core/network.h"

#include "core/json_text.h"
#include "core/network_kernel.h"
#include "core/random.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

namespace actlab {

namespace {

bool IsFiniteParameter(double v) {
    return std::isfinite(v) && std::fabs(v) <= kMaxParameterMagnitude;
}

std::string Shape(std::size_t rows, std::size_t cols) {
    return std::to_string(rows) + "×" + std::to_string(cols);
}

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Inputs, losses, limits
//-----------------------------------------------------------------------------

std::string_view FeatureName(InputFeature feature) {
    return NameIn(kInputFeatureNames, feature);
}

std::optional<InputFeature> ParseFeature(std::string_view name) {
    return ParseIn(kInputFeatureNames, name);
}

double FeatureValue(InputFeature feature, double x1, double x2) {
    switch (feature) {
    case InputFeature::X1:
        return x1;
    case InputFeature::X2:
        return x2;
    case InputFeature::X1Squared:
        return x1 * x1;
    case InputFeature::X2Squared:
        return x2 * x2;
    case InputFeature::X1X2:
        return x1 * x2;
    case InputFeature::SinX1:
        return std::sin(x1);
    case InputFeature::SinX2:
        return std::sin(x2);
    case InputFeature::Count:
        break;
    }
    return 0.0;
}

std::string_view LossName(Loss loss) {
    return NameIn(kLossNames, loss);
}

std::optional<Loss> ParseLoss(std::string_view name) {
    return ParseIn(kLossNames, name);
}

bool IsOutputActivation(ActivationId id) {
    return id == ActivationId::Tanh || id == ActivationId::Sigmoid || id == ActivationId::Linear;
}

//-----------------------------------------------------------------------------
// [SECTION] Layers and the network
//-----------------------------------------------------------------------------

Activation Layer::NeuronActivation(std::size_t neuron) const {
    Activation a = activation;
    if (!learned.empty()) a.params[0] = learned[neuron];
    return a;
}

std::string ValidateNetwork(const Network& network) {
    if (network.inputs.empty() || network.inputs.size() > kInputFeatureCount)
        return "a network needs 1 to " + std::to_string(kInputFeatureCount) + " inputs";
    for (std::size_t i = 0; i < network.inputs.size(); ++i) {
        if (static_cast<std::size_t>(network.inputs[i]) >= kInputFeatureCount) return "unknown input feature";
        for (std::size_t k = 0; k < i; ++k)
            if (network.inputs[k] == network.inputs[i])
                return "input '" + std::string(FeatureName(network.inputs[i])) + "' appears twice";
    }
    if (network.layers.empty() || network.layers.size() > kMaxHiddenLayers + 1)
        return "a network has 0 to " + std::to_string(kMaxHiddenLayers) +
               " hidden layers and one output layer";
    std::size_t fan_in = network.inputs.size();
    for (std::size_t l = 0; l < network.layers.size(); ++l) {
        const Layer& layer = network.layers[l];
        const bool output = l + 1 == network.layers.size();
        const std::string name = output ? "the output layer" : "hidden layer " + std::to_string(l + 1);
        if (output && !network.IsSoftmax() && layer.size != 1) return name + " must have exactly 1 neuron";
        if (output && network.IsSoftmax() && (layer.size < 2 || layer.activation.id != ActivationId::Linear))
            return "a softmax output needs 2 to " + std::to_string(kMaxClasses) + " neurons";
        if (layer.size < 1 || layer.size > kMaxLayerWidth)
            return name + " must have 1 to " + std::to_string(kMaxLayerWidth) + " neurons";
        if (layer.fan_in != fan_in || layer.weights.size() != layer.size * fan_in)
            return name + ": weights must be " + Shape(layer.size, fan_in);
        if (layer.biases.size() != layer.size)
            return name + ": expected " + std::to_string(layer.size) + " biases";
        if (static_cast<std::size_t>(layer.activation.id) >= kActivationCount)
            return name + ": unknown activation";
        if (output && !IsOutputActivation(layer.activation.id))
            return "the output activation must be tanh, sigmoid or linear, not " +
                   std::string(layer.activation.info().name);
        if (std::string error = ValidateParams(layer.activation); !error.empty()) return name + ": " + error;
        const bool prelu = layer.activation.id == ActivationId::Prelu;
        if (prelu != (layer.learned.size() == layer.size) || (!prelu && !layer.learned.empty()))
            return name + ": PReLU needs one learned a per neuron";
        for (double v : layer.weights)
            if (!IsFiniteParameter(v)) return name + ": a weight is not finite or beyond ±1e6";
        for (double v : layer.biases)
            if (!IsFiniteParameter(v)) return name + ": a bias is not finite or beyond ±1e6";
        for (std::size_t j = 0; j < layer.learned.size(); ++j) {
            if (std::string error = ValidateParams(layer.NeuronActivation(j)); !error.empty())
                return name + ", neuron " + std::to_string(j + 1) + ": " + error;
        }
        fan_in = layer.size;
    }
    if (network.loss == Loss::Bce && network.Output().activation.id != ActivationId::Sigmoid)
        return "the bce loss needs a sigmoid output";
    return {};
}

//-----------------------------------------------------------------------------
// [SECTION] Construction and initialisation
//-----------------------------------------------------------------------------

std::string_view InitSchemeName(InitScheme scheme) {
    return NameIn(kInitSchemeNames, scheme);
}

std::optional<InitScheme> ParseInitScheme(std::string_view name) {
    return ParseIn(kInitSchemeNames, name);
}

std::string ValidateSpec(const NetworkSpec& spec) {
    if (spec.inputs.empty()) return "a network needs at least one input";
    for (std::size_t i = 0; i < spec.inputs.size(); ++i)
        for (std::size_t k = 0; k < i; ++k)
            if (spec.inputs[k] == spec.inputs[i])
                return "input '" + std::string(FeatureName(spec.inputs[i])) + "' appears twice";
    if (spec.hidden.size() > kMaxHiddenLayers)
        return "at most " + std::to_string(kMaxHiddenLayers) + " hidden layers, got " +
               std::to_string(spec.hidden.size());
    for (std::size_t l = 0; l < spec.hidden.size(); ++l)
        if (spec.hidden[l] < 1 || spec.hidden[l] > kMaxLayerWidth)
            return "hidden layer " + std::to_string(l + 1) + " must have 1 to " +
                   std::to_string(kMaxLayerWidth) + " neurons, got " + std::to_string(spec.hidden[l]);
    if (std::string error = ValidateParams(spec.hidden_activation); !error.empty()) return error;
    if (spec.loss == Loss::Ce) {
        if (spec.classes < 2 || spec.classes > kMaxClasses)
            return "a softmax output needs 2 to " + std::to_string(kMaxClasses) + " classes, got " +
                   std::to_string(spec.classes);
        return {};
    }
    if (!IsOutputActivation(spec.output))
        return "the output activation must be tanh, sigmoid or linear, not " +
               std::string(Info(spec.output).name);
    if (spec.loss == Loss::Bce && spec.output != ActivationId::Sigmoid)
        return "the bce loss needs a sigmoid output";
    return {};
}

Network MakeNetwork(const NetworkSpec& spec, const InitOptions& init) {
    Network network;
    network.inputs = spec.inputs;
    network.loss = spec.loss;
    std::size_t fan_in = spec.inputs.size();
    auto add_layer = [&](const Activation& activation, std::size_t size) {
        Layer layer;
        layer.activation = activation;
        layer.fan_in = fan_in;
        layer.size = size;
        layer.weights.assign(size * fan_in, 0.0);
        layer.biases.assign(size, 0.0);
        network.layers.push_back(std::move(layer));
        fan_in = size;
    };
    for (std::size_t size : spec.hidden)
        add_layer(spec.hidden_activation, size);
    if (spec.loss == Loss::Ce)
        add_layer(Activation::WithDefaults(ActivationId::Linear), spec.classes);
    else
        add_layer(Activation::WithDefaults(spec.output), 1);
    InitialiseNetwork(network, init);
    return network;
}

Network MakeChainNetwork(std::size_t depth, const Activation& hidden, ActivationId output,
                         const InitOptions& init) {
    NetworkSpec spec;
    spec.inputs = {InputFeature::X1};
    spec.hidden.assign(depth, 1);
    spec.hidden_activation = hidden;
    spec.output = output;
    return MakeNetwork(spec, init);
}

void InitialiseNetwork(Network& network, const InitOptions& init) {
    Random random(init.seed);
    for (std::size_t l = 0; l < network.layers.size(); ++l) {
        Layer& layer = network.layers[l];
        const auto fan_in = static_cast<double>(layer.fan_in);
        const auto fan_out = static_cast<double>(layer.size);
        for (double& w : layer.weights) {
            switch (init.scheme) {
            case InitScheme::He:
                w = random.Normal(0.0, std::sqrt(2.0 / fan_in));
                break;
            case InitScheme::Xavier:
                w = random.Normal(0.0, std::sqrt(2.0 / (fan_in + fan_out)));
                break;
            case InitScheme::Lecun:
                w = random.Normal(0.0, std::sqrt(1.0 / fan_in));
                break;
            case InitScheme::Uniform:
                w = random.Uniform(-0.5, 0.5);
                break;
            case InitScheme::Normal:
                w = random.Normal(0.0, init.normal_std);
                break;
            }
        }
        // The output bias starts at 0: the constant is about hidden neurons (dying ReLU lessons).
        const bool output = l + 1 == network.layers.size();
        std::fill(layer.biases.begin(), layer.biases.end(), output ? 0.0 : init.bias);
        if (layer.activation.id == ActivationId::Prelu)
            layer.learned.assign(layer.size, layer.activation.params[0]);
        else
            layer.learned.clear();
    }
}

void SetLayerActivation(Network& network, std::size_t layer_index, const Activation& activation) {
    Layer& layer = network.layers.at(layer_index);
    layer.activation = activation;
    if (activation.id == ActivationId::Prelu)
        layer.learned.assign(layer.size, activation.params[0]);
    else
        layer.learned.clear();
}

//-----------------------------------------------------------------------------
// [SECTION] Forward pass and heatmaps
//-----------------------------------------------------------------------------

double SoftmaxInPlace(double* z, std::size_t n) {
    if (n == 0) return 0.0;
    const double m = *std::max_element(z, z + n);
    double sum = 0.0;
    for (std::size_t k = 0; k < n; ++k) {
        z[k] = std::exp(z[k] - m);
        sum += z[k];
    }
    for (std::size_t k = 0; k < n; ++k)
        z[k] /= sum;
    // cppcheck-suppress invalidFunctionArg ; sum ≥ 1, as the largest logit contributes e⁰
    return m + std::log(sum);
}

double Predict(const Network& network, double x1, double x2) {
    const std::vector<double> out = PredictOutputs(network, x1, x2);
    return out.empty() ? 0.0 : out[0];
}

std::vector<double> PredictOutputs(const Network& network, double x1, double x2) {
    std::vector<double> in(network.inputs.size());
    detail::ComputeFeatures(network, x1, x2, in.data());
    std::vector<double> z, a, d;
    for (const Layer& layer : network.layers) {
        z.resize(layer.size);
        a.resize(layer.size);
        d.resize(layer.size);
        detail::AffineLayer(layer, in.data(), z.data());
        detail::ActivateLayer(layer, z.data(), a.data(), d.data());
        in = a;
    }
    if (network.IsSoftmax()) SoftmaxInPlace(in.data(), in.size());
    return in;
}

std::size_t NodeCount(const Network& network) {
    std::size_t count = network.inputs.size();
    for (const Layer& layer : network.layers)
        count += layer.size;
    return count;
}

std::size_t NodeIndex(const Network& network, int layer, std::size_t neuron) {
    if (layer < 0) return neuron;
    std::size_t index = network.inputs.size();
    for (std::size_t l = 0; l < static_cast<std::size_t>(layer); ++l)
        index += network.layers[l].size;
    return index + neuron;
}

void EvaluateGrid(const Network& network, std::size_t n, double lo, double hi, std::vector<float>& out) {
    const std::size_t cells = n * n;
    out.assign(NodeCount(network) * cells, 0.0f);
    if (n == 0) return;
    // Maps in NodeIndex order: the input features, then each layer's neurons.
    const std::size_t inputs = network.inputs.size();
    const std::size_t layers = network.layers.size();
    std::vector<std::size_t> first_node(layers, inputs);
    for (std::size_t l = 1; l < layers; ++l)
        first_node[l] = first_node[l - 1] + network.layers[l - 1].size;
    const double h = (hi - lo) / static_cast<double>(n);
    for (std::size_t r = 0; r < n; ++r)
        for (std::size_t c = 0; c < n; ++c) {
            const double x1 = lo + (static_cast<double>(c) + 0.5) * h;
            const double x2 = hi - (static_cast<double>(r) + 0.5) * h;
            for (std::size_t i = 0; i < inputs; ++i)
                out[i * cells + r * n + c] = static_cast<float>(FeatureValue(network.inputs[i], x1, x2));
        }
    detail::ForEachGridCell(network, n, lo, hi, layers,
                            [&](std::size_t cell, std::size_t l, const double*, double* a) {
                                const std::size_t size = network.layers[l].size;
                                if (network.IsSoftmax() && l + 1 == layers) SoftmaxInPlace(a, size);
                                for (std::size_t j = 0; j < size; ++j)
                                    out[(first_node[l] + j) * cells + cell] = static_cast<float>(a[j]);
                            });
}

//-----------------------------------------------------------------------------
// [SECTION] JSON
//-----------------------------------------------------------------------------

namespace {

// The shortest decimal that reads back to the same double (std::to_chars round-trip guarantee).
std::string ShortestNumber(double v) {
    if (v == 0.0) return "0"; // also folds −0, which is not worth a distinct spelling
    std::array<char, 64> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), v);
    return std::string(buffer.data(), result.ptr);
}

std::string NumberRow(const double* values, std::size_t n) {
    std::string row = "[";
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0) row += ", ";
        row += ShortestNumber(values[i]);
    }
    return row + "]";
}

std::string Quote(std::string_view text) {
    return nlohmann::json(std::string(text)).dump();
}

} // namespace

std::string NetworkToJson(const Network& network) {
    std::string out =
        "{\n  \"format\": \"actlab-network\",\n  \"version\": " + std::to_string(kNetworkFormatVersion) +
        ",\n  \"inputs\": [";
    for (std::size_t i = 0; i < network.inputs.size(); ++i)
        out += (i > 0 ? ", " : "") + Quote(FeatureName(network.inputs[i]));
    out += "],\n  \"loss\": " + Quote(LossName(network.loss)) + ",\n  \"layers\": [\n";
    for (std::size_t l = 0; l < network.layers.size(); ++l) {
        const Layer& layer = network.layers[l];
        const auto& info = layer.activation.info();
        const bool softmax = network.IsSoftmax() && l + 1 == network.layers.size();
        out += "    {\n      \"activation\": " + Quote(softmax ? std::string_view("softmax") : info.name) +
               ",\n      \"params\": {";
        for (std::size_t p = 0; p < info.params.size(); ++p) {
            out += (p > 0 ? ", " : "") + Quote(info.params[p].name) + ": ";
            if (info.params[p].learnable && !layer.learned.empty())
                out += NumberRow(layer.learned.data(), layer.learned.size());
            else
                out += ShortestNumber(layer.activation.params[p]);
        }
        out += "},\n      \"weights\": [\n";
        for (std::size_t j = 0; j < layer.size; ++j) {
            out += "        " + NumberRow(layer.weights.data() + j * layer.fan_in, layer.fan_in);
            out += j + 1 < layer.size ? ",\n" : "\n";
        }
        out +=
            "      ],\n      \"biases\": " + NumberRow(layer.biases.data(), layer.biases.size()) + "\n    }";
        out += l + 1 < network.layers.size() ? ",\n" : "\n";
    }
    out += "  ]\n}\n";
    return out;
}

namespace {

using Json = nlohmann::json;

// Thrown inside the loader only; carries "field: message".
struct LoadError {
    std::string message;
};

[[noreturn]] void Fail(const std::string& field, const std::string& message) {
    throw LoadError{field.empty() ? message : field + ": " + message};
}

// Deeper nesting than this is no network file; refusing it early bounds the parser's work.
constexpr int kMaxJsonDepth = 16;

const Json& Member(const Json& object, const std::string& key, const std::string& field) {
    const auto it = object.find(key);
    if (it == object.end()) Fail(field, "missing field '" + key + "'");
    return *it;
}

void RefuseUnknownKeys(const Json& object, std::initializer_list<std::string_view> known,
                       const std::string& field) {
    for (const auto& item : object.items()) {
        if (std::find(known.begin(), known.end(), item.key()) == known.end())
            Fail(field, "unknown field '" + item.key() + "'");
    }
}

double Number(const Json& value, const std::string& field) {
    if (!value.is_number()) Fail(field, "expected a number");
    const double v = value.get<double>();
    if (!std::isfinite(v)) Fail(field, "expected a finite number");
    if (std::fabs(v) > kMaxParameterMagnitude) Fail(field, "value beyond ±1e6");
    return v;
}

std::string String(const Json& value, const std::string& field) {
    if (!value.is_string()) Fail(field, "expected a string");
    return value.get<std::string>();
}

const Json& Array(const Json& value, const std::string& field, std::size_t min_size, std::size_t max_size) {
    if (!value.is_array()) Fail(field, "expected an array");
    if (value.size() < min_size || value.size() > max_size)
        Fail(field,
             "expected " +
                 (min_size == max_size ? std::to_string(min_size)
                                       : std::to_string(min_size) + " to " + std::to_string(max_size)) +
                 " entries, got " + std::to_string(value.size()));
    return value;
}

Layer ParseLayer(const Json& value, const std::string& field, std::size_t fan_in, bool output, bool softmax) {
    if (!value.is_object()) Fail(field, "expected an object");
    RefuseUnknownKeys(value, {"activation", "params", "weights", "biases"}, field);
    Layer layer;
    const std::string name = String(Member(value, "activation", field), field + ".activation");
    // A softmax output stores its logits: a linear layer with softmax on top (see network.h).
    const bool is_softmax = name == "softmax";
    if (is_softmax && !output) Fail(field + ".activation", "only the output layer can be softmax");
    if (is_softmax != (output && softmax))
        Fail(field + ".activation", softmax ? "the ce loss needs a softmax output layer, not '" + name + "'"
                                            : "a softmax output layer needs \"loss\": \"ce\"");
    const auto id = is_softmax ? std::optional<ActivationId>(ActivationId::Linear) : FindActivation(name);
    if (!id) Fail(field + ".activation", "unknown activation '" + name + "'");
    if (output && !IsOutputActivation(*id))
        Fail(field + ".activation",
             "the output layer's activation must be tanh, sigmoid, linear or softmax, not '" + name + "'");
    layer.activation = Activation::WithDefaults(*id);
    layer.fan_in = fan_in;

    const std::size_t max_size = output ? (softmax ? kMaxClasses : 1) : kMaxLayerWidth;
    const Json& weights = Array(Member(value, "weights", field), field + ".weights", 1, max_size);
    layer.size = weights.size();
    layer.weights.reserve(layer.size * fan_in);
    for (std::size_t j = 0; j < layer.size; ++j) {
        const std::string row_field = field + ".weights[" + std::to_string(j) + "]";
        const Json& row = weights[j];
        if (!row.is_array() || row.size() != fan_in)
            Fail(row_field, "expected " + std::to_string(fan_in) + " weights (one per input of the layer)" +
                                (row.is_array() ? ", got " + std::to_string(row.size()) : std::string()));
        for (std::size_t i = 0; i < fan_in; ++i)
            layer.weights.push_back(Number(row[i], row_field + "[" + std::to_string(i) + "]"));
    }
    const Json& biases = Array(Member(value, "biases", field), field + ".biases", layer.size, layer.size);
    for (std::size_t j = 0; j < layer.size; ++j)
        layer.biases.push_back(Number(biases[j], field + ".biases[" + std::to_string(j) + "]"));

    const auto& specs = layer.activation.info().params;
    if (layer.activation.id == ActivationId::Prelu)
        layer.learned.assign(layer.size, layer.activation.params[0]);
    if (const auto it = value.find("params"); it != value.end()) {
        if (!it->is_object()) Fail(field + ".params", "expected an object");
        for (const auto& item : it->items()) {
            const std::string param_field = field + ".params." + item.key();
            std::size_t p = 0;
            while (p < specs.size() && specs[p].name != item.key())
                ++p;
            if (p == specs.size()) Fail(param_field, "'" + name + "' has no parameter '" + item.key() + "'");
            if (specs[p].learnable && item.value().is_array()) {
                const Json& values = Array(item.value(), param_field, layer.size, layer.size);
                for (std::size_t j = 0; j < layer.size; ++j)
                    layer.learned[j] = Number(values[j], param_field + "[" + std::to_string(j) + "]");
                layer.activation.params[p] = layer.learned[0];
            } else {
                layer.activation.params[p] = Number(item.value(), param_field);
                if (specs[p].learnable)
                    std::fill(layer.learned.begin(), layer.learned.end(), layer.activation.params[p]);
            }
        }
    }
    if (std::string error = ValidateParams(layer.activation); !error.empty()) Fail(field + ".params", error);
    for (std::size_t j = 0; j < layer.learned.size(); ++j)
        if (std::string error = ValidateParams(layer.NeuronActivation(j)); !error.empty())
            Fail(field + ".params.a[" + std::to_string(j) + "]", error);
    return layer;
}

Network ParseNetwork(const Json& doc) {
    if (!doc.is_object()) Fail("", "expected a JSON object");
    RefuseUnknownKeys(doc, {"format", "version", "inputs", "loss", "layers"}, "");
    if (const Json& format = Member(doc, "format", ""); !format.is_string() || format != "actlab-network")
        Fail("format", "expected \"actlab-network\"");
    const Json& version = Member(doc, "version", "");
    if (!version.is_number_integer()) Fail("version", "expected an integer");
    const auto v = version.get<long long>();
    if (v > kNetworkFormatVersion)
        Fail("version", "version " + std::to_string(v) + " is newer than this actlab reads (" +
                            std::to_string(kNetworkFormatVersion) + "); update actlab");
    if (v < 1) Fail("version", "expected 1, got " + std::to_string(v));

    Network network;
    network.inputs.clear();
    const Json& inputs = Array(Member(doc, "inputs", ""), "inputs", 1, kInputFeatureCount);
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        const std::string field = "inputs[" + std::to_string(i) + "]";
        const std::string name = String(inputs[i], field);
        const auto feature = ParseFeature(name);
        if (!feature) Fail(field, "unknown input '" + name + "'; known: " + NamesIn(kInputFeatureNames));
        if (std::find(network.inputs.begin(), network.inputs.end(), *feature) != network.inputs.end())
            Fail(field, "input '" + name + "' appears twice");
        network.inputs.push_back(*feature);
    }
    const std::string loss_name = String(Member(doc, "loss", ""), "loss");
    const auto loss = ParseLoss(loss_name);
    if (!loss) Fail("loss", "unknown loss '" + loss_name + "'; known: " + NamesIn(kLossNames));
    network.loss = *loss;

    const Json& layers = Array(Member(doc, "layers", ""), "layers", 1, kMaxHiddenLayers + 1);
    std::size_t fan_in = network.inputs.size();
    for (std::size_t l = 0; l < layers.size(); ++l) {
        network.layers.push_back(ParseLayer(layers[l], "layers[" + std::to_string(l) + "]", fan_in,
                                            l + 1 == layers.size(), network.IsSoftmax()));
        fan_in = network.layers.back().size;
    }
    if (std::string error = ValidateNetwork(network); !error.empty()) Fail("", error);
    return network;
}

} // namespace

NetworkParseResult NetworkFromJson(std::string_view text, std::string_view file_name) {
    NetworkParseResult result;
    const std::string prefix = std::string(file_name) + ": ";
    if (text.size() > kMaxNetworkFileBytes) {
        result.error = prefix + "larger than 1 MiB; not a network file";
        return result;
    }
    if (NestedDeeperThan(text, kMaxJsonDepth)) {
        result.error = prefix + "nested deeper than any network file";
        return result;
    }
    Json doc;
    try {
        doc = Json::parse(text);
    } catch (const Json::exception& e) {
        // nlohmann's message: "[json.exception.parse_error.101] parse error at line 3, column 7: …"
        // (or out_of_range.406 "number overflow parsing '1e400'").
        std::string message = e.what();
        if (const auto pos = message.find("] "); pos != std::string::npos) message.erase(0, pos + 2);
        result.error = prefix + message;
        return result;
    }
    try {
        result.network = ParseNetwork(doc);
    } catch (const LoadError& e) {
        result.error = prefix + e.message;
        result.network = Network{};
    } catch (const Json::exception& e) {
        result.error = prefix + e.what();
        result.network = Network{};
    }
    return result;
}

} // namespace actlab
