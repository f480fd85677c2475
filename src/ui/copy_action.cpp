// Copy requests from the keyboard and the Edit menu (see copy_action.h).
#include "ui/copy_action.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <string_view>

namespace actlab::ui {

ExportTarget CopyTargetUnderMouse(const AppState& state, const UiRuntime& runtime) {
    const ImGuiContext* context = ImGui::GetCurrentContext();
    const ImGuiWindow* hovered = context != nullptr ? context->HoveredWindow : nullptr;
    if (state.panels.network && hovered != nullptr &&
        std::string_view(hovered->RootWindow->Name) == "Mini network") {
        return ExportTarget::Network;
    }
    if (runtime.plots.hovered_previous == "##plot_df" && state.plots.show_derivative)
        return ExportTarget::PlotDerivative;
    return ExportTarget::PlotF;
}

void RequestCopy(UiRuntime& runtime, ExportTarget target) {
    runtime.exporter.copy = target;
}

void DrawCopyMenuItems(const AppState& state, UiRuntime& runtime) {
    if (ImGui::MenuItem("Copy figure", "Ctrl+C")) RequestCopy(runtime, CopyTargetUnderMouse(state, runtime));
    if (ImGui::MenuItem("Copy window", "Ctrl+Shift+C")) RequestCopy(runtime, ExportTarget::Window);
    if (ImGui::MenuItem("Copy network panel", nullptr, false, state.panels.network))
        RequestCopy(runtime, ExportTarget::Network);
}

} // namespace actlab::ui
