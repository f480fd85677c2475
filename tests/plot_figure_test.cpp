// The plot figure drawn into a recording canvas: kinks sharp, jumps as gaps with circles, tick
// labels that never overlap, curves that stay exact when zoomed far in or out.
#include "core/lesson_presets.h"
#include "core/scene.h"
#include "core/view_fit.h"
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
    std::vector<std::pair<Vec2, bool>> circles; // centre, filled
    std::vector<DrawnText> texts;
    std::vector<DrawnText> labels; // every label box the plot placed (NoteLabel)

    void Polyline(std::span<const Vec2> points, Color, float) override {
        polylines.emplace_back(points.begin(), points.end());
    }
    void Line(Vec2, Vec2, Color, float, float) override {}
    void FilledRect(Vec2, Vec2, Color) override {}
    void Rect(Vec2, Vec2, Color, float) override {}
    void Circle(Vec2 c, float, Color, float) override { circles.emplace_back(c, false); }
    void FilledCircle(Vec2 c, float r, Color) override {
        if (r > 2.0f) circles.emplace_back(c, true);
    }
    void Text(Vec2 anchor, std::string_view utf8, Color, float size, TextAlign align,
              TextBaseline baseline) override {
        const Vec2 extent = MeasureText(utf8, size);
        const Vec2 p = AlignText(anchor, extent, align, baseline);
        texts.push_back({p, {p.x + extent.x, p.y + extent.y}, std::string(utf8)});
    }
    Vec2 MeasureText(std::string_view utf8, float size) override {
        std::size_t glyphs = 0;
        for (char c : utf8)
            glyphs += (static_cast<unsigned char>(c) & 0xC0) != 0x80; // count UTF-8 code points
        return {0.6f * size * static_cast<float>(glyphs), size};
    }
    void PushClip(Vec2, Vec2) override {}
    void PopClip() override {}
    void NoteLabel(Vec2 min, Vec2 max, std::string_view text) override {
        labels.push_back({min, max, std::string(text)});
    }
};

struct Drawn {
    RecordingCanvas canvas;
    PlotFrame frame;
};

Drawn Draw(const Activation& activation, PlotQuantity quantity, double x_min, double x_max, double y_min,
           double y_max, float width = 900, float height = 500, std::span<const Probe> probes = {}) {
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
    const std::vector<PlotCurveData> curves =
        BuildCurves(std::span(&activation, 1), x_min, x_max, SamplesForWidth(drawn.frame.AreaWidth()),
                    spec.convention, theme);
    DrawPlot(drawn.canvas, drawn.frame, spec, curves, theme, style);
    return drawn;
}

TEST(PlotFigure, ReluCornerIsSampledExactly) {
    // A range whose even samples miss 0: the corner must still be a vertex of the polyline.
    const Drawn d = Draw(Activation::WithDefaults(ActivationId::Relu), PlotQuantity::Value, -3.3, 5.9, -1, 6);
    ASSERT_EQ(d.canvas.polylines.size(), 1u);
    const Vec2 origin = d.frame.ToPixel(0, 0);
    const auto& line = d.canvas.polylines.front();
    EXPECT_TRUE(std::any_of(line.begin(), line.end(), [&](Vec2 p) {
        return std::abs(p.x - origin.x) < 1e-3f && std::abs(p.y - origin.y) < 1e-3f;
    }));
}

TEST(PlotFigure, DerivativeJumpIsAGapWithClosedAndOpenCircles) {
    const Drawn d =
        Draw(Activation::WithDefaults(ActivationId::Relu), PlotQuantity::Derivative, -6, 6, -0.5, 1.5);
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
            return c.second == filled && std::abs(c.first.x - at.x) < 0.5f &&
                   std::abs(c.first.y - at.y) < 0.5f;
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
                std::vector<RecordingCanvas::DrawnText> below; // x tick labels sit under the data area
                for (const auto& t : d.canvas.texts) {
                    if (t.min.y > d.frame.area_max.y && t.text != "x") below.push_back(t);
                }
                // A narrow plot with long labels may hold a single one; more than one must never touch.
                ASSERT_GE(below.size(), width >= 640.0f ? 2u : 1u) << span << " " << centre << " " << width;
                std::sort(below.begin(), below.end(),
                          [](const auto& a, const auto& b) { return a.min.x < b.min.x; });
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
        const Drawn d =
            Draw(sigmoid, PlotQuantity::Value, -span / 2, span / 2, y_centre - y_half, y_centre + y_half);
        ASSERT_FALSE(d.canvas.polylines.empty());
        for (const Vec2 p : d.canvas.polylines.front()) {
            const double x = d.frame.DataX(p.x);
            const double expected = d.frame.PixelY(Evaluate(sigmoid, x));
            EXPECT_NEAR(p.y, expected, 0.5) << "span " << span;
        }
    }
}

