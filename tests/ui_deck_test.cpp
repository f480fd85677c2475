// Presenter mode in headless frames: the clicker keys step the deck, G-number-Enter jumps, a slide keeps
// its state (trained weights too) when the presenter comes back, R resets it, the deck takes Space, R, N
// and the digits from the other shortcuts, a slide's sweep starts, and a bad deck changes nothing.
#include "ui/deck_mode.h"
#include "ui/shortcuts.h"
#include "ui_frame_fixture.h"

#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace actlab::ui {
namespace {

class DeckKeysTest : public UiFrameTest {
protected:
    void Open(const std::string& source, std::size_t index = 0) {
        DeckParseResult parsed = LoadDeckOrShipped(source);
        ASSERT_TRUE(parsed.ok()) << parsed.error;
        OpenDeck(std::move(parsed), source, index, state_, runtime_);
        Frames(2);
    }
    void Type(std::initializer_list<int> keys) {
        for (int k : keys)
            PressKey(k);
    }
    std::size_t Slide() const { return runtime_.deck.index; }
    std::size_t Count() const { return runtime_.deck.deck.slides.size(); }
};

TEST_F(DeckKeysTest, EveryClickerKeyStepsTheDeck) {
    Open("deck:activation-functions");
    ASSERT_GE(Count(), 15u);
    EXPECT_EQ(Slide(), 0u);
    int expected = 0;
    for (int next : {key::kPageDown, key::kRight, key::kDown, key::kSpace}) {
        PressKey(next);
        EXPECT_EQ(Slide(), static_cast<std::size_t>(++expected)) << "next key " << next;
    }
    for (int previous : {key::kPageUp, key::kLeft, key::kUp, key::kBackspace}) {
        PressKey(previous);
        EXPECT_EQ(Slide(), static_cast<std::size_t>(--expected)) << "previous key " << previous;
    }
    PressKey(key::kPageUp); // at the first slide it stays
    EXPECT_EQ(Slide(), 0u);
    PressKey(key::kEnd);
    EXPECT_EQ(Slide(), Count() - 1);
    PressKey(key::kPageDown); // at the last slide it stays
    EXPECT_EQ(Slide(), Count() - 1);
    PressKey(key::kHome);
    EXPECT_EQ(Slide(), 0u);
    EXPECT_EQ(SlideIndicatorText(runtime_.deck),
              "slide 1/" + std::to_string(Count()) + " \u00b7 " + runtime_.deck.deck.slides[0].title);
}

TEST_F(DeckKeysTest, GNumberEnterJumpsAndOutOfRangeOrEscDoesNot) {
    Open("deck:activation-functions");
    Type({'G', '1', '2', key::kEnter});
    EXPECT_EQ(Slide(), 11u);
    Type({'3', key::kKeypadEnter}); // a number alone starts the prompt too
    EXPECT_EQ(Slide(), 2u);
    Type({'G', '9', '9', key::kEnter});
    EXPECT_EQ(Slide(), 2u);
    Type({'G', '5', key::kEscape, key::kEnter});
    EXPECT_EQ(Slide(), 2u);
    Type({'G', '5', '7', key::kBackspace, key::kEnter});
    EXPECT_EQ(Slide(), 4u);
    EXPECT_FALSE(runtime_.deck.jump);
}

TEST_F(DeckKeysTest, TheDeckTakesSpaceRNAndDigitsFromTheOtherShortcuts) {
    Open("deck:activation-functions", 2); // ReLU with probes
    const std::vector<ActivationId> selected = state_.plots.selected;
    const PlotViewRange view = state_.plots.view;
    state_.plots.view.x_min = -1.0; // as if panned
    PressKey('N');
    EXPECT_EQ(state_.workspace.view, WorkspaceView::Functions) << "N shows notes, not the network";
    EXPECT_TRUE(runtime_.deck.notes);
    Frames(2);
    PressKey('N');
    EXPECT_FALSE(runtime_.deck.notes);
    PressKey('R'); // the slide back to its scene, not "reset view"
    EXPECT_EQ(state_.plots.view, view);
    EXPECT_EQ(state_.plots.selected, selected);
    EXPECT_EQ(Slide(), 2u);
    Type({'G', '6', key::kEnter}); // the chain-rule slide: a paused network
    ASSERT_EQ(state_.workspace.view, WorkspaceView::Network);
    ASSERT_FALSE(state_.network.playing);
    // Make it the last slide, so that Space cannot move on: it must not play the network either.
    runtime_.deck.deck.slides.resize(6);
    runtime_.deck.opening.resize(6);
    runtime_.deck.left.resize(6);
    PressKey(key::kSpace);
    EXPECT_FALSE(state_.network.playing) << "Space is the clicker's next, not play";
    EXPECT_EQ(Slide(), 5u);
}

TEST_F(DeckKeysTest, ASlideWithASweepStartsIt) {
    Open("deck:activation-functions");
    EXPECT_FALSE(state_.autoplay.playing);
    for (std::size_t i = 0; i < Count(); ++i) {
        const DeckSlide& slide = runtime_.deck.deck.slides[i];
        if (!slide.sweep) continue;
        GoToSlide(i, state_, runtime_);
        EXPECT_TRUE(state_.autoplay.playing) << slide.title;
        EXPECT_EQ(state_.autoplay.sweep, *slide.sweep);
        EXPECT_EQ(state_.autoplay.elapsed, 0.0);
        GoToSlide(0, state_, runtime_);
        EXPECT_FALSE(state_.autoplay.playing);
        return;
    }
    FAIL() << "the shipped deck has no slide with a sweep";
}

// A slide's sweep end to end, as the lecture sees it: G 1 1 Enter opens the ELU slide, whose sweep of
// α plays frame by frame (the value is the sweep's at the elapsed time, and it moves), inside the
// f′ plot all the way; A stops it where it is, and A again plays it from its start.
TEST_F(DeckKeysTest, ASlidesSweepPlaysOverFramesAndARestartsIt) {
    Open("deck:activation-functions");
    std::size_t elu_slide = Count();
    for (std::size_t i = 0; i < Count(); ++i) {
        const auto& sweep = runtime_.deck.deck.slides[i].sweep;
        if (sweep && sweep->param == "elu.alpha") elu_slide = i;
    }
    ASSERT_LT(elu_slide, Count()) << "the ELU slide sweeps alpha";
    const std::string number = std::to_string(elu_slide + 1);
    PressKey('G');
    for (const char digit : number)
        PressKey(digit);
    PressKey(key::kEnter);
    ASSERT_EQ(Slide(), elu_slide);
    ASSERT_TRUE(state_.autoplay.playing);
    const ParamSweep sweep = *runtime_.deck.slide().sweep;
    EXPECT_EQ(state_.autoplay.sweep, sweep);
    const auto alpha = [&] { return state_.plots.params[static_cast<std::size_t>(ActivationId::Elu)][0]; };
    ImGui::GetIO().DeltaTime = 0.05f;
    double lowest = alpha(), highest = alpha();
    for (int frame = 0; frame < 100; ++frame) { // 5 s: up to α = 2 and a quarter of the way back
        Frame();
        ASSERT_DOUBLE_EQ(alpha(), ParamSweepValueAt(sweep, state_.autoplay.elapsed)) << frame;
        // ELU′ peaks at α just left of 0: inside the f′ plot at every frame.
        ASSERT_LE(alpha(), state_.plots.view.dy_max) << frame;
        lowest = std::min(lowest, alpha());
        highest = std::max(highest, alpha());
    }
    EXPECT_LT(lowest, sweep.from + 0.1);
    EXPECT_GT(highest, sweep.to - 0.1) << "the value went over the whole range";
    PressKey('A');
    EXPECT_FALSE(state_.autoplay.playing);
    const double held = alpha();
    Frames(10);
    EXPECT_EQ(alpha(), held) << "stopped where it was";
    PressKey('A');
    ASSERT_TRUE(state_.autoplay.playing);
    EXPECT_EQ(state_.autoplay.sweep, sweep) << "the slide's sweep again";
    EXPECT_LT(state_.autoplay.elapsed, 0.2) << "from its start";
    EXPECT_NEAR(alpha(), sweep.from, 0.1);
}

class DeckFileTest : public DeckKeysTest {
protected:
    void SetUp() override {
        DeckKeysTest::SetUp();
        dir_ = std::filesystem::temp_directory_path() / ("actlab-ui-deck-" + std::to_string(::getpid()));
        std::filesystem::create_directories(dir_);
    }
    void TearDown() override {
        std::filesystem::remove_all(dir_);
        DeckKeysTest::TearDown();
    }
    std::string Write(const std::string& name, const std::string& text) {
        const std::string path = (dir_ / name).string();
        std::ofstream(path) << text;
        return path;
    }
    std::filesystem::path dir_;
};

// Two network slides: training on the first, going to the second and back finds the first as it was
// left (step and weights); R starts it afresh from its scene.
TEST_F(DeckFileTest, ASlideKeepsItsTrainedNetworkAndRResetsIt) {
    const std::string deck = Write("two.json",
                                   R"({"format": "actlab-deck", "version": 1, "title": "Two", "slides": [
  {"title": "Train me", "scene": {"workspace": {"view": "network"}, "panels": {"network": true},
                                   "network": {"playing": true, "steps_per_frame": 5}}},
  {"title": "Other", "scene": {"workspace": {"view": "network"}, "panels": {"network": true},
                                "network": {"layers": [{"neurons": 3, "activation": "tanh"}], "seed": 7}}}]})");
    Open(deck);
    ASSERT_TRUE(FramesUntil([&] { return runtime_.session.network.trainer().step() >= 50; }));
    state_.network.playing = false;
    Frames(2);
    const std::size_t trained_step = runtime_.session.network.trainer().step();
    const Network trained = runtime_.session.network.trainer().network();
    PressKey(key::kPageDown);
    EXPECT_EQ(Slide(), 1u);
    Frames(2);
    EXPECT_EQ(runtime_.session.network.trainer().step(), 0u);
    EXPECT_EQ(state_.network.hidden, std::vector<std::size_t>{3});
    PressKey(key::kPageUp);
    Frames(2);
    EXPECT_EQ(Slide(), 0u);
    EXPECT_EQ(runtime_.session.network.trainer().step(), trained_step);
    EXPECT_EQ(runtime_.session.network.trainer().network().layers[0].weights, trained.layers[0].weights);
    EXPECT_FALSE(state_.network.playing);
    PressKey('R');
    Frames(2);
    EXPECT_TRUE(state_.network.playing) << "the scene's own setting is back";
    EXPECT_LT(runtime_.session.network.trainer().step(), trained_step);
}

