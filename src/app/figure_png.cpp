// Headless PNG rendering of figures (see figure_png.h).
#include "app/figure_png.h"

#include "render/egl_context.h"
#include "render/gl_capture.h"
#include "ui/fonts.h"
#include "ui/imgui_canvas.h"

#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

namespace actlab::app {

namespace {

// No multisampling: ImGui anti-aliases its own lines, fills and glyphs with feathered edges, exactly
// as in the window; 4× MSAA on Mesa's software renderer made a 4K export 2.5 times slower for no
// visible difference.
constexpr int kSamples = 0;

// A Dear ImGui context that lives for one render, destroyed on every path out.
class ImGuiScope {
public:
    ImGuiScope() : previous_(ImGui::GetCurrentContext()), context_(ImGui::CreateContext()) {
        ImGui::SetCurrentContext(context_);
    }
    ~ImGuiScope() {
        if (backend_) ImGui_ImplOpenGL3_Shutdown();
        ImGui::DestroyContext(context_);
        ImGui::SetCurrentContext(previous_);
    }
    ImGuiScope(const ImGuiScope&) = delete;
    ImGuiScope& operator=(const ImGuiScope&) = delete;

    bool InitBackend() { return backend_ = ImGui_ImplOpenGL3_Init("#version 330 core"); }

private:
    ImGuiContext* previous_;
    ImGuiContext* context_;
    bool backend_ = false;
};

} // namespace

RenderedImage RenderFigurePixels(const FigureSpec& spec) {
    RenderedImage image;
    std::optional<EglContext> gl = EglContext::Create(image.error);
    if (!gl) return image;
    return RenderFigureInCurrentContext(spec);
}

RenderedImage RenderFigureInCurrentContext(const FigureSpec& spec) {
    RenderedImage image;
    image.width = spec.PixelWidth();
    image.height = spec.PixelHeight();
    const GlBindingsScope bindings;
    std::optional<Framebuffer> framebuffer =
        Framebuffer::Create(image.width, image.height, kSamples, image.error);
    if (!framebuffer) return image;
    {
        ImGuiScope imgui;
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.LogFilename = nullptr;
        io.DisplaySize = {static_cast<float>(image.width), static_cast<float>(image.height)};
        io.DeltaTime = 1.0f / 60.0f;
        const ui::FontSet fonts = ui::BuildFonts(io, spec.scale);
        image.warning = fonts.warning;
        // ImGui's own loader finds OpenGL through libGL.so.1 (GLVND), whose entry points dispatch to
        // whatever context is current, the EGL one included.
        if (!imgui.InitBackend()) {
            image.error = "Dear ImGui's OpenGL3 renderer could not start on the EGL context";
            return image;
        }
        ImGui_ImplOpenGL3_NewFrame();
        ImGui::NewFrame();
        ui::ImGuiCanvas canvas(ImGui::GetBackgroundDrawList(), fonts);
        DrawFigure(canvas, spec);
        ImGui::Render();
        framebuffer->BeginDrawing();
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        image.rgba = framebuffer->ReadRgba();
    }
    return image;
}

struct FigureRenderer::State {
    ImGuiContext* previous = nullptr;
    ImGuiContext* context = nullptr;
    bool backend = false;
    ui::FontSet fonts;
    std::optional<Framebuffer> framebuffer;
    int width = 0, height = 0;

    // Makes our ImGui context current for one call, the caller's again afterwards.
    struct Current {
        explicit Current(const State& state) : previous(ImGui::GetCurrentContext()) {
            ImGui::SetCurrentContext(state.context);
        }
        ~Current() { ImGui::SetCurrentContext(previous); }
        Current(const Current&) = delete;
        Current& operator=(const Current&) = delete;
        ImGuiContext* previous;
    };
};

std::unique_ptr<FigureRenderer> FigureRenderer::Create(int width, int height, float scale,
                                                       std::string& error) {
    std::unique_ptr<FigureRenderer> renderer(new FigureRenderer());
    auto state = std::make_unique<State>();
    state->width = width;
    state->height = height;
    {
        const GlBindingsScope bindings;
        state->framebuffer = Framebuffer::Create(width, height, kSamples, error);
    }
    if (!state->framebuffer) return nullptr;
    state->context = ImGui::CreateContext();
    renderer->state_ = std::move(state);
    const State::Current current(*renderer->state_);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.DisplaySize = {static_cast<float>(width), static_cast<float>(height)};
    io.DeltaTime = 1.0f / 60.0f;
    renderer->state_->fonts = ui::BuildFonts(io, scale);
    renderer->warning_ = renderer->state_->fonts.warning;
    renderer->state_->backend = ImGui_ImplOpenGL3_Init("#version 330 core");
    if (!renderer->state_->backend) {
        error = "Dear ImGui's OpenGL3 renderer could not start";
        return nullptr;
    }
    return renderer;
}

FigureRenderer::~FigureRenderer() {
    if (!state_) return;
    {
        const State::Current current(*state_);
        if (state_->backend) ImGui_ImplOpenGL3_Shutdown();
    }
    ImGui::DestroyContext(state_->context);
}

RenderedImage FigureRenderer::Render(const FigureSpec& spec) {
    RenderedImage image;
    image.width = state_->width;
    image.height = state_->height;
    image.warning = warning_;
    const GlBindingsScope bindings;
    const State::Current current(*state_);
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    ui::ImGuiCanvas canvas(ImGui::GetBackgroundDrawList(), state_->fonts);
    DrawFigure(canvas, spec);
    ImGui::Render();
    state_->framebuffer->BeginDrawing();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    image.rgba = state_->framebuffer->ReadRgba();
    return image;
}

} // namespace actlab::app
