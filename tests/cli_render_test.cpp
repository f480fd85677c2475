// `actlab render` run as a user would, with no display at all: the PNG's pixels show the curve where
// it belongs, 2× is the same picture with twice the pixels, the SVG is valid XML with vector paths
// and text, output is byte-for-byte repeatable, and bad input or unwritable output fail cleanly.
#include "cli_test_support.h"
#include "png_test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace actlab::test {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& path) {
    std::string content;
    std::ifstream in(path, std::ios::binary);
    char buffer[65536];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) content.append(buffer, static_cast<std::size_t>(in.gcount()));
    return content;
}

// Blue, the light theme's first curve colour.
constexpr int kCurveR = 0, kCurveG = 114, kCurveB = 178;

// No display of any kind: the PNG path must not need X11 or Wayland.
const std::vector<std::string> kNoDisplay{"DISPLAY", "WAYLAND_DISPLAY"};

class RenderTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("actlab-render-" + std::to_string(::getpid()) + "-" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    CommandResult Render(const std::vector<std::string>& args) {
        std::vector<std::string> command{std::string("render")};
        command.insert(command.end(), args.begin(), args.end());
        return RunActlab(command, kNoDisplay);
    }

    fs::path dir_;
};

// Per column, the mean row of the curve-coloured pixels.
std::vector<std::pair<int, double>> CurveCentres(const Image& image) {
    std::vector<std::pair<int, double>> centres;
    for (int x = 0; x < image.width; ++x) {
        double sum = 0;
        int count = 0;
        for (int y = 0; y < image.height; ++y) {
            if (Near(image.At(x, y), kCurveR, kCurveG, kCurveB, 30)) {
                sum += y;
                ++count;
            }
        }
        if (count > 0) centres.emplace_back(x, sum / count);
    }
    return centres;
}

TEST_F(RenderTest, ReluPngWithoutDisplayIsFlatLeftOfTheOriginAndDiagonalRight) {
    const fs::path out = dir_ / "relu.png";
    const CommandResult run = Render({"relu", "--range", "-4:4", "--yrange", "-1:4", "--size", "900x600",
                                      "--no-overlays", "--out", out.string()});
    ASSERT_EQ(run.exit_status, 0) << run.err;
    EXPECT_EQ(run.out, "");
    const Image image = LoadPng(out);
    ASSERT_EQ(image.width, 900);
    ASSERT_EQ(image.height, 600);
    // The light theme: a white figure.
    EXPECT_TRUE(Near(image.At(2, 2), 255, 255, 255, 0));

    const auto centres = CurveCentres(image);
    ASSERT_GT(centres.size(), 600u) << "the curve should span most of the figure's width";
    const double flat_y = centres.front().second;
    std::size_t kink = 0;
    while (kink + 1 < centres.size() && std::abs(centres[kink + 1].second - flat_y) < 2.0) ++kink;
    // The data area, found by its frame: scanning inwards from the image's edges along a row and a
    // column chosen to pass between tick labels, the first pixel that is not white.
    const auto is_ink = [&](int x, int y) { return image.At(x, y)[1] < 235; };
    const int row = image.height * 45 / 100;
    int left = 0, right = image.width - 1;
    while (left < image.width / 2 && !is_ink(left, row)) ++left;
    while (right > image.width / 2 && !is_ink(right, row)) --right;
    const int column = left + (right - left) / 16;  // x = −3.5
    int top = 0, bottom = image.height - 1;
    while (top < image.height / 2 && !is_ink(column, top)) ++top;
    while (bottom > image.height / 2 && !is_ink(column, bottom)) --bottom;
    ASSERT_GT(right - left, 600) << "data area not found";
    ASSERT_GT(bottom - top, 350) << "data area not found";
    // x from −4 to 4: the kink at x = 0 lies halfway across; y from −1 to 4: the flat part (y = 0) a
    // fifth of the way up, and the right end (4, 4) at the top.
    EXPECT_NEAR(centres[kink].first, (left + right) / 2.0, 4.0) << "the kink is at x = 0";
    EXPECT_NEAR(flat_y, bottom - (bottom - top) / 5.0, 3.0) << "the flat part is at y = 0";
    EXPECT_NEAR(centres.back().second, top, 4.0) << "ReLU(4) = 4 at the top";
    EXPECT_NEAR(centres.back().first, right, 4.0);
    for (std::size_t i = 0; i <= kink; ++i) EXPECT_NEAR(centres[i].second, flat_y, 1.5) << "column " << centres[i].first;
    std::vector<std::pair<int, double>> rising(centres.begin() + static_cast<std::ptrdiff_t>(kink) + 3, centres.end());
    double mx = 0, my = 0;
    for (auto [x, y] : rising) mx += x, my += y;
    mx /= static_cast<double>(rising.size());
    my /= static_cast<double>(rising.size());
    double sxy = 0, sxx = 0;
    for (auto [x, y] : rising) sxy += (x - mx) * (y - my), sxx += (x - mx) * (x - mx);
    const double slope = sxy / sxx;
    EXPECT_LT(slope, -0.2) << "the right part rises";
    for (auto [x, y] : rising) EXPECT_NEAR(y, my + slope * (x - mx), 2.0) << "column " << x << " is off the diagonal";
}

