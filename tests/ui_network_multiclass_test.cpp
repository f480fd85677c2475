// The network view's lesson pictures in headless frames: the multi-class surface (CPU mesh path)
// coloured by the most likely class, the class legend, accuracy in the toolbar and the charts; your own
// points (click, Shift+click, drag, Delete); the 1-D fit view; the linear-regions overlay; the replay.
#include "ui_frame_fixture.h"

#include "core/network_geometry.h"
#include "core/scene.h"
#include "render/heat_color.h"
#include "ui/heatmap_renderer.h"
#include "ui/layout_recorder.h"
#include "ui/shortcuts.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <string>
#include <vector>

namespace actlab::ui {
namespace {

bool HasLabel(const LayoutReport& report, const std::string& region, const std::string& prefix) {
    return std::any_of(report.labels.begin(), report.labels.end(), [&](const LayoutLabel& label) {
        return label.region == region && label.text.rfind(prefix, 0) == 0;
    });
}

bool HasExactLabel(const LayoutReport& report, const std::string& region, const std::string& text) {
    return std::any_of(report.labels.begin(), report.labels.end(), [&](const LayoutLabel& label) {
        return label.region == region && label.text == text;
    });
}

TEST_F(NetworkPanelTest, AMultiClassSetShowsClassLegendAndAccuracy) {
    state_.network.dataset = DatasetKind::Blobs4;
    state_.network.playing = true;
    Frames(30);
    ASSERT_TRUE(runtime_.session.network.ready()) << runtime_.session.network.error();
    EXPECT_TRUE(state_.network.softmax);
    EXPECT_EQ(runtime_.session.network.trainer().network().Output().size, 4u);
    LayoutRecorder recorder;
    SetActiveRecorder(&recorder);
    recorder.BeginFrame();
    Frame();
    SetActiveRecorder(nullptr);
    const LayoutReport report = recorder.Finish(1920, 1080, 1.0f, {}, "ActLab");
    // The legend: "class 0" … "class 3", or "class" once and the indices where the plane is narrow.
    for (int k = 0; k < 4; ++k) {
        EXPECT_TRUE(HasLabel(report, "network.output", "class " + std::to_string(k)) ||
                    (HasExactLabel(report, "network.output", "class") &&
                     HasExactLabel(report, "network.output", std::to_string(k))))
            << k;
    }
    EXPECT_FALSE(HasLabel(report, "network.output", "class 4"));
    EXPECT_FALSE(HasExactLabel(report, "network.output", "4"));
    EXPECT_TRUE(HasLabel(report, "network.toolbar", "accuracy ")) << "accuracy in the toolbar";
    for (const LayoutLabel& label : report.labels)
        EXPECT_FALSE(label.truncated) << label.text;

    // A two-class set with tanh: no class legend, accuracy still shown (it is classification).
    state_.network.dataset = DatasetKind::Xor;
    state_.network.softmax = false;
    Frames(2);
    SetActiveRecorder(&recorder);
    recorder.BeginFrame();
    Frame();
    SetActiveRecorder(nullptr);
    const LayoutReport binary = recorder.Finish(1920, 1080, 1.0f, {}, "ActLab");
    EXPECT_FALSE(HasLabel(binary, "network.output", "class 0"));
    EXPECT_TRUE(HasLabel(binary, "network.toolbar", "accuracy "));
    // Regression: no accuracy.
    state_.network.dataset = DatasetKind::RegPlane;
    Frames(2);
    SetActiveRecorder(&recorder);
    recorder.BeginFrame();
    Frame();
    SetActiveRecorder(nullptr);
    EXPECT_FALSE(HasLabel(recorder.Finish(1920, 1080, 1.0f, {}, "ActLab"), "network.toolbar", "accuracy "));
}

// The CPU mesh of a class map: every vertex (a cell centre) has its most likely class's colour with
// the probability as intensity.
TEST_F(UiFrameTest, TheClassMapMeshColoursEveryCellByItsMostLikelyClass) {
    constexpr std::size_t n = 5, classes = 3;
    std::vector<float> values(n * n * classes);
    for (std::size_t cell = 0; cell < n * n; ++cell) {
        const std::size_t winner = cell % classes;
        const float p = 0.4f + 0.6f * static_cast<float>(cell) / static_cast<float>(n * n - 1);
        for (std::size_t k = 0; k < classes; ++k)
            values[k * n * n + cell] = k == winner ? p : (1.0f - p) / 2.0f;
    }
    const FigureTheme theme = FigureThemeFor(Theme::Projector);
    HeatmapStyle style;
    style.colors = theme.network;
    style.classes = classes;
    for (std::size_t k = 0; k < kMaxClassColors; ++k)
        style.class_colors[k] = PaletteColor(theme, k);
    style.probability_floor = 1.0f / static_cast<float>(classes);
    ImGui::NewFrame();
    ImGui::Begin("mesh");
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const int first = draw->VtxBuffer.Size;
    DrawHeatmapMesh(draw, {values.data(), n, 0, 1}, {0, 0}, {100, 100}, style);
    ASSERT_EQ(draw->VtxBuffer.Size - first, static_cast<int>(n * n));
    for (std::size_t cell = 0; cell < n * n; ++cell) {
        const Color want = ClassMapColor(style.colors.neutral, style.class_colors[cell % classes],
                                         values[(cell % classes) * n * n + cell], style.probability_floor);
        EXPECT_EQ(draw->VtxBuffer[first + static_cast<int>(cell)].col,
                  IM_COL32(want.r, want.g, want.b, want.a))
            << "cell " << cell;
    }
    ImGui::End();
    ImGui::EndFrame();
    // The projector's first four class colours are far apart (each pair differs by over 100 in a channel).
    for (std::size_t a = 0; a < 4; ++a) {
        for (std::size_t b = a + 1; b < 4; ++b) {
            const Color x = style.class_colors[a], y = style.class_colors[b];
            const int diff = std::max({std::abs(x.r - y.r), std::abs(x.g - y.g), std::abs(x.b - y.b)});
            EXPECT_GT(diff, 100) << a << " vs " << b;
        }
    }
}

// The output plane's square, found from the recorded region: under the title row, at the left.
struct Plane {
    ImVec2 p0;
    float side = 0.0f;
    ImVec2 At(double x1, double x2) const {
        return {p0.x + static_cast<float>((x1 + 6.0) / 12.0) * side,
                p0.y + static_cast<float>((6.0 - x2) / 12.0) * side};
    }
};

class OwnPointsTest : public NetworkPanelTest {
protected:
    Plane FindPlane() {
        LayoutRecorder recorder;
        SetActiveRecorder(&recorder);
        recorder.BeginFrame();
        Frame();
        SetActiveRecorder(nullptr);
        const LayoutReport report = recorder.Finish(1920, 1080, 1.0f, {}, "ActLab");
        for (const LayoutRegion& region : report.regions) {
            if (region.id != "network.output") continue;
            // The corner labels "−6" and "6" sit right under the square: their tops give its bottom.
            for (const LayoutLabel& label : report.labels) {
                if (label.region == "network.output" && label.text == "6") {
                    const float side = label.rect.Right() - region.rect.x;
                    return {{region.rect.x, label.rect.y - 2.0f - side}, side};
                }
            }
        }
        ADD_FAILURE() << "no output plane";
        return {};
    }

