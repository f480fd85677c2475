// The lecture hall's layout checks on the real window: for the start view and every lesson preset,
// at the sizes lecture halls have, actlab writes its layout report (--layout-report) and the report
// must pass: focus regions inside the window, neither clipped nor covered, together ≥ 40 % of it; no
// two labels of one region overlapping; no label truncated. One actlab process per case.
#include "cli_test_support.h"
#include "core/layout_report.h"
#include "png_test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace actlab::test {
namespace {

namespace fs = std::filesystem;

struct HallSize {
    const char* size;
    const char* scale;
};

// The old beamers at 1×, the projector read from the back at 2×, a 4K projector at 2×.
constexpr HallSize kSizes[] = {{"1280x720", "1"}, {"1024x768", "1"}, {"1920x1080", "2"}, {"3840x2160", "2"}};

// "" is the start view (no scene); the rest are the shipped lesson presets.
std::vector<std::string> Scenes() {
    std::vector<std::string> scenes{""};
    std::vector<std::string> presets;
    for (const fs::directory_entry& entry : fs::directory_iterator(ACTLAB_PRESETS_DIR)) {
        if (entry.path().extension() == ".json") presets.push_back(entry.path().stem().string());
    }
    std::sort(presets.begin(), presets.end());
    scenes.insert(scenes.end(), presets.begin(), presets.end());
    return scenes;
}

class LayoutReportTest : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("actlab-layout-" + std::to_string(::getpid()));
        fs::create_directories(dir_ / "actlab");
    }
    void TearDown() override { fs::remove_all(dir_); }

    // Runs actlab with a private settings directory and returns its report.
    LayoutReport Report(const std::string& scene, const HallSize& size, std::vector<std::string> extra = {}) {
        const fs::path out = dir_ / "layout.json";
        std::vector<std::string> args{"--layout-report", out.string(), "--size",   size.size,
                                      "--scale",         size.scale,   "--frames", "3"};
        if (!scene.empty()) args.insert(args.end(), {"--scene", "preset:" + scene});
        args.insert(args.end(), extra.begin(), extra.end());
        const CommandResult run = RunActlab(args, {"XDG_CONFIG_HOME=" + dir_.string()});
        EXPECT_EQ(run.exit_status, 0) << run.err;
        std::ifstream in(out);
        std::stringstream text;
        text << in.rdbuf();
        std::string error;
        LayoutReport report = ParseLayoutReport(text.str(), error);
        EXPECT_TRUE(error.empty()) << error;
        return report;
    }

    fs::path dir_;
};

std::string Joined(const std::vector<std::string>& lines) {
    std::string text;
    for (const std::string& line : lines)
        text += "\n  " + line;
    return text;
}

const LayoutRegion* RegionOf(const LayoutReport& report, const std::string& id) {
    const auto found = std::find_if(report.regions.begin(), report.regions.end(),
                                    [&](const LayoutRegion& r) { return r.id == id; });
    return found == report.regions.end() ? nullptr : &*found;
}

// Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on "(" + std::to_string(…).
std::string Describe(const LayoutRect& r) {
    std::string text = "(";
    text += std::to_string(r.x);
    text += ", ";
    text += std::to_string(r.y);
    text += ", ";
    text += std::to_string(r.w);
    text += " x ";
    text += std::to_string(r.h);
    text += ")";
    return text;
}

// The network graph scales to its slot: its nodes (with their gradient bars) stay inside the graph's
// region, and no heading or name of the graph lies over them (the "dead"/"dying" badges sit on
// their nodes by design; the input names beside theirs).
void ExpectGraphFitsItsSlot(const LayoutReport& report) {
    const LayoutRegion* graph = RegionOf(report, "network.graph");
    const LayoutRegion* nodes = RegionOf(report, "network.graph.nodes");
    ASSERT_NE(graph, nullptr);
    ASSERT_NE(nodes, nullptr);
    EXPECT_TRUE(graph->rect.Contains(nodes->rect, 1.0f))
        << "nodes " << Describe(nodes->rect) << " leave the graph " << Describe(graph->rect);
    EXPECT_FALSE(nodes->clipped);
    for (const LayoutLabel& label : report.labels) {
        if (label.region != "network.graph" || label.text == "dead" || label.text == "dying") continue;
        if (label.text == "x1" || label.text == "x2") continue;
        EXPECT_FALSE(label.rect.Overlaps(nodes->rect, 1.0f))
            << "\"" << label.text << "\" " << Describe(label.rect) << " over the nodes "
            << Describe(nodes->rect);
    }
}

