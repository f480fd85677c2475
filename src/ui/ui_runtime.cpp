// Derived UI data (see ui_runtime.h).
#include "ui/ui_runtime.h"

#include <imgui.h>

#include <algorithm>

namespace actlab::ui {

const std::vector<PlotCurveData>& CurveCache::Get(const Key& key) {
    if (valid_ && key == key_) return curves_;
    // Only what changed is recomputed: moving one slider resamples one curve, and panning keeps
    // every property card (they do not depend on the view).
    const bool same_sampling = valid_ && key.x_min == key_.x_min && key.x_max == key_.x_max &&
                               key.samples == key_.samples && key.convention == key_.convention;
    const FigureTheme theme = FigureThemeFor(key.theme);
    std::vector<PlotCurveData> curves;
    curves.reserve(key.functions.size());
    for (std::size_t i = 0; i < key.functions.size(); ++i) {
        const Activation& activation = key.functions[i];
        const auto old = std::find_if(curves_.begin(), curves_.end(),
                                      [&](const PlotCurveData& c) { return c.activation == activation; });
        PlotCurveData curve;
        curve.activation = activation;
        curve.label = std::string(activation.info().display_name);
        curve.color = PaletteColor(theme, i);
        if (old != curves_.end()) {
            curve.properties = old->properties;
            if (same_sampling) {
                curve.samples = old->samples;
                // The same samples: their pixel polylines still hold wherever the view did not move.
                curve.value_pixels = std::move(old->value_pixels);
                curve.derivative_pixels = std::move(old->derivative_pixels);
            } else {
                curve.samples = SampleCurve(activation, key.x_min, key.x_max, key.samples, key.convention);
            }
        } else {
            curve.properties = ComputeProperties(activation);
            curve.samples = SampleCurve(activation, key.x_min, key.x_max, key.samples, key.convention);
        }
        curves.push_back(std::move(curve));
    }
    curves_ = std::move(curves);
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
    for (ActivationId id : state.plots.selected)
        functions.push_back(state.ActivationOf(id));
    return functions;
}

} // namespace actlab::ui
