// The shipped lecture on the projector: every slide of deck:activation-functions at 1920×1080 2×,
// opened with --deck … --slide N, writes its layout report, which must pass the lecture hall's checks
// (focus regions inside, neither clipped nor covered, ≥ 40 % of the window, labels neither overlapping
// nor truncated) and name the slide: its index, the deck's slide count and its title.
#include "cli_test_support.h"
#include "core/deck.h"
#include "core/layout_report.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace actlab::test {
namespace {

namespace fs = std::filesystem;

constexpr const char* kDeck = "deck:activation-functions";

const Deck& ShippedDeck() {
    static const Deck deck = LoadDeckOrShipped(kDeck).deck;
    return deck;
}

std::vector<std::size_t> SlideNumbers() {
    std::vector<std::size_t> numbers;
    for (std::size_t i = 1; i <= ShippedDeck().slides.size(); ++i)
        numbers.push_back(i);
    return numbers;
}

class DeckSlideLayoutTest : public ::testing::TestWithParam<std::size_t> {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("actlab-deck-layout-" + std::to_string(::getpid()));
        fs::create_directories(dir_ / "actlab");
    }
    void TearDown() override { fs::remove_all(dir_); }
    fs::path dir_;
};

TEST_P(DeckSlideLayoutTest, PassesTheHallChecksAtTheProjectorSize) {
    const std::size_t number = GetParam();
    const std::string& title = ShippedDeck().slides[number - 1].title;
    const fs::path out = dir_ / "layout.json";
    const CommandResult run =
        RunActlab({"--deck", kDeck, "--slide", std::to_string(number), "--layout-report", out.string(),
                   "--size", "1920x1080", "--scale", "2", "--theme", "projector", "--frames", "3"},
                  {"XDG_CONFIG_HOME=" + dir_.string()});
    ASSERT_EQ(run.exit_status, 0) << run.err;
    std::ifstream in(out);
    std::stringstream text;
    text << in.rdbuf();
    std::string error;
    const LayoutReport report = ParseLayoutReport(text.str(), error);
    ASSERT_TRUE(error.empty()) << error;
    ASSERT_TRUE(report.slide.has_value());
    EXPECT_EQ(report.slide->index, number);
    EXPECT_EQ(report.slide->count, ShippedDeck().slides.size());
    EXPECT_EQ(report.slide->title, title);
    std::string problems;
    for (const std::string& line : LayoutProblems(report, 0.4))
        problems += "\n  " + line;
    EXPECT_TRUE(problems.empty()) << "slide " << number << " \"" << title << "\"" << problems;
}

std::string SlideCaseName(const ::testing::TestParamInfo<std::size_t>& info) {
    return "slide_" + std::to_string(info.param);
}

INSTANTIATE_TEST_SUITE_P(ActivationFunctions, DeckSlideLayoutTest, ::testing::ValuesIn(SlideNumbers()),
                         SlideCaseName);

// Without a deck the report has no "slide".
TEST(DeckLayoutReport, NoSlideWithoutADeck) {
    const fs::path dir = fs::temp_directory_path() / ("actlab-deck-none-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const fs::path out = dir / "layout.json";
    const CommandResult run =
        RunActlab({"--layout-report", out.string(), "--size", "1280x800", "--frames", "2"},
                  {"XDG_CONFIG_HOME=" + dir.string()});
    ASSERT_EQ(run.exit_status, 0) << run.err;
    std::ifstream in(out);
    std::stringstream text;
    text << in.rdbuf();
    std::string error;
    const LayoutReport report = ParseLayoutReport(text.str(), error);
    fs::remove_all(dir);
    ASSERT_TRUE(error.empty()) << error;
    EXPECT_FALSE(report.slide.has_value());
}

} // namespace
} // namespace actlab::test