// A broken deck, a missing scene file and a missing deck in the window: a message, and the open deck,
// its slide and the lesson stay as they were.
TEST_F(DeckFileTest, ABadDeckInTheWindowChangesNothing) {
    Open("deck:activation-functions", 3);
    const AppState before = state_;
    const std::string broken = Write("broken.json", "{\"format\": \"actlab-deck\",\n \"version\": 1 \"x\"}");
    const std::string missing = Write("missing.json", R"({"format": "actlab-deck", "version": 1, "title": "M",
 "slides": [{"title": "gone", "scene": "nowhere.json"}]})");
    const std::pair<std::string, std::string> cases[] = {
        {broken, broken + ":2:17: syntax error"},
        {missing, missing + ":2:40: slides[0].scene: scene file " + (dir_ / "nowhere.json").string() +
                      ": cannot open"},
        {(dir_ / "none.json").string(), (dir_ / "none.json").string() + ": cannot open"},
    };
    for (const auto& [path, message] : cases) {
        runtime_.deck.load_request = path;
        Frames(2);
        EXPECT_EQ(runtime_.status.text.rfind(message, 0), 0u) << runtime_.status.text;
        EXPECT_EQ(runtime_.status.kind, MessageKind::Error);
        EXPECT_EQ(runtime_.deck.source, "deck:activation-functions");
        EXPECT_EQ(Slide(), 3u);
        EXPECT_EQ(state_.plots, before.plots);
    }
}

// "Add this view as a slide" appends the current scene to a deck file, which then opens with it.
TEST_F(DeckFileTest, AddThisViewAsASlideAppendsToTheDeckFile) {
    state_.plots.selected = {ActivationId::Mish};
    const std::string path = (dir_ / "made.json").string();
    runtime_.deck.add_request = std::pair{path, std::string("Mish")};
    Frames(2);
    runtime_.deck.add_request = std::pair{path, std::string("Mish again")};
    Frames(2);
    runtime_.deck.load_request = path;
    Frames(2);
    ASSERT_TRUE(runtime_.deck.open()) << runtime_.status.text;
    EXPECT_EQ(Count(), 2u);
    EXPECT_EQ(runtime_.deck.deck.slides[1].title, "Mish again");
    EXPECT_EQ(state_.plots.selected, std::vector<ActivationId>{ActivationId::Mish});
    EXPECT_EQ(runtime_.deck.recent.front(), path);
}

} // namespace
} // namespace actlab::ui
