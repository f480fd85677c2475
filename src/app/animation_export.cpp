// Animation export (see animation_export.h).
#include "app/animation_export.h"

#include "core/file_io.h"
#include "core/view_fit.h"
#include "render/figure_theme.h"

#include <algorithm>

namespace actlab::app {

namespace {

// Every opaque colour of the theme: what the GIF's palettes keep exact.
std::vector<Color> ThemeColors(Theme theme) {
    const FigureTheme colors = FigureThemeFor(theme);
    std::vector<Color> list{colors.background, colors.plot_background, colors.frame, colors.grid,
                            colors.axis,       colors.origin_axis,     colors.text,  colors.dim_text};
    list.insert(list.end(), colors.palette.begin(), colors.palette.end());
    list.insert(list.end(), {colors.network.negative, colors.network.neutral, colors.network.positive,
                             colors.network.dead, colors.network.dying});
    return list;
}

} // namespace

FigureSpec AnimationFrameSpec(const AnimationJob& job, long long frame) {
    FigureSpec spec = job.figure;
    if (job.sweep && job.sweep->function < spec.functions.size()) {
        const double value = SweepValue(job.sweep->from, job.sweep->to, frame, job.frames, job.loop);
        // The ends were checked when the job was made; values between them lie in the domain too.
        (void)SetParam(spec.functions[job.sweep->function], job.sweep->param, value);
    }
    return spec;
}

void FixSweepView(AnimationJob& job) {
    if (!job.sweep) return;
    FigureSpec& figure = job.figure;
    const auto fitted = [&](double value) {
        std::vector<Activation> functions = figure.functions;
        (void)SetParam(functions[job.sweep->function], job.sweep->param, value);
        PlotViewRange view = FitView(functions, figure.convention);
        if (figure.x_range) {
            view.x_min = figure.x_range->first;
            view.x_max = figure.x_range->second;
            FitYRanges(functions, figure.convention, view);
        }
        return view;
    };
    const PlotViewRange a = fitted(job.sweep->from), b = fitted(job.sweep->to);
    if (!figure.x_range) figure.x_range = std::pair{std::min(a.x_min, b.x_min), std::max(a.x_max, b.x_max)};
    if (!figure.y_range) figure.y_range = std::pair{std::min(a.y_min, b.y_min), std::max(a.y_max, b.y_max)};
    if (!figure.dy_range)
        figure.dy_range = std::pair{std::min(a.dy_min, b.dy_min), std::max(a.dy_max, b.dy_max)};
}

void WidenViewForSweep(AnimationJob& job) {
    if (!job.sweep) return;
    AnimationJob fitted = job;
    fitted.figure.y_range.reset();
    fitted.figure.dy_range.reset();
    FixSweepView(fitted);
    const auto widen = [](std::optional<std::pair<double, double>>& range,
                          const std::optional<std::pair<double, double>>& sweep) {
        if (!range || !sweep) return;
        range = std::pair{std::min(range->first, sweep->first), std::max(range->second, sweep->second)};
    };
    widen(job.figure.y_range, fitted.figure.y_range);
    widen(job.figure.dy_range, fitted.figure.dy_range);
}

std::unique_ptr<AnimationExport> AnimationExport::Start(const AnimationJob& job, int width, int height,
                                                        FrameSource source, std::string& error) {
    std::unique_ptr<AnimationExport> run(new AnimationExport());
    run->job_ = job;
    run->source_ = std::move(source);
    run->width_ = width;
    run->height_ = height;
    AnimationSettings settings;
    settings.format = job.format;
    settings.rendered = {width, height};
    settings.fps = job.fps;
    settings.exact_colors = ThemeColors(job.figure.theme);
    settings.transparent = job.figure.theme == Theme::Transparent;
    run->encoder_ = CreateAnimationEncoder(settings, error);
    if (!run->encoder_) return nullptr;
    return run;
}

AnimationExport::~AnimationExport() {
    (void)WaitForEncoder();
}

std::string AnimationExport::WaitForEncoder() {
    if (!encoding_.valid()) return "";
    Encoded encoded = encoding_.get();
    spare_ = std::move(encoded.rgba);
    return encoded.error;
}

// Drawing (OpenGL, this thread) and encoding (a worker) overlap: frame i is encoded while frame
// i + 1 is drawn, which on two cores nearly halves the time of a GIF or MP4.
std::string AnimationExport::Step() {
    if (AllFramesDone()) return "";
    RenderedImage image = source_(done_, std::move(spare_));
    if (!image.error.empty()) return image.error;
    if (!image.warning.empty()) warning_ = image.warning;
    if (image.width != width_ || image.height != height_) return "a frame came out at a different size";
    if (std::string error = WaitForEncoder(); !error.empty()) return error;
    encoding_ =
        std::async(std::launch::async, [encoder = encoder_.get(), rgba = std::move(image.rgba)]() mutable {
            Encoded encoded{encoder->AddFrame(rgba), {}};
            encoded.rgba = std::move(rgba);
            return encoded;
        });
    ++done_;
    return "";
}

std::string AnimationExport::Finish() {
    if (std::string encoded = WaitForEncoder(); !encoded.empty())
        return "cannot encode " + job_.path + ": " + encoded;
    std::string error;
    const std::string bytes = encoder_->Finish(error);
    if (!error.empty()) return "cannot encode " + job_.path + ": " + error;
    return WriteFileAtomically(job_.path, bytes);
}

std::string ExportFigureAnimation(const AnimationJob& job, const std::function<bool(long long)>& progress,
                                  std::string& warning, AnimationSize& size) {
    const FigureSpec& figure = job.figure;
    size = {figure.PixelWidth(), figure.PixelHeight()};
    std::string error;
    std::unique_ptr<FigureRenderer> renderer =
        FigureRenderer::Create(figure.PixelWidth(), figure.PixelHeight(), figure.scale, error);
    if (!renderer) return error;
    FigureRenderer& draw = *renderer;
    auto run = AnimationExport::Start(
        job, figure.PixelWidth(), figure.PixelHeight(),
        [&job, &draw](long long frame, std::vector<std::uint8_t> storage) {
            return draw.Render(AnimationFrameSpec(job, frame), std::move(storage));
        },
        error);
    if (!run) return error;
    while (!run->AllFramesDone()) {
        if (error = run->Step(); !error.empty()) return error;
        if (progress && !progress(run->FramesDone())) return "cancelled";
    }
    warning = run->warning();
    return run->Finish();
}

} // namespace actlab::app
