// The Export animation dialog (see animation_export_panel.h).
#include "ui/animation_export_panel.h"

#include "ui/panels.h"
#include "ui/ui_runtime.h"
#include "ui/widgets.h"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>

namespace actlab::ui {

namespace {

// The default path: the still export's folder and name, with this format's extension.
std::string DefaultPath(const AppState& state, const AnimationExportRequest& choice) {
    std::filesystem::path path = DefaultExportPath(state, choice.target, ExportFormat::Png);
    path.replace_extension(AnimationFormatExtension(choice.format));
    return path.string();
}

void DrawWhat(const AppState& state, AnimationExportRequest& choice) {
    static constexpr EnumName<ExportTarget> kTargets[] = {{ExportTarget::PlotF, "f plot"},
                                                          {ExportTarget::PlotDerivative, "f\u2032 plot"},
                                                          {ExportTarget::Window, "window"},
                                                          {ExportTarget::Network, "network panel"}};
    if (ImGui::BeginCombo("what##anim_target", NameIn(kTargets, choice.target).data())) {
        for (const auto& [target, label] : kTargets) {
            if (ImGui::Selectable(label.data(), target == choice.target)) choice.target = target;
        }
        ImGui::EndCombo();
    }
    const bool plot = choice.target == ExportTarget::PlotF || choice.target == ExportTarget::PlotDerivative;
    if (plot) choice.train = false;
    ImGui::BeginDisabled(plot);
    ImGui::Checkbox("training instead of a sweep##anim_train", &choice.train);
    ImGui::EndDisabled();
    if (choice.train) {
        ImGui::InputInt("training steps##anim_steps", &choice.train_steps, 100, 1000);
        choice.train_steps = std::clamp(choice.train_steps, 1, 10'000'000);
        return;
    }
    // The sweep: one parameter of a shown function.
    if (std::find(state.plots.selected.begin(), state.plots.selected.end(), choice.function) ==
            state.plots.selected.end() ||
        Info(choice.function).params.empty()) {
        const auto with_params = std::find_if(state.plots.selected.begin(), state.plots.selected.end(),
                                              [](ActivationId id) { return !Info(id).params.empty(); });
        if (with_params == state.plots.selected.end()) {
            ImGui::TextWrapped(
                "None of the shown functions has a parameter to sweep: add ELU, Leaky ReLU, Swish, \u2026");
            return;
        }
        choice.function = *with_params;
        choice.param.clear();
    }
    if (ImGui::BeginCombo("function##anim_fn", std::string(Info(choice.function).display_name).c_str())) {
        for (ActivationId id : state.plots.selected) {
            if (Info(id).params.empty()) continue;
            if (ImGui::Selectable(std::string(Info(id).display_name).c_str(), id == choice.function)) {
                choice.function = id;
                choice.param.clear();
            }
        }
        ImGui::EndCombo();
    }
    const auto params = Info(choice.function).params;
    const auto current = std::find_if(params.begin(), params.end(),
                                      [&](const ParamSpec& p) { return p.name == choice.param; });
    if (current == params.end()) {
        choice.param = std::string(params.front().name);
        choice.from = params.front().slider_min;
        choice.to = params.front().slider_max;
    }
    if (ImGui::BeginCombo("parameter##anim_param", choice.param.c_str())) {
        for (const ParamSpec& p : params) {
            if (ImGui::Selectable(std::string(p.name).c_str(), p.name == choice.param)) {
                choice.param = std::string(p.name);
                choice.from = p.slider_min;
                choice.to = p.slider_max;
            }
        }
        ImGui::EndCombo();
    }
    ImGui::InputDouble("from##anim_from", &choice.from, 0.0, 0.0, "%.4g");
    ImGui::InputDouble("to##anim_to", &choice.to, 0.0, 0.0, "%.4g");
    ImGui::Checkbox("there and back (pingpong)##anim_loop", &choice.pingpong);
}

// The first frame, centred in a box of the room given (which keeps its size while a new preview is
// drawn, so that nothing jumps), its pixel size under it.
void DrawPreview(AnimationPreview& preview, float width, float height) {
    preview.room_width = width;
    preview.room_height = height;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    if (preview.texture != nullptr) {
        const ImVec2 min{std::floor(origin.x + (width - static_cast<float>(preview.width)) * 0.5f),
                         std::floor(origin.y + (height - static_cast<float>(preview.height)) * 0.5f)};
        const ImVec2 max{min.x + static_cast<float>(preview.width),
                         min.y + static_cast<float>(preview.height)};
        draw->AddImage(preview.texture, min, max);
        draw->AddRect({min.x - 1.0f, min.y - 1.0f}, {max.x + 1.0f, max.y + 1.0f},
                      ImGui::GetColorU32(ImGuiCol_Border));
    } else {
        draw->AddRect(origin, {origin.x + width, origin.y + height}, ImGui::GetColorU32(ImGuiCol_Border));
        const char* text = preview.error.empty() ? "Drawing the first frame\u2026" : preview.error.c_str();
        const ImGuiStyle& style = ImGui::GetStyle();
        ImGui::SetCursorScreenPos({origin.x + style.FramePadding.x, origin.y + style.FramePadding.y});
        ImGui::PushTextWrapPos(origin.x + width - style.FramePadding.x);
        ImGui::TextDisabled("%s", text);
        ImGui::PopTextWrapPos();
    }
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy({width, height});
    if (preview.texture != nullptr)
        ImGui::TextDisabled("First frame (%d\u00d7%d pixels)", preview.frame_width, preview.frame_height);
    else
        ImGui::TextDisabled(" ");
}

// While the frame loop exports: how far it is, and Cancel.
void DrawProgress(AnimationExportUi& ui) {
    const float fraction =
        ui.frames_total > 0 ? static_cast<float>(ui.frames_done) / static_cast<float>(ui.frames_total) : 0.0f;
    ImGui::TextWrapped("Exporting %s", ShortenHome(ui.choice.path).c_str());
    const std::string label =
        std::to_string(ui.frames_done) + " / " + std::to_string(ui.frames_total) + " frames";
    ImGui::ProgressBar(fraction, {-FLT_MIN, 0.0f}, label.c_str());
    const bool scripted = ui.scripted_cancel_at >= 0 && ui.frames_done >= ui.scripted_cancel_at;
    if (ImGui::Button("Cancel##anim_cancel") || scripted) {
        ui.cancel_requested = true;
        ui.scripted_cancel_at = -1;
    }
    ImGui::SameLine();
    HintText("nothing is written until the last frame");
}

void DrawChoices(AppState& state, UiRuntime& runtime) {
    AnimationExportUi& ui = runtime.animation;
    AnimationExportRequest& choice = ui.choice;
    SectionHeading("What", runtime.fonts.bold);
    DrawWhat(state, choice);
    SectionHeading("Timing and format", runtime.fonts.bold);
    float seconds = static_cast<float>(choice.seconds);
    if (ImGui::SliderFloat("seconds##anim_seconds", &seconds, 0.5f, 20.0f, "%.1f")) choice.seconds = seconds;
    ImGui::SliderInt("frames per second##anim_fps", &choice.fps, 5, 60);
    if (ImGui::BeginCombo("format##anim_format", AnimationFormatName(choice.format))) {
        for (const auto& entry : kAnimationFormatExtensions) {
            if (ImGui::Selectable(AnimationFormatName(entry.value), entry.value == choice.format) &&
                entry.value != choice.format) {
                choice.format = entry.value;
                // A typed file name keeps its name and takes the format's extension.
                if (ui.path_edited) {
                    std::filesystem::path path = ui.path_buffer;
                    path.replace_extension(AnimationFormatExtension(choice.format));
                    ui.path_buffer = path.string();
                }
            }
        }
        ImGui::EndCombo();
    }
    const long long frames = std::llround(choice.seconds * choice.fps);
    const std::string note = std::to_string(frames) + " frames, at the export dialog's scale (" +
                             std::to_string(runtime.exporter.choice.scale) + "\u00d7) and colours";
    HintText(note.c_str());
    SectionHeading("File", runtime.fonts.bold);
    if (!ui.path_edited) ui.path_buffer = DefaultPath(state, choice);
    char buffer[1024];
    const std::size_t length = std::min(ui.path_buffer.size(), sizeof buffer - 1);
    std::copy_n(ui.path_buffer.data(), length, buffer);
    buffer[length] = '\0';
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::InputText("##anim_path", buffer, sizeof buffer)) {
        ui.path_buffer = buffer;
        ui.path_edited = true;
        // A typed .gif, .mp4 or .webm picks the format: the file's name never lies about its content.
        if (const auto format = AnimationFormatOf(ui.path_buffer)) choice.format = *format;
    }
    const bool can_export = choice.train || !choice.param.empty();
    // As a user does: once the preview is there (or has said why not).
    const bool scripted =
        ui.scripted_export && can_export && (ui.preview.texture != nullptr || !ui.preview.error.empty());
    if (scripted || !can_export) ui.scripted_export = false;
    ImGui::BeginDisabled(!can_export);
    if (ImGui::Button("Export##anim_export") || scripted) {
        choice.path = ui.path_buffer;
        ui.pending = choice;
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Close##anim_close")) ui.open = false;
}

} // namespace

bool PrefillFromAutoplay(const AutoplayState& autoplay, AnimationExportRequest& choice) {
    const ParamSweep& sweep = autoplay.sweep;
    const std::size_t dot = sweep.param.find('.');
    if (dot == std::string::npos) return false;
    const auto function = FindActivation(std::string_view(sweep.param).substr(0, dot));
    if (!function) return false;
    const std::string name = sweep.param.substr(dot + 1);
    const auto params = Info(*function).params;
    if (std::none_of(params.begin(), params.end(), [&](const ParamSpec& p) { return p.name == name; }))
        return false;
    choice.train = false;
    choice.function = *function;
    choice.param = name;
    choice.from = sweep.from;
    choice.to = sweep.to;
    choice.pingpong = sweep.loop == AnimationLoop::PingPong;
    choice.seconds = choice.pingpong ? 2.0 * sweep.seconds : sweep.seconds;
    if (choice.target != ExportTarget::PlotF && choice.target != ExportTarget::PlotDerivative &&
        choice.target != ExportTarget::Window)
        choice.target = ExportTarget::PlotF;
    return true;
}

void DrawAnimationExportPanel(AppState& state, UiRuntime& runtime) {
    AnimationExportUi& ui = runtime.animation;
    // Opening the dialog starts from the sweep a slider's play button (or a deck slide) set up.
    if (ui.open && !ui.was_open && !ui.running) PrefillFromAutoplay(state.autoplay, ui.choice);
    ui.was_open = ui.open;
    if (!ui.open || runtime.exporter.capturing) return;
    const float scale = runtime.Scale(state);
    const ImGuiStyle& style = ImGui::GetStyle();
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    // The choices in a column on the right; the preview beside them takes what the window leaves (up
    // to 640 logical pixels), at the frame's 16:10 shape or less where the window is short.
    const float controls = 430.0f * scale;
    const float chrome = 2.0f * style.WindowPadding.x + style.ItemSpacing.x;
    const float preview_width =
        std::clamp(viewport->WorkSize.x * 0.94f - controls - chrome, 160.0f * scale, 640.0f * scale);
    const float preview_height = std::min(preview_width * 0.625f, viewport->WorkSize.y * 0.6f);
    ImGui::SetNextWindowPos(
        {viewport->WorkPos.x + viewport->WorkSize.x / 2, viewport->WorkPos.y + viewport->WorkSize.y / 2},
        ImGuiCond_Appearing, {0.5f, 0.5f});
    ImGui::SetNextWindowSize({preview_width + controls + chrome, 0.0f}, ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(1.0f); // the preview is judged against a calm background
    if (!ImGui::Begin("Export animation", &ui.open,
                      ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::End();
        return;
    }
    ImGui::BeginGroup();
    DrawPreview(ui.preview, preview_width, preview_height);
    // Where the file went (or why not), under the preview rather than in a toast over the choices.
    if (ToastLive(runtime.exporter)) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + preview_width);
        ToastText(runtime.exporter.toast);
        ImGui::PopTextWrapPos();
    }
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::BeginGroup();
    ImGui::Dummy({controls, 0.0f});
    ImGui::PushItemWidth(controls * 0.58f);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + controls);
    const float top = ImGui::GetCursorPosY();
    if (ui.running) {
        DrawProgress(ui);
        // As tall as the choices were: the dialog keeps its size while it exports.
        const float rest = top + ui.choices_height - ImGui::GetCursorPosY() - style.ItemSpacing.y;
        if (rest > 0.0f) ImGui::Dummy({controls, rest});
    } else {
        DrawChoices(state, runtime);
        ui.choices_height = ImGui::GetCursorPosY() - top;
    }
    ImGui::PopTextWrapPos();
    ImGui::PopItemWidth();
    ImGui::EndGroup();
    ImGui::End();
}

} // namespace actlab::ui
