// The GPU heatmap in an offscreen OpenGL context (EGL, surfaceless): its pixels against the CPU
// colour map it must match, its placement and clipping, and the error path of a broken shader.
#include "render/egl_context.h"
#include "render/figure_theme.h"
#include "render/gl_resources.h"
#include "render/heat_color.h"
#include "render/heatmap_painter.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace actlab {
namespace {

constexpr int kWidth = 360, kHeight = 300;

// One context for the whole suite: creating EGL contexts repeatedly is slow on software drivers.
class HeatmapGlTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        std::string error;
        context_ = EglContext::Create(error);
        ASSERT_TRUE(context_.has_value()) << error;
    }
    static void TearDownTestSuite() { context_.reset(); }

    // Paints `values` (n × n) into an otherwise transparent framebuffer and reads it back.
    // A class map's texture holds `maps` n × n maps stacked in its rows.
    std::vector<std::uint8_t> Render(const std::vector<float>& values, int n, const HeatmapPaint& paint,
                                     int maps = 1) {
        std::string error;
        std::optional<Framebuffer> framebuffer = Framebuffer::Create(kWidth, kHeight, 0, error);
        EXPECT_TRUE(framebuffer.has_value()) << error;
        if (!framebuffer) return {};
        std::optional<HeatmapPainter> painter = HeatmapPainter::Create(error);
        EXPECT_TRUE(painter.has_value()) << error;
        if (!painter) return {};
        Texture texture = Texture::CreateR32F(n, n * maps);
        texture.Update(values.data());
        framebuffer->BeginDrawing();
        painter->Paint(texture, paint);
        return framebuffer->ReadRgba();
    }

    static HeatmapPaint Whole(float x0, float y0, float x1, float y1) {
        HeatmapPaint paint;
        paint.x0 = x0;
        paint.y0 = y0;
        paint.x1 = x1;
        paint.y1 = y1;
        paint.clip_x0 = 0;
        paint.clip_y0 = 0;
        paint.clip_x1 = kWidth;
        paint.clip_y1 = kHeight;
        paint.framebuffer_width = kWidth;
        paint.framebuffer_height = kHeight;
        return paint;
    }

    static Color Pixel(const std::vector<std::uint8_t>& rgba, int x, int y) {
        const std::size_t i = (static_cast<std::size_t>(y) * kWidth + static_cast<std::size_t>(x)) * 4;
        return {rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]};
    }

    static inline std::optional<EglContext> context_;
};

// Each channel within ±2 of the CPU colour (rounding differs between the two).
::testing::AssertionResult Near(Color got, Color want) {
    const auto off = [](std::uint8_t a, std::uint8_t b) { return std::abs(int{a} - int{b}) > 2; };
    if (off(got.r, want.r) || off(got.g, want.g) || off(got.b, want.b) || off(got.a, want.a)) {
        return ::testing::AssertionFailure()
               << "got (" << int{got.r} << ", " << int{got.g} << ", " << int{got.b} << ", " << int{got.a}
               << "), want (" << int{want.r} << ", " << int{want.g} << ", " << int{want.b} << ", "
               << int{want.a} << ")";
    }
    return ::testing::AssertionSuccess();
}

// Values across the whole map: beyond ±1 (clamped), zero, both signs, and NaN and ∞ (grey).
std::vector<float> KnownGrid(int n) {
    std::vector<float> values(static_cast<std::size_t>(n * n));
    for (int i = 0; i < n * n; ++i)
        values[static_cast<std::size_t>(i)] =
            -1.6f + 3.2f * static_cast<float>(i) / static_cast<float>(n * n - 1);
    values[5] = 0.0f;
    values[9] = std::numeric_limits<float>::quiet_NaN();
    values[10] = std::numeric_limits<float>::infinity();
    return values;
}

TEST_F(HeatmapGlTest, FlatCellsMatchTheCpuColourMapInEveryTheme) {
    constexpr int n = 8;
    const std::vector<float> values = KnownGrid(n);
    for (const Theme theme : {Theme::Dark, Theme::Light, Theme::Projector}) {
        for (const bool greyed : {false, true}) {
            SCOPED_TRACE(std::string(greyed ? "greyed, " : "") + "theme " +
                         std::to_string(static_cast<int>(theme)));
            HeatmapPaint paint = Whole(20, 10, 300, 290); // 40 px between cell centres
            paint.colors = FigureThemeFor(theme).network;
            paint.greyed = greyed;
            paint.smooth = false;
            const std::vector<std::uint8_t> rgba = Render(values, n, paint);
            ASSERT_EQ(rgba.size(), std::size_t{kWidth * kHeight * 4});
            for (int r = 0; r < n; ++r) {
                for (int c = 0; c < n; ++c) {
                    // The quad's edges sit on the outer cell centres: centre c at x0 + c·(x1 − x0)/(n − 1).
                    const int x = std::min(20 + c * 40, 299), y = std::min(10 + r * 40, 289);
                    const float v = values[static_cast<std::size_t>(r * n + c)];
                    EXPECT_TRUE(Near(Pixel(rgba, x, y), HeatColor(paint.colors, v, greyed)))
                        << "cell " << r << ", " << c;
                }
            }
            // Outside the quad nothing is drawn.
            EXPECT_EQ(Pixel(rgba, 10, 150).a, 0);
            EXPECT_EQ(Pixel(rgba, 320, 150).a, 0);
            EXPECT_EQ(Pixel(rgba, 150, 5).a, 0);
            EXPECT_EQ(Pixel(rgba, 150, 295).a, 0);
        }
    }
}

