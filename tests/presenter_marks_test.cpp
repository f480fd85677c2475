// The laser pointer's trail and the pen's ink over time: points fade and are forgotten, strokes stay
// whole for a while, then fade, unless kept.
#include "core/presenter_marks.h"

#include <gtest/gtest.h>

namespace actlab {
namespace {

TEST(PointerTrail, PointsFadeWithAgeAndAreForgotten) {
    PointerTrail trail;
    trail.Add(10, 10, 0.0);
    trail.Add(20, 10, 0.1);
    trail.Add(30, 10, 0.2);
    ASSERT_EQ(trail.points().size(), 3u);
    EXPECT_FLOAT_EQ(PointerTrail::Opacity(trail.points()[2], 0.2), 1.0f);
    EXPECT_NEAR(PointerTrail::Opacity(trail.points()[0], 0.2), 1.0 - 0.2 / PointerTrail::kSeconds, 1e-6);
    EXPECT_GT(PointerTrail::Opacity(trail.points()[1], 0.2), PointerTrail::Opacity(trail.points()[0], 0.2));
    trail.Age(0.1 + PointerTrail::kSeconds + 0.01);
    ASSERT_EQ(trail.points().size(), 1u) << "the two oldest points faded out";
    EXPECT_EQ(trail.points()[0].x, 30.0f);
    trail.Age(10.0);
    EXPECT_TRUE(trail.points().empty());
}

TEST(PointerTrail, ARestingMouseKeepsOnePointBright) {
    PointerTrail trail;
    for (int i = 0; i < 100; ++i)
        trail.Add(50, 50, i * 0.1);
    ASSERT_EQ(trail.points().size(), 1u);
    EXPECT_FLOAT_EQ(PointerTrail::Opacity(trail.points()[0], 9.9), 1.0f);
}

TEST(PointerTrail, AFastFlickStaysBounded) {
    PointerTrail trail;
    for (int i = 0; i < 1000; ++i)
        trail.Add(static_cast<float>(i), 0, 0.0);
    EXPECT_EQ(trail.points().size(), PointerTrail::kMaxPoints);
    EXPECT_EQ(trail.points().back().x, 999.0f) << "the newest points are kept";
}

TEST(InkLayer, AStrokeHoldsThenFadesThenIsForgotten) {
    InkLayer ink;
    ink.Begin(0, 0, 1.0, false);
    ink.Extend(10, 0, 1.1);
    ink.Extend(10.5f, 0, 1.15); // closer than kMinStep: not recorded
    ink.Extend(20, 5, 1.2);
    EXPECT_TRUE(ink.drawing());
    ink.End(2.0);
    EXPECT_FALSE(ink.drawing());
    ASSERT_EQ(ink.strokes().size(), 1u);
    const InkStroke& stroke = ink.strokes()[0];
    EXPECT_EQ(stroke.points.size(), 3u);
    EXPECT_FLOAT_EQ(InkLayer::Opacity(stroke, 2.0 + InkLayer::kHoldSeconds), 1.0f);
    EXPECT_NEAR(InkLayer::Opacity(stroke, 2.0 + InkLayer::kHoldSeconds + InkLayer::kFadeSeconds / 2), 0.5,
                1e-6);
    ink.Age(2.0 + InkLayer::kHoldSeconds + InkLayer::kFadeSeconds / 2);
    EXPECT_EQ(ink.strokes().size(), 1u);
    ink.Age(2.0 + InkLayer::kHoldSeconds + InkLayer::kFadeSeconds + 0.01);
    EXPECT_TRUE(ink.strokes().empty());
}

TEST(InkLayer, AStrokeBeingDrawnDoesNotFade) {
    InkLayer ink;
    ink.Begin(0, 0, 0.0, false);
    ink.Age(100.0);
    ASSERT_EQ(ink.strokes().size(), 1u);
    EXPECT_FLOAT_EQ(InkLayer::Opacity(ink.strokes()[0], 100.0), 1.0f);
}

TEST(InkLayer, KeptStrokesStayUntilErased) {
    InkLayer ink;
    ink.Begin(0, 0, 0.0, true);
    ink.Extend(40, 40, 0.1);
    ink.End(0.2);
    ink.Begin(5, 5, 0.3, false);
    ink.End(0.4);
    ink.Age(1000.0);
    ASSERT_EQ(ink.strokes().size(), 1u);
    EXPECT_TRUE(ink.strokes()[0].keep);
    EXPECT_FLOAT_EQ(InkLayer::Opacity(ink.strokes()[0], 1000.0), 1.0f);
    ink.Clear();
    EXPECT_TRUE(ink.strokes().empty());
}

TEST(InkLayer, ExtendWithoutAStrokeDoesNothing) {
    InkLayer ink;
    ink.Extend(1, 1, 0.0);
    ink.End(0.0);
    EXPECT_TRUE(ink.strokes().empty());
}

} // namespace
} // namespace actlab
