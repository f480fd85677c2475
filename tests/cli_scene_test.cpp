// Scenes on the command line: `actlab render --scene` draws the scene's plot (PNG pixels and valid
// SVG), flags override the scene, and a scene that cannot be loaded ends with one line naming the
// position and exit status 2 — for `render` and for the window, which then never opens.
#include "cli_test_support.h"
#include "png_test_support.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace actlab::test {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kNoDisplay{"DISPLAY", "WAYLAND_DISPLAY"};

// ReLU from −4 to 4 and −1 to 4 in the light theme, f alone, no overlays.
constexpr const char* kReluScene = R"({
  "format": "actlab-scene",
  "version": 1,
  "display": {"theme": "light"},
  "plots": {
    "selected": ["relu"],
    "show_derivative": false,
    "view": {"x_min": -4, "x_max": 4, "y_min": -1, "y_max": 4, "dy_min": -0.5, "dy_max": 1.5},
    "overlays": {"asymptotes": false, "dead_zone": false, "derivative_maximum": false, "legend": false}
  }
}
)";

class SceneCliTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("actlab-scene-cli-" + std::to_string(::getpid()) + "-" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }
    fs::path Write(const std::string& name, const std::string& text) {
        std::ofstream(dir_ / name, std::ios::binary) << text;
        return dir_ / name;
    }
    fs::path dir_;
};

TEST_F(SceneCliTest, RenderSceneDrawsItsCurveWhereTheViewPutsIt) {
    const fs::path scene = Write("relu.json", kReluScene);
    const fs::path out = dir_ / "relu.png";
    const CommandResult run = RunActlab(
        {"render", "--scene", scene.string(), "--size", "900x600", "--out", out.string()}, kNoDisplay);
    ASSERT_EQ(run.exit_status, 0) << run.err;
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(run.err, "");
    const Image image = LoadPng(out);
    ASSERT_EQ(image.width, 900);
    EXPECT_TRUE(Near(image.At(2, 2), 255, 255, 255, 0)) << "the scene's light theme";
    // Per column, the mean row of the curve's blue pixels.
    std::vector<std::pair<int, double>> centres;
    for (int x = 0; x < image.width; ++x) {
        double sum = 0;
        int count = 0;
        for (int y = 0; y < image.height; ++y) {
            if (Near(image.At(x, y), 0, 114, 178, 30)) sum += y, ++count;
        }
        if (count > 0) centres.emplace_back(x, sum / count);
    }
    ASSERT_GT(centres.size(), 600u);
    // The view spans the data area: the curve's first and last columns are x = −4 and 4, so the
    // kink (x = 0) is halfway; left of it flat, right of it rising to the top at x = 4.
    const double left = centres.front().first, right = centres.back().first;
    const double flat_y = centres.front().second;
    for (const auto& [x, y] : centres) {
        if (x < left + (right - left) * 0.48) {
            EXPECT_NEAR(y, flat_y, 1.5) << "column " << x;
        }
        if (x > left + (right - left) * 0.52) {
            EXPECT_LT(y, flat_y - 5.0) << "column " << x;
        }
    }
    // y = 0 sits a fifth of the way up from y = −1 to 4, so the top (y = 4) is 4/5·h above it and
    // ReLU(4) = 4 reaches it: rise / (x from 0 to 4) = 4 units over a half width.
    const double rise = flat_y - centres.back().second;
    EXPECT_GT(rise, 300.0);

    // --theme overrides the scene.
    const fs::path dark = dir_ / "dark.png";
    ASSERT_EQ(RunActlab({"render", "--scene", scene.string(), "--theme", "dark", "--size", "300x200", "--out",
                         dark.string()},
                        kNoDisplay)
                  .exit_status,
              0);
    const Image dark_image = LoadPng(dark);
    ASSERT_GT(dark_image.width, 0);
    EXPECT_LT(dark_image.At(2, 2)[0], 80) << "a dark background";
}

TEST_F(SceneCliTest, RenderSceneSvgIsValidXml) {
    const fs::path out = dir_ / "scene.svg";
    const CommandResult run =
        RunActlab({"render", "--scene", "preset:leaky-relu-vs-relu", "--out", out.string()}, kNoDisplay);
    ASSERT_EQ(run.exit_status, 0) << run.err;
    std::ifstream in(out);
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string svg = buffer.str();
    EXPECT_NE(svg.find("Leaky ReLU"), std::string::npos) << "both functions of the scene, in the legend";
    EXPECT_NE(svg.find("ReLU\u2032"), std::string::npos) << "the scene shows f\u2032";
    const std::string command = "xmllint --noout '" + out.string() + "' 2>/dev/null";
    EXPECT_EQ(std::system(command.c_str()), 0) << "xmllint rejects the SVG";
}

