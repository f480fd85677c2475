// Scene files: save → load → save is byte-identical (also with trained weights and for every shipped
// preset), a corpus of malformed and hostile files fails with the file and position, wrong fields
// fall back to defaults with warnings, and an interrupted save never damages the previous file.
#include "core/file_io.h"
#include "core/lesson_presets.h"
#include "core/scene.h"
#include "core/training.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace actlab {
namespace {

namespace fs = std::filesystem;

std::string ReadAll(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

// A private directory per test.
class SceneFileTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("actlab-scene-test-" + std::to_string(::getpid()) + "-" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }
    fs::path dir_;
};

// A lesson that is far from the defaults, with a network trained a few steps.
Scene TrainedScene() {
    Scene scene;
    scene.title = "Test lesson";
    scene.state = DefaultAppState();
    AppState& state = scene.state;
    state.display.theme = Theme::Light;
    state.display.ui_scale = 1.25f;
    state.plots.selected = {ActivationId::LeakyRelu, ActivationId::Elu};
    state.plots.params[static_cast<std::size_t>(ActivationId::LeakyRelu)][0] = 1.0 / 3.0;
    state.plots.view = {-3.5, 2.25, -1.0, 3.0, -0.1, 1.1};
    state.plots.probes = {{ActivationId::Elu, -0.7, true}};
    state.panels.network = true;
    state.network.hidden = {3, 2};
    state.network.activations = {Activation::WithDefaults(ActivationId::Prelu),
                                 Activation::WithDefaults(ActivationId::Tanh)};
    state.network.seed = 42;
    state.softmax.temperature = 0.5;

    NetworkSpec spec;
    spec.hidden = state.network.hidden;
    Network network = MakeNetwork(spec, {InitScheme::Xavier, 0.1, 0.1, 42});
    SetLayerActivation(network, 0, state.network.activations[0]);
    SetLayerActivation(network, 1, state.network.activations[1]);
    DatasetOptions data;
    data.samples = 100;
    SplitData split = SplitDataset(MakeDataset(data), 0.5);
    Trainer trainer(network, split.train, split.test, TrainingOptions{});
    trainer.Run(25);
    scene.trained = trainer.network();
    scene.training_step = trainer.step();
    return scene;
}

TEST(SceneJson, SaveLoadSaveIsByteIdentical) {
    const Scene scene = TrainedScene();
    const std::string saved = SceneToJson(scene);
    const SceneParseResult loaded = ParseScene(saved, "lesson.json");
    ASSERT_TRUE(loaded.ok()) << loaded.error;
    EXPECT_TRUE(loaded.warnings.empty()) << loaded.warnings.front();
    EXPECT_EQ(loaded.scene.title, "Test lesson");
    EXPECT_TRUE(loaded.scene.state.plots == scene.state.plots);
    EXPECT_TRUE(loaded.scene.state.network == scene.state.network);
    EXPECT_EQ(loaded.scene.state.display.ui_scale, 1.25f);
    ASSERT_TRUE(loaded.scene.trained.has_value());
    EXPECT_EQ(NetworkToJson(*loaded.scene.trained), NetworkToJson(*scene.trained))
        << "the weights read back exactly";
    for (std::size_t l = 0; l < scene.trained->layers.size(); ++l) {
        // (The network format keeps PReLU's a per neuron; the layer's shared value is not saved.)
        EXPECT_EQ(loaded.scene.trained->layers[l].weights, scene.trained->layers[l].weights);
        EXPECT_EQ(loaded.scene.trained->layers[l].biases, scene.trained->layers[l].biases);
        EXPECT_EQ(loaded.scene.trained->layers[l].learned, scene.trained->layers[l].learned);
    }
    EXPECT_EQ(loaded.scene.training_step, 25u);
    EXPECT_EQ(SceneToJson(loaded.scene), saved);
}

TEST(SceneJson, TheFileIsVersionedAndNamesItsFormat) {
    const nlohmann::json json = nlohmann::json::parse(SceneToJson(TrainedScene()));
    EXPECT_EQ(json.at("format"), "actlab-scene");
    EXPECT_EQ(json.at("version"), kSceneFormatVersion);
    EXPECT_EQ(json.at("trained").at("network").at("format"), "actlab-network");
    EXPECT_EQ(json.at("plots").at("selected").at(0), "leaky_relu");
}

TEST(SceneJson, ADivergedNetworkIsLeftOutNotWrittenAsNan) {
    Scene scene = TrainedScene();
    scene.trained->layers[0].weights[0] = std::numeric_limits<double>::infinity();
    const SceneParseResult loaded = ParseScene(SceneToJson(scene), "diverged.json");
    ASSERT_TRUE(loaded.ok()) << loaded.error;
    EXPECT_FALSE(loaded.scene.trained.has_value());
}

TEST(SceneJson, MissingFieldsTakeDefaults) {
    const SceneParseResult loaded = ParseScene(R"({"format": "actlab-scene", "version": 1})", "min.json");
    ASSERT_TRUE(loaded.ok()) << loaded.error;
    EXPECT_TRUE(loaded.warnings.empty());
    const AppState defaults = DefaultAppState();
    EXPECT_TRUE(loaded.scene.state.plots == defaults.plots);
    EXPECT_TRUE(loaded.scene.state.network == defaults.network);
    EXPECT_FALSE(loaded.scene.trained.has_value());
}

TEST(SceneJson, EveryShippedPresetLoadsWithoutWarningsAndRoundTrips) {
    ASSERT_EQ(EmbeddedPresets().size(), 11u);
    for (const EmbeddedPreset& preset : EmbeddedPresets()) {
        SCOPED_TRACE(std::string(preset.name));
        const SceneParseResult loaded = ParseScene(preset.text, preset.name);
        ASSERT_TRUE(loaded.ok()) << loaded.error;
        EXPECT_TRUE(loaded.warnings.empty()) << loaded.warnings.front();
        EXPECT_FALSE(loaded.scene.title.empty());
        const std::string saved = SceneToJson(loaded.scene);
        const SceneParseResult again = ParseScene(saved, "saved.json");
        ASSERT_TRUE(again.ok()) << again.error;
        EXPECT_EQ(SceneToJson(again.scene), saved);
    }
    // The embedded text is the file in assets/presets/, byte for byte.
    const auto relu = FindPreset("relu-basics");
    ASSERT_TRUE(relu.has_value());
    EXPECT_EQ(relu->text, ReadAll(fs::path(ACTLAB_SOURCE_DIR) / "assets/presets/relu-basics.json"));
    EXPECT_FALSE(FindPreset("no-such-lesson").has_value());
}

TEST(SceneJson, PresetsOpenTheirPanels) {
    const auto panels = [](std::string_view name) {
        return ParseScene(FindPreset(name)->text, name).scene.state.panels;
    };
    EXPECT_TRUE(panels("selu-self-normalises").propagation);
    EXPECT_TRUE(panels("softmax-temperature").softmax);
    EXPECT_TRUE(panels("dying-relu-bias").network);
    EXPECT_TRUE(panels("vanishing-gradients").network);
    EXPECT_EQ(ParseScene(FindPreset("selu-self-normalises")->text, "").scene.state.propagation.activation,
              ActivationId::Selu);
}

struct BadScene {
    const char* file;
    const char* expected; // part of the message
};

TEST(SceneJson, MalformedCorpusFailsWithFileAndPosition) {
    const BadScene corpus[] = {
        {"truncated.json", "truncated.json:5:"},
        {"not-json.json", "not-json.json:1:2: syntax error"},
        {"wrong-format.json", "not an ActLab scene (format \"actlab-network\""},
        {"no-format.json", "not an ActLab scene (no \"format\""},
        {"newer-version.json", "written by a newer ActLab (version 2); this one reads version 1"},
        {"version-not-a-number.json", "\"version\" must be a whole number"},
        {"top-level-array.json", "the top level is not a JSON object"},
        {"nan.json", "nan.json:4:27: syntax error"},
        {"huge-number.json", "huge-number.json:4:31: number overflow parsing '1e400'"},
        {"trailing-garbage.json", "trailing-garbage.json:1:77: syntax error"},
        {"empty.json", "empty.json:1:1: syntax error"},
        {"invalid-utf8.json", "invalid-utf8.json:1:"},
        {"wrong-bracket.json", "wrong-bracket.json:2:"},
    };
    for (const BadScene& bad : corpus) {
        SCOPED_TRACE(bad.file);
        const std::string path = std::string(ACTLAB_TEST_DATA_DIR) + "/scenes/" + bad.file;
        const SceneParseResult loaded = ReadSceneFile(path);
        EXPECT_FALSE(loaded.ok());
        EXPECT_NE(loaded.error.find(bad.expected), std::string::npos) << loaded.error;
        EXPECT_NE(loaded.error.find(bad.file), std::string::npos) << "names the file: " << loaded.error;
        EXPECT_EQ(loaded.error.find('\n'), std::string::npos) << "one line";
    }
}

TEST(SceneJson, WrongFieldsAreSkippedOrClampedWithWarnings) {
    const SceneParseResult loaded =
        ReadSceneFile(std::string(ACTLAB_TEST_DATA_DIR) + "/scenes/wrong-types.json");
    ASSERT_TRUE(loaded.ok()) << loaded.error;
    const AppState defaults = DefaultAppState();
    const AppState& state = loaded.scene.state;
    EXPECT_EQ(state.display.theme, defaults.display.theme);
    EXPECT_EQ(state.display.ui_scale, 3.0f) << "40 is clamped to the largest scale";
    EXPECT_EQ(state.plots.view, defaults.plots.view) << "a reversed range is refused";
    EXPECT_EQ(state.plots.show_derivative, defaults.plots.show_derivative);
    EXPECT_EQ(state.network.hidden, defaults.network.hidden) << "100 layers are refused";
    EXPECT_EQ(state.network.learning_rate, kMaxLearningRate)
        << "1000 is clamped to the slider's largest rate";
    EXPECT_EQ(state.network.samples, 10u) << "-4 samples are clamped to the smallest dataset";
    EXPECT_EQ(state.softmax.temperature, defaults.softmax.temperature);
    EXPECT_FALSE(loaded.scene.trained.has_value()) << "a broken network is dropped";
    const auto warned = [&](std::string_view field) {
        return std::any_of(loaded.warnings.begin(), loaded.warnings.end(),
                           [&](const std::string& w) { return w.find(field) != std::string::npos; });
    };
    for (const char* field :
         {"display.theme", "display.ui_scale", "plots.selected", "view", "network.layers",
          "network.learning_rate", "network.samples", "softmax.temperature", "trained.network"}) {
        EXPECT_TRUE(warned(field)) << field;
    }
}

TEST(SceneJson, WeightsThatDoNotFitTheLessonAreDropped) {
    Scene scene = TrainedScene();
    scene.state.network.hidden = {5};
    scene.state.network.activations = {Activation::WithDefaults(ActivationId::Relu)};
    const SceneParseResult loaded = ParseScene(SceneToJson(scene), "lesson.json");
    ASSERT_TRUE(loaded.ok()) << loaded.error;
    EXPECT_FALSE(loaded.scene.trained.has_value());
    ASSERT_EQ(loaded.warnings.size(), 1u);
    EXPECT_NE(loaded.warnings[0].find("does not match"), std::string::npos) << loaded.warnings[0];
}

TEST(SceneJson, DeepNestingIsRefusedBeforeParsing) {
    const std::string deep = std::string(10000, '[') + std::string(10000, ']');
    const SceneParseResult loaded = ParseScene(deep, "deep.json");
    EXPECT_FALSE(loaded.ok());
    EXPECT_NE(loaded.error.find("deep.json:1:33: nested deeper than 32 levels"), std::string::npos)
        << loaded.error;
    // Inside a string, brackets are text.
    const std::string text =
        R"({"format": "actlab-scene", "version": 1, "title": ")" + std::string(100, '[') + "\"}";
    EXPECT_TRUE(ParseScene(text, "t.json").ok());
}

