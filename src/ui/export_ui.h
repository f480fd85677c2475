// Export from the window: the dialog's choices, the request it hands to the app's frame loop (which
// owns OpenGL and carries it out between frames), and the toast that says where the file went.
// No OpenGL here.
#pragma once

#include "core/app_state.h"
#include "core/enum_names.h"
#include "render/figure.h"

#include <optional>
#include <string>

namespace actlab::ui {

// What an export, a copy or an animation shows; its name is the TARGET of --export, --copy and
// `actlab animate --target`.
enum class ExportTarget { Window, PlotF, PlotDerivative, Network };
inline constexpr EnumName<ExportTarget> kExportTargetNames[] = {{ExportTarget::PlotF, "f"},
                                                                {ExportTarget::PlotDerivative, "df"},
                                                                {ExportTarget::Window, "window"},
                                                                {ExportTarget::Network, "network"}};
enum class ExportFormat { Png, Svg, Csv };
inline constexpr EnumName<ExportFormat> kExportFormatExtensions[] = {
    {ExportFormat::Png, "png"}, {ExportFormat::Svg, "svg"}, {ExportFormat::Csv, "csv"}};

inline constexpr int kMaxExportScale = 4;
inline constexpr int kExportFigureWidth = 1200, kExportFigureHeight = 750; // a plot's logical size

struct ExportRequest {
    ExportTarget target = ExportTarget::PlotF;
    ExportFormat format = ExportFormat::Png;
    int scale = 1;                            // 1–4: re-rendered at this many pixels per pixel
    std::optional<Theme> look = Theme::Light; // none: as the window shows it
    std::string path;
};

struct Toast {
    std::string text;
    bool error = false;
    double shown_at = -1.0; // ImGui time
};

struct ExportUi {
    ExportRequest choice{ExportTarget::PlotF, ExportFormat::Png, 2, Theme::Light, ""};
    bool path_edited = false;             // the user typed a path: keep it when other choices change
    std::string path_buffer;              // the text field
    bool confirm_overwrite = false;       // the file exists: the dialog asks before replacing it
    std::optional<ExportRequest> pending; // set by the dialog, carried out by the frame loop
    std::optional<ExportTarget> copy;     // Ctrl+C and Edit → Copy: copied by the frame loop
    bool capturing = false;               // the window is being drawn offscreen: no dialog, no toast
    Toast toast;
};

// "relu" (the first selected function), "network" or "window": the middle of the default name.
std::string ExportSubject(const AppState& state, ExportTarget target);

// "png", "svg", "csv".
const char* ExportExtension(ExportFormat format);

// $XDG_PICTURES_DIR/ActLab/actlab-SUBJECT-YYYYMMDD-HHMMSS.EXT for now (see core/export_names.h), the
// directory read from the environment and ${XDG_CONFIG_HOME:-~/.config}/user-dirs.dirs.
std::string DefaultExportPath(const AppState& state, ExportTarget target, ExportFormat format);

// SVG and CSV exist for plots only; the window and the network panel are PNG pictures.
bool FormatAllowed(ExportTarget target, ExportFormat format);

// The figure the plot targets draw: the selected functions, view, overlays and probes as shown.
FigureSpec ExportFigureSpec(const AppState& state, const ExportRequest& request);

// The app theme the window is drawn in for this look (transparent: light).
Theme ExportWindowTheme(const AppState& state, std::optional<Theme> look);

// "~/Pictures/ActLab/x.png" for a path under $HOME: shorter in a toast.
std::string ShortenHome(const std::string& path);

// Shows `text` in the corner for a few seconds (in the Export animation dialog while it is open).
void ShowToast(ExportUi& ui, std::string text, bool error);
inline constexpr double kToastSeconds = 4.0;
// Whether the toast is to be shown this frame.
bool ToastLive(const ExportUi& ui);

} // namespace actlab::ui
