// The Export animation dialog in headless frames: it fits the window at the sizes and scales slides
// are made at and gives its preview a frame-shaped room beside the choices; its preview is drawn again
// when what the first frame shows changes, and only then.

#include "ui/animation_preview_watch.h"
#include "ui_frame_fixture.h"

#include <imgui_internal.h>

namespace actlab::ui {
namespace {

struct Screen {
    float width, height, scale;
};

TEST_F(UiFrameTest, AnimationDialogFitsTheWindowWithThePreviewBesideTheChoices) {
    state_.plots.selected = {ActivationId::Elu};
    for (const Screen screen : {Screen{1920, 1080, 2}, Screen{1280, 800, 1}, Screen{1920, 1080, 1}}) {
        ImGui::GetIO().DisplaySize = {screen.width, screen.height};
        state_.display.ui_scale = screen.scale;
        runtime_.animation = {};
        runtime_.animation.open = true; // opened anew: centred as it appears
        Frames(3);
        const ImGuiWindow* dialog = ImGui::FindWindowByName("Export animation");
        ASSERT_NE(dialog, nullptr);
        ASSERT_TRUE(dialog->Active);
        const ImGuiViewport* viewport = ImGui::GetMainViewport();
        const std::string at = std::to_string(screen.width) + " at " + std::to_string(screen.scale);
        EXPECT_GE(dialog->Pos.x, viewport->WorkPos.x) << at;
        EXPECT_GE(dialog->Pos.y, viewport->WorkPos.y) << at;
        EXPECT_LE(dialog->Pos.x + dialog->Size.x, viewport->WorkPos.x + viewport->WorkSize.x) << at;
        EXPECT_LE(dialog->Pos.y + dialog->Size.y, viewport->WorkPos.y + viewport->WorkSize.y) << at;
        EXPECT_EQ(dialog->ScrollMax.y, 0.0f) << "everything shown without scrolling, " << at;
        const AnimationPreview& preview = runtime_.animation.preview;
        EXPECT_GE(preview.room_width, 300.0f) << at;
        EXPECT_NEAR(preview.room_height / preview.room_width, 0.625f, 0.01f)
            << "a 16:10 frame's shape, " << at;
        EXPECT_LT(preview.room_width, dialog->Size.x * 0.7f) << "the choices keep their room, " << at;
        EXPECT_EQ(runtime_.animation.choice.target, ExportTarget::PlotF);
        EXPECT_EQ(runtime_.animation.choice.param, "alpha") << "the shown function's parameter is offered";
    }
}

// The export toast as the layout report sees it after a frame: its text, and whether a window is over it.
struct ToastSeen {
    std::string text;
    bool covered = false;
};

ToastSeen ToastIn(const LayoutReport& report) {
    ToastSeen seen;
    for (const LayoutRegion& region : report.regions) {
        if (region.id == "export_toast") seen.covered = region.covered;
    }
    for (const LayoutLabel& label : report.labels) {
        if (label.region == "export_toast") seen.text = label.text;
    }
    return seen;
}

TEST_F(UiFrameTest, ToastIsInTheAnimationDialogAndAboveARaisedDialog) {
    state_.plots.selected = {ActivationId::Elu};
    ImGui::GetIO().DisplaySize = {1920, 900};
    state_.display.ui_scale = 2; // the dialogs cover nearly all of a short projector window
    runtime_.animation.open = true;
    Frames(2);
    ShowToast(runtime_.exporter, "Saved /tmp/elu.gif", false);
    const auto see_toast = [this] {
        SetActiveRecorder(&runtime_.layout);
        runtime_.layout.BeginFrame();
        Frame();
        const ImVec2 size = ImGui::GetIO().DisplaySize;
        const LayoutReport report = runtime_.layout.Finish(static_cast<int>(size.x), static_cast<int>(size.y),
                                                           runtime_.Scale(state_), {}, "ActLab");
        SetActiveRecorder(nullptr);
        return ToastIn(report);
    };
    ToastSeen seen = see_toast();
    EXPECT_EQ(seen.text, "Saved /tmp/elu.gif") << "under the preview, in the dialog";
    EXPECT_FALSE(seen.covered);

    // The dialog closed: the toast floats in the corner. The still export dialog then opened and raised
    // over it (as a click does): the next toast is drawn above it all the same.
    runtime_.animation.open = false;
    see_toast();
    seen = see_toast();
    EXPECT_EQ(seen.text, "Saved /tmp/elu.gif") << "in its own corner window";
    state_.panels.export_dialog = true;
    Frames(2);
    ImGui::SetWindowFocus("Export figure");
    Frames(2);
    const std::string long_path = "Saved ~/Pictures/ActLab/lecture-3/actlab-elu-20261207-094903.png";
    ShowToast(runtime_.exporter, long_path, false);
    seen = see_toast();
    seen = see_toast(); // an auto-sized window is measured in its first frame
    EXPECT_EQ(seen.text, long_path);
    EXPECT_FALSE(seen.covered);
}

// The dialog open on ELU and Leaky ReLU, its first frames drawn (the choices filled in, the preview's
// room known), and the watch's first answer taken.
class PreviewWatchTest : public UiFrameTest {
protected:
    void SetUp() override {
        UiFrameTest::SetUp();
        state_.plots.selected = {ActivationId::Elu, ActivationId::LeakyRelu};
        runtime_.animation.open = true;
        Frames(3);
        ASSERT_EQ(runtime_.animation.choice.function, ActivationId::Elu);
        ASSERT_EQ(runtime_.animation.choice.param, "alpha");
        ASSERT_TRUE(watch_.ShouldDraw(state_, runtime_, now_)) << "the first preview is drawn at once";
    }

