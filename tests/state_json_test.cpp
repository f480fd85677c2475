// The app state as JSON: a round trip keeps everything; bad fields are reported, not fatal.
#include "core/state_json.h"
#include "core/training.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace actlab {
namespace {

TEST(StateJson, RoundTripKeepsTheState) {
    AppState state = DefaultAppState();
    state.plots.selected = {ActivationId::LeakyRelu, ActivationId::Selu};
    state.plots.params[static_cast<std::size_t>(ActivationId::LeakyRelu)][0] = 0.1;
    state.plots.convention = KinkConvention::Mean;
    state.plots.layout = PlotLayout::Overlaid;
    state.plots.probes = {{ActivationId::LeakyRelu, -4.0, false}};
    state.plots.view.x_min = -3.5;
    state.display.theme = Theme::Projector;
    state.display.ui_scale = 2.0f;
    state.plots.overlays.legend = false;

    AppState read = DefaultAppState();
    std::vector<std::string> warnings;
    AppStateFromJson(AppStateToJson(state), read, warnings);
    EXPECT_TRUE(warnings.empty()) << warnings.front();
    EXPECT_EQ(read.plots, state.plots);
    EXPECT_EQ(read.display, state.display);
    EXPECT_EQ(AppStateToJson(read).dump(), AppStateToJson(state).dump());
}

// A playing slider sweep is what the window is doing, not the lesson: a scene does not keep it.
TEST(StateJson, AutoplayIsNotSaved) {
    AppState state = DefaultAppState();
    state.autoplay.playing = true;
    state.autoplay.sweep = {"elu.alpha", 0.5, 2.0, 3.0, AnimationLoop::Forward};
    state.autoplay.elapsed = 1.25;
    const std::string text = AppStateToJson(state).dump();
    EXPECT_EQ(text.find("autoplay"), std::string::npos);
    EXPECT_EQ(text.find("elu.alpha"), std::string::npos);

    AppState read = DefaultAppState();
    std::vector<std::string> warnings;
    AppStateFromJson(AppStateToJson(state), read, warnings);
    EXPECT_EQ(read.autoplay, AutoplayState{});
    read.autoplay = state.autoplay;
    EXPECT_EQ(AppStateToJson(read).dump(), text);
}

TEST(StateJson, RoundTripKeepsTheTheoryPanels) {
    AppState state = DefaultAppState();
    state.panels.softmax = true;
    state.panels.born_dead = true;
    state.softmax.class_names = {"yes", "no", "maybe"};
    state.softmax.logits = {1e4, -2.5, 0.1};
    state.softmax.temperature = 0.25;
    state.propagation.activation = ActivationId::Selu;
    state.propagation.params = {1.2, 1.5};
    state.propagation.init = SignalInitScheme::Normal;
    state.propagation.init_std = 0.05;
    state.propagation.depth = 100;
    state.propagation.width = 1000;
    state.propagation.samples = 7;
    state.propagation.seed = 42;
    state.propagation.map_mean = -0.5;
    state.propagation.map_var = 2.0;
    state.propagation.map_steps = 33;
    state.born_dead = {4, 60, 12345, BornDeadBias::Normal, BornDeadDomain::Grid, 9};

    AppState read = DefaultAppState();
    std::vector<std::string> warnings;
    AppStateFromJson(AppStateToJson(state), read, warnings);
    EXPECT_TRUE(warnings.empty()) << warnings.front();
    EXPECT_EQ(read.panels, state.panels);
    EXPECT_EQ(read.softmax, state.softmax);
    EXPECT_EQ(read.propagation, state.propagation);
    EXPECT_EQ(read.born_dead, state.born_dead);
}

TEST(StateJson, TheoryPanelsOpenFromSettingsAndBadValuesAreNamed) {
    AppState state = DefaultAppState();
    std::vector<std::string> warnings;
    AppStateFromJson(nlohmann::json::parse(R"({
        "panels": {"softmax": true, "propagation": true, "born_dead": true},
        "softmax": {"class_names": ["a", "b"], "logits": [1], "temperature": -1},
        "propagation": {"activation": "nosuch", "init": "sideways", "depth": 1000, "width": 0,
                        "params": {"lambda": -3}, "map_var": -1},
        "born_dead": {"width": 9, "trials": "many", "bias": "huge"}})"),
                     state, warnings);
    EXPECT_TRUE(state.panels.softmax && state.panels.propagation && state.panels.born_dead);
    const AppState defaults = DefaultAppState();
    EXPECT_EQ(state.softmax, defaults.softmax) << "mismatched classes and T ≤ 0 are not taken";
    EXPECT_EQ(state.propagation, defaults.propagation);
    EXPECT_EQ(state.born_dead, defaults.born_dead);
    for (const char* field : {"softmax:", "softmax.temperature", "propagation.activation", "propagation.init",
                              "propagation.depth", "propagation.width", "propagation.params",
                              "propagation.map_", "born_dead.width", "born_dead.trials", "born_dead.bias"}) {
        EXPECT_TRUE(std::any_of(warnings.begin(), warnings.end(),
                                [&](const std::string& w) { return w.find(field) != std::string::npos; }))
            << "no warning names " << field;
    }
}

