// The theory views in headless frames: softmax, signal propagation, the SELU map and born-dead
// networks, each checked against the core that computes it.

#include "ui_frame_fixture.h"

#include "core/born_dead.h"
#include "core/propagation.h"
#include "core/softmax.h"
#include "core/ticks.h"
#include "ui/theme.h"

#include <cmath>
#include <imgui_internal.h>
#include <limits>
#include <numeric>

namespace actlab::ui {
namespace {

TEST_F(UiFrameTest, TheoryPanelsRenderInEveryThemeAtScaleOneAndThree) {
    state_.propagation.depth = 8;
    state_.propagation.width = 40;
    state_.propagation.samples = 10;
    state_.born_dead.trials = 200;
    for (Theme theme : {Theme::Dark, Theme::Light, Theme::Projector}) {
        state_.display.theme = theme;
        for (float scale : {1.0f, 3.0f}) {
            state_.display.ui_scale = scale;
            Rebuild();
            for (WorkspaceView view :
                 {WorkspaceView::Softmax, WorkspaceView::Propagation, WorkspaceView::BornDead}) {
                ShowView(state_, view);
                Frames(3);
            }
        }
    }
    EXPECT_TRUE(FramesUntil([&] {
        return runtime_.session.theory.propagation.Current() && runtime_.session.theory.born_dead.Current();
    }));
    Frames(2); // with the results drawn
    state_.display.hide_controls = true;
    Frames(2);
}

TEST_F(UiFrameTest, SoftmaxPanelShowsTheLectureExampleCorrectly) {
    state_.panels.softmax = true;
    Frames(3);
    const SoftmaxResults& r = runtime_.session.theory.softmax.Get(state_.softmax);
    ASSERT_TRUE(r.error.empty()) << r.error;
    ASSERT_EQ(r.probabilities.size(), 4u);
    // pᵢ = 1 / Σⱼ e^{zⱼ − zᵢ}, computed here independently in long double.
    const std::vector<long double> z{10, 20, 30, 40};
    for (std::size_t i = 0; i < 4; ++i) {
        long double sum = 0;
        for (long double zj : z)
            sum += std::exp(zj - z[i]);
        EXPECT_NEAR(r.probabilities[i], static_cast<double>(1.0L / sum),
                    1e-15 * static_cast<double>(1.0L / sum) + 1e-300)
            << state_.softmax.class_names[i];
    }
    EXPECT_GT(r.probabilities[3], r.probabilities[2])
        << "Tiger, the largest logit, gets the largest probability";
    EXPECT_NEAR(std::accumulate(r.probabilities.begin(), r.probabilities.end(), 0.0), 1.0, 1e-15);
    for (const auto& row : r.jacobian)
        EXPECT_NEAR(std::accumulate(row.begin(), row.end(), 0.0), 0.0, 1e-15);
    const std::size_t computed = runtime_.session.theory.softmax.computations();
    Frames(10);
    EXPECT_EQ(runtime_.session.theory.softmax.computations(), computed) << "idle frames reuse the results";
}

// The class table at the projector's 2×: the probability column is as wide as the widest of the
// lecture's probabilities (2.06106e−09 was cut to "2.06106e−0" by the bars beside it).
TEST_F(UiFrameTest, SoftmaxProbabilitiesAreNotCutOffAtTwiceTheScale) {
    ShowView(state_, WorkspaceView::Softmax);
    state_.display.ui_scale = 2.0f;
    Rebuild();
    Frames(3);
    const SoftmaxResults& r = runtime_.session.theory.softmax.Get(state_.softmax);
    ASSERT_EQ(r.probabilities.size(), 4u);
    const ImGuiTable* classes = nullptr;
    for (int i = 0; i < GImGui->Tables.GetMapSize(); ++i) {
        const ImGuiTable* table = GImGui->Tables.TryGetMapData(i);
        if (table && table->ColumnsCount == 5 &&
            std::string_view(ImGui::TableGetColumnName(table, 3)) == "p\u1d62")
            classes = table;
    }
    ASSERT_NE(classes, nullptr) << "the class table";
    const ImGuiTableColumn& column = classes->Columns[3];
    for (const double p : r.probabilities) {
        const std::string text = FormatReadout(p, 6);
        EXPECT_GE(column.WidthGiven + 0.5f, ImGui::CalcTextSize(text.c_str()).x) << text;
    }
}

TEST_F(UiFrameTest, SoftmaxPanelFollowsEditedLogitsAndTemperature) {
    state_.panels.softmax = true;
    Frames(2);
    state_.softmax.logits = {1, 2, 3};
    state_.softmax.class_names = {"a", "b", "c"};
    state_.softmax.temperature = 0.5;
    Frames(2);
    const SoftmaxResults& half = runtime_.session.theory.softmax.Get(state_.softmax);
    ASSERT_EQ(half.probabilities.size(), 3u);
    EXPECT_NEAR(half.probabilities[0], 0.0158762, 5e-8);
    EXPECT_NEAR(half.probabilities[1], 0.1173104, 5e-8);
    EXPECT_NEAR(half.probabilities[2], 0.8668133, 5e-8);
    // ∂pᵢ/∂zⱼ = pᵢ(δᵢⱼ − pⱼ)/T
    EXPECT_NEAR(half.jacobian[0][1], -half.probabilities[0] * half.probabilities[1] / 0.5, 1e-16);
    EXPECT_NEAR(half.jacobian[2][2], half.probabilities[2] * (1 - half.probabilities[2]) / 0.5, 1e-16);

    // Logits of ±1e4 stay finite and exact: e^{−2e4} underflows to 0, the maximum gets 1.
    state_.softmax.logits = {1e4, -1e4, 0};
    state_.softmax.temperature = 1.0;
    Frames(2);
    const SoftmaxResults& big = runtime_.session.theory.softmax.Get(state_.softmax);
    ASSERT_TRUE(big.error.empty());
    EXPECT_EQ(big.probabilities[0], 1.0);
    EXPECT_EQ(big.probabilities[1], 0.0);
    for (const auto& row : big.jacobian) {
        for (double v : row)
            EXPECT_TRUE(std::isfinite(v));
    }

    // A temperature ≤ 0 or NaN (from a settings file or a test) is refused with a message; frames go on.
    for (double bad : {0.0, -1.0, std::nan("")}) {
        state_.softmax.temperature = bad;
        Frames(2);
        EXPECT_FALSE(runtime_.session.theory.softmax.Get(state_.softmax).error.empty()) << bad;
    }
    state_.softmax.temperature = 2.0;
    // Removing a class through the state; the names follow the logits.
    state_.softmax.logits = {0.0};
    Frames(2);
    EXPECT_EQ(state_.softmax.class_names.size(), 1u);
    EXPECT_EQ(runtime_.session.theory.softmax.Get(state_.softmax).probabilities, std::vector<double>{1.0});
}

TEST_F(UiFrameTest, PropagationPanelRunsOffTheFrameAndMatchesTheCore) {
    state_.panels.propagation = true;
    state_.propagation.depth = 30;
    state_.propagation.width = 200;
    state_.propagation.samples = 50;
    Frames(1);
    EXPECT_TRUE(runtime_.session.theory.propagation.Running())
        << "the first frame starts the run and returns";
    // A changed setting while it runs: the run is cancelled and a new one started for the new inputs.
    state_.propagation.depth = 12;
    state_.propagation.init = SignalInitScheme::He;
    state_.propagation.activation = ActivationId::Relu;
    state_.propagation.params = Activation::WithDefaults(ActivationId::Relu).params;
    ASSERT_TRUE(FramesUntil([&] { return runtime_.session.theory.propagation.Current(); }));
    EXPECT_GE(runtime_.session.theory.propagation.runs_started(), 2u);
    const std::vector<LayerStatistics> expected =
        SimulatePropagation(session::PropagationConfigFor(state_.propagation));
    const std::vector<LayerStatistics>& shown = runtime_.session.theory.propagation.results();
    ASSERT_EQ(shown.size(), 13u);
    for (std::size_t l = 0; l < shown.size(); ++l) {
        EXPECT_EQ(shown[l].mean, expected[l].mean) << l;
        EXPECT_EQ(shown[l].variance, expected[l].variance) << l;
        EXPECT_EQ(shown[l].grad_norm, expected[l].grad_norm) << l;
    }
    const std::size_t runs = runtime_.session.theory.propagation.runs_started();
    Frames(10);
    EXPECT_EQ(runtime_.session.theory.propagation.runs_started(), runs) << "idle frames start nothing";
    // Out-of-domain parameters are refused, nothing runs.
    state_.propagation.activation = ActivationId::Elu;
    state_.propagation.params = {-1.0, 0.0};
    Frames(2);
    EXPECT_FALSE(runtime_.session.theory.propagation.error().empty());
    EXPECT_FALSE(runtime_.session.theory.propagation.Running());
}

TEST_F(UiFrameTest, SeluMapConvergesToZeroOneWithTheCanonicalConstants) {
    state_.panels.propagation = true;
    state_.propagation.depth = 3;
    state_.propagation.width = 10;
    state_.propagation.map_mean = 1.0;
    state_.propagation.map_var = 3.0;
    state_.propagation.map_steps = 100;
    Frames(2);
    const SeluMapResults& map = runtime_.session.theory.selu_map.Get(state_.propagation);
    ASSERT_TRUE(map.error.empty()) << map.error;
    ASSERT_TRUE(map.fixed_point.has_value());
    EXPECT_NEAR(map.fixed_point->mean, 0.0, 1e-9);
    EXPECT_NEAR(map.fixed_point->variance, 1.0, 1e-9);
    EXPECT_NEAR(map.jacobian_norm, 0.7877, 5e-5);
    ASSERT_EQ(map.trajectory.size(), 101u);
    EXPECT_NEAR(map.trajectory.back().mean, 0.0, 1e-6);
    EXPECT_NEAR(map.trajectory.back().variance, 1.0, 1e-6);
    // Other constants move the fixed point away from (0, 1).
    state_.propagation.params[0] = 1.2;
    Frames(2);
    const SeluMapResults& other = runtime_.session.theory.selu_map.Get(state_.propagation);
    ASSERT_TRUE(other.fixed_point.has_value());
    EXPECT_GT(std::abs(other.fixed_point->variance - 1.0), 0.05);
}

TEST_F(UiFrameTest, BornDeadPanelMatchesTheCoreAndTheClosedForm) {
    state_.panels.born_dead = true;
    state_.born_dead.width = 3;
    state_.born_dead.depth = 20;
    state_.born_dead.trials = 4000;
    ASSERT_TRUE(FramesUntil([&] { return runtime_.session.theory.born_dead.Current(); }));
    const std::vector<BornDeadResult>& shown = runtime_.session.theory.born_dead.results();
    const std::vector<BornDeadResult> expected =
        SimulateBornDeadByDepth(session::BornDeadConfigFor(state_.born_dead));
    ASSERT_EQ(shown.size(), 20u);
    for (std::size_t h = 0; h < shown.size(); ++h) {
        EXPECT_EQ(shown[h].dead_trials, expected[h].dead_trials) << h;
        ASSERT_TRUE(shown[h].closed_form.has_value());
        EXPECT_NEAR(shown[h].probability, *shown[h].closed_form, 4 * shown[h].std_error + 1e-3)
            << "depth " << h + 1;
    }
    // Too much work for a window is refused with a message, not started.
    state_.born_dead.domain = BornDeadDomain::Grid;
    state_.born_dead.width = 8;
    state_.born_dead.depth = 100;
    state_.born_dead.trials = 100000;
    Frames(2);
    EXPECT_NE(runtime_.session.theory.born_dead.error().find("too much work"), std::string::npos);
    EXPECT_FALSE(runtime_.session.theory.born_dead.Running());
}

} // namespace
} // namespace actlab::ui