// The distance from p to the polyline through `line`.
double DistanceToPolyline(Vec2 p, const std::vector<Vec2>& line) {
    double best = static_cast<double>(std::hypot(p.x - line.front().x, p.y - line.front().y));
    for (std::size_t i = 1; i < line.size(); ++i) {
        const double ax = line[i - 1].x, ay = line[i - 1].y, bx = line[i].x, by = line[i].y;
        const double px = p.x, py = p.y;
        const double lx = bx - ax, ly = by - ay, length2 = lx * lx + ly * ly;
        const double t =
            length2 > 0 ? std::clamp(((px - ax) * lx + (py - ay) * ly) / length2, 0.0, 1.0) : 0.0;
        best = std::min(best, std::hypot(px - (ax + t * lx), py - (ay + t * ly)));
    }
    return best;
}

// Every input point lies within `tolerance` of the simplified polyline, which starts and ends where
// the input does.
void ExpectFaithful(const std::vector<Vec2>& points, const std::vector<Vec2>& simplified, float tolerance) {
    ASSERT_GE(simplified.size(), 2u);
    EXPECT_EQ(simplified.front().x, points.front().x);
    EXPECT_EQ(simplified.front().y, points.front().y);
    EXPECT_EQ(simplified.back().x, points.back().x);
    EXPECT_EQ(simplified.back().y, points.back().y);
    for (std::size_t i = 0; i < points.size(); ++i) {
        EXPECT_LE(DistanceToPolyline(points[i], simplified), static_cast<double>(tolerance) + 1e-4)
            << "point " << i;
    }
}

TEST(SimplifyPolyline, AStraightLineKeepsItsEndsAndAKinkItsCorner) {
    std::vector<Vec2> line, relu;
    for (int i = 0; i <= 1500; ++i) {
        const float x = 10.0f + 0.6f * static_cast<float>(i);
        line.push_back({x, 300.0f - 0.37f * x});
        relu.push_back({x, i <= 700 ? 400.0f : 400.0f - 0.6f * static_cast<float>(i - 700)});
    }
    const std::vector<Vec2> simple_line = SimplifyPolyline(line, kCurveTolerancePixels);
    EXPECT_EQ(simple_line.size(), 2u);
    ExpectFaithful(line, simple_line, kCurveTolerancePixels);
    const std::vector<Vec2> simple_relu = SimplifyPolyline(relu, kCurveTolerancePixels);
    ASSERT_EQ(simple_relu.size(), 3u);
    EXPECT_EQ(simple_relu[1].x, relu[700].x);
    EXPECT_EQ(simple_relu[1].y, relu[700].y);
}

TEST(SimplifyPolyline, CurvesStayWithinTheToleranceWithFewerPoints) {
    std::vector<Vec2> wave;
    for (int i = 0; i <= 1500; ++i) {
        const double x = 0.6 * i;
        wave.push_back({static_cast<float>(x), static_cast<float>(300.0 + 120.0 * std::sin(x / 40.0))});
    }
    for (float tolerance : {0.05f, 0.5f}) {
        const std::vector<Vec2> simple = SimplifyPolyline(wave, tolerance);
        ExpectFaithful(wave, simple, tolerance);
        EXPECT_LT(simple.size(), wave.size() / 3) << "tolerance " << tolerance;
    }
}

