// The animation timeline: frame counts, swept values at both ends and half way, training steps.
#include "core/animation_plan.h"

#include <gtest/gtest.h>

namespace actlab {
namespace {

TEST(AnimationPlan, FrameCountIsSecondsTimesFpsRounded) {
    EXPECT_EQ(AnimationFrameCount(4, 30), 120);
    EXPECT_EQ(AnimationFrameCount(0.5, 25), 13); // 12.5 rounds away from zero
    EXPECT_EQ(AnimationFrameCount(0.01, 30), 0);
}

TEST(AnimationPlan, ForwardSweepRunsFromFromToToExactly) {
    EXPECT_EQ(SweepValue(0.1, 2.0, 0, 60, AnimationLoop::Forward), 0.1);
    EXPECT_EQ(SweepValue(0.1, 2.0, 59, 60, AnimationLoop::Forward), 2.0);
    EXPECT_DOUBLE_EQ(SweepValue(0.0, 3.0, 1, 4, AnimationLoop::Forward), 1.0);
    EXPECT_EQ(SweepValue(0.1, 2.0, 0, 1, AnimationLoop::Forward), 2.0);
}

TEST(AnimationPlan, PingpongTurnsAtTheMiddleAndStopsShortOfTheStart) {
    EXPECT_EQ(SweepValue(1.0, 3.0, 0, 10, AnimationLoop::PingPong), 1.0);
    EXPECT_EQ(SweepValue(1.0, 3.0, 5, 10, AnimationLoop::PingPong), 3.0);
    EXPECT_DOUBLE_EQ(SweepValue(1.0, 3.0, 2, 10, AnimationLoop::PingPong),
                     SweepValue(1.0, 3.0, 8, 10, AnimationLoop::PingPong));
    EXPECT_GT(SweepValue(1.0, 3.0, 9, 10, AnimationLoop::PingPong), 1.0);
}

TEST(AnimationPlan, TrainingStepsSpreadEvenlyFromNoneToAll) {
    EXPECT_EQ(TrainingStepsAt(1000, 0, 11), 0U);
    EXPECT_EQ(TrainingStepsAt(1000, 5, 11), 500U);
    EXPECT_EQ(TrainingStepsAt(1000, 10, 11), 1000U);
    EXPECT_EQ(TrainingStepsAt(7, 1, 3), 3U); // floor(7/2)
    EXPECT_EQ(ParseAnimationLoop("pingpong"), AnimationLoop::PingPong);
    EXPECT_FALSE(ParseAnimationLoop("back"));
}

} // namespace
} // namespace actlab
