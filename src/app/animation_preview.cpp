// The Export animation dialog's live preview (see animation_preview.h).
#include "app/animation_preview.h"

#include "app/animation_export_runner.h"
#include "app/export_service.h"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>

namespace actlab::app {

namespace {

double Now() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

} // namespace

RenderedImage ShrinkToFit(const RenderedImage& image, int max_width, int max_height) {
    const double factor = std::min(
        {1.0, static_cast<double>(max_width) / image.width, static_cast<double>(max_height) / image.height});
    RenderedImage out;
    out.width = std::max(1, static_cast<int>(std::lround(image.width * factor)));
    out.height = std::max(1, static_cast<int>(std::lround(image.height * factor)));
    out.rgba.resize(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height) * 4);
    // Output pixel (x, y) covers input columns [x·w/W, (x+1)·w/W) and rows likewise (at least one each).
    const auto span = [](int i, int in, int out_size) {
        const int begin = static_cast<int>(static_cast<long long>(i) * in / out_size);
        const int end = static_cast<int>(static_cast<long long>(i + 1) * in / out_size);
        return std::pair{begin, std::max(end, begin + 1)};
    };
    for (int y = 0; y < out.height; ++y) {
        const auto [y0, y1] = span(y, image.height, out.height);
        for (int x = 0; x < out.width; ++x) {
            const auto [x0, x1] = span(x, image.width, out.width);
            // Colour weighted by alpha, so that see-through pixels lend no colour: c = Σ c·α / Σ α.
            std::uint64_t sum[3] = {0, 0, 0}, alpha = 0, count = 0;
            for (int sy = y0; sy < y1; ++sy) {
                const std::uint8_t* p = image.rgba.data() + (static_cast<std::size_t>(sy) *
                                                                 static_cast<std::size_t>(image.width) +
                                                             static_cast<std::size_t>(x0)) *
                                                                4;
                for (int sx = x0; sx < x1; ++sx, p += 4) {
                    for (std::size_t c = 0; c < 3; ++c)
                        sum[c] += static_cast<std::uint64_t>(p[c]) * p[3];
                    alpha += p[3];
                    ++count;
                }
            }
            std::uint8_t* o =
                out.rgba.data() + (static_cast<std::size_t>(y) * static_cast<std::size_t>(out.width) +
                                   static_cast<std::size_t>(x)) *
                                      4;
            for (std::size_t c = 0; c < 3; ++c)
                o[c] = alpha == 0 ? 0 : static_cast<std::uint8_t>((sum[c] + alpha / 2) / alpha);
            o[3] = static_cast<std::uint8_t>((alpha + count / 2) / count);
        }
    }
    return out;
}

std::string AnimationPreviewer::Draw(AppState& state, ui::UiRuntime& runtime, PlatformWindow& platform,
                                     RenderedImage& image) {
    ui::AnimationExportRequest request = runtime.animation.choice;
    // Nothing to sweep (the dialog says so): the figure as it stands.
    if (!request.train && request.param.empty()) request.train = true, request.train_steps = 0;
    AnimationJob job;
    if (std::string error = MakeAnimationJob(request, state, runtime, job); !error.empty()) return error;
    const bool plot =
        request.target == ui::ExportTarget::PlotF || request.target == ui::ExportTarget::PlotDerivative;
    if (plot) {
        const FigureSpec& figure = job.figure;
        if (!renderer_ || renderer_width_ != figure.PixelWidth() ||
            renderer_height_ != figure.PixelHeight() || renderer_scale_ != figure.scale) {
            std::string error;
            renderer_ =
                FigureRenderer::Create(figure.PixelWidth(), figure.PixelHeight(), figure.scale, error);
            if (!renderer_) return error;
            renderer_width_ = figure.PixelWidth();
            renderer_height_ = figure.PixelHeight();
            renderer_scale_ = figure.scale;
        }
        image = renderer_->Render(AnimationFrameSpec(job, 0));
        return image.error;
    }
    // The window or the network panel as it is now (training starts from here), the swept parameter at
    // its first value for the time of the drawing.
    ParamValues& params = state.plots.params[static_cast<std::size_t>(request.function)];
    const ParamValues saved = params;
    if (job.sweep) params = AnimationFrameSpec(job, 0).functions[job.sweep->function].params;
    image = RenderExportPixels(StillOf(request, runtime), state, runtime, platform);
    params = saved;
    return image.error;
}

void AnimationPreviewer::Release() {
    texture_.reset();
    renderer_.reset();
    watch_.Forget();
}

void AnimationPreviewer::Update(AppState& state, ui::UiRuntime& runtime, PlatformWindow& platform) {
    ui::AnimationPreview& preview = runtime.animation.preview;
    if (!runtime.animation.open) {
        // Closed: let the GPU memory go; the next opening draws afresh.
        Release();
        preview.texture = nullptr;
        return;
    }
    if (runtime.animation.running || preview.room_width < 1.0f || preview.room_height < 1.0f) return;
    if (!watch_.ShouldDraw(state, runtime, Now())) return;
    RenderedImage image;
    preview.error = Draw(state, runtime, platform, image);
    if (!preview.error.empty()) {
        texture_.reset();
        preview.texture = nullptr;
        return;
    }
    const RenderedImage small =
        ShrinkToFit(image, static_cast<int>(preview.room_width), static_cast<int>(preview.room_height));
    texture_ = Texture::CreateRgba8(small.width, small.height, small.rgba.data());
    preview.texture = reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(texture_->Id()));
    preview.width = small.width;
    preview.height = small.height;
    preview.frame_width = image.width;
    preview.frame_height = image.height;
}

} // namespace actlab::app
