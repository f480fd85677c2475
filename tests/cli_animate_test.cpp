// `actlab animate` run as a user would, with no display: the files have round(seconds × fps) frames
// of the right codec and pixel format (read back by ffprobe and ffmpeg), a sweep's frames differ and
// its last one is `actlab render` at the final value, the GIF keeps the theme's colours exact, and
// every bad input fails with one line and leaves no file.
#include "cli_test_support.h"
#include "png_test_support.h"
#include "render/figure.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace actlab::test {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kNoDisplay{"DISPLAY", "WAYLAND_DISPLAY"};

// The output of a shell command (ffprobe, ffmpeg); the tests build every argument themselves.
std::string Capture(const std::string& command) {
    std::string out;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr) return out;
    std::array<char, 4096> buffer{};
    while (std::fgets(buffer.data(), static_cast<int>(buffer.size()), pipe) != nullptr)
        out += buffer.data();
    ::pclose(pipe);
    return out;
}

// "codec,width,height,pix_fmt,frames" of the first video stream, as ffprobe decodes it.
std::string Probe(const fs::path& file) {
    std::string line = Capture("ffprobe -v error -count_frames -select_streams v:0 -show_entries "
                               "stream=codec_name,pix_fmt,width,height,nb_read_frames -of csv=p=0 '" +
                               file.string() + "'");
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r'))
        line.pop_back();
    return line;
}

// Frame `index` decoded to a PNG (GIF frames composited as a viewer shows them).
Image Frame(const fs::path& file, int index, const fs::path& png) {
    const std::string command = "ffmpeg -v error -y -i '" + file.string() + "' -vf 'select=eq(n\\," +
                                std::to_string(index) + ")' -vsync 0 -frames:v 1 -pix_fmt rgba '" +
                                png.string() + "'";
    if (std::system(command.c_str()) != 0) return {};
    return LoadPng(png);
}

bool SamePixels(const Image& a, const Image& b) {
    return a.width == b.width && a.height == b.height && a.rgba == b.rgba;
}

class AnimateTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("actlab-animate-" + std::to_string(::getpid()) + "-" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    CommandResult Animate(std::vector<std::string> args) {
        args.insert(args.begin(), "animate");
        return RunActlab(args, kNoDisplay);
    }
    // A scene of ELU alone with a fixed view and no f′ plot: what `actlab render --scene` draws too.
    fs::path EluScene() {
        const fs::path path = dir_ / "elu.json";
        std::ofstream(path) << R"({"format": "actlab-scene", "version": 1, "plots": {"selected": ["elu"],
            "show_derivative": false, "view": {"x_min": -4, "x_max": 3, "y_min": -2.5, "y_max": 3,
            "dy_min": -0.5, "dy_max": 1.5}}})";
        return path;
    }
    bool NothingWritten() const { return fs::is_empty(dir_); }

    fs::path dir_;
};

