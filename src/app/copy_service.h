// Copy a figure to the clipboard: the plot, the whole window or the network panel drawn as the
// export draws it (at the export dialog's scale and colours), offered as image/png; a plot also as
// image/svg+xml (the export's SVG) and text/plain (the CSV of its curves).
#pragma once

#include "app/clipboard.h"
#include "core/app_state.h"
#include "ui/export_ui.h"
#include "ui/ui_runtime.h"

#include <csignal>
#include <optional>
#include <string>

namespace actlab::app {

class PlatformWindow;

struct CopyOutcome {
    std::string message; // for the toast: "Copied the f plot (2400×1500 PNG, SVG, CSV)" or why not
    bool ok = false;
};

// The window's clipboard, opened on the first copy and handed to a clipboard manager on exit.
class CopySession {
public:
    // Copies `target` (see CopyToClipboard).
    CopyOutcome Copy(ui::ExportTarget target, AppState& state, ui::UiRuntime& runtime,
                     PlatformWindow& platform);
    // For `--copy`: keeps serving until `hold_s` seconds pass, another program takes the clipboard or
    // `stop` is set; then hands it over as on exit.
    void Hold(double hold_s, const volatile std::sig_atomic_t& stop);
    // Offers the data to a clipboard manager (at most 2 s) while we still own the clipboard.
    void HandOverOnExit();

private:
    std::unique_ptr<Clipboard> clipboard_;
    std::string error_;
    bool opened_ = false;
};

// `clipboard` may be null (no X display): the outcome then says why nothing was copied.
CopyOutcome CopyToClipboard(ui::ExportTarget target, AppState& state, ui::UiRuntime& runtime,
                            PlatformWindow& platform, Clipboard* clipboard,
                            const std::string& clipboard_error);

} // namespace actlab::app
