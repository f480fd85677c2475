// Real-window tests: the actlab executable opens its window (under Xvfb with Mesa's software
// OpenGL, see tests/CMakeLists.txt), renders, saves a screenshot, and the pixels are checked.
#include "cli_test_support.h"
#include "core/layout_report.h"
#include "png_test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <numeric>
#include <sstream>

namespace actlab::test {
namespace {

namespace fs = std::filesystem;

// A private settings directory per test, so no test sees another's (or the user's) settings.
class WindowTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("actlab-window-" + std::to_string(::getpid()) + "-" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_ / "actlab");
    }
    void TearDown() override { fs::remove_all(dir_); }

    void WriteSettings(const std::string& json) { std::ofstream(dir_ / "actlab" / "settings.json") << json; }

    CommandResult Screenshot(const std::string& name, std::vector<std::string> args) {
        args.insert(args.begin(), {"--screenshot", (dir_ / name).string()});
        return RunActlab(args, {"XDG_CONFIG_HOME=" + dir_.string()});
    }

    // A screenshot with the layout report of the same frame (--layout-report): the rect of region
    // `id`, where the views put it, or an empty rect with a test failure.
    LayoutRect ScreenshotWithRegion(const std::string& name, std::vector<std::string> args,
                                    const std::string& id) {
        const fs::path report_path = dir_ / (name + ".json");
        args.insert(args.begin(), {"--layout-report", report_path.string()});
        const CommandResult run = Screenshot(name, args);
        EXPECT_EQ(run.exit_status, 0) << run.err;
        EXPECT_TRUE(run.err.empty()) << run.err;
        std::ifstream in(report_path);
        std::stringstream text;
        text << in.rdbuf();
        std::string error;
        const LayoutReport report = ParseLayoutReport(text.str(), error);
        EXPECT_TRUE(error.empty()) << error;
        for (const LayoutRegion& region : report.regions) {
            if (region.id == id) return region.rect;
        }
        ADD_FAILURE() << "no region " << id << " in the layout report";
        return {};
    }

    fs::path dir_;
};

// Plots only, without the overlays that also use the curve colour (legend swatch, asymptotes).
constexpr const char* kBarePlots = R"({"format": "actlab-settings", "version": 1,
  "display": {"hide_controls": true},
  "plots": {"overlays": {"legend": false, "asymptotes": false, "dead_zone": false, "derivative_maximum": false}}})";

// Sky blue, the dark theme's first curve colour.
constexpr int kCurveR = 86, kCurveG = 180, kCurveB = 233;

TEST_F(WindowTest, ReluIsFlatLeftOfTheOriginAndDiagonalRightOfIt) {
    WriteSettings(kBarePlots);
    const CommandResult run =
        Screenshot("relu.png", {"--size", "1200x900", "--select", "relu", "--theme", "dark"});
    ASSERT_EQ(run.exit_status, 0) << run.err;
    const Image image = LoadPng(dir_ / "relu.png");
    ASSERT_EQ(image.width, 1200);
    ASSERT_EQ(image.height, 900);

    // The f plot is the top half. Per column, the centre of the curve's pixels.
    std::vector<std::pair<int, double>> centres;
    for (int x = 0; x < image.width; ++x) {
        double sum = 0;
        int count = 0;
        for (int y = 0; y < image.height / 2; ++y) {
            if (Near(image.At(x, y), kCurveR, kCurveG, kCurveB, 30)) {
                sum += y;
                ++count;
            }
        }
        if (count > 0) centres.emplace_back(x, sum / count);
    }
    ASSERT_GT(centres.size(), 600u) << "the ReLU curve should span most of the plot width";
    // The kink: the last column whose centre still lies on the flat part.
    const double flat_y = centres.front().second;
    std::size_t kink = 0;
    while (kink + 1 < centres.size() && std::abs(centres[kink + 1].second - flat_y) < 2.0)
        ++kink;
    ASSERT_GT(kink, 200u) << "a flat part left of the origin";
    ASSERT_LT(kink + 200, centres.size()) << "a rising part right of the origin";
    // Left: one row. Right: a straight line going up (pixel y decreasing), fitted by least squares.
    for (std::size_t i = 0; i <= kink; ++i)
        EXPECT_NEAR(centres[i].second, flat_y, 1.5) << "column " << centres[i].first;
    std::vector<std::pair<int, double>> right(centres.begin() + static_cast<std::ptrdiff_t>(kink) + 3,
                                              centres.end());
    double mx = 0, my = 0;
    for (auto [x, y] : right)
        mx += x, my += y;
    mx /= static_cast<double>(right.size());
    my /= static_cast<double>(right.size());
    double sxy = 0, sxx = 0;
    for (auto [x, y] : right)
        sxy += (x - mx) * (y - my), sxx += (x - mx) * (x - mx);
    const double slope = sxy / sxx;
    EXPECT_LT(slope, -0.2) << "the right part rises";
    for (auto [x, y] : right)
        EXPECT_NEAR(y, my + slope * (x - mx), 2.0) << "column " << x << " is off the diagonal";
}

