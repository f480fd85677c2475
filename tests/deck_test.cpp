// The deck format: parsing with positions, every slide source, sweeps, round trips, the shipped decks,
// and appending a view as a slide through the atomic writer.
#include "core/autoplay.h"
#include "core/deck.h"
#include "core/file_io.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace actlab {
namespace {

namespace fs = std::filesystem;

std::string Deck1(const std::string& slides) {
    return "{\"format\": \"actlab-deck\", \"version\": 1, \"title\": \"Lecture\",\n\"slides\": [" + slides +
           "]}";
}

TEST(DeckParse, ReadsPresetInlineAndFileSlidesWithNotesAndSweep) {
    const DeckParseResult r =
        ParseDeck(Deck1(R"j({"title": "ReLU", "scene": "preset:relu-basics", "notes": "max(0, x)"},
{"title": "Leaky", "scene": {"plots": {"selected": ["leaky_relu"]}},
 "sweep": {"param": "leaky_relu.slope", "from": 0, "to": 0.3, "seconds": 4, "mode": "pingpong"}},
{"title": "Mine", "scene": "scenes/mine.json"})j"),
                  "d.json");
    ASSERT_TRUE(r.ok()) << r.error;
    EXPECT_EQ(r.deck.title, "Lecture");
    ASSERT_EQ(r.deck.slides.size(), 3u);
    ASSERT_EQ(r.scenes.size(), 3u);
    EXPECT_EQ(r.deck.slides[0].source, SlideSource::Preset);
    EXPECT_EQ(r.deck.slides[0].scene_ref, "relu-basics");
    EXPECT_EQ(r.deck.slides[0].notes, "max(0, x)");
    EXPECT_EQ(r.scenes[0].title, "ReLU basics");
    EXPECT_EQ(r.deck.slides[1].source, SlideSource::Inline);
    EXPECT_EQ(r.scenes[1].state.plots.selected, std::vector<ActivationId>{ActivationId::LeakyRelu});
    ASSERT_TRUE(r.deck.slides[1].sweep);
    const ParamSweep expected{"leaky_relu.slope", 0.0, 0.3, 4.0, AnimationLoop::PingPong};
    EXPECT_EQ(*r.deck.slides[1].sweep, expected);
    EXPECT_EQ(r.deck.slides[2].source, SlideSource::File);
    EXPECT_EQ(r.deck.slides[2].scene_ref, "scenes/mine.json");
}

TEST(DeckParse, SavesAndReloadsByteIdentically) {
    const DeckParseResult r =
        ParseDeck(Deck1(R"j({"title": "A", "scene": "preset:dying-relu-bias", "notes": "n",
 "sweep": {"param": "network.bias_init", "from": -5, "to": 0, "mode": "forward"}},
{"title": "B", "scene": {"softmax": {"temperature": 2}}})j"),
                  "d.json");
    ASSERT_TRUE(r.ok()) << r.error;
    const std::string saved = DeckToJson(r.deck);
    const DeckParseResult again = ParseDeck(saved, "saved.json");
    ASSERT_TRUE(again.ok()) << again.error;
    EXPECT_EQ(again.deck, r.deck);
    EXPECT_EQ(DeckToJson(again.deck), saved);
    EXPECT_EQ(again.deck.slides[0].sweep->seconds, 4.0); // the default pass
    EXPECT_EQ(again.scenes[1].state.softmax.temperature, 2.0);
}

struct BadDeck {
    const char* text;
    const char* expected; // the start of the error
};