// One scene at every hall size (one Xvfb for the four actlab runs keeps the suite quick).
TEST_P(LayoutReportTest, FocusRegionsAreBigUncoveredAndLabelsReadable) {
    const std::string& scene = GetParam();
    for (const HallSize& size : kSizes) {
        SCOPED_TRACE(std::string(size.size) + " at " + size.scale + "\u00d7");
        const LayoutReport report = Report(scene, size);
        ASSERT_FALSE(report.focus.empty());
        EXPECT_EQ(std::to_string(report.width) + "x" + std::to_string(report.height), std::string(size.size));
        const std::vector<std::string> problems = LayoutProblems(report, 0.4);
        EXPECT_TRUE(problems.empty()) << (scene.empty() ? "start view" : scene) << Joined(problems);
        // The plots and charts draw their text through our canvas, which reports it (the softmax
        // tables are Dear ImGui's own widgets).
        if (report.focus.front().rfind("softmax.", 0) != 0) {
            EXPECT_FALSE(report.labels.empty());
        }
        if (RegionOf(report, "network.graph")) ExpectGraphFitsItsSlot(report);
    }
}

std::string CaseName(const ::testing::TestParamInfo<std::string>& info) {
    std::string name = info.param.empty() ? "start" : info.param;
    std::replace(name.begin(), name.end(), '-', '_');
    return name;
}

INSTANTIATE_TEST_SUITE_P(Hall, LayoutReportTest, ::testing::ValuesIn(Scenes()), CaseName);

class LayoutReportSingleTest : public LayoutReportTest {};

// The projector at 2× with every control shown: f and f′ still take half the window.
TEST_F(LayoutReportSingleTest, FunctionPlotsTakeHalfTheProjectorWithControlsShown) {
    const LayoutReport report = Report("", kSizes[2]);
    EXPECT_GE(WindowShare(report, {"plot.f", "plot.df"}), 0.5);
}

// H / --hide-controls hides every control, in the network view too: only its focus regions remain.
TEST_F(LayoutReportSingleTest, HideControlsLeavesNoControlRegion) {
    for (const char* scene : {"", "vanishing-gradients"}) {
        const LayoutReport report = Report(scene, kSizes[2], {"--hide-controls"});
        for (const LayoutRegion& region : report.regions) {
            EXPECT_EQ(region.id.find("controls"), std::string::npos) << scene << ": " << region.id;
            EXPECT_EQ(region.id.find("parameters"), std::string::npos) << scene << ": " << region.id;
            EXPECT_EQ(region.id.find("toolbar"), std::string::npos) << scene << ": " << region.id;
        }
        EXPECT_TRUE(LayoutProblems(report, 0.4).empty()) << scene << Joined(LayoutProblems(report, 0.4));
    }
}

// A preset's own focus is the report's focus: the vanishing-gradients lesson is about the per-layer
// gradient bars.
TEST_F(LayoutReportSingleTest, APresetNamesItsOwnFocus) {
    const LayoutReport report = Report("vanishing-gradients", kSizes[2]);
    EXPECT_EQ(report.focus, std::vector<std::string>{"network.gradients"});
}

// The softmax lesson is about the output plane: on the projector and the old beamer the plane
// itself (the square, not its titles) is the largest thing on screen, a fifth of the window or more,
// while the graph still fits its slot beside it.
TEST_F(LayoutReportSingleTest, SoftmaxLessonGivesTheOutputPlaneTheBigSlot) {
    for (const auto& [size, share] :
         {std::pair{HallSize{"1920x1080", "2"}, 0.2}, std::pair{HallSize{"1280x800", "1"}, 0.3}}) {
        SCOPED_TRACE(std::string(size.size) + " at " + size.scale + "\u00d7");
        const LayoutReport report = Report("softmax-three-classes", size);
        EXPECT_EQ(report.focus.front(), "network.output");
        EXPECT_GE(WindowShare(report, {"network.output.plane"}), share);
        // The graph's drawing (its nodes' box) rather than its slot, whose width is mostly margin.
        for (const char* other : {"network.graph.nodes", "network.gradients", "network.charts"})
            EXPECT_GT(WindowShare(report, {"network.output.plane"}), WindowShare(report, {other})) << other;
        ExpectGraphFitsItsSlot(report);
        EXPECT_TRUE(LayoutProblems(report, 0.4).empty()) << Joined(LayoutProblems(report, 0.4));
    }
}

