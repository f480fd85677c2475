// The Export animation dialog (see animation_export_panel.h).
#include "ui/animation_export_panel.h"

#include "ui/ui_runtime.h"

#include <imgui.h>

#include <algorithm>
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
    ImGui::SetNextWindowSize({520.0f * runtime.Scale(state), 0.0f}, ImGuiCond_Appearing);
    if (!ImGui::Begin("Export animation", &ui.open, ImGuiWindowFlags_NoCollapse)) {
        ImGui::End();
        return;
    }
    AnimationExportRequest& choice = ui.choice;
    if (ui.running) {
        // While the frame loop exports: progress and Cancel only.
        const float fraction = ui.frames_total > 0
                                   ? static_cast<float>(ui.frames_done) / static_cast<float>(ui.frames_total)
                                   : 0.0f;
        const std::string label =
            std::to_string(ui.frames_done) + " / " + std::to_string(ui.frames_total) + " frames";
        ImGui::ProgressBar(fraction, {-1.0f, 0.0f}, label.c_str());
        if (ImGui::Button("Cancel##anim_cancel")) ui.cancel_requested = true;
        ImGui::End();
        return;
    }
    DrawWhat(state, choice);
    float seconds = static_cast<float>(choice.seconds);
    if (ImGui::SliderFloat("seconds##anim_seconds", &seconds, 0.5f, 20.0f, "%.1f")) choice.seconds = seconds;
    ImGui::SliderInt("frames per second##anim_fps", &choice.fps, 5, 60);
    if (ImGui::BeginCombo("format##anim_format", AnimationFormatName(choice.format))) {
        for (const auto& entry : kAnimationFormatExtensions) {
            if (ImGui::Selectable(AnimationFormatName(entry.value), entry.value == choice.format))
                choice.format = entry.value;
        }
        ImGui::EndCombo();
    }
    const long long frames = std::llround(choice.seconds * choice.fps);
    ImGui::TextDisabled("%lld frames at the export dialog's scale (%d\u00d7) and colours", frames,
                        runtime.exporter.choice.scale);
    if (!ui.path_edited) ui.path_buffer = DefaultPath(state, choice);
    char buffer[1024];
    const std::size_t length = std::min(ui.path_buffer.size(), sizeof buffer - 1);
    std::copy_n(ui.path_buffer.data(), length, buffer);
    buffer[length] = '\0';
    if (ImGui::InputText("file##anim_path", buffer, sizeof buffer)) {
        ui.path_buffer = buffer;
        ui.path_edited = true;
    }
    const bool can_export = choice.train || !choice.param.empty();
    ImGui::BeginDisabled(!can_export);
    if (ImGui::Button("Export##anim_export")) {
        choice.path = ui.path_buffer;
        ui.pending = choice;
    }
    ImGui::EndDisabled();
    ImGui::End();
}

} // namespace actlab::ui
