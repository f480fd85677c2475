// Scenes in headless frames: the File menu's open and save dialogs driven by their shortcuts and the
// Enter key, the lesson presets, and a failed load that leaves everything as it was.

#include "ui_frame_fixture.h"

#include "core/lesson_presets.h"
#include "core/scene.h"
#include "ui/theme.h"

#include <filesystem>
#include <string_view>
#include <unistd.h>

namespace actlab::ui {
namespace {

constexpr int kEnterKey = 257; // GLFW_KEY_ENTER

class SceneDialogTest : public UiFrameTest {
protected:
    void SetUp() override {
        UiFrameTest::SetUp();
        ImGui::GetIO().KeyMap[ImGuiKey_Enter] = kEnterKey;
        dir_ = std::filesystem::temp_directory_path() / ("actlab-ui-scene-" + std::to_string(::getpid()));
        std::filesystem::remove_all(dir_);
        std::filesystem::create_directories(dir_);
    }
    void TearDown() override {
        std::filesystem::remove_all(dir_);
        UiFrameTest::TearDown();
    }
    // Opens a dialog with Ctrl+O or Ctrl+S, its path field starting at `path`.
    void OpenDialog(int key, const std::string& path) {
        runtime_.scenes.last_path = path;
        ImGui::GetIO().KeyCtrl = true;
        PressKey(key);
        ImGui::GetIO().KeyCtrl = false;
    }
    std::size_t PresetIndex(std::string_view name) const {
        const auto presets = EmbeddedPresets();
        for (std::size_t i = 0; i < presets.size(); ++i) {
            if (presets[i].name == name) return i;
        }
        ADD_FAILURE() << "no preset " << name;
        return 0;
    }
    std::filesystem::path dir_;
};

TEST_F(SceneDialogTest, SaveThenOpenRestoresTheLessonAndItsWeights) {
    state_.panels.network = true;
    state_.plots.selected = {ActivationId::Gelu, ActivationId::Relu};
    state_.network.playing = true;
    Frames(10);
    state_.network.playing = false;
    Frames(2);
    const std::size_t step = runtime_.session.network.trainer().step();
    ASSERT_GT(step, 0u);
    const Network trained = runtime_.session.network.trainer().network();
    const std::string path = (dir_ / "lesson.json").string();

    OpenDialog('S', path);
    EXPECT_EQ(runtime_.scenes.dialog, SceneDialog::Save);
    PressKey(kEnterKey);
    Frames(2);
    ASSERT_TRUE(std::filesystem::exists(path)) << runtime_.status.text;
    EXPECT_EQ(runtime_.scenes.dialog, SceneDialog::None) << "a finished save closes the dialog";
    EXPECT_EQ(runtime_.scenes.recent.front(), path);
    const std::string first_save = ReadSceneFile(path).ok() ? SceneToJson(ReadSceneFile(path).scene) : "";

    // Saving over it asks first; "Replace" is the only way on.
    OpenDialog('S', path);
    PressKey(kEnterKey);
    EXPECT_TRUE(runtime_.scenes.confirm_overwrite);
    runtime_.scenes.save_request = path; // what the Replace button sets
    Frames(2);
    EXPECT_EQ(runtime_.scenes.dialog, SceneDialog::None);

    // Change everything, then open the file again.
    state_.plots.selected = {ActivationId::Tanh};
    state_.network.hidden = {2};
    state_.network.activations = {Activation::WithDefaults(ActivationId::Sigmoid)};
    Frames(3);
    OpenDialog('O', path);
    EXPECT_EQ(runtime_.scenes.dialog, SceneDialog::Open);
    PressKey(kEnterKey);
    Frames(2);
    EXPECT_EQ(state_.plots.selected, (std::vector<ActivationId>{ActivationId::Gelu, ActivationId::Relu}));
    ASSERT_TRUE(runtime_.session.network.ready());
    EXPECT_EQ(runtime_.session.network.trainer().step(), step) << "the step count comes back";
    EXPECT_EQ(NetworkToJson(runtime_.session.network.trainer().network()), NetworkToJson(trained))
        << "the weights come back";
    // Saved again at once: byte for byte the same file.
    EXPECT_EQ(SceneToJson(CurrentScene(state_, runtime_)), first_save);
}

TEST_F(SceneDialogTest, AFailedOpenLeavesTheStateAndSaysWhere) {
    const std::string bad = std::string(ACTLAB_TEST_DATA_DIR) + "/scenes/truncated.json";
    state_.plots.selected = {ActivationId::Swish};
    Frames(2);
    const AppState before = state_;
    OpenDialog('O', bad);
    PressKey(kEnterKey);
    Frames(2);
    EXPECT_TRUE(state_.plots == before.plots);
    EXPECT_TRUE(state_.network == before.network);
    EXPECT_EQ(runtime_.scenes.dialog, SceneDialog::Open) << "the dialog stays open to correct the path";
    EXPECT_NE(runtime_.scenes.dialog_error.find("truncated.json:5:"), std::string::npos)
        << runtime_.scenes.dialog_error;
    EXPECT_EQ(runtime_.status.kind, MessageKind::Error);
    EXPECT_TRUE(runtime_.scenes.recent.empty());
    // Every theme and lecture scale draws the dialog with its error.
    for (Theme theme : {Theme::Dark, Theme::Light, Theme::Projector}) {
        state_.display.theme = theme;
        for (float scale : {1.0f, 3.0f}) {
            state_.display.ui_scale = scale;
            Frames(2);
        }
    }
    // A recent file that has gone is shown greyed, and opening it is refused cleanly.
    runtime_.scenes.recent = {(dir_ / "gone.json").string()};
    runtime_.scenes.load_request = (dir_ / "gone.json").string();
    Frames(2);
    EXPECT_NE(runtime_.status.text.find("cannot open"), std::string::npos) << runtime_.status.text;
    EXPECT_TRUE(state_.plots == before.plots);
}

// The menus themselves, clicked as a user would: Lessons → the first preset, File → Save scene….
TEST_F(SceneDialogTest, MenusAreClickable) {
    Frames(2);
    ImGuiIO& io = ImGui::GetIO();
    const auto click = [&](ImVec2 at) {
        io.MousePos = at;
        Frame();
        io.MouseDown[0] = true;
        Frame();
        io.MouseDown[0] = false;
        Frames(2);
    };
    const float bar_y = ImGui::GetFrameHeight() * 0.5f;
    const float row = ImGui::GetTextLineHeightWithSpacing();
    // "Lessons" is the fourth menu: after "File", "Edit" and "View".
    const ImGuiStyle& style = ImGui::GetStyle();
    const float lessons_x = style.WindowPadding.x + ImGui::CalcTextSize("File").x +
                            ImGui::CalcTextSize("Edit").x + ImGui::CalcTextSize("View").x +
                            6.0f * style.ItemSpacing.x + 10.0f;
    click({lessons_x, bar_y});
    click({lessons_x + 20.0f, ImGui::GetFrameHeight() + style.WindowPadding.y + row * 0.5f});
    EXPECT_EQ(runtime_.status.text, "Lesson: ReLU basics");
    click({style.WindowPadding.x + 8.0f, bar_y});
    click({style.WindowPadding.x + 30.0f, ImGui::GetFrameHeight() + style.WindowPadding.y + row * 1.5f});
    EXPECT_EQ(runtime_.scenes.dialog, SceneDialog::Save) << "the second entry of File";
    EXPECT_EQ(std::string(runtime_.scenes.path_field.data()), DefaultScenePath(runtime_.scenes));
}

TEST_F(SceneDialogTest, PresetsAreReadyLessons) {
    runtime_.training_budget_seconds = 10.0; // exactly steps_per_frame steps per frame
    state_.display.theme = Theme::Light;
    for (std::size_t i = 0; i < EmbeddedPresets().size(); ++i) {
        runtime_.scenes.preset_request = i;
        Frames(3);
        EXPECT_EQ(runtime_.status.kind, MessageKind::Info) << runtime_.status.text;
        EXPECT_EQ(runtime_.status.text.rfind("Lesson: ", 0), 0u) << runtime_.status.text;
        EXPECT_EQ(state_.display.theme, Theme::Light) << "a preset keeps the lecturer's theme";
    }
    runtime_.scenes.preset_request = PresetIndex("dying-relu-bias");
    Frames(2);
    EXPECT_GT(runtime_.session.network.stats().dead_count * 2,
              runtime_.session.network.stats().hidden_neurons)
        << "born dead";

    runtime_.scenes.preset_request = PresetIndex("dying-relu-learning-rate");
    Frames(1);
    EXPECT_LT(runtime_.session.network.stats().dead_count * 2,
              runtime_.session.network.stats().hidden_neurons)
        << "alive at first";
    EXPECT_TRUE(state_.network.playing);
    Frames(31);
    EXPECT_GT(runtime_.session.network.stats().dead_count * 2,
              runtime_.session.network.stats().hidden_neurons)
        << "killed by training";

    runtime_.scenes.preset_request = PresetIndex("vanishing-gradients");
    Frames(2);
    const NetworkStats& stats = runtime_.session.network.stats();
    ASSERT_EQ(stats.layers.size(), 7u);
    EXPECT_LT(stats.layers[0].gradient_norm * 100.0, stats.layers.back().gradient_norm);

    runtime_.scenes.preset_request = PresetIndex("selu-self-normalises");
    Frames(2);
    EXPECT_TRUE(state_.panels.propagation);
    EXPECT_EQ(state_.propagation.activation, ActivationId::Selu);
    runtime_.scenes.preset_request = PresetIndex("softmax-temperature");
    Frames(2);
    EXPECT_TRUE(state_.panels.softmax);
    EXPECT_FALSE(state_.panels.network);
}

} // namespace
} // namespace actlab::ui