TEST_F(HeatmapGlTest, ValueScaleCentresASigmoidOutput) {
    // A sigmoid output v ∈ (0, 1) is shown as 2v − 1: 0.5 is neutral, 1 the positive colour.
    constexpr int n = 4;
    std::vector<float> values(n * n, 0.5f);
    values[0] = 1.0f;
    values[15] = 0.0f;
    HeatmapPaint paint = Whole(0, 0, 300, 300);
    paint.colors = FigureThemeFor(Theme::Light).network;
    paint.smooth = false;
    paint.value_scale = 2.0f;
    paint.value_offset = -1.0f;
    const std::vector<std::uint8_t> rgba = Render(values, n, paint);
    ASSERT_FALSE(rgba.empty());
    EXPECT_TRUE(Near(Pixel(rgba, 1, 1), paint.colors.positive));
    EXPECT_TRUE(Near(Pixel(rgba, 150, 150), paint.colors.neutral));
    EXPECT_TRUE(Near(Pixel(rgba, 298, 298), paint.colors.negative));
}

TEST_F(HeatmapGlTest, SmoothMapsInterpolateValuesNotColours) {
    // Two columns, −1 and +1: halfway the value is 0, so the colour is the neutral one (mixing the
    // two end colours would give a muddy blend of them instead).
    constexpr int n = 2;
    const std::vector<float> values = {-1.0f, 1.0f, -1.0f, 1.0f};
    HeatmapPaint paint = Whole(0, 0, 301, 100);
    paint.colors = FigureThemeFor(Theme::Dark).network;
    paint.smooth = true;
    const std::vector<std::uint8_t> rgba = Render(values, n, paint);
    ASSERT_FALSE(rgba.empty());
    EXPECT_TRUE(Near(Pixel(rgba, 150, 50), paint.colors.neutral));
    EXPECT_TRUE(Near(Pixel(rgba, 0, 50), paint.colors.negative));
    EXPECT_TRUE(Near(Pixel(rgba, 300, 50), paint.colors.positive));
    // A quarter of the way the value is −½: the CPU map of −½, not of a colour blend.
    EXPECT_TRUE(Near(Pixel(rgba, 75, 50), HeatColor(paint.colors, -0.5f)));
}

TEST_F(HeatmapGlTest, RowZeroIsAtTheTopAndTheClipRectangleIsHonoured) {
    constexpr int n = 2;
    const std::vector<float> values = {1.0f, 1.0f, -1.0f, -1.0f};
    HeatmapPaint paint = Whole(0, 0, 200, 200);
    paint.colors = FigureThemeFor(Theme::Dark).network;
    paint.smooth = false;
    paint.clip_x1 = 100; // only the left half
    const std::vector<std::uint8_t> rgba = Render(values, n, paint);
    ASSERT_FALSE(rgba.empty());
    EXPECT_TRUE(Near(Pixel(rgba, 50, 20), paint.colors.positive));
    EXPECT_TRUE(Near(Pixel(rgba, 50, 180), paint.colors.negative));
    EXPECT_EQ(Pixel(rgba, 150, 20).a, 0);
    EXPECT_EQ(Pixel(rgba, 150, 180).a, 0);
}

TEST_F(HeatmapGlTest, TextureUpdatesReplaceTheValues) {
    constexpr int n = 2;
    std::string error;
    std::optional<Framebuffer> framebuffer = Framebuffer::Create(kWidth, kHeight, 0, error);
    ASSERT_TRUE(framebuffer.has_value()) << error;
    std::optional<HeatmapPainter> painter = HeatmapPainter::Create(error);
    ASSERT_TRUE(painter.has_value()) << error;
    HeatmapPaint paint = Whole(0, 0, 100, 100);
    paint.colors = FigureThemeFor(Theme::Dark).network;
    Texture texture = Texture::CreateR32F(n, n);
    texture.Update(std::vector<float>(4, 1.0f).data());
    framebuffer->BeginDrawing();
    painter->Paint(texture, paint);
    EXPECT_TRUE(Near(Pixel(framebuffer->ReadRgba(), 50, 50), paint.colors.positive));
    texture.Update(std::vector<float>(4, -1.0f).data());
    framebuffer->BeginDrawing();
    painter->Paint(texture, paint);
    EXPECT_TRUE(Near(Pixel(framebuffer->ReadRgba(), 50, 50), paint.colors.negative));
}

