// Frame-time figures (see bench_frames.h).
#include "cli/bench_frames.h"

#include "app/gl_heatmap_renderer.h"
#include "core/app_state.h"
#include "render/egl_context.h"
#include "ui/headless_frames.h"
#include "ui/panels.h"
#include "ui/theme.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <chrono>
#include <cmath>
#include <optional>
#include <string>
#include <thread>

namespace actlab::bench {

double Percentile(std::vector<double>& samples, double fraction) {
    if (samples.empty()) return 0.0;
    std::sort(samples.begin(), samples.end());
    const double rank = std::ceil(fraction * static_cast<double>(samples.size()));
    const std::size_t index = std::clamp<std::size_t>(static_cast<std::size_t>(rank), 1, samples.size()) - 1;
    return samples[index];
}

namespace {

struct FrameTimes {
    std::vector<double> idle_ms;     // the pointer moves over the plot: crosshair and readout
    std::vector<double> resample_ms; // a slider moves every frame: every curve is resampled
};

FrameTimes MeasureFrames(int frames) {
    ui::CreateHeadlessContext(1920, 1080);
    ImGuiIO& io = ImGui::GetIO();
    AppState state = DefaultAppState();
    state.plots.selected = {ActivationId::Relu, ActivationId::LeakyRelu, ActivationId::Elu,
                            ActivationId::Gelu};
    ui::ResetView(state);
    ui::UiRuntime runtime;
    ui::PrepareHeadlessFrame(state, runtime);

    FrameTimes times;
    const auto frame = [&](std::vector<double>* record) {
        const double start = NowSeconds();
        ui::RunFrame(state, runtime);
        if (record) record->push_back((NowSeconds() - start) * 1e3);
    };
    for (int i = 0; i < 10; ++i)
        frame(nullptr); // warm-up: fonts, first samples, window layout
    for (int i = 0; i < frames; ++i) {
        io.MousePos = {500.0f + static_cast<float>(i % 800), 300.0f};
        frame(&times.idle_ms);
    }
    io.MousePos = {-FLT_MAX, -FLT_MAX};
    double& slope = state.plots.params[static_cast<std::size_t>(ActivationId::LeakyRelu)][0];
    for (int i = 0; i < frames; ++i) {
        slope = 0.01 + 0.3 * static_cast<double>(i % 100) / 100.0;
        frame(&times.resample_ms);
    }
    ImGui::DestroyContext();
    return times;
}

struct NetworkFrameTimes {
    std::vector<double> drawing_ms;  // paused, heatmaps recomputed every frame: the panel's own cost
    std::vector<double> training_ms; // playing at full speed: the training slice included
    double samples_per_s = 0.0;      // trained while playing, at 60 fps pacing
};

// The mini-network panel open over the main window (2→8→8→1 tanh on the circle, batch 10), as a
// lecture would show it: first paused with the heatmaps forced to refresh every frame, then playing
// at the highest speed with frames paced to 60 per second, so that training gets what a real frame
// leaves it.
NetworkFrameTimes MeasureNetworkFrames(int frames) {
    ui::CreateHeadlessContext(1920, 1080);
    ImGuiIO& io = ImGui::GetIO();
    AppState state = DefaultAppState();
    state.panels.network = true;
    state.network.hidden = {8, 8};
    state.network.activations.assign(2, Activation::WithDefaults(ActivationId::Tanh));
    state.network.batch_size = 10;
    state.network.learning_rate = 0.01;
    state.network.steps_per_frame = 100000;
    ui::UiRuntime runtime;
    ui::PrepareHeadlessFrame(state, runtime);
    // The window's heatmap renderer in an offscreen context: grids uploaded to textures when they
    // change, as in the window (the GPU's drawing is not timed, as the meshes' is not either).
    // Without OpenGL the panel's CPU meshes are timed instead.
    std::string gl_error;
    std::optional<EglContext> gl = EglContext::Create(gl_error);
    if (gl) runtime.heatmaps = app::CreateGlHeatmapRenderer(gl_error);
    const auto frame = [&] { ui::RunFrame(state, runtime); };
    for (int i = 0; i < 10; ++i)
        frame();

    NetworkFrameTimes times;
    for (int i = 0; i < frames; ++i) {
        io.MousePos = {600.0f + static_cast<float>(i % 600),
                       500.0f}; // hovering nodes and edges: live tooltips
        state.network.learning_rate =
            i % 2 == 0 ? 0.01 : 0.0100001; // an edit: heatmaps and statistics recomputed
        const double start = NowSeconds();
        frame();
        times.drawing_ms.push_back((NowSeconds() - start) * 1e3);
    }
    state.network.learning_rate = 0.01;
    io.MousePos = {-FLT_MAX, -FLT_MAX};
    state.network.playing = true;
    const double frame_period = 1.0 / 60.0;
    const std::size_t samples_before = runtime.session.network.samples_trained();
    const double begin = NowSeconds();
    double next = begin;
    for (int i = 0; i < frames; ++i) {
        const double start = NowSeconds();
        frame();
        times.training_ms.push_back((NowSeconds() - start) * 1e3);
        next += frame_period;
        const double wait = next - NowSeconds();
        if (wait > 0) std::this_thread::sleep_for(std::chrono::duration<double>(wait));
    }
    const double elapsed = NowSeconds() - begin;
    times.samples_per_s =
        static_cast<double>(runtime.session.network.samples_trained() - samples_before) / elapsed;
    runtime.heatmaps.reset(); // its textures belong to the context
    ImGui::DestroyContext();
    return times;
}

struct EveryPanelFrameTimes {
    std::vector<double> own_ms;      // the frame without the training slice: what the target is about
    std::vector<double> training_ms; // the training slice alone (time-boxed to the frame budget)
};

// Every panel and window open at once (ui::OpenEveryPanel) at 1920×1080 with four functions in the
// f and f′ plots, and the mini network (2→8→8→1 tanh, batch 10) playing at full speed, so that its
// training slice fills the per-frame budget as in a lecture. The pointer sweeps the screen (hover
// readouts, tooltips). The slice is time-boxed (kDefaultTrainingBudgetSeconds): it takes whatever the
// frame leaves, so counting it would only measure the budget. Our own CPU work is therefore the frame
// minus the stepping loop: building every panel, the heatmap recomputes and uploads, statistics and
// chart rows, the plots and ImGui's draw lists all stay in the figure.
EveryPanelFrameTimes MeasureEveryPanelFrames(int frames) {
    ui::CreateHeadlessContext(1920, 1080);
    ImGuiIO& io = ImGui::GetIO();
    AppState state = DefaultAppState();
    ui::OpenEveryPanel(state);
    state.plots.selected = {ActivationId::Relu, ActivationId::LeakyRelu, ActivationId::Elu,
                            ActivationId::Gelu};
    state.network.hidden = {8, 8};
    state.network.activations.assign(2, Activation::WithDefaults(ActivationId::Tanh));
    state.network.batch_size = 10;
    state.network.learning_rate = 0.01;
    state.network.steps_per_frame = 100000;
    state.network.playing = true;
    ui::ResetView(state);
    ui::UiRuntime runtime;
    ui::PrepareHeadlessFrame(state, runtime);
    // Heatmaps as the window draws them (see MeasureNetworkFrames); CPU meshes without OpenGL.
    std::string gl_error;
    std::optional<EglContext> gl = EglContext::Create(gl_error);
    if (gl) runtime.heatmaps = app::CreateGlHeatmapRenderer(gl_error);
    const auto frame = [&](int i) {
        io.MousePos = {100.0f + static_cast<float>((i * 7) % 1700),
                       150.0f + static_cast<float>((i * 3) % 850)};
        ui::RunFrame(state, runtime);
    };
    // Warm-up, then until the propagation and born-dead simulations (worker threads, run once when
    // the panels open) are done: a lecture's steady state, without a worker competing for the CPU.
    for (int i = 0; i < 10; ++i)
        frame(i);
    const double warm_until = NowSeconds() + 20.0;
    while ((runtime.session.theory.propagation.Running() || runtime.session.theory.born_dead.Running()) &&
           NowSeconds() < warm_until) {
        frame(0);
    }

    EveryPanelFrameTimes times;
    for (int i = 0; i < frames; ++i) {
        const double start = NowSeconds();
        frame(i);
        const double total = NowSeconds() - start;
        const double training = runtime.session.network.last_training_seconds();
        times.own_ms.push_back((total - training) * 1e3);
        times.training_ms.push_back(training * 1e3);
    }
    runtime.heatmaps.reset(); // its textures belong to the context
    ImGui::DestroyContext();
    return times;
}

} // namespace

void AddSoakFigures(Report& report, int frames) {
    ui::CreateHeadlessContext(1920, 1080);
    ImGuiIO& io = ImGui::GetIO();
    AppState state = DefaultAppState();
    PanelVisibility& panels = state.panels;
    panels.network = panels.chain_rule = panels.softmax = panels.propagation = panels.born_dead = true;
    state.network.playing = true;
    state.network.steps_per_frame =
        10; // training runs every frame; the frame count, not the clock, sets the length
    ui::UiRuntime runtime;
    ui::PrepareHeadlessFrame(state, runtime);
    const auto frame = [&](int i) {
        io.MousePos = {200.0f + static_cast<float>(i % 1500), 300.0f + static_cast<float>(i % 500)};
        ui::RunFrame(state, runtime);
    };
    // The warm-up fills the font atlas, the curve caches and ImGui's window and draw-list buffers.
    for (int i = 0; i < 1000; ++i)
        frame(i);
    const double start_mib = ResidentMiB();
    const double begin = NowSeconds();
    for (int i = 0; i < frames; ++i)
        frame(i);
    const double elapsed = NowSeconds() - begin;
    const double end_mib = ResidentMiB();
    const std::size_t trained = runtime.session.network.samples_trained();
    ImGui::DestroyContext();
    report.Add({"soak_frames", "frames rendered, every panel open, training", static_cast<double>(frames),
                "frames", std::nullopt, Better::Higher});
    report.Add({"soak_seconds", "time for those frames", elapsed, "s", std::nullopt, Better::Lower});
    report.Add({"soak_samples_trained", "training samples during the run", static_cast<double>(trained),
                "samples", std::nullopt, Better::Higher});
    report.Add({"soak_rss_start_mb", "resident memory after 1000 warm-up frames", start_mib, "MiB",
                std::nullopt, Better::Lower});
    report.Add(
        {"soak_rss_end_mb", "resident memory at the end", end_mib, "MiB", std::nullopt, Better::Lower});
    report.Add({"soak_rss_growth_mb", "growth over the run", end_mib - start_mib, "MiB", 1.0, Better::Lower});
}

void AddNetworkFrameFigures(Report& report, int frames) {
    NetworkFrameTimes times = MeasureNetworkFrames(frames);
    report.Add({"train_while_displaying_samples_per_s",
                "training 2→8→8→1 tanh while the network panel shows live heatmaps, 60 fps",
                times.samples_per_s, "samples/s", 1e6, Better::Higher});
    report.Add({"frame_network_ms_p50", "frame with the network panel, heatmaps recomputed every frame (p50)",
                Percentile(times.drawing_ms, 0.5), "ms", std::nullopt, Better::Lower});
    report.Add({"frame_network_ms_p95", "frame with the network panel, heatmaps recomputed every frame (p95)",
                Percentile(times.drawing_ms, 0.95), "ms", std::nullopt, Better::Lower});
    report.Add({"frame_training_ms_p95", "frame while training at full speed, training slice included (p95)",
                Percentile(times.training_ms, 0.95), "ms", 1000.0 / 60.0, Better::Lower});
}

void AddFrameFigures(Report& report, int frames) {
    EveryPanelFrameTimes every = MeasureEveryPanelFrames(frames);
    report.Add(
        {"frame_ms_p50",
         "frame, every panel open, training, 1920\u00d71080, our CPU work without the training slice (p50)",
         Percentile(every.own_ms, 0.5), "ms", 2.0, Better::Lower});
    report.Add(
        {"frame_ms_p95",
         "frame, every panel open, training, 1920\u00d71080, our CPU work without the training slice (p95)",
         Percentile(every.own_ms, 0.95), "ms", std::nullopt, Better::Lower});
    report.Add({"frame_training_slice_ms_p50", "  the training slice left out above (time-boxed, p50)",
                Percentile(every.training_ms, 0.5), "ms", std::nullopt, Better::Lower});
    FrameTimes times = MeasureFrames(frames);
    report.Add({"frame_plots_ms_p50", "frame, plots only: 4 functions, f and f\u2032, 1920\u00d71080 (p50)",
                Percentile(times.idle_ms, 0.5), "ms", std::nullopt, Better::Lower});
    report.Add({"frame_plots_ms_p95", "frame, plots only: 4 functions, f and f\u2032, 1920\u00d71080 (p95)",
                Percentile(times.idle_ms, 0.95), "ms", std::nullopt, Better::Lower});
    report.Add({"frame_resample_ms_p50", "frame while a slider moves (its curve resampled, p50)",
                Percentile(times.resample_ms, 0.5), "ms", std::nullopt, Better::Lower});
}

} // namespace actlab::bench