    void Click(ImVec2 at, int button = 0, bool shift = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = at;
        io.KeyShift = shift;
        Frame();
        io.MouseDown[button] = true;
        Frame();
        io.MouseDown[button] = false;
        Frame();
        io.KeyShift = false;
    }
};

TEST_F(OwnPointsTest, ClicksAddPointsThatJoinTheTrainingSetAndDragAndDeleteEditThem) {
    state_.network.dataset = DatasetKind::Blobs3;
    state_.network.point_class = 1;
    Frames(3);
    ASSERT_TRUE(runtime_.session.network.ready());
    const std::size_t generated = runtime_.session.network.trainer().train().size();
    const Plane plane = FindPlane();
    ASSERT_GT(plane.side, 100.0f);
    Click(plane.At(-3.0, 4.0));
    ASSERT_EQ(state_.network.points.size(), 1u);
    EXPECT_NEAR(state_.network.points[0].x1, -3.0, 0.1);
    EXPECT_NEAR(state_.network.points[0].x2, 4.0, 0.1);
    EXPECT_EQ(state_.network.points[0].label, 1u) << "the selected class";
    Click(plane.At(3.0, -4.0), 0, true);
    ASSERT_EQ(state_.network.points.size(), 2u);
    EXPECT_EQ(state_.network.points[1].label, 2u) << "Shift: the next class";
    Click(plane.At(0.0, -5.0), 1);
    ASSERT_EQ(state_.network.points.size(), 3u);
    EXPECT_EQ(state_.network.points[2].label, 2u) << "right click: the next class";
    Frames(1);
    const std::vector<Sample>& train = runtime_.session.network.trainer().train();
    ASSERT_EQ(train.size(), generated + 3) << "the points are training samples";
    EXPECT_EQ(train[generated].y, 1.0);
    EXPECT_EQ(train[generated + 1].y, 2.0);

    // Drag the first point to (2, 2).
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = plane.At(-3.0, 4.0);
    Frame();
    io.MouseDown[0] = true;
    Frame();
    io.MousePos = plane.At(2.0, 2.0);
    Frame();
    Frame();
    io.MouseDown[0] = false;
    Frame();
    ASSERT_EQ(state_.network.points.size(), 3u) << "a drag adds nothing";
    EXPECT_NEAR(state_.network.points[0].x1, 2.0, 0.1);
    EXPECT_NEAR(state_.network.points[0].x2, 2.0, 0.1);

    // Delete removes the point under the pointer.
    io.MousePos = plane.At(3.0, -4.0);
    Frame();
    PressKey(key::kDelete);
    ASSERT_EQ(state_.network.points.size(), 2u);
    EXPECT_EQ(state_.network.points[1].label, 2u);
    EXPECT_NEAR(state_.network.points[1].x2, -5.0, 0.1);
    io.MousePos = {-FLT_MAX, -FLT_MAX};

    // The points are part of the scene: saved and read back.
    Scene scene;
    scene.state = state_;
    const SceneParseResult parsed = ParseScene(SceneToJson(scene), "points");
    ASSERT_TRUE(parsed.ok()) << parsed.error;
    EXPECT_EQ(parsed.scene.state.network.points, state_.network.points);
}

TEST_F(NetworkPanelTest, AOneInputRegressionSetShowsTheFitWithAKinkPerNeuron) {
    state_.network.dataset = DatasetKind::Reg1d;
    state_.network.hidden = {5};
    state_.network.activations = {Activation::WithDefaults(ActivationId::Relu)};
    Frames(3);
    ASSERT_TRUE(runtime_.session.network.ready()) << runtime_.session.network.error();
    LayoutRecorder recorder;
    SetActiveRecorder(&recorder);
    recorder.BeginFrame();
    Frame();
    SetActiveRecorder(nullptr);
    const LayoutReport report = recorder.Finish(1920, 1080, 1.0f, {}, "ActLab");
    // The kinks inside [−6, 6] are numbered by their neuron in one row under the axis (one too close to
    // its left neighbour is left unnumbered); the x ticks are in the row under it.
    const Network& network = runtime_.session.network.trainer().network();
    std::vector<std::string> inside;
    for (const FirstLayerBend& bend : FirstLayerBends(network, -6.0, 6.0)) {
        if (bend.inside) inside.push_back(std::to_string(bend.neuron + 1));
    }
    ASSERT_FALSE(inside.empty()) << "some kinks lie on the axis";
    float tick_row = 0.0f;
    for (const LayoutLabel& label : report.labels) {
        if (label.region == "network.output" && label.text == "\u22126")
            tick_row = std::max(tick_row, label.rect.y);
    }
    ASSERT_GT(tick_row, 0.0f) << "the x axis is labelled";
    std::size_t numbered = 0;
    for (const LayoutLabel& label : report.labels) {
        if (label.region != "network.output" || label.rect.y >= tick_row || label.rect.y < tick_row - 40.0f)
            continue;
        if (std::find(inside.begin(), inside.end(), label.text) == inside.end()) continue;
        ++numbered;
    }
    EXPECT_GE(numbered, 1u);
    EXPECT_LE(numbered, inside.size());
    EXPECT_FALSE(HasLabel(report, "network.output", "class 0"));
    for (const LayoutLabel& a : report.labels) {
        for (const LayoutLabel& b : report.labels) {
            if (&a != &b && a.region == "network.output" && b.region == "network.output") {
                EXPECT_FALSE(a.rect.Overlaps(b.rect)) << a.text << " / " << b.text;
            }
        }
    }
}

TEST_F(NetworkPanelTest, TheLinearRegionsOverlayCountsTheSampledRegions) {
    state_.network.dataset = DatasetKind::Xor;
    state_.network.hidden = {4};
    state_.network.activations = {Activation::WithDefaults(ActivationId::Relu)};
    state_.network.linear_regions = true;
    Frames(3);
    const LinearRegionGrid& grid = runtime_.session.network.linear_regions();
    ASSERT_EQ(grid.n, session::kRegionGrid);
    EXPECT_EQ(grid.regions, SampleLinearRegions(runtime_.session.network.trainer().network(),
                                                session::kRegionGrid, kPlaneLo, kPlaneHi)
                                .regions);
    LayoutRecorder recorder;
    SetActiveRecorder(&recorder);
    recorder.BeginFrame();
    Frame();
    SetActiveRecorder(nullptr);
    EXPECT_TRUE(HasLabel(recorder.Finish(1920, 1080, 1.0f, {}, "ActLab"), "network.output",
                         std::to_string(grid.regions) + " linear regions"));
    // A smooth net has none: no count.
    state_.network.activations = {Activation::WithDefaults(ActivationId::Tanh)};
    Frames(2);
    SetActiveRecorder(&recorder);
    recorder.BeginFrame();
    Frame();
    SetActiveRecorder(nullptr);
    EXPECT_FALSE(HasLabel(recorder.Finish(1920, 1080, 1.0f, {}, "ActLab"), "network.output",
                          std::to_string(grid.regions) + " linear"));
}

TEST_F(NetworkPanelTest, ReplayShowsAnEarlierStepAndPlayingFromThereBranches) {
    runtime_.training_budget_seconds = 10.0; // exactly steps_per_frame steps per frame
    state_.network.steps_per_frame = 5;
    state_.network.playing = true;
    Frames(40);
    state_.network.playing = false;
    Frames(2);
    NetworkSession& session = runtime_.session.network;
    const std::size_t latest_step = session.trainer().step();
    const Network latest = session.trainer().network();
    ASSERT_GT(session.snapshots().size(), 5u);
    const WeightSnapshot early = session.snapshots().snapshots()[2];
    session.ScrubTo(2);
    Frames(2);
    EXPECT_TRUE(session.replaying());
    EXPECT_EQ(session.trainer().step(), early.step) << "the counter shows the replayed step";
    EXPECT_EQ(session.trainer().network(), early.network) << "graph and heatmaps show its weights";
    EXPECT_EQ(session.stats().hidden_neurons, 8u);
    session.ReturnToLatest();
    Frames(1);
    EXPECT_FALSE(session.replaying());
    EXPECT_EQ(session.trainer().step(), latest_step);
    EXPECT_EQ(session.trainer().network(), latest);

    session.ScrubTo(2);
    Frames(1);
    state_.network.playing = true;
    Frames(1);
    EXPECT_FALSE(session.replaying());
    EXPECT_EQ(session.trainer().step(), early.step + 5) << "a branch from the replayed step";
    EXPECT_LE(session.trainer().history().step.back(), early.step + 5) << "later chart rows dropped";
    EXPECT_EQ(session.snapshots().snapshots().back().step, early.step + 5);
}

TEST_F(NetworkPanelTest, TheChartsShowAccuracyForClassificationRuns) {
    state_.network.dataset = DatasetKind::Blobs3;
    state_.network.playing = true;
    Frames(20);
    const TrainingHistory& history = runtime_.session.network.trainer().history();
    ASSERT_GT(history.size(), 1u);
    EXPECT_EQ(history.train_accuracy.size(), history.size());
    LayoutRecorder recorder;
    SetActiveRecorder(&recorder);
    recorder.BeginFrame();
    Frame();
    SetActiveRecorder(nullptr);
    const LayoutReport report = recorder.Finish(1920, 1080, 1.0f, {}, "ActLab");
    EXPECT_TRUE(HasLabel(report, "network.charts", "accuracy"));
    EXPECT_TRUE(HasLabel(report, "network.charts", "dead"));
}

} // namespace
} // namespace actlab::ui
