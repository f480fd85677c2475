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

// A loss chart shows 0, so train 0.498 against test 0.508 reads as the small gap it is; other charts
// keep their fitted range.
TEST(LineChart, LossChartsIncludeZero) {
    ChartSeries train, test;
    train.x = test.x = {0, 10, 20};
    train.y = {0.51, 0.50, 0.498};
    test.y = {0.51, 0.505, 0.508};
    ChartOptions options;
    options.include_zero = true;
    const AxisRange honest = ChartYRange({train, test}, options);
    EXPECT_EQ(honest.lo, 0.0);
    EXPECT_GT(honest.hi, 0.51);
    EXPECT_LT(honest.hi, 0.6);
    options.include_zero = false;
    const AxisRange fitted = ChartYRange({train, test}, options);
    EXPECT_GT(fitted.lo, 0.49);
}

// At least three ticks on every axis long enough for three labels, linear or logarithmic, however
// small or oddly placed the range.
TEST(LineChart, EveryAxisHasAtLeastThreeTicks) {
    const float spacing = 17.0f * 2.2f;
    for (float length : {60.0f, 120.0f, 400.0f}) {
        for (const AxisRange range : {AxisRange{0.49, 0.51}, AxisRange{0, 1}, AxisRange{-3.3, 57.1}, AxisRange{0, 60}}) {
            EXPECT_GE(ChartTickPositions(range, false, length, spacing, 10).size(), 3u)
                << range.lo << " to " << range.hi << " over " << length << " px";
        }
        for (const AxisRange decades : {AxisRange{-1, 0}, AxisRange{-5, 1}, AxisRange{-12, 3}}) {
            EXPECT_GE(ChartTickPositions(decades, true, length, spacing, 10).size(), 3u)
                << "10^" << decades.lo << " to 10^" << decades.hi << " over " << length << " px";
        }
    }
}

} // namespace
} // namespace actlab::ui
