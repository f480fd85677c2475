// Back-propagation against central finite differences of the loss, for every activation of the
// catalogue in the hidden layers (PReLU's learned a included), every output/loss pair (softmax + ce
// included) and L2; and the
// chain-rule trace against back-propagation.
#include "core/network.h"
#include "core/training.h"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

namespace actlab {
namespace {

// Class indices 0, 1, 2 for a softmax output: the same points, class i mod 3.
std::vector<Sample> SomeClassSamples() {
    std::vector<Sample> samples{{1.3, -0.7, 0.0},  {-2.1, 0.4, 1.0}, {0.3, 2.2, 2.0},
                                {-0.9, -1.6, 0.0}, {2.4, 1.1, 1.0},  {-0.2, 0.05, 2.0}};
    return samples;
}

std::vector<Sample> SomeSamples(bool zero_one) {
    std::vector<Sample> samples{{1.3, -0.7, 1.0},   {-2.1, 0.4, -1.0}, {0.3, 2.2, 1.0},
                                {-0.9, -1.6, -1.0}, {2.4, 1.1, -1.0},  {-0.2, 0.05, 1.0}};
    if (zero_one)
        for (Sample& s : samples)
            s.y = s.y > 0.0 ? 1.0 : 0.0;
    return samples;
}

Network RandomNetwork(ActivationId hidden, ActivationId output, Loss loss, std::uint64_t seed) {
    NetworkSpec spec;
    spec.hidden = {3, 2};
    spec.hidden_activation = Activation::WithDefaults(hidden);
    spec.output = output;
    spec.loss = loss;
    InitOptions init;
    init.scheme = InitScheme::Normal;
    init.normal_std = 0.8;
    init.bias = 0.1;
    init.seed = seed;
    Network network = MakeNetwork(spec, init);
    // Distinct learned slopes, so that ∂L/∂a differs between neurons.
    for (Layer& layer : network.layers)
        for (std::size_t j = 0; j < layer.learned.size(); ++j)
            layer.learned[j] = 0.1 + 0.15 * static_cast<double>(j);
    return network;
}

// Every parameter of the network, in a fixed order, as pointers: for perturbing one at a time.
std::vector<double*> Parameters(Network& network) {
    std::vector<double*> params;
    for (Layer& layer : network.layers) {
        for (double& w : layer.weights)
            params.push_back(&w);
        for (double& b : layer.biases)
            params.push_back(&b);
        for (double& a : layer.learned)
            params.push_back(&a);
    }
    return params;
}

std::vector<double> Flatten(const Gradients& g) {
    std::vector<double> flat;
    for (std::size_t l = 0; l < g.weights.size(); ++l) {
        flat.insert(flat.end(), g.weights[l].begin(), g.weights[l].end());
        flat.insert(flat.end(), g.biases[l].begin(), g.biases[l].end());
        flat.insert(flat.end(), g.learned[l].begin(), g.learned[l].end());
    }
    return flat;
}

double LossWithL2(const Network& network, const std::vector<Sample>& samples, double l2) {
    double loss = MeanLoss(network, samples);
    for (const Layer& layer : network.layers)
        for (double w : layer.weights)
            loss += 0.5 * l2 * w * w;
    return loss;
}

void ExpectGradientsMatch(Network network, const std::vector<Sample>& samples, double l2,
                          const std::string& what) {
    const std::vector<double> analytic = Flatten(ComputeGradients(network, samples, l2));
    std::vector<double*> params = Parameters(network);
    ASSERT_EQ(analytic.size(), params.size()) << what;
    constexpr double h = 1e-6;
    for (std::size_t k = 0; k < params.size(); ++k) {
        const double saved = *params[k];
        *params[k] = saved + h;
        const double up = LossWithL2(network, samples, l2);
        *params[k] = saved - h;
        const double down = LossWithL2(network, samples, l2);
        *params[k] = saved;
        const double numeric = (up - down) / (2.0 * h);
        EXPECT_NEAR(analytic[k], numeric, 1e-6 * std::max(1.0, std::fabs(numeric)))
            << what << ", parameter " << k;
    }
}

std::vector<ActivationId> AllActivations() {
    std::vector<ActivationId> ids;
    for (const auto& info : Catalogue())
        ids.push_back(info.id);
    return ids;
}

class HiddenActivation : public ::testing::TestWithParam<ActivationId> {};

TEST_P(HiddenActivation, BackpropMatchesFiniteDifferences) {
    const ActivationId id = GetParam();
    const std::string name(Info(id).name);
    ExpectGradientsMatch(RandomNetwork(id, ActivationId::Tanh, Loss::Mse, 3), SomeSamples(false), 0.0,
                         name + " with tanh output, mse");
    ExpectGradientsMatch(RandomNetwork(id, ActivationId::Sigmoid, Loss::Bce, 4), SomeSamples(true), 0.0,
                         name + " with sigmoid output, bce");
    ExpectGradientsMatch(RandomNetwork(id, ActivationId::Linear, Loss::Mse, 5), SomeSamples(false), 0.01,
                         name + " with linear output, mse and L2");
    ExpectGradientsMatch(RandomNetwork(id, ActivationId::Sigmoid, Loss::Mse, 6), SomeSamples(true), 0.0,
                         name + " with sigmoid output, mse");
    ExpectGradientsMatch(RandomNetwork(id, ActivationId::Linear, Loss::Ce, 7), SomeClassSamples(), 0.01,
                         name + " with softmax output (3 classes), ce and L2");
}

INSTANTIATE_TEST_SUITE_P(EveryActivation, HiddenActivation, ::testing::ValuesIn(AllActivations()),
                         [](const ::testing::TestParamInfo<ActivationId>& param_info) {
                             std::string name(Info(param_info.param).name);
                             for (char& c : name)
                                 if (c == '-') c = '_';
                             return name;
                         });

TEST(NetworkGradient, PreluLearnsItsSlopePerNeuron) {
    const Network network = RandomNetwork(ActivationId::Prelu, ActivationId::Tanh, Loss::Mse, 3);
    const Gradients g = ComputeGradients(network, SomeSamples(false));
    ASSERT_EQ(g.learned[0].size(), 3u);
    ASSERT_EQ(g.learned[1].size(), 2u);
    EXPECT_TRUE(g.learned[2].empty());
    // Some neuron sees z < 0 on some sample, so some ∂L/∂a is non-zero (and checked above).
    double largest = 0.0;
    for (const auto& layer : g.learned)
        for (double v : layer)
            largest = std::max(largest, std::fabs(v));
    EXPECT_GT(largest, 1e-4);
}

TEST(NetworkGradient, BceIsTheCrossEntropyOfTheSigmoidOutput) {
    // E = −y ln ŷ − (1 − y) ln(1 − ŷ), computed from z without rounding ŷ first.
    const double z = 0.7;
    const double y_hat = 1.0 / (1.0 + std::exp(-z));
    EXPECT_NEAR(SampleLoss(Loss::Bce, y_hat, z, 1.0), -std::log(y_hat), 1e-15);
    EXPECT_NEAR(SampleLoss(Loss::Bce, y_hat, z, 0.0), -std::log(1.0 - y_hat), 1e-15);
    EXPECT_NEAR(SampleLoss(Loss::Bce, 1.0, 800.0, 0.0), 800.0, 1e-9); // finite where ln(1 − ŷ) is −inf
    EXPECT_DOUBLE_EQ(SampleLoss(Loss::Mse, 0.5, 0.0, -1.0), 0.5 * 1.5 * 1.5);
}

TEST(ChainRuleTrace, ProductEqualsBackpropForEveryWeight) {
    const Network wide = RandomNetwork(ActivationId::Tanh, ActivationId::Tanh, Loss::Mse, 11);
    const Network chain = MakeChainNetwork(3, Activation::WithDefaults(ActivationId::Tanh),
                                           ActivationId::Sigmoid, {InitScheme::Normal, 1.0, 0.2, 7});
    const Network bce = RandomNetwork(ActivationId::Elu, ActivationId::Sigmoid, Loss::Bce, 12);
    for (const Network* network : {&wide, &chain, &bce}) {
        const Sample sample = network == &bce ? Sample{0.8, -1.2, 1.0} : Sample{0.8, -1.2, -1.0};
        const Gradients g = ComputeGradients(*network, std::vector<Sample>{sample});
        for (std::size_t l = 0; l < network->layers.size(); ++l) {
            const Layer& layer = network->layers[l];
            for (std::size_t j = 0; j < layer.size; ++j) {
                for (std::size_t i = 0; i < layer.fan_in; ++i) {
                    const ChainRuleTrace t = TraceWeight(*network, l, j, i, sample, 0.1);
                    const double expected = g.weights[l][j * layer.fan_in + i];
                    EXPECT_NEAR(t.product, expected, 1e-12 * std::max(1e-3, std::fabs(expected)))
                        << t.weight_name;
                    EXPECT_NEAR(t.gradient, expected, 1e-13 * std::max(1e-3, std::fabs(expected)))
                        << t.weight_name;
                    EXPECT_DOUBLE_EQ(t.weight_after, layer.Weight(j, i) - 0.1 * t.gradient);
                }
            }
        }
    }
}

TEST(ChainRuleTrace, ChainSpellsOutEveryFactor) {
    // x → h1 → O: ∂E/∂w₁ = ∂E/∂O · ∂O/∂Z2 · ∂Z2/∂h1 · ∂h1/∂Z1 · ∂Z1/∂w.
    const Network chain = MakeChainNetwork(1, Activation::WithDefaults(ActivationId::Tanh),
                                           ActivationId::Tanh, {InitScheme::Normal, 1.0, 0.0, 3});
    const ChainRuleTrace t = TraceWeight(chain, 0, 0, 0, {0.5, 0.0, 1.0}, 0.1);
    ASSERT_EQ(t.factors.size(), 5u);
    EXPECT_EQ(t.factors[0].name, "∂E/∂O");
    EXPECT_EQ(t.factors[1].name, "∂O/∂Z2");
    EXPECT_EQ(t.factors[2].name, "∂Z2/∂h1");
    EXPECT_EQ(t.factors[3].name, "∂h1/∂Z1");
    EXPECT_EQ(t.factors[4].name, "∂Z1/∂w");
    EXPECT_EQ(t.weight_name, "w(x1→h1)");
    EXPECT_DOUBLE_EQ(t.factors[0].value, t.y_hat - 1.0); // mse: ŷ − y
    EXPECT_DOUBLE_EQ(t.factors[2].value, chain.layers[1].Weight(0, 0));
    EXPECT_DOUBLE_EQ(t.factors[4].value, 0.5); // the input x
    EXPECT_FALSE(t.has_zero_factor);
}

TEST(ChainRuleTrace, ADeadReluOnThePathGivesAZeroFactorAndNoUpdate) {
    // The lecture's 0.8 × 0 × 0.4 × 0.3 = 0: x → h1 → h2 → O with h2's ReLU off for this sample.
    Network chain = MakeChainNetwork(2, Activation::WithDefaults(ActivationId::Relu), ActivationId::Tanh,
                                     {InitScheme::Normal, 1.0, 0.0, 1});
    chain.layers[0].weights = {0.8};
    chain.layers[0].biases = {0.0};
    chain.layers[1].weights = {0.4};
    chain.layers[1].biases = {-5.0}; // Z2 = 0.4·h1 − 5 ≤ 0 for every x in [−6, 6]
    chain.layers[2].weights = {0.3};
    chain.layers[2].biases = {0.1};
    const Sample sample{2.0, 0.0, 1.0};
    const ChainRuleTrace t = TraceWeight(chain, 0, 0, 0, sample, 0.5);
    EXPECT_TRUE(t.has_zero_factor);
    EXPECT_EQ(t.product, 0.0);
    EXPECT_EQ(t.gradient, 0.0);
    EXPECT_EQ(t.weight_after, t.weight_before);
    bool found_zero_relu_factor = false;
    for (const ChainFactor& f : t.factors)
        found_zero_relu_factor |= f.name == "∂h2/∂Z2" && f.value == 0.0;
    EXPECT_TRUE(found_zero_relu_factor);

    // And a real SGD step on that sample leaves w unchanged, exactly.
    Trainer trainer(chain, {sample}, {}, {0.5, 1, 0.0, false, 1});
    ASSERT_TRUE(trainer.Step());
    EXPECT_EQ(trainer.network().layers[0].weights[0], 0.8);
    EXPECT_EQ(trainer.network().layers[1].weights[0], 0.4);
    EXPECT_NE(trainer.network().layers[2].biases[0], 0.1); // the output still learns
}

TEST(ChainRuleTrace, WideLayersUseTheBackpropagatedSum) {
    const Network network = RandomNetwork(ActivationId::Tanh, ActivationId::Tanh, Loss::Mse, 2);
    const ChainRuleTrace t = TraceWeight(network, 0, 1, 0, {1.0, 2.0, 1.0}, 0.1);
    ASSERT_EQ(t.factors.size(), 3u);
    EXPECT_EQ(t.factors[0].name, "∂E/∂h1,2");
    EXPECT_EQ(t.factors[1].name, "∂h1,2/∂Z1,2");
    EXPECT_EQ(t.factors[2].name, "∂Z1,2/∂w");
    EXPECT_DOUBLE_EQ(t.factors[2].value, 1.0);
    EXPECT_THROW(TraceWeight(network, 3, 0, 0, {1.0, 2.0, 1.0}, 0.1), std::out_of_range);
    EXPECT_THROW(TraceWeight(network, 0, 3, 0, {1.0, 2.0, 1.0}, 0.1), std::out_of_range);
    EXPECT_THROW(TraceWeight(network, 1, 0, 3, {1.0, 2.0, 1.0}, 0.1), std::out_of_range);
}

} // namespace
} // namespace actlab