TEST_F(WindowTest, ReluDerivativeJumpIsAGapNotAVerticalConnector) {
    WriteSettings(kBarePlots);
    const CommandResult run = Screenshot("drelu.png", {"--size", "1200x900", "--select", "relu"});
    ASSERT_EQ(run.exit_status, 0) << run.err;
    const Image image = LoadPng(dir_ / "drelu.png");
    ASSERT_EQ(image.height, 900);
    // In the f' plot (bottom half) the curve has two levels, 0 and 1, with a marker circle at each end
    // of the jump. Between the levels no column may hold curve pixels: that would be a connector.
    const auto is_curve = [&](int x, int y) { return Near(image.At(x, y), kCurveR, kCurveG, kCurveB, 30); };
    int low_level = -1, high_level = image.height;
    for (int x = 0; x < image.width; ++x) {
        for (int y = image.height / 2; y < image.height; ++y) {
            if (!is_curve(x, y)) continue;
            low_level = std::max(low_level, y);
            high_level = std::min(high_level, y);
        }
    }
    ASSERT_GT(low_level - high_level, 150) << "f' = 0 and f' = 1 should be far apart";
    int between = 0, circle_columns = 0;
    for (int x = 0; x < image.width; ++x) {
        bool at_top = false, at_bottom = false;
        for (int y = high_level; y <= low_level; ++y) {
            if (!is_curve(x, y)) continue;
            if (y < high_level + 12)
                at_top = true;
            else if (y > low_level - 12)
                at_bottom = true;
            else
                ++between;
        }
        circle_columns += at_top && at_bottom; // the kink's columns: open circle above, closed below
    }
    EXPECT_EQ(between, 0) << "curve pixels between the two levels of f': a vertical connector";
    EXPECT_GT(circle_columns, 3) << "both ends of the jump are marked in the kink's columns";
}

// A horizontal bar in the curve colour: at least `min_rows` consecutive rows whose run of that colour
// starts at the same x and has the same length (curves never do that).
struct Bar {
    int x = 0, y = 0, length = 0, rows = 0;
};

// Bars inside `area` (pixels of the image).
std::vector<Bar> FindBars(const Image& image, const LayoutRect& area, int r, int g, int b, int min_length,
                          int min_rows) {
    std::vector<Bar> bars;
    Bar current;
    const int x0 = std::max(0, static_cast<int>(area.x)),
              x1 = std::min(image.width, static_cast<int>(area.Right()));
    const int y0 = std::max(0, static_cast<int>(area.y)),
              y1 = std::min(image.height, static_cast<int>(area.Bottom()));
    for (int y = y0; y < y1; ++y) {
        // The longest run of the colour in this row.
        int best_x = 0, best_length = 0;
        for (int x = x0; x < x1;) {
            if (!Near(image.At(x, y), r, g, b, 12)) {
                ++x;
                continue;
            }
            const int start = x;
            while (x < x1 && Near(image.At(x, y), r, g, b, 12))
                ++x;
            if (x - start > best_length) best_x = start, best_length = x - start;
        }
        const bool continues = current.rows > 0 && best_length >= min_length &&
                               std::abs(best_x - current.x) <= 1 &&
                               std::abs(best_length - current.length) <= 2;
        if (continues) {
            ++current.rows;
            continue;
        }
        if (current.rows >= min_rows) bars.push_back(current);
        current = best_length >= min_length ? Bar{best_x, y, best_length, 1} : Bar{};
    }
    if (current.rows >= min_rows) bars.push_back(current);
    return bars;
}

