// Animation export in the window (see animation_export_runner.h).
#include "app/animation_export_runner.h"

#include "app/export_service.h"
#include "app/platform.h"

#include <chrono>
#include <filesystem>

namespace actlab::app {

namespace {

constexpr double kBudgetSeconds = 0.03; // per UI frame: the window stays responsive

double Now() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

} // namespace

std::string MakeAnimationJob(const ui::AnimationExportRequest& request, const AppState& state,
                             const ui::UiRuntime& runtime, AnimationJob& job) {
    job = {};
    job.frames = AnimationFrameCount(request.seconds, request.fps);
    if (job.frames < 1 || job.frames > kMaxAnimationFrames) return "the animation needs 1 to 3600 frames";
    job.fps = request.fps;
    job.loop = request.pingpong && !request.train ? AnimationLoop::PingPong : AnimationLoop::Forward;
    job.format = request.format;
    job.path = request.path;
    const ui::ExportRequest still = StillOf(request, runtime);
    job.figure = ui::ExportFigureSpec(state, still);
    job.figure.scale = static_cast<float>(still.scale);
    if (request.train) return "";
    const auto& functions = job.figure.functions;
    const auto it = std::find_if(functions.begin(), functions.end(),
                                 [&](const Activation& a) { return a.id == request.function; });
    if (it == functions.end()) return "the swept function is no longer shown";
    for (double end : {request.from, request.to}) {
        Activation probe = *it;
        if (std::string error = SetParam(probe, request.param, end); !error.empty()) return error;
    }
    job.sweep = AnimationSweep{static_cast<std::size_t>(it - functions.begin()), request.param, request.from,
                               request.to};
    if (request.target == ui::ExportTarget::PlotF || request.target == ui::ExportTarget::PlotDerivative)
        WidenViewForSweep(job);
    return "";
}

ui::ExportRequest StillOf(const ui::AnimationExportRequest& request, const ui::UiRuntime& runtime) {
    ui::ExportRequest still = runtime.exporter.choice;
    still.target = request.target;
    return still;
}

std::string AnimationExportRunner::Start(const ui::AnimationExportRequest& request, AppState& state,
                                         ui::UiRuntime& runtime, PlatformWindow& platform) {
    request_ = request;
    trained_ = 0;
    saved_params_ = state.plots.params[static_cast<std::size_t>(request.function)];
    saved_playing_ = state.network.playing;
    saved_steps_per_frame_ = state.network.steps_per_frame;
    if (std::string error = MakeAnimationJob(request, state, runtime, job_); !error.empty()) return error;
    const ui::ExportRequest still = StillOf(request, runtime);
    const bool plot =
        request.target == ui::ExportTarget::PlotF || request.target == ui::ExportTarget::PlotDerivative;
    std::string error;
    if (plot) {
        figure_ = FigureRenderer::Create(job_.figure.PixelWidth(), job_.figure.PixelHeight(),
                                         job_.figure.scale, error);
        if (!figure_) return error;
        run_ = AnimationExport::Start(
            job_, job_.figure.PixelWidth(), job_.figure.PixelHeight(),
            [this](long long frame, std::vector<std::uint8_t> storage) {
                return figure_->Render(AnimationFrameSpec(job_, frame), std::move(storage));
            },
            error);
        return run_ ? "" : error;
    }
    // The window or the network panel: the state changed frame by frame, drawn as the still export draws it.
    const auto draw = [this, &state, &runtime, &platform, still](long long frame) {
        if (job_.sweep) {
            const FigureSpec spec = AnimationFrameSpec(job_, frame);
            state.plots.params[static_cast<std::size_t>(request_.function)] =
                spec.functions[job_.sweep->function].params;
        }
        const std::size_t target = TrainingStepsAt(
            static_cast<std::size_t>(request_.train ? request_.train_steps : 0), frame, job_.frames);
        if (target > trained_) {
            state.network.playing = true;
            state.network.steps_per_frame =
                static_cast<int>(std::min<std::size_t>(target - trained_, 100000));
            runtime.session.network.Update(state.network, 1e9);
            trained_ += static_cast<std::size_t>(state.network.steps_per_frame);
            state.network.playing = false;
            state.network.steps_per_frame = saved_steps_per_frame_;
        }
        return RenderExportPixels(still, state, runtime, platform);
    };
    const RenderedImage first = draw(0);
    if (!first.error.empty()) return first.error;
    run_ = AnimationExport::Start(
        job_, first.width, first.height,
        [draw](long long frame, const std::vector<std::uint8_t>&) { return draw(frame); }, error);
    return run_ ? "" : error;
}

void AnimationExportRunner::End(AppState& state, ui::UiRuntime& runtime, const std::string& message,
                                bool error) {
    run_.reset();
    figure_.reset();
    if (!request_.train) state.plots.params[static_cast<std::size_t>(request_.function)] = saved_params_;
    state.network.playing = saved_playing_;
    state.network.steps_per_frame = saved_steps_per_frame_;
    runtime.animation.running = false;
    runtime.animation.cancel_requested = false;
    ui::ShowToast(runtime.exporter, message, error);
}

void AnimationExportRunner::Update(AppState& state, ui::UiRuntime& runtime, PlatformWindow& platform) {
    ui::AnimationExportUi& ui = runtime.animation;
    if (ui.pending && !run_) {
        const ui::AnimationExportRequest request = *ui.pending;
        ui.pending.reset();
        if (std::string error = Start(request, state, runtime, platform); !error.empty()) {
            End(state, runtime, "Export failed: " + error, true);
            return;
        }
        ui.running = true;
        ui.frames_done = 0;
        ui.frames_total = job_.frames;
    }
    if (!run_) return;
    if (ui.cancel_requested) {
        End(state, runtime,
            "Animation cancelled after " + std::to_string(run_->FramesDone()) + " of " +
                std::to_string(job_.frames) + " frames; nothing was written",
            false);
        return;
    }
    const double start = Now();
    while (!run_->AllFramesDone() && Now() - start < kBudgetSeconds) {
        if (std::string error = run_->Step(); !error.empty()) {
            End(state, runtime, "Export failed: " + error, true);
            return;
        }
    }
    ui.frames_done = run_->FramesDone();
    if (!run_->AllFramesDone()) return;
    // The default folder (~/Pictures/ActLab) may not exist yet: made now, as the still export does.
    const std::filesystem::path parent = std::filesystem::path(request_.path).parent_path();
    std::error_code ec;
    if (!parent.empty() && !std::filesystem::is_directory(parent, ec))
        std::filesystem::create_directories(parent, ec);
    const std::string error =
        ec ? parent.string() + ": cannot create the folder (" + ec.message() + ")" : run_->Finish();
    End(state, runtime, error.empty() ? "Saved " + ui::ShortenHome(request_.path) : "Export failed: " + error,
        !error.empty());
}

} // namespace actlab::app