TEST(SimplifyPolyline, AHairpinAndAZigzagAboveTheToleranceAreKept) {
    // Out along a line and back over it: the turning point must stay.
    std::vector<Vec2> hairpin;
    for (int i = 0; i <= 100; ++i)
        hairpin.push_back({static_cast<float>(i), 50.0f});
    for (int i = 99; i >= 0; --i)
        hairpin.push_back({static_cast<float>(i), 50.0f});
    const std::vector<Vec2> simple = SimplifyPolyline(hairpin, kCurveTolerancePixels);
    ExpectFaithful(hairpin, simple, kCurveTolerancePixels);
    EXPECT_TRUE(std::any_of(simple.begin(), simple.end(), [](Vec2 p) { return p.x == 100.0f; }));
    // A 1-pixel zigzag is real detail at a 0.05-pixel tolerance.
    std::vector<Vec2> zigzag;
    for (int i = 0; i < 200; ++i)
        zigzag.push_back({static_cast<float>(i), i % 2 == 0 ? 10.0f : 11.0f});
    EXPECT_EQ(SimplifyPolyline(zigzag, kCurveTolerancePixels).size(), zigzag.size());
    // Short inputs come back unchanged.
    const std::vector<Vec2> two{{0, 0}, {5, 5}};
    EXPECT_EQ(SimplifyPolyline(two, kCurveTolerancePixels).size(), 2u);
    EXPECT_TRUE(SimplifyPolyline({}, kCurveTolerancePixels).empty());
}

// What DrawPlot draws passes within the tolerance of every sample of the curve, for curved,
// kinked and saturating functions, in f and f′, with far fewer points than samples.
TEST(PlotFigure, DrawnCurvesPassWithinTheToleranceOfEverySample) {
    for (ActivationId id : {ActivationId::Elu, ActivationId::Gelu, ActivationId::Relu, ActivationId::Tanh}) {
        const Activation activation = Activation::WithDefaults(id);
        for (PlotQuantity quantity : {PlotQuantity::Value, PlotQuantity::Derivative}) {
            const Drawn d = Draw(activation, quantity, -6, 6, -2, 6);
            const FigureTheme theme = FigureThemeFor(Theme::Light);
            const std::vector<PlotCurveData> curves =
                BuildCurves(std::span(&activation, 1), -6, 6, SamplesForWidth(d.frame.AreaWidth()),
                            KinkConvention::PyTorch, theme);
            const SampledCurve& samples = curves.front().samples;
            std::size_t drawn_points = 0;
            for (const auto& line : d.canvas.polylines)
                drawn_points += line.size();
            const auto check = [&](std::span<const double> xs, std::span<const double> ys) -> std::size_t {
                for (std::size_t i = 0; i < xs.size(); ++i) {
                    const Vec2 p = d.frame.ToPixel(xs[i], ys[i]);
                    double best = 1e9;
                    for (const auto& line : d.canvas.polylines)
                        best = std::min(best, DistanceToPolyline(p, line));
                    EXPECT_LE(best, static_cast<double>(kCurveTolerancePixels) + 1e-3)
                        << activation.info().display_name << " x = " << xs[i];
                }
                return xs.size();
            };
            std::size_t sample_count = 0;
            if (quantity == PlotQuantity::Value)
                sample_count = check(samples.value.x, samples.value.y);
            else
                for (const Polyline& piece : samples.derivative)
                    sample_count += check(piece.x, piece.y);
            EXPECT_LT(drawn_points, sample_count / 2) << activation.info().display_name;
        }
    }
}

TEST(PlotFigure, ProbeLabelsReadLikeTheLecture) {
    Activation leaky = Activation::WithDefaults(ActivationId::LeakyRelu);
    EXPECT_EQ(ProbeLabel(leaky, -4, false, KinkConvention::PyTorch, false), "f(\u22124) = \u22120.04");
    EXPECT_EQ(
        ProbeLabel(Activation::WithDefaults(ActivationId::Relu), -4, false, KinkConvention::PyTorch, true),
        "ReLU(\u22124) = 0");
    EXPECT_EQ(
        ProbeLabel(Activation::WithDefaults(ActivationId::Relu), 0, true, KinkConvention::PyTorch, false),
        "f\u2032(0) = 0");
    EXPECT_EQ(
        ProbeLabel(Activation::WithDefaults(ActivationId::Relu), 0, true, KinkConvention::Undefined, false),
        "f\u2032(0) = undefined");
    const std::vector<Probe> probes{{ActivationId::LeakyRelu, -4, false}};
    const Drawn d = Draw(leaky, PlotQuantity::Value, -6, 6, -1, 6, 900, 500, probes);
    EXPECT_TRUE(std::any_of(d.canvas.texts.begin(), d.canvas.texts.end(),
                            [](const auto& t) { return t.text == "f(\u22124) = \u22120.04"; }));
}