// The sum-of-hinges lesson is about its 1-D fit: the curve gets the big slot on the left, wider than
// a square (it was a 150 px high strip at 2×), while the graph fits beside it.
TEST_F(LayoutReportSingleTest, SumOfHingesLessonGivesTheFitTheBigSlot) {
    for (const HallSize& size : {HallSize{"1920x1080", "2"}, HallSize{"1280x800", "1"}}) {
        SCOPED_TRACE(std::string(size.size) + " at " + size.scale + "\u00d7");
        const LayoutReport report = Report("relu-sum-of-hinges", size);
        EXPECT_EQ(report.focus.front(), "network.output");
        EXPECT_GE(WindowShare(report, {"network.output"}), 0.35);
        const LayoutRegion* output = RegionOf(report, "network.output");
        ASSERT_NE(output, nullptr);
        EXPECT_GT(output->rect.w, output->rect.h);
        ExpectGraphFitsItsSlot(report);
        EXPECT_TRUE(LayoutProblems(report, 0.4).empty()) << Joined(LayoutProblems(report, 0.4));
    }
}

// In the default arrangement the right column is wide and short on the projector: the output plane
// sits beside the gradient bars instead of being a small square over them (the spiral at 160 px), and
// a classification lesson keeps its accuracy readout (in the toolbar, or in the plane's title rows).
TEST_F(LayoutReportSingleTest, TheOutputPlaneBesideTheBarsKeepsItsSizeAndTheAccuracy) {
    for (const char* scene : {"optimizers-on-the-spiral", "dying-relu-learning-rate", "dying-relu-bias"}) {
        for (const auto& [size, share] :
             {std::pair{HallSize{"1920x1080", "2"}, 0.04}, std::pair{HallSize{"1280x800", "1"}, 0.08}}) {
            SCOPED_TRACE(std::string(scene) + ", " + size.size + " at " + size.scale + "\u00d7");
            const LayoutReport report = Report(scene, size);
            EXPECT_GE(WindowShare(report, {"network.output.plane"}), share);
            EXPECT_TRUE(std::any_of(report.labels.begin(), report.labels.end(), [](const LayoutLabel& l) {
                return (l.region == "network.output" || l.region == "network.toolbar") &&
                       l.text.rfind("accuracy ", 0) == 0;
            }));
            EXPECT_TRUE(LayoutProblems(report, 0.4).empty()) << Joined(LayoutProblems(report, 0.4));
        }
    }
}

// The vanishing-gradients lesson shows one chart at a time beside the output plane: its ‖∂L/∂W‖
// lines, one per layer, carry a legend naming every layer where the chart has the room (1280x800 at
// 1×), so a class can tell the input layer's line from the output's.
TEST_F(LayoutReportSingleTest, TheVanishingGradientsChartNamesEveryLayersLine) {
    const LayoutReport report = Report("vanishing-gradients", {"1280x800", "1"});
    for (const char* layer : {"L1", "L2", "L3", "L4", "L5", "L6", "out"}) {
        EXPECT_TRUE(std::any_of(report.labels.begin(), report.labels.end(), [&](const LayoutLabel& l) {
            return l.region == "network.charts" && l.text == layer;
        })) << layer;
    }
    EXPECT_TRUE(LayoutProblems(report, 0.4).empty()) << Joined(LayoutProblems(report, 0.4));
}

