// Headless PNG rendering of figures (see figure_png.h).
#include "app/figure_png.h"

#include "render/egl_context.h"
#include "render/gl_capture.h"
#include "ui/fonts.h"
#include "ui/imgui_canvas.h"

#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <optional>

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

// The figure paints its opaque background over the whole frame first, and in the light themes each
// plot's area in that same colour right after. On Mesa's software renderer each such rectangle costs
// as much as shading every pixel once more, so the leading rectangles that cover what is still the
// background colour become a clear of the framebuffer instead: the same pixels (an opaque colour
// blended over itself is itself), two-thirds less work per frame of an animation.
// Returns the colour to clear to, or nullopt when the frame does not start that way.
std::optional<ImU32> TakeLeadingBackground(ImDrawData& data, float width, float height) {
    if (data.CmdListsCount == 0 || data.CmdLists[0]->CmdBuffer.Size == 0) return std::nullopt;
    ImDrawList& list = *data.CmdLists[0];
    ImDrawCmd& first = list.CmdBuffer[0];
    const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
    // A solid rectangle is 4 vertices and 6 indices (ImDrawList::PrimRect), all of one colour and
    // with the white texel's coordinates; returns its colour when it is opaque and spans [min, max].
    const auto solid_quad = [&](unsigned int offset, ImVec2& min, ImVec2& max) -> std::optional<ImU32> {
        if (offset + 6 > first.IdxOffset + first.ElemCount) return std::nullopt;
        const ImDrawIdx* idx = list.IdxBuffer.Data + offset;
        const ImDrawVert& v0 = list.VtxBuffer[static_cast<int>(first.VtxOffset + idx[0])];
        min = max = v0.pos;
        for (int i = 0; i < 6; ++i) {
            const ImDrawVert& v = list.VtxBuffer[static_cast<int>(first.VtxOffset + idx[i])];
            if (v.col != v0.col || v.uv.x != white.x || v.uv.y != white.y) return std::nullopt;
            min = {std::min(min.x, v.pos.x), std::min(min.y, v.pos.y)};
            max = {std::max(max.x, v.pos.x), std::max(max.y, v.pos.y)};
        }
        if ((v0.col & IM_COL32_A_MASK) != IM_COL32_A_MASK) return std::nullopt;
        return v0.col;
    };
    ImVec2 min, max;
    const std::optional<ImU32> background = solid_quad(first.IdxOffset, min, max);
    if (!background || min.x > 0.0f || min.y > 0.0f || max.x < width || max.y < height) return std::nullopt;
    unsigned int taken = 6;
    while (solid_quad(first.IdxOffset + taken, min, max) == background)
        taken += 6;
    first.IdxOffset += taken;
    first.ElemCount -= taken;
    return background;
}

// Draws the current ImGui frame of a figure into the bound framebuffer, its leading background as a clear.
void RenderFigureDrawData(int width, int height) {
    ImDrawData& data = *ImGui::GetDrawData();
    if (const std::optional<ImU32> background =
            TakeLeadingBackground(data, static_cast<float>(width), static_cast<float>(height))) {
        ClearFramebuffer(width, height, static_cast<std::uint8_t>(*background >> IM_COL32_R_SHIFT),
                         static_cast<std::uint8_t>(*background >> IM_COL32_G_SHIFT),
                         static_cast<std::uint8_t>(*background >> IM_COL32_B_SHIFT));
    }
    ImGui_ImplOpenGL3_RenderDrawData(&data);
}

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
        RenderFigureDrawData(image.width, image.height);
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

RenderedImage FigureRenderer::Render(const FigureSpec& spec, std::vector<std::uint8_t> storage) {
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
    RenderFigureDrawData(state_->width, state_->height);
    image.rgba = state_->framebuffer->ReadRgba(std::move(storage));
    return image;
}

} // namespace actlab::app
