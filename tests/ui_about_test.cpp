// Help → About in headless frames: it opens, shows the version from CMake, and fits the window at
// every UI scale.
#include "ui_frame_fixture.h"

#include "core/version.h"

#include <imgui_internal.h>

#include <string>

namespace actlab::ui {
namespace {

TEST_F(UiFrameTest, AboutBoxShowsTheVersionAndFitsAtEveryScale) {
    runtime_.about_open = true;
    for (float scale : {1.0f, 2.0f, 3.0f}) {
        state_.display.ui_scale = scale;
        Frames(3);
        const ImGuiWindow* about = ImGui::FindWindowByName("About ActLab");
        ASSERT_NE(about, nullptr);
        EXPECT_TRUE(about->Active) << "drawn in the last frame at scale " << scale;
        const ImGuiViewport* viewport = ImGui::GetMainViewport();
        EXPECT_GE(about->Pos.x, viewport->WorkPos.x) << scale;
        EXPECT_GE(about->Pos.y, viewport->WorkPos.y) << scale;
        EXPECT_LE(about->Pos.x + about->Size.x, viewport->WorkPos.x + viewport->WorkSize.x) << scale;
        EXPECT_LE(about->Pos.y + about->Size.y, viewport->WorkPos.y + viewport->WorkSize.y) << scale;
    }
    EXPECT_NE(std::string(kVersion), "");
    EXPECT_EQ(std::string(kVersion).find('@'), std::string::npos) << "configured by CMake";
    runtime_.about_open = false;
    Frames(2);
    EXPECT_FALSE(ImGui::FindWindowByName("About ActLab")->Active) << "closed";
}

} // namespace
} // namespace actlab::ui
