// Training behaviour: SGD steps as specified, dead and dying neurons on hand-built networks, the
// lecture's two causes of dying ReLUs, tanh learning the circle, divergence and reset, heatmaps.
#include "core/dataset.h"
#include "core/network.h"
#include "core/training.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace actlab {
namespace {

std::vector<Sample> Circle(std::size_t n, std::uint64_t seed, bool zero_one = false) {
    DatasetOptions options;
    options.kind = DatasetKind::Circle;
    options.samples = n;
    options.seed = seed;
    options.zero_one_labels = zero_one;
    return MakeDataset(options);
}

// 2 → 2 → 1 ReLU by hand: neuron 1 has z = −1 everywhere (dead), neuron 2 has z = x1.
Network HandBuilt() {
    NetworkSpec spec;
    spec.hidden = {2};
    spec.hidden_activation = Activation::WithDefaults(ActivationId::Relu);
    Network network = MakeNetwork(spec, {});
    network.layers[0].weights = {0.0, 0.0, 1.0, 0.0};
    network.layers[0].biases = {-1.0, 0.0};
    network.layers[1].weights = {0.5, 0.5};
    network.layers[1].biases = {0.0};
    return network;
}

TEST(NetworkStats, DeadNeuronOnAHandBuiltNetwork) {
    const std::vector<Sample> samples{{-2, 1, 1}, {-1, 0, -1}, {1, 3, 1}, {3, -2, -1}};
    const NetworkStats stats = ComputeStats(HandBuilt(), samples);
    ASSERT_EQ(stats.layers.size(), 2u);
    const NeuronStats& dead = stats.layers[0].neurons[0];
    const NeuronStats& alive = stats.layers[0].neurons[1];
    EXPECT_TRUE(dead.dead);
    EXPECT_EQ(dead.activation_rate, 0.0);
    EXPECT_EQ(dead.mean_abs_delta, 0.0);
    EXPECT_EQ(dead.mean_abs_weight_grad, 0.0);
    EXPECT_EQ(dead.max_z, -1.0);
    EXPECT_FALSE(alive.dead);
    EXPECT_FALSE(alive.dying);
    EXPECT_DOUBLE_EQ(alive.activation_rate, 0.5); // z = x1 > 0 on 2 of 4 samples
    EXPECT_GT(alive.mean_abs_weight_grad, 0.0);
    EXPECT_EQ(stats.hidden_neurons, 2u);
    EXPECT_EQ(stats.dead_count, 1u);
    EXPECT_DOUBLE_EQ(stats.dead_fraction, 0.5);
    EXPECT_FALSE(stats.layers[1].neurons[0].dead); // the tanh output
}

TEST(NetworkStats, DyingNeuronIsActiveOnUnderFivePercent) {
    Network network = HandBuilt();
    network.layers[0].biases = {-5.5, 0.0}; // neuron 1: z = −5.5 + 0, so move it onto x1
    network.layers[0].weights = {1.0, 0.0, 1.0, 0.0};
    std::vector<Sample> samples;
    for (int i = 0; i < 40; ++i)
        samples.push_back({-6.0 + 0.3 * i, 0.0, 1.0}); // x1 up to 5.7: one sample > 5.5
    const NetworkStats stats = ComputeStats(network, samples);
    const NeuronStats& n1 = stats.layers[0].neurons[0];
    EXPECT_FALSE(n1.dead);
    EXPECT_TRUE(n1.dying);
    EXPECT_DOUBLE_EQ(n1.activation_rate, 1.0 / 40.0);
    EXPECT_EQ(stats.dying_count, 1u);
    EXPECT_EQ(stats.dead_count, 0u);
}

TEST(NetworkStats, ADeadNeuronNeverUpdatesAgain) {
    Network network = HandBuilt();
    Trainer trainer(network, Circle(200, 3), {}, {0.1, 10, 0.0, true, 1});
    EXPECT_EQ(trainer.Run(300), 300u);
    EXPECT_EQ(trainer.network().layers[0].weights[0], 0.0);
    EXPECT_EQ(trainer.network().layers[0].weights[1], 0.0);
    EXPECT_EQ(trainer.network().layers[0].biases[0], -1.0);
    EXPECT_NE(trainer.network().layers[0].weights[2], 1.0); // the live neuron moved
    EXPECT_TRUE(trainer.Observe().layers[0].neurons[0].dead);
}

TEST(Training, OneStepIsTheMeanGradientOfConsecutiveRowsWithoutShuffle) {
    NetworkSpec spec;
    spec.hidden = {3};
    Network network = MakeNetwork(spec, {InitScheme::Normal, 0.7, 0.0, 5});
    const std::vector<Sample> data{{1, 2, 1}, {-1, 0.5, -1}, {2, -2, 1}, {0.3, 0.1, -1}, {-2, -1, 1}};
    Trainer trainer(network, data, {}, {0.2, 3, 0.0, false, 1});
    // Batches: rows 0–2, then 3, 4 and wrapping around to 0.
    const std::vector<std::vector<Sample>> batches{{data[0], data[1], data[2]}, {data[3], data[4], data[0]}};
    for (const auto& batch : batches) {
        const Gradients g = ComputeGradients(network, batch);
        for (std::size_t l = 0; l < network.layers.size(); ++l) {
            for (std::size_t k = 0; k < network.layers[l].weights.size(); ++k)
                network.layers[l].weights[k] -= 0.2 * g.weights[l][k];
            for (std::size_t k = 0; k < network.layers[l].biases.size(); ++k)
                network.layers[l].biases[k] -= 0.2 * g.biases[l][k];
        }
        ASSERT_TRUE(trainer.Step());
        for (std::size_t l = 0; l < network.layers.size(); ++l) {
            for (std::size_t k = 0; k < network.layers[l].weights.size(); ++k)
                EXPECT_NEAR(trainer.network().layers[l].weights[k], network.layers[l].weights[k], 1e-14);
        }
    }
    EXPECT_EQ(trainer.step(), 2u);
}

TEST(Training, SameSeedSameRun) {
    NetworkSpec spec;
    spec.hidden = {4, 2};
    const Network network = MakeNetwork(spec, {InitScheme::Xavier, 0.1, 0.0, 9});
    Trainer a(network, Circle(100, 2), {}, {0.05, 7, 0.001, true, 42});
    Trainer b(network, Circle(100, 2), {}, {0.05, 7, 0.001, true, 42});
    Trainer c(network, Circle(100, 2), {}, {0.05, 7, 0.001, true, 43});
    a.Run(200);
    b.Run(200);
    c.Run(200);
    EXPECT_EQ(a.network(), b.network());
    EXPECT_NE(a.network(), c.network()); // another shuffle order
}

// Step() updates its packed copy of the parameters and brings the network up to date only when it
// is read: reading it, editing it or changing the batch size mid-run must neither change the run nor
// lose an update.
TEST(Training, ReadingEditingOrResizingMidRunNeitherChangesNorLosesUpdates) {
    NetworkSpec spec;
    spec.hidden = {4, 3};
    const Network initial = MakeNetwork(spec, {InitScheme::Xavier, 0.1, 0.0, 9});
    const TrainingOptions first{0.05, 7, 0.001, true, 42};
    TrainingOptions second = first;
    second.batch_size = 3;

    Trainer read_every_step(initial, Circle(100, 2), {}, first);
    for (int i = 0; i < 40; ++i) {
        read_every_step.Run(1);
        (void)read_every_step.network();
    }
    read_every_step.SetOptions(second);
    for (int i = 0; i < 40; ++i) {
        read_every_step.Run(1);
        (void)read_every_step.network();
    }

    Trainer read_at_end(initial, Circle(100, 2), {}, first);
    read_at_end.Run(40);
    read_at_end.SetOptions(second); // new batch buffers, reloaded from the network: must see the 40 steps
    read_at_end.Run(40);

    Trainer edited(initial, Circle(100, 2), {}, first);
    edited.Run(40);
    edited.EditNetwork().layers[0].activation = initial.layers[0].activation; // an edit that changes nothing
    edited.SetOptions(second);
    edited.Run(40);

    EXPECT_EQ(read_at_end.network(), read_every_step.network());
    EXPECT_EQ(edited.network(), read_every_step.network());
    for (std::size_t l = 0; l < initial.layers.size(); ++l) {
        EXPECT_NE(read_at_end.network().layers[l].weights, initial.layers[l].weights) << "layer " << l;
        EXPECT_NE(read_at_end.network().layers[l].biases, initial.layers[l].biases) << "layer " << l;
    }
}

TEST(Training, TanhLearnsTheCircle) {
    const SplitData split = SplitDataset(Circle(500, 1), 0.8);
    NetworkSpec spec;
    spec.hidden = {8, 8};
    Trainer trainer(MakeNetwork(spec, {InitScheme::Xavier, 0.1, 0.0, 1}), split.train, split.test,
                    {0.03, 10, 0.0, true, 1});
    const double before = Accuracy(trainer.network(), split.test);
    EXPECT_EQ(trainer.Run(3000), 3000u);
    EXPECT_LT(before, 0.8);
    EXPECT_GE(Accuracy(trainer.network(), split.test), 0.97);
    EXPECT_LT(MeanLoss(trainer.network(), split.test), 0.05);
    EXPECT_EQ(trainer.Observe().dead_count, 0u);
}

TEST(Training, SigmoidWithBceLearnsTheCircle) {
    const SplitData split = SplitDataset(Circle(500, 2, true), 0.8);
    NetworkSpec spec;
    spec.hidden = {8};
    spec.output = ActivationId::Sigmoid;
    spec.loss = Loss::Bce;
    Trainer trainer(MakeNetwork(spec, {InitScheme::Xavier, 0.1, 0.0, 1}), split.train, split.test,
                    {0.1, 10, 0.0, true, 1});
    trainer.Run(3000);
    EXPECT_GE(Accuracy(trainer.network(), split.test), 0.95);
}

TEST(Training, OneInputChainLearnsTheChainDataset) {
    DatasetOptions data;
    data.kind = DatasetKind::Chain;
    data.samples = 200;
    const Network chain = MakeChainNetwork(2, Activation::WithDefaults(ActivationId::Tanh),
                                           ActivationId::Tanh, {InitScheme::Xavier, 0.1, 0.0, 1});
    ASSERT_EQ(chain.inputs.size(), 1u);
    ASSERT_EQ(NodeCount(chain), 4u); // x → h1 → h2 → O
    Trainer trainer(chain, MakeDataset(data), {}, {0.1, 10, 0.0, true, 1});
    trainer.Run(2000);
    EXPECT_GE(Accuracy(trainer.network(), trainer.train()), 0.95);
}

// The dying-ReLU lessons themselves (the shipped presets over many seeds) are tested on the session
// that runs them: tests/session_test.cpp.

TEST(DyingRelu, SwitchingToLeakyReluKeepsWeightsAndRevives) {
    NetworkSpec spec;
    spec.hidden = {8, 8};
    spec.hidden_activation = Activation::WithDefaults(ActivationId::Relu);
    Trainer trainer(MakeNetwork(spec, {InitScheme::He, 0.1, -10.0, 1}), Circle(300, 1), {},
                    {0.03, 10, 0.0, true, 1});
    trainer.Run(50);
    ASSERT_GT(trainer.Observe().dead_count, 0u);
    const std::vector<double> weights = trainer.network().layers[0].weights;
    for (std::size_t l = 0; l < 2; ++l)
        SetLayerActivation(trainer.EditNetwork(), l, Activation::WithDefaults(ActivationId::LeakyRelu));
    EXPECT_EQ(trainer.network().layers[0].weights, weights);
    EXPECT_EQ(trainer.Observe().dead_count, 0u);
    trainer.Run(50);
    EXPECT_NE(trainer.network().layers[0].weights, weights); // gradients flow again
}

TEST(Divergence, StopsWithTheStepAndResetRecovers) {
    DatasetOptions data;
    data.kind = DatasetKind::RegPlane;
    NetworkSpec spec;
    spec.hidden = {8, 8};
    spec.hidden_activation = Activation::WithDefaults(ActivationId::Relu);
    spec.output = ActivationId::Linear;
    Trainer trainer(MakeNetwork(spec, {InitScheme::He, 0.1, 0.0, 1}), MakeDataset(data), {},
                    {50.0, 10, 0.0, true, 1});
    const std::size_t done = trainer.Run(1000);
    ASSERT_TRUE(trainer.diverged());
    EXPECT_LT(done, 1000u);
    EXPECT_EQ(trainer.step(), done + 1); // the step that diverged is counted and named
    EXPECT_NE(trainer.divergence().find("diverged at step " + std::to_string(done + 1)), std::string::npos)
        << trainer.divergence();
    EXPECT_FALSE(trainer.Step()); // stays stopped
    EXPECT_EQ(trainer.step(), done + 1);

    TrainingOptions calm = trainer.options();
    calm.learning_rate = 0.001;
    trainer.SetOptions(calm);
    trainer.Reset({InitScheme::He, 0.1, 0.0, 1});
    EXPECT_FALSE(trainer.diverged());
    EXPECT_EQ(trainer.step(), 0u);
    EXPECT_EQ(trainer.Run(100), 100u);
    EXPECT_TRUE(std::isfinite(trainer.Observe().loss));
    EXPECT_EQ(ValidateNetwork(trainer.network()), "");
}

TEST(Divergence, NanInputsAreCaughtNotPropagatedSilently) {
    NetworkSpec spec;
    spec.hidden = {2};
    Network network = MakeNetwork(spec, {});
    Trainer trainer(network, {{std::nan(""), 0.0, 1.0}}, {}, {0.1, 1, 0.0, false, 1});
    EXPECT_FALSE(trainer.Step());
    EXPECT_NE(trainer.divergence().find("step 1"), std::string::npos);
}

// Records observation o as step 10·o with train loss o, test loss −o, dead fraction o/1e6 and two
// layers' gradient norms 2o and 3o, so that every column can be traced back to its observation.
void RecordObservation(TrainingHistory& history, std::size_t o) {
    const double x = static_cast<double>(o);
    const std::vector<double> norms{2.0 * x, 3.0 * x};
    history.Record(10 * o, x, -x, x / 1e6, norms);
}

TEST(TrainingHistory, BelowTheLimitEveryObservationIsARow) {
    TrainingHistory history;
    history.max_rows = 64;
    for (std::size_t o = 0; o < 64; ++o)
        RecordObservation(history, o);
    ASSERT_EQ(history.size(), 64u);
    EXPECT_EQ(history.interval, 1u);
    for (std::size_t r = 0; r < 64; ++r)
        EXPECT_EQ(history.step[r], 10 * r);
}

TEST(TrainingHistory, ALongRunStaysBoundedAndSpansTheWholeRun) {
    TrainingHistory history;
    history.max_rows = 64;
    for (std::size_t o = 0; o < 10'000; ++o) {
        RecordObservation(history, o);
        ASSERT_LE(history.size(), 64u) << "after observation " << o;
        ASSERT_EQ(history.step.front(), 0u);    // the chart starts at the start of the run
        ASSERT_EQ(history.step.back(), 10 * o); // and ends at the latest observation
    }
    // 10 000 observations in at most 64 rows: the interval doubled up to 256, every row but the
    // latest on its grid, at least half the limit in use.
    EXPECT_EQ(history.interval, 256u);
    EXPECT_GE(history.size(), 32u);
    for (std::size_t r = 0; r < history.size(); ++r) {
        const std::size_t o = history.observation[r];
        if (r + 1 < history.size()) {
            EXPECT_EQ(o % history.interval, 0u) << r;
        }
        if (r > 0) {
            EXPECT_GT(o, history.observation[r - 1]);
        }
        const double x = static_cast<double>(o);
        EXPECT_EQ(history.step[r], 10 * o);
        EXPECT_EQ(history.train_loss[r], x);
        EXPECT_EQ(history.test_loss[r], -x);
        EXPECT_EQ(history.dead_fraction[r], x / 1e6);
        ASSERT_EQ(history.gradient_norm.size(), 2u);
        EXPECT_EQ(history.gradient_norm[0][r], 2.0 * x);
        EXPECT_EQ(history.gradient_norm[1][r], 3.0 * x);
    }
    for (const auto& norms : history.gradient_norm)
        EXPECT_EQ(norms.size(), history.size());
}

TEST(TrainingHistory, ANewLayerCountStartsTheChartsOver) {
    TrainingHistory history;
    history.max_rows = 8;
    for (std::size_t o = 0; o < 20; ++o)
        RecordObservation(history, o);
    const std::vector<double> three{1.0, 2.0, 3.0};
    history.Record(500, 0.5, 0.6, 0.0, three);
    ASSERT_EQ(history.size(), 1u);
    EXPECT_EQ(history.step[0], 500u);
    EXPECT_EQ(history.gradient_norm.size(), 3u);
    EXPECT_EQ(history.interval, 1u);
    EXPECT_EQ(history.max_rows, 8u);
}

TEST(TrainingHistory, TrainerObservationsStayBounded) {
    NetworkSpec spec;
    spec.hidden = {3};
    Trainer trainer(MakeNetwork(spec, {}), Circle(20, 3), Circle(10, 4), {0.05, 5, 0.0, true, 1});
    trainer.SetHistoryLimit(16);
    for (int i = 0; i < 200; ++i) {
        trainer.Run(3);
        trainer.Observe();
    }
    const TrainingHistory& history = trainer.history();
    EXPECT_LE(history.size(), 16u);
    EXPECT_GE(history.size(), 8u);
    EXPECT_EQ(history.step.front(), 3u);
    EXPECT_EQ(history.step.back(), trainer.step());
    EXPECT_EQ(history.test_loss.back(), MeanLoss(trainer.network(), trainer.test()));
    ASSERT_EQ(history.gradient_norm.size(), 2u);
    EXPECT_EQ(history.gradient_norm[1].size(), history.size());
}

TEST(Heatmap, GridHoldsEveryNodeOverThePlane) {
    const Network network = HandBuilt();
    std::vector<float> grid;
    EvaluateGrid(network, 4, -6.0, 6.0, grid);
    ASSERT_EQ(NodeCount(network), 5u); // x1, x2, two hidden, output
    ASSERT_EQ(grid.size(), 5u * 16u);
    // Cell (row 0, column 3) is x1 = 4.5, x2 = 4.5 (row 0 is the top).
    EXPECT_FLOAT_EQ(grid[NodeIndex(network, -1, 0) * 16 + 3], 4.5f);
    EXPECT_FLOAT_EQ(grid[NodeIndex(network, -1, 1) * 16 + 3], 4.5f);
    EXPECT_FLOAT_EQ(grid[NodeIndex(network, -1, 1) * 16 + 12], -4.5f); // bottom row
    EXPECT_FLOAT_EQ(grid[NodeIndex(network, 0, 0) * 16 + 5], 0.0f);    // the dead neuron is 0 everywhere
    EXPECT_FLOAT_EQ(grid[NodeIndex(network, 0, 1) * 16 + 3], 4.5f);    // ReLU(x1)
    EXPECT_FLOAT_EQ(grid[NodeIndex(network, 0, 1) * 16 + 0], 0.0f);
    EXPECT_FLOAT_EQ(grid[NodeIndex(network, 1, 0) * 16 + 3], static_cast<float>(Predict(network, 4.5, 4.5)));
}

TEST(Heatmap, DerivedFeaturesFeedTheNetwork) {
    NetworkSpec spec;
    spec.inputs = {InputFeature::X1Squared, InputFeature::X1X2, InputFeature::SinX2};
    spec.hidden = {};
    spec.output = ActivationId::Linear;
    Network network = MakeNetwork(spec, {});
    network.layers[0].weights = {1.0, 10.0, 100.0};
    network.layers[0].biases = {0.5};
    EXPECT_DOUBLE_EQ(Predict(network, 2.0, 3.0), 4.0 + 60.0 + 100.0 * std::sin(3.0) + 0.5);
}

} // namespace
} // namespace actlab