TEST_F(AnimateTest, GifHasTheFramesAndTheThemeColoursExactly) {
    const fs::path scene = EluScene();
    const fs::path gif = dir_ / "elu.gif", png = dir_ / "render.png";
    const CommandResult result =
        Animate({"--scene", scene.string(), "--sweep", "elu.alpha=0.1:2", "--seconds", "1", "--fps", "12",
                 "--size", "480x300", "--theme", "dark", "--out", gif.string()});
    ASSERT_EQ(result.exit_status, 0) << result.err;
    EXPECT_EQ(Probe(gif), "gif,480,300,bgra,12");
    ASSERT_EQ(RunActlab({"render", "--scene", scene.string(), "--param", "elu.alpha=2", "--theme", "dark",
                         "--size", "480x300", "--out", png.string()},
                        kNoDisplay)
                  .exit_status,
              0);
    const Image expected = LoadPng(png);
    const Image last = Frame(gif, 11, dir_ / "last.png");
    ASSERT_EQ(last.width, expected.width);
    ASSERT_EQ(last.height, expected.height);
    // Every pixel that the figure paints in one of the theme's colours has exactly that colour in
    // the GIF: backgrounds, frame, grid, text and the curve.
    const FigureTheme theme = FigureThemeFor(Theme::Dark);
    std::vector<Color> colors{theme.background, theme.plot_background, theme.frame, theme.grid,
                              theme.axis,       theme.origin_axis,     theme.text,  theme.dim_text,
                              theme.palette[0]};
    std::size_t checked = 0;
    for (int y = 0; y < last.height; ++y) {
        for (int x = 0; x < last.width; ++x) {
            for (const Color color : colors) {
                if (!Near(expected.At(x, y), color.r, color.g, color.b, 0)) continue;
                ++checked;
                ASSERT_TRUE(Near(last.At(x, y), color.r, color.g, color.b, 0)) << "at " << x << "," << y;
            }
        }
    }
    EXPECT_GT(checked, static_cast<std::size_t>(last.width * last.height / 2));
    EXPECT_TRUE(Near(expected.At(479, 299), theme.background.r, theme.background.g, theme.background.b, 0));
    EXPECT_FALSE(SamePixels(Frame(gif, 0, dir_ / "first.png"), last));
}

TEST_F(AnimateTest, SweepEndsOnWhatRenderDrawsAtTheFinalValue) {
    const fs::path scene = EluScene();
    const fs::path gif = dir_ / "sweep.gif", png = dir_ / "render.png";
    ASSERT_EQ(Animate({"--scene", scene.string(), "--sweep", "elu.alpha=0.5:1.75", "--seconds", "0.5",
                       "--fps", "8", "--size", "400x260", "--out", gif.string()})
                  .exit_status,
              0);
    const CommandResult render = RunActlab({"render", "--scene", scene.string(), "--param", "elu.alpha=1.75",
                                            "--size", "400x260", "--out", png.string()},
                                           kNoDisplay);
    ASSERT_EQ(render.exit_status, 0) << render.err;
    const Image expected = LoadPng(png);
    const Image last = Frame(gif, 3, dir_ / "last.png"); // round(0.5 × 8) = 4 frames
    ASSERT_EQ(last.width, expected.width);
    ASSERT_EQ(last.height, expected.height);
    // Flat colours are exact; only anti-aliased edges may round to a neighbouring palette colour.
    std::size_t same = 0, total = 0;
    int worst = 0;
    for (int y = 0; y < last.height; ++y) {
        for (int x = 0; x < last.width; ++x, ++total) {
            int diff = 0;
            for (int c = 0; c < 3; ++c)
                diff = std::max(diff, std::abs(last.At(x, y)[c] - expected.At(x, y)[c]));
            if (diff == 0) ++same;
            worst = std::max(worst, diff);
        }
    }
    EXPECT_GT(static_cast<double>(same) / static_cast<double>(total), 0.99);
    EXPECT_LT(worst, 48);
    EXPECT_FALSE(SamePixels(Frame(gif, 0, dir_ / "first.png"), last));
}

TEST_F(AnimateTest, Mp4IsH264Yuv420pWithEvenSidesSaid) {
    const fs::path mp4 = dir_ / "elu.mp4";
    const CommandResult result = Animate({"--sweep", "elu.alpha=0.1:2", "--seconds", "0.5", "--fps", "30",
                                          "--size", "401x251", "--out", mp4.string()});
    ASSERT_EQ(result.exit_status, 0) << result.err;
    EXPECT_EQ(Probe(mp4), "h264,402,252,yuv420p,15");
    EXPECT_NE(result.err.find("even"), std::string::npos) << result.err;
    EXPECT_FALSE(SamePixels(Frame(mp4, 0, dir_ / "a.png"), Frame(mp4, 14, dir_ / "b.png")));
}

