// Nice 1-2-5 ticks and their labels.
#include "core/ticks.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

namespace actlab {
namespace {

TEST(Ticks, OneTwoFiveStepsNeverExceedTheAskedCount) {
    for (double span : {1e-6, 3e-5, 0.7, 1.0, 12.0, 99.0, 1e6, 3.3e9}) {
        for (double centre : {0.0, 3.0, -1e5}) {
            for (int max_count : {2, 3, 5, 8, 13}) {
                const Ticks t = NiceTicks(centre - span / 2, centre + span / 2, max_count);
                EXPECT_LE(static_cast<int>(t.values.size()), max_count)
                    << span << " " << centre << " " << max_count;
                EXPECT_GE(t.values.size(), 1u) << span << " " << centre << " " << max_count;
                const double mantissa = t.step / std::pow(10.0, std::floor(std::log10(t.step) + 1e-12));
                EXPECT_TRUE(std::abs(mantissa - 1) < 1e-9 || std::abs(mantissa - 2) < 1e-9 ||
                            std::abs(mantissa - 5) < 1e-9)
                    << "step " << t.step;
            }
        }
    }
}

TEST(Ticks, TheLectureRangeGetsUnitTicksAndAnExactZero) {
    const Ticks t = NiceTicks(-6, 6, 13);
    EXPECT_DOUBLE_EQ(t.step, 1.0);
    ASSERT_EQ(t.values.size(), 13u);
    EXPECT_EQ(t.values[6], 0.0);
    EXPECT_FALSE(std::signbit(t.values[6]));
    const Ticks fine = NiceTicks(-0.3, 0.3, 7);
    EXPECT_DOUBLE_EQ(fine.step, 0.1);
    bool has_zero = false;
    for (double v : fine.values)
        has_zero |= v == 0.0;
    EXPECT_TRUE(has_zero) << "k·step, not a running sum, gives 0 exactly";
}

TEST(Ticks, LabelsDistinguishNeighboursAtEveryZoom) {
    for (double span : {1e-6, 1e-3, 0.5, 12.0, 1e6}) {
        for (double centre : {0.0, 3.0, 1234.5}) {
            const Ticks t = NiceTicks(centre - span / 2, centre + span / 2, 9);
            std::set<std::string> labels;
            for (double v : t.values)
                labels.insert(FormatTick(v, t.step));
            EXPECT_EQ(labels.size(), t.values.size()) << "span " << span << " centre " << centre;
        }
    }
}

TEST(Ticks, LabelFormats) {
    EXPECT_EQ(FormatTick(0.0, 1.0), "0");
    EXPECT_EQ(FormatTick(-4.0, 1.0), "\u22124");
    EXPECT_EQ(FormatTick(0.5, 0.5), "0.5");
    EXPECT_EQ(FormatTick(1.0, 0.2), "1.0");
    EXPECT_EQ(FormatTick(3.0000002, 1e-7), "3.0000002");
    EXPECT_EQ(FormatTick(2e6, 1e6), "2\u00d710\u2076");
    EXPECT_EQ(FormatTick(-3e-7, 1e-7), "\u22123\u00d710\u207b\u2077");
    EXPECT_EQ(FormatTick(1e-17, 0.5), "0") << "rounding noise next to zero is zero";
}

TEST(Ticks, ReadoutsAreShortAndHonest) {
    EXPECT_EQ(FormatReadout(-0.04), "\u22120.04");
    EXPECT_EQ(FormatReadout(0.25), "0.25");
    EXPECT_EQ(FormatReadout(0.0), "0");
    EXPECT_EQ(FormatReadout(-0.0), "0");
    EXPECT_EQ(FormatReadout(std::nan("")), "undefined");
    EXPECT_EQ(FormatReadout(INFINITY), "\u221e");
}

} // namespace
} // namespace actlab
