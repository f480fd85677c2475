// Copy to the clipboard (see copy_service.h).
#include "app/copy_service.h"

#include "app/export_service.h"
#include "render/figure.h"
#include "render/png_writer.h"

#include <chrono>
#include <thread>

namespace actlab::app {

namespace {

const char* TargetName(ui::ExportTarget target) {
    switch (target) {
    case ui::ExportTarget::PlotF:
        return "the f plot";
    case ui::ExportTarget::PlotDerivative:
        return "the f\u2032 plot";
    case ui::ExportTarget::Window:
        return "the window";
    case ui::ExportTarget::Network:
        return "the network panel";
    }
    return "the figure";
}

} // namespace

CopyOutcome CopyToClipboard(ui::ExportTarget target, AppState& state, ui::UiRuntime& runtime,
                            PlatformWindow& platform, Clipboard* clipboard,
                            const std::string& clipboard_error) {
    CopyOutcome outcome;
    if (clipboard == nullptr) {
        outcome.message = "Nothing copied: " + clipboard_error;
        return outcome;
    }
    ui::ExportRequest request = runtime.exporter.choice;
    request.target = target;
    request.format = ui::ExportFormat::Png;
    const RenderedImage image = RenderExportPixels(request, state, runtime, platform);
    if (!image.error.empty()) {
        outcome.message = "Nothing copied: " + image.error;
        return outcome;
    }
    std::vector<ClipboardItem> items{{"image/png", EncodePng(image.width, image.height, image.rgba)}};
    std::string formats = "PNG";
    if (target == ui::ExportTarget::PlotF || target == ui::ExportTarget::PlotDerivative) {
        items.push_back({"image/svg+xml", RenderSvg(ui::ExportFigureSpec(state, request))});
        items.push_back({"text/plain", PlotCurvesCsv(state)});
        formats += ", SVG, CSV";
    }
    if (std::string error = clipboard->Offer(std::move(items)); !error.empty()) {
        outcome.message = "Nothing copied: " + error;
        return outcome;
    }
    outcome.ok = true;
    outcome.message = std::string("Copied ") + TargetName(target) + " (" + std::to_string(image.width) +
                      "\u00d7" + std::to_string(image.height) + " " + formats + ")";
    return outcome;
}

CopyOutcome CopySession::Copy(ui::ExportTarget target, AppState& state, ui::UiRuntime& runtime,
                              PlatformWindow& platform) {
    if (!opened_) {
        clipboard_ = CreateSystemClipboard(error_);
        opened_ = true;
    }
    return CopyToClipboard(target, state, runtime, platform, clipboard_.get(), error_);
}

void CopySession::Hold(double hold_s, const volatile std::sig_atomic_t& stop) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(hold_s);
    while (clipboard_ && clipboard_->Owned() && stop == 0 && std::chrono::steady_clock::now() < end) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    HandOverOnExit();
}

void CopySession::HandOverOnExit() {
    if (clipboard_ && clipboard_->Owned()) (void)clipboard_->HandOver(2.0);
}

} // namespace actlab::app
