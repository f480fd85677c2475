// Strict parsing of numbers people type.
#include "core/number_parse.h"

#include <gtest/gtest.h>

#include <cmath>

namespace actlab {
namespace {

TEST(ParseNumber, AcceptsWhatPeopleType) {
    EXPECT_EQ(ParseNumber("-4").value, -4.0);
    EXPECT_EQ(ParseNumber("+3").value, 3.0);
    EXPECT_EQ(ParseNumber("1e+300").value, 1e300);
    EXPECT_EQ(ParseNumber("-1e-12").value, -1e-12);
    EXPECT_EQ(ParseNumber(".5").value, 0.5);
    EXPECT_TRUE(std::isnan(ParseNumber("nan").value));
    EXPECT_TRUE(std::isinf(ParseNumber("-inf").value));
}

TEST(ParseNumber, RefusesMalformedInput) {
    for (const char* bad : {"", "1e", "abc", "1,5", " 1", "1 ", "--1", "++1", "1e999", "0x"}) {
        const auto parsed = ParseNumber(bad);
        EXPECT_FALSE(parsed) << bad;
        EXPECT_FALSE(parsed.error.empty());
    }
    EXPECT_NE(ParseNumber("1e999").error.find("out of the range"), std::string::npos);
    EXPECT_FALSE(ParseFiniteNumber("nan"));
    EXPECT_FALSE(ParseFiniteNumber("inf"));
}

TEST(ParseRange, NeedsAnIncreasingPair) {
    EXPECT_EQ(ParseRange("-6:6").value, (std::pair<double, double>{-6.0, 6.0}));
    EXPECT_EQ(ParseRange("-1e-6:1e-6").value.first, -1e-6);
    EXPECT_FALSE(ParseRange("6:-6"));
    EXPECT_FALSE(ParseRange("1:1"));
    EXPECT_FALSE(ParseRange("1"));
    EXPECT_FALSE(ParseRange(":1"));
    EXPECT_FALSE(ParseRange("0:nan"));
    EXPECT_NE(ParseRange("6:-6").error.find("reversed"), std::string::npos);
}

TEST(ParseNumberList, CommaSeparated) {
    EXPECT_EQ(ParseNumberList("-4,0,2").value, (std::vector<double>{-4.0, 0.0, 2.0}));
    EXPECT_FALSE(ParseNumberList(""));
    EXPECT_FALSE(ParseNumberList("1,,2"));
    EXPECT_FALSE(ParseNumberList("1,2,"));
    EXPECT_FALSE(ParseNumberList("1,nan"));
    EXPECT_TRUE(ParseNumberList("1,nan", true));
}

TEST(ParseNameValue, SplitsAtTheFirstEquals) {
    const auto parsed = ParseNameValue("slope=0.1");
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed.value.name, "slope");
    EXPECT_EQ(parsed.value.value, 0.1);
    EXPECT_FALSE(ParseNameValue("slope"));
    EXPECT_FALSE(ParseNameValue("=1"));
    EXPECT_FALSE(ParseNameValue("slope=x"));
}

TEST(ParseInteger, WithinBounds) {
    EXPECT_EQ(ParseInteger("12", 2, 100).value, 12);
    EXPECT_FALSE(ParseInteger("1", 2, 100));
    EXPECT_FALSE(ParseInteger("1.5", 2, 100));
    EXPECT_FALSE(ParseInteger("99999999999999999999999", 2, 100));
}

TEST(FormatNumber17, SeventeenSignificantDigits) {
    EXPECT_EQ(FormatNumber17(-0.4), "-0.40000000000000002");
    EXPECT_EQ(FormatNumber17(0.1), "0.10000000000000001");
    EXPECT_EQ(FormatNumber17(-4.0), "-4");
    EXPECT_EQ(FormatNumber17(1e300), "1.0000000000000001e+300");
    // Every double survives a print → parse round trip.
    for (double v : {0.1, -1e-12, 1.0507009873554804934193349852946, 5e-324})
        EXPECT_EQ(ParseNumber(FormatNumber17(v)).value, v);
}

} // namespace
} // namespace actlab