TEST_F(WindowTest, SoftmaxPanelOpensFromSettingsWithBarsInProportion) {
    // Logits 0, ln 2, ln 3 give probabilities 1/6, 2/6, 3/6: bars of lengths 1 : 2 : 3.
    WriteSettings(R"({"format": "actlab-settings", "version": 1,
      "panels": {"softmax": true},
      "softmax": {"class_names": ["one", "two", "three"],
                  "logits": [0, 0.69314718055994531, 1.0986122886681098], "temperature": 1}})");
    const LayoutRect bars_region = ScreenshotWithRegion(
        "softmax.png", {"--size", "1600x1000", "--theme", "dark", "--select", "sigmoid"}, "softmax.bars");
    ASSERT_GT(bars_region.Area(), 0.0f) << "the settings opened the Softmax view";
    const Image image = LoadPng(dir_ / "softmax.png");
    ASSERT_EQ(image.width, 1600);
    const std::vector<Bar> bars = FindBars(image, bars_region, kCurveR, kCurveG, kCurveB, 20, 10);
    ASSERT_EQ(bars.size(), 3u) << "one bar per class";
    EXPECT_EQ(bars[0].x, bars[1].x) << "the bars start at one edge";
    EXPECT_EQ(bars[1].x, bars[2].x);
    EXPECT_NEAR(static_cast<double>(bars[1].length) / bars[0].length, 2.0, 0.06);
    EXPECT_NEAR(static_cast<double>(bars[2].length) / bars[0].length, 3.0, 0.08);
}

TEST_F(WindowTest, LightThemeHasALightBackgroundAndDarkText) {
    const CommandResult run =
        Screenshot("light.png", {"--size", "1280x800", "--theme", "light", "--select", "sigmoid,tanh"});
    ASSERT_EQ(run.exit_status, 0) << run.err;
    const Image image = LoadPng(dir_ / "light.png");
    ASSERT_EQ(image.width, 1280);
    double bright = 0, dark = 0;
    for (int y = 0; y < image.height; ++y) {
        for (int x = 0; x < image.width; ++x) {
            const unsigned char* p = image.At(x, y);
            const int luminance = (p[0] * 3 + p[1] * 6 + p[2]) / 10;
            bright += luminance > 200;
            dark += luminance < 80;
        }
    }
    const double total = static_cast<double>(image.width) * image.height;
    EXPECT_GT(bright / total, 0.6) << "most of a light theme is light";
    EXPECT_GT(dark, 2000) << "there is dark text";
}

TEST_F(WindowTest, LectureScaleAndProjectorThemeRender) {
    const CommandResult run = Screenshot(
        "projector.png", {"--size", "1920x1080", "--theme", "projector", "--scale", "2", "--select", "elu"});
    ASSERT_EQ(run.exit_status, 0) << run.err;
    const Image image = LoadPng(dir_ / "projector.png");
    ASSERT_EQ(image.width, 1920);
    ASSERT_EQ(image.height, 1080);
    // The projector theme's pure white background dominates.
    long white = 0;
    for (int y = 0; y < image.height; y += 2) {
        for (int x = 0; x < image.width; x += 2)
            white += Near(image.At(x, y), 255, 255, 255, 2);
    }
    EXPECT_GT(white, image.width * image.height / 4 / 2);
}

TEST_F(WindowTest, CorruptSettingsAreIgnoredWithAMessage) {
    WriteSettings("{\"format\": \"actlab-settings\", \"version\": 1, \"display\": {\"theme\": ");
    const CommandResult run = Screenshot("corrupt.png", {"--size", "800x600"});
    EXPECT_EQ(run.exit_status, 0) << run.err;
    EXPECT_NE(run.err.find("not valid JSON"), std::string::npos) << run.err;
    EXPECT_TRUE(fs::exists(dir_ / "corrupt.png"));
}

