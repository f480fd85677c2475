// Training with sgd, momentum and Adam against an independent float64 reference (a table written by
// scripts/reference/make_optimizer_reference.py), the softmax output with cross-entropy, optimizer
// state across resets, accuracy, and the multi-class and 1-D datasets.
#include "core/dataset.h"
#include "core/network.h"
#include "core/training.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace actlab {
namespace {

//-----------------------------------------------------------------------------
// The reference cases: the same data, start and options as the Python script.
//-----------------------------------------------------------------------------

std::vector<Sample> ReferenceSamples(const std::string& output) {
    std::vector<Sample> samples;
    for (int i = 0; i < 12; ++i) {
        const int label = i % 3;
        double y = label;
        if (output == "sigmoid") y = label == 0 ? 1.0 : 0.0;
        if (output == "linear") y = 0.5 * label - 0.5;
        samples.push_back({((i % 4) - 1.5) * 1.3, static_cast<double>(i / 4 - 1) * 1.7 + 0.1 * i, y});
    }
    return samples;
}

Network ReferenceNetwork(ActivationId hidden, const std::string& output) {
    NetworkSpec spec;
    spec.hidden = {3};
    spec.hidden_activation = Activation::WithDefaults(hidden);
    spec.loss = output == "softmax" ? Loss::Ce : output == "sigmoid" ? Loss::Bce : Loss::Mse;
    spec.output = output == "sigmoid" ? ActivationId::Sigmoid : ActivationId::Linear;
    spec.classes = 3;
    Network network = MakeNetwork(spec, InitOptions{});
    network.layers[0].weights = {0.5, -0.3, 0.2, 0.8, -0.6, 0.1};
    network.layers[0].biases = {0.1, -0.2, 0.05};
    if (output == "softmax") {
        network.layers[1].weights = {0.3, -0.5, 0.2, -0.4, 0.1, 0.6, 0.2, 0.7, -0.3};
        network.layers[1].biases = {0.0, 0.1, -0.1};
    } else {
        network.layers[1].weights = {0.3, -0.5, 0.2};
        network.layers[1].biases = {0.05};
    }
    return network;
}

std::vector<double> FlatParameters(const Network& network) {
    std::vector<double> flat;
    for (const Layer& layer : network.layers) {
        flat.insert(flat.end(), layer.weights.begin(), layer.weights.end());
        flat.insert(flat.end(), layer.biases.begin(), layer.biases.end());
    }
    return flat;
}

// case → optimizer → final parameters, from the committed table.
std::map<std::pair<std::string, std::string>, std::vector<double>> ReadReferenceTable() {
    std::ifstream file(std::string(ACTLAB_TEST_DATA_DIR) + "/optimizer_reference.txt");
    std::map<std::pair<std::string, std::string>, std::vector<double>> table;
    std::string line;
    while (std::getline(file, line)) {
        std::istringstream in(line);
        std::string name, optimizer;
        in >> name >> optimizer;
        std::vector<double> values;
        for (double v = 0.0; in >> v;)
            values.push_back(v);
        table[{name, optimizer}] = values;
    }
    return table;
}

TEST(OptimizerReference, FinalWeightsMatchTheFloat64ReferenceWithin1e9) {
    const auto table = ReadReferenceTable();
    ASSERT_EQ(table.size(), 9u) << "tests/data/optimizer_reference.txt";
    struct Case {
        const char* name;
        ActivationId hidden;
        const char* output;
    };
    const Case cases[] = {{"tanh_softmax", ActivationId::Tanh, "softmax"},
                          {"relu_sigmoid", ActivationId::Relu, "sigmoid"},
                          {"tanh_linear", ActivationId::Tanh, "linear"}};
    const std::pair<Optimizer, double> optimizers[] = {
        {Optimizer::Sgd, 0.1}, {Optimizer::Momentum, 0.05}, {Optimizer::Adam, 0.02}};
    for (const Case& c : cases) {
        for (const auto& [optimizer, lr] : optimizers) {
            const std::string what = std::string(c.name) + " " + std::string(OptimizerName(optimizer));
            TrainingOptions options;
            options.learning_rate = lr;
            options.batch_size = 4;
            options.l2 = 0.01;
            options.shuffle = false;
            options.optimizer = optimizer;
            Trainer trainer(ReferenceNetwork(c.hidden, c.output), ReferenceSamples(c.output), {}, options);
            ASSERT_EQ(trainer.Run(25), 25u) << what;
            const std::vector<double> got = FlatParameters(trainer.network());
            const auto it = table.find({c.name, std::string(OptimizerName(optimizer))});
            ASSERT_NE(it, table.end()) << what;
            ASSERT_EQ(got.size(), it->second.size()) << what;
            const std::vector<double> start = FlatParameters(ReferenceNetwork(c.hidden, c.output));
            double moved = 0.0;
            for (std::size_t k = 0; k < got.size(); ++k) {
                EXPECT_NEAR(got[k], it->second[k], 1e-9) << what << ", parameter " << k;
                moved = std::max(moved, std::fabs(got[k] - start[k]));
            }
            EXPECT_GT(moved, 1e-2) << what
                                   << ": training must move the weights for the comparison to mean anything";
        }
    }
}

//-----------------------------------------------------------------------------
// Softmax and cross-entropy
//-----------------------------------------------------------------------------

TEST(SoftmaxOutput, CrossEntropyIsStableForHugeLogits) {
    const double z[3] = {1000.0, 998.0, -1000.0};
    double delta[3];
    // −ln p₀ = ln(1 + e⁻² + e⁻²⁰⁰⁰)
    EXPECT_NEAR(SoftmaxCrossEntropy(z, 3, 0.0, delta), std::log1p(std::exp(-2.0)), 1e-12);
    EXPECT_NEAR(delta[0], 1.0 / (1.0 + std::exp(-2.0)) - 1.0, 1e-12);
    EXPECT_NEAR(delta[1], std::exp(-2.0) / (1.0 + std::exp(-2.0)), 1e-12);
    EXPECT_EQ(delta[2], 0.0);
    EXPECT_NEAR(SoftmaxCrossEntropy(z, 3, 2.0, delta), 2000.0 + std::log1p(std::exp(-2.0)), 1e-9);
    EXPECT_TRUE(std::isfinite(delta[0]) && std::isfinite(delta[2]));
}

Network SoftmaxNetwork(std::size_t classes, std::uint64_t seed) {
    NetworkSpec spec;
    spec.hidden = {8};
    spec.loss = Loss::Ce;
    spec.classes = classes;
    InitOptions init;
    init.seed = seed;
    return MakeNetwork(spec, init);
}

TEST(SoftmaxOutput, ProbabilitiesSumToOneInPredictionsAndHeatmaps) {
    const Network network = SoftmaxNetwork(4, 3);
    ASSERT_EQ(ValidateNetwork(network), "");
    ASSERT_EQ(network.Output().size, 4u);
    const std::vector<double> p = PredictOutputs(network, 1.5, -2.0);
    ASSERT_EQ(p.size(), 4u);
    EXPECT_NEAR(p[0] + p[1] + p[2] + p[3], 1.0, 1e-15);
    EXPECT_DOUBLE_EQ(Predict(network, 1.5, -2.0), p[0]);
    std::vector<float> grid;
    EvaluateGrid(network, 5, -6.0, 6.0, grid);
    const std::size_t cells = 25, first_output = NodeIndex(network, 1, 0);
    for (std::size_t cell = 0; cell < cells; ++cell) {
        double sum = 0.0;
        for (std::size_t k = 0; k < 4; ++k)
            sum += static_cast<double>(grid[(first_output + k) * cells + cell]);
        EXPECT_NEAR(sum, 1.0, 1e-6);
    }
}

TEST(SoftmaxOutput, LearnsThreeBlobsWithEveryOptimizer) {
    DatasetOptions data;
    data.kind = DatasetKind::Blobs3;
    data.samples = 300;
    const SplitData split = SplitDataset(MakeDataset(data), 0.8);
    for (Optimizer optimizer : {Optimizer::Sgd, Optimizer::Momentum, Optimizer::Adam}) {
        TrainingOptions options;
        options.optimizer = optimizer;
        options.learning_rate = optimizer == Optimizer::Adam ? 0.01 : 0.03;
        Trainer trainer(SoftmaxNetwork(3, 1), split.train, split.test, options);
        const double before = MeanLoss(trainer.network(), trainer.train());
        ASSERT_EQ(trainer.Run(1500), 1500u) << OptimizerName(optimizer);
        EXPECT_LT(MeanLoss(trainer.network(), trainer.train()), before / 4) << OptimizerName(optimizer);
        EXPECT_GE(Accuracy(trainer.network(), trainer.test()), 0.95) << OptimizerName(optimizer);
        const NetworkStats& stats = trainer.Observe();
        EXPECT_DOUBLE_EQ(stats.accuracy, Accuracy(trainer.network(), trainer.train()));
        EXPECT_DOUBLE_EQ(trainer.history().test_accuracy.back(), Accuracy(trainer.network(), trainer.test()));
    }
}

TEST(SoftmaxOutput, BatchedStepEqualsTheMeanGradientStep) {
    // One SGD step of the packed path against ComputeGradients on the same batch (all samples).
    DatasetOptions data;
    data.kind = DatasetKind::Blobs4;
    data.samples = 16;
    const std::vector<Sample> samples = MakeDataset(data);
    const Network start = SoftmaxNetwork(4, 5);
    TrainingOptions options;
    options.batch_size = samples.size();
    options.shuffle = false;
    options.learning_rate = 0.5;
    options.l2 = 0.1;
    Trainer trainer(start, samples, {}, options);
    ASSERT_TRUE(trainer.Step());
    const Gradients g = ComputeGradients(start, samples, options.l2);
    for (std::size_t l = 0; l < start.layers.size(); ++l) {
        for (std::size_t k = 0; k < start.layers[l].weights.size(); ++k)
            EXPECT_NEAR(trainer.network().layers[l].weights[k],
                        start.layers[l].weights[k] - 0.5 * g.weights[l][k], 1e-12);
        for (std::size_t j = 0; j < start.layers[l].size; ++j)
            EXPECT_NEAR(trainer.network().layers[l].biases[j],
                        start.layers[l].biases[j] - 0.5 * g.biases[l][j], 1e-12);
    }
    EXPECT_NEAR(trainer.last_batch_loss(), MeanLoss(start, samples), 1e-12);
}

TEST(SoftmaxOutput, JsonNamesTheOutputSoftmaxAndRoundTrips) {
    const Network network = SoftmaxNetwork(3, 2);
    const std::string json = NetworkToJson(network);
    EXPECT_NE(json.find("\"loss\": \"ce\""), std::string::npos);
    EXPECT_NE(json.find("\"activation\": \"softmax\""), std::string::npos);
    const auto parsed = NetworkFromJson(json, "net.json");
    ASSERT_EQ(parsed.error, "");
    EXPECT_EQ(parsed.network, network);
    EXPECT_EQ(NetworkToJson(parsed.network), json);

    std::string mse = json;
    mse.replace(mse.find("\"ce\""), 4, "\"mse\"");
    EXPECT_NE(NetworkFromJson(mse, "net.json")
                  .error.find("layers[1].activation: a softmax output layer needs \"loss\": \"ce\""),
              std::string::npos)
        << NetworkFromJson(mse, "net.json").error;
}

TEST(SoftmaxOutput, SpecNeedsTwoToEightClasses) {
    NetworkSpec spec;
    spec.loss = Loss::Ce;
    spec.classes = 1;
    EXPECT_NE(ValidateSpec(spec), "");
    spec.classes = 9;
    EXPECT_NE(ValidateSpec(spec), "");
    spec.classes = 8;
    EXPECT_EQ(ValidateSpec(spec), "");
}

//-----------------------------------------------------------------------------
// Optimizer state
//-----------------------------------------------------------------------------

TEST(OptimizerState, ResetsWithTheNetwork) {
    for (Optimizer optimizer : {Optimizer::Momentum, Optimizer::Adam}) {
        DatasetOptions data;
        data.samples = 100;
        TrainingOptions options;
        options.optimizer = optimizer;
        options.learning_rate = 0.01;
        NetworkSpec spec;
        InitOptions init;
        Trainer fresh(MakeNetwork(spec, init), MakeDataset(data), {}, options);
        fresh.Run(40);
        Trainer reused(MakeNetwork(spec, init), MakeDataset(data), {}, options);
        reused.Run(70);
        reused.Reset(init);
        reused.Run(40);
        // Bit for bit: the momentum buffers, Adam's moments and its step count t start over.
        EXPECT_EQ(reused.network(), fresh.network()) << OptimizerName(optimizer);
    }
}

TEST(OptimizerState, MomentumAndAdamDifferFromSgd) {
    DatasetOptions data;
    data.samples = 100;
    NetworkSpec spec;
    std::vector<Network> results;
    for (Optimizer optimizer : {Optimizer::Sgd, Optimizer::Momentum, Optimizer::Adam}) {
        TrainingOptions options;
        options.optimizer = optimizer;
        Trainer trainer(MakeNetwork(spec, InitOptions{}), MakeDataset(data), {}, options);
        trainer.Run(20);
        results.push_back(trainer.network());
    }
    EXPECT_NE(results[0], results[1]);
    EXPECT_NE(results[0], results[2]);
    EXPECT_NE(results[1], results[2]);
}

TEST(OptimizerOptions, AreValidated) {
    TrainingOptions options;
    options.momentum = 1.0;
    EXPECT_NE(ValidateTrainingOptions(options), "");
    options.momentum = 0.9;
    options.beta2 = -0.1;
    EXPECT_NE(ValidateTrainingOptions(options), "");
    options.beta2 = 0.999;
    options.eps = 0.0;
    EXPECT_NE(ValidateTrainingOptions(options), "");
    options.eps = 1e-8;
    EXPECT_EQ(ValidateTrainingOptions(options), "");
    EXPECT_EQ(ParseOptimizer("adam"), Optimizer::Adam);
    EXPECT_EQ(ParseOptimizer("Adam"), std::nullopt);
}

//-----------------------------------------------------------------------------
// Datasets
//-----------------------------------------------------------------------------

TEST(MultiClassDatasets, LabelsAreClassIndicesInEqualShares) {
    for (auto [kind, classes] : {std::pair{DatasetKind::Blobs3, 3}, std::pair{DatasetKind::Spiral3, 3},
                                 std::pair{DatasetKind::Blobs4, 4}}) {
        EXPECT_EQ(ClassCount(kind), static_cast<std::size_t>(classes));
        EXPECT_TRUE(IsClassification(kind));
        DatasetOptions data;
        data.kind = kind;
        data.samples = 120;
        std::vector<int> counts(static_cast<std::size_t>(classes), 0);
        for (const Sample& s : MakeDataset(data)) {
            ASSERT_EQ(s.y, std::floor(s.y));
            ASSERT_GE(s.y, 0.0);
            ASSERT_LT(s.y, classes);
            ++counts[static_cast<std::size_t>(s.y)];
        }
        for (int c : counts)
            EXPECT_EQ(c, 120 / classes) << DatasetName(kind);
    }
    DatasetOptions zero_one;
    zero_one.kind = DatasetKind::Blobs3;
    zero_one.zero_one_labels = true;
    EXPECT_NE(ValidateDatasetOptions(zero_one), "");
}

TEST(Reg1dDataset, IsOneInputOnTheCurveWithOptionalNoise) {
    DatasetOptions data;
    data.kind = DatasetKind::Reg1d;
    data.samples = 200;
    EXPECT_TRUE(IsOneInput(DatasetKind::Reg1d));
    EXPECT_FALSE(IsClassification(DatasetKind::Reg1d));
    for (const Sample& s : MakeDataset(data)) {
        EXPECT_EQ(s.x2, 0.0);
        EXPECT_LE(std::fabs(s.x1), 6.0);
        EXPECT_DOUBLE_EQ(s.y, Reg1dTarget(s.x1));
        EXPECT_LE(std::fabs(s.y), 1.0);
    }
    data.noise = 0.1;
    double off = 0.0;
    for (const Sample& s : MakeDataset(data)) {
        EXPECT_EQ(s.x2, 0.0);
        off = std::max(off, std::fabs(s.y - Reg1dTarget(s.x1)));
    }
    EXPECT_GT(off, 0.05);
    EXPECT_EQ(ParseDatasetKind("reg-1d"), DatasetKind::Reg1d);
}

} // namespace
} // namespace actlab
