// The export dialog (File → Export figure…, Ctrl+Shift+S, F12): what to export, as what, how large
// and in which colours, and where. It only records a request; the app's frame loop renders and
// writes the file between frames and the toast in the corner says where it went.
#include "core/export_names.h"
#include "ui/layout_recorder.h"
#include "ui/panels.h"
#include "ui/widgets.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <filesystem>

namespace actlab::ui {

namespace {

// A row of radio buttons over an enum; `allowed(value)` greys out the ones that do not apply.
template <typename Enum, typename Allowed>
bool EnumRadios(const char* id, Enum& value, std::initializer_list<std::pair<Enum, const char*>> choices,
                Allowed allowed) {
    bool changed = false;
    ImGui::PushID(id);
    bool first = true;
    for (const auto& [choice, label] : choices) {
        if (!first)
            SameLineIfFits(ImGui::GetFrameHeight() + ImGui::CalcTextSize(label).x +
                           ImGui::GetStyle().ItemInnerSpacing.x);
        first = false;
        const bool enabled = allowed(choice);
        if (!enabled) ImGui::BeginDisabled();
        if (ImGui::RadioButton(label, value == choice)) {
            value = choice;
            changed = true;
        }
        if (!enabled) ImGui::EndDisabled();
    }
    ImGui::PopID();
    return changed;
}

// The field follows the choices until the user edits it; then only its extension follows the format.
void RefreshPath(const AppState& state, ExportUi& ui) {
    if (!ui.path_edited || ui.path_buffer.empty()) {
        ui.path_buffer = DefaultExportPath(state, ui.choice.target, ui.choice.format);
        ui.path_edited = false;
    } else {
        std::filesystem::path path(ui.path_buffer);
        path.replace_extension(ExportExtension(ui.choice.format));
        ui.path_buffer = path.string();
    }
    ui.confirm_overwrite = false;
}

std::string SizeNote(const AppState& state, const ExportUi& ui) {
    const ExportRequest& c = ui.choice;
    if (c.format == ExportFormat::Csv)
        return "x, then f and f\u2032 of each function shown (current parameters)";
    if (c.format == ExportFormat::Svg)
        return "vector paths and text; " + std::to_string(kExportFigureWidth) + "\u00d7" +
               std::to_string(kExportFigureHeight) + " units";
    int width = 0, height = 0;
    if (c.target == ExportTarget::PlotF || c.target == ExportTarget::PlotDerivative) {
        width = kExportFigureWidth * c.scale;
        height = kExportFigureHeight * c.scale;
    } else if (c.target == ExportTarget::Window) {
        const ImVec2 size = ImGui::GetMainViewport()->Size;
        width = static_cast<int>(size.x) * c.scale;
        height = static_cast<int>(size.y) * c.scale;
    } else {
        return "the panel at " + std::to_string(c.scale) + "\u00d7 its size on screen, re-rendered";
    }
    (void)state;
    return std::to_string(width) + " \u00d7 " + std::to_string(height) +
           " pixels, re-rendered (not upscaled)";
}

void Submit(AppState& state, ExportUi& ui) {
    ui.choice.path = ui.path_buffer;
    ui.pending = ui.choice;
    ui.confirm_overwrite = false;
    // The next export gets a fresh default name (a new time); a failed one gets this path back.
    ui.path_buffer.clear();
    ui.path_edited = false;
    state.panels.export_dialog = false; // the window export must not show the dialog itself
}

} // namespace

void DrawExportPanel(AppState& state, UiRuntime& runtime) {
    ExportUi& ui = runtime.exporter;
    if (ui.capturing) return;
    if (!state.panels.export_dialog) {
        // Closed: reopening shows a default name with the time of reopening, unless one was typed.
        if (!ui.path_edited) ui.path_buffer.clear();
        ui.confirm_overwrite = false;
        return;
    }
    if (ui.path_buffer.empty()) RefreshPath(state, ui);
    ExportRequest& c = ui.choice;
    if (c.target == ExportTarget::Network && !state.panels.network) c.target = ExportTarget::PlotF;
    if (!FormatAllowed(c.target, c.format)) c.format = ExportFormat::Png;

    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(
        {viewport->WorkPos.x + viewport->WorkSize.x / 2, viewport->WorkPos.y + viewport->WorkSize.y / 2},
        ImGuiCond_Appearing, {0.5f, 0.5f});
    // Its width follows the UI scale every frame (Ctrl+= while it is open too), within the window;
    // its height fits its content.
    ImGui::SetNextWindowSize({std::min(runtime.Scale(state) * 560.0f, viewport->WorkSize.x * 0.95f), 0.0f},
                             ImGuiCond_Always);
    if (!ImGui::Begin("Export figure", &state.panels.export_dialog,
                      ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::End();
        return;
    }
    bool changed = false;
    SectionHeading("What", runtime.fonts.bold);
    changed |= EnumRadios("##target", c.target,
                          {{ExportTarget::PlotF, "f plot"},
                           {ExportTarget::PlotDerivative, "f\u2032 plot"},
                           {ExportTarget::Window, "Whole window"},
                           {ExportTarget::Network, "Mini network"}},
                          [&](ExportTarget t) { return t != ExportTarget::Network || state.panels.network; });
    if (!state.panels.network) HintText("Open the mini network (N) to export its panel.");

    SectionHeading("Format", runtime.fonts.bold);
    changed |= EnumRadios(
        "##format", c.format,
        {{ExportFormat::Png, "PNG"}, {ExportFormat::Svg, "SVG (plots)"}, {ExportFormat::Csv, "CSV (plots)"}},
        [&](ExportFormat f) { return FormatAllowed(c.target, f); });

    if (c.format == ExportFormat::Png) {
        SectionHeading("Resolution", runtime.fonts.bold);
        EnumRadios("##scale", c.scale, {{1, "1\u00d7"}, {2, "2\u00d7"}, {3, "3\u00d7"}, {4, "4\u00d7"}},
                   [](int) { return true; });
    }
    if (c.format != ExportFormat::Csv) {
        SectionHeading("Colours", runtime.fonts.bold);
        const bool plot = c.target == ExportTarget::PlotF || c.target == ExportTarget::PlotDerivative;
        if (!plot && c.look == Theme::Transparent) c.look = Theme::Light;
        using Look = std::optional<Theme>; // none: as shown
        EnumRadios("##look", c.look,
                   {{Look(Theme::Light), "Light (slide)"},
                    {Look(Theme::Dark), "Dark"},
                    {Look(Theme::Transparent), "Transparent"},
                    {Look(), "As shown"}},
                   [&](const Look& l) { return plot || l != Theme::Transparent; });
    }
    HintText(SizeNote(state, ui).c_str());

    SectionHeading("File", runtime.fonts.bold);
    if (changed) RefreshPath(state, ui);
    ImGui::SetNextItemWidth(-FLT_MIN);
    char buffer[1024];
    const std::size_t length = std::min(ui.path_buffer.size(), sizeof buffer - 1);
    ui.path_buffer.copy(buffer, length);
    buffer[length] = '\0';
    bool enter = false;
    if (ImGui::InputText("##path", buffer, sizeof buffer, ImGuiInputTextFlags_EnterReturnsTrue)) enter = true;
    if (ui.path_buffer != buffer) {
        ui.path_buffer = buffer;
        ui.path_edited = true;
        ui.confirm_overwrite = false;
    }

    std::error_code ec;
    if (ui.confirm_overwrite) {
        ErrorText("This file exists already.");
        if (ImGui::Button("Overwrite")) Submit(state, ui);
        ImGui::SameLine();
        const std::filesystem::path free = FreeExportPath(ui.path_buffer, [](const std::filesystem::path& p) {
            std::error_code e;
            return std::filesystem::exists(p, e);
        });
        const std::string label = "Save as " + free.filename().string();
        if (ImGui::Button(label.c_str())) {
            ui.path_buffer = free.string();
            Submit(state, ui);
        }
        ImGui::SameLine();
        if (ImGui::Button("Back")) ui.confirm_overwrite = false;
    } else {
        const bool export_clicked = ImGui::Button("Export");
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) state.panels.export_dialog = false;
        if (export_clicked || enter) {
            if (std::filesystem::is_regular_file(ui.path_buffer, ec)) {
                ui.confirm_overwrite = true;
            } else {
                Submit(state, ui);
            }
        }
    }
    ImGui::End();
}

void ToastText(const Toast& toast) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float wrap = ImGui::GetCurrentWindow()->DC.TextWrapPos;
    const ImVec2 size = ImGui::CalcTextSize(toast.text.c_str(), nullptr, false,
                                            wrap > 0.0f ? wrap - ImGui::GetCursorPosX() : -1.0f);
    BeginRegionAtCursor("export_toast", size);
    if (LayoutRecorder* recorder = ActiveRecorder())
        recorder->Label(toast.text, at, {at.x + size.x, at.y + size.y});
    if (toast.error) {
        ErrorText(toast.text.c_str());
    } else {
        ImGui::TextUnformatted(toast.text.c_str());
    }
    EndRegionAtCursor();
}

void DrawExportToast(UiRuntime& runtime) {
    // The Export animation dialog, which covers most of a projector's window, shows it in itself.
    if (!ToastLive(runtime.exporter) || runtime.animation.open) return;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float pad = ImGui::GetFontSize();
    ImGui::SetNextWindowPos({viewport->WorkPos.x + viewport->WorkSize.x - pad,
                             viewport->WorkPos.y + viewport->WorkSize.y - pad * 2.5f},
                            ImGuiCond_Always, {1.0f, 1.0f});
    ImGui::SetNextWindowBgAlpha(0.92f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs;
    if (ImGui::Begin("##export_toast", nullptr, flags)) {
        // Above every other window, also a dialog that was clicked (and so raised) after the toast
        // window was first made: the message is the only sign of where the file went.
        ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
        ImGui::PushTextWrapPos(viewport->WorkSize.x * 0.6f);
        ToastText(runtime.exporter.toast);
        ImGui::PopTextWrapPos();
    }
    ImGui::End();
}

} // namespace actlab::ui