TEST_F(SceneCliTest, ABadSceneIsOneLineWithItsPositionAndStatus2) {
    const fs::path bad =
        Write("bad.json", "{\n  \"format\": \"actlab-scene\",\n  \"version\": 1,\n  \"plots\": [\n");
    const fs::path out = dir_ / "x.png";
    const CommandResult render =
        RunActlab({"render", "--scene", bad.string(), "--out", out.string()}, kNoDisplay);
    EXPECT_EQ(render.exit_status, 2);
    EXPECT_EQ(render.out, "");
    ASSERT_EQ(SplitLines(render.err).size(), 1u) << render.err;
    EXPECT_NE(render.err.find("bad.json:5:1: syntax error"), std::string::npos) << render.err;
    EXPECT_FALSE(fs::exists(out));

    const fs::path newer = Write("newer.json", R"({"format": "actlab-scene", "version": 7})");
    const CommandResult refused =
        RunActlab({"render", "--scene", newer.string(), "--out", out.string()}, kNoDisplay);
    EXPECT_EQ(refused.exit_status, 2);
    EXPECT_NE(refused.err.find("written by a newer ActLab (version 7)"), std::string::npos) << refused.err;

    const CommandResult both =
        RunActlab({"render", "relu", "--scene", bad.string(), "--out", out.string()}, kNoDisplay);
    EXPECT_EQ(both.exit_status, 2);
    const CommandResult preset =
        RunActlab({"render", "--scene", "preset:nope", "--out", out.string()}, kNoDisplay);
    EXPECT_EQ(preset.exit_status, 2);
    EXPECT_NE(preset.err.find("relu-basics"), std::string::npos) << "lists the presets: " << preset.err;
}

// Exit status 2, not 1 (no display): the scene is refused before any window is attempted.
TEST_F(SceneCliTest, TheWindowRefusesABadSceneBeforeOpening) {
    const fs::path bad = Write("bad.json", "[[[");
    const CommandResult run = RunActlab({"--scene", bad.string()},
                                        {"DISPLAY", "WAYLAND_DISPLAY", "XDG_CONFIG_HOME=" + dir_.string()});
    EXPECT_EQ(run.exit_status, 2);
    EXPECT_EQ(run.out, "");
    ASSERT_EQ(SplitLines(run.err).size(), 1u) << run.err;
    EXPECT_NE(run.err.find("bad.json:1:"), std::string::npos) << run.err;
    EXPECT_FALSE(fs::exists(dir_ / "actlab" / "session.json")) << "nothing ran, nothing saved";
    const CommandResult missing = RunActlab({"--scene", (dir_ / "none.json").string()}, kNoDisplay);
    EXPECT_EQ(missing.exit_status, 2);
    EXPECT_NE(missing.err.find("none.json: cannot open"), std::string::npos) << missing.err;
}

// The help says light is the default theme of a figure: a preset (which sets no theme, so its
// window would be dark) renders light too.
TEST_F(SceneCliTest, RenderOfAPresetIsLightByDefault) {
    const fs::path out = dir_ / "leaky.png";
    const CommandResult run = RunActlab(
        {"render", "--scene", "preset:leaky-relu-vs-relu", "--size", "400x300", "--out", out.string()},
        kNoDisplay);
    ASSERT_EQ(run.exit_status, 0) << run.err;
    const Image image = LoadPng(out);
    EXPECT_TRUE(Near(image.At(2, 2), 255, 255, 255, 0)) << "a white figure";
}

TEST_F(SceneCliTest, PresetsAreListedAndCanBeWrittenOut) {
    const CommandResult run = RunActlab({"presets", "--save-dir", dir_.string()});
    ASSERT_EQ(run.exit_status, 0) << run.err;
    const std::vector<std::string> lines = SplitLines(run.out);
    ASSERT_EQ(lines.size(), 11u) << run.out;
    // The titles line up in one column, two spaces after the longest name.
    const std::size_t column = std::string("dying-relu-learning-rate  ").size();
    EXPECT_EQ(lines[0], "relu-basics" + std::string(column - 11, ' ') + "ReLU basics");
    for (const std::string& line : lines) {
        ASSERT_GT(line.size(), column) << line;
        EXPECT_NE(line[column], ' ') << line;
        EXPECT_EQ(line[column - 1], ' ') << line;
    }
    EXPECT_EQ(lines[7].rfind("gates-sigmoid-to-swiglu ", 0), 0u) << lines[7];
    // A written preset is a scene file that render reads.
    const fs::path out = dir_ / "f.svg";
    const CommandResult render = RunActlab(
        {"render", "--scene", (dir_ / "dying-relu-bias.json").string(), "--out", out.string()}, kNoDisplay);
    EXPECT_EQ(render.exit_status, 0) << render.err;
    EXPECT_TRUE(fs::exists(out));
}

} // namespace
} // namespace actlab::test