TEST(StateJson, MissingFieldsKeepTheirValues) {
    AppState state = DefaultAppState();
    std::vector<std::string> warnings;
    AppStateFromJson(nlohmann::json::parse(R"({"display": {"theme": "light"}})"), state, warnings);
    EXPECT_TRUE(warnings.empty());
    EXPECT_EQ(state.display.theme, Theme::Light);
    EXPECT_EQ(state.plots, DefaultAppState().plots);
}

TEST(StateJson, BadFieldsAreSkippedAndNamed) {
    AppState state = DefaultAppState();
    std::vector<std::string> warnings;
    AppStateFromJson(nlohmann::json::parse(R"({
        "display": {"theme": "neon", "ui_scale": 50},
        "plots": {"selected": ["relu", "nosuch"], "params": {"softplus": {"beta": -1}, "elu": {"alpha": "x"}},
                  "kink_convention": "sideways", "view": {"x_min": 5, "x_max": -5},
                  "probes": [{"function": "nosuch", "x": 1}]}})"),
                     state, warnings);
    EXPECT_EQ(state.display.theme, Theme::Dark);
    EXPECT_EQ(state.display.ui_scale, 3.0f) << "clamped";
    EXPECT_EQ(state.plots.selected, std::vector<ActivationId>{ActivationId::Relu});
    EXPECT_EQ(state.ActivationOf(ActivationId::Softplus), Activation::WithDefaults(ActivationId::Softplus));
    EXPECT_EQ(state.plots.view, DefaultAppState().plots.view);
    EXPECT_TRUE(state.plots.probes.empty());
    EXPECT_GE(warnings.size(), 7u);
}

TEST(StateJson, NotAnObjectReadsNothing) {
    AppState state = DefaultAppState();
    std::vector<std::string> warnings;
    AppStateFromJson(nlohmann::json::parse("[1, 2]"), state, warnings);
    EXPECT_EQ(warnings.size(), 1u);
    EXPECT_EQ(state.plots, DefaultAppState().plots);
}

} // namespace
} // namespace actlab

