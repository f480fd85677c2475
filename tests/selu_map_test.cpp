// The SELU mean/variance map of Klambauer et al. 2017: the closed form against numerical integration,
// the fixed point (0, 1) of the canonical constants and the Jacobian's spectral norm there (≈ 0.7877).
#include "core/selu_map.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace actlab {
namespace {

double Selu(const SeluMapParams& p, double z) {
    return z > 0.0 ? p.lambda * z : p.lambda * p.alpha * std::expm1(z);
}

// E[SELU(z)ᵏ] for z ~ N(m, s²) by composite Simpson on [m − 14s, 0] and [0, m + 14s] separately, so
// that the kink at 0 is a panel edge.
double MomentByQuadrature(const SeluMapParams& p, double m, double s, int power) {
    const auto integrand = [&](double z) {
        const double density =
            std::exp(-0.5 * ((z - m) / s) * ((z - m) / s)) / (s * std::sqrt(2.0 * std::numbers::pi));
        return std::pow(Selu(p, z), power) * density;
    };
    const auto simpson = [&](double a, double b) {
        if (!(b > a)) return 0.0;
        const int n = 20000;
        const double h = (b - a) / n;
        double sum = integrand(a) + integrand(b);
        for (int i = 1; i < n; ++i)
            sum += integrand(a + i * h) * (i % 2 ? 4.0 : 2.0);
        return sum * h / 3.0;
    };
    const double lo = m - 14.0 * s, hi = m + 14.0 * s;
    return simpson(lo, std::min(0.0, hi)) + simpson(std::max(0.0, lo), hi);
}

TEST(SeluMap, ClosedFormMatchesNumericalIntegration) {
    struct Case {
        SeluMapParams params;
        SeluMoments x;
    };
    const Case cases[] = {
        {{}, {0.0, 1.0}},
        {{}, {1.0, 2.0}},
        {{}, {-0.5, 0.3}},
        {{kSeluCanonicalLambda, kSeluCanonicalAlpha, 0.4, 1.3}, {1.5, 0.7}},
        {{kSeluCanonicalLambda, kSeluCanonicalAlpha, -1.0, 0.8}, {2.0, 4.0}},
        {{1.2, 1.5, 0.1, 1.0}, {0.2, 9.0}},
        {{0.9, 2.0, 0.0, 2.0}, {0.0, 0.05}},
    };
    for (const Case& c : cases) {
        const double m = c.x.mean * c.params.omega;
        const double s = std::sqrt(c.x.variance * c.params.tau);
        const double mean = MomentByQuadrature(c.params, m, s, 1);
        const double second = MomentByQuadrature(c.params, m, s, 2);
        const SeluMoments g = SeluMapStep(c.params, c.x);
        EXPECT_NEAR(g.mean, mean, 1e-10 * std::max(1.0, std::fabs(mean))) << c.x.mean << " " << c.x.variance;
        EXPECT_NEAR(g.variance, second - mean * mean, 1e-9 * std::max(1.0, second))
            << c.x.mean << " " << c.x.variance;
    }
}

TEST(SeluMap, LargeVarianceDoesNotOverflow) {
    for (double v : {1e2, 1e4, 1e6, 1e10}) {
        const SeluMoments g = SeluMapStep({}, {0.0, v});
        EXPECT_TRUE(std::isfinite(g.mean)) << v;
        EXPECT_TRUE(std::isfinite(g.variance)) << v;
        // For a huge variance the positive half dominates: E[SELU] ≈ λ s/√(2π).
        if (v >= 1e6) {
            EXPECT_NEAR(g.mean / (kSeluCanonicalLambda * std::sqrt(v / (2.0 * std::numbers::pi))), 1.0, 1e-2);
        }
    }
}

TEST(SeluMap, DeterministicLimitAtZeroVariance) {
    const SeluMapParams p{kSeluCanonicalLambda, kSeluCanonicalAlpha, 1.0, 1.0};
    for (double mu : {-2.0, 0.5}) {
        const SeluMoments g = SeluMapStep(p, {mu, 0.0});
        EXPECT_DOUBLE_EQ(g.mean, Selu(p, mu));
        EXPECT_EQ(g.variance, 0.0);
    }
}

TEST(SeluMap, CanonicalConstantsHaveFixedPointZeroOne) {
    const SeluMoments g = SeluMapStep({}, {0.0, 1.0});
    EXPECT_NEAR(g.mean, 0.0, 1e-14);
    EXPECT_NEAR(g.variance, 1.0, 1e-14);
    const auto fixed = SeluFixedPoint({});
    ASSERT_TRUE(fixed.has_value());
    EXPECT_NEAR(fixed->mean, 0.0, 1e-12);
    EXPECT_NEAR(fixed->variance, 1.0, 1e-12);
}

TEST(SeluMap, JacobianNormAtTheFixedPoint) {
    const Matrix2 j = SeluMapJacobian({}, {0.0, 1.0});
    // With ω = 0 the map does not depend on μ at all.
    EXPECT_NEAR(j[0][0], 0.0, 1e-12);
    EXPECT_NEAR(j[1][0], 0.0, 1e-12);
    // The paper's J(0, 1): ∂μ̃/∂ν = 0.088834, ∂ν̃/∂ν = 0.782648; spectral norm 0.7877 < 1.
    EXPECT_NEAR(j[0][1], 0.088834, 5e-6);
    EXPECT_NEAR(j[1][1], 0.782648, 5e-6);
    EXPECT_NEAR(SpectralNorm(j), 0.7877, 5e-5);
    EXPECT_LT(SpectralNorm(j), 1.0);
}

TEST(SeluMap, JacobianAgreesWithPlainCentralDifferences) {
    const SeluMapParams p{kSeluCanonicalLambda, kSeluCanonicalAlpha, 0.3, 1.2};
    const SeluMoments at{0.4, 1.5};
    const Matrix2 j = SeluMapJacobian(p, at);
    const double h = 1e-5;
    for (int col = 0; col < 2; ++col) {
        SeluMoments plus = at, minus = at;
        (col == 0 ? plus.mean : plus.variance) += h;
        (col == 0 ? minus.mean : minus.variance) -= h;
        const SeluMoments gp = SeluMapStep(p, plus), gm = SeluMapStep(p, minus);
        EXPECT_NEAR(j[0][static_cast<std::size_t>(col)], (gp.mean - gm.mean) / (2 * h), 1e-8);
        EXPECT_NEAR(j[1][static_cast<std::size_t>(col)], (gp.variance - gm.variance) / (2 * h), 1e-8);
    }
}

TEST(SeluMap, SpectralNormOfKnownMatrices) {
    EXPECT_NEAR(SpectralNorm({{{3.0, 0.0}, {0.0, -2.0}}}), 3.0, 1e-15);
    EXPECT_NEAR(SpectralNorm({{{1.0, 1.0}, {0.0, 1.0}}}), std::numbers::phi, 1e-15);
    const double c = std::cos(0.7), s = std::sin(0.7);
    EXPECT_NEAR(SpectralNorm({{{c, -s}, {s, c}}}), 1.0, 1e-15);
    EXPECT_EQ(SpectralNorm({{{0.0, 0.0}, {0.0, 0.0}}}), 0.0);
}

TEST(SeluMap, TrajectoriesConvergeToZeroOne) {
    for (const SeluMoments start : {SeluMoments{1.0, 2.0}, SeluMoments{-0.5, 0.3}, SeluMoments{3.0, 5.0}}) {
        const auto trajectory = SeluMapTrajectory({}, start, 100);
        ASSERT_EQ(trajectory.size(), 101u);
        EXPECT_EQ(trajectory[0].mean, start.mean);
        EXPECT_NEAR(trajectory.back().mean, 0.0, 1e-8);
        EXPECT_NEAR(trajectory.back().variance, 1.0, 1e-8);
        // A contraction: the distance to (0, 1) shrinks at every step after the first.
        for (std::size_t k = 2; k < 30; ++k) {
            const auto distance = [](const SeluMoments& x) { return std::hypot(x.mean, x.variance - 1.0); };
            EXPECT_LT(distance(trajectory[k]), distance(trajectory[k - 1])) << k;
        }
    }
}

TEST(SeluMap, OtherConstantsMoveTheFixedPoint) {
    // A smaller λ shrinks the variance, so the fixed point moves below ν = 1; a larger one above.
    const auto smaller = SeluFixedPoint({1.0, kSeluCanonicalAlpha, 0.0, 1.0});
    ASSERT_TRUE(smaller.has_value());
    EXPECT_LT(smaller->variance, 0.9);
    EXPECT_GT(smaller->variance, 0.1);
    const SeluMoments g = SeluMapStep({1.0, kSeluCanonicalAlpha, 0.0, 1.0}, *smaller);
    EXPECT_NEAR(g.mean, smaller->mean, 1e-12);
    EXPECT_NEAR(g.variance, smaller->variance, 1e-12);

    const auto larger = SeluFixedPoint({1.1, kSeluCanonicalAlpha, 0.0, 1.0});
    ASSERT_TRUE(larger.has_value());
    EXPECT_GT(larger->variance, 1.1);
}

TEST(SeluMap, TrajectoryStopsWhereValuesOverflow) {
    // ω = 3 with τ = 9 multiplies the variance by about λ²τ/2 ≈ 5 a step; it leaves the doubles.
    const auto trajectory =
        SeluMapTrajectory({kSeluCanonicalLambda, kSeluCanonicalAlpha, 3.0, 9.0}, {1.0, 1.0}, 2000);
    EXPECT_LT(trajectory.size(), 2001u);
    for (const auto& x : trajectory) {
        EXPECT_TRUE(std::isfinite(x.mean));
        EXPECT_TRUE(std::isfinite(x.variance));
    }
}

TEST(SeluMap, Validation) {
    EXPECT_EQ(ValidateSeluMapParams({}), "");
    EXPECT_NE(ValidateSeluMapParams({0.0, 1.0, 0.0, 1.0}).find("lambda"), std::string::npos);
    EXPECT_NE(ValidateSeluMapParams({1.0, -1.0, 0.0, 1.0}).find("alpha"), std::string::npos);
    EXPECT_NE(ValidateSeluMapParams({1.0, 1.0, NAN, 1.0}).find("omega"), std::string::npos);
    EXPECT_NE(ValidateSeluMapParams({1.0, 1.0, 0.0, 0.0}).find("tau"), std::string::npos);
    EXPECT_EQ(ValidateSeluMoments({0.0, 0.0}), "");
    EXPECT_NE(ValidateSeluMoments({0.0, -1.0}).find("variance"), std::string::npos);
    EXPECT_NE(ValidateSeluMoments({INFINITY, 1.0}).find("mean"), std::string::npos);
}

} // namespace
} // namespace actlab
