// File → Export animation…: the choices of `actlab animate` in a dialog (what to draw, a parameter
// sweep or training, length, frame rate, format, loop, file), a progress bar with Cancel while the
// frame loop exports, and the result in the export toast.
#pragma once

#include "core/activation.h"
#include "core/app_state.h"
#include "render/animation_encoder.h"
#include "ui/export_ui.h"

#include <imgui.h>

#include <optional>
#include <string>

namespace actlab::ui {

// What the dialog asks the frame loop to export.
struct AnimationExportRequest {
    ExportTarget target = ExportTarget::PlotF;
    bool train = false; // training instead of a sweep
    ActivationId function = ActivationId::Elu;
    std::string param; // the swept parameter's name
    double from = 0.1, to = 2.0;
    int train_steps = 500;
    double seconds = 4.0;
    int fps = 30;
    bool pingpong = false;
    AnimationFormat format = AnimationFormat::Gif;
    std::string path;
};

// The first frame of the animation the choices describe, drawn by the frame loop (which owns the
// texture) whenever they change; the dialog says how much room it has.
struct AnimationPreview {
    ImTextureID texture = nullptr;
    int width = 0, height = 0;             // the texture's pixels
    int frame_width = 0, frame_height = 0; // the animation's frames
    std::string error;                     // why there is no preview
    float room_width = 0.0f, room_height = 0.0f;
};

struct AnimationExportUi {
    bool open = false;
    AnimationPreview preview;
    bool was_open = false; // last frame's `open`: opening the dialog takes the slider sweep
    AnimationExportRequest choice;
    std::string path_buffer;
    bool path_edited = false;
    std::optional<AnimationExportRequest> pending; // set by the dialog, started by the frame loop
    // Progress, written by the frame loop while an export runs.
    bool running = false;
    long long frames_done = 0, frames_total = 0;
    bool cancel_requested = false;
    float choices_height = 0.0f; // the choices' column as last drawn: the progress keeps its room
    // Scripted presses for the window tests (actlab --animation-out, --animation-cancel-at): Export
    // once the preview is drawn, Cancel once this many frames are done (-1: never).
    bool scripted_export = false;
    long long scripted_cancel_at = -1;
};

struct UiRuntime;

void DrawAnimationExportPanel(AppState& state, UiRuntime& runtime);

// A slider's auto-play sweep of a function parameter as the dialog's choice (one whole cycle: there
// and back for pingpong); false, and nothing changed, for other sweeps (network, softmax) or none.
bool PrefillFromAutoplay(const AutoplayState& autoplay, AnimationExportRequest& choice);

} // namespace actlab::ui