TEST_F(WindowTest, BadOptionsAreRefusedBeforeAnyWindowOpens) {
    for (const std::vector<std::string>& args : {std::vector<std::string>{"--select", "relu,nosuch"},
                                                 {"--param", "elu.alpha=nan"},
                                                 {"--param", "elu.alpha"},
                                                 {"--theme", "neon"},
                                                 {"--scale", "7"},
                                                 {"--size", "12x"},
                                                 {"--param", "softplus.beta=-1"}}) {
        const CommandResult run = Screenshot("never.png", args);
        EXPECT_EQ(run.exit_status, 2) << args[0] << " " << args[1];
        EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
        EXPECT_FALSE(fs::exists(dir_ / "never.png"));
    }
}

TEST_F(WindowTest, UnwritableScreenshotPathIsAnEnvironmentError) {
    const CommandResult run = RunActlab({"--screenshot", "/nonexistent-dir/x.png", "--size", "800x600"},
                                        {"XDG_CONFIG_HOME=" + dir_.string()});
    EXPECT_EQ(run.exit_status, 1);
    EXPECT_NE(run.err.find("/nonexistent-dir/x.png: cannot write"), std::string::npos) << run.err;
}

TEST_F(WindowTest, NoDisplayIsOneClearLineAndExitOne) {
    const CommandResult run = RunActlab({"--screenshot", (dir_ / "x.png").string()},
                                        {"DISPLAY", "WAYLAND_DISPLAY", "XDG_CONFIG_HOME=" + dir_.string()});
    EXPECT_EQ(run.exit_status, 1);
    EXPECT_EQ(run.err, "actlab: no display found; run it in a desktop session, or under xvfb-run\n");
    EXPECT_TRUE(run.out.empty());
}

TEST_F(WindowTest, SettingsAreSavedWhenTheSessionEndsAndRestoredAtStart) {
    // An interactive session, ended the way a desktop or a terminal ends it (SIGTERM).
    const CommandResult session =
        RunActlab({"--select", "elu,selu", "--param", "elu.alpha=2.5", "--theme", "light"},
                  {"XDG_CONFIG_HOME=" + dir_.string()}, 4.0);
    EXPECT_EQ(session.exit_status, 0) << session.err;
    const fs::path saved = dir_ / "actlab" / "settings.json";
    ASSERT_TRUE(fs::exists(saved));
    std::ifstream in(saved);
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    EXPECT_NE(text.find("\"theme\": \"light\""), std::string::npos) << text;
    EXPECT_NE(text.find("\"alpha\": 2.5"), std::string::npos) << text;
    EXPECT_NE(text.find("\"selu\""), std::string::npos) << text;

    // The next start shows the same: ELU α = 2.5 asymptote at −2.5 in the light theme.
    const CommandResult next = Screenshot("restored.png", {"--size", "800x600"});
    EXPECT_EQ(next.exit_status, 0) << next.err;
    EXPECT_TRUE(next.err.empty()) << next.err;
    const Image image = LoadPng(dir_ / "restored.png");
    ASSERT_EQ(image.width, 800);
    EXPECT_TRUE(Near(image.At(400, 590), 240, 240, 240, 20) || Near(image.At(400, 590), 255, 255, 255, 20))
        << "the light theme came back";
}

} // namespace
} // namespace actlab::test

// The mini network opened through settings.json: dead neurons' red outline is in the pixels exactly
// when the network is built dead (bias −5 under ReLU), not for the default lesson.
namespace actlab::test {
namespace {

// The dark theme's dead-neuron red (FigureThemeFor(Theme::Dark).network.dead): no palette colour is near it.
constexpr int kDeadR = 255, kDeadG = 64, kDeadB = 64;

long CountNear(const Image& image, int r, int g, int b, int tolerance) {
    long count = 0;
    for (int y = 0; y < image.height; ++y) {
        for (int x = 0; x < image.width; ++x)
            count += Near(image.At(x, y), r, g, b, tolerance);
    }
    return count;
}

TEST_F(WindowTest, NetworkPanelMarksDeadNeuronsInRedOnlyWhenTheyAreDead) {
    WriteSettings(R"({"format": "actlab-settings", "version": 1, "panels": {"network": true},
      "network": {"layers": [{"neurons": 6, "activation": "relu"}, {"neurons": 4, "activation": "relu"}], "bias_init": -5}})");
    CommandResult run = Screenshot("dead.png", {"--size", "1600x1000", "--theme", "dark"});
    ASSERT_EQ(run.exit_status, 0) << run.err;
    const Image dead = LoadPng(dir_ / "dead.png");
    ASSERT_EQ(dead.width, 1600);

