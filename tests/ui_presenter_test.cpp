// The presenter's tools in headless frames: the keys switch the blank screen, laser pointer, pen and
// timer; none of them changes the lesson (the AppState), and the pen's clicks never reach a plot.
// Slider auto-play moves the value as ParamSweepValueAt says and stops when the slider is touched.
#include "ui/presenter_overlay.h"
#include "ui/shortcuts.h"
#include "ui_frame_fixture.h"

#include <imgui_internal.h>

#include <optional>

namespace actlab::ui {
namespace {

class PresenterTest : public UiFrameTest {
protected:
    // Moves the mouse to `at` and runs a frame.
    void MoveTo(ImVec2 at) {
        ImGui::GetIO().MousePos = at;
        Frame();
    }

    // A drag with the left button from `from` by `step` for `steps` frames.
    void Drag(ImVec2 from, ImVec2 step, int steps, bool shift = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.KeyShift = shift;
        MoveTo(from);
        io.MouseDown[0] = true;
        Frame();
        for (int i = 1; i <= steps; ++i)
            MoveTo({from.x + step.x * static_cast<float>(i), from.y + step.y * static_cast<float>(i)});
        io.MouseDown[0] = false;
        Frame();
        io.KeyShift = false;
    }

    // The child window whose name contains `part` ("/##right": the parameters column).
    static ImGuiWindow* WindowNamed(const char* part) {
        for (ImGuiWindow* window : GImGui->Windows) {
            if (std::string_view(window->Name).find(part) != std::string_view::npos && window->Active)
                return window;
        }
        return nullptr;
    }

    // Where the item `id` of `window` is: moves the mouse along a column (or a row) until ImGui
    // reports the item hovered.
    std::optional<ImVec2> FindItem(ImGuiWindow* window, ImGuiID id, ImVec2 start, ImVec2 step, int steps) {
        for (int i = 0; i < steps; ++i) {
            const ImVec2 at{start.x + step.x * static_cast<float>(i),
                            start.y + step.y * static_cast<float>(i)};
            if (at.x > window->Pos.x + window->Size.x || at.y > window->Pos.y + window->Size.y) break;
            MoveTo(at);
            if (GImGui->HoveredId == id) return at;
        }
        return std::nullopt;
    }

    // A parameter slider and the play button on its row: where the mouse finds each.
    struct SliderRow {
        ImVec2 slider, play;
    };

    // The slider is searched down the window's left side, then the button along the slider's row;
    // nullopt where either is missing.
    std::optional<SliderRow> FindSliderRow(ImGuiWindow* window, ImGuiID slider, ImGuiID play) {
        const float left = window->Pos.x + window->WindowPadding.x + 10.0f;
        const auto slider_at = FindItem(window, slider, {left, window->Pos.y}, {0.0f, 3.0f}, 300);
        if (!slider_at) return std::nullopt;
        const auto play_at = FindItem(window, play, *slider_at, {4.0f, 0.0f}, 400);
        if (!play_at) return std::nullopt;
        return SliderRow{*slider_at, *play_at};
    }

    // Leaky ReLU's slope slider and play button in the wide layout's parameters column (the IDs the
    // parameters panel gives them).
    std::optional<SliderRow> FindLeakySlopeRow() {
        ImGuiWindow* column = WindowNamed("/##right");
        if (column == nullptr) return std::nullopt;
        const int function_id = static_cast<int>(ActivationId::LeakyRelu);
        const ImGuiID seed = ImHashData(&function_id, sizeof function_id, column->ID);
        return FindSliderRow(column, ImHashStr("slope##slope", 0, seed),
                             ImHashStr("##autoplay", 0, ImHashStr("leaky_relu.slope", 0, seed)));
    }

