// Scenes in the app (see scene_files.h).
#include "ui/scene_files.h"

#include "core/file_io.h"
#include "core/lesson_presets.h"
#include "ui/ui_runtime.h"
#include "ui/widgets.h"

#include <imgui.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace actlab::ui {

namespace {

void SetPathField(SceneFiles& files, const std::string& path) {
    files.path_field.fill('\0');
    std::memcpy(files.path_field.data(), path.data(), std::min(path.size(), files.path_field.size() - 1));
}

std::string PathField(const SceneFiles& files) {
    return std::string(files.path_field.data());
}

// "~/x.json" → "$HOME/x.json": the field is typed by hand, as a shell would take it.
std::string ExpandHome(const std::string& path) {
    const char* home = std::getenv("HOME");
    if (path.size() >= 2 && path[0] == '~' && path[1] == '/' && home && *home) return home + path.substr(1);
    return path;
}

bool FileExists(const std::string& path) {
    std::error_code ec;
    return std::filesystem::exists(path, ec);
}

void Load(const std::string& path, AppState& state, UiRuntime& runtime) {
    SceneFiles& files = runtime.scenes;
    SceneParseResult parsed = ReadSceneFile(path);
    if (!parsed.ok()) {
        // The state is untouched: the scene was parsed into its own copy.
        files.dialog_error = parsed.error;
        runtime.Say(parsed.error, MessageKind::Error);
        return;
    }
    files.title = parsed.scene.title;
    ApplyScene(std::move(parsed.scene), state, runtime, false);
    files.last_path = path;
    AddRecentScene(files.recent, path);
    files.dialog = SceneDialog::None;
    files.dialog_error.clear();
    if (parsed.warnings.empty()) {
        runtime.Say("Opened " + path);
    } else {
        runtime.Say("Opened " + path + " (" + std::to_string(parsed.warnings.size()) +
                        " field(s) skipped: " + parsed.warnings.front() + ")",
                    MessageKind::Error);
    }
}

void Save(const std::string& path, const AppState& state, UiRuntime& runtime) {
    SceneFiles& files = runtime.scenes;
    Scene scene = CurrentScene(state, runtime);
    scene.title = files.title;
    if (const std::string error = WriteFileAtomically(path, SceneToJson(scene)); !error.empty()) {
        files.dialog_error = error;
        runtime.Say(error, MessageKind::Error);
        return;
    }
    files.last_path = path;
    AddRecentScene(files.recent, path);
    files.dialog = SceneDialog::None;
    files.dialog_error.clear();
    runtime.Say("Saved " + path);
}

} // namespace

const std::vector<LessonEntry>& LessonEntries(SceneFiles& files) {
    if (files.lessons.empty()) {
        for (const EmbeddedPreset& preset : EmbeddedPresets()) {
            const SceneParseResult parsed = ParseScene(preset.text, preset.name);
            LessonEntry entry;
            entry.title =
                parsed.ok() && !parsed.scene.title.empty() ? parsed.scene.title : std::string(preset.name);
            entry.network = parsed.ok() && parsed.scene.state.panels.network;
            files.lessons.push_back(std::move(entry));
        }
    }
    return files.lessons;
}

void AddRecentScene(std::vector<std::string>& recent, const std::string& path) {
    std::vector<std::string> updated{path};
    for (const std::string& other : recent) {
        if (other != path && updated.size() < kMaxRecentScenes) updated.push_back(other);
    }
    recent = std::move(updated);
}

std::string DefaultScenePath(const SceneFiles& files) {
    if (!files.last_path.empty()) return files.last_path;
    const char* home = std::getenv("HOME");
    return home && *home ? std::string(home) + "/actlab-lesson.json" : "actlab-lesson.json";
}

Scene CurrentScene(const AppState& state, const UiRuntime& runtime) {
    Scene scene;
    scene.state = state;
    if (runtime.session.network.ready() &&
        NetworkFitsLesson(runtime.session.network.trainer().network(), state.network)) {
        scene.trained = runtime.session.network.trainer().network();
        scene.training_step = runtime.session.network.trainer().step();
    }
    return scene;
}

void ApplyScene(Scene scene, AppState& state, UiRuntime& runtime, bool keep_display) {
    const DisplaySettings display = state.display;
    state = std::move(scene.state);
    if (keep_display) state.display = display;
    if (state.display.fullscreen != display.fullscreen) runtime.fullscreen_changed = true;
    if (scene.trained) {
        runtime.session.network.RequestRestore(std::move(*scene.trained), scene.training_step);
    } else {
        runtime.session.network
            .RequestReset(); // fresh weights from the lesson's seed, as the scene describes
    }
    runtime.parameter_error.clear();
}

