// The plot figure drawn into a recording canvas: kinks sharp, jumps as gaps with circles, tick
// labels that never overlap, curves that stay exact when zoomed far in or out.
#include "render/plot_figure.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace actlab {
namespace {

// Records what was drawn. Text is measured as 0.6 em a character, like a proportional font.
class RecordingCanvas final : public Canvas {
public:
    struct DrawnText {
        Vec2 min, max;
        std::string text;
    };
    std::vector<std::vector<Vec2>> polylines;
    std::vector<std::pair<Vec2, bool>> circles;  // centre, filled
    std::vector<DrawnText> texts;

    void Polyline(std::span<const Vec2> points, Color, float) override { polylines.emplace_back(points.begin(), points.end()); }
    void Line(Vec2, Vec2, Color, float, float) override {}
    void FilledRect(Vec2, Vec2, Color) override {}
    void Rect(Vec2, Vec2, Color, float) override {}
    void Circle(Vec2 c, float, Color, float) override { circles.emplace_back(c, false); }
    void FilledCircle(Vec2 c, float r, Color) override {
        if (r > 2.0f) circles.emplace_back(c, true);
    }
    void Text(Vec2 anchor, std::string_view utf8, Color, float size, TextAlign align, TextBaseline baseline) override {
        const Vec2 extent = MeasureText(utf8, size);
        const Vec2 p = AlignText(anchor, extent, align, baseline);
        texts.push_back({p, {p.x + extent.x, p.y + extent.y}, std::string(utf8)});
    }
    Vec2 MeasureText(std::string_view utf8, float size) override {
        std::size_t glyphs = 0;
        for (char c : utf8) glyphs += (static_cast<unsigned char>(c) & 0xC0) != 0x80;  // count UTF-8 code points
        return {0.6f * size * static_cast<float>(glyphs), size};
    }
    void PushClip(Vec2, Vec2) override {}
    void PopClip() override {}
};

struct Drawn {
    RecordingCanvas canvas;
    PlotFrame frame;
};

Drawn Draw(const Activation& activation, PlotQuantity quantity, double x_min, double x_max, double y_min, double y_max,
           float width = 900, float height = 500, std::span<const Probe> probes = {}) {
    Drawn drawn;
    PlotSpec spec;
    spec.quantity = quantity;
    spec.x_min = x_min;
    spec.x_max = x_max;
    spec.y_min = y_min;
    spec.y_max = y_max;
    spec.overlays = {false, false, false, false};
    spec.probes = probes;
    const FigureStyle style;
    drawn.frame = LayoutPlot(drawn.canvas, spec, {0, 0}, {width, height}, style);
    const FigureTheme theme = FigureThemeFor(Theme::Light);
    const std::vector<PlotCurveData> curves = BuildCurves(std::span(&activation, 1), x_min, x_max,
                                                          SamplesForWidth(drawn.frame.AreaWidth()), spec.convention, theme);
    DrawPlot(drawn.canvas, drawn.frame, spec, curves, theme, style);
    return drawn;
}

TEST(PlotFigure, ReluCornerIsSampledExactly) {
    // A range whose even samples miss 0: the corner must still be a vertex of the polyline.
    const Drawn d = Draw(Activation::WithDefaults(ActivationId::Relu), PlotQuantity::Value, -3.3, 5.9, -1, 6);
    ASSERT_EQ(d.canvas.polylines.size(), 1u);
    const Vec2 origin = d.frame.ToPixel(0, 0);
    const auto& line = d.canvas.polylines.front();
    EXPECT_TRUE(std::any_of(line.begin(), line.end(),
                            [&](Vec2 p) { return std::abs(p.x - origin.x) < 1e-3f && std::abs(p.y - origin.y) < 1e-3f; }));
}

TEST(PlotFigure, DerivativeJumpIsAGapWithClosedAndOpenCircles) {
    const Drawn d = Draw(Activation::WithDefaults(ActivationId::Relu), PlotQuantity::Derivative, -6, 6, -0.5, 1.5);
    ASSERT_EQ(d.canvas.polylines.size(), 2u) << "f' in two pieces, split at the jump";
    for (const auto& line : d.canvas.polylines) {
        for (std::size_t i = 1; i < line.size(); ++i) {
            EXPECT_LT(std::abs(line[i].y - line[i - 1].y), 1.0f) << "no vertical connector";
        }
    }
    // PyTorch: ReLU'(0) = 0 closed, the right limit 1 open.
    const Vec2 closed = d.frame.ToPixel(0, 0), open = d.frame.ToPixel(0, 1);
    const auto has = [&](Vec2 at, bool filled) {
        return std::any_of(d.canvas.circles.begin(), d.canvas.circles.end(), [&](const auto& c) {
            return c.second == filled && std::abs(c.first.x - at.x) < 0.5f && std::abs(c.first.y - at.y) < 0.5f;
        });
    };
    EXPECT_TRUE(has(closed, true));
    EXPECT_TRUE(has(open, false));
}

TEST(PlotFigure, TickLabelsNeverOverlapAtAnyZoomOrSize) {
    for (double span : {1e-6, 2.5e-3, 12.0, 1e6}) {
        for (double centre : {0.0, 4.0, -1234.5}) {
            for (float width : {260.0f, 640.0f, 1900.0f}) {
                const Drawn d = Draw(Activation::WithDefaults(ActivationId::Tanh), PlotQuantity::Value,
                                     centre - span / 2, centre + span / 2, -1.2, 1.2, width, 400);
                std::vector<RecordingCanvas::DrawnText> below;  // x tick labels sit under the data area
                for (const auto& t : d.canvas.texts) {
                    if (t.min.y > d.frame.area_max.y && t.text != "x") below.push_back(t);
                }
                // A narrow plot with long labels may hold a single one; more than one must never touch.
                ASSERT_GE(below.size(), width >= 640.0f ? 2u : 1u) << span << " " << centre << " " << width;
                std::sort(below.begin(), below.end(), [](const auto& a, const auto& b) { return a.min.x < b.min.x; });
                for (std::size_t i = 1; i < below.size(); ++i) {
                    EXPECT_LT(below[i - 1].max.x, below[i].min.x)
                        << "'" << below[i - 1].text << "' overlaps '" << below[i].text << "' (span " << span
                        << ", centre " << centre << ", width " << width << ")";
                }
            }
        }
    }
}

TEST(PlotFigure, CurvesStayExactFarZoomedInAndOut) {
    const Activation sigmoid = Activation::WithDefaults(ActivationId::Sigmoid);
    for (double span : {1e-6, 1e6}) {
        const double y_centre = 0.5;
        const double y_half = span < 1 ? 1e-6 : 1.0;
        const Drawn d = Draw(sigmoid, PlotQuantity::Value, -span / 2, span / 2, y_centre - y_half, y_centre + y_half);
        ASSERT_FALSE(d.canvas.polylines.empty());
        for (const Vec2 p : d.canvas.polylines.front()) {
            const double x = d.frame.DataX(p.x);
            const double expected = d.frame.PixelY(Evaluate(sigmoid, x));
            EXPECT_NEAR(p.y, expected, 0.5) << "span " << span;
        }
    }
}

TEST(PlotFigure, ProbeLabelsReadLikeTheLecture) {
    Activation leaky = Activation::WithDefaults(ActivationId::LeakyRelu);
    EXPECT_EQ(ProbeLabel(leaky, -4, false, KinkConvention::PyTorch, false), "f(\u22124) = \u22120.04");
    EXPECT_EQ(ProbeLabel(Activation::WithDefaults(ActivationId::Relu), -4, false, KinkConvention::PyTorch, true),
              "ReLU(\u22124) = 0");
    EXPECT_EQ(ProbeLabel(Activation::WithDefaults(ActivationId::Relu), 0, true, KinkConvention::PyTorch, false),
              "f\u2032(0) = 0");
    EXPECT_EQ(ProbeLabel(Activation::WithDefaults(ActivationId::Relu), 0, true, KinkConvention::Undefined, false),
              "f\u2032(0) = undefined");
    const std::vector<Probe> probes{{ActivationId::LeakyRelu, -4, false}};
    const Drawn d = Draw(leaky, PlotQuantity::Value, -6, 6, -1, 6, 900, 500, probes);
    EXPECT_TRUE(std::any_of(d.canvas.texts.begin(), d.canvas.texts.end(),
                            [](const auto& t) { return t.text == "f(\u22124) = \u22120.04"; }));
}

TEST(PlotFigure, AsymptoteLabelsNameTheParameters) {
    Activation selu = Activation::WithDefaults(ActivationId::Selu);
    EXPECT_EQ(AsymptoteLabel(selu, {false, -1.7580993408473766}), "SELU \u2192 \u2212\u03bb\u03b1 = \u22121.7581");
    EXPECT_EQ(AsymptoteLabel(Activation::WithDefaults(ActivationId::Sigmoid), {true, 1.0}), "Sigmoid \u2192 1");
}

TEST(PlotFigure, HugeValuesDoNotOverflowPixels) {
    // softplus at 1e300 is 1e300: the line must leave the plot, with finite pixel coordinates.
    const Drawn d = Draw(Activation::WithDefaults(ActivationId::Softplus), PlotQuantity::Value, -1e300, 1e300, -1, 1);
    for (const auto& line : d.canvas.polylines) {
        for (const Vec2 p : line) {
            EXPECT_TRUE(std::isfinite(p.x) && std::isfinite(p.y));
        }
    }
}

}  // namespace
}  // namespace actlab
