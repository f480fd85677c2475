// Slider auto-play on the app state: the value follows ParamSweepValueAt, stays in the parameter's
// domain, and a name that is not a parameter stops the sweep with a message instead of a crash.
#include "core/autoplay.h"

#include <gtest/gtest.h>

#include <cmath>

namespace actlab {
namespace {

double LeakySlope(const AppState& state) {
    return state.plots.params[static_cast<std::size_t>(ActivationId::LeakyRelu)][0];
}

TEST(Autoplay, FollowsTheSweepFrameByFrame) {
    AppState state = DefaultAppState();
    const ParamSweep sweep{"leaky_relu.slope", 0.0, 0.3, 4.0, AnimationLoop::PingPong};
    StartAutoplay(state, sweep);
    double elapsed = 0.0;
    for (int frame = 0; frame < 500; ++frame) {
        const double dt = 0.013 + 0.004 * (frame % 3); // uneven frames, as a real window has
        elapsed += dt;
        ASSERT_EQ(AdvanceAutoplay(state, dt), "");
        ASSERT_DOUBLE_EQ(state.autoplay.elapsed, elapsed);
        ASSERT_DOUBLE_EQ(LeakySlope(state), ParamSweepValueAt(sweep, elapsed)) << frame;
    }
    EXPECT_TRUE(state.autoplay.playing);
    // Over 500 frames (7.5 s) the slope went up to 0.3 and most of the way back.
    EXPECT_LT(LeakySlope(state), 0.1);
}

TEST(Autoplay, NothingMovesWhenStopped) {
    AppState state = DefaultAppState();
    state.autoplay.sweep = {"elu.alpha", 0.5, 2.0, 1.0, AnimationLoop::Forward};
    const AppState before = state;
    EXPECT_EQ(AdvanceAutoplay(state, 0.5), "");
    EXPECT_EQ(state, before);
}

TEST(Autoplay, ReachesTheLessonSettings) {
    AppState state = DefaultAppState();
    StartAutoplay(state, {"network.learning_rate", 0.01, 1.0, 2.0, AnimationLoop::Forward});
    ASSERT_EQ(AdvanceAutoplay(state, 1.0), "");
    EXPECT_DOUBLE_EQ(state.network.learning_rate, 0.505);
    StartAutoplay(state, {"network.bias_init", -5.0, 1.0, 3.0, AnimationLoop::PingPong});
    ASSERT_EQ(AdvanceAutoplay(state, 4.5), "");
    EXPECT_DOUBLE_EQ(state.network.bias_init, -2.0);
    StartAutoplay(state, {"softmax.temperature", 0.5, 4.5, 4.0, AnimationLoop::PingPong});
    ASSERT_EQ(AdvanceAutoplay(state, 1.0), "");
    EXPECT_DOUBLE_EQ(state.softmax.temperature, 1.5);
    EXPECT_EQ(SweepParamValue(state, "softmax.temperature"), 1.5);
}

TEST(Autoplay, HoldsValuesAtTheEdgeOfTheDomain) {
    AppState state = DefaultAppState();
    // ELU's α must be ≥ 0 (domain [0, …]); the temperature > 0; the bias within ±100.
    StartAutoplay(state, {"elu.alpha", -1.0, 1.0, 2.0, AnimationLoop::Forward});
    ASSERT_EQ(AdvanceAutoplay(state, 0.1), "");
    const ParamSpec& alpha = Info(ActivationId::Elu).params[0];
    EXPECT_GE(state.plots.params[static_cast<std::size_t>(ActivationId::Elu)][0], alpha.domain_min);
    EXPECT_EQ(ValidateParams(state.ActivationOf(ActivationId::Elu)), "");

    StartAutoplay(state, {"softmax.temperature", -3.0, -1.0, 1.0, AnimationLoop::Forward});
    ASSERT_EQ(AdvanceAutoplay(state, 0.5), "");
    EXPECT_GT(state.softmax.temperature, 0.0);

    StartAutoplay(state, {"network.bias_init", 500.0, 1000.0, 1.0, AnimationLoop::Forward});
    ASSERT_EQ(AdvanceAutoplay(state, 0.5), "");
    EXPECT_EQ(state.network.bias_init, 100.0);
}

TEST(Autoplay, AValueAnotherParameterForbidsHolds) {
    AppState state = DefaultAppState();
    auto& hardtanh = state.plots.params[static_cast<std::size_t>(ActivationId::Hardtanh)];
    ASSERT_EQ(hardtanh[1], 1.0);
    // min sweeps −1 → 3 in 4 s, but must stay below max = 1.
    StartAutoplay(state, {"hardtanh.min", -1.0, 3.0, 4.0, AnimationLoop::Forward});
    ASSERT_EQ(AdvanceAutoplay(state, 1.0), "");
    EXPECT_DOUBLE_EQ(hardtanh[0], 0.0);
    ASSERT_EQ(AdvanceAutoplay(state, 1.0), "");
    EXPECT_DOUBLE_EQ(hardtanh[0], 0.0) << "min = 1 would not be below max";
    EXPECT_TRUE(state.autoplay.playing);
    EXPECT_EQ(ValidateParams(state.ActivationOf(ActivationId::Hardtanh)), "");
}

TEST(Autoplay, AnExclusiveMinimumIsNeverReached) {
    std::string error;
    // Softplus's β lives in (0, 100].
    const auto domain = FindSweepDomain("softplus.beta", error);
    ASSERT_TRUE(domain) << error;
    ASSERT_TRUE(domain->min_exclusive);
    EXPECT_GT(ClampToDomain(*domain, domain->min), domain->min);
    EXPECT_GT(ClampToDomain(*domain, std::nan("")), domain->min);
    EXPECT_EQ(ClampToDomain(*domain, 1e9), domain->max);
}

TEST(Autoplay, AnUnknownNameStopsTheSweepWithAMessage) {
    for (const char* name : {"leaky_relu.alpha", "nosuch.slope", "slope", "", "network.momentum", "elu."}) {
        AppState state = DefaultAppState();
        StartAutoplay(state, {name, 0.0, 1.0, 1.0, AnimationLoop::PingPong});
        const AppState before = state;
        const std::string message = AdvanceAutoplay(state, 0.1);
        EXPECT_FALSE(message.empty()) << name;
        EXPECT_FALSE(state.autoplay.playing) << name;
        state.autoplay = before.autoplay;
        state.autoplay.playing = true;
        EXPECT_EQ(state, before) << name << ": nothing else changed";
        std::string error;
        EXPECT_FALSE(FindSweepDomain(name, error)) << name;
        EXPECT_FALSE(error.empty()) << name;
    }
    std::string error;
    FindSweepDomain("leaky_relu.alpha", error);
    EXPECT_NE(error.find("slope"), std::string::npos) << "names the parameters it has: " << error;
}

TEST(Autoplay, ASweepWithoutLengthStops) {
    AppState state = DefaultAppState();
    StartAutoplay(state, {"elu.alpha", 0.0, 1.0, 0.0, AnimationLoop::PingPong});
    EXPECT_NE(AdvanceAutoplay(state, 0.1), "");
    EXPECT_FALSE(state.autoplay.playing);
    StartAutoplay(state, {"elu.alpha", std::nan(""), 1.0, 1.0, AnimationLoop::PingPong});
    EXPECT_NE(AdvanceAutoplay(state, 0.1), "");
    EXPECT_FALSE(state.autoplay.playing);
}

// The gated view's β: "gated.NAME" names a parameter of the function that view shows.
TEST(Autoplay, SweepsTheGatedViewsParameter) {
    AppState state = DefaultAppState();
    state.gated.function = GatedId::Swiglu;
    const ParamSweep sweep{"gated.beta", 0.5, 3.0, 2.0, AnimationLoop::Forward};
    std::string error;
    ASSERT_TRUE(FindSweepDomain(sweep.param, error)) << error;
    StartAutoplay(state, sweep);
    for (int frame = 1; frame <= 30; ++frame) {
        ASSERT_EQ(AdvanceAutoplay(state, 0.05), "");
        ASSERT_DOUBLE_EQ(state.gated.params[0], ParamSweepValueAt(sweep, 0.05 * frame));
    }
    EXPECT_EQ(SweepParamValue(state, "gated.beta"), std::optional<double>(state.gated.params[0]));
    // GLU's gate (the sigmoid) has no β: the sweep stops and says whose parameter is missing.
    state.gated.function = GatedId::Glu;
    const std::string stopped = AdvanceAutoplay(state, 0.05);
    EXPECT_NE(stopped.find("glu"), std::string::npos) << stopped;
    EXPECT_FALSE(state.autoplay.playing);
}

// The curves stay inside both plots at every α of the sweep (checked on a grid finer than, and
// offset from, the one the fit samples), though ELU′ reaches α = 2 just left of 0, far above the
// f′ range the scene opens with.
TEST(FitViewToSweep, KeepsEveryCurveInsideOverTheWholeSweep) {
    AppState state = DefaultAppState();
    state.plots.selected = {ActivationId::Elu, ActivationId::Relu};
    state.plots.view = {-5.0, 4.0, -2.0, 4.0, -0.25, 1.25};
    const ParamSweep sweep{"elu.alpha", 0.2, 2.0, 4.0, AnimationLoop::PingPong};
    FitViewToSweep(state, sweep);
    const PlotViewRange& view = state.plots.view;
    EXPECT_EQ(view.x_min, -5.0);
    EXPECT_EQ(view.x_max, 4.0);
    EXPECT_LE(view.y_min, -2.0); // never narrower than the scene's own ranges
    EXPECT_GE(view.y_max, 4.0);
    EXPECT_LE(view.dy_min, -0.25);
    EXPECT_GE(view.dy_max, 2.0);
    for (double alpha = 0.2; alpha <= 2.0; alpha += 0.0137) {
        Activation elu = Activation::WithDefaults(ActivationId::Elu);
        ASSERT_EQ(SetParam(elu, "alpha", alpha), "");
        for (double x = view.x_min; x <= view.x_max; x += 0.01) {
            const double f = Evaluate(elu, x), df = Derivative(elu, x, state.plots.convention);
            ASSERT_TRUE(f >= view.y_min && f <= view.y_max) << "alpha " << alpha << " x " << x;
            ASSERT_TRUE(df >= view.dy_min && df <= view.dy_max) << "alpha " << alpha << " x " << x;
        }
    }
}

TEST(FitViewToSweep, LeavesTheViewWhenTheSweptThingIsNotPlotted) {
    AppState state = DefaultAppState();
    state.plots.selected = {ActivationId::Relu};
    state.plots.view = {-5.0, 4.0, -2.0, 4.0, -0.25, 1.25};
    const PlotViewRange before = state.plots.view;
    FitViewToSweep(state, {"elu.alpha", 0.2, 5.0, 4.0, AnimationLoop::PingPong});
    FitViewToSweep(state, {"softmax.temperature", 1.0, 20.0, 4.0, AnimationLoop::PingPong});
    FitViewToSweep(state, {"no_such.thing", 1.0, 20.0, 4.0, AnimationLoop::PingPong});
    EXPECT_EQ(state.plots.view, before);
}

} // namespace
} // namespace actlab
