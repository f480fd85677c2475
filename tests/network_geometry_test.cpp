// Bends of first-layer neurons on a 1-D input and the linear regions of ReLU networks on the plane,
// on hand-built networks whose answers are known from geometry.
#include "core/network_geometry.h"

#include <gtest/gtest.h>

#include <set>

namespace actlab {
namespace {

// x → `weights.size()` neurons of `hidden` → one linear output.
Network OneInputNetwork(const std::vector<double>& weights, const std::vector<double>& biases,
                        ActivationId hidden) {
    NetworkSpec spec;
    spec.inputs = {InputFeature::X1};
    spec.hidden = {weights.size()};
    spec.hidden_activation = Activation::WithDefaults(hidden);
    spec.output = ActivationId::Linear;
    Network network = MakeNetwork(spec, {});
    network.layers[0].weights = weights;
    network.layers[0].biases = biases;
    return network;
}

TEST(NetworkGeometry, AReluNeuronKinksWhereItsPreActivationCrossesZero) {
    const Network network = OneInputNetwork({2.0, -1.0, 0.0, 0.5}, {1.0, 3.0, 5.0, -4.0}, ActivationId::Relu);
    const std::vector<FirstLayerBend> bends = FirstLayerBends(network, -6.0, 6.0);
    ASSERT_EQ(bends.size(), 3u) << "a neuron with w = 0 is constant: no kink";
    EXPECT_EQ(bends[0].neuron, 0u);
    EXPECT_DOUBLE_EQ(bends[0].x, -0.5); // 2x + 1 = 0
    EXPECT_EQ(bends[1].neuron, 1u);
    EXPECT_DOUBLE_EQ(bends[1].x, 3.0); // −x + 3 = 0
    EXPECT_EQ(bends[2].neuron, 3u);
    EXPECT_DOUBLE_EQ(bends[2].x, 8.0); // 0.5x − 4 = 0: beyond the axis
    EXPECT_TRUE(bends[0].inside);
    EXPECT_TRUE(bends[1].inside);
    EXPECT_FALSE(bends[2].inside);
    for (const FirstLayerBend& bend : bends)
        EXPECT_TRUE(bend.kink);
    // The network really is affine between the kinks: its second difference vanishes away from them.
    const auto f = [&](double x) { return Predict(network, x, 0.0); };
    for (double x : {-3.0, 1.0, 5.0})
        EXPECT_NEAR(f(x - 0.1) - 2 * f(x) + f(x + 0.1), 0.0, 1e-12) << x;
    EXPECT_GT(std::abs(f(-0.6) - 2 * f(-0.5) + f(-0.4)), 1e-6) << "and bends at a kink";
}

TEST(NetworkGeometry, SmoothActivationsBendWithoutAKink) {
    const Network network = OneInputNetwork({1.0}, {2.0}, ActivationId::Elu);
    const std::vector<FirstLayerBend> bends = FirstLayerBends(network, -6.0, 6.0);
    ASSERT_EQ(bends.size(), 1u);
    EXPECT_DOUBLE_EQ(bends[0].x, -2.0);
    EXPECT_FALSE(bends[0].kink);
}

// x1, x2 → 3 ReLUs on the lines x1 = 0, x2 = 0 and x1 + x2 = 1 → one output. Three lines in general
// position whose crossings all lie in the window cut it into 1 + 3 + 3 = 7 regions.
Network ThreeLines(ActivationId hidden) {
    NetworkSpec spec;
    spec.hidden = {3};
    spec.hidden_activation = Activation::WithDefaults(hidden);
    spec.output = ActivationId::Linear;
    Network network = MakeNetwork(spec, {});
    network.layers[0].weights = {1.0, 0.0, 0.0, 1.0, 1.0, 1.0};
    network.layers[0].biases = {0.0, 0.0, -1.0};
    return network;
}

TEST(NetworkGeometry, ThreeLinesCutThePlaneIntoSevenLinearRegions) {
    const Network network = ThreeLines(ActivationId::Relu);
    ASSERT_TRUE(HasLinearRegions(network));
    const LinearRegionGrid grid = SampleLinearRegions(network, 120, -6.0, 6.0);
    EXPECT_EQ(grid.regions, 7u);
    ASSERT_EQ(grid.pattern.size(), 120u * 120u);
    // Top right (x1, x2 > 0, x1 + x2 > 1): all three on; bottom left: all off.
    EXPECT_EQ(grid.pattern[0 * 120 + 119], 0b111u);
    EXPECT_EQ(grid.pattern[119 * 120 + 0], 0b000u);
    // Leaky ReLU has the same corners: the same regions.
    EXPECT_EQ(SampleLinearRegions(ThreeLines(ActivationId::LeakyRelu), 120, -6.0, 6.0).regions, 7u);
}

TEST(NetworkGeometry, SmoothNetworksHaveNoLinearRegions) {
    const Network network = ThreeLines(ActivationId::Tanh);
    EXPECT_FALSE(HasLinearRegions(network));
    EXPECT_EQ(SampleLinearRegions(network, 16, -6.0, 6.0).regions, 0u);
}

TEST(NetworkGeometry, ADeeperReluNetHasAtLeastItsFirstLayersRegions) {
    NetworkSpec spec;
    spec.hidden = {6, 6};
    spec.hidden_activation = Activation::WithDefaults(ActivationId::Relu);
    spec.output = ActivationId::Linear;
    InitOptions init;
    init.scheme = InitScheme::He;
    init.bias = 0.5;
    init.seed = 7;
    const Network deep = MakeNetwork(spec, init);
    Network shallow = deep;
    shallow.layers.erase(shallow.layers.begin() + 1); // the first layer only, then an output
    shallow.layers.back().fan_in = 6;
    shallow.layers.back().weights.assign(6, 1.0);
    const LinearRegionGrid grid = SampleLinearRegions(deep, 100, -6.0, 6.0);
    const LinearRegionGrid first = SampleLinearRegions(shallow, 100, -6.0, 6.0);
    EXPECT_GE(grid.regions, first.regions) << "a second layer only splits regions further";
    std::set<std::uint64_t> distinct(grid.pattern.begin(), grid.pattern.end());
    EXPECT_EQ(distinct.size(), grid.regions);
}

} // namespace
} // namespace actlab