// The kink-convention slide: with f′(0) undefined the probe at 0 still says so, half way up the jump
// (between the one-sided limits 0 and 1), with no dot that would claim a value; under a convention
// that defines f′(0) the label and a dot sit at that value.
TEST(PlotFigure, AProbeOnAnUndefinedDerivativeSaysSoAtTheJump) {
    const Activation relu = Activation::WithDefaults(ActivationId::Relu);
    EXPECT_EQ(ProbeAnchorY(relu, 0, true, KinkConvention::Undefined), std::optional<double>(0.5));
    EXPECT_EQ(ProbeAnchorY(relu, 0, true, KinkConvention::Zero), std::optional<double>(0.0));
    EXPECT_EQ(ProbeAnchorY(relu, 2, true, KinkConvention::Undefined), std::optional<double>(1.0));
    const std::vector<Probe> probes{{ActivationId::Relu, 0, true}};
    for (const KinkConvention convention : {KinkConvention::Undefined, KinkConvention::Zero}) {
        RecordingCanvas canvas;
        PlotSpec spec;
        spec.quantity = PlotQuantity::Derivative;
        spec.x_min = -3;
        spec.x_max = 3;
        spec.y_min = -0.25;
        spec.y_max = 1.25;
        spec.convention = convention;
        spec.overlays = {false, false, false, false};
        spec.probes = probes;
        const FigureStyle style;
        const PlotFrame frame = LayoutPlot(canvas, spec, {0, 0}, {900, 500}, style);
        const FigureTheme theme = FigureThemeFor(Theme::Light);
        const std::vector<PlotCurveData> curves =
            BuildCurves(std::span(&relu, 1), -3, 3, SamplesForWidth(frame.AreaWidth()), convention, theme);
        DrawPlot(canvas, frame, spec, curves, theme, style);
        const bool undefined = convention == KinkConvention::Undefined;
        const std::string text = undefined ? "f\u2032(0) = undefined" : "f\u2032(0) = 0";
        const auto label = std::find_if(canvas.texts.begin(), canvas.texts.end(),
                                        [&](const auto& t) { return t.text == text; });
        ASSERT_NE(label, canvas.texts.end()) << text;
        // The label is near its anchor: within a few lines of (0, 0.5) or (0, 0).
        const Vec2 anchor = frame.ToPixel(0, undefined ? 0.5 : 0.0);
        const Vec2 centre{(label->min.x + label->max.x) / 2, (label->min.y + label->max.y) / 2};
        EXPECT_LT(std::hypot(centre.x - anchor.x, centre.y - anchor.y), 6 * style.font_size) << text;
        const bool dot_at_anchor =
            std::any_of(canvas.circles.begin(), canvas.circles.end(), [&](const auto& c) {
                return c.second && std::abs(c.first.x - anchor.x) < 0.5f &&
                       std::abs(c.first.y - anchor.y) < 0.5f;
            });
        EXPECT_EQ(dot_at_anchor, !undefined) << text;
    }
}

TEST(PlotFigure, AsymptoteLabelsNameTheParameters) {
    Activation selu = Activation::WithDefaults(ActivationId::Selu);
    EXPECT_EQ(AsymptoteLabel(selu, {false, -1.7580993408473766}),
              "SELU \u2192 \u2212\u03bb\u03b1 = \u22121.7581");
    EXPECT_EQ(AsymptoteLabel(Activation::WithDefaults(ActivationId::Sigmoid), {true, 1.0}),
              "Sigmoid \u2192 1");
}

TEST(PlotFigure, HugeValuesDoNotOverflowPixels) {
    // softplus at 1e300 is 1e300: the line must leave the plot, with finite pixel coordinates.
    const Drawn d =
        Draw(Activation::WithDefaults(ActivationId::Softplus), PlotQuantity::Value, -1e300, 1e300, -1, 1);
    for (const auto& line : d.canvas.polylines) {
        for (const Vec2 p : line) {
            EXPECT_TRUE(std::isfinite(p.x) && std::isfinite(p.y));
        }
    }
}

} // namespace
} // namespace actlab

