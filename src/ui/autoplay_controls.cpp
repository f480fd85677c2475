// Slider auto-play in the window (see autoplay_controls.h).
#include "ui/autoplay_controls.h"

#include "core/autoplay.h"
#include "ui/ui_runtime.h"
#include "ui/widgets.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace actlab::ui {

namespace {

constexpr double kDefaultSeconds = 4.0;
constexpr double kMinSeconds = 0.25, kMaxSeconds = 120.0;

// What the play button of `param` plays: the popup's choice, or the slider's range.
ParamSweep& ChoiceFor(UiRuntime& runtime, const std::string& param, double lo, double hi) {
    auto& choices = runtime.autoplay_choices.by_param;
    auto found = choices.find(param);
    if (found == choices.end())
        found =
            choices.emplace(param, ParamSweep{param, lo, hi, kDefaultSeconds, AnimationLoop::PingPong}).first;
    return found->second;
}

std::string Describe(const ParamSweep& sweep) {
    char text[160];
    std::snprintf(text, sizeof text, "%s from %.4g to %.4g%s in %.3g s", sweep.param.c_str(), sweep.from,
                  sweep.to, sweep.loop == AnimationLoop::PingPong ? " and back" : "", sweep.seconds);
    return text;
}

// The play triangle or the stop square, drawn over the last button in the text colour.
void DrawPlayIcon(bool playing) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    const ImVec2 centre{(min.x + max.x) / 2, (min.y + max.y) / 2};
    const float half = (max.y - min.y) * 0.24f;
    const ImU32 color = ImGui::GetColorU32(ImGuiCol_Text);
    if (playing) {
        draw->AddRectFilled({centre.x - half * 0.85f, centre.y - half * 0.85f},
                            {centre.x + half * 0.85f, centre.y + half * 0.85f}, color);
    } else {
        draw->AddTriangleFilled({centre.x - half * 0.75f, centre.y - half},
                                {centre.x - half * 0.75f, centre.y + half}, {centre.x + half, centre.y},
                                color);
    }
}

// Right-click on a play button: the range, the length of one pass and the mode, then Play.
void DrawSweepPopup(AppState& state, ParamSweep& choice, double lo, double hi) {
    ImGui::TextUnformatted(("Auto-play " + choice.param).c_str());
    ImGui::Separator();
    const float width = ImGui::GetFontSize() * 7.0f;
    ImGui::SetNextItemWidth(width);
    ImGui::InputDouble("from##sweep_from", &choice.from, 0.0, 0.0, "%.5g");
    ImGui::SetNextItemWidth(width);
    ImGui::InputDouble("to##sweep_to", &choice.to, 0.0, 0.0, "%.5g");
    if (!std::isfinite(choice.from)) choice.from = lo;
    if (!std::isfinite(choice.to)) choice.to = hi;
    ImGui::SetNextItemWidth(width);
    const double min_seconds = kMinSeconds, max_seconds = kMaxSeconds;
    ReadableSlider("seconds per pass##sweep_seconds", ImGuiDataType_Double, &choice.seconds, &min_seconds,
                   &max_seconds, "%.3g", ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp);
    if (ImGui::RadioButton("back and forth##sweep_pingpong", choice.loop == AnimationLoop::PingPong))
        choice.loop = AnimationLoop::PingPong;
    ImGui::SameLine();
    if (ImGui::RadioButton("forward, jump back##sweep_forward", choice.loop == AnimationLoop::Forward))
        choice.loop = AnimationLoop::Forward;
    if (ImGui::Button("Play##sweep_play")) {
        StartAutoplay(state, choice);
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Slider's range##sweep_reset")) {
        choice.from = lo;
        choice.to = hi;
    }
    HintText("Values outside the parameter's domain are held at its edge. File \u2192 Export animation\u2026 "
             "starts from this sweep.");
}

} // namespace

void StepAutoplay(AppState& state, UiRuntime& runtime, double dt) {
    const std::string error = AdvanceAutoplay(state, dt);
    if (!error.empty()) ShowToast(runtime.exporter, "Auto-play stopped: " + error, true);
}

float AutoplayButtonWidth() {
    return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x;
}

void AutoplayButton(AppState& state, UiRuntime& runtime, const std::string& param, double lo, double hi) {
    AutoplayState& autoplay = state.autoplay;
    bool playing = autoplay.playing && autoplay.sweep.param == param;
    // The slider just drawn was grabbed or typed into: the hand wins over the sweep.
    if (playing && (ImGui::IsItemActivated() || ImGui::IsItemEdited())) {
        autoplay.playing = false;
        playing = false;
    }
    ImGui::PushID(param.c_str());
    ImGui::SameLine(0.0f, ImGui::GetStyle().ItemInnerSpacing.x);
    const float size = ImGui::GetFrameHeight();
    if (playing) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    const bool clicked = ImGui::Button("##autoplay", {size, size});
    if (playing) ImGui::PopStyleColor();
    DrawPlayIcon(playing);
    ParamSweep& choice = ChoiceFor(runtime, param, lo, hi);
    ItemTooltip(playing ? ("Stop the sweep of " + param + " (A).").c_str()
                        : ("Play: " + Describe(choice) +
                           ". Right-click to choose the range, speed and mode; A "
                           "stops and starts the last sweep.")
                              .c_str());
    if (clicked) {
        if (playing) {
            autoplay.playing = false;
        } else {
            StartAutoplay(state, choice);
        }
    }
    if (ImGui::BeginPopupContextItem("##autoplay_popup")) {
        DrawSweepPopup(state, choice, lo, hi);
        ImGui::EndPopup();
    }
    ImGui::PopID();
}

void ToggleAutoplay(AppState& state, UiRuntime& runtime) {
    AutoplayState& autoplay = state.autoplay;
    if (autoplay.playing) {
        autoplay.playing = false;
        return;
    }
    if (autoplay.sweep.param.empty()) {
        ShowToast(runtime.exporter,
                  "Nothing to play yet: press \u25b6 beside a slider (A then stops and starts it)", false);
        return;
    }
    std::string error;
    if (!FindSweepDomain(autoplay.sweep.param, error)) {
        ShowToast(runtime.exporter, "Auto-play: " + error, true);
        return;
    }
    StartAutoplay(state, autoplay.sweep);
}

} // namespace actlab::ui
