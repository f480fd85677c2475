// The functions view in headless frames: every function, theme and scale; shortcuts, zoom, pan and
// probes; curves resampled only when their inputs change; the every-panel frame of the bench.

#include "ui_frame_fixture.h"

#include "ui/shortcuts.h"
#include "ui/theme.h"
#include "ui/widgets.h"

#include <cmath>
#include <imgui_internal.h>
#include <limits>
#include <string_view>

namespace actlab::ui {
namespace {

TEST_F(UiFrameTest, EveryFunctionThemeScaleAndLayoutRenders) {
    for (Theme theme : {Theme::Dark, Theme::Light, Theme::Projector}) {
        state_.display.theme = theme;
        for (float scale : {1.0f, 2.0f, 3.0f}) {
            state_.display.ui_scale = scale;
            Rebuild();
            for (const ActivationInfo& info : Catalogue()) {
                state_.plots.selected = {info.id};
                state_.plots.layout =
                    info.id == ActivationId::Tanh ? PlotLayout::Overlaid : PlotLayout::Linked;
                Frames(2);
            }
        }
    }
    state_.panels.shortcuts = true;
    state_.display.hide_controls = true;
    Frames(3);
}

TEST_F(UiFrameTest, AllFunctionsOverlaidWithProbesAndEveryConvention) {
    state_.plots.selected.clear();
    for (const ActivationInfo& info : Catalogue())
        state_.plots.selected.push_back(info.id);
    for (std::size_t c = 0; c < kKinkConventionCount; ++c) {
        state_.plots.convention = static_cast<KinkConvention>(c);
        state_.plots.probes = {{ActivationId::Relu, 0.0, true}, {ActivationId::LeakyRelu, -4.0, false}};
        Frames(2);
    }
}

TEST_F(UiFrameTest, KeyboardShortcutsAct) {
    Frames(2);
    const bool derivative = state_.plots.show_derivative;
    PressKey('D');
    EXPECT_NE(state_.plots.show_derivative, derivative);
    PressKey('2');
    EXPECT_EQ(state_.plots.selected, std::vector<ActivationId>{SidebarOrder()[1]});
    PressKey('3', true);
    EXPECT_EQ(state_.plots.selected.size(), 2u);
    PressKey('H');
    EXPECT_TRUE(state_.display.hide_controls);
    PressKey(key::kEscape);
    EXPECT_FALSE(state_.display.hide_controls);
    PressKey(key::kF1);
    EXPECT_TRUE(state_.panels.shortcuts);
    PressKey('T');
    EXPECT_EQ(state_.display.theme, Theme::Light);
    state_.plots.view.x_min = -100;
    PressKey('R');
    EXPECT_GT(state_.plots.view.x_min, -100);
    ImGui::GetIO().KeyCtrl = true;
    PressKey(key::kEqual);
    EXPECT_GT(state_.display.ui_scale, 1.0f);
    PressKey('Q');
    ImGui::GetIO().KeyCtrl = false;
    EXPECT_TRUE(runtime_.quit_requested);
}

TEST_F(UiFrameTest, WheelZoomsAroundTheCursorAndDragPans) {
    Frames(3);
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = PlotPoint();
    Frames(2);
    const PlotViewRange before = state_.plots.view;
    io.MouseWheel = 1.0f;
    Frame();
    io.MouseWheel = 0.0f;
    Frame();
    const PlotViewRange zoomed = state_.plots.view;
    EXPECT_LT(zoomed.x_max - zoomed.x_min, before.x_max - before.x_min) << "the wheel zooms in";
    // Drag left by 200 px: the view moves right.
    io.MouseDown[0] = true;
    Frame();
    for (int i = 1; i <= 10; ++i) {
        io.MousePos = {PlotPoint().x - 20.0f * static_cast<float>(i), PlotPoint().y};
        Frame();
    }
    io.MouseDown[0] = false;
    Frame();
    EXPECT_GT(state_.plots.view.x_min, zoomed.x_min);
    EXPECT_NEAR(state_.plots.view.x_max - state_.plots.view.x_min, zoomed.x_max - zoomed.x_min, 1e-9)
        << "panning keeps the zoom";
    EXPECT_TRUE(state_.plots.probes.empty()) << "a drag is not a click";
}

TEST_F(UiFrameTest, ClickPinsAProbeAfterTheDoubleClickTime) {
    Frames(3);
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = PlotPoint();
    Frames(2);
    io.MouseDown[0] = true;
    Frame();
    io.MouseDown[0] = false;
    Frame();
    EXPECT_TRUE(state_.plots.probes.empty()) << "not yet: it could become a double-click";
    Frames(40); // 40 frames of 1/60 s outlast the double-click time
    ASSERT_EQ(state_.plots.probes.size(), 1u);
    EXPECT_EQ(state_.plots.probes[0].function, ActivationId::Relu);
    EXPECT_FALSE(state_.plots.probes[0].on_derivative);
}

TEST_F(UiFrameTest, CurvesAreResampledOnlyWhenInputsChange) {
    Frames(5);
    const std::size_t rebuilds = runtime_.curves.rebuilds();
    Frames(20);
    EXPECT_EQ(runtime_.curves.rebuilds(), rebuilds) << "an idle frame reuses the samples";
    state_.plots.params[static_cast<std::size_t>(ActivationId::LeakyRelu)][0] = 0.2;
    state_.plots.selected = {ActivationId::LeakyRelu};
    Frames(1);
    EXPECT_EQ(runtime_.curves.rebuilds(), rebuilds + 1);
}

// A slider moves one function: the others keep their samples and their pixel polylines.
TEST_F(UiFrameTest, AParameterChangeKeepsTheOtherCurvesPixelPolylines) {
    state_.plots.selected = {ActivationId::Relu, ActivationId::Elu};
    Frames(3);
    const auto curves_now = [&] {
        CurveCache::Key key = runtime_.curves.key(); // the plot panel's, with the functions as they are now
        key.functions = SelectedActivations(state_);
        return runtime_.curves.Get(key);
    };
    ASSERT_EQ(curves_now().size(), 2u);
    ASSERT_TRUE(curves_now()[0].value_pixels.mapping.has_value()) << "drawn: the pixel polylines are kept";
    state_.plots.params[static_cast<std::size_t>(ActivationId::Elu)][0] = 0.5;
    Frames(1);
    const std::size_t rebuilds = runtime_.curves.rebuilds();
    state_.plots.params[static_cast<std::size_t>(ActivationId::Elu)][0] = 0.7;
    const std::vector<PlotCurveData> curves = curves_now(); // rebuilt, before any frame draws them
    EXPECT_EQ(runtime_.curves.rebuilds(), rebuilds + 1);
    ASSERT_EQ(curves.size(), 2u);
    EXPECT_TRUE(curves[0].value_pixels.mapping.has_value()) << "ReLU did not change: its polyline stays";
    EXPECT_FALSE(curves[1].value_pixels.mapping.has_value()) << "ELU changed: it is mapped afresh";
}

TEST_F(UiFrameTest, AbsurdTypedParametersAreRefusedAndThePlotsStayClean) {
    state_.plots.selected = {ActivationId::Elu, ActivationId::Softplus, ActivationId::Hardtanh};
    const AppState before = state_;
    const double inf = std::numeric_limits<double>::infinity();
    for (double absurd : {std::nan(""), inf, -inf, 1e308, -1e308, -1.0}) {
        EXPECT_FALSE(CommitParameter(state_, ActivationId::Softplus, 0, absurd).empty()) << absurd;
        EXPECT_FALSE(CommitParameter(state_, ActivationId::Elu, 0, absurd).empty()) << absurd;
    }
    EXPECT_NE(CommitParameter(state_, ActivationId::Hardtanh, 0, 5.0).find("min"), std::string::npos)
        << "hardtanh min ≥ max is refused with a message naming the parameter";
    EXPECT_EQ(state_.plots.params, before.plots.params) << "nothing refused was stored";
    EXPECT_EQ(CommitParameter(state_, ActivationId::Elu, 0, 2.5), "");
    EXPECT_EQ(state_.ActivationOf(ActivationId::Elu).params[0], 2.5);
    Frames(3);
    for (const PlotCurveData& curve :
         runtime_.curves.Get({SelectedActivations(state_), state_.plots.view.x_min, state_.plots.view.x_max,
                              200, state_.plots.convention, state_.display.theme})) {
        for (double y : curve.samples.value.y)
            EXPECT_FALSE(std::isnan(y)) << curve.label;
    }
}

TEST_F(UiFrameTest, FitTextShortensAtCharacterBoundariesWithAnEllipsis) {
    ImGui::NewFrame(); // CalcTextSize needs the font of a frame
    const std::string name = "Sigmoid";
    const float whole = ImGui::CalcTextSize(name.c_str()).x;
    EXPECT_EQ(FitText(name, whole), name);
    const std::string cut = FitText(name, whole * 0.7f);
    ASSERT_FALSE(cut.empty());
    EXPECT_LE(ImGui::CalcTextSize(cut.c_str()).x, whole * 0.7f);
    EXPECT_EQ(cut.substr(cut.size() - 3), "\u2026");
    EXPECT_EQ(name.rfind(cut.substr(0, cut.size() - 3), 0), 0u) << cut;
    // Two-byte characters are never split: what stays before the ellipsis is whole λs.
    const std::string lambdas = "\u03bb\u03bb\u03bb\u03bb\u03bb\u03bb";
    const std::string short_lambdas = FitText(lambdas, ImGui::CalcTextSize(lambdas.c_str()).x * 0.6f);
    ASSERT_GT(short_lambdas.size(), 3u);
    EXPECT_EQ((short_lambdas.size() - 3) % 2, 0u) << short_lambdas;
    EXPECT_EQ(FitText(name, 1.0f), "");
    ImGui::EndFrame();
}

// The bench's "every panel" frame (ui::OpenEveryPanel) really draws the heaviest view: the network
// view with its graph, output plane and gradient bars, training in its slice, both dialogs over it,
// the chain rule on a chosen weight. Every view reports its focus regions to the layout recorder.
TEST_F(UiFrameTest, EveryPanelFrameDrawsEveryPanelWithTrainingRunning) {
    LayoutRecorder recorder;
    SetActiveRecorder(&recorder);
    for (std::size_t v = 0; v < kWorkspaceViewCount; ++v) {
        const auto view = static_cast<WorkspaceView>(v);
        ShowView(state_, view);
        Frames(2);
        recorder.BeginFrame();
        Frames(1);
        for (const std::string& id : FocusOf(view, {}))
            EXPECT_TRUE(recorder.Has(id)) << id;
    }
    SetActiveRecorder(nullptr);
    OpenEveryPanel(state_);
    const std::size_t trained_before = runtime_.session.network.samples_trained();
    state_.network.playing = true;
    state_.network.steps_per_frame = 5;
    runtime_.training_budget_seconds = 10.0; // exactly steps_per_frame steps per frame
    Frames(10);
    for (const char* name : {"ActLab", "Keyboard shortcuts", "Export figure"}) {
        const ImGuiWindow* window = ImGui::FindWindowByName(name);
        ASSERT_NE(window, nullptr) << name;
        EXPECT_TRUE(window->Active) << name << " was not drawn in the last frame";
        EXPECT_FALSE(window->Collapsed) << name;
        EXPECT_FALSE(window->SkipItems) << name << " drew no contents";
    }
    EXPECT_EQ(runtime_.session.network.samples_trained() - trained_before,
              10u * 5u * state_.network.batch_size)
        << "training ran every frame";
    EXPECT_GT(runtime_.session.network.last_training_seconds(), 0.0);
    EXPECT_GT(runtime_.session.network.heatmap_updates(), 1u) << "the heatmaps follow the training";
    EXPECT_TRUE(state_.network.selection.valid) << "the chain-rule inspector has a weight to trace";
    state_.network.playing = false;
    Frame();
    EXPECT_EQ(runtime_.session.network.last_training_seconds(), 0.0) << "paused: no training slice";
}

// Swish's β in the slider strip under the plots at the lecture's 2× (1920×1080: the narrow layout):
// wherever the grab is, the value's digits are not under it, or have the frame's colour behind them
// on top of it. Measured in the frame's draw data: the grab's quad, the frame, the value's glyphs (the
// text colour inside the frame) and any backdrop drawn over the grab.
TEST_F(UiFrameTest, AParameterSlidersDigitsAreNeverUnderItsGrab) {
    state_.display.theme = Theme::Dark; // its frame border is not text-coloured (the projector's is)
    state_.display.ui_scale = 2.0f;
    state_.plots.selected = {ActivationId::Swish};
    Rebuild();
    ImGui::GetIO().MousePos = {-100, -100};
    double& beta = state_.plots.params[static_cast<std::size_t>(ActivationId::Swish)][0];
    int checked = 0;
    for (double value = 0.0; value <= 5.0; value += 0.0931) {
        beta = value;
        Frames(2);
        const ImU32 grab_color = ImGui::GetColorU32(ImGuiCol_SliderGrab);
        const ImU32 text_color = ImGui::GetColorU32(ImGuiCol_Text);
        const ImU32 frame_color = ImGui::GetColorU32(ImGuiCol_FrameBg);
        ASSERT_NE(ImGui::GetColorU32(ImGuiCol_Border), text_color);
        const ImDrawData* data = ImGui::GetDrawData();
        // The grab: the only slider grab on screen.
        ImVec2 grab_lo{1e9f, 1e9f}, grab_hi{-1e9f, -1e9f};
        for (int l = 0; l < data->CmdListsCount; ++l) {
            for (const ImDrawVert& v : data->CmdLists[l]->VtxBuffer) {
                if (v.col != grab_color) continue;
                grab_lo = {std::min(grab_lo.x, v.pos.x), std::min(grab_lo.y, v.pos.y)};
                grab_hi = {std::max(grab_hi.x, v.pos.x), std::max(grab_hi.y, v.pos.y)};
            }
        }
        ASSERT_LT(grab_lo.x, grab_hi.x) << "β's grab is on screen at " << value;
        // The frame around it (frame-coloured, on the grab's row), the digits inside the frame, and a
        // frame-coloured backdrop drawn after the grab.
        float frame_lo = 1e9f, frame_hi = -1e9f, text_lo = 1e9f, text_hi = -1e9f, back_lo = 1e9f,
              back_hi = -1e9f;
        const auto on_row = [&](const ImDrawVert& v) {
            return v.pos.y >= grab_lo.y - 4 && v.pos.y <= grab_hi.y + 4;
        };
        for (int l = 0; l < data->CmdListsCount; ++l) {
            bool after_grab = false;
            for (const ImDrawVert& v : data->CmdLists[l]->VtxBuffer) {
                if (v.col == grab_color) after_grab = true;
                if (v.col != frame_color || !on_row(v) || after_grab) continue;
                frame_lo = std::min(frame_lo, v.pos.x);
                frame_hi = std::max(frame_hi, v.pos.x);
            }
        }
        ASSERT_LE(frame_lo, grab_lo.x);
        ASSERT_GE(frame_hi, grab_hi.x);
        for (int l = 0; l < data->CmdListsCount; ++l) {
            bool after_grab = false;
            for (const ImDrawVert& v : data->CmdLists[l]->VtxBuffer) {
                if (v.col == grab_color) after_grab = true;
                if (!on_row(v) || v.pos.x <= frame_lo || v.pos.x >= frame_hi) continue;
                if (v.col == text_color) {
                    text_lo = std::min(text_lo, v.pos.x);
                    text_hi = std::max(text_hi, v.pos.x);
                } else if (v.col == frame_color && after_grab) {
                    back_lo = std::min(back_lo, v.pos.x);
                    back_hi = std::max(back_hi, v.pos.x);
                }
            }
        }
        ASSERT_LT(text_lo, text_hi) << "β's value is drawn at " << value;
        const bool apart = text_hi <= grab_lo.x || text_lo >= grab_hi.x;
        const bool backed = back_lo <= text_lo && back_hi >= text_hi;
        EXPECT_TRUE(apart || backed) << "β = " << value << ": digits [" << text_lo << ", " << text_hi
                                     << "], grab [" << grab_lo.x << ", " << grab_hi.x << "]";
        ++checked;
    }
    EXPECT_GT(checked, 50);
}

} // namespace
} // namespace actlab::ui