    WriteSettings(R"({"format": "actlab-settings", "version": 1, "panels": {"network": true},
      "network": {"layers": [{"neurons": 6, "activation": "relu"}, {"neurons": 4, "activation": "relu"}], "bias_init": 0.1}})");
    run = Screenshot("alive.png", {"--size", "1600x1000", "--theme", "dark"});
    ASSERT_EQ(run.exit_status, 0) << run.err;
    const Image alive = LoadPng(dir_ / "alive.png");

    // A dead neuron's outline is 3 px around a heatmap of at least 16 px: over 150 red pixels each.
    EXPECT_GT(CountNear(dead, kDeadR, kDeadG, kDeadB, 12), 3 * 150) << "at least three outlined neurons";
    EXPECT_LT(CountNear(alive, kDeadR, kDeadG, kDeadB, 12), 20) << "no red outline when nothing is dead";
    // The panel is really drawn: the decision surface's blue and orange are both present.
    EXPECT_GT(CountNear(alive, 86, 180, 233, 20), 500);
}

// The output plane's heatmap, colour-mapped by the GPU shader in the window: after training on the
// circle both classes' colours fill large parts of it. Ten samples, so that the plotted points
// (which use the class colours too) cover almost none of it.
TEST_F(WindowTest, OutputPlaneHeatmapShowsBothClassColours) {
    for (const char* theme : {"dark", "projector"}) { // two themes: each screenshot takes seconds under Xvfb
        SCOPED_TRACE(theme);
        WriteSettings(R"({"format": "actlab-settings", "version": 1, "panels": {"network": true},
          "network": {"samples": 10, "playing": true, "learning_rate": 0.1}})");
        const std::string name = std::string(theme) + ".png";
        const LayoutRect plane = ScreenshotWithRegion(
            name, {"--size", "1600x1000", "--theme", theme, "--frames", "30"}, "network.output");
        ASSERT_GT(plane.Area(), 0.0f);
        const Image image = LoadPng(dir_ / name);
        ASSERT_EQ(image.width, 1600);
        // The theme's heatmap colours (FigureThemeFor(theme).network): positive, negative, neutral.
        const bool dark = std::string(theme) == "dark";
        const bool projector = std::string(theme) == "projector";
        const int positive[3] = {dark ? 86 : 0,
                                 dark        ? 180
                                 : projector ? 90
                                             : 114,
                                 dark        ? 233
                                 : projector ? 181
                                             : 178};
        const int negative[3] = {dark ? 240 : projector ? 200 : 213, dark ? 165 : projector ? 55 : 94, 0};
        const int neutral[3] = {dark ? 44 : 246, dark ? 48 : 246, dark ? 57 : 248};
        const auto distance2 = [](const unsigned char* p, const int* c) {
            const int dr = p[0] - c[0], dg = p[1] - c[1], db = p[2] - c[2];
            return dr * dr + dg * dg + db * db;
        };
        // The output region holds its title line over the square plane, as wide as the region or as
        // tall as the rest of it allows: the square under the title, inset from the frame.
        const int line = 40;
        const int side = static_cast<int>(std::min(plane.w, plane.h - static_cast<float>(line)));
        ASSERT_GT(side, 100);
        const int left = static_cast<int>(plane.x) + side / 10,
                  top = static_cast<int>(plane.y) + line + side / 10;
        long positive_count = 0, negative_count = 0, region = 0;
        for (int y = top; y < top + side * 8 / 10; ++y) {
            for (int x = left; x < left + side * 8 / 10; ++x, ++region) {
                const unsigned char* p = image.At(x, y);
                const int to_positive = distance2(p, positive), to_negative = distance2(p, negative);
                const int to_neutral = distance2(p, neutral);
                if (to_positive < to_negative && to_positive < to_neutral && to_positive < 60 * 60)
                    ++positive_count;
                if (to_negative < to_positive && to_negative < to_neutral && to_negative < 60 * 60)
                    ++negative_count;
            }
        }
        EXPECT_GT(positive_count, region / 20) << "the inner class's colour";
        EXPECT_GT(negative_count, region / 20) << "the outer class's colour";
    }
}

} // namespace
} // namespace actlab::test