// The mean absolute difference per channel between `small` and `large` shrunk by 2 (box filter).
double DifferenceAtHalf(const Image& small, const Image& large) {
    double total = 0;
    for (int y = 0; y < small.height; ++y) {
        for (int x = 0; x < small.width; ++x) {
            for (int c = 0; c < 3; ++c) {
                const int sum = large.At(2 * x, 2 * y)[c] + large.At(2 * x + 1, 2 * y)[c] +
                                large.At(2 * x, 2 * y + 1)[c] + large.At(2 * x + 1, 2 * y + 1)[c];
                total += std::abs(sum / 4.0 - small.At(x, y)[c]);
            }
        }
    }
    return total / (static_cast<double>(small.width) * small.height * 3);
}

double Difference(const Image& a, const Image& b) {
    double total = 0;
    for (std::size_t i = 0; i < a.rgba.size(); ++i) total += i % 4 == 3 ? 0 : std::abs(a.rgba[i] - b.rgba[i]);
    return total / (static_cast<double>(a.width) * a.height * 3);
}

TEST_F(RenderTest, DoubleScaleHasTwiceThePixelsAndTheSamePicture) {
    const std::vector<std::string> common{"tanh", "--with", "sigmoid", "--derivative", "--size", "640x480"};
    auto args = common;
    args.insert(args.end(), {"--out", (dir_ / "x1.png").string()});
    ASSERT_EQ(Render(args).exit_status, 0);
    args = common;
    args.insert(args.end(), {"--scale", "2", "--out", (dir_ / "x2.png").string()});
    ASSERT_EQ(Render(args).exit_status, 0);
    ASSERT_EQ(Render({"relu", "--size", "640x480", "--out", (dir_ / "other.png").string()}).exit_status, 0);
    const Image x1 = LoadPng(dir_ / "x1.png"), x2 = LoadPng(dir_ / "x2.png"), other = LoadPng(dir_ / "other.png");
    ASSERT_EQ(x1.width, 640);
    ASSERT_EQ(x1.height, 480);
    ASSERT_EQ(x2.width, 1280);
    ASSERT_EQ(x2.height, 960);
    // Text is rasterised at its own size, so the pictures differ a little at glyph edges; a
    // different figure differs far more.
    const double same = DifferenceAtHalf(x1, x2);
    const double different = Difference(x1, other);
    EXPECT_LT(same, 2.5);
    EXPECT_LT(same * 4, different) << "same " << same << ", different figure " << different;
}

