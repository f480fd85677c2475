// The network file: exact round trips, the documented shape, and a corpus of malformed and hostile
// files that must each fail with a message naming the file and the field.
#include "core/network.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace actlab {
namespace {

Network Mixed() {
    NetworkSpec spec;
    spec.inputs = {InputFeature::X1, InputFeature::X2, InputFeature::SinX1};
    spec.hidden = {3, 2};
    spec.hidden_activation = Activation::WithDefaults(ActivationId::Prelu);
    Network network = MakeNetwork(spec, {InitScheme::He, 0.1, 0.1, 7});
    network.layers[0].learned = {0.25, -0.125, 0.3};
    Activation hardtanh = Activation::WithDefaults(ActivationId::Hardtanh);
    EXPECT_EQ(SetParam(hardtanh, "min", -2.0), "");
    SetLayerActivation(network, 1, hardtanh);
    network.layers[1].weights[0] = 1.0 / 3.0;
    network.layers[1].biases[1] = -1e-300;
    return network;
}

TEST(NetworkJson, RoundTripIsExact) {
    const Network network = Mixed();
    const std::string saved = NetworkToJson(network);
    const NetworkParseResult loaded = NetworkFromJson(saved, "net.json");
    ASSERT_EQ(loaded.error, "");
    EXPECT_EQ(loaded.network, network);
    EXPECT_EQ(NetworkToJson(loaded.network), saved);
}

TEST(NetworkJson, ShapeIsTheDocumentedOne) {
    NetworkSpec spec;
    spec.hidden = {4, 2};
    spec.hidden_activation = Activation::WithDefaults(ActivationId::LeakyRelu);
    const Network network = MakeNetwork(spec, {});
    const auto doc = nlohmann::json::parse(NetworkToJson(network));
    EXPECT_EQ(doc["format"], "actlab-network");
    EXPECT_EQ(doc["version"], 1);
    EXPECT_EQ(doc["inputs"], nlohmann::json::array({"x1", "x2"}));
    EXPECT_EQ(doc["loss"], "mse");
    ASSERT_EQ(doc["layers"].size(), 3u);
    EXPECT_EQ(doc["layers"][0]["activation"], "leaky_relu");
    EXPECT_EQ(doc["layers"][0]["params"]["slope"], 0.01);
    EXPECT_EQ(doc["layers"][0]["weights"].size(), 4u); // weights[j][i]: neuron j, input i
    EXPECT_EQ(doc["layers"][0]["weights"][0].size(), 2u);
    EXPECT_EQ(doc["layers"][0]["weights"][3][1].get<double>(), network.layers[0].Weight(3, 1));
    EXPECT_EQ(doc["layers"][1]["weights"][1].size(), 4u);
    EXPECT_EQ(doc["layers"][2]["activation"], "tanh");
    EXPECT_EQ(doc["layers"][2]["biases"].size(), 1u);
}

TEST(NetworkJson, PreluAcceptsOneSharedSlope) {
    const std::string text = R"({"format": "actlab-network", "version": 1, "inputs": ["x1"], "loss": "mse",
        "layers": [{"activation": "prelu", "params": {"a": 0.2}, "weights": [[1], [2]], "biases": [0, 0]},
                   {"activation": "linear", "params": {}, "weights": [[1, 1]], "biases": [0]}]})";
    const NetworkParseResult r = NetworkFromJson(text, "p.json");
    ASSERT_EQ(r.error, "");
    EXPECT_EQ(r.network.layers[0].learned, (std::vector<double>{0.2, 0.2}));
}

struct BadFile {
    std::string text;
    std::string mentions;
};

std::string Valid(const std::string& replace_from, const std::string& replace_to) {
    std::string text = R"({"format": "actlab-network", "version": 1, "inputs": ["x1", "x2"], "loss": "mse",
  "layers": [
    {"activation": "relu", "params": {}, "weights": [[0.5, -0.5], [1, 2]], "biases": [0.1, 0.1]},
    {"activation": "tanh", "params": {}, "weights": [[1, -1]], "biases": [0]}
  ]})";
    if (!replace_from.empty()) {
        const auto pos = text.find(replace_from);
        EXPECT_NE(pos, std::string::npos) << replace_from;
        text.replace(pos, replace_from.size(), replace_to);
    }
    return text;
}

TEST(NetworkJson, TheCorpusTemplateIsValid) {
    EXPECT_EQ(NetworkFromJson(Valid("", ""), "ok.json").error, "");
}

