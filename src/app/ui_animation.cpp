// Headless animations of the window and its network panel (see ui_animation.h).
#include "app/ui_animation.h"

#include "app/gl_heatmap_renderer.h"
#include "render/egl_context.h"
#include "render/figure_theme.h"
#include "render/gl_capture.h"
#include "ui/headless_frames.h"
#include "ui/panels.h"

#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace actlab::app {

namespace {

constexpr int kMaxStepsPerUiFrame = 100000; // NetworkLessonState::steps_per_frame's upper bound

// The window drawn headless, frame after frame: its own ImGui context, fonts, renderer, GPU
// heatmaps and framebuffer, all made once.
class UiFrames {
public:
    UiFrames(AppState& state, int width, int height) : state_(state), width_(width), height_(height) {
        previous_ = ImGui::GetCurrentContext();
        ui::CreateHeadlessContext(static_cast<float>(width), static_cast<float>(height));
        context_ = ImGui::GetCurrentContext();
        ImGui::GetIO().MousePos = {-FLT_MAX, -FLT_MAX};
    }
    ~UiFrames() {
        runtime_.heatmaps.reset(); // its textures belong to this context
        if (backend_) ImGui_ImplOpenGL3_Shutdown();
        ImGui::DestroyContext(context_);
        ImGui::SetCurrentContext(previous_);
    }
    UiFrames(const UiFrames&) = delete;
    UiFrames& operator=(const UiFrames&) = delete;

    std::string Open(std::string& warning) {
        ui::PrepareHeadlessFrame(state_, runtime_);
        warning = runtime_.fonts.warning;
        backend_ = ImGui_ImplOpenGL3_Init("#version 330 core");
        if (!backend_) return "Dear ImGui's OpenGL3 renderer could not start";
        std::string error;
        runtime_.heatmaps = CreateGlHeatmapRenderer(error); // null: CPU meshes, as the window falls back
        runtime_.training_budget_seconds = 1e9;             // every step asked for, however long
        framebuffer_ = Framebuffer::Create(width_, height_, 0, error);
        return framebuffer_ ? "" : error;
    }

    ui::UiRuntime& runtime() { return runtime_; }

    // Runs one UI frame (training whatever the state asks for) without drawing it.
    void Frame() {
        ImGui_ImplOpenGL3_NewFrame();
        ui::RunFrame(state_, runtime_);
    }

    // The last frame's pixels. A network animation shows the network view with its controls hidden:
    // its graph, output plane, gradient bars and charts fill the frame.
    RenderedImage Capture(std::vector<std::uint8_t> storage = {}) {
        RenderedImage image;
        const GlBindingsScope bindings;
        framebuffer_->BeginDrawing();
        const Color background = FigureThemeFor(state_.display.theme).background;
        ClearFramebuffer(width_, height_, background.r, background.g, background.b);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        image.width = width_;
        image.height = height_;
        image.rgba = framebuffer_->ReadRgba(std::move(storage));
        return image;
    }

private:
    AppState& state_;
    int width_, height_;
    ImGuiContext* previous_ = nullptr;
    ImGuiContext* context_ = nullptr;
    bool backend_ = false;
    ui::UiRuntime runtime_;
    std::optional<Framebuffer> framebuffer_;
};

// The job's functions, parameters, view and look laid onto the window's state.
void ApplyJob(AppState& state, const AnimationJob& job, ui::ExportTarget target) {
    state.plots.selected.clear();
    for (const Activation& activation : job.figure.functions) {
        state.plots.selected.push_back(activation.id);
        state.plots.params[static_cast<std::size_t>(activation.id)] = activation.params;
    }
    PlotViewRange& view = state.plots.view;
    if (job.figure.x_range) view.x_min = job.figure.x_range->first, view.x_max = job.figure.x_range->second;
    if (job.figure.y_range) view.y_min = job.figure.y_range->first, view.y_max = job.figure.y_range->second;
    if (job.figure.dy_range)
        view.dy_min = job.figure.dy_range->first, view.dy_max = job.figure.dy_range->second;
    state.display.theme = OpaqueTheme(job.figure.theme);
    state.display.ui_scale = job.figure.scale;
    if (target == ui::ExportTarget::Network) {
        state.panels.network = true;
        state.display.hide_controls = true;
    }
    state.network.playing = false;
}

} // namespace

std::string ExportUiAnimation(Scene scene, const AnimationJob& job, const UiAnimation& animation,
                              const std::function<bool(long long)>& progress, std::string& warning,
                              AnimationSize& size) {
    AppState& state = scene.state;
    ApplyJob(state, job, animation.target);
    UiFrames frames(state, job.figure.PixelWidth(), job.figure.PixelHeight());
    if (std::string error = frames.Open(warning); !error.empty()) return error;
    if (scene.trained)
        frames.runtime().session.network.RequestRestore(std::move(*scene.trained), scene.training_step);
    // Settle: the layout, the network built, its statistics and heatmaps made.
    for (int i = 0; i < 3; ++i)
        frames.Frame();
    std::size_t trained = 0;
    const int steps_per_frame = state.network.steps_per_frame; // shown in the panel: the scene's, not ours
    std::string error;
    const auto draw = [&](long long frame, std::vector<std::uint8_t> storage) {
        if (job.sweep) {
            const FigureSpec spec = AnimationFrameSpec(job, frame);
            const Activation& swept = spec.functions[job.sweep->function];
            state.plots.params[static_cast<std::size_t>(swept.id)] = swept.params;
        }
        // Train up to this frame's step count, then two paused frames so that the statistics,
        // charts and heatmaps show the network as it now is.
        const std::size_t target_steps = TrainingStepsAt(animation.train_steps, frame, job.frames);
        while (trained < target_steps) {
            const auto chunk =
                static_cast<int>(std::min<std::size_t>(target_steps - trained, kMaxStepsPerUiFrame));
            state.network.steps_per_frame = chunk;
            state.network.playing = true;
            frames.Frame();
            trained += static_cast<std::size_t>(chunk);
            if (!state.network.playing) break; // diverged: the panel says so; the frames go on
        }
        state.network.playing = false;
        state.network.steps_per_frame = steps_per_frame;
        frames.Frame();
        frames.Frame();
        return frames.Capture(std::move(storage));
    };
    // The first frame fixes the size (the network panel's rectangle).
    RenderedImage first = draw(0, {});
    if (!first.error.empty()) return first.error;
    size = {first.width, first.height};
    auto run = AnimationExport::Start(
        job, first.width, first.height,
        [&](long long frame, std::vector<std::uint8_t> storage) {
            return frame == 0 ? first : draw(frame, std::move(storage));
        },
        error);
    if (!run) return error;
    while (!run->AllFramesDone()) {
        if (error = run->Step(); !error.empty()) return error;
        if (run->FramesDone() == 1) first = {};
        if (progress && !progress(run->FramesDone())) return "cancelled";
    }
    return run->Finish();
}

} // namespace actlab::app