    // Frames with the dialog open and nothing touched, the watch asked after each: how often it says draw.
    std::size_t DrawsOverIdleFrames(int frames) {
        const std::size_t before = watch_.draws();
        for (int i = 0; i < frames; ++i) {
            Frame();
            now_ += 0.1;
            watch_.ShouldDraw(state_, runtime_, now_);
        }
        return watch_.draws() - before;
    }

    // After a change: not drawn while it may still be moving, drawn once when it has held still.
    void ExpectOneDrawAfterSettling(const char* what) {
        Frame();
        EXPECT_FALSE(watch_.ShouldDraw(state_, runtime_, now_ + 0.01)) << what << ": still settling";
        now_ += kPreviewSettleSeconds + 0.05;
        EXPECT_TRUE(watch_.ShouldDraw(state_, runtime_, now_)) << what << ": drawn once it held still";
        EXPECT_EQ(DrawsOverIdleFrames(5), 0u) << what << ": drawn once, not again";
    }

    AnimationPreviewWatch watch_;
    double now_ = 100.0;
};

TEST_F(PreviewWatchTest, IdleDialogDoesNotDrawAgain) {
    EXPECT_EQ(DrawsOverIdleFrames(20), 0u);
    EXPECT_EQ(watch_.draws(), 1u);
}

TEST_F(PreviewWatchTest, SliderOfAnotherParameterDrawsAgain) {
    state_.plots.params[static_cast<std::size_t>(ActivationId::LeakyRelu)][0] = 0.3;
    ExpectOneDrawAfterSettling("Leaky ReLU's slope");
}

TEST_F(PreviewWatchTest, SweptParameterMovingDoesNotDraw) {
    // The first frame sets α to FROM whatever the slider says: a playing α slider holds nothing back.
    for (double alpha : {0.4, 0.7, 1.3}) {
        state_.plots.params[static_cast<std::size_t>(ActivationId::Elu)][0] = alpha;
        state_.autoplay.elapsed += 0.1;
        EXPECT_EQ(DrawsOverIdleFrames(3), 0u) << alpha;
    }
}

TEST_F(PreviewWatchTest, ThemeExportScaleTargetAndSweepEachDrawAgain) {
    runtime_.exporter.choice.look = Theme::Projector;
    ExpectOneDrawAfterSettling("export colours");
    runtime_.exporter.choice.look.reset(); // "shown": the window's theme counts now
    ExpectOneDrawAfterSettling("shown colours");
    state_.display.theme = Theme::Light;
    ExpectOneDrawAfterSettling("window theme");
    runtime_.exporter.choice.scale = 3;
    ExpectOneDrawAfterSettling("export scale");
    runtime_.animation.choice.from = 0.5;
    ExpectOneDrawAfterSettling("sweep's FROM");
    runtime_.animation.choice.target = ExportTarget::Window;
    ExpectOneDrawAfterSettling("target");
    ImGui::GetIO().DisplaySize = {1600, 900}; // the window target's frames are the window's size
    ExpectOneDrawAfterSettling("window size");
}

TEST_F(PreviewWatchTest, WindowTargetFollowsTheWholeStateButAPlotDoesNot) {
    state_.panels.network = !state_.panels.network;
    EXPECT_EQ(DrawsOverIdleFrames(5), 0u) << "the f plot does not show the panels";
    runtime_.animation.choice.target = ExportTarget::Window;
    ExpectOneDrawAfterSettling("window target");
    state_.panels.network = !state_.panels.network;
    ExpectOneDrawAfterSettling("a panel of the window");
}

TEST_F(PreviewWatchTest, ValueTypedDigitByDigitDrawsOnceAtTheEnd) {
    for (double to : {3.0, 3.5, 3.55}) {
        runtime_.animation.choice.to = to;
        Frame();
        now_ += 0.1; // faster than the settling time
        EXPECT_FALSE(watch_.ShouldDraw(state_, runtime_, now_)) << to;
    }
    now_ += kPreviewSettleSeconds;
    EXPECT_TRUE(watch_.ShouldDraw(state_, runtime_, now_));
    EXPECT_EQ(watch_.draws(), 2u);
}

TEST_F(PreviewWatchTest, FileNameDoesNotDrawButReopeningDoes) {
    runtime_.animation.path_buffer = "/tmp/elsewhere.gif";
    runtime_.animation.path_edited = true;
    runtime_.animation.choice.path = "/tmp/elsewhere.gif";
    EXPECT_EQ(DrawsOverIdleFrames(5), 0u);
    watch_.Forget();
    EXPECT_TRUE(watch_.ShouldDraw(state_, runtime_, now_)) << "a reopened dialog draws at once";
}

} // namespace
} // namespace actlab::ui
