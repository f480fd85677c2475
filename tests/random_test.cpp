// Our own generator: standard normal draws with the right moments and distribution function, and
// reproducible streams.
#include "core/random.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace actlab {
namespace {

double NormalCdf(double x) {
    return 0.5 * std::erfc(-x / std::sqrt(2.0));
}

void ExpectStandardNormal(const std::vector<double>& z, double max_abs) {
    const double n = static_cast<double>(z.size());
    double s1 = 0.0, s2 = 0.0, s4 = 0.0;
    for (double x : z) {
        s1 += x;
        s2 += x * x;
        s4 += x * x * x * x;
        EXPECT_LE(std::fabs(x), max_abs);
    }
    // Tolerances of about 5 standard errors for n = 10⁶.
    EXPECT_NEAR(s1 / n, 0.0, 0.005);
    EXPECT_NEAR(s2 / n, 1.0, 0.007);
    EXPECT_NEAR(s4 / n, 3.0, 0.05);
    for (double t : {-2.5, -1.0, 0.0, 0.3, 1.5, 3.0}) {
        double below = 0.0;
        for (double x : z)
            below += x < t ? 1.0 : 0.0;
        EXPECT_NEAR(below / n, NormalCdf(t), 0.0025) << "P(z < " << t << ")";
    }
}

TEST(Random, FillNormalsIsStandardNormal) {
    std::vector<float> values(1'000'000);
    FillNormals(12345, values.data(), values.size());
    ExpectStandardNormal(std::vector<double>(values.begin(), values.end()), 5.78);
}

TEST(Random, BoxMullerNormalIsStandardNormal) {
    Random rng(99);
    std::vector<double> values(1'000'000);
    for (double& v : values)
        v = rng.Normal();
    ExpectStandardNormal(values, 9.0);
}

TEST(Random, FillNormalsScalesAndReproduces) {
    std::vector<float> a(1001), b(1001), c(1001), scaled(1001);
    FillNormals(5, a.data(), a.size());
    FillNormals(5, b.data(), b.size());
    FillNormals(6, c.data(), c.size());
    FillNormals(5, scaled.data(), scaled.size(), 0.5f);
    EXPECT_EQ(a, b);
    EXPECT_NE(a, c);
    for (std::size_t i = 0; i < a.size(); ++i)
        EXPECT_EQ(scaled[i], 0.5f * a[i]);
}

TEST(Random, UniformIsInClosedZeroOpenOne) {
    Random rng(1);
    double sum = 0.0;
    for (int i = 0; i < 100000; ++i) {
        const double u = rng.Uniform01();
        ASSERT_GE(u, 0.0);
        ASSERT_LT(u, 1.0);
        sum += u;
    }
    EXPECT_NEAR(sum / 100000.0, 0.5, 0.005);
}

TEST(Random, DerivedSeedsDiffer) {
    EXPECT_NE(DeriveSeed(1, 0), DeriveSeed(1, 1));
    EXPECT_NE(DeriveSeed(1, 0), DeriveSeed(2, 0));
    EXPECT_EQ(DeriveSeed(3, 4), DeriveSeed(3, 4));
    Random a(DeriveSeed(1, 0)), b(DeriveSeed(1, 1));
    EXPECT_NE(a.Next(), b.Next());
}

} // namespace
} // namespace actlab