TEST(DeckParse, RefusesMalformedDecksWithFileLineColumn) {
    const BadDeck cases[] = {
        {"{\"format\": \"actlab-deck\",\n  \"version\": 1,, }", "d.json:2:16: syntax error"},
        {"{\"format\": \"actlab-scene\", \"version\": 1}", "d.json:1:12: not an ActLab deck"},
        {"[1]", "d.json:1:1: not an ActLab deck"},
        {"{\"format\": \"actlab-deck\", \"version\": 2, \"title\": \"t\", \"slides\": []}",
         "d.json:1:38: written by a newer ActLab"},
        {"{\"format\": \"actlab-deck\", \"version\": 1, \"title\": \"t\",\n\"slides\": []}",
         "d.json:2:11: slides: \"slides\" must be a non-empty array"},
        {"{\"format\": \"actlab-deck\", \"version\": 1, \"title\": 5, \"slides\": [1]}",
         "d.json:1:50: title: must be a string"},
    };
    for (const BadDeck& c : cases) {
        const DeckParseResult r = ParseDeck(c.text, "d.json");
        ASSERT_FALSE(r.ok()) << c.text;
        EXPECT_EQ(r.error.rfind(c.expected, 0), 0u) << r.error;
        EXPECT_TRUE(r.deck.slides.empty());
    }
}

TEST(DeckParse, PointsAtTheSlideFieldThatIsWrong) {
    const std::string slides = "{\"title\": \"ok\", \"scene\": \"preset:relu-basics\"},\n"
                               "  {\"title\": \"two\", \"scene\": \"preset:no-such\"}";
    const DeckParseResult r = ParseDeck(Deck1(slides), "d.json");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error.rfind("d.json:3:29: slides[1].scene: no lesson preset \"no-such\"", 0), 0u) << r.error;

    const DeckParseResult no_title = ParseDeck(Deck1("{\"scene\": \"preset:relu-basics\"}"), "d.json");
    EXPECT_EQ(no_title.error.rfind("d.json:2:12: slides[0]: no \"title\"", 0), 0u) << no_title.error;

    const DeckParseResult bad_sweep = ParseDeck(
        Deck1(
            R"j({"title": "t", "scene": "preset:relu-basics", "sweep": {"param": "leaky_relu.slope", "from": 0, "to": 0.3, "mode": "sideways"}})j"),
        "d.json");
    EXPECT_NE(bad_sweep.error.find("slides[0].sweep.mode: must be \"pingpong\" or \"forward\""),
              std::string::npos)
        << bad_sweep.error;
}

TEST(DeckParse, ChecksSweepParametersAndRanges) {
    EXPECT_EQ(ValidateSweep({"leaky_relu.slope", 0, 0.3, 4, AnimationLoop::PingPong}), "");
    EXPECT_EQ(ValidateSweep({"network.learning_rate", 0.01, 3, 4, AnimationLoop::Forward}), "");
    EXPECT_NE(ValidateSweep({"nosuch.slope", 0, 1, 4, AnimationLoop::Forward}), "");
    EXPECT_NE(ValidateSweep({"elu.nosuch", 0, 1, 4, AnimationLoop::Forward}), "");
    EXPECT_NE(ValidateSweep({"softmax.temperature", 0, 1, 4, AnimationLoop::Forward}), "");
    EXPECT_NE(ValidateSweep({"elu.alpha", 0.1, 1, 0, AnimationLoop::Forward}), "");
    EXPECT_NE(ValidateSweep({"elu.alpha", 0.1, 1e300 * 1e300, 4, AnimationLoop::Forward}), "");
}

class DeckFiles : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("actlab-deck-" + std::to_string(::getpid()));
        fs::create_directories(dir_ / "scenes");
    }
    void TearDown() override { fs::remove_all(dir_); }
    std::string Write(const std::string& name, const std::string& text) {
        const std::string path = (dir_ / name).string();
        std::ofstream(path) << text;
        return path;
    }
    fs::path dir_;
};

TEST_F(DeckFiles, ReadsSceneFilesBesideTheDeckAndNamesAMissingOne) {
    Write("scenes/elu.json", R"j({"format": "actlab-scene", "version": 1, "plots": {"selected": ["elu"]}})j");
    const std::string deck = Write("deck.json", Deck1(R"j({"title": "ELU", "scene": "scenes/elu.json"})j"));
    const DeckParseResult r = ReadDeckFile(deck);
    ASSERT_TRUE(r.ok()) << r.error;
    EXPECT_EQ(r.scenes[0].state.plots.selected, std::vector<ActivationId>{ActivationId::Elu});

    const std::string missing =
        Write("missing.json", Deck1(R"j({"title": "Gone", "scene": "scenes/gone.json"})j"));
    const DeckParseResult m = ReadDeckFile(missing);
    ASSERT_FALSE(m.ok());
    EXPECT_EQ(m.error.rfind(missing + ":2:39: slides[0].scene: scene file ", 0), 0u) << m.error;
    EXPECT_NE(m.error.find("scenes/gone.json"), std::string::npos) << m.error;
}