namespace actlab {
namespace {

// A plot as the window and the exports draw it: every overlay on, the given probes.
struct LabelledPlot {
    RecordingCanvas canvas;
    PlotFrame frame;
};

LabelledPlot DrawLabelled(const std::vector<Activation>& functions, PlotQuantity quantity,
                          const PlotViewRange& view, std::span<const Probe> probes, Vec2 logical_size,
                          float scale) {
    LabelledPlot drawn;
    PlotSpec spec;
    spec.quantity = quantity;
    spec.x_min = view.x_min;
    spec.x_max = view.x_max;
    const bool derivative = quantity == PlotQuantity::Derivative;
    spec.y_min = derivative ? view.dy_min : view.y_min;
    spec.y_max = derivative ? view.dy_max : view.y_max;
    spec.probes = probes;
    const FigureStyle style{17.0f * scale, scale};
    drawn.frame =
        LayoutPlot(drawn.canvas, spec, {0, 0}, {logical_size.x * scale, logical_size.y * scale}, style);
    const FigureTheme theme = FigureThemeFor(Theme::Light);
    const std::vector<PlotCurveData> curves = BuildCurves(
        functions, spec.x_min, spec.x_max, SamplesForWidth(drawn.frame.AreaWidth()), spec.convention, theme);
    DrawPlot(drawn.canvas, drawn.frame, spec, curves, theme, style);
    return drawn;
}

bool Overlap(const RecordingCanvas::DrawnText& a, const RecordingCanvas::DrawnText& b) {
    return a.min.x < b.max.x && b.min.x < a.max.x && a.min.y < b.max.y && b.min.y < a.max.y;
}

// No two labels overlap, every label lies inside the plot, and the y axis has at least three labels.
void ExpectTidyLabels(const LabelledPlot& d, const std::string& what) {
    const auto& labels = d.canvas.labels;
    ASSERT_FALSE(labels.empty()) << what;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const auto& a = labels[i];
        EXPECT_TRUE(a.min.x >= d.frame.outer_min.x - 0.01f && a.max.x <= d.frame.outer_max.x + 0.01f &&
                    a.min.y >= d.frame.outer_min.y - 0.01f && a.max.y <= d.frame.outer_max.y + 0.01f)
            << what << ": '" << a.text << "' is cut by the plot's edge";
        for (std::size_t j = i + 1; j < labels.size(); ++j) {
            EXPECT_FALSE(Overlap(a, labels[j]))
                << what << ": '" << a.text << "' overlaps '" << labels[j].text << "'";
        }
    }
    const auto y_ticks = std::count_if(labels.begin(), labels.end(), [&](const auto& t) {
        return t.max.x <= d.frame.area_min.x && t.min.y < d.frame.area_max.y && t.max.y > d.frame.area_min.y;
    });
    EXPECT_GE(y_ticks, 3) << what << ": the y axis needs at least three labels";
}

std::vector<Activation> PresetFunctions(const FunctionPlotState& plots) {
    std::vector<Activation> functions;
    for (ActivationId id : plots.selected)
        functions.push_back({id, plots.params[static_cast<std::size_t>(id)]});
    return functions;
}

constexpr std::array<Vec2, 2> kPlotSizes{{{470.0f, 380.0f}, {900.0f, 500.0f}}}; // logical pixels

TEST(PlotLabels, EveryLessonPresetHasTidyLabelsAtEverySizeAndScale) {
    for (const EmbeddedPreset& preset : EmbeddedPresets()) {
        const SceneParseResult parsed = ParseScene(preset.text, preset.name);
        ASSERT_TRUE(parsed.ok()) << parsed.error;
        const FunctionPlotState& plots = parsed.scene.state.plots;
        const std::vector<Activation> functions = PresetFunctions(plots);
        for (const Vec2 size : kPlotSizes) {
            for (float scale : {1.0f, 2.0f, 3.0f}) {
                for (PlotQuantity q : {PlotQuantity::Value, PlotQuantity::Derivative}) {
                    const LabelledPlot d = DrawLabelled(functions, q, plots.view, plots.probes, size, scale);
                    ExpectTidyLabels(
                        d, std::string(preset.name) + (q == PlotQuantity::Value ? " f " : " f\u2032 ") +
                               std::to_string(static_cast<int>(size.x)) + "x" +
                               std::to_string(static_cast<int>(size.y)) + " @" + std::to_string(scale));
                }
            }
        }
    }
}

TEST(PlotLabels, EveryFunctionWithProbesHasTidyLabels) {
    for (const ActivationInfo& info : Catalogue()) {
        const std::vector<Activation> functions{Activation::WithDefaults(info.id)};
        const PlotViewRange view = FitView(functions, KinkConvention::PyTorch);
        const std::vector<Probe> probes{{info.id, -1.0, false}, {info.id, -1.0, true}, {info.id, 1.5, true}};
        for (const Vec2 size : kPlotSizes) {
            for (float scale : {1.0f, 2.0f, 3.0f}) {
                for (PlotQuantity q : {PlotQuantity::Value, PlotQuantity::Derivative}) {
                    const LabelledPlot d = DrawLabelled(functions, q, view, probes, size, scale);
                    ExpectTidyLabels(d, std::string(info.display_name) + " " +
                                            std::to_string(static_cast<int>(size.x)) + " @" +
                                            std::to_string(scale));
                }
            }
        }
    }
}

// The Leaky lesson's key number and the legend both show, apart, at 2× in a plot the size the
// window gives it.
TEST(PlotLabels, TheLeakyProbeLabelIsNotUnderTheLegend) {
    const SceneParseResult parsed = ParseScene(FindPreset("leaky-relu-vs-relu")->text, "leaky");
    ASSERT_TRUE(parsed.ok());
    const FunctionPlotState& plots = parsed.scene.state.plots;
    for (const Vec2 size : kPlotSizes) {
        const LabelledPlot d = DrawLabelled(PresetFunctions(plots), PlotQuantity::Derivative, plots.view,
                                            plots.probes, size, 2.0f);
        const auto& labels = d.canvas.labels;
        const auto probe = std::find_if(labels.begin(), labels.end(), [](const auto& t) {
            return t.text == "Leaky ReLU\u2032(\u22123) = 0.1";
        });
        const auto legend = std::find_if(labels.begin(), labels.end(),
                                         [](const auto& t) { return t.text.starts_with("legend"); });
        ASSERT_NE(probe, labels.end());
        ASSERT_NE(legend, labels.end());
        EXPECT_FALSE(Overlap(*probe, *legend));
    }
}

// The maximum of f′ says whose it is, and neither it nor a probe label sits on the curve.
TEST(PlotLabels, OverlayLabelsNameTheFunctionAndStayOffTheCurves) {
    const std::vector<Activation> gelu{Activation::WithDefaults(ActivationId::Gelu)};
    const PlotViewRange view = FitView(gelu, KinkConvention::PyTorch);
    const std::vector<Probe> probes{{ActivationId::Gelu, -0.75, true}};
    for (const Vec2 size : kPlotSizes) {
        const LabelledPlot d = DrawLabelled(gelu, PlotQuantity::Derivative, view, probes, size, 1.0f);
        const auto& labels = d.canvas.labels;
        const auto maximum = std::find_if(labels.begin(), labels.end(),
                                          [](const auto& t) { return t.text.starts_with("max "); });
        ASSERT_NE(maximum, labels.end());
        EXPECT_EQ(maximum->text.rfind("max GELU\u2032 = 1.129 at x = ", 0), 0u) << maximum->text;
        for (const auto& label : labels) {
            if (!label.text.starts_with("max ") && label.text.find("(\u22120.75)") == std::string::npos)
                continue;
            for (const auto& line : d.canvas.polylines) {
                for (std::size_t i = 1; i < line.size(); ++i) {
                    const Vec2 m{(line[i - 1].x + line[i].x) / 2, (line[i - 1].y + line[i].y) / 2};
                    EXPECT_FALSE(m.x > label.min.x && m.x < label.max.x && m.y > label.min.y &&
                                 m.y < label.max.y)
                        << "'" << label.text << "' covers the curve at " << m.x << ", " << m.y << " box "
                        << label.min.x << "," << label.min.y << " " << label.max.x << "," << label.max.y
                        << " size " << size.x;
                }
            }
        }
    }
}

} // namespace
} // namespace actlab
