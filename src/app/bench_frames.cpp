// Frame-time figures (see bench_frames.h).
#include "app/bench_frames.h"

#include "core/app_state.h"
#include "ui/fonts.h"
#include "ui/panels.h"
#include "ui/theme.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>

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
    std::vector<double> idle_ms;       // the pointer moves over the plot: crosshair and readout
    std::vector<double> resample_ms;   // a slider moves every frame: every curve is resampled
};

FrameTimes MeasureFrames(int frames) {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = {1920, 1080};
    io.DeltaTime = 1.0f / 60.0f;
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
    AppState state = DefaultAppState();
    state.plots.selected = {ActivationId::Relu, ActivationId::LeakyRelu, ActivationId::Elu, ActivationId::Gelu};
    ui::ResetView(state);
    ui::UiRuntime runtime;
    runtime.fonts = ui::BuildFonts(io, 1.0f);
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    ui::ApplyTheme(state.display.theme, 1.0f);

    FrameTimes times;
    const auto frame = [&](std::vector<double>* record) {
        const double start = NowSeconds();
        ImGui::NewFrame();
        ui::DrawMainWindow(state, runtime);
        ImGui::Render();
        if (record) record->push_back((NowSeconds() - start) * 1e3);
    };
    for (int i = 0; i < 10; ++i) frame(nullptr);  // warm-up: fonts, first samples, window layout
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

}  // namespace

void AddFrameFigures(Report& report, int frames) {
    FrameTimes times = MeasureFrames(frames);
    report.Add({"frame_ms_p50", "frame, 4 functions, f and f\u2032, 1920\u00d71080 (p50)", Percentile(times.idle_ms, 0.5),
                "ms", 2.0, Better::Lower});
    report.Add({"frame_ms_p95", "frame, 4 functions, f and f\u2032, 1920\u00d71080 (p95)", Percentile(times.idle_ms, 0.95),
                "ms", std::nullopt, Better::Lower});
    report.Add({"frame_resample_ms_p50", "frame while a slider moves (its curve resampled, p50)",
                Percentile(times.resample_ms, 0.5), "ms", std::nullopt, Better::Lower});
}

}  // namespace actlab::bench