    double LeakySlope() const {
        return state_.plots.params[static_cast<std::size_t>(ActivationId::LeakyRelu)][0];
    }
};

TEST_F(PresenterTest, BlackAndWhiteScreensAndAnyKeyReturns) {
    Frames(3);
    const AppState before = state_;
    PressKey('B');
    EXPECT_EQ(runtime_.presenter.blank, BlankScreen::Black);
    // The foreground list covers the window with opaque black.
    const ImDrawList* foreground = ImGui::GetForegroundDrawList();
    ASSERT_FALSE(foreground->VtxBuffer.empty());
    EXPECT_EQ(foreground->VtxBuffer[0].col, IM_COL32(0, 0, 0, 255));
    EXPECT_EQ(foreground->VtxBuffer[0].pos.x, 0.0f);
    EXPECT_EQ(foreground->VtxBuffer[2].pos.x, 1920.0f);
    EXPECT_EQ(foreground->VtxBuffer[2].pos.y, 1080.0f);
    // D would hide f′; on a black screen it only brings the lesson back.
    PressKey('D');
    EXPECT_EQ(runtime_.presenter.blank, BlankScreen::None);
    EXPECT_EQ(state_, before) << "the key that ends a blank screen does nothing else";
    PressKey(key::kPeriod);
    EXPECT_EQ(runtime_.presenter.blank, BlankScreen::Black);
    PressKey('W');
    EXPECT_EQ(runtime_.presenter.blank, BlankScreen::None) << "W ends the black screen";
    PressKey('W');
    EXPECT_EQ(runtime_.presenter.blank, BlankScreen::White);
    EXPECT_EQ(ImGui::GetForegroundDrawList()->VtxBuffer[0].col, IM_COL32(255, 255, 255, 255));
    PressKey(key::kSpace);
    EXPECT_EQ(runtime_.presenter.blank, BlankScreen::None);
    EXPECT_EQ(state_, before);
}

TEST_F(PresenterTest, ABlankScreenSwallowsClicks) {
    Frames(3);
    PressKey('B');
    const AppState before = state_;
    MoveTo(PlotPoint());
    Drag(PlotPoint(), {0, 0}, 0);
    Frames(40);
    EXPECT_TRUE(state_.plots.probes.empty());
    EXPECT_EQ(state_, before);
}

TEST_F(PresenterTest, LaserPointerTrailFollowsTheMouseAndFades) {
    Frames(3);
    const AppState before = state_;
    PressKey('L');
    ASSERT_TRUE(runtime_.presenter.pointer);
    for (int i = 0; i < 10; ++i)
        MoveTo({400.0f + 30.0f * static_cast<float>(i), 500.0f});
    EXPECT_GE(runtime_.presenter.trail.points().size(), 5u);
    EXPECT_EQ(runtime_.presenter.trail.points().back().x, 670.0f);
    // The dot is drawn in the laser red over the mouse.
    bool red = false;
    for (const ImDrawVert& v : ImGui::GetForegroundDrawList()->VtxBuffer)
        red = red || (v.col == IM_COL32(kLaserColor.r, kLaserColor.g, kLaserColor.b, 255) &&
                      std::abs(v.pos.x - 670.0f) < 12.0f && std::abs(v.pos.y - 500.0f) < 12.0f);
    EXPECT_TRUE(red);
    // Resting for a second: the trail fades to the one point under the mouse.
    Frames(70);
    EXPECT_EQ(runtime_.presenter.trail.points().size(), 1u);
    PressKey('L');
    EXPECT_FALSE(runtime_.presenter.pointer);
    EXPECT_EQ(state_, before);
}

TEST_F(PresenterTest, PenStrokesNeverReachThePlotAndFadeUnlessKept) {
    Frames(3);
    const AppState before = state_;
    PressKey('P');
    ASSERT_TRUE(runtime_.presenter.pen);
    Drag(PlotPoint(), {15.0f, 4.0f}, 12); // over the f plot: without the pen, this would pan it
    Drag({PlotPoint().x, PlotPoint().y + 60}, {0, 0}, 0);                // a click: without the pen, a probe
    Drag({PlotPoint().x - 200, PlotPoint().y}, {10.0f, 10.0f}, 8, true); // Shift: kept
    Frames(40);
    EXPECT_EQ(state_, before) << "no pan, no probe, nothing";
    ASSERT_EQ(runtime_.presenter.ink.strokes().size(), 3u);
    EXPECT_GE(runtime_.presenter.ink.strokes()[0].points.size(), 12u);
    EXPECT_TRUE(runtime_.presenter.ink.strokes()[2].keep);
    bool ink = false;
    for (const ImDrawVert& v : ImGui::GetForegroundDrawList()->VtxBuffer)
        ink = ink || v.col == IM_COL32(kInkColor.r, kInkColor.g, kInkColor.b, 255);
    EXPECT_TRUE(ink);
    // A few seconds later only the kept stroke is left; E erases it.
    ImGui::GetIO().DeltaTime = 0.25f;
    Frames(static_cast<int>((InkLayer::kHoldSeconds + InkLayer::kFadeSeconds) / 0.25) + 2);
    ASSERT_EQ(runtime_.presenter.ink.strokes().size(), 1u);
    EXPECT_TRUE(runtime_.presenter.ink.strokes()[0].keep);
    PressKey('E');
    EXPECT_TRUE(runtime_.presenter.ink.strokes().empty());
    PressKey('P');
    EXPECT_FALSE(runtime_.presenter.pen);
    EXPECT_EQ(state_, before);

    // The same click with the pen off pins a probe: the pen really was what kept it from the plot.
    ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
    Drag(PlotPoint(), {0, 0}, 0);
    Frames(40);
    EXPECT_EQ(state_.plots.probes.size(), 1u);
}

TEST_F(PresenterTest, TimerShowsElapsedTimeInTheCorner) {
    Frames(2);
    const AppState before = state_;
    const Theme theme = state_.display.theme;
    PressKey('T', true);
    EXPECT_TRUE(runtime_.presenter.timer);
    EXPECT_EQ(state_.display.theme, theme) << "Shift+T is the timer, not the next theme";
    EXPECT_EQ(state_, before);
    PressKey('T', true);
    EXPECT_FALSE(runtime_.presenter.timer);
    EXPECT_EQ(FormatElapsed(0.4), "0:00");
    EXPECT_EQ(FormatElapsed(247.9), "4:07");
    EXPECT_EQ(FormatElapsed(3723.0), "1:02:03");
    PressKey('T');
    EXPECT_NE(state_.display.theme, theme) << "T alone still changes the theme";
}

TEST_F(PresenterTest, KeysDoNotFireWhileTyping) {
    Frames(2);
    runtime_.scenes.requested_dialog = SceneDialog::Save; // its file name field takes the keyboard
    Frames(3);
    ASSERT_TRUE(ImGui::GetIO().WantTextInput);
    for (int key : {int{'B'}, int{'W'}, int{'L'}, int{'P'}, int{'A'}, int{key::kPeriod}})
        PressKey(key);
    PressKey('T', true);
    EXPECT_EQ(runtime_.presenter.blank, BlankScreen::None);
    EXPECT_FALSE(runtime_.presenter.pointer);
    EXPECT_FALSE(runtime_.presenter.pen);
    EXPECT_FALSE(runtime_.presenter.timer);
    EXPECT_FALSE(state_.autoplay.playing);
}

TEST_F(PresenterTest, EveryPresenterKeyIsInTheShortcutList) {
    std::string keys;
    for (const Shortcut& shortcut : AllShortcuts())
        keys += std::string(shortcut.keys) + "\n";
    for (const char* key : {"B or .", "W", "\nL\n", "\nP\n", "\nE\n", "\nA\n", "Shift+T"})
        EXPECT_NE(keys.find(key), std::string::npos) << key;
}

TEST_F(PresenterTest, AutoplayMovesTheValueAsTheSweepSays) {
    state_.plots.selected = {ActivationId::LeakyRelu};
    Frames(2);
    // As a deck slide does: the sweep is put in the state, the frame loop plays it.
    state_.autoplay = {true, {"leaky_relu.slope", 0.0, 0.3, 2.0, AnimationLoop::PingPong}, 0.0};
    ImGui::GetIO().DeltaTime = 0.05f;
    for (int i = 1; i <= 60; ++i) {
        Frame();
        ASSERT_NEAR(state_.autoplay.elapsed, 0.05 * i, 1e-5);
        ASSERT_DOUBLE_EQ(LeakySlope(), ParamSweepValueAt(state_.autoplay.sweep, state_.autoplay.elapsed));
    }
    EXPECT_NEAR(LeakySlope(), 0.3 * 0.5, 1e-5) << "3 s of a 2 s pingpong: half way back";
    // A stops it; the value stays; A plays it again from its start.
    PressKey('A');
    EXPECT_FALSE(state_.autoplay.playing);
    const double held = LeakySlope();
    Frames(10);
    EXPECT_EQ(LeakySlope(), held);
    PressKey('A');
    EXPECT_TRUE(state_.autoplay.playing);
    EXPECT_LT(state_.autoplay.elapsed, 0.2);
}

TEST_F(PresenterTest, AnUnknownSweepStopsWithAToast) {
    Frames(2);
    const AppState before = state_;
    state_.autoplay = {true, {"leaky_relu.alpha", 0.0, 1.0, 2.0, AnimationLoop::PingPong}, 0.0};
    Frames(3);
    EXPECT_FALSE(state_.autoplay.playing);
    EXPECT_NE(runtime_.exporter.toast.text.find("leaky_relu"), std::string::npos)
        << runtime_.exporter.toast.text;
    EXPECT_TRUE(runtime_.exporter.toast.error);
    state_.autoplay = before.autoplay;
    EXPECT_EQ(state_, before) << "nothing else changed";
    // A replays the last sweep: it is still unknown, so it says so again and stays stopped.
    state_.autoplay.sweep.param = "nosuch.thing";
    PressKey('A');
    EXPECT_FALSE(state_.autoplay.playing);
    EXPECT_NE(runtime_.exporter.toast.text.find("nosuch"), std::string::npos);
}

TEST_F(PresenterTest, ThePlayButtonSweepsAndTouchingTheSliderStopsIt) {
    state_.plots.selected = {ActivationId::LeakyRelu};
    Frames(3);
    const auto row = FindLeakySlopeRow();
    ASSERT_TRUE(row) << "the slope slider's play button on its row";

    Drag(row->play, {0, 0}, 0);
    ASSERT_TRUE(state_.autoplay.playing);
    EXPECT_EQ(state_.autoplay.sweep.param, "leaky_relu.slope");
    const ParamSpec& slope = Info(ActivationId::LeakyRelu).params[0];
    EXPECT_EQ(state_.autoplay.sweep.from, slope.slider_min);
    EXPECT_EQ(state_.autoplay.sweep.to, slope.slider_max);
    Frames(20);
    EXPECT_DOUBLE_EQ(LeakySlope(), ParamSweepValueAt(state_.autoplay.sweep, state_.autoplay.elapsed));
    EXPECT_GT(LeakySlope(), slope.slider_min);

    // Grabbing the slider by hand stops the sweep; the value is the hand's from then on.
    Drag(row->slider, {2.0f, 0.0f}, 3);
    EXPECT_FALSE(state_.autoplay.playing);
    const double by_hand = LeakySlope();
    Frames(20);
    EXPECT_EQ(LeakySlope(), by_hand);

    // Play again, then the button stops it.
    Drag(row->play, {0, 0}, 0);
    ASSERT_TRUE(state_.autoplay.playing);
    Frames(2);
    Drag(row->play, {0, 0}, 0);
    EXPECT_FALSE(state_.autoplay.playing);
}

// The play button's popup (right-click): a range typed into "from", the speed typed into "seconds per
// pass" (Ctrl+click makes the slider a text field), "forward, jump back", then Play: the sweep that
// plays is exactly what was chosen, and the button remembers it.
TEST_F(PresenterTest, ThePlayButtonsPopupChoosesRangeSpeedAndMode) {
    state_.plots.selected = {ActivationId::LeakyRelu};
    Frames(3);
    const auto row = FindLeakySlopeRow();
    ASSERT_TRUE(row);

    ImGuiIO& io = ImGui::GetIO();
    io.MouseDown[1] = true;
    Frame();
    io.MouseDown[1] = false;
    Frames(2);
    ASSERT_FALSE(GImGui->OpenPopupStack.empty()) << "right-click opens the popup";
    ImGuiWindow* popup = GImGui->OpenPopupStack.back().Window;
    ASSERT_NE(popup, nullptr);
    EXPECT_FALSE(state_.autoplay.playing) << "the popup alone plays nothing";

    const auto type = [&](const char* text) {
        for (const char* c = text; *c; ++c)
            io.AddInputCharacter(static_cast<unsigned>(*c));
        Frame();
    };
    const float popup_left = popup->Pos.x + popup->WindowPadding.x + 6.0f;
    const auto find = [&](const char* label, ImVec2 start, ImVec2 step) {
        return FindItem(popup, ImHashStr(label, 0, popup->ID), start, step, 300);
    };
    const auto from_at = find("from##sweep_from", {popup_left, popup->Pos.y}, {0.0f, 2.0f});
    ASSERT_TRUE(from_at) << "the from field";
    Drag(*from_at, {0, 0}, 0); // a click selects the whole number; typing replaces it
    type("0.05");
    const auto seconds_at = find("seconds per pass##sweep_seconds", *from_at, {0.0f, 2.0f});
    ASSERT_TRUE(seconds_at) << "the seconds slider";
    io.KeyCtrl = true;
    Drag(*seconds_at, {0, 0}, 0);
    io.KeyCtrl = false;
    Frame();
    type("2");
    const auto pingpong_at = find("back and forth##sweep_pingpong", *seconds_at, {0.0f, 2.0f});
    ASSERT_TRUE(pingpong_at) << "the mode's first choice";
    const auto forward_at = find("forward, jump back##sweep_forward", *pingpong_at, {4.0f, 0.0f});
    ASSERT_TRUE(forward_at) << "the mode's second choice";
    Drag(*forward_at, {0, 0}, 0);
    const auto play_button_at = find("Play##sweep_play", *pingpong_at, {0.0f, 2.0f});
    ASSERT_TRUE(play_button_at) << "the popup's Play";
    Drag(*play_button_at, {0, 0}, 0);

    ASSERT_TRUE(state_.autoplay.playing);
    const ParamSweep& sweep = state_.autoplay.sweep;
    const ParamSpec& slope = Info(ActivationId::LeakyRelu).params[0];
    EXPECT_EQ(sweep.param, "leaky_relu.slope");
    EXPECT_DOUBLE_EQ(sweep.from, 0.05);
    EXPECT_EQ(sweep.to, slope.slider_max);
    EXPECT_DOUBLE_EQ(sweep.seconds, 2.0);
    EXPECT_EQ(sweep.loop, AnimationLoop::Forward);
    EXPECT_TRUE(GImGui->OpenPopupStack.empty()) << "Play closes the popup";
    io.DeltaTime = 0.05f;
    Frames(10);
    EXPECT_DOUBLE_EQ(LeakySlope(), ParamSweepValueAt(sweep, state_.autoplay.elapsed));
    EXPECT_GT(LeakySlope(), 0.05);
    // Stopped and played again with a left click, the button plays the same choice.
    Drag(row->play, {0, 0}, 0);
    ASSERT_FALSE(state_.autoplay.playing);
    Drag(row->play, {0, 0}, 0);
    ASSERT_TRUE(state_.autoplay.playing);
    EXPECT_DOUBLE_EQ(state_.autoplay.sweep.from, 0.05);
    EXPECT_EQ(state_.autoplay.sweep.loop, AnimationLoop::Forward);
}

// The gated view's β slider has its play button like every parameter slider; grabbing β stops it.
TEST_F(PresenterTest, TheGatedViewsBetaHasAPlayButton) {
    ShowView(state_, WorkspaceView::Gated);
    state_.gated.function = GatedId::Swiglu;
    Frames(3);
    ImGuiWindow* controls = WindowNamed("/##gated_controls");
    ASSERT_NE(controls, nullptr) << "the gated view's controls";
    const auto row = FindSliderRow(controls, ImHashStr("\u03b2##gated_param0", 0, controls->ID),
                                   ImHashStr("##autoplay", 0, ImHashStr("gated.beta", 0, controls->ID)));
    ASSERT_TRUE(row) << "the beta slider's play button on its row";
    Drag(row->play, {0, 0}, 0);
    ASSERT_TRUE(state_.autoplay.playing);
    EXPECT_EQ(state_.autoplay.sweep.param, "gated.beta");
    ImGui::GetIO().DeltaTime = 0.05f;
    Frames(20);
    EXPECT_DOUBLE_EQ(state_.gated.params[0],
                     ParamSweepValueAt(state_.autoplay.sweep, state_.autoplay.elapsed));
    Drag(row->slider, {2.0f, 0.0f}, 3);
    EXPECT_FALSE(state_.autoplay.playing);
    const double by_hand = state_.gated.params[0];
    Frames(10);
    EXPECT_EQ(state_.gated.params[0], by_hand);
}

TEST_F(PresenterTest, ExportAnimationStartsFromTheSliderSweep) {
    state_.plots.selected = {ActivationId::Elu};
    state_.autoplay = {false, {"elu.alpha", 0.2, 2.5, 3.0, AnimationLoop::PingPong}, 0.0};
    Frames(2);
    runtime_.animation.open = true;
    Frames(2);
    const AnimationExportRequest& choice = runtime_.animation.choice;
    EXPECT_FALSE(choice.train);
    EXPECT_EQ(choice.function, ActivationId::Elu);
    EXPECT_EQ(choice.param, "alpha");
    EXPECT_EQ(choice.from, 0.2);
    EXPECT_EQ(choice.to, 2.5);
    EXPECT_TRUE(choice.pingpong);
    EXPECT_EQ(choice.seconds, 6.0) << "there and back: one whole cycle";

    AnimationExportRequest untouched;
    EXPECT_FALSE(
        PrefillFromAutoplay({false, {"softmax.temperature", 1, 2, 3, AnimationLoop::Forward}, 0}, untouched));
    EXPECT_FALSE(PrefillFromAutoplay({}, untouched));
    EXPECT_EQ(untouched.param, AnimationExportRequest{}.param);
}

} // namespace
} // namespace actlab::ui