TEST(NetworkJson, MalformedAndHostileFilesFailCleanly) {
    std::string deep(100000, '[');
    std::string huge =
        Valid("\"loss\": \"mse\",", "\"loss\": \"mse\", \"pad\": \"" + std::string(2 << 20, 'x') + "\",");
    std::string too_many =
        R"({"format": "actlab-network", "version": 1, "inputs": ["x1"], "loss": "mse", "layers": [)";
    for (int i = 0; i < 7; ++i)
        too_many += R"({"activation": "relu", "weights": [[1]], "biases": [0]},)";
    too_many += R"({"activation": "tanh", "weights": [[1]], "biases": [0]}]})";
    const std::vector<BadFile> corpus{
        {"", "parse error"},
        {"{", "line 1"},
        {"[1, 2]", "expected a JSON object"},
        {Valid("\"format\": \"actlab-network\", ", ""), "missing field 'format'"},
        {Valid("actlab-network", "actlab-scene"), "format"},
        {Valid("\"version\": 1", "\"version\": 2"), "version 2 is newer"},
        {Valid("\"version\": 1", "\"version\": \"1\""), "version: expected an integer"},
        {Valid("\"version\": 1", "\"version\": 0"), "version: expected 1"},
        {Valid("[\"x1\", \"x2\"]", "[\"x1\", \"x3\"]"), "inputs[1]: unknown input 'x3'"},
        {Valid("[\"x1\", \"x2\"]", "[\"x1\", \"x1\"]"), "appears twice"},
        {Valid("[\"x1\", \"x2\"]", "[]"), "inputs: expected 1 to 7 entries"},
        {Valid("\"mse\"", "\"hinge\""), "unknown loss 'hinge'"},
        {Valid("\"mse\"", "\"bce\""), "bce loss needs a sigmoid output"},
        {Valid("\"relu\"", "\"relux\""), "layers[0].activation: unknown activation 'relux'"},
        {Valid("\"tanh\"", "\"relu\""), "layers[1].activation: the output layer's activation"},
        {Valid("[[0.5, -0.5], [1, 2]]", "[[0.5, -0.5], [1]]"), "layers[0].weights[1]: expected 2 weights"},
        {Valid("[[0.5, -0.5], [1, 2]]", "[[0.5, -0.5], [1, 2], [3, 4]]"),
         "layers[0].biases: expected 3 entries"},
        {Valid("[[1, -1]]", "[[1, -1], [1, 1]]"), "layers[1].weights: expected 1 entries"},
        {Valid("[[1, -1]]", "[[1, -1, 0]]"), "layers[1].weights[0]: expected 2 weights"},
        {Valid("[0.5, -0.5]", "[0.5, NaN]"), "parse error"},
        {Valid("[0.5, -0.5]", "[0.5, 1e400]"), "number overflow"},
        {Valid("[0.5, -0.5]", "[0.5, 1e308]"), "layers[0].weights[0][1]: value beyond ±1e6"},
        {Valid("[0.5, -0.5]", "[0.5, \"0.3\"]"), "layers[0].weights[0][1]: expected a number"},
        {Valid("[0.1, 0.1]", "[0.1, null]"), "layers[0].biases[1]: expected a number"},
        {Valid("\"params\": {}, \"weights\": [[0.5", "\"params\": {\"slope\": 0.1}, \"weights\": [[0.5"),
         "layers[0].params.slope: 'relu' has no parameter 'slope'"},
        {Valid("\"relu\", \"params\": {}", "\"leaky_relu\", \"params\": {\"slope\": 20}"), "slope must be"},
        {Valid("\"relu\", \"params\": {}", "\"prelu\", \"params\": {\"a\": [0.1]}"),
         "layers[0].params.a: expected 2"},
        {Valid("\"biases\": [0]", "\"biases\": [0], \"bias\": 1"), "layers[1]: unknown field 'bias'"},
        {Valid("\"loss\": \"mse\",", ""), "missing field 'loss'"},
        {Valid("\"layers\": [", "\"layers\": [], \"x\": ["), "unknown field 'x'"},
        {too_many, "layers: expected 1 to 7 entries, got 8"},
        {deep, "nested deeper"},
        {huge, "larger than 1 MiB"},
    };
    for (const BadFile& bad : corpus) {
        const NetworkParseResult r = NetworkFromJson(bad.text, "bad.json");
        EXPECT_NE(r.error.find("bad.json: "), std::string::npos) << r.error;
        EXPECT_NE(r.error.find(bad.mentions), std::string::npos)
            << "got: " << r.error << "\nwanted: " << bad.mentions;
        EXPECT_EQ(r.error.find('\n'), std::string::npos) << "one line: " << r.error;
    }
}

} // namespace
} // namespace actlab