// Scenes and the last session in the real window.
namespace actlab::test {
namespace {

std::string ReadText(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

// The step count in a scene's "trained" section.
long TrainedStep(const std::string& scene) {
    const auto at = scene.find("\"step\": ");
    return at == std::string::npos ? -1 : std::stol(scene.substr(at + 8));
}

// A session that trained is ended; the next one starts with the same weights and step count, which
// it saves again unchanged when it does not train.
TEST_F(WindowTest, TheLastSessionsTrainedNetworkIsRestoredAtStart) {
    WriteSettings(R"({"format": "actlab-settings", "version": 1, "panels": {"network": true},
                      "network": {"playing": true}})");
    const CommandResult first = RunActlab({}, {"XDG_CONFIG_HOME=" + dir_.string()}, 4.0);
    ASSERT_EQ(first.exit_status, 0) << first.err;
    const fs::path session = dir_ / "actlab" / "session.json";
    ASSERT_TRUE(fs::exists(session));
    std::string text = ReadText(session);
    const long step = TrainedStep(text);
    ASSERT_GT(step, 0) << text.substr(0, 300);

    // Paused in both files, so the next session cannot add steps of its own.
    for (const fs::path& file : {session, dir_ / "actlab" / "settings.json"}) {
        std::string content = ReadText(file);
        const auto at = content.find("\"playing\": true");
        ASSERT_NE(at, std::string::npos) << file;
        content.replace(at, 15, "\"playing\": false");
        std::ofstream(file, std::ios::binary) << content;
    }
    text = ReadText(session);
    const CommandResult second = RunActlab({}, {"XDG_CONFIG_HOME=" + dir_.string()}, 3.0);
    ASSERT_EQ(second.exit_status, 0) << second.err;
    EXPECT_EQ(TrainedStep(ReadText(session)), step) << "the step count came back";
    EXPECT_EQ(ReadText(session), text) << "the weights came back: the session saves the same scene";
}

// Nothing lost to a crash: a session killed with SIGKILL (no exit handler runs) has already saved its
// changed settings and its lesson with the trained network, and the next start restores both.
TEST_F(WindowTest, AKilledSessionHasSavedItsChangesForTheNextStart) {
    WriteSettings(R"({"format": "actlab-settings", "version": 1, "panels": {"network": true},
                      "network": {"playing": true}})");
    const fs::path settings = dir_ / "actlab" / "settings.json";
    const fs::path session = dir_ / "actlab" / "session.json";
    const std::string before = ReadText(settings);
    // Changed from the saved settings: the theme and the functions. Saves every second for the test.
    const CommandResult killed =
        RunActlab({"--theme", "light", "--select", "elu,selu", "--autosave-seconds", "1"},
                  {"XDG_CONFIG_HOME=" + dir_.string()}, 6.0, SIGKILL);
    ASSERT_EQ(killed.exit_status, 128 + SIGKILL) << killed.err;
    const std::string saved = ReadText(settings);
    EXPECT_NE(saved, before);
    EXPECT_NE(saved.find("\"theme\": \"light\""), std::string::npos) << saved;
    EXPECT_NE(saved.find("\"selu\""), std::string::npos) << saved;
    ASSERT_TRUE(fs::exists(session)) << "the lesson was saved while it trained";
    std::string lesson = ReadText(session);
    const long step = TrainedStep(lesson);
    ASSERT_GT(step, 0) << lesson.substr(0, 300);

