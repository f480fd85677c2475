// `actlab decks [--json]` and the command line's bad decks: each exits 2 with one line on stderr
// before any window opens (a malformed deck with file:line:col, a missing scene file by name, an
// out-of-range --slide by its number).
#include "cli_test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace actlab::test {
namespace {

namespace fs = std::filesystem;

TEST(CliDecks, ListsTheShippedDecksAsTextAndJson) {
    const CommandResult text = RunActlab({"decks"});
    ASSERT_EQ(text.exit_status, 0) << text.err;
    EXPECT_NE(text.out.find("activation-functions"), std::string::npos) << text.out;
    const CommandResult json = RunActlab({"decks", "--json"});
    ASSERT_EQ(json.exit_status, 0) << json.err;
    const nlohmann::json list = nlohmann::json::parse(json.out);
    ASSERT_TRUE(list.is_array());
    bool found = false;
    for (const auto& deck : list) {
        ASSERT_TRUE(deck.at("name").is_string());
        ASSERT_TRUE(deck.at("title").is_string());
        ASSERT_TRUE(deck.at("slides").is_number_unsigned());
        if (deck.at("name") == "activation-functions") {
            found = true;
            EXPECT_GE(deck.at("slides").get<int>(), 15);
            EXPECT_EQ(deck.at("title"), "Activation functions");
        }
    }
    EXPECT_TRUE(found);
}

class CliBadDeck : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("actlab-cli-deck-" + std::to_string(::getpid()));
        fs::create_directories(dir_ / "config");
    }
    void TearDown() override { fs::remove_all(dir_); }
    std::string Write(const std::string& name, const std::string& text) {
        const std::string path = (dir_ / name).string();
        std::ofstream(path) << text;
        return path;
    }
    // Without a display: the deck is refused before a window would be needed.
    CommandResult Run(const std::vector<std::string>& args) {
        return RunActlab(args,
                         {"XDG_CONFIG_HOME=" + (dir_ / "config").string(), "DISPLAY=", "WAYLAND_DISPLAY="});
    }
    fs::path dir_;
};

void ExpectOneLine(const CommandResult& r, const std::string& starts_with) {
    EXPECT_EQ(r.exit_status, 2) << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out;
    EXPECT_EQ(r.err.rfind("actlab: " + starts_with, 0), 0u) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

TEST_F(CliBadDeck, MalformedDeckNamesFileLineColumn) {
    const std::string path =
        Write("bad.json", "{\"format\": \"actlab-deck\",\n  \"version\": 1,\n  \"slides\": [}\n");
    ExpectOneLine(Run({"--deck", path}), path + ":3:14: ");
    const std::string no_title =
        Write("untitled.json", "{\"format\": \"actlab-deck\", \"version\": 1, \"title\": \"T\",\n"
                               " \"slides\": [{\"scene\": \"preset:relu-basics\"}]}");
    ExpectOneLine(Run({"--deck", no_title}), no_title + ":2:13: slides[0]: no \"title\"");
}

TEST_F(CliBadDeck, MissingSceneFileIsNamed) {
    const std::string path =
        Write("deck.json", "{\"format\": \"actlab-deck\", \"version\": 1, \"title\": \"T\",\n"
                           " \"slides\": [{\"title\": \"A\", \"scene\": \"lost/relu.json\"}]}");
    const CommandResult r = Run({"--deck", path});
    ExpectOneLine(r, path + ":2:37: slides[0].scene: scene file ");
    EXPECT_NE(r.err.find("lost/relu.json: cannot open"), std::string::npos) << r.err;
}

TEST_F(CliBadDeck, SlideOutOfRangeNamesTheNumber) {
    for (const char* n : {"0", "22", "999", "-3"}) {
        const CommandResult r = Run({"--deck", "deck:activation-functions", "--slide", n});
        ExpectOneLine(r, std::string("--slide: ") + n + " is out of range");
    }
}

TEST_F(CliBadDeck, UnknownShippedDeckMissingFileAndSlideWithoutDeck) {
    ExpectOneLine(Run({"--deck", "deck:no-such"}), "no shipped deck \"no-such\" (activation-functions");
    ExpectOneLine(Run({"--deck", (dir_ / "none.json").string()}),
                  (dir_ / "none.json").string() + ": cannot open");
    const CommandResult r = Run({"--slide", "2"});
    EXPECT_EQ(r.exit_status, 2);
    EXPECT_NE(r.err.find("--deck"), std::string::npos) << r.err;
    const CommandResult both = Run({"--deck", "deck:activation-functions", "--scene", "preset:relu-basics"});
    EXPECT_EQ(both.exit_status, 2);
}

} // namespace
} // namespace actlab::test