TEST_F(SceneFileTest, TooLargeFileIsRefusedWithoutReadingIt) {
    const fs::path path = dir_ / "huge.json";
    { std::ofstream(path) << "{"; }
    fs::resize_file(path, kMaxSceneFileBytes + 1); // sparse: no 16 MiB written
    const SceneParseResult loaded = ReadSceneFile(path.string());
    EXPECT_FALSE(loaded.ok());
    EXPECT_NE(loaded.error.find("larger than 16 MiB"), std::string::npos) << loaded.error;
    EXPECT_FALSE(ParseScene(std::string(kMaxSceneFileBytes + 1, ' '), "big.json").ok());
}

TEST_F(SceneFileTest, MissingFileAndDirectoryAreNamed) {
    EXPECT_NE(ReadSceneFile((dir_ / "nope.json").string()).error.find("nope.json: cannot open"),
              std::string::npos);
    EXPECT_NE(ReadSceneFile(dir_.string()).error.find("is a directory"), std::string::npos);
}

TEST_F(SceneFileTest, WriteReplacesTheFileAndLeavesNoTemporary) {
    const fs::path path = dir_ / "lesson.json";
    const std::string text = SceneToJson(TrainedScene());
    ASSERT_EQ(WriteFileAtomically(path.string(), "old\n"), "");
    ASSERT_EQ(WriteFileAtomically(path.string(), text), "");
    EXPECT_EQ(ReadAll(path), text);
    EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1)
        << "no temporary left";
    const SceneParseResult loaded = ReadSceneFile(path.string());
    ASSERT_TRUE(loaded.ok()) << loaded.error;
    EXPECT_EQ(SceneToJson(loaded.scene), text);
}

