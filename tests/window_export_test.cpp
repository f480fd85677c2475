// Export from the real window (--export, the dialog's code path): plots re-rendered offscreen at N×,
// SVG and CSV of the plot, the network panel, and failures that end with a message, not a crash.
#include "cli_test_support.h"
#include "png_test_support.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace actlab::test {
namespace {

namespace fs = std::filesystem;

class WindowExportTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("actlab-export-" + std::to_string(::getpid()) + "-" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_ / "actlab");
    }
    void TearDown() override { fs::remove_all(dir_); }

    CommandResult Run(std::vector<std::string> args) {
        return RunActlab(args, {"XDG_CONFIG_HOME=" + dir_.string()});
    }

    fs::path dir_;
};

// The light theme's first curve colour.
constexpr int kCurveR = 0, kCurveG = 114, kCurveB = 178;

// Per column, the centre row of the curve-coloured pixels in the top `rows` rows (−1: none).
std::vector<double> CurveCentres(const Image& image, int tolerance) {
    std::vector<double> centres(static_cast<std::size_t>(image.width), -1.0);
    for (int x = 0; x < image.width; ++x) {
        double sum = 0;
        int count = 0;
        for (int y = 0; y < image.height; ++y) {
            if (Near(image.At(x, y), kCurveR, kCurveG, kCurveB, tolerance)) sum += y, ++count;
        }
        if (count > 0) centres[static_cast<std::size_t>(x)] = sum / count;
    }
    return centres;
}

TEST_F(WindowExportTest, PlotAtTwiceTheScaleHasTwiceThePixelsAndTheSamePicture) {
    // No legend, asymptotes or shading: only the curve has the curve's colour.
    std::ofstream(dir_ / "actlab" / "settings.json") << R"({"format": "actlab-settings", "version": 1,
      "plots": {"overlays": {"legend": false, "asymptotes": false, "dead_zone": false, "derivative_maximum": false}}})";
    const std::vector<std::string> common{"--size",  "1000x700", "--select",       "relu",
                                          "--theme", "dark",     "--export-theme", "light"};
    auto one = common, two = common;
    one.insert(one.end(), {"--export", "f=" + (dir_ / "f1.png").string(), "--export-scale", "1"});
    two.insert(two.end(), {"--export", "f=" + (dir_ / "f2.png").string(), "--export-scale", "2"});
    CommandResult run = Run(one);
    ASSERT_EQ(run.exit_status, 0) << run.err;
    run = Run(two);
    ASSERT_EQ(run.exit_status, 0) << run.err;
    const Image small = LoadPng(dir_ / "f1.png");
    const Image large = LoadPng(dir_ / "f2.png");
    ASSERT_EQ(small.width, 1200);
    ASSERT_EQ(small.height, 750);
    ASSERT_EQ(large.width, 2 * small.width);
    ASSERT_EQ(large.height, 2 * small.height);

    // The 2× picture averaged over 2×2 blocks is the 1× picture, up to anti-aliasing and glyph hinting.
    double total_difference = 0;
    long far_off = 0;
    for (int y = 0; y < small.height; ++y) {
        for (int x = 0; x < small.width; ++x) {
            for (int c = 0; c < 3; ++c) {
                const int sum = large.At(2 * x, 2 * y)[c] + large.At(2 * x + 1, 2 * y)[c] +
                                large.At(2 * x, 2 * y + 1)[c] + large.At(2 * x + 1, 2 * y + 1)[c];
                const int difference = std::abs(sum / 4 - small.At(x, y)[c]);
                total_difference += difference;
                far_off += difference > 96;
            }
        }
    }
    const double pixels = static_cast<double>(small.width) * small.height;
    EXPECT_LT(total_difference / (pixels * 3), 4.0) << "mean difference per channel";
    EXPECT_LT(static_cast<double>(far_off) / (pixels * 3), 0.01) << "share of very different channels";

    // The curve lies where it belongs: in every column where both show it, at the same height.
    const std::vector<double> small_curve = CurveCentres(small, 40);
    const std::vector<double> large_curve = CurveCentres(large, 40);
    int compared = 0;
    for (int x = 0; x < small.width; ++x) {
        const double a = small_curve[static_cast<std::size_t>(x)];
        const double b = large_curve[static_cast<std::size_t>(2 * x)];
        if (a < 0 || b < 0) continue;
        EXPECT_NEAR(b / 2, a, 2.0) << "column " << x;
        ++compared;
    }
    EXPECT_GT(compared, 800) << "the ReLU curve spans most of the plot";
    // ReLU: flat on the left, rising on the right (pixel rows decrease).
    EXPECT_NEAR(small_curve[300], small_curve[350], 1.5);
    EXPECT_LT(small_curve[1100], small_curve[800] - 50);
}

