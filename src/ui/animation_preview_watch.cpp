// Change detection for the Export animation dialog's preview (see animation_preview_watch.h).
#include "ui/animation_preview_watch.h"

#include <imgui.h>

#include <algorithm>
#include <tuple>

namespace actlab::ui {

namespace {

bool IsPlot(ExportTarget target) {
    return target == ExportTarget::PlotF || target == ExportTarget::PlotDerivative;
}

// The choices that shape the first frame: all but the file's path.
bool SameChoice(const AnimationExportRequest& a, const AnimationExportRequest& b) {
    return std::tie(a.target, a.train, a.function, a.param, a.from, a.to, a.train_steps, a.seconds, a.fps,
                    a.pingpong, a.format) == std::tie(b.target, b.train, b.function, b.param, b.from, b.to,
                                                      b.train_steps, b.seconds, b.fps, b.pingpong, b.format);
}

// The index into ParamValues of the parameter a sweep moves, or none (training, nothing to sweep).
std::optional<std::size_t> SweptSlot(const AnimationExportRequest& choice) {
    if (choice.train || choice.param.empty()) return std::nullopt;
    const auto params = Info(choice.function).params;
    const auto it = std::find_if(params.begin(), params.end(),
                                 [&](const ParamSpec& p) { return p.name == choice.param; });
    if (it == params.end()) return std::nullopt;
    return static_cast<std::size_t>(it - params.begin());
}

// The plots as the first frame draws them: every parameter but the swept one (set to FROM there).
bool SamePlots(const FunctionPlotState& a, const FunctionPlotState& b, const AnimationExportRequest& choice) {
    if (std::tie(a.selected, a.convention, a.layout, a.show_derivative, a.equal_aspect, a.view, a.overlays,
                 a.probes) != std::tie(b.selected, b.convention, b.layout, b.show_derivative, b.equal_aspect,
                                       b.view, b.overlays, b.probes))
        return false;
    const auto function = static_cast<std::size_t>(choice.function);
    const std::optional<std::size_t> swept = SweptSlot(choice);
    for (std::size_t id = 0; id < a.params.size(); ++id) {
        if (id != function || !swept) {
            if (a.params[id] != b.params[id]) return false;
            continue;
        }
        for (std::size_t slot = 0; slot < a.params[id].size(); ++slot) {
            if (slot != *swept && a.params[id][slot] != b.params[id][slot]) return false;
        }
    }
    return true;
}

// The app state as the first frame shows it: a plot needs the plots and the display (the theme, for
// the "shown" colours); the window and the network panel show everything but the auto-play clock.
bool SameState(const AppState& a, const AppState& b, const AnimationExportRequest& choice) {
    if (!SamePlots(a.plots, b.plots, choice) || a.display != b.display) return false;
    if (IsPlot(choice.target)) return true;
    return std::tie(a.workspace, a.panels, a.network, a.softmax, a.propagation, a.born_dead, a.gated,
                    a.autoplay.playing,
                    a.autoplay.sweep) == std::tie(b.workspace, b.panels, b.network, b.softmax, b.propagation,
                                                  b.born_dead, b.gated, b.autoplay.playing, b.autoplay.sweep);
}

} // namespace

AnimationPreviewWatch::Inputs AnimationPreviewWatch::Take(const AppState& state, const UiRuntime& runtime) {
    const AnimationExportUi& ui = runtime.animation;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    Inputs inputs{ui.choice,
                  runtime.exporter.choice.scale,
                  runtime.exporter.choice.look,
                  ui.preview.room_width,
                  ui.preview.room_height,
                  display.x,
                  display.y,
                  runtime.content_scale,
                  runtime.session.network.network_version(),
                  state};
    inputs.choice.path.clear();
    return inputs;
}

bool AnimationPreviewWatch::Same(const Inputs& kept, const AppState& state, const UiRuntime& runtime) {
    const AnimationExportUi& ui = runtime.animation;
    const ExportRequest& still = runtime.exporter.choice;
    if (!SameChoice(kept.choice, ui.choice) || kept.scale != still.scale || kept.look != still.look ||
        kept.room_width != ui.preview.room_width || kept.room_height != ui.preview.room_height)
        return false;
    if (!IsPlot(ui.choice.target)) {
        const ImVec2 display = ImGui::GetIO().DisplaySize;
        if (kept.display_width != display.x || kept.display_height != display.y ||
            kept.content_scale != runtime.content_scale ||
            kept.network_version != runtime.session.network.network_version())
            return false;
    }
    return SameState(kept.state, state, ui.choice);
}

bool AnimationPreviewWatch::ShouldDraw(const AppState& state, const UiRuntime& runtime, double now) {
    if (shown_ && Same(*shown_, state, runtime)) {
        pending_.reset();
        return false;
    }
    if (!pending_ || !Same(*pending_, state, runtime)) {
        pending_ = Take(state, runtime);
        pending_since_ = now;
    }
    // The first preview at once; later ones once the change has held still.
    if (shown_ && now - pending_since_ < kPreviewSettleSeconds) return false;
    shown_ = std::move(pending_);
    pending_.reset();
    ++draws_;
    return true;
}

void AnimationPreviewWatch::Forget() {
    shown_.reset();
    pending_.reset();
}

} // namespace actlab::ui