namespace actlab {
namespace {

TEST(StateJson, NetworkLessonAndItsPanelsRoundTrip) {
    AppState state = DefaultAppState();
    state.panels.network = true;
    state.panels.chain_rule = true;
    NetworkLessonState& lesson = state.network;
    lesson.hidden = {8, 3, 1};
    lesson.activations = {Activation::WithDefaults(ActivationId::LeakyRelu),
                          Activation::WithDefaults(ActivationId::Elu),
                          Activation::WithDefaults(ActivationId::Sigmoid)};
    lesson.activations[0].params[0] = 0.2;
    lesson.output = ActivationId::Sigmoid;
    lesson.dataset = DatasetKind::Spiral;
    lesson.noise = 0.5;
    lesson.train_fraction = 0.7;
    lesson.seed = 42;
    lesson.learning_rate = 5.0;
    lesson.batch_size = 30;
    lesson.init = InitScheme::Normal;
    lesson.init_std = 0.25;
    lesson.bias_init = -5.0;
    lesson.steps_per_frame = 300;
    lesson.playing = true;
    lesson.selection = {true, 1, 2, 5, 17};

    AppState read = DefaultAppState();
    std::vector<std::string> warnings;
    AppStateFromJson(AppStateToJson(state), read, warnings);
    EXPECT_TRUE(warnings.empty()) << warnings.front();
    EXPECT_EQ(read.panels, state.panels);
    EXPECT_EQ(read.network, lesson);
}

TEST(StateJson, BadNetworkFieldsAreNamedAndTheRestIsRead) {
    AppState state = DefaultAppState();
    std::vector<std::string> warnings;
    AppStateFromJson(nlohmann::json::parse(R"({"panels": {"network": true},
        "network": {"layers": [{"neurons": 99, "activation": "relu"}], "output": "relu", "dataset": "moons",
                    "learning_rate": 1e308, "batch_size": -3, "bias_init": -5, "init": "zeros"}})"),
                     state, warnings);
    EXPECT_TRUE(state.panels.network);
    EXPECT_EQ(state.network.hidden, DefaultAppState().network.hidden) << "a layer of 99 neurons is refused";
    EXPECT_EQ(state.network.output, ActivationId::Tanh) << "ReLU is not an output activation";
    EXPECT_EQ(state.network.dataset, DatasetKind::Circle);
    EXPECT_EQ(state.network.learning_rate, kMaxLearningRate) << "clamped into the slider's range";
    EXPECT_EQ(state.network.batch_size, 1u) << "-3 is clamped to the smallest batch";
    EXPECT_EQ(state.network.init, DefaultAppState().network.init);
    EXPECT_EQ(state.network.bias_init, -5.0) << "the good field is still read";
    EXPECT_GE(warnings.size(), 6u);
}

// A seed too large for 64 bits (found by fuzzing: the plain cast was undefined behaviour), negative
// or fractional is refused with a warning; a whole number written as a float is read.
TEST(StateJson, ASeedThatDoesNotFit64BitsIsRefusedWithAWarning) {
    for (const char* seed : {"5e90", "-4", "2.5", "18446744073709551616"}) {
        AppState state = DefaultAppState();
        std::vector<std::string> warnings;
        AppStateFromJson(nlohmann::json::parse(std::string(R"({"network": {"seed": )") + seed + "}}"), state,
                         warnings);
        EXPECT_EQ(state.network.seed, DefaultAppState().network.seed) << seed;
        ASSERT_EQ(warnings.size(), 1u) << seed;
        EXPECT_NE(warnings[0].find("network.seed"), std::string::npos) << warnings[0];
    }
    AppState state = DefaultAppState();
    std::vector<std::string> warnings;
    AppStateFromJson(nlohmann::json::parse(R"({"network": {"seed": 7.0}})"), state, warnings);
    EXPECT_EQ(state.network.seed, 7u);
    AppStateFromJson(nlohmann::json::parse(R"({"network": {"seed": 18446744073709551615}})"), state,
                     warnings);
    EXPECT_EQ(state.network.seed, 18446744073709551615u);
    EXPECT_TRUE(warnings.empty());
}

TEST(StateJson, TooManyLayersAreClampedToTheFirstOnesWithAWarning) {
    nlohmann::json layers = nlohmann::json::array();
    for (int l = 0; l < 100; ++l)
        layers.push_back({{"neurons", 2}, {"activation", "relu"}});
    AppState state = DefaultAppState();
    std::vector<std::string> warnings;
    AppStateFromJson({{"network", {{"layers", layers}, {"bias_init", -1e6}}}}, state, warnings);
    EXPECT_EQ(state.network.hidden, std::vector<std::size_t>(kMaxHiddenLayers, 2));
    EXPECT_EQ(state.network.activations.size(), kMaxHiddenLayers);
    EXPECT_GE(state.network.bias_init, -1e6) << "clamped, never beyond the control's range";
    EXPECT_LT(state.network.bias_init, 0.0);
    const auto mentions = [&](const std::string& text) {
        return std::any_of(warnings.begin(), warnings.end(),
                           [&](const std::string& w) { return w.find(text) != std::string::npos; });
    };
    EXPECT_TRUE(mentions("network.layers: 100 layers; clamped")) << ::testing::PrintToString(warnings);
    EXPECT_TRUE(mentions("network.bias_init: out of range; clamped to"))
        << ::testing::PrintToString(warnings);
}

} // namespace
} // namespace actlab
