// The line chart's pure helpers: axes that fit the data (whole decades on a log scale) and the
// segment test the legend placement uses.

#include "ui_frame_fixture.h"

#include "ui/line_chart.h"

#include <cmath>

namespace actlab::ui {
namespace {

TEST(LineChart, AxesFitTheDataWithWholeDecadesOnALogScale) {
    const AxisRange log_range = FitAxis({0.003, 20.0, 0.0, -1.0, std::nan("")}, true);
    EXPECT_EQ(log_range.lo, -3.0) << "10⁻³ ≤ 0.003; zero, negatives and NaN are not drawable and ignored";
    EXPECT_EQ(log_range.hi, 2.0) << "20 ≤ 10²";
    const AxisRange linear = FitAxis({-1.0, 3.0}, false);
    EXPECT_DOUBLE_EQ(linear.lo, -1.2) << "5 % padding";
    EXPECT_DOUBLE_EQ(linear.hi, 3.2);
    const AxisRange flat = FitAxis({2.0, 2.0}, false);
    EXPECT_LT(flat.lo, 2.0);
    EXPECT_GT(flat.hi, 2.0) << "a constant series still gets a range";
    EXPECT_EQ(DecadeLabel(-5), "10\u207b\u2075");
    EXPECT_EQ(DecadeLabel(6), "10\u2076");
    EXPECT_EQ(DecadeLabel(-2), "0.01");
    EXPECT_EQ(DecadeLabel(1), "10");
}

// The legend box avoids corners that lines cross, not only corners that hold a sample: a loss
// curve of two points still runs through everything between them.
TEST(LineChart, ASegmentCrossesARectangleOnlyWhereItPassesThroughIt) {
    const Vec2 lo{10, 10}, hi{20, 20};
    EXPECT_TRUE(SegmentCrossesRect({0, 0}, {30, 30}, lo, hi));   // through, both ends outside
    EXPECT_TRUE(SegmentCrossesRect({0, 15}, {30, 15}, lo, hi));  // horizontal
    EXPECT_TRUE(SegmentCrossesRect({15, 0}, {15, 30}, lo, hi));  // vertical
    EXPECT_TRUE(SegmentCrossesRect({12, 12}, {14, 18}, lo, hi)); // wholly inside
    EXPECT_TRUE(SegmentCrossesRect({15, 15}, {40, 40}, lo, hi)); // starts inside
    EXPECT_TRUE(SegmentCrossesRect({0, 20}, {30, 20}, lo, hi));  // along an edge
    EXPECT_FALSE(SegmentCrossesRect({0, 0}, {30, 5}, lo, hi));   // passes above
    EXPECT_FALSE(SegmentCrossesRect({0, 25}, {25, 50}, lo, hi)); // passes below
    EXPECT_FALSE(SegmentCrossesRect({0, 18}, {8, 30}, lo, hi));  // would cross if it went on
    EXPECT_FALSE(SegmentCrossesRect({21, 0}, {21, 30}, lo, hi)); // vertical, beside
    EXPECT_TRUE(SegmentCrossesRect({0, 29}, {29, 0}, lo, hi));   // the anti-diagonal clips a corner
    EXPECT_FALSE(SegmentCrossesRect({0, 9}, {9, 0}, lo, hi));    // misses the corner
}

} // namespace
} // namespace actlab::ui