TEST_F(DeckFiles, AppendsTheViewAsASlideAndCreatesTheDeck) {
    const std::string path = (dir_ / "new.json").string();
    Scene scene;
    scene.state = DefaultAppState();
    scene.state.plots.selected = {ActivationId::Swish};
    ASSERT_EQ(AppendSlideToDeckFile(path, "Swish", scene), "");
    ASSERT_EQ(AppendSlideToDeckFile(path, "Swish again", scene), "");
    const DeckParseResult r = ReadDeckFile(path);
    ASSERT_TRUE(r.ok()) << r.error;
    ASSERT_EQ(r.deck.slides.size(), 2u);
    EXPECT_EQ(r.deck.slides[1].title, "Swish again");
    EXPECT_EQ(r.scenes[1].state.plots.selected, std::vector<ActivationId>{ActivationId::Swish});

    // A broken deck is left exactly as it was.
    const std::string broken = Write("broken.json", "{\"format\": ");
    EXPECT_NE(AppendSlideToDeckFile(broken, "x", scene), "");
    std::string text;
    ASSERT_EQ(ReadFileCapped(broken, 1000, text), "");
    EXPECT_EQ(text, "{\"format\": ");
}

TEST(ShippedDecks, EveryShippedDeckLoadsWithoutWarnings) {
    ASSERT_FALSE(EmbeddedDecks().empty());
    for (const EmbeddedDeck& shipped : EmbeddedDecks()) {
        const DeckParseResult r = LoadDeckOrShipped("deck:" + std::string(shipped.name));
        ASSERT_TRUE(r.ok()) << r.error;
        EXPECT_TRUE(r.warnings.empty()) << shipped.name << ": " << r.warnings.front();
        for (const DeckSlide& slide : r.deck.slides)
            EXPECT_NE(slide.source, SlideSource::File) << slide.title; // nothing read from disk
    }
    EXPECT_FALSE(LoadDeckOrShipped("deck:no-such").ok());
}

// What a slide with a sweep opens with (its scene, fitted over the sweep as the window does) keeps
// every shown curve inside its plots at every value the sweep passes through.
TEST(ShippedDecks, SweptCurvesStayInsideTheirPlots) {
    const DeckParseResult r = LoadDeckOrShipped("deck:activation-functions");
    ASSERT_TRUE(r.ok()) << r.error;
    int checked = 0;
    for (std::size_t i = 0; i < r.deck.slides.size(); ++i) {
        const DeckSlide& slide = r.deck.slides[i];
        if (!slide.sweep) continue;
        AppState state = r.scenes[i].state;
        FitViewToSweep(state, *slide.sweep);
        const PlotViewRange& view = state.plots.view;
        for (int step = 0; step <= 50; ++step) {
            AppState swept = state;
            const double value = ParamSweepValueAt(*slide.sweep, slide.sweep->seconds * step / 50.0);
            ASSERT_EQ(SetSweepParam(swept, slide.sweep->param, value), "");
            for (const ActivationId id : swept.plots.selected) {
                const Activation shown = swept.ActivationOf(id);
                for (double x = view.x_min; x <= view.x_max; x += (view.x_max - view.x_min) / 997) {
                    const double f = Evaluate(shown, x), df = Derivative(shown, x, swept.plots.convention);
                    ASSERT_TRUE(f >= view.y_min && f <= view.y_max) << slide.title << " at " << value;
                    ASSERT_TRUE(df >= view.dy_min && df <= view.dy_max) << slide.title << " at " << value;
                }
            }
        }
        ++checked;
    }
    EXPECT_GE(checked, 3); // the leaky slope, ELU's α and Swish's β (softmax's sweep has no curves)
}

} // namespace
} // namespace actlab
