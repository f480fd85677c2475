// The mini-network view in headless frames: play, step and reset; cached geometry and heatmaps;
// dying ReLUs, divergence, shapes and the chain-rule selection; the lesson presets.

#include "ui_frame_fixture.h"

#include "core/lesson_presets.h"
#include "core/scene.h"
#include "ui/cached_geometry.h"
#include "ui/scene_files.h"
#include "ui/theme.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>
#include <vector>

namespace actlab::ui {
namespace {

TEST_F(NetworkPanelTest, PlayStepResetAndEveryThemeAndScaleRender) {
    Frames(2);
    ASSERT_TRUE(runtime_.session.network.ready()) << runtime_.session.network.error();
    EXPECT_EQ(runtime_.session.network.trainer().step(), 0u) << "opening the panel does not train";
    EXPECT_EQ(runtime_.session.network.node_grid().size(),
              NodeCount(runtime_.session.network.trainer().network()) * kNeuronGrid * kNeuronGrid);

    state_.network.playing = true;
    Frames(20);
    const std::size_t played = runtime_.session.network.trainer().step();
    EXPECT_GT(played, 0u);
    EXPECT_FALSE(runtime_.session.network.trainer().history().train_loss.empty())
        << "chart rows while playing";

    state_.network.playing = false;
    Frames(1);
    const std::size_t paused_at = runtime_.session.network.trainer().step();
    runtime_.session.network.RequestStep();
    Frames(1);
    EXPECT_EQ(runtime_.session.network.trainer().step(), paused_at + 1) << "Step is exactly one update";

    runtime_.session.network.RequestReset();
    Frames(1);
    EXPECT_EQ(runtime_.session.network.trainer().step(), 0u);

    state_.panels.chain_rule = true;
    state_.network.selection = {true, 0, 0, 0, 3};
    for (Theme theme : {Theme::Dark, Theme::Light, Theme::Projector}) {
        state_.display.theme = theme;
        for (float scale : {1.0f, 3.0f}) {
            state_.display.ui_scale = scale;
            Rebuild();
            state_.network.playing = true;
            Frames(3);
        }
    }
}

TEST_F(UiFrameTest, CachedGeometryReplaysExactlyWhatWasDrawnAndOnlyUnderItsKey) {
    ImGui::NewFrame();
    ImGui::Begin("geometry");
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const auto circles = [&] {
        for (int i = 0; i < 300; ++i) {
            const int row = i / 30, column = i % 30; // a grid of 30 circles a row
            const ImVec2 p{50.0f + static_cast<float>(column) * 9.0f, 60.0f + static_cast<float>(row) * 9.0f};
            draw->AddCircleFilled(p, 4.0f, IM_COL32(200, 40, 40, 255));
            draw->AddCircle(p, 4.5f, IM_COL32(20, 20, 20, 255), 0, 1.5f);
        }
    };
    CachedGeometry cache;
    EXPECT_FALSE(cache.Replay(draw, 1)) << "nothing recorded yet";
    const int recorded_from = draw->VtxBuffer.Size, recorded_indices_from = draw->IdxBuffer.Size;
    const unsigned int recorded_base = draw->_VtxCurrentIdx;
    cache.BeginRecording(draw);
    circles();
    cache.EndRecording(draw, 1);
    const int vertex_count = draw->VtxBuffer.Size - recorded_from;
    const int index_count = draw->IdxBuffer.Size - recorded_indices_from;
    ASSERT_GT(vertex_count, 1000);
    EXPECT_EQ(cache.recordings(), 1u);

    const int replayed_from = draw->VtxBuffer.Size, replayed_indices_from = draw->IdxBuffer.Size;
    const unsigned int replayed_base = draw->_VtxCurrentIdx;
    ASSERT_TRUE(cache.Replay(draw, 1));
    ASSERT_EQ(draw->VtxBuffer.Size - replayed_from, vertex_count);
    ASSERT_EQ(draw->IdxBuffer.Size - replayed_indices_from, index_count);
    for (int i = 0; i < vertex_count; ++i) {
        const ImDrawVert& a = draw->VtxBuffer[recorded_from + i];
        const ImDrawVert& b = draw->VtxBuffer[replayed_from + i];
        ASSERT_TRUE(a.pos.x == b.pos.x && a.pos.y == b.pos.y && a.uv.x == b.uv.x && a.uv.y == b.uv.y &&
                    a.col == b.col)
            << "vertex " << i;
    }
    for (int i = 0; i < index_count; ++i) {
        ASSERT_EQ(draw->IdxBuffer[recorded_indices_from + i] - recorded_base,
                  draw->IdxBuffer[replayed_indices_from + i] - replayed_base)
            << "index " << i;
    }
    EXPECT_EQ(draw->_VtxCurrentIdx, replayed_base + static_cast<unsigned int>(vertex_count));

    const int before_other_key = draw->VtxBuffer.Size;
    EXPECT_FALSE(cache.Replay(draw, 2)) << "another key: the inputs changed";
    EXPECT_EQ(draw->VtxBuffer.Size, before_other_key);

    // Drawing that needs a second draw command (a clip rectangle) is not kept.
    CachedGeometry clipped;
    clipped.BeginRecording(draw);
    draw->PushClipRect({0, 0}, {100, 100}, true);
    circles();
    draw->PopClipRect();
    circles();
    clipped.EndRecording(draw, 3);
    EXPECT_FALSE(clipped.Replay(draw, 3));
    ImGui::End();
    ImGui::Render();
}

TEST_F(NetworkPanelTest, TheSurfacesDataPointsAreReplayedUntilTheDataOrTheLayoutChanges) {
    Frames(3);
    ASSERT_TRUE(runtime_.session.network.ready()) << runtime_.session.network.error();
    const std::size_t recordings = runtime_.surface_points.recordings();
    EXPECT_GE(recordings, 1u);
    const std::size_t replays = runtime_.surface_points.replays();
    Frame();
    const int vertices = ImGui::GetDrawData()->TotalVtxCount;
    Frames(3);
    EXPECT_EQ(runtime_.surface_points.replays(), replays + 4);
    EXPECT_EQ(runtime_.surface_points.recordings(), recordings);
    EXPECT_EQ(ImGui::GetDrawData()->TotalVtxCount, vertices)
        << "a replayed frame has the geometry of a drawn one";

    state_.network.dataset =
        state_.network.dataset == DatasetKind::Xor ? DatasetKind::Circle : DatasetKind::Xor;
    Frames(3);
    EXPECT_GT(runtime_.surface_points.recordings(), recordings) << "new data points are drawn afresh";
    const std::size_t after_data = runtime_.surface_points.recordings();
    state_.display.theme = state_.display.theme == Theme::Light ? Theme::Dark : Theme::Light;
    Frames(2);
    EXPECT_GT(runtime_.surface_points.recordings(), after_data) << "new colours are drawn afresh";
}

TEST_F(NetworkPanelTest, NodeHeatmapsAreTheFineGridAveragedAndTheOutputIsTheFineGrid) {
    Frames(2);
    ASSERT_TRUE(runtime_.session.network.ready()) << runtime_.session.network.error();
    const Network& network = runtime_.session.network.trainer().network();
    std::vector<float> fine;
    EvaluateGrid(network, kOutputGrid, kPlaneLo, kPlaneHi, fine);
    const std::size_t cells = kOutputGrid * kOutputGrid, coarse = kNeuronGrid * kNeuronGrid;
    const std::size_t nodes = NodeCount(network);
    ASSERT_EQ(runtime_.session.network.output_grid().size(), cells);
    for (std::size_t i = 0; i < cells; ++i)
        ASSERT_EQ(runtime_.session.network.output_grid()[i], fine[(nodes - 1) * cells + i]);
    const std::vector<float>& nodes_grid = runtime_.session.network.node_grid();
    ASSERT_EQ(nodes_grid.size(), nodes * coarse);
    for (std::size_t node = 0; node < nodes; ++node) {
        for (std::size_t r = 0; r < kNeuronGrid; r += 7) {
            for (std::size_t c = 0; c < kNeuronGrid; c += 5) {
                const float* f = fine.data() + node * cells;
                const float mean =
                    0.25f * (f[2 * r * kOutputGrid + 2 * c] + f[2 * r * kOutputGrid + 2 * c + 1] +
                             f[(2 * r + 1) * kOutputGrid + 2 * c] + f[(2 * r + 1) * kOutputGrid + 2 * c + 1]);
                EXPECT_FLOAT_EQ(nodes_grid[node * coarse + r * kNeuronGrid + c], mean) << "node " << node;
            }
        }
    }
    // Input x1's coarse map runs from about −6 on the left to +6 on the right.
    EXPECT_NEAR(nodes_grid[0], -6.0 + 6.0 / 32.0, 1e-5); // the coarse cell centre
    EXPECT_NEAR(nodes_grid[kNeuronGrid - 1], 6.0 - 6.0 / 32.0, 1e-5);
}

TEST_F(NetworkPanelTest, ANegativeBiasKillsReluAndSwitchingToLeakyReluRevivesThem) {
    state_.network.bias_init = -5.0;
    Frames(2);
    ASSERT_TRUE(runtime_.session.network.ready());
    const NetworkStats& born = runtime_.session.network.stats();
    EXPECT_GT(born.dead_count * 2, born.hidden_neurons) << "the counter shows more than half dead";

    // Changing the activation keeps the weights: with Leaky ReLU no neuron has f′(z) = 0 anywhere.
    const Network before = runtime_.session.network.trainer().network();
    for (Activation& activation : state_.network.activations)
        activation = Activation::WithDefaults(ActivationId::LeakyRelu);
    Frames(2);
    EXPECT_EQ(runtime_.session.network.trainer().network().layers[0].weights, before.layers[0].weights);
    EXPECT_EQ(runtime_.session.network.stats().dead_count, 0u);
}

TEST_F(NetworkPanelTest, AHighLearningRateKillsReluDuringTraining) {
    // A seeded case (2→6→6→6→1, He, learning rate 3) played in the panel: on this deeper net how
    // many die depends on the seed (the core test loops over seeds on 2→4→1); this one loses more
    // than half. A generous time budget makes
    // the step count exactly 10 per frame whatever the machine's load.
    runtime_.training_budget_seconds = 10.0;
    state_.network.hidden = {6, 6, 6};
    state_.network.activations.assign(3, Activation::WithDefaults(ActivationId::Relu));
    state_.network.init = InitScheme::He;
    state_.network.bias_init = 0.0;
    state_.network.samples = 500;
    state_.network.seed = 5;
    state_.network.learning_rate = 3.0;
    state_.network.steps_per_frame = 10;
    state_.network.playing = true;
    Frames(31);
    state_.network.playing = false;
    Frames(1);
    ASSERT_TRUE(runtime_.session.network.ready());
    const NetworkStats& stats = runtime_.session.network.stats();
    EXPECT_FALSE(runtime_.session.network.trainer().diverged());
    EXPECT_GT(stats.dead_count * 2, stats.hidden_neurons)
        << "dead " << stats.dead_count << "/" << stats.hidden_neurons;
}

TEST_F(NetworkPanelTest, DivergencePausesWithTheMessageAndResetRecovers) {
    state_.network.activations.assign(2, Activation::WithDefaults(ActivationId::Linear));
    state_.network.output = ActivationId::Linear;
    state_.network.learning_rate = 50.0;
    state_.network.playing = true;
    Frames(30);
    ASSERT_TRUE(runtime_.session.network.trainer().diverged());
    EXPECT_FALSE(state_.network.playing) << "divergence pauses";
    EXPECT_NE(runtime_.session.network.trainer().divergence().find("diverged"), std::string::npos);
    state_.network.learning_rate = 0.01;
    runtime_.session.network.RequestReset();
    Frames(1);
    EXPECT_FALSE(runtime_.session.network.trainer().diverged());
    state_.network.playing = true;
    Frames(5);
    EXPECT_GT(runtime_.session.network.trainer().step(), 0u);
}

TEST_F(NetworkPanelTest, LayersAndShapesRebuildTheNetwork) {
    Frames(1);
    state_.network.hidden = {8, 8, 8, 8, 8, 8};
    state_.network.activations.assign(6, Activation::WithDefaults(ActivationId::Sigmoid));
    Frames(2);
    ASSERT_TRUE(runtime_.session.network.ready());
    EXPECT_EQ(runtime_.session.network.trainer().network().HiddenLayerCount(), 6u);
    state_.network.hidden.clear();
    state_.network.activations.clear();
    state_.network.dataset = DatasetKind::Chain;
    Frames(2);
    EXPECT_EQ(runtime_.session.network.trainer().network().inputs.size(), 1u)
        << "the chain dataset has one input";
    state_.network.hidden = {1, 1, 1};
    state_.network.activations.assign(3, Activation::WithDefaults(ActivationId::Prelu));
    state_.network.output = ActivationId::Sigmoid;
    state_.network.playing = true;
    Frames(5);
    EXPECT_GT(runtime_.session.network.trainer().step(), 0u);
}

TEST_F(NetworkPanelTest, ClickingAnEdgeSelectsItForTheChainRule) {
    state_.network.hidden = {1};
    state_.network.activations = {Activation::WithDefaults(ActivationId::Relu)};
    Frames(3);
    // Click down vertical lines between the input column and the hidden neuron: every such line
    // crosses the edges x1→h1 and x2→h1. Stop at the first selection.
    ImGuiIO& io = ImGui::GetIO();
    bool selected = false;
    for (float x = 750.0f; x < 1000.0f && !selected; x += 80.0f) {
        for (float y = 150.0f; y < 1000.0f && !selected; y += 4.0f) {
            io.MousePos = {x, y};
            Frame();
            io.MouseDown[0] = true;
            Frame();
            io.MouseDown[0] = false;
            Frame();
            selected = state_.network.selection.valid;
        }
    }
    ASSERT_TRUE(selected) << "no edge found under the pointer";
    EXPECT_TRUE(state_.panels.chain_rule);
    Frames(2);
}

// The session runs whatever the views show: hiding the network view is not pausing.
TEST_F(NetworkPanelTest, HidingTheNetworkViewKeepsTrainingStepping) {
    runtime_.training_budget_seconds = 10.0; // exactly steps_per_frame steps per frame
    state_.network.steps_per_frame = 3;
    state_.network.playing = true;
    Frames(2);
    ASSERT_TRUE(runtime_.session.network.ready());
    const std::size_t shown = runtime_.session.network.trainer().step();
    EXPECT_EQ(shown, 6u);
    ShowView(state_, WorkspaceView::Functions); // another view: the network's is not drawn
    Frames(4);
    EXPECT_EQ(state_.workspace.view, WorkspaceView::Functions) << "the view is hidden";
    EXPECT_FALSE(state_.panels.network);
    EXPECT_EQ(runtime_.session.network.trainer().step(), shown + 12) << "and training went on every frame";
    state_.network.playing = false; // pausing is explicit
    Frames(2);
    EXPECT_EQ(runtime_.session.network.trainer().step(), shown + 12);
}

// One session update per frame, with every view open or none.
TEST_F(UiFrameTest, TheSessionIsUpdatedOncePerFrame) {
    Frames(3);
    EXPECT_EQ(runtime_.session.updates(), 3u);
    // The propagation view opened once: its simulation starts and then follows its inputs unseen.
    state_.propagation.samples = 10;
    ShowView(state_, WorkspaceView::Propagation);
    Frame();
    OpenEveryPanel(state_);
    state_.born_dead.trials = 200;
    state_.network.playing = true;
    state_.network.steps_per_frame = 1;
    runtime_.training_budget_seconds = 10.0;
    Frames(5);
    EXPECT_EQ(runtime_.session.updates(), 9u);
    EXPECT_EQ(runtime_.session.network.trainer().step(), 5u) << "one training slice per frame";
    EXPECT_EQ(runtime_.session.theory.propagation.runs_started(), 1u);
}

// Hovering an edge shows its full-batch gradient, computed by the session once per hovered weight
// and network, not in every frame the tooltip is drawn.
TEST_F(NetworkPanelTest, AHoveredEdgesGradientIsComputedOncePerChange) {
    state_.network.hidden = {1};
    state_.network.activations = {Activation::WithDefaults(ActivationId::Relu)};
    Frames(3);
    ImGuiIO& io = ImGui::GetIO();
    bool found = false;
    for (float x = 750.0f; x < 1000.0f && !found; x += 80.0f) {
        for (float y = 150.0f; y < 1000.0f && !found; y += 4.0f) {
            io.MousePos = {x, y};
            Frames(2);
            found = runtime_.session.network.hovered_gradient().has_value();
        }
    }
    ASSERT_TRUE(found) << "no edge found under the pointer";
    const std::size_t computed = runtime_.session.network.gradient_computations();
    Frames(20);
    EXPECT_EQ(runtime_.session.network.gradient_computations(), computed) << "a still network, the same edge";
    EXPECT_TRUE(runtime_.session.network.hovered_gradient().has_value());
    runtime_.session.network.RequestStep();
    Frames(3);
    EXPECT_EQ(runtime_.session.network.gradient_computations(), computed + 1) << "one step: one new gradient";
    io.MousePos = {-FLT_MAX, -FLT_MAX};
    Frames(2);
    EXPECT_FALSE(runtime_.session.network.hovered_gradient().has_value()) << "the pointer left";
}

// One list of lessons: the Lessons menu lists every shipped preset, the network view's "Load a
// lesson…" those among them that open the network, and choosing one applies that preset.
TEST_F(NetworkPanelTest, TheNetworkViewListsTheShippedPresetsThatOpenTheNetwork) {
    const std::vector<LessonEntry>& lessons = LessonEntries(runtime_.scenes);
    const auto presets = EmbeddedPresets();
    ASSERT_EQ(lessons.size(), presets.size());
    std::vector<std::string> network_lessons;
    for (std::size_t i = 0; i < presets.size(); ++i) {
        const SceneParseResult parsed = ParseScene(presets[i].text, presets[i].name);
        ASSERT_TRUE(parsed.ok()) << parsed.error;
        EXPECT_EQ(lessons[i].title, parsed.scene.title);
        EXPECT_EQ(lessons[i].network, parsed.scene.state.panels.network) << presets[i].name;
        if (lessons[i].network) network_lessons.emplace_back(presets[i].name);
    }
    std::sort(network_lessons.begin(), network_lessons.end());
    EXPECT_EQ(network_lessons, (std::vector<std::string>{"dying-relu-bias", "dying-relu-learning-rate",
                                                         "optimizers-on-the-spiral", "relu-sum-of-hinges",
                                                         "softmax-three-classes", "vanishing-gradients"}));
}

} // namespace
} // namespace actlab::ui
