// The gated view in headless frames: its heatmaps hold the core's values, and the b slider's slice
// joins the f and f′ plots as one more curve (at b = 1 SwiGLU's slice is Swish itself).
#include "ui_frame_fixture.h"

#include "core/workspace.h"
#include "render/gated_figure.h"
#include "ui/layout_recorder.h"
#include "ui/theme.h"

#include <imgui_internal.h>

#include <cmath>

namespace actlab::ui {
namespace {

class GatedViewTest : public UiFrameTest {
protected:
    void SetUp() override {
        UiFrameTest::SetUp();
        state_.panels.gated = true;
    }
};

TEST_F(GatedViewTest, RendersInEveryThemeAtScaleOneAndThree) {
    for (Theme theme : {Theme::Dark, Theme::Light, Theme::Projector}) {
        state_.display.theme = theme;
        for (float scale : {1.0f, 3.0f}) {
            state_.display.ui_scale = scale;
            Rebuild();
            Frames(3);
        }
    }
    for (const GatedInfo& info : GatedCatalogue()) {
        state_.gated.function = info.id;
        state_.gated.params = GatedFunction::WithDefaults(info.id).params;
        Frames(2);
    }
}

TEST_F(GatedViewTest, HeatmapsHoldTheCoresValuesScaledToTheColourMap) {
    state_.gated.function = GatedId::Geglu;
    state_.gated.params = GatedFunction::WithDefaults(GatedId::Geglu).params;
    Frames(2);
    const GatedViewCache& cache = runtime_.gated;
    constexpr std::size_t n = GatedViewCache::kCells;
    ASSERT_EQ(cache.values[0].size(), n * n);
    // Texture row 0 is the top of the square, the largest b; column i the i-th a from the left.
    const GatedLessonState& g = state_.gated;
    const double a = g.a_min + (g.a_max - g.a_min) * (7 + 0.5) / n;
    const double b = g.b_max - (g.b_max - g.b_min) * (3 + 0.5) / n;
    const GatedValue v = EvaluateGated(g.Function(), a, b);
    EXPECT_NEAR(static_cast<double>(cache.values[0][3 * n + 7]) * cache.color_scale[0], v.y,
                1e-5 * cache.color_scale[0]);
    EXPECT_NEAR(static_cast<double>(cache.values[1][3 * n + 7]) * cache.color_scale[1], v.dy_da,
                1e-5 * cache.color_scale[1]);
    EXPECT_NEAR(static_cast<double>(cache.values[2][3 * n + 7]) * cache.color_scale[2], v.dy_db,
                1e-5 * cache.color_scale[2]);
    for (std::size_t k = 0; k < 3; ++k) {
        float largest = 0.0f;
        for (float x : cache.values[k])
            largest = std::max(largest, std::fabs(x));
        EXPECT_LE(largest, 1.0f) << "the colour scale covers every value";
        EXPECT_GT(largest, 0.3f) << "and is not far larger than they are";
        EXPECT_FALSE(cache.contours[k].empty());
    }
}

TEST_F(GatedViewTest, SliceAtBOneIsSwishAndScalesWithB) {
    state_.gated.function = GatedId::Swiglu;
    state_.gated.params = GatedFunction::WithDefaults(GatedId::Swiglu).params;
    state_.gated.slice_b = 1.0;
    Frames(2);
    ASSERT_TRUE(runtime_.gated.slice_key.has_value());
    ASSERT_EQ(runtime_.gated.slice.size(), 1u);
    const PlotCurveData& slice = runtime_.gated.slice.front();
    EXPECT_EQ(slice.activation.id, ActivationId::Swish);
    const Activation swish = Activation::WithDefaults(ActivationId::Swish);
    for (std::size_t i = 0; i < slice.samples.value.x.size(); i += 97)
        EXPECT_EQ(slice.samples.value.y[i], Evaluate(swish, slice.samples.value.x[i]));

    state_.gated.slice_b = -2.0;
    Frames(2);
    const PlotCurveData& scaled = runtime_.gated.slice.front();
    for (std::size_t i = 0; i < scaled.samples.value.x.size(); i += 97)
        EXPECT_EQ(scaled.samples.value.y[i], -2.0 * Evaluate(swish, scaled.samples.value.x[i]));
    EXPECT_EQ(scaled.output_scale, -2.0);
}

// The region a frame reported under `id` (the layout report's rect), or an empty rect.
LayoutRect ReportedRegion(const LayoutReport& report, const std::string& id) {
    for (const LayoutRegion& region : report.regions)
        if (region.id == id) return region.rect;
    return {};
}

TEST_F(GatedViewTest, IsAWorkspaceViewWithItsRegionsAndNoFloatingWindow) {
    ShowView(state_, WorkspaceView::Functions);
    Frames(2);
    EXPECT_FALSE(runtime_.gated.slice_key.has_value()) << "the slice belongs to the Gated view's plots";
    ShowView(state_, WorkspaceView::Gated);
    EXPECT_TRUE(state_.panels.gated);
    LayoutRecorder recorder;
    SetActiveRecorder(&recorder);
    Frames(2);
    recorder.BeginFrame();
    Frames(1);
    SetActiveRecorder(nullptr);
    const LayoutReport report =
        recorder.Finish(1920, 1080, 1.0f, FocusOf(WorkspaceView::Gated, {}), "ActLab");
    for (const char* id :
         {"gated.controls", "gated.f", "gated.df_da", "gated.df_db", "gated.slice_f", "gated.slice_df"})
        EXPECT_GT(ReportedRegion(report, id).Area(), 0.0f) << id;
    // Side by side, left to right f, ∂f/∂a, ∂f/∂b, all above the slice's plots; nothing floats.
    EXPECT_LT(ReportedRegion(report, "gated.f").x, ReportedRegion(report, "gated.df_da").x);
    EXPECT_LT(ReportedRegion(report, "gated.df_da").x, ReportedRegion(report, "gated.df_db").x);
    EXPECT_LE(ReportedRegion(report, "gated.f").Bottom(), ReportedRegion(report, "gated.slice_f").y);
    EXPECT_TRUE(LayoutProblems(report, 0.4).empty());
    EXPECT_TRUE(runtime_.gated.slice_key.has_value());
    for (ImGuiWindow* window : GImGui->Windows)
        EXPECT_EQ(std::string(window->Name).find("Gated"), std::string::npos) << window->Name;
}

TEST_F(GatedViewTest, HoverOverAHeatmapShowsTheReadout) {
    state_.display.ui_scale = 1.0f;
    Rebuild();
    LayoutRecorder recorder;
    SetActiveRecorder(&recorder);
    Frames(2);
    recorder.BeginFrame();
    Frames(1);
    SetActiveRecorder(nullptr);
    const LayoutRect heat = ReportedRegion(recorder.Finish(1920, 1080, 1.0f, {}, "ActLab"), "gated.f");
    ASSERT_GT(heat.Area(), 0.0f);
    EXPECT_EQ(ImGui::FindWindowByName("##Tooltip_00"), nullptr);
    // The middle of the f heatmap's square (its region also holds the title and ticks around it).
    ImGui::GetIO().MousePos = {heat.x + heat.w * 0.45f, heat.y + heat.h * 0.5f};
    Frames(2);
    const ImGuiWindow* tooltip = ImGui::FindWindowByName("##Tooltip_00");
    ASSERT_NE(tooltip, nullptr);
    EXPECT_TRUE(tooltip->Active);
}

} // namespace
} // namespace actlab::ui