TEST_F(RenderTest, SvgIsValidXmlWithPathsTicksAndLegend) {
    const fs::path out = dir_ / "relu.svg";
    const CommandResult run = Render({"relu", "--with", "leaky_relu", "--param", "leaky_relu.slope=0.2",
                                      "--derivative", "--range", "-4:4", "--out", out.string()});
    ASSERT_EQ(run.exit_status, 0) << run.err;
    ASSERT_TRUE(fs::exists(out));
    const std::string command = "xmllint --noout '" + out.string() + "' 2>&1";
    EXPECT_EQ(std::system(command.c_str()), 0) << "xmllint rejects " << out;
    const std::string svg = ReadFile(out);
    EXPECT_EQ(svg.rfind("<?xml", 0), 0u);
    EXPECT_NE(svg.find("<path d=\"M"), std::string::npos);
    EXPECT_NE(svg.find("<clipPath"), std::string::npos);
    EXPECT_NE(svg.find("font-family=\"DejaVu Sans"), std::string::npos);
    // Tick labels of x (−4 … 4, with a real minus sign), titles and the legend as SVG text.
    for (const char* text : {">\u22124</text>", ">\u22122</text>", ">0</text>", ">2</text>", ">4</text>",
                             ">f(x)</text>", ">f\u2032(x)</text>", ">ReLU</text>", ">Leaky ReLU</text>"}) {
        EXPECT_NE(svg.find(text), std::string::npos) << text;
    }
    // Jumps of f′: open and closed circles.
    EXPECT_NE(svg.find("<circle"), std::string::npos);
    EXPECT_EQ(svg.find("nan"), std::string::npos);

    // Sigmoid's asymptotes are dashed lines.
    const fs::path sigmoid = dir_ / "sigmoid.svg";
    ASSERT_EQ(Render({"sigmoid", "--out", sigmoid.string()}).exit_status, 0);
    EXPECT_NE(ReadFile(sigmoid).find("stroke-dasharray"), std::string::npos) << "no dashed asymptote";
}

TEST_F(RenderTest, SameCommandGivesTheSameBytes) {
    for (const char* name : {"a.png", "b.png", "a.svg", "b.svg"}) {
        const CommandResult run = Render({"elu", "--with", "gelu", "--derivative", "--theme", "dark", "--size", "500x400",
                                          "--out", (dir_ / name).string()});
        ASSERT_EQ(run.exit_status, 0) << run.err;
    }
    const std::string a_png = ReadFile(dir_ / "a.png"), a_svg = ReadFile(dir_ / "a.svg");
    EXPECT_GT(a_png.size(), 1000u);
    EXPECT_GT(a_svg.size(), 1000u);
    EXPECT_TRUE(a_png == ReadFile(dir_ / "b.png")) << "PNG differs between runs";
    EXPECT_TRUE(a_svg == ReadFile(dir_ / "b.svg")) << "SVG differs between runs";
}

TEST_F(RenderTest, TransparentThemeKeepsAlpha) {
    const fs::path out = dir_ / "t.png";
    ASSERT_EQ(Render({"relu", "--range", "-4:4", "--no-overlays", "--theme", "transparent", "--size", "600x400",
                      "--out", out.string()}).exit_status, 0);
    const Image image = LoadPng(out);
    ASSERT_EQ(image.width, 600);
    EXPECT_EQ(image.At(1, 1)[3], 0) << "the corner is transparent";
    // The curve is opaque and keeps its colour: look along the right edge of the data area.
    int opaque_curve = 0, transparent = 0;
    for (std::size_t i = 0; i < image.rgba.size(); i += 4) {
        transparent += image.rgba[i + 3] == 0;
        opaque_curve += image.rgba[i + 3] == 255 && Near(&image.rgba[i], kCurveR, kCurveG, kCurveB, 8);
    }
    EXPECT_GT(opaque_curve, 300);
    EXPECT_GT(transparent, static_cast<int>(image.rgba.size() / 4 / 2)) << "most of the figure shows the slide behind";
}