    // The next start (paused, so it adds no steps) continues from what was saved, and says nothing.
    for (const fs::path& file : {session, settings}) {
        std::string content = ReadText(file);
        const auto at = content.find("\"playing\": true");
        ASSERT_NE(at, std::string::npos) << file;
        content.replace(at, 15, "\"playing\": false");
        std::ofstream(file, std::ios::binary) << content;
    }
    lesson = ReadText(session);
    const CommandResult next = RunActlab({}, {"XDG_CONFIG_HOME=" + dir_.string()}, 3.0);
    ASSERT_EQ(next.exit_status, 0) << next.err;
    EXPECT_TRUE(next.err.empty()) << next.err;
    EXPECT_EQ(TrainedStep(ReadText(session)), step) << "the trained network came back";
    EXPECT_EQ(ReadText(session), lesson) << "the weights came back: the session saves the same scene";
    const std::string restored = ReadText(settings);
    EXPECT_NE(restored.find("\"theme\": \"light\""), std::string::npos) << "the theme came back";
    EXPECT_NE(restored.find("\"selu\""), std::string::npos) << "the functions came back";
}

// `actlab --scene` opens the lesson: the softmax preset's panel is in the screenshot.
TEST_F(WindowTest, ScenePresetOpensItsPanel) {
    const CommandResult run =
        Screenshot("softmax.png", {"--scene", "preset:softmax-temperature", "--size", "1200x800"});
    ASSERT_EQ(run.exit_status, 0) << run.err;
    EXPECT_EQ(run.err, "");
    const Image image = LoadPng(dir_ / "softmax.png");
    ASSERT_EQ(image.width, 1200);
    EXPECT_FALSE(fs::exists(dir_ / "actlab" / "session.json")) << "a screenshot saves nothing";
}

// The window minimised (a zero-sized viewport) and resized a couple of hundred times between 1×1
// and 2560×1600, a frame after each, while the network trains: in an OpenGL debug context no call
// fails, and the frame after it all is a normal one with the panel's heatmap colours in it.
TEST_F(WindowTest, MinimisedAndRapidlyResizedWindowRaisesNoGlErrors) {
    const CommandResult run = Screenshot("stress.png", {"--gl-debug", "--stress-resize", "200", "--scene",
                                                        "preset:dying-relu-learning-rate", "--theme", "dark",
                                                        "--size", "1000x700"});
    ASSERT_EQ(run.exit_status, 0) << run.err;
    EXPECT_EQ(run.err.find("GL error"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("actlab: stress: minimised"), std::string::npos) << "the stress ran: " << run.err;
    const Image image = LoadPng(dir_ / "stress.png");
    ASSERT_EQ(image.width, 1000);
    ASSERT_EQ(image.height, 700);
    // The dark theme's heatmap colours (FigureThemeFor(Theme::Dark).network: positive and negative)
    // and the variety of a drawn UI, where a blank or black frame has one colour.
    long positive = 0, negative = 0;
    std::vector<bool> seen(1 << 15, false);
    for (int y = 0; y < image.height; ++y) {
        for (int x = 0; x < image.width; ++x) {
            const unsigned char* p = image.At(x, y);
            positive += Near(p, 86, 180, 233, 20);
            negative += Near(p, 240, 165, 0, 20);
            seen[static_cast<std::size_t>((p[0] >> 3) << 10 | (p[1] >> 3) << 5 | (p[2] >> 3))] = true;
        }
    }
    EXPECT_GT(positive, 1000) << "the network panel's positive colour";
    EXPECT_GT(negative, 1000) << "the network panel's negative colour";
    EXPECT_GT(std::count(seen.begin(), seen.end(), true), 100) << "a drawn frame, not a blank one";

    // The menu bar and the panel's title bar are where they are without the stress: a 1×1 window
    // did not push the panel past the top-left corner, out of reach.
    const CommandResult calm =
        Screenshot("calm.png", {"--scene", "preset:dying-relu-learning-rate", "--theme", "dark", "--size",
                                "1000x700", "--frames", "9"});
    ASSERT_EQ(calm.exit_status, 0) << calm.err;
    const Image reference = LoadPng(dir_ / "calm.png");
    ASSERT_EQ(reference.width, 1000);
    long same = 0, top = 0;
    for (int y = 0; y < 55; ++y) {
        for (int x = 0; x < image.width; ++x, ++top) {
            const unsigned char* expected = reference.At(x, y);
            same += Near(image.At(x, y), expected[0], expected[1], expected[2], 8);
        }
    }
    EXPECT_GT(same, top * 95 / 100) << "the top of the window differs from an unstressed frame";
}

} // namespace
} // namespace actlab::test
