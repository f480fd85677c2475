// Export choices, default names and the figure of a plot export (see export_ui.h).
#include "ui/export_ui.h"

#include "core/export_names.h"
#include "core/file_io.h"
#include "core/view_fit.h"
#include "ui/ui_runtime.h"

#include <imgui.h>

#include <chrono>
#include <cstdlib>

namespace actlab::ui {

namespace {

std::string Environment(const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr ? value : "";
}

// user-dirs.dirs is a few lines; a missing or unreadable one means the default folder.
std::string ReadUserDirs(const std::filesystem::path& path) {
    std::string text;
    (void)ReadFileCapped(path.string(), 64u << 10, text);
    return text;
}

} // namespace

std::string ExportSubject(const AppState& state, ExportTarget target) {
    switch (target) {
    case ExportTarget::Window:
        return "window";
    case ExportTarget::Network:
        return "network";
    case ExportTarget::PlotF:
    case ExportTarget::PlotDerivative:
        break;
    }
    const ActivationId first =
        state.plots.selected.empty() ? ActivationId::Relu : state.plots.selected.front();
    const std::string name(Activation::WithDefaults(first).info().name);
    return target == ExportTarget::PlotDerivative ? name + "_prime" : name;
}

const char* ExportExtension(ExportFormat format) {
    return NameIn(kExportFormatExtensions, format).data(); // the table's literals end in '\0'
}

std::string DefaultExportPath(const AppState& state, ExportTarget target, ExportFormat format) {
    const std::string home = Environment("HOME");
    std::string config = Environment("XDG_CONFIG_HOME");
    if (config.empty()) config = home + "/.config";
    const std::filesystem::path directory =
        ExportDirectory(Environment("XDG_PICTURES_DIR"),
                        ReadUserDirs(std::filesystem::path(config) / "user-dirs.dirs"), home);
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm local{};
    localtime_r(&now, &local);
    return (directory / DefaultExportFileName(ExportSubject(state, target), local, ExportExtension(format)))
        .string();
}

bool FormatAllowed(ExportTarget target, ExportFormat format) {
    const bool plot = target == ExportTarget::PlotF || target == ExportTarget::PlotDerivative;
    return plot || format == ExportFormat::Png;
}

FigureSpec ExportFigureSpec(const AppState& state, const ExportRequest& request) {
    const FunctionPlotState& plots = state.plots;
    FigureSpec spec;
    spec.functions = SelectedActivations(state);
    if (request.target == ExportTarget::PlotDerivative) {
        spec.single_plot = PlotQuantity::Derivative;
    } else {
        spec.single_plot = plots.layout == PlotLayout::Overlaid && plots.show_derivative
                               ? PlotQuantity::ValueAndDerivative
                               : PlotQuantity::Value;
    }
    spec.x_range = std::pair{plots.view.x_min, plots.view.x_max};
    spec.y_range = std::pair{plots.view.y_min, plots.view.y_max};
    spec.dy_range = std::pair{plots.view.dy_min, plots.view.dy_max};
    spec.convention = plots.convention;
    spec.overlays = plots.overlays;
    spec.probes = plots.probes;
    spec.theme = request.look.value_or(state.display.theme);
    spec.width = kExportFigureWidth;
    spec.height = kExportFigureHeight;
    spec.scale = static_cast<float>(request.scale);
    return spec;
}

Theme ExportWindowTheme(const AppState& state, std::optional<Theme> look) {
    return OpaqueTheme(look.value_or(state.display.theme));
}

std::string ShortenHome(const std::string& path) {
    const std::string home = Environment("HOME");
    if (home.size() > 1 && path.size() > home.size() && path.compare(0, home.size(), home) == 0 &&
        path[home.size()] == '/') {
        std::string shortened(1, '~');
        shortened.append(path, home.size());
        return shortened;
    }
    return path;
}

void ShowToast(ExportUi& ui, std::string text, bool error) {
    ui.toast.text = std::move(text);
    ui.toast.error = error;
    ui.toast.shown_at = ImGui::GetCurrentContext() ? ImGui::GetTime() : 0.0;
}

bool ToastLive(const ExportUi& ui) {
    return !ui.toast.text.empty() && !ui.capturing && ImGui::GetTime() - ui.toast.shown_at <= kToastSeconds;
}

} // namespace actlab::ui
