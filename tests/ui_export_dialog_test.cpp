// The export dialog in headless frames: every theme and scale, its defaults and formats per target,
// and the figure an export of a plot draws.

#include "ui_frame_fixture.h"

#include "ui/shortcuts.h"
#include "ui/theme.h"

namespace actlab::ui {
namespace {

TEST_F(UiFrameTest, ExportDialogRendersInEveryThemeAtScaleOneAndThree) {
    state_.panels.export_dialog = true;
    state_.panels.network = true;
    for (Theme theme : {Theme::Dark, Theme::Light, Theme::Projector}) {
        state_.display.theme = theme;
        for (float scale : {1.0f, 3.0f}) {
            state_.display.ui_scale = scale;
            Rebuild();
            for (ExportTarget target : {ExportTarget::PlotF, ExportTarget::PlotDerivative,
                                        ExportTarget::Window, ExportTarget::Network}) {
                runtime_.exporter.choice.target = target;
                Frames(2);
            }
            ShowToast(runtime_.exporter,
                      "Saved ~/Pictures/ActLab/actlab-relu-20261123-213000.png (2400\u00d71500)", false);
            Frames(2);
        }
    }
    EXPECT_TRUE(state_.panels.export_dialog);
    EXPECT_FALSE(runtime_.exporter.pending.has_value()) << "nothing is exported until asked";
}

TEST_F(UiFrameTest, ExportDialogDefaultsAndFormatsFollowTheTarget) {
    PressKey(key::kF12);
    ASSERT_TRUE(state_.panels.export_dialog);
    const std::string& path = runtime_.exporter.path_buffer;
    EXPECT_NE(path.find("/ActLab/actlab-relu-"), std::string::npos) << path;
    EXPECT_EQ(path.substr(path.size() - 4), ".png");
    // SVG is for plots: choosing the whole window falls back to PNG.
    runtime_.exporter.choice.format = ExportFormat::Svg;
    runtime_.exporter.choice.target = ExportTarget::Window;
    Frames(2);
    EXPECT_EQ(runtime_.exporter.choice.format, ExportFormat::Png);
    // The network panel is a target only while it is open.
    runtime_.exporter.choice.target = ExportTarget::Network;
    Frames(1);
    EXPECT_EQ(runtime_.exporter.choice.target, ExportTarget::PlotF);
    state_.panels.export_dialog = false;
    Frames(1);
    ImGui::GetIO().KeyCtrl = true;
    PressKey('S', true);
    ImGui::GetIO().KeyCtrl = false;
    EXPECT_TRUE(state_.panels.export_dialog) << "Ctrl+Shift+S";
}

TEST(ExportFigureSpec, PlotExportsDrawTheViewAndFunctionsAsShown) {
    AppState state = DefaultAppState();
    state.plots.selected = {ActivationId::Elu, ActivationId::Relu};
    state.plots.view = {-3, 2, -1, 4, -0.25, 1.25};
    state.display.theme = Theme::Projector;
    ExportRequest request{ExportTarget::PlotDerivative, ExportFormat::Png, 3, std::nullopt, "x.png"};
    const FigureSpec spec = ExportFigureSpec(state, request);
    ASSERT_EQ(spec.functions.size(), 2u);
    EXPECT_EQ(spec.functions[0].id, ActivationId::Elu);
    EXPECT_EQ(spec.single_plot, PlotQuantity::Derivative);
    EXPECT_EQ(spec.x_range, std::pair(-3.0, 2.0));
    EXPECT_EQ(spec.dy_range, std::pair(-0.25, 1.25));
    EXPECT_EQ(spec.theme, Theme::Projector);
    EXPECT_EQ(spec.PixelWidth(), 3600);
    EXPECT_EQ(spec.PixelHeight(), 2250);
    EXPECT_EQ(ExportSubject(state, ExportTarget::PlotF), "elu");
    EXPECT_EQ(ExportSubject(state, ExportTarget::Network), "network");
}

} // namespace
} // namespace actlab::ui