TEST_F(SceneFileTest, AFailedWriteKeepsThePreviousFile) {
    const fs::path path = dir_ / "lesson.json";
    ASSERT_EQ(WriteFileAtomically(path.string(), "previous\n"), "");
    // The target is a directory now: the write fails and says so.
    EXPECT_NE(WriteFileAtomically(dir_.string(), "x").find("it is a directory"), std::string::npos);
    // A missing directory: no file can be made.
    const std::string error = WriteFileAtomically((dir_ / "missing" / "lesson.json").string(), "x");
    EXPECT_NE(error.find("cannot write"), std::string::npos) << error;
    EXPECT_EQ(ReadAll(path), "previous\n");
}

// A process saving in a loop is killed with SIGKILL at an arbitrary moment: the file under the name
// is always one complete save, never a mix or a truncation.
TEST_F(SceneFileTest, KillingASaveMidwayNeverDamagesTheFile) {
    const fs::path path = dir_ / "lesson.json";
    Scene first = TrainedScene();
    Scene second = first;
    second.title = "Second version";
    second.state.plots.selected = {ActivationId::Gelu};
    const std::string a = SceneToJson(first), b = SceneToJson(second);
    ASSERT_EQ(WriteFileAtomically(path.string(), a), "");
    for (int round = 0; round < 5; ++round) {
        const pid_t child = ::fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            for (int i = 0;; ++i)
                (void)WriteFileAtomically(path.string(), i % 2 == 0 ? b : a);
        }
        ::usleep(static_cast<useconds_t>(20000 + 15000 * round));
        ::kill(child, SIGKILL);
        int status = 0;
        ::waitpid(child, &status, 0);
        const std::string now = ReadAll(path);
        EXPECT_TRUE(now == a || now == b) << "round " << round << ": " << now.size() << " bytes";
        EXPECT_TRUE(ReadSceneFile(path.string()).ok());
    }
}

} // namespace
} // namespace actlab
