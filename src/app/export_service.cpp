// Export between frames (see export_service.h).
#include "app/export_service.h"

#include "app/figure_png.h"
#include "app/platform.h"
#include "core/csv.h"
#include "render/egl_context.h"
#include "core/file_io.h"
#include "render/gl_capture.h"
#include "render/png_writer.h"
#include "ui/panels.h"
#include "ui/theme.h"

#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <cfloat>
#include <cmath>
#include <filesystem>

namespace actlab::app {

namespace {

constexpr int kMaxSide = 16384;  // Mesa's GL_MAX_RENDERBUFFER_SIZE; the window at 4× stays below
constexpr std::size_t kCsvSamples = 1001;

// The window's fonts, style, theme and window rectangles as they were, put back however the
// offscreen frames end.
class WindowStateScope {
public:
    WindowStateScope(AppState& state, ui::UiRuntime& runtime, PlatformWindow& platform)
        : state_(state), runtime_(runtime), platform_(platform), io_(ImGui::GetIO()),
          display_(io_.DisplaySize), mouse_(io_.MousePos), content_scale_(runtime.content_scale),
          theme_(state.display.theme), plots_(runtime.plots) {
        for (ImGuiWindow* window : ImGui::GetCurrentContext()->Windows) {
            windows_.push_back({window, window->Pos, window->Size, window->SizeFull, window->Scroll});
        }
    }
    ~WindowStateScope() {
        Apply(1.0f, theme_, false);
        runtime_.plots = plots_;  // the plots' margins and interaction as measured at 1×
        io_.DisplaySize = display_;
        io_.MousePos = mouse_;
    }
    WindowStateScope(const WindowStateScope&) = delete;
    WindowStateScope& operator=(const WindowStateScope&) = delete;

