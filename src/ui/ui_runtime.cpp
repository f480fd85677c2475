// Derived UI data (see ui_runtime.h).
#include "ui/ui_runtime.h"

#include <imgui.h>

namespace actlab::ui {

const std::vector<PlotCurveData>& CurveCache::Get(const Key& key) {
    if (valid_ && key == key_) return curves_;
    curves_ = BuildCurves(key.functions, key.x_min, key.x_max, key.samples, key.convention, FigureThemeFor(key.theme));
    key_ = key;
    valid_ = true;
    ++rebuilds_;
    return curves_;
}

const Properties& PropertyCache::Get(const Activation& activation) {
    if (!key_ || !(*key_ == activation)) {
        properties_ = ComputeProperties(activation);
        key_ = activation;
    }
    return properties_;
}

void UiRuntime::Say(std::string text, MessageKind kind) {
    status.text = std::move(text);
    status.kind = kind;
    status.shown_at = ImGui::GetCurrentContext() ? ImGui::GetTime() : 0.0;
}

std::vector<Activation> SelectedActivations(const AppState& state) {
    std::vector<Activation> functions;
    for (ActivationId id : state.plots.selected) functions.push_back(state.ActivationOf(id));
    return functions;
}

}  // namespace actlab::ui
