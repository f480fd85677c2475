// The replay's bounded snapshots: the whole run at an even spacing whatever its length, the latest
// step always reachable, branches dropping what came after them.
#include "core/weight_snapshots.h"

#include "core/training.h"

#include <gtest/gtest.h>

namespace actlab {
namespace {

// A network whose first bias records the step it was offered at, to see which copy is kept.
Network Marked(std::size_t step) {
    Network network;
    Layer layer;
    layer.fan_in = 1;
    layer.size = 1;
    layer.weights = {1.0};
    layer.biases = {static_cast<double>(step)};
    network.layers.push_back(layer);
    return network;
}

TEST(WeightSnapshots, ALongRunIsThinnedEvenlyWithinTheCapacity) {
    WeightSnapshots snapshots(256);
    for (std::size_t step = 0; step <= 100'000; step += 10)
        snapshots.Offer(step, Marked(step));
    const std::vector<WeightSnapshot>& kept = snapshots.snapshots();
    ASSERT_LE(kept.size(), 256u);
    EXPECT_GE(kept.size(), 128u) << "thinning halves, never more";
    EXPECT_EQ(kept.front().step, 0u);
    EXPECT_EQ(kept.back().step, 100'000u) << "the latest step is always there";
    const std::size_t interval = snapshots.interval();
    EXPECT_GT(interval, 1u);
    // Offers every 10 steps: the kept ones are every interval-th offer, 10·interval steps apart.
    for (std::size_t i = 1; i + 1 < kept.size(); ++i) {
        EXPECT_EQ(kept[i].offer % interval, 0u) << i;
        EXPECT_EQ(kept[i].step - kept[i - 1].step, 10 * interval) << "even spacing at " << i;
    }
    for (const WeightSnapshot& snap : kept)
        EXPECT_EQ(snap.network.layers[0].biases[0], static_cast<double>(snap.step)) << "its own weights";
}

TEST(WeightSnapshots, TheLatestOfferReplacesAnOffGridOne) {
    WeightSnapshots snapshots(4);
    for (std::size_t step : {0u, 1u, 2u, 3u, 4u, 5u})
        snapshots.Offer(step, Marked(step));
    // Full at 5: thinned to the grid of 2 (0, 2, 4) plus the latest (5).
    ASSERT_EQ(snapshots.size(), 4u);
    EXPECT_EQ(snapshots.interval(), 2u);
    snapshots.Offer(6, Marked(6)); // on the grid: 5 gives way to it
    std::vector<std::size_t> steps;
    for (const WeightSnapshot& snap : snapshots.snapshots())
        steps.push_back(snap.step);
    EXPECT_EQ(steps, (std::vector<std::size_t>{0, 2, 4, 6}));
    snapshots.Offer(6, Marked(99)); // the same step again: ignored
    EXPECT_EQ(snapshots.snapshots().back().network.layers[0].biases[0], 6.0);
}

TEST(WeightSnapshots, ABranchDropsTheLaterSnapshotsAndFindsTheNearestEarlierOne) {
    WeightSnapshots snapshots(256);
    for (std::size_t step = 0; step <= 100; step += 5)
        snapshots.Offer(step, Marked(step));
    EXPECT_EQ(snapshots.snapshots()[snapshots.IndexAtOrBefore(42)].step, 40u);
    EXPECT_EQ(snapshots.snapshots()[snapshots.IndexAtOrBefore(45)].step, 45u);
    EXPECT_EQ(snapshots.snapshots()[snapshots.IndexAtOrBefore(1000)].step, 100u);
    snapshots.TruncateAfter(42);
    EXPECT_EQ(snapshots.snapshots().back().step, 40u);
    snapshots.Offer(43, Marked(43));
    EXPECT_EQ(snapshots.snapshots().back().step, 43u) << "the branch goes on from there";
    snapshots.Clear();
    EXPECT_TRUE(snapshots.empty());
    EXPECT_EQ(snapshots.interval(), 1u);
}

TEST(TrainingHistory, TruncatingAfterAStepDropsTheLaterRows) {
    TrainingHistory history;
    const std::vector<double> norms{1.0};
    for (std::size_t step = 0; step <= 50; step += 10)
        history.Record(step, 1.0, 1.0, 0.0, norms);
    history.TruncateAfterStep(25);
    ASSERT_EQ(history.size(), 3u);
    EXPECT_EQ(history.step.back(), 20u);
    EXPECT_EQ(history.gradient_norm[0].size(), 3u);
    EXPECT_EQ(history.train_accuracy.size(), 3u);
}

} // namespace
} // namespace actlab