    // The window as if the screen were `factor` times as large: every ImGui window N times as large
    // and as far from the corner, fonts rasterised and style sized for N times the scale.
    void Apply(float factor, Theme theme, bool capturing) {
        for (const Saved& saved : windows_) {
            saved.window->Pos = {saved.pos.x * factor, saved.pos.y * factor};
            saved.window->Size = {saved.size.x * factor, saved.size.y * factor};
            saved.window->SizeFull = {saved.size_full.x * factor, saved.size_full.y * factor};
            saved.window->Scroll = {saved.scroll.x * factor, saved.scroll.y * factor};
        }
        runtime_.content_scale = content_scale_ * factor;
        state_.display.theme = theme;
        runtime_.exporter.capturing = capturing;
        const float scale = runtime_.Scale(state_);
        runtime_.fonts = ui::BuildFonts(io_, scale);
        platform_.RebuildFontTexture();
        ui::ApplyTheme(theme, scale);
    }

private:
    struct Saved {
        ImGuiWindow* window;
        ImVec2 pos, size, size_full, scroll;
    };
    AppState& state_;
    ui::UiRuntime& runtime_;
    PlatformWindow& platform_;
    ImGuiIO& io_;
    ImVec2 display_, mouse_;
    float content_scale_;
    Theme theme_;
    ui::PlotContext plots_;
    std::vector<Saved> windows_;
};

// The whole window drawn again offscreen at `factor` × its size, fonts rasterised for that size (so
// text is as crisp as the lines); with `crop_to`, only that ImGui window's rectangle.
RenderedImage RenderWindow(AppState& state, ui::UiRuntime& runtime, PlatformWindow& platform, int factor, Theme theme,
                           const char* crop_to) {
    RenderedImage image;
    ImGuiIO& io = ImGui::GetIO();
    const int width = static_cast<int>(std::lround(io.DisplaySize.x)) * factor;
    const int height = static_cast<int>(std::lround(io.DisplaySize.y)) * factor;
    if (width < 1 || height < 1 || width > kMaxSide || height > kMaxSide) {
        image.error = "the window at " + std::to_string(factor) + "\u00d7 would be " + std::to_string(width) + "\u00d7" +
                      std::to_string(height) + " pixels; at most " + std::to_string(kMaxSide) + " a side";
        return image;
    }
    const GlBindingsScope bindings;
    std::optional<Framebuffer> framebuffer = Framebuffer::Create(width, height, 0, image.error);
    if (!framebuffer) return image;
    {
        WindowStateScope saved(state, runtime, platform);
        saved.Apply(static_cast<float>(factor), theme, true);
        io.DisplaySize = {static_cast<float>(width), static_cast<float>(height)};
        io.MousePos = {-FLT_MAX, -FLT_MAX};
        // Two frames: auto-sized windows and linked plot margins settle on the first.
        for (int frame = 0; frame < 2; ++frame) {
            ImGui::NewFrame();
            ui::DrawMainWindow(state, runtime);
            ImGui::Render();
        }
        framebuffer->BeginDrawing();
        const Color background = FigureThemeFor(theme).background;
        ClearFramebuffer(width, height, background.r, background.g, background.b);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        image.width = width;
        image.height = height;
        image.rgba = framebuffer->ReadRgba();
        if (crop_to != nullptr) {
            ImGuiWindow* window = ImGui::FindWindowByName(crop_to);
            if (window == nullptr || !window->WasActive) {
                image = {};
                image.error = std::string("the ") + crop_to + " panel is not open";
                return image;
            }
            const int x0 = std::clamp(static_cast<int>(std::floor(window->Pos.x)), 0, width);
            const int y0 = std::clamp(static_cast<int>(std::floor(window->Pos.y)), 0, height);
            const int x1 = std::clamp(static_cast<int>(std::ceil(window->Pos.x + window->Size.x)), x0, width);
            const int y1 = std::clamp(static_cast<int>(std::ceil(window->Pos.y + window->Size.y)), y0, height);
            std::vector<std::uint8_t> cropped;
            cropped.reserve(static_cast<std::size_t>(x1 - x0) * static_cast<std::size_t>(y1 - y0) * 4);
            for (int y = y0; y < y1; ++y) {
                const auto row = image.rgba.begin() + (static_cast<std::ptrdiff_t>(y) * width + x0) * 4;
                cropped.insert(cropped.end(), row, row + static_cast<std::ptrdiff_t>(x1 - x0) * 4);
            }
            image.rgba = std::move(cropped);
            image.width = x1 - x0;
            image.height = y1 - y0;
        }
    }
    return image;
}

}  // namespace

ExportOutcome RunExport(const ui::ExportRequest& request, AppState& state, ui::UiRuntime& runtime,
                        PlatformWindow& platform) {
    ExportOutcome outcome;
    outcome.path = request.path;
    if (request.path.empty()) {
        outcome.error = "no file name given";
        return outcome;
    }
    if (request.path.back() == '/') {
        outcome.error = request.path + ": cannot write (it is a directory; add a file name)";
        return outcome;
    }
    if (!ui::FormatAllowed(request.target, request.format)) {
        outcome.error = "the window and the network panel export as PNG only";
        return outcome;
    }
    const std::filesystem::path parent = std::filesystem::path(request.path).parent_path();
    std::error_code ec;
    if (!parent.empty() && !std::filesystem::is_directory(parent, ec)) {
        std::filesystem::create_directories(parent, ec);
        if (ec) {
            outcome.error = parent.string() + ": cannot create the folder (" + ec.message() + ")";
            return outcome;
        }
    }
    const bool plot = request.target == ui::ExportTarget::PlotF || request.target == ui::ExportTarget::PlotDerivative;
    if (request.format == ui::ExportFormat::Csv) {
        const std::vector<Activation> functions = ui::SelectedActivations(state);
        const PlotViewRange& view = state.plots.view;
        outcome.error = WriteFileAtomically(
            request.path, CurvesCsv(functions, view.x_min, view.x_max, kCsvSamples, state.plots.convention));
        return outcome;
    }
    if (request.format == ui::ExportFormat::Svg) {
        outcome.error = WriteFileAtomically(request.path, RenderSvg(ui::ExportFigureSpec(state, request)));
        return outcome;
    }
    const int scale = std::clamp(request.scale, 1, ui::kMaxExportScale);
    RenderedImage image;
    if (plot) {
        ui::ExportRequest scaled = request;
        scaled.scale = scale;
        image = RenderFigureInCurrentContext(ui::ExportFigureSpec(state, scaled));
    } else {
        const Theme theme = ui::ExportWindowTheme(state, request.look);
        image = RenderWindow(state, runtime, platform, scale, theme,
                             request.target == ui::ExportTarget::Network ? "Mini network" : nullptr);
    }
    if (!image.error.empty()) {
        outcome.error = request.path + ": cannot export (" + image.error + ")";
        return outcome;
    }
    outcome.width = image.width;
    outcome.height = image.height;
    outcome.error = WritePng(request.path, image.width, image.height, image.rgba);
    return outcome;
}

std::string DescribeOutcome(const ExportOutcome& outcome) {
    if (!outcome.error.empty()) return "Export failed: " + outcome.error;
    std::string text = "Saved " + ui::ShortenHome(outcome.path);
    if (outcome.width > 0) text += " (" + std::to_string(outcome.width) + "\u00d7" + std::to_string(outcome.height) + ")";
    return text;
}

}  // namespace actlab::app
