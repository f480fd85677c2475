// The Export animation dialog in headless frames: it fits the window at the sizes and scales slides
// are made at and gives its preview a frame-shaped room beside the choices.

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

} // namespace
} // namespace actlab::ui
