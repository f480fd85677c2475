// The workspace's views, size classes and focus, and the layout report's JSON and checks.
#include "core/layout_report.h"
#include "core/state_json.h"
#include "core/workspace.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace actlab {
namespace {

TEST(Workspace, ViewNamesRoundTrip) {
    for (std::size_t i = 0; i < kWorkspaceViewCount; ++i) {
        const auto view = static_cast<WorkspaceView>(i);
        EXPECT_EQ(ParseWorkspaceView(WorkspaceViewName(view)), view);
        EXPECT_FALSE(WorkspaceViewLabel(view).empty());
    }
    EXPECT_FALSE(ParseWorkspaceView("Network"));
    EXPECT_FALSE(ParseWorkspaceView(""));
}

TEST(Workspace, SizeClassesFollowTheLogicalWidth) {
    EXPECT_EQ(ClassifyWidth(960.0f), SizeClass::Narrow); // 1920×1080 at 2×
    EXPECT_EQ(ClassifyWidth(999.0f), SizeClass::Narrow);
    EXPECT_EQ(ClassifyWidth(1000.0f), SizeClass::Medium);
    EXPECT_EQ(ClassifyWidth(1280.0f), SizeClass::Medium); // the old beamer
    EXPECT_EQ(ClassifyWidth(1400.0f), SizeClass::Wide);
    EXPECT_EQ(ClassifyWidth(1920.0f), SizeClass::Wide); // 3840×2160 at 2×
}

TEST(Workspace, WideShortAreasPutThePlotsSideBySideTallOnesStackThem) {
    EXPECT_TRUE(SideBySide(940.0f, 400.0f)); // the projector at 2×
    EXPECT_FALSE(SideBySide(700.0f, 700.0f));
    EXPECT_FALSE(SideBySide(600.0f, 1000.0f));
    EXPECT_FALSE(SideBySide(0.0f, 400.0f));
}

TEST(Workspace, SideColumnsNeverTakeMoreThanTheirShare) {
    EXPECT_FLOAT_EQ(SideWidth(2000.0f, 300.0f, 0.25f), 300.0f);
    EXPECT_FLOAT_EQ(SideWidth(960.0f, 300.0f, 0.25f), 240.0f);
    EXPECT_FLOAT_EQ(SideWidth(-5.0f, 300.0f, 0.25f), 0.0f);
}

TEST(Workspace, FocusIsTheLessonsWhereItNamesRegionsOfTheView) {
    EXPECT_EQ(FocusOf(WorkspaceView::Functions, {}), (std::vector<std::string>{"plot.f", "plot.df"}));
    EXPECT_EQ(FocusOf(WorkspaceView::Network, {"network.gradients"}),
              (std::vector<std::string>{"network.gradients"}));
    // Ids of another view or unknown ones leave the view's own focus.
    EXPECT_EQ(FocusOf(WorkspaceView::Softmax, {"network.gradients", "nonsense"}),
              (std::vector<std::string>{"softmax.bars", "softmax.formula"}));
    for (std::size_t i = 0; i < kWorkspaceViewCount; ++i) {
        EXPECT_FALSE(FocusOf(static_cast<WorkspaceView>(i), {}).empty()) << i;
    }
}

TEST(Workspace, RegionIdsAreUnique) {
    std::vector<std::string_view> ids;
    for (const RegionInfo& r : AllRegions())
        ids.push_back(r.id);
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(std::adjacent_find(ids.begin(), ids.end()), ids.end());
}

// docs/layout-report.md lists every id a report can hold, as the issue asks.
TEST(Workspace, EveryRegionIdIsDocumented) {
    std::ifstream in(std::string(ACTLAB_SOURCE_DIR) + "/docs/layout-report.md");
    std::stringstream text;
    text << in.rdbuf();
    ASSERT_FALSE(text.str().empty());
    for (const RegionInfo& r : AllRegions()) {
        EXPECT_NE(text.str().find("`" + std::string(r.id) + "`"), std::string::npos) << r.id;
    }
}

TEST(WorkspaceState, ViewAndFocusRoundTripThroughJson) {
    AppState state = DefaultAppState();
    ShowView(state, WorkspaceView::Network);
    state.workspace.focus = {"network.gradients"};
    AppState read = DefaultAppState();
    std::vector<std::string> warnings;
    AppStateFromJson(AppStateToJson(state), read, warnings);
    EXPECT_TRUE(warnings.empty());
    EXPECT_EQ(read.workspace, state.workspace);
    EXPECT_TRUE(read.panels.network);
    EXPECT_FALSE(read.panels.softmax);
}

TEST(WorkspaceState, OlderFilesOpenTheViewOfTheirOpenPanel) {
    AppState read = DefaultAppState();
    std::vector<std::string> warnings;
    AppStateFromJson(nlohmann::json::parse(R"({"panels": {"softmax": true}})"), read, warnings);
    EXPECT_TRUE(warnings.empty());
    EXPECT_EQ(read.workspace.view, WorkspaceView::Softmax);
    AppState plain = DefaultAppState();
    AppStateFromJson(nlohmann::json::parse(R"({"display": {"theme": "light"}})"), plain, warnings);
    EXPECT_EQ(plain.workspace.view, WorkspaceView::Functions);
}

TEST(WorkspaceState, UnknownViewsAndRegionsAreSkippedWithAWarning) {
    AppState read = DefaultAppState();
    std::vector<std::string> warnings;
    AppStateFromJson(
        nlohmann::json::parse(R"({"workspace": {"view": "cinema", "focus": ["plot.f", "plot.g", 3]}})"), read,
        warnings);
    EXPECT_EQ(read.workspace.view, WorkspaceView::Functions);
    EXPECT_EQ(read.workspace.focus, (std::vector<std::string>{"plot.f"}));
    EXPECT_EQ(warnings.size(), 3u);
}

LayoutReport GoodReport() {
    LayoutReport report;
    report.width = 1000;
    report.height = 500;
    report.scale = 2.0f;
    report.regions = {{"plot.f", {0, 50, 500, 400}, false, false},
                      {"plot.df", {500, 50, 500, 400}, false, false},
                      {"functions.parameters", {0, 450, 1000, 50}, true, false}};
    report.labels = {{"plot.f", "0", {10, 60, 8, 16}, false},
                     {"plot.f", "1", {10, 80, 8, 16}, false},
                     {"plot.df", "0", {510, 60, 8, 16}, false}};
    report.focus = {"plot.f", "plot.df"};
    return report;
}

TEST(LayoutReport, JsonRoundTripsAndHasTheDocumentedShape) {
    const LayoutReport report = GoodReport();
    const std::string text = LayoutReportToJson(report);
    const nlohmann::json json = nlohmann::json::parse(text);
    EXPECT_EQ(json.at("size"), nlohmann::json::array({1000, 500}));
    EXPECT_EQ(json.at("regions").at(0).at("id"), "plot.f");
    EXPECT_EQ(json.at("regions").at(0).at("rect"), nlohmann::json::array({0, 50, 500, 400}));
    EXPECT_EQ(json.at("labels").at(1).at("text"), "1");
    EXPECT_EQ(json.at("focus"), nlohmann::json::array({"plot.f", "plot.df"}));
    std::string error;
    EXPECT_EQ(ParseLayoutReport(text, error), report);
    EXPECT_TRUE(error.empty());
    ParseLayoutReport("{\"size\": [1]}", error);
    EXPECT_FALSE(error.empty());
}

TEST(LayoutReport, UnionAreaCountsOverlapsOnce) {
    EXPECT_DOUBLE_EQ(UnionArea({{0, 0, 10, 10}, {5, 5, 10, 10}}), 175.0);
    EXPECT_DOUBLE_EQ(UnionArea({{0, 0, 10, 10}, {0, 0, 10, 10}}), 100.0);
    EXPECT_DOUBLE_EQ(UnionArea({{0, 0, 10, 10}, {20, 0, 10, 10}}), 200.0);
    EXPECT_DOUBLE_EQ(UnionArea({}), 0.0);
}

TEST(LayoutReport, AGoodLayoutHasNoProblems) {
    const LayoutReport report = GoodReport();
    EXPECT_TRUE(LayoutProblems(report).empty()) << LayoutProblems(report).front();
    EXPECT_DOUBLE_EQ(WindowShare(report, {"plot.f", "plot.df"}), 0.8);
    EXPECT_DOUBLE_EQ(WindowShare(report, {"plot.f", "plot.g"}), 0.0);
}

TEST(LayoutReport, EveryKindOfProblemIsFound) {
    const auto problems_of = [](LayoutReport report) { return LayoutProblems(report); };
    LayoutReport clipped = GoodReport();
    clipped.regions[0].clipped = true;
    EXPECT_EQ(problems_of(clipped).size(), 1u);
    LayoutReport covered = GoodReport();
    covered.regions[1].covered = true;
    EXPECT_EQ(problems_of(covered).size(), 1u);
    LayoutReport outside = GoodReport();
    outside.regions[1].rect.w = 600;
    EXPECT_EQ(problems_of(outside).size(), 1u);
    LayoutReport small = GoodReport();
    small.regions[0].rect.h = 100;
    small.regions[1].rect.h = 100;
    EXPECT_EQ(problems_of(small).size(), 1u);
    LayoutReport overlapping = GoodReport();
    overlapping.labels[1].rect.y = 70; // "1" over "0" in plot.f
    EXPECT_EQ(problems_of(overlapping).size(), 1u);
    LayoutReport truncated = GoodReport();
    truncated.labels[2].truncated = true;
    EXPECT_EQ(problems_of(truncated).size(), 1u);
    LayoutReport missing = GoodReport();
    missing.focus.push_back("network.graph");
    EXPECT_FALSE(problems_of(missing).empty());
    // Labels of different regions may touch or overlap: each region is read on its own.
    LayoutReport other_regions = GoodReport();
    other_regions.labels[2].rect = other_regions.labels[0].rect;
    EXPECT_TRUE(problems_of(other_regions).empty());
}

} // namespace
} // namespace actlab
