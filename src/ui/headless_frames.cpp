// Windowless ImGui frames (see headless_frames.h).
#include "ui/headless_frames.h"

#include "ui/fonts.h"
#include "ui/theme.h"

#include <imgui.h>

namespace actlab::ui {

void CreateHeadlessContext(float width, float height) {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = {width, height};
    io.DeltaTime = 1.0f / 60.0f;
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
}

void PrepareHeadlessFrame(const AppState& state, UiRuntime& runtime) {
    ImGuiIO& io = ImGui::GetIO();
    runtime.fonts = BuildFonts(io, runtime.Scale(state));
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    ApplyTheme(state.display.theme, runtime.Scale(state));
}

}  // namespace actlab::ui
