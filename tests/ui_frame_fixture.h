// The headless Dear ImGui frame fixture of the UI tests: every panel in real frames without a window
// (io.DisplaySize set, the font atlas built, NewFrame/Render, IM_ASSERT active); mouse and keys are
// fed through ImGuiIO as a backend would.
#pragma once

#include "core/app_state.h"
#include "ui/headless_frames.h"
#include "ui/panels.h"

#include <gtest/gtest.h>
#include <imgui.h>

#include <chrono>
#include <thread>

namespace actlab::ui {

class UiFrameTest : public ::testing::Test {
protected:
    void SetUp() override {
        CreateHeadlessContext(1920, 1080);
        state_ = DefaultAppState();
        ResetView(state_);
        Rebuild();
    }
    void TearDown() override { ImGui::DestroyContext(); }

    void Rebuild() { PrepareHeadlessFrame(state_, runtime_); }

    void Frame() {
        if (runtime_.fonts.built_for != runtime_.Scale(state_)) Rebuild();
        RunFrame(state_, runtime_); // the session's update, then the drawing, as in the window
        ASSERT_GT(ImGui::GetDrawData()->TotalVtxCount, 0);
    }

    void Frames(int n) {
        for (int i = 0; i < n; ++i)
            Frame();
    }

    void PressKey(int key, bool shift = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.KeyShift = shift;
        io.KeysDown[key] = true;
        Frame();
        io.KeysDown[key] = false;
        io.KeyShift = false;
        Frame();
    }

    // Frames until `done()` holds, sleeping a little between them as a real frame loop would; false if
    // it never does (a safety bound against a hang, not a timing requirement).
    template <typename Done> bool FramesUntil(Done done) {
        for (int i = 0; i < 20000; ++i) {
            Frame();
            if (done()) return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        return false;
    }

    // The centre of the top plot, found from the plot's data: the middle of the window's plot column.
    ImVec2 PlotPoint() const { return {960, 300}; }

    AppState state_;
    UiRuntime runtime_;
};

// The mini-network lesson in headless frames: the panel computes and draws from runtime_.session.network.
class NetworkPanelTest : public UiFrameTest {
protected:
    void SetUp() override {
        UiFrameTest::SetUp();
        state_.panels.network = true;
    }
};

} // namespace actlab::ui
