// The value of a swept parameter over time (slider auto-play and deck slides).
#include "core/param_sweep.h"

#include <gtest/gtest.h>

#include <limits>

namespace actlab {
namespace {

TEST(ParamSweep, PingPongGoesThereAndBackInTwiceTheSeconds) {
    const ParamSweep sweep{"leaky_relu.slope", 0.0, 0.3, 4.0, AnimationLoop::PingPong};
    EXPECT_DOUBLE_EQ(ParamSweepValueAt(sweep, 0.0), 0.0);
    EXPECT_DOUBLE_EQ(ParamSweepValueAt(sweep, 2.0), 0.15);
    EXPECT_DOUBLE_EQ(ParamSweepValueAt(sweep, 4.0), 0.3);
    EXPECT_DOUBLE_EQ(ParamSweepValueAt(sweep, 6.0), 0.15);
    EXPECT_NEAR(ParamSweepValueAt(sweep, 8.0), 0.0, 1e-15);
    EXPECT_DOUBLE_EQ(ParamSweepValueAt(sweep, 9.0), 0.075);
}

TEST(ParamSweep, ForwardStartsAgainAtFromAfterEachPass) {
    const ParamSweep sweep{"elu.alpha", 1.0, 3.0, 2.0, AnimationLoop::Forward};
    EXPECT_DOUBLE_EQ(ParamSweepValueAt(sweep, 1.0), 2.0);
    EXPECT_DOUBLE_EQ(ParamSweepValueAt(sweep, 2.0), 1.0);
    EXPECT_DOUBLE_EQ(ParamSweepValueAt(sweep, 3.5), 2.5);
}

TEST(ParamSweep, DegenerateDurationsAndTimesStayAtFrom) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    EXPECT_EQ(ParamSweepValueAt({"elu.alpha", 1.0, 3.0, 0.0, AnimationLoop::Forward}, 1.0), 1.0);
    EXPECT_EQ(ParamSweepValueAt({"elu.alpha", 1.0, 3.0, nan, AnimationLoop::PingPong}, 1.0), 1.0);
    EXPECT_EQ(ParamSweepValueAt({"elu.alpha", 1.0, 3.0, 2.0, AnimationLoop::PingPong}, nan), 1.0);
}

} // namespace
} // namespace actlab
