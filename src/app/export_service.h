// Carries out an export the dialog (or --export) asked for, between two frames of the window: plots
// re-drawn by the figure code into an offscreen framebuffer (or as SVG, or their curves as CSV), the
// whole window or the network panel drawn once more offscreen at N times the size with fonts built
// for it. Writes atomically; every failure comes back as a message, never a crash.
#pragma once

#include "core/app_state.h"
#include "ui/export_ui.h"
#include "ui/ui_runtime.h"

#include <string>

namespace actlab::app {

class PlatformWindow;

struct ExportOutcome {
    std::string path;
    int width = 0, height = 0;  // pixels (PNG); 0 for SVG and CSV
    std::string error;          // "" on success
};

// Renders and writes `request` (its parent directory is created if missing). Leaves the window's
// OpenGL and ImGui state (fonts, style, window positions, framebuffer) as it found them.
ExportOutcome RunExport(const ui::ExportRequest& request, AppState& state, ui::UiRuntime& runtime,
                        PlatformWindow& platform);

// "Saved ~/Pictures/ActLab/x.png (2400×1500)" or "Export failed: ~/x.png: cannot write (…)".
std::string DescribeOutcome(const ExportOutcome& outcome);

}  // namespace actlab::app