TEST_F(RenderTest, BadInputIsOneLineAndExitTwoAndNoFile) {
    const std::string out = (dir_ / "x.png").string();
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
        {{"nosuch", "--out", out}, "nosuch"},
        {{"--out", out}, "function"},
        {{"--scene", "lesson.json", "--out", out}, "lesson.json: cannot open"},
        {{"relu", "--range", "3:1", "--out", out}, "--range"},
        {{"relu", "--range", "nan:1", "--out", out}, "--range"},
        {{"relu", "--range", "-1e308:1e308", "--out", out}, "--range"},
        {{"relu", "--yrange", "0:1e-12", "--out", out}, "--yrange"},
        {{"relu", "--size", "10x10", "--out", out}, "--size"},
        {{"relu", "--size", "1200", "--out", out}, "--size"},
        {{"relu", "--size", "8000x8000", "--scale", "2", "--out", out}, "pixels"},
        {{"relu", "--scale", "0", "--out", out}, "--scale"},
        {{"relu", "--scale", "inf", "--out", out}, "--scale"},
        {{"relu", "--theme", "neon", "--out", out}, "--theme"},
        {{"relu", "--out", (dir_ / "x.jpg").string()}, ".png or .svg"},
        {{"relu", "--out", "/dev/full"}, ".png or .svg"},
        {{"relu", "--format", "gif", "--out", out}, "--format"},
        {{"relu", "--param", "bogus=1", "--out", out}, "bogus"},
        {{"relu", "--with", "elu", "--param", "gelu.alpha=1", "--out", out}, "gelu"},
        {{"relu", "--with", "relu", "--out", out}, "twice"},
        {{"relu", "--kink", "sideways", "--out", out}, "sideways"},
        {{"relu"}, "--out"},
    };
    for (const auto& [args, mentions] : cases) {
        const CommandResult run = Render(args);
        EXPECT_EQ(run.exit_status, 2) << args.front() << " … " << args.back() << ": " << run.err;
        EXPECT_EQ(run.out, "");
        EXPECT_EQ(SplitLines(run.err).size(), 1u) << run.err;
        EXPECT_NE(run.err.find(mentions), std::string::npos) << run.err;
    }
    EXPECT_TRUE(fs::is_empty(dir_)) << "nothing written on bad input";
}

TEST_F(RenderTest, UnwritableOutputIsExitOneAndLeavesNothing) {
    fs::create_directories(dir_ / "a-directory.png");
    for (const std::string& out : {std::string("/nonexistent/x.png"), std::string("/nonexistent/x.svg"),
                                   std::string("/dev/full"), (dir_ / "a-directory.png").string()}) {
        for (const char* extension_hint : {"", ".svg"}) {
            // /dev/full has no extension of its own: as an SVG it is named through a symbolic link.
            std::string target = out;
            if (out == "/dev/full") {
                target = (dir_ / (std::string("full") + (*extension_hint ? ".svg" : ".png"))).string();
                fs::remove(target);
                fs::create_symlink("/dev/full", target);
            } else if (*extension_hint) {
                continue;
            }
            const CommandResult run = Render({"relu", "--size", "300x200", "--out", target});
            EXPECT_EQ(run.exit_status, 1) << target << ": " << run.err;
            EXPECT_EQ(run.out, "");
            EXPECT_EQ(SplitLines(run.err).size(), 1u) << run.err;
            EXPECT_NE(run.err.find("cannot write"), std::string::npos) << run.err;
        }
    }
    // A device named without an extension, the format given.
    for (const char* format : {"png", "svg"}) {
        const CommandResult run = Render({"relu", "--size", "300x200", "--format", format, "--out", "/dev/full"});
        EXPECT_EQ(run.exit_status, 1) << format << ": " << run.err;
        EXPECT_EQ(SplitLines(run.err).size(), 1u) << run.err;
        EXPECT_NE(run.err.find("/dev/full: cannot write (No space left on device)"), std::string::npos) << run.err;
    }
    EXPECT_FALSE(fs::exists("/nonexistent"));
    // Only what the test made: the directory and the two links; no temporary files left behind.
    std::vector<std::string> left;
    for (const auto& entry : fs::directory_iterator(dir_)) left.push_back(entry.path().filename().string());
    std::sort(left.begin(), left.end());
    EXPECT_EQ(left, (std::vector<std::string>{"a-directory.png", "full.png", "full.svg"}));
    EXPECT_TRUE(fs::is_character_file("/dev/full"));
}

}  // namespace
}  // namespace actlab::test

// The projector theme (the window's high-contrast one, also offered by the app's export) is a
// render theme too: a pure white background.
namespace actlab::test {
namespace {

TEST_F(RenderTest, ProjectorThemeHasAWhiteBackground) {
    const CommandResult run = Render({"relu", "--size", "320x200", "--theme", "projector", "--out", (dir_ / "p.png").string()});
    ASSERT_EQ(run.exit_status, 0) << run.err;
    const Image image = LoadPng(dir_ / "p.png");
    ASSERT_EQ(image.width, 320);
    EXPECT_TRUE(Near(image.At(2, 2), 255, 255, 255, 0));
}

}  // namespace
}  // namespace actlab::test