TEST_F(AnimateTest, WebMIsVp9Yuv420pAndPingpongComesBack) {
    const fs::path webm = dir_ / "elu.webm";
    const CommandResult result = Animate({"--sweep", "elu.alpha=0.1:2", "--seconds", "1", "--fps", "10",
                                          "--size", "320x200", "--loop", "pingpong", "--out", webm.string()});
    ASSERT_EQ(result.exit_status, 0) << result.err;
    EXPECT_EQ(Probe(webm), "vp9,320,200,yuv420p,10");
    EXPECT_FALSE(SamePixels(Frame(webm, 0, dir_ / "a.png"), Frame(webm, 5, dir_ / "b.png")));
}

TEST_F(AnimateTest, TrainingChangesTheNetworkPanel) {
    const fs::path gif = dir_ / "train.gif";
    const CommandResult result =
        Animate({"--scene", "preset:dying-relu-learning-rate", "--train", "200", "--seconds", "0.4", "--fps",
                 "10", "--size", "960x600", "--out", gif.string()});
    ASSERT_EQ(result.exit_status, 0) << result.err;
    EXPECT_NE(Probe(gif).find(",4"), std::string::npos) << Probe(gif);
    EXPECT_FALSE(SamePixels(Frame(gif, 0, dir_ / "a.png"), Frame(gif, 3, dir_ / "b.png")));
}

TEST_F(AnimateTest, BadInputExitsTwoWithOneLineAndNoFile) {
    const std::string out = (dir_ / "x.gif").string();
    const std::vector<std::vector<std::string>> cases{
        {"--sweep", "nope.alpha=0:1", "--out", out},                        // unknown function
        {"--sweep", "elu.beta=0:1", "--out", out},                          // unknown parameter
        {"--sweep", "elu.alpha=1", "--out", out},                           // FROM:TO malformed
        {"--sweep", "elu.alpha=0.5:x", "--out", out},                       // FROM:TO malformed
        {"--sweep", "elu.alpha=-1:1", "--out", out},                        // outside the domain
        {"--sweep", "elu.alpha=0.5:1", "--out", (dir_ / "x.avi").string()}, // unknown extension
        {"--sweep", "elu.alpha=0.5:1", "--seconds", "0.01", "--out", out},  // zero frames
        {"--sweep", "elu.alpha=0.5:1", "--target", "nowhere", "--out", out},
        {"--sweep", "elu.alpha=0.5:1", "--loop", "sideways", "--out", out},
        {"--train", "0", "--out", out},
        {"--sweep", "elu.alpha=0.5:1", "--train", "10", "--out", out},
        {"--select", "relu", "--sweep", "elu.alpha=0.5:1", "--out", out}, // not among those drawn
    };
    for (const auto& args : cases) {
        const CommandResult result = Animate(args);
        EXPECT_EQ(result.exit_status, 2) << args[1] << ": " << result.err;
        EXPECT_EQ(SplitLines(result.err).size(), 1U) << result.err;
        EXPECT_TRUE(NothingWritten()) << args[1];
    }
}

TEST_F(AnimateTest, UnwritableOutputExitsOne) {
    const CommandResult result =
        Animate({"--sweep", "elu.alpha=0.5:1", "--out", (dir_ / "missing" / "x.mp4").string()});
    EXPECT_EQ(result.exit_status, 1);
    EXPECT_EQ(SplitLines(result.err).size(), 1U) << result.err;
}

TEST_F(AnimateTest, InterruptedExportLeavesNoFile) {
    // 1,800 frames take far longer than half a second; SIGTERM arrives in the middle.
    const CommandResult stopped = RunActlab({"animate", "--sweep", "elu.alpha=0.1:2", "--seconds", "60",
                                             "--fps", "30", "--out", (dir_ / "long.mp4").string()},
                                            kNoDisplay, 0.5);
    EXPECT_NE(stopped.exit_status, 0);
    EXPECT_FALSE(fs::exists(dir_ / "long.mp4"));
    EXPECT_TRUE(NothingWritten());
}

} // namespace
} // namespace actlab::test
