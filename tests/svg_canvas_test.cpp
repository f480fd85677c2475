// The SVG canvas and its text measurement: fixed number formatting, XML escaping, clip groups, and
// widths that agree with the ImGui font the PNG export renders with.
#include "render/figure.h"
#include "render/font_metrics.h"
#include "render/svg_canvas.h"
#include "ui/fonts.h"

#include <gtest/gtest.h>
#include <imgui.h>

#include <clocale>
#include <cmath>

namespace actlab {
namespace {

TEST(SvgCanvas, NumbersAreFixedAndLocaleIndependent) {
    // A decimal-comma locale must not leak into the file (if the machine has one).
    const char* previous = std::setlocale(LC_ALL, nullptr);
    const std::string saved = previous != nullptr ? previous : "C";
    std::setlocale(LC_ALL, "de_DE.UTF-8");
    EXPECT_EQ(SvgNumber(12.5), "12.5");
    EXPECT_EQ(SvgNumber(-3.0), "-3");
    EXPECT_EQ(SvgNumber(0.1234567), "0.123");
    EXPECT_EQ(SvgNumber(-0.0001), "0");
    EXPECT_EQ(SvgNumber(1e4), "10000");
    EXPECT_EQ(SvgNumber(std::nan("")), "0");
    std::setlocale(LC_ALL, saved.c_str());
}

TEST(SvgCanvas, TextIsEscaped) {
    EXPECT_EQ(XmlEscape("a<b & \"c\" > 'd'"), "a&lt;b &amp; &quot;c&quot; &gt; &apos;d&apos;");
    EXPECT_EQ(XmlEscape(std::string("x\x01y")), "xy");
    EXPECT_EQ(XmlEscape("f\u2032(x) \u2192 \u2212\u03b1"), "f\u2032(x) \u2192 \u2212\u03b1");
}

TEST(SvgCanvas, ClipGroupsAreBalancedAndColoursCarryOpacity) {
    const FontMetrics metrics;
    SvgCanvas canvas(200, 100, metrics);
    canvas.PushClip({10, 10}, {190, 90});
    canvas.FilledRect({0, 0}, {50, 50}, {255, 0, 0, 128});
    canvas.Line({0, 0}, {100, 0}, {0, 0, 255, 255}, 2.0f, 5.0f);
    canvas.Text({100, 50}, "a<b", {0, 0, 0, 255}, 17.0f, TextAlign::Center, TextBaseline::Middle);
    canvas.PushClip({20, 20}, {30, 30}); // left open: Finish closes it
    const std::string svg = canvas.Finish();
    EXPECT_NE(svg.find("fill=\"#ff0000\" fill-opacity=\"0.502\""), std::string::npos) << svg;
    EXPECT_NE(svg.find("stroke-dasharray=\"5,5\""), std::string::npos) << svg;
    EXPECT_NE(svg.find("text-anchor=\"middle\""), std::string::npos) << svg;
    EXPECT_NE(svg.find(">a&lt;b</text>"), std::string::npos) << svg;
    std::size_t opened = 0, closed = 0;
    for (std::size_t at = svg.find("<g "); at != std::string::npos; at = svg.find("<g ", at + 1))
        ++opened;
    for (std::size_t at = svg.find("</g>"); at != std::string::npos; at = svg.find("</g>", at + 1))
        ++closed;
    EXPECT_EQ(opened, 2u);
    EXPECT_EQ(closed, 2u);
}

TEST(FontMetrics, DecodesUtf8AndReplacesMalformedBytes) {
    EXPECT_EQ(DecodeUtf8("a\u2212\u03b1"), (std::vector<char32_t>{U'a', U'\u2212', U'\u03b1'}));
    EXPECT_EQ(DecodeUtf8(std::string("\xe2\x88")), (std::vector<char32_t>{U'\uFFFD', U'\uFFFD'}));
}

// The SVG's layout is computed from these widths; the PNG draws with ImGui's DejaVu atlas. They must
// agree to within ImGui's whole-pixel snapping of each advance.
TEST(FontMetrics, WidthsAgreeWithTheImGuiFont) {
    const FontMetrics metrics;
    if (!metrics.Exact()) GTEST_SKIP() << metrics.Warning();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    const ui::FontSet fonts = ui::BuildFonts(io, 2.0f);
    const float size = FigureFontSize(2.0f);
    ASSERT_EQ(size, fonts.body_size);
    for (const char* text : {"0.5", "\u22124", "Leaky ReLU", "f\u2032(x)", "max f\u2032 = 0.25 at x = 0"}) {
        const ImVec2 imgui = fonts.body->CalcTextSizeA(size, 1e9f, 0.0f, text);
        const Vec2 ours = metrics.Measure(text, size);
        const float glyphs = static_cast<float>(DecodeUtf8(text).size());
        EXPECT_NEAR(ours.x, imgui.x, 0.5f * glyphs + 1.0f) << text;
        EXPECT_EQ(ours.y, imgui.y) << text;
    }
    ImGui::DestroyContext();
}

} // namespace
} // namespace actlab