TEST_F(WindowExportTest, SvgIsValidXmlAndCsvHasTheShownCurves) {
    const CommandResult run =
        Run({"--size", "1000x700", "--select", "relu,elu", "--param", "elu.alpha=2", "--export",
             "f=" + (dir_ / "f.svg").string(), "--export", "df=" + (dir_ / "df.svg").string(), "--export",
             "f=" + (dir_ / "f.csv").string()});
    ASSERT_EQ(run.exit_status, 0) << run.err;
    for (const char* name : {"f.svg", "df.svg"}) {
        const std::string command = "xmllint --noout '" + (dir_ / name).string() + "'";
        EXPECT_EQ(std::system(command.c_str()), 0) << name;
    }
    std::ifstream svg(dir_ / "f.svg");
    std::stringstream svg_text;
    svg_text << svg.rdbuf();
    EXPECT_NE(svg_text.str().find("<path"), std::string::npos);
    EXPECT_NE(svg_text.str().find("<text"), std::string::npos);
    EXPECT_NE(svg_text.str().find("ReLU"), std::string::npos) << "the legend names the curves";

    std::ifstream csv(dir_ / "f.csv");
    std::string header, row;
    std::getline(csv, header);
    EXPECT_EQ(header, "x,relu,relu_prime,elu,elu_prime");
    int rows = 0;
    while (std::getline(csv, row))
        ++rows;
    EXPECT_GE(rows, 1001);
}

TEST_F(WindowExportTest, UnwritablePathIsAMessageAndExitOneNotACrash) {
    std::ofstream(dir_ / "a-file") << "x";
    const CommandResult run =
        Run({"--size", "800x600", "--export", "f=" + (dir_ / "a-file" / "f.png").string()});
    EXPECT_EQ(run.exit_status, 1);
    EXPECT_NE(run.err.find("cannot create the folder"), std::string::npos) << run.err;
    const CommandResult directory =
        Run({"--size", "800x600", "--export", "f=" + (dir_ / "a-dir.png").string() + "/"});
    EXPECT_EQ(directory.exit_status, 2) << directory.err;
    fs::create_directories(dir_ / "taken.png");
    const CommandResult taken = Run({"--size", "800x600", "--export", "f=" + (dir_ / "taken.png").string()});
    EXPECT_EQ(taken.exit_status, 1);
    EXPECT_NE(taken.err.find("it is a directory"), std::string::npos) << taken.err;
    const CommandResult bad = Run({"--size", "800x600", "--export", "window=" + (dir_ / "w.svg").string()});
    EXPECT_EQ(bad.exit_status, 2);
    EXPECT_NE(bad.err.find("PNG only"), std::string::npos) << bad.err;
}

TEST_F(WindowExportTest, WindowAndNetworkPanelAtTwiceTheScale) {
    const CommandResult run =
        Run({"--size", "1200x800", "--theme", "dark", "--export-scale", "2", "--export-theme", "shown",
             "--export", "window=" + (dir_ / "w.png").string(), "--export",
             "network=" + (dir_ / "n.png").string()});
    ASSERT_EQ(run.exit_status, 0) << run.err;
    const Image window = LoadPng(dir_ / "w.png");
    EXPECT_EQ(window.width, 2400);
    EXPECT_EQ(window.height, 1600);
    const Image network = LoadPng(dir_ / "n.png");
    ASSERT_GT(network.width, 400) << "the panel, at 2×";
    EXPECT_LT(network.width, 2400) << "cropped to the panel";
    EXPECT_LT(network.height, 1600);
    long blue = 0;
    for (int y = 0; y < network.height; ++y) {
        for (int x = 0; x < network.width; ++x)
            blue += Near(network.At(x, y), 86, 180, 233, 20);
    }
    EXPECT_GT(blue, 2000) << "the decision surface of the network is in the picture";
}

} // namespace
} // namespace actlab::test