void ProcessSceneRequests(AppState& state, UiRuntime& runtime) {
    SceneFiles& files = runtime.scenes;
    if (files.load_request) {
        const std::string path = ExpandHome(*files.load_request);
        files.load_request.reset();
        Load(path, state, runtime);
    }
    if (files.save_request) {
        const std::string path = ExpandHome(*files.save_request);
        files.save_request.reset();
        Save(path, state, runtime);
    }
    if (files.preset_request) {
        const std::size_t index = *files.preset_request;
        files.preset_request.reset();
        const auto presets = EmbeddedPresets();
        if (index < presets.size()) {
            SceneParseResult parsed = ParseScene(presets[index].text, presets[index].name);
            if (parsed.ok()) {
                files.title = parsed.scene.title;
                const std::string title = files.title;
                ApplyScene(std::move(parsed.scene), state, runtime, true);
                runtime.Say("Lesson: " + title);
            } else {
                runtime.Say(parsed.error, MessageKind::Error);
            }
        }
    }
}

void DrawSceneFileMenuItems(const AppState& state, UiRuntime& runtime) {
    (void)state;
    SceneFiles& files = runtime.scenes;
    if (ImGui::MenuItem("Open scene\u2026", "Ctrl+O")) files.requested_dialog = SceneDialog::Open;
    if (ImGui::MenuItem("Save scene\u2026", "Ctrl+S")) files.requested_dialog = SceneDialog::Save;
    if (ImGui::BeginMenu("Recent scenes", !files.recent.empty())) {
        for (std::size_t i = 0; i < files.recent.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            const std::string& path = files.recent[i];
            // A file moved or deleted since is shown greyed, not offered.
            const bool exists = FileExists(path);
            const std::string label = exists ? path : path + "  (missing)";
            if (ImGui::MenuItem(label.c_str(), nullptr, false, exists)) files.load_request = path;
            ImGui::PopID();
        }
        ImGui::Separator();
        if (ImGui::MenuItem("Clear the list")) files.recent.clear();
        ImGui::EndMenu();
    }
}

void DrawLessonPresetsMenu(UiRuntime& runtime) {
    if (!ImGui::BeginMenu("Lessons")) return;
    const std::vector<LessonEntry>& lessons = LessonEntries(runtime.scenes);
    for (std::size_t i = 0; i < lessons.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::MenuItem(lessons[i].title.c_str())) runtime.scenes.preset_request = i;
        ImGui::PopID();
    }
    ImGui::EndMenu();
}

void DrawSceneDialogs(const AppState& state, UiRuntime& runtime) {
    (void)state;
    SceneFiles& files = runtime.scenes;
    constexpr const char* kOpenTitle = "Open scene##scene_dialog";
    constexpr const char* kSaveTitle = "Save scene##scene_dialog";
    if (files.requested_dialog != SceneDialog::None) {
        files.dialog = files.requested_dialog;
        files.requested_dialog = SceneDialog::None;
        files.dialog_error.clear();
        files.confirm_overwrite = false;
        SetPathField(files, DefaultScenePath(files));
        ImGui::OpenPopup(files.dialog == SceneDialog::Open ? kOpenTitle : kSaveTitle);
    }
    const float scale = runtime.Scale(state);
    for (SceneDialog kind : {SceneDialog::Open, SceneDialog::Save}) {
        const bool open = kind == SceneDialog::Open;
        const ImGuiViewport* viewport = ImGui::GetMainViewport();
        ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, {0.5f, 0.5f});
        ImGui::SetNextWindowSize({std::min(640.0f * scale, viewport->WorkSize.x * 0.9f), 0.0f});
        if (!ImGui::BeginPopupModal(open ? kOpenTitle : kSaveTitle, nullptr,
                                    ImGuiWindowFlags_NoSavedSettings))
            continue;
        ImGui::TextUnformatted(open ? "Scene file to open:" : "Save the lesson as:");
        ImGui::SetNextItemWidth(-FLT_MIN);
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        const bool entered = ImGui::InputText("##scene_path", files.path_field.data(),
                                              files.path_field.size(), ImGuiInputTextFlags_EnterReturnsTrue);
        if (ImGui::IsItemEdited()) files.confirm_overwrite = false;
        const std::string path = PathField(files);
        if (!files.dialog_error.empty()) ErrorText(files.dialog_error.c_str());
        bool close = false;
        if (files.confirm_overwrite) {
            ErrorText((path + " exists. Replace it?").c_str());
            if (ImGui::Button("Replace")) files.save_request = path;
            ImGui::SameLine();
            if (ImGui::Button("Keep it")) files.confirm_overwrite = false;
        } else {
            const bool go = ImGui::Button(open ? "Open" : "Save") || entered;
            if (go && path.empty()) {
                files.dialog_error = "Type a file name first.";
            } else if (go && open) {
                files.load_request = path;
            } else if (go && FileExists(ExpandHome(path))) {
                files.confirm_overwrite = true; // never overwrite silently
            } else if (go) {
                files.save_request = path;
            }
            ImGui::SameLine();
            if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false))
                close = true;
        }
        // A finished load or save closes the dialog (the request handler clears `dialog`).
        if (close || files.dialog != kind) {
            files.dialog = SceneDialog::None;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

} // namespace actlab::ui