// Three probability maps (a softmax output over the plane): each cell in its most likely class's
// colour with the probability as intensity, as ClassMapColor on the CPU; the maps do not bleed into
// each other at their shared rows, smooth or flat.
TEST_F(HeatmapGlTest, AClassMapColoursEachCellByItsMostLikelyClassLikeTheCpu) {
    constexpr int n = 6, classes = 3;
    std::vector<float> values(static_cast<std::size_t>(n * n * classes));
    for (int r = 0; r < n; ++r) {
        for (int c = 0; c < n; ++c) {
            // Class (r + c) mod 3 wins with a probability rising along the row; the others share the rest.
            const int winner = (r + c) % classes;
            const float p = 0.34f + 0.66f * static_cast<float>(c) / static_cast<float>(n - 1);
            for (int k = 0; k < classes; ++k)
                values[static_cast<std::size_t>((k * n + r) * n + c)] = k == winner ? p : (1.0f - p) / 2.0f;
        }
    }
    for (const Theme theme : {Theme::Dark, Theme::Light, Theme::Projector}) {
        for (const bool smooth : {false, true}) {
            SCOPED_TRACE(std::string(smooth ? "smooth, " : "flat, ") + "theme " +
                         std::to_string(static_cast<int>(theme)));
            const FigureTheme figure = FigureThemeFor(theme);
            HeatmapPaint paint = Whole(20, 10, 270, 260); // 50 px between cell centres
            paint.colors = figure.network;
            paint.smooth = smooth;
            paint.classes = classes;
            for (std::size_t k = 0; k < kMaxClassColors; ++k)
                paint.class_colors[k] = PaletteColor(figure, k);
            paint.probability_floor = 1.0f / static_cast<float>(classes);
            const std::vector<std::uint8_t> rgba = Render(values, n, paint, classes);
            ASSERT_EQ(rgba.size(), std::size_t{kWidth * kHeight * 4});
            for (int r = 0; r < n; ++r) {
                for (int c = 0; c < n; ++c) {
                    const int x = std::min(20 + c * 50, 269), y = std::min(10 + r * 50, 259);
                    const float* at = values.data() + r * n + c;
                    const std::size_t k = MostLikelyClass(at, classes, n * n);
                    ASSERT_EQ(k, static_cast<std::size_t>((r + c) % classes));
                    // Flat cells exactly; smooth ones sample half a pixel off the texel centre, where the
                    // neighbouring cells' probabilities (1/3 against 1) move the colour by a few units.
                    const Color want = ClassMapColor(paint.colors.neutral, paint.class_colors[k],
                                                     at[k * n * n], paint.probability_floor);
                    const Color got = Pixel(rgba, x, y);
                    if (smooth) {
                        EXPECT_LE(std::abs(int{got.r} - int{want.r}) + std::abs(int{got.g} - int{want.g}) +
                                      std::abs(int{got.b} - int{want.b}),
                                  24)
                            << "cell " << r << ", " << c;
                    } else {
                        EXPECT_TRUE(Near(got, want)) << "cell " << r << ", " << c;
                    }
                }
            }
            if (smooth) continue;
            // A certain cell (p = 1, column 5) shows its class's full colour; a tie (p ≈ 1/3) is neutral.
            EXPECT_TRUE(Near(Pixel(rgba, 269, 10), paint.class_colors[(0 + 5) % classes]));
            EXPECT_TRUE(Near(Pixel(rgba, 20, 10), ClassMapColor(paint.colors.neutral, paint.class_colors[0],
                                                                0.34f, paint.probability_floor)));
        }
    }
}

TEST_F(HeatmapGlTest, ABrokenShaderIsAnErrorWithTheDriversLog) {
    const std::string vertex = "#version 330 core\nvoid main() { gl_Position = vec4(0.0); }\n";
    const std::string fragment = "#version 330 core\nout vec4 c;\nvoid main() { c = undefined_thing; }\n";
    std::string error;
    EXPECT_FALSE(HeatmapPainter::CreateFromSources(vertex, fragment, error).has_value());
    EXPECT_NE(error.find("fragment shader of heatmap does not compile"), std::string::npos) << error;
    EXPECT_NE(error.find("undefined_thing"), std::string::npos) << "the log names the culprit: " << error;

    error.clear();
    EXPECT_FALSE(
        HeatmapPainter::CreateFromSources("#version 330 core\nvoid main() { oops }\n", fragment, error)
            .has_value());
    EXPECT_NE(error.find("vertex shader of heatmap does not compile"), std::string::npos) << error;
}

} // namespace
} // namespace actlab