// The widest network the panel allows (six hidden layers of eight neurons, all born dead so every
// node carries its badge where there is room) fits the graph's slot in each arrangement of the
// view (the graph big, the output plane big, the gradient bars big), on the projector at 2× and
// the old beamer at 1×; badges that would touch are dropped rather than overlapping.
TEST_F(LayoutReportSingleTest, TheWidestNetworkFitsTheGraphInEveryArrangement) {
    std::string layers;
    for (int l = 0; l < 6; ++l) {
        if (l > 0) layers += ", ";
        layers += R"({"neurons": 8, "activation": "relu"})";
    }
    // The focus lists of the lessons that use each arrangement.
    for (const char* focus : {R"("network.graph", "network.output", "network.gradients")",
                              R"("network.output", "network.graph")", R"("network.gradients")"}) {
        const fs::path scene = dir_ / "wide.json";
        std::ofstream(scene) << R"({"format": "actlab-scene", "version": 1, "title": "wide",
            "workspace": {"view": "network", "focus": [)"
                             << focus << R"(]},
            "network": {"layers": [)"
                             << layers << R"(], "output": "tanh", "dataset": "circle", "seed": 1,
                "bias_init": -5, "playing": false}})";
        for (const HallSize& size : {HallSize{"1920x1080", "2"}, HallSize{"1280x800", "1"}}) {
            SCOPED_TRACE(std::string(focus) + ", " + size.size + " at " + size.scale + "\u00d7");
            const LayoutReport report = Report("", size, {"--scene", scene.string()});
            ExpectGraphFitsItsSlot(report);
            EXPECT_TRUE(LayoutProblems(report, 0.4).empty()) << Joined(LayoutProblems(report, 0.4));
        }
    }
}

// The softmax lesson's decision surface in the real window (GPU class map): inside the output plane's
// region from the layout report, each of the three classes' colours (the projector palette's first
// three) fills a large part once the blobs are learned, and the legend names the three classes.
TEST_F(LayoutReportSingleTest, TheMultiClassSurfaceShowsEachClassInItsColour) {
    // The same run twice (a seeded lesson, a fixed number of frames): its report, then its pixels.
    const std::vector<std::string> common{
        "--size",    "1600x1000", "--scale", "1",       "--theme",
        "projector", "--frames",  "60",      "--scene", "preset:softmax-three-classes"};
    std::vector<std::string> report_args{"--layout-report", (dir_ / "softmax.json").string()};
    report_args.insert(report_args.end(), common.begin(), common.end());
    const CommandResult reported = RunActlab(report_args, {"XDG_CONFIG_HOME=" + dir_.string()});
    ASSERT_EQ(reported.exit_status, 0) << reported.err;
    std::ifstream in(dir_ / "softmax.json");
    std::stringstream text;
    text << in.rdbuf();
    std::string error;
    const LayoutReport report = ParseLayoutReport(text.str(), error);
    ASSERT_TRUE(error.empty()) << error;
    const auto output = std::find_if(report.regions.begin(), report.regions.end(),
                                     [](const LayoutRegion& r) { return r.id == "network.output"; });
    ASSERT_NE(output, report.regions.end());
    for (const char* name : {"class 0", "class 1", "class 2"}) {
        EXPECT_TRUE(std::any_of(report.labels.begin(), report.labels.end(), [&](const LayoutLabel& l) {
            return l.region == "network.output" && l.text == name;
        })) << name;
    }
    const fs::path shot = dir_ / "softmax.png";
    std::vector<std::string> args{"--screenshot", shot.string()};
    args.insert(args.end(), common.begin(), common.end());
    const CommandResult run = RunActlab(args, {"XDG_CONFIG_HOME=" + dir_.string()});
    ASSERT_EQ(run.exit_status, 0) << run.err;
    const Image image = LoadPng(shot);
    ASSERT_EQ(image.width, 1600);
    // The projector's class colours: blue, vermillion, green (render/figure_theme.cpp).
    const int classes[3][3] = {{0, 90, 181}, {200, 55, 0}, {0, 130, 80}};
    long counts[3] = {0, 0, 0}, total = 0;
    const LayoutRect& r = output->rect;
    for (int y = static_cast<int>(r.y); y < static_cast<int>(r.Bottom()); ++y) {
        for (int x = static_cast<int>(r.x); x < static_cast<int>(r.Right()); ++x, ++total) {
            for (int k = 0; k < 3; ++k)
                counts[k] += Near(image.At(x, y), classes[k][0], classes[k][1], classes[k][2], 30);
        }
    }
    for (int k = 0; k < 3; ++k)
        EXPECT_GT(counts[k], total / 40) << "class " << k << ": " << counts[k] << " of " << total;
}

} // namespace
} // namespace actlab::test
