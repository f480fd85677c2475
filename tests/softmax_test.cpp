// Softmax against hand-computed values, its Jacobian against finite differences, and extreme logits.
#include "core/softmax.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

namespace actlab {
namespace {

double Sum(const std::vector<double>& values) {
    double sum = 0.0;
    for (double v : values)
        sum += v;
    return sum;
}

TEST(Softmax, HandComputedValues) {
    const std::vector<double> logits{1.0, 2.0, 3.0};
    const auto p = Softmax(logits);
    ASSERT_EQ(p.size(), 3u);
    EXPECT_NEAR(p[0], 0.0900306, 5e-8);
    EXPECT_NEAR(p[1], 0.2447285, 5e-8);
    EXPECT_NEAR(p[2], 0.6652410, 5e-8);
    EXPECT_NEAR(Sum(p), 1.0, 1e-15);

    const auto cold = Softmax(logits, 0.5);
    EXPECT_NEAR(cold[0], 0.0158762, 5e-8);
    EXPECT_NEAR(cold[1], 0.1173104, 5e-8);
    EXPECT_NEAR(cold[2], 0.8668133, 5e-8);
    EXPECT_NEAR(Sum(cold), 1.0, 1e-15);
}

TEST(Softmax, LectureDogCatDonTiger) {
    // Dog, Cat, Don, Tiger with scores 10, 20, 30, 40. pᵢ = 1 / Σⱼ e^{zⱼ − zᵢ}, written independently of
    // the implementation. The lecture's handwritten table (0.4, 0.1, 0.2, 0.3) is not a softmax of
    // these scores: the order is wrong and the largest score takes almost everything.
    const std::vector<double> logits{10.0, 20.0, 30.0, 40.0};
    const auto p = Softmax(logits);
    for (std::size_t i = 0; i < 4; ++i) {
        double denominator = 0.0;
        for (std::size_t j = 0; j < 4; ++j)
            denominator += std::exp(logits[j] - logits[i]);
        EXPECT_NEAR(p[i], 1.0 / denominator, 1e-15 * (1.0 / denominator) + 1e-300) << i;
    }
    EXPECT_NEAR(p[3], 0.99995460007023751, 1e-15);
    EXPECT_NEAR(p[2], 4.5397868608862414e-05, 1e-18);
    EXPECT_LT(p[0], 1e-13);
    EXPECT_NEAR(Sum(p), 1.0, 1e-15);
    const std::vector<double> handwritten{0.4, 0.1, 0.2, 0.3};
    for (std::size_t i = 0; i < 4; ++i)
        EXPECT_GT(std::fabs(p[i] - handwritten[i]), 0.09) << i;
}

TEST(Softmax, ShiftInvariantAndTemperatureLimits) {
    const std::vector<double> z{0.3, -1.2, 2.5, 0.0};
    std::vector<double> shifted = z;
    for (double& v : shifted)
        v += 1000.0;
    const auto p = Softmax(z);
    const auto q = Softmax(shifted);
    for (std::size_t i = 0; i < z.size(); ++i)
        EXPECT_NEAR(p[i], q[i], 1e-13);

    // T → ∞: uniform; T → 0: all mass on the largest logit.
    for (double v : Softmax(z, 1e12))
        EXPECT_NEAR(v, 0.25, 1e-11);
    const auto cold = Softmax(z, 1e-3);
    EXPECT_EQ(cold[2], 1.0);
    EXPECT_EQ(cold[1], 0.0);
}

TEST(Softmax, ExtremeLogitsStayFinite) {
    const auto p = Softmax(std::vector<double>{-1e4, 1e4, 0.0});
    EXPECT_EQ(p[0], 0.0);
    EXPECT_EQ(p[1], 1.0);
    EXPECT_EQ(p[2], 0.0);

    const auto tie = Softmax(std::vector<double>{1e4, 1e4});
    EXPECT_EQ(tie[0], 0.5);
    EXPECT_EQ(tie[1], 0.5);

    // Only differences matter: (1e4, 1e4 − 1) is (1, 0).
    const auto close = Softmax(std::vector<double>{1e4, 1e4 - 1.0});
    const auto reference = Softmax(std::vector<double>{1.0, 0.0});
    EXPECT_NEAR(close[0], reference[0], 1e-15);
    EXPECT_NEAR(close[1], reference[1], 1e-12);

    for (const std::vector<double>& z :
         {std::vector<double>{1e300, -1e300}, std::vector<double>{-1e4, -1e4 + 2.0},
          std::vector<double>{1.7e308, 1.7e308, -1.7e308}}) {
        for (double t : {1.0, 0.01, 100.0}) {
            const auto probabilities = Softmax(z, t);
            for (double v : probabilities)
                EXPECT_TRUE(std::isfinite(v));
            EXPECT_NEAR(Sum(probabilities), 1.0, 1e-15);
            for (const auto& row : SoftmaxJacobian(z, t))
                for (double v : row)
                    EXPECT_TRUE(std::isfinite(v));
        }
    }
}

TEST(SoftmaxJacobian, RowsSumToZero) {
    for (const std::vector<double>& z :
         {std::vector<double>{1.0, 2.0, 3.0}, std::vector<double>{10, 20, 30, 40},
          std::vector<double>{-0.5, 0.25, 4.0, -3.0, 0.0}}) {
        for (double t : {1.0, 0.5, 2.0}) {
            const auto j = SoftmaxJacobian(z, t);
            ASSERT_EQ(j.size(), z.size());
            for (const auto& row : j) {
                double sum = 0.0, size = 0.0;
                for (double v : row) {
                    sum += v;
                    size += std::fabs(v);
                }
                EXPECT_LE(std::fabs(sum), 1e-15 * std::max(size, 1e-300) + 1e-300);
            }
            // Symmetric: pᵢ(δᵢⱼ − pⱼ) = pⱼ(δⱼᵢ − pᵢ).
            for (std::size_t a = 0; a < z.size(); ++a)
                for (std::size_t b = 0; b < z.size(); ++b)
                    EXPECT_EQ(j[a][b], j[b][a]);
        }
    }
}

TEST(SoftmaxJacobian, MatchesFiniteDifferencesIncludingTemperature) {
    const std::vector<double> z{0.3, -1.2, 2.5, 0.7};
    for (double t : {1.0, 0.5, 3.0, 0.1}) {
        const auto j = SoftmaxJacobian(z, t);
        for (std::size_t col = 0; col < z.size(); ++col) {
            const double h = 1e-6;
            auto plus = z, minus = z;
            plus[col] += h;
            minus[col] -= h;
            const auto p_plus = Softmax(plus, t);
            const auto p_minus = Softmax(minus, t);
            for (std::size_t row = 0; row < z.size(); ++row) {
                const double numeric = (p_plus[row] - p_minus[row]) / (2.0 * h);
                EXPECT_NEAR(j[row][col], numeric, 2e-8 / t) << "T=" << t << " i=" << row << " j=" << col;
            }
        }
    }
}

TEST(SoftmaxJacobian, DiagonalKeepsRelativeAccuracyNearOne) {
    // p₂ = 1/(1 + e⁻⁴⁰) rounds to 1, yet ∂p₂/∂z₂ = p₂(1 − p₂) ≈ e⁻⁴⁰ must not come out as 0.
    const auto j = SoftmaxJacobian(std::vector<double>{0.0, 40.0});
    EXPECT_NEAR(j[1][1] / std::exp(-40.0), 1.0, 1e-12);
    EXPECT_NEAR(j[0][0] / std::exp(-40.0), 1.0, 1e-12);
}

TEST(SoftmaxJacobian, FromProbabilitiesEqualsFromLogits) {
    const std::vector<double> z{1.0, -2.0, 0.5};
    EXPECT_EQ(SoftmaxJacobian(z, 0.7), SoftmaxJacobianFromProbabilities(Softmax(z, 0.7), 0.7));
}

TEST(SoftmaxValidation, RefusesWhatHasNoSoftmax) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    EXPECT_EQ(ValidateSoftmaxInput(std::vector<double>{1, 2}, 0.5), "");
    EXPECT_NE(ValidateSoftmaxInput(std::vector<double>{}, 1.0).find("at least one"), std::string::npos);
    EXPECT_NE(ValidateSoftmaxInput(std::vector<double>{1, nan}, 1.0).find("logit 2 is nan"),
              std::string::npos);
    EXPECT_NE(ValidateSoftmaxInput(std::vector<double>{-inf}, 1.0).find("finite"), std::string::npos);
    for (double t : {0.0, -1.0, nan, inf})
        EXPECT_NE(ValidateSoftmaxInput(std::vector<double>{1, 2}, t).find("temperature"), std::string::npos)
            << t;
    EXPECT_NE(ValidateSoftmaxInput(std::vector<double>(kMaxSoftmaxClasses + 1, 0.0), 1.0).find("too many"),
              std::string::npos);
    // Below 1e-300 a tie would give a Jacobian entry ¼/T beyond the doubles.
    EXPECT_NE(ValidateSoftmaxInput(std::vector<double>{1, 1}, 1e-310).find("at least 1e-300"),
              std::string::npos);
    EXPECT_EQ(ValidateSoftmaxInput(std::vector<double>{1, 1}, 1e-300), "");
    for (const auto& row : SoftmaxJacobian(std::vector<double>{1, 1}, 1e-300))
        for (double v : row)
            EXPECT_TRUE(std::isfinite(v));
}

} // namespace
} // namespace actlab
