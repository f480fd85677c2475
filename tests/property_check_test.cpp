// Every property card checked against an independent numerical computation that uses f alone:
// one-sided difference quotients of f at the breakpoints (for f′ and f″ jumps), extrema of f and of
// its difference quotient on a fine grid, and the tails far out. Defaults and a few other parameters.
#include "core/properties.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

namespace actlab {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kGridHalfWidth = 160.0;
constexpr double kGridStep = 2e-3;

// The cases: every function at its defaults, then each parameter at a quarter and three quarters of
// its slider (others at their defaults). Softplus's threshold is left at 20: below that PyTorch's
// switch to the identity makes a visible jump, which no card models (reported, not tested here).
std::vector<Activation> Cases() {
    std::vector<Activation> cases;
    for (const ActivationInfo& info : Catalogue()) {
        cases.push_back(Activation::WithDefaults(info.id));
        for (std::size_t i = 0; i < info.params.size(); ++i) {
            if (info.id == ActivationId::Softplus && info.params[i].name == "threshold") continue;
            for (double t : {0.25, 0.75}) {
                Activation act = Activation::WithDefaults(info.id);
                act.params[i] = std::lerp(info.params[i].slider_min, info.params[i].slider_max, t);
                if (ValidateParams(act).empty()) cases.push_back(act);
            }
        }
    }
    return cases;
}

std::string Describe(const Activation& act) {
    std::ostringstream text;
    text << act.info().name;
    for (std::size_t i = 0; i < act.info().params.size(); ++i)
        text << ' ' << act.info().params[i].name << '=' << act.params[i];
    return text.str();
}

// One-sided f′ at x0 from f only (second order): ±(−3f(x0) + 4f(x0 ± h) − f(x0 ± 2h))/(2h).
double OneSidedSlope(const Activation& act, double x0, double side) {
    const double h = side * 1e-5;
    return (-3.0 * Evaluate(act, x0) + 4.0 * Evaluate(act, x0 + h) - Evaluate(act, x0 + 2.0 * h)) / (2.0 * h);
}

// One-sided f″ just beside x0: (f(x0 + h) − 2f(x0 + 2h) + f(x0 + 3h))/h² with h on one side, which
// stays on one branch of the formula.
double OneSidedCurvature(const Activation& act, double x0, double side) {
    const double h = side * 1e-4;
    return (Evaluate(act, x0 + h) - 2.0 * Evaluate(act, x0 + 2.0 * h) + Evaluate(act, x0 + 3.0 * h)) /
           (h * h);
}

double CentralSlope(const Activation& act, double x) {
    const double h = 1e-6 * std::max(1.0, std::fabs(x));
    return (Evaluate(act, x + h) - Evaluate(act, x - h)) / (2.0 * h);
}

struct NumericCard {
    int smoothness = 2; // 0, 1, or 2 for "no jump of f′ or f″ found" (C∞ in the card)
    double f_lo = kInf, f_hi = -kInf, df_lo = kInf, df_hi = -kInf;
};

NumericCard Measure(const Activation& act) {
    NumericCard card;
    std::vector<double> candidates = Breakpoints(act);
    candidates.push_back(0.0);
    for (double x0 : candidates) {
        const double left = OneSidedSlope(act, x0, -1.0), right = OneSidedSlope(act, x0, 1.0);
        if (std::fabs(left - right) > 1e-4 * std::max(1.0, std::fabs(left))) {
            card.smoothness = 0;
        } else if (card.smoothness == 2) {
            const double left2 = OneSidedCurvature(act, x0, -1.0), right2 = OneSidedCurvature(act, x0, 1.0);
            if (std::fabs(left2 - right2) > 1e-2 * std::max(1.0, std::fabs(left2))) card.smoothness = 1;
        }
        card.df_lo = std::min({card.df_lo, left, right});
        card.df_hi = std::max({card.df_hi, left, right});
    }
    const auto steps = static_cast<long>(2.0 * kGridHalfWidth / kGridStep);
    for (long i = 0; i <= steps; ++i) {
        const double x = -kGridHalfWidth + static_cast<double>(i) * kGridStep;
        const double f = Evaluate(act, x);
        card.f_lo = std::min(card.f_lo, f);
        card.f_hi = std::max(card.f_hi, f);
        const double slope = CentralSlope(act, x);
        card.df_lo = std::min(card.df_lo, slope);
        card.df_hi = std::max(card.df_hi, slope);
    }
    // The tails: a value beyond ±1e7 at x = ±1e12 means the range is unbounded on that side (a slope
    // of 0.01 reaches 1e10 there).
    for (double x : {-1e12, -1e6, 1e6, 1e12}) {
        const double f = Evaluate(act, x);
        card.f_lo = std::min(card.f_lo, f < -1e7 ? -kInf : f);
        card.f_hi = std::max(card.f_hi, f > 1e7 ? kInf : f);
        const double slope = (Evaluate(act, x + 1.0) - Evaluate(act, x - 1.0)) / 2.0;
        card.df_lo = std::min(card.df_lo, slope < -1e5 ? -kInf : slope);
        card.df_hi = std::max(card.df_hi, slope > 1e5 ? kInf : slope);
    }
    return card;
}

// A card's range end against the measured one: equal infinities, or within 1e-5 (relative above 1).
bool SameEnd(double card, double measured) {
    if (std::isinf(card) || std::isinf(measured)) return card == measured;
    return std::fabs(card - measured) <= 1e-5 * std::max(1.0, std::fabs(measured));
}

TEST(PropertyCheck, EveryCardAgreesWithAnIndependentNumericalMeasurement) {
    const std::vector<Activation> cases = Cases();
    ASSERT_GT(cases.size(), kActivationCount + 20) << "defaults and other parameters";
    for (const Activation& act : cases) {
        SCOPED_TRACE(Describe(act));
        const Properties card = ComputeProperties(act);
        const NumericCard measured = Measure(act);
        const int card_smoothness = card.smoothness == Smoothness::C0   ? 0
                                    : card.smoothness == Smoothness::C1 ? 1
                                                                        : 2;
        EXPECT_EQ(card_smoothness, measured.smoothness);
        EXPECT_TRUE(SameEnd(card.output_range.lo, measured.f_lo))
            << card.output_range.lo << " vs " << measured.f_lo;
        EXPECT_TRUE(SameEnd(card.output_range.hi, measured.f_hi))
            << card.output_range.hi << " vs " << measured.f_hi;
        EXPECT_TRUE(SameEnd(card.derivative_range.lo, measured.df_lo))
            << card.derivative_range.lo << " vs " << measured.df_lo;
        EXPECT_TRUE(SameEnd(card.derivative_range.hi, measured.df_hi))
            << card.derivative_range.hi << " vs " << measured.df_hi;
        EXPECT_EQ(card.monotonic, measured.df_lo >= -1e-7) << "smallest slope measured " << measured.df_lo;
    }
}

// Away from the breakpoints f′ is continuous: Derivative agrees with a difference quotient of f, so
// no kink is missing from the list the card and the test both start from.
TEST(PropertyCheck, NoKinkHidesBetweenBreakpoints) {
    for (const Activation& act : Cases()) {
        SCOPED_TRACE(Describe(act));
        const std::vector<double> breakpoints = Breakpoints(act);
        for (double x = -40.0; x <= 40.0; x += 0.0137) {
            bool near_breakpoint = false;
            for (double b : breakpoints)
                near_breakpoint |= std::fabs(x - b) < 1e-3;
            if (act.id == ActivationId::Softplus && std::fabs(act.params[0] * x - act.params[1]) < 1e-2)
                continue;
            if (near_breakpoint) continue;
            const double expected = CentralSlope(act, x);
            ASSERT_NEAR(Derivative(act, x), expected, 1e-5 * std::max(1.0, std::fabs(expected)))
                << "x = " << x;
        }
    }
}

TEST(PropertyCheck, SoftsignIsC1AndEluDependsOnAlpha) {
    EXPECT_EQ(ComputeProperties(Activation::WithDefaults(ActivationId::Softsign)).smoothness, Smoothness::C1);
    Activation elu = Activation::WithDefaults(ActivationId::Elu);
    EXPECT_EQ(ComputeProperties(elu).smoothness, Smoothness::C1);
    ASSERT_EQ(SetParam(elu, "alpha", 0.5), "");
    EXPECT_EQ(ComputeProperties(elu).smoothness, Smoothness::C0);
    EXPECT_EQ(ComputeProperties(Activation::WithDefaults(ActivationId::ReluSquared)).smoothness,
              Smoothness::C1);
    EXPECT_EQ(ComputeProperties(Activation::WithDefaults(ActivationId::Snake)).smoothness,
              Smoothness::CInfinity);
}

} // namespace
} // namespace actlab
