// Curve sampling: kinks exactly in the samples, f' split at its jumps, markers per convention.
#include "core/sampling.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace actlab {
namespace {

TEST(Linspace, EndpointsExactAndEvenlySpaced) {
    const auto xs = Linspace(-6.0, 6.0, 13);
    ASSERT_EQ(xs.size(), 13u);
    EXPECT_EQ(xs.front(), -6.0);
    EXPECT_EQ(xs.back(), 6.0);
    EXPECT_EQ(xs[6], 0.0);
    const auto huge = Linspace(-1e308, 1e308, 5);
    for (double x : huge)
        EXPECT_TRUE(std::isfinite(x));
}

TEST(SampleCurve, ReluCornerIsSampledExactly) {
    // 10 samples over [−1, 2] skip 0; the sample set must still contain it.
    const auto curve = SampleCurve(Activation::WithDefaults(ActivationId::Relu), -1.0, 2.0, 10);
    const auto& xs = curve.value.x;
    EXPECT_NE(std::find(xs.begin(), xs.end(), 0.0), xs.end());
    EXPECT_EQ(xs.size(), 11u);
    EXPECT_TRUE(std::is_sorted(xs.begin(), xs.end()));
}

TEST(SampleCurve, DerivativeIsSplitAtTheJumpWithoutAConnector) {
    const auto curve = SampleCurve(Activation::WithDefaults(ActivationId::Relu), -1.0, 1.0, 101);
    ASSERT_EQ(curve.derivative.size(), 2u);
    const Polyline& left = curve.derivative[0];
    const Polyline& right = curve.derivative[1];
    EXPECT_EQ(left.x.back(), 0.0);
    EXPECT_EQ(left.y.back(), 0.0);
    EXPECT_EQ(right.x.front(), 0.0);
    EXPECT_EQ(right.y.front(), 1.0);
    for (double y : left.y)
        EXPECT_EQ(y, 0.0);
    for (double y : right.y)
        EXPECT_EQ(y, 1.0);

    ASSERT_EQ(curve.jumps.size(), 1u);
    ASSERT_TRUE(curve.jumps[0].closed_y.has_value());
    EXPECT_EQ(*curve.jumps[0].closed_y, 0.0); // PyTorch: ReLU'(0) = 0
    ASSERT_EQ(curve.jumps[0].open_y.size(), 1u);
    EXPECT_EQ(curve.jumps[0].open_y[0], 1.0);
}

TEST(SampleCurve, ConventionsChooseTheMarkers) {
    const Activation relu = Activation::WithDefaults(ActivationId::Relu);
    const auto mean = SampleCurve(relu, -1.0, 1.0, 11, KinkConvention::Mean);
    EXPECT_EQ(*mean.jumps[0].closed_y, 0.5);
    EXPECT_EQ(mean.jumps[0].open_y.size(), 2u);
    const auto undefined = SampleCurve(relu, -1.0, 1.0, 11, KinkConvention::Undefined);
    EXPECT_FALSE(undefined.jumps[0].closed_y.has_value());
    EXPECT_EQ(undefined.jumps[0].open_y.size(), 2u);
    const auto right = SampleCurve(relu, -1.0, 1.0, 11, KinkConvention::Right);
    EXPECT_EQ(*right.jumps[0].closed_y, 1.0);
    EXPECT_EQ(right.jumps[0].open_y, std::vector<double>{0.0});
}

TEST(SampleCurve, SmoothFunctionsAreOnePolyline) {
    const auto curve = SampleCurve(Activation::WithDefaults(ActivationId::Gelu), -4.0, 4.0, 200);
    EXPECT_EQ(curve.derivative.size(), 1u);
    EXPECT_TRUE(curve.jumps.empty());
    EXPECT_EQ(curve.value.x.size(), 200u);
}

TEST(SampleCurve, Relu6HasThreePieces) {
    const auto curve = SampleCurve(Activation::WithDefaults(ActivationId::Relu6), -10.0, 10.0, 50);
    EXPECT_EQ(curve.derivative.size(), 3u);
    EXPECT_EQ(curve.jumps.size(), 2u);
}

TEST(SampleCurve, TinyAndHugeViews) {
    const Activation relu = Activation::WithDefaults(ActivationId::Relu);
    const auto tiny = SampleCurve(relu, -1e-6, 1e-6, 100);
    EXPECT_EQ(tiny.jumps.size(), 1u);
    EXPECT_EQ(tiny.value.y.front(), 0.0);
    EXPECT_EQ(tiny.value.y.back(), 1e-6);
    const auto huge = SampleCurve(relu, -1e6, 1e6, 100);
    EXPECT_EQ(huge.value.y.back(), 1e6);
}

TEST(SampleCurve, RefusesEmptyRanges) {
    const Activation relu = Activation::WithDefaults(ActivationId::Relu);
    EXPECT_TRUE(SampleCurve(relu, 1.0, 1.0, 10).value.x.empty());
    EXPECT_TRUE(SampleCurve(relu, 2.0, 1.0, 10).value.x.empty());
    EXPECT_TRUE(SampleCurve(relu, 0.0, 1.0, 1).value.x.empty());
}

} // namespace
} // namespace actlab
