// `actlab animate [--scene S | --select FN,.. --param FN.NAME=V ..] (--sweep FN.PARAM=FROM:TO | --train
// STEPS)
//  [--target f|df|window|network] [--seconds 4] [--fps 30] [--size WxH] [--scale N]
//  [--theme light|dark|transparent|projector] [--loop pingpong|forward] --out FILE.gif|FILE.mp4|FILE.webm`:
// an animated figure for slides without a window, through the same offscreen path as `actlab render`.
#include "app/animation_export.h"
#include "app/gui_app.h"
#include "app/ui_animation.h"
#include "cli/commands.h"
#include "cli/function_args.h"
#include "core/number_parse.h"
#include "core/state_json.h"
#include "render/egl_context.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>
#include <unistd.h>

namespace actlab::cli {

namespace {

struct AnimateOptions {
    std::string scene;
    std::string select;
    std::vector<std::string> params;
    std::string sweep;
    std::string train;
    std::string target; // empty: f for a sweep, network for training
    std::string seconds = "4";
    std::string fps = "30";
    std::string size = "1200x750";
    std::string scale = "1";
    std::string theme; // empty: light, as for actlab render
    std::string loop = "forward";
    std::string out;
};

constexpr long long kMaxSide = 8192;
constexpr long long kMaxPixels = 40'000'000;
constexpr long long kMaxTrainSteps = 100'000'000;

std::atomic<bool> g_interrupted{false}; // set by SIGINT/SIGTERM; the export stops at the next frame

extern "C" void OnInterrupt(int) {
    g_interrupted = true;
}

// Splits "FN.NAME=VALUE" (or "FN.NAME=FROM:TO") into its three parts; false when malformed.
bool SplitQualified(const std::string& text, std::string& function, std::string& name, std::string& value) {
    const auto dot = text.find('.');
    const auto equals = text.find('=');
    if (dot == std::string::npos || equals == std::string::npos || dot > equals || dot == 0 ||
        equals == dot + 1)
        return false;
    function = text.substr(0, dot);
    name = text.substr(dot + 1, equals - dot - 1);
    value = text.substr(equals + 1);
    return true;
}

// The index of the function called `name` among those drawn; when none is and `add` holds, it is added.
std::string FunctionIndex(const std::string& name, app::AnimationJob& job, std::vector<std::string>& names,
                          bool add, std::size_t& index) {
    const auto it = std::find(names.begin(), names.end(), name);
    if (it != names.end()) {
        index = static_cast<std::size_t>(it - names.begin());
        return "";
    }
    if (!add) return "'" + name + "' is not among the functions drawn (--select or the scene's)";
    Activation activation;
    if (std::string error = ParseFunctionWithParams(name, {}, activation); !error.empty()) return error;
    job.figure.functions.push_back(activation);
    names.push_back(name);
    index = names.size() - 1;
    return "";
}

std::string ApplySceneOrSelection(const AnimateOptions& options, app::AnimationJob& job,
                                  std::vector<std::string>& names, Scene& scene) {
    if (!options.scene.empty()) {
        if (!options.select.empty()) return "give either --scene or --select, not both";
        SceneParseResult loaded = app::LoadSceneOrPreset(options.scene);
        if (!loaded.ok()) return loaded.error;
        for (const std::string& warning : loaded.warnings)
            std::cerr << "actlab: " << options.scene << ": " << warning << '\n';
        scene = std::move(loaded.scene);
        const AppState& state = scene.state;
        for (ActivationId id : state.plots.selected) {
            if (job.figure.functions.size() == 6) break;
            job.figure.functions.push_back(state.ActivationOf(id));
            names.emplace_back(Info(id).name);
        }
        const PlotViewRange& view = state.plots.view;
        job.figure.x_range = std::pair{view.x_min, view.x_max};
        job.figure.y_range = std::pair{view.y_min, view.y_max};
        job.figure.dy_range = std::pair{view.dy_min, view.dy_max};
        job.figure.convention = state.plots.convention;
        job.figure.overlays = state.plots.overlays;
        job.figure.probes = state.plots.probes;
        return "";
    }
    std::stringstream list(options.select);
    for (std::string name; std::getline(list, name, ',');) {
        std::size_t index = 0;
        if (std::find(names.begin(), names.end(), name) != names.end())
            return "--select: '" + name + "' is given twice";
        if (std::string error = FunctionIndex(name, job, names, true, index); !error.empty())
            return "--select: " + error;
    }
    if (names.size() > 6) return "--select: at most 6 functions in one figure";
    return "";
}

std::string ApplyParams(const std::vector<std::string>& params, app::AnimationJob& job,
                        std::vector<std::string>& names) {
    for (const std::string& text : params) {
        std::string function, name, value;
        if (!SplitQualified(text, function, name, value))
            return "--param: expected FN.NAME=VALUE, got \"" + text + "\"";
        std::size_t index = 0;
        if (std::string error = FunctionIndex(function, job, names, false, index); !error.empty())
            return "--param " + text + ": " + error;
        const auto number = ParseFiniteNumber(value);
        if (!number) return "--param " + text + ": " + number.error;
        if (std::string error = SetParam(job.figure.functions[index], name, number.value); !error.empty())
            return "--param: " + error;
    }
    return "";
}

std::string ApplySweep(const std::string& text, app::AnimationJob& job, std::vector<std::string>& names) {
    std::string function, name, value;
    if (!SplitQualified(text, function, name, value))
        return "--sweep: expected FN.PARAM=FROM:TO, got \"" + text + "\"";
    const auto range = ParseRange(value);
    if (!range) return "--sweep " + text + ": " + range.error;
    std::size_t index = 0;
    // Without --select or a scene, the swept function is the figure.
    if (std::string error = FunctionIndex(function, job, names, names.empty(), index); !error.empty())
        return "--sweep: " + error;
    for (double end : {range.value.first, range.value.second}) {
        Activation probe = job.figure.functions[index];
        if (std::string error = SetParam(probe, name, end); !error.empty()) return "--sweep: " + error;
    }
    job.sweep = app::AnimationSweep{index, name, range.value.first, range.value.second};
    return "";
}

std::string ApplyLook(const AnimateOptions& options, app::AnimationJob& job) {
    // Light unless --theme says otherwise, as for actlab render: a scene's theme is the window's.
    const std::string name = options.theme.empty() ? "light" : options.theme;
    const auto theme = ParseTheme(name);
    if (!theme) return "--theme: expected light, dark, transparent or projector, got \"" + name + "\"";
    job.figure.theme = *theme;
    const auto x = options.size.find('x');
    const auto width = ParseInteger(options.size.substr(0, x), kFigureMinSide, kMaxSide);
    const auto height =
        x == std::string::npos ? width : ParseInteger(options.size.substr(x + 1), kFigureMinSide, kMaxSide);
    if (x == std::string::npos || !width || !height) {
        return "--size: expected WxH with whole numbers from " + std::to_string(kFigureMinSide) +
               " to 8192, got \"" + options.size + "\"";
    }
    job.figure.width = static_cast<int>(width.value);
    job.figure.height = static_cast<int>(height.value);
    const auto scale = ParseFiniteNumber(options.scale);
    if (!scale || scale.value < 0.5 || scale.value > static_cast<double>(kFigureMaxScale)) {
        return "--scale: expected a number from 0.5 to 8, got \"" + options.scale + "\"";
    }
    job.figure.scale = static_cast<float>(scale.value);
    const long long pixel_width = job.figure.PixelWidth(), pixel_height = job.figure.PixelHeight();
    if (pixel_width > kMaxSide || pixel_height > kMaxSide || pixel_width * pixel_height > kMaxPixels) {
        return "--size × --scale gives " + std::to_string(pixel_width) + "x" + std::to_string(pixel_height) +
               " pixels; at most 8192 a side and 40 million in all";
    }
    return "";
}

std::string ApplyTimeline(const AnimateOptions& options, app::AnimationJob& job) {
    const auto seconds = ParseFiniteNumber(options.seconds);
    if (!seconds || seconds.value <= 0 || seconds.value > 600)
        return "--seconds: expected a number of seconds from 0 to 600, got \"" + options.seconds + "\"";
    const auto fps = ParseFiniteNumber(options.fps);
    if (!fps || fps.value < 1 || fps.value > 60)
        return "--fps: expected a number from 1 to 60, got \"" + options.fps + "\"";
    job.fps = fps.value;
    job.frames = AnimationFrameCount(seconds.value, fps.value);
    if (job.frames < 1) return "--seconds × --fps gives zero frames; the animation needs at least one";
    if (job.frames > kMaxAnimationFrames)
        return "--seconds × --fps gives " + std::to_string(job.frames) + " frames; at most " +
               std::to_string(kMaxAnimationFrames);
    const auto loop = ParseAnimationLoop(options.loop);
    if (!loop) return "--loop: expected forward or pingpong, got \"" + options.loop + "\"";
    job.loop = *loop;
    const auto format = AnimationFormatOf(options.out);
    if (!format) return "--out: the file name must end in .gif, .mp4 or .webm, got \"" + options.out + "\"";
    job.format = *format;
    job.path = options.out;
    return "";
}

} // namespace

namespace {

// Everything the flags say, checked; "" or the one line to print.
std::string BuildJob(const AnimateOptions& options, app::AnimationJob& job, app::UiAnimation& ui,
                     Scene& scene) {
    if (options.sweep.empty() == options.train.empty())
        return "give exactly one of --sweep FN.PARAM=FROM:TO and --train STEPS";
    std::vector<std::string> names;
    if (std::string error = ApplySceneOrSelection(options, job, names, scene); !error.empty()) return error;
    if (!options.sweep.empty()) {
        if (std::string error = ApplySweep(options.sweep, job, names); !error.empty()) return error;
    }
    if (std::string error = ApplyParams(options.params, job, names); !error.empty()) return error;
    if (!options.train.empty()) {
        const auto steps = ParseInteger(options.train, 1, kMaxTrainSteps);
        if (!steps)
            return "--train: expected a whole number of steps from 1 to 100000000, got \"" + options.train +
                   "\"";
        ui.train_steps = static_cast<std::size_t>(steps.value);
    }
    const std::string target =
        options.target.empty() ? (options.train.empty() ? "f" : "network") : options.target;
    const auto parsed = ParseIn(ui::kExportTargetNames, std::string_view(target));
    if (!parsed) return "--target: expected f, df, window or network, got \"" + target + "\"";
    ui.target = *parsed;
    if (!options.train.empty() &&
        (ui.target == ui::ExportTarget::PlotF || ui.target == ui::ExportTarget::PlotDerivative)) {
        return "--train changes the network, not the plots: use --target network or window";
    }
    if (!options.train.empty() && options.loop == "pingpong")
        return "--loop pingpong goes back and forth through a sweep; training only goes forward";
    if (job.figure.functions.empty()) return "nothing to draw: give --select FN,.. or --scene";
    if (ui.target == ui::ExportTarget::PlotDerivative) job.figure.single_plot = PlotQuantity::Derivative;
    if (ui.target == ui::ExportTarget::PlotF) job.figure.single_plot = PlotQuantity::Value;
    if (std::string error = ApplyLook(options, job); !error.empty()) return error;
    if (std::string error = ApplyTimeline(options, job); !error.empty()) return error;
    app::FixSweepView(job);
    return "";
}

int RunAnimate(const AnimateOptions& options) {
    app::AnimationJob job;
    app::UiAnimation ui;
    Scene scene;
    scene.state = DefaultAppState();
    if (std::string error = BuildJob(options, job, ui, scene); !error.empty()) return UsageError(error);

    // An output that cannot be written fails now, not after every frame has been drawn.
    const std::filesystem::path parent = std::filesystem::path(job.path).parent_path();
    if (::access(parent.empty() ? "." : parent.c_str(), W_OK) != 0) {
        std::cerr << "actlab: cannot write " << job.path << ": " << std::strerror(errno) << '\n';
        return kExitEnvironment;
    }
    std::string error;
    std::optional<EglContext> gl = EglContext::Create(error);
    if (!gl) {
        std::cerr << "actlab: " << error << '\n';
        return kExitEnvironment;
    }
    g_interrupted = false;
    std::signal(SIGINT, OnInterrupt);
    std::signal(SIGTERM, OnInterrupt);
    const auto progress = [](long long) { return !g_interrupted.load(); };
    std::string warning;
    AnimationSize size;
    error = ui.target == ui::ExportTarget::PlotF || ui.target == ui::ExportTarget::PlotDerivative
                ? app::ExportFigureAnimation(job, progress, warning, size)
                : app::ExportUiAnimation(std::move(scene), job, ui, progress, warning, size);
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    if (!warning.empty()) std::cerr << "actlab: " << warning << '\n';
    if (g_interrupted) {
        std::cerr << "actlab: interrupted; " << job.path << " was not written\n";
        return 130;
    }
    if (!error.empty()) {
        std::cerr << "actlab: " << error << '\n';
        return kExitEnvironment;
    }
    const AnimationSize encoded = EncodedSize(job.format, size);
    if (encoded.width != size.width || encoded.height != size.height) {
        std::cerr << "actlab: " << AnimationFormatName(job.format) << " needs even sides: " << size.width
                  << "x" << size.height << " became " << encoded.width << "x" << encoded.height
                  << " (the edge pixels repeated)\n";
    }
    return kExitOk;
}

} // namespace

void AddAnimateCommand(CLI::App& app, CommandRunner& run) {
    auto options = std::make_shared<AnimateOptions>();
    auto* cmd = app.add_subcommand(
        "animate",
        "Write an animated GIF, MP4 or WebM of a parameter sweep or of training, without a window");
    cmd->add_option("--scene", options->scene, "Start from a saved scene (a file, or preset:NAME)")
        ->type_name("S");
    cmd->add_option("--select", options->select, "Functions to draw, comma-separated (e.g. relu,elu)")
        ->type_name("FN,..");
    cmd->add_option("--param", options->params, "A parameter of a drawn function (repeatable)")
        ->type_name("FN.NAME=V")
        ->allow_extra_args(false);
    cmd->add_option("--sweep", options->sweep,
                    "Move a parameter linearly over the frames, e.g. elu.alpha=0.1:2")
        ->type_name("FN.PARAM=FROM:TO");
    cmd->add_option("--train", options->train,
                    "Train the scene's network this many steps, spread over the frames")
        ->type_name("STEPS");
    cmd->add_option("--target", options->target, "f, df, window or network (default f; network with --train)")
        ->type_name("TARGET");
    cmd->add_option("--seconds", options->seconds, "Length (default 4)")->type_name("SECONDS");
    cmd->add_option("--fps", options->fps,
                    "Frames per second (default 30); the file has round(seconds × fps) frames")
        ->type_name("FPS");
    cmd->add_option("--size", options->size, "Size in pixels at scale 1 (default 1200x750)")
        ->type_name("WxH");
    cmd->add_option("--scale", options->scale, "Pixels per figure pixel (default 1)")->type_name("N");
    cmd->add_option("--theme", options->theme, "light (default), dark, transparent or projector")
        ->type_name("THEME");
    cmd->add_option("--loop", options->loop, "forward (default) or pingpong (there and back)")
        ->type_name("MODE");
    cmd->add_option("--out", options->out, "Output file: .gif, .mp4 (H.264) or .webm (VP9)")
        ->type_name("FILE")
        ->required();
    cmd->callback([&run, options] { run = [options] { return RunAnimate(*options); }; });
}

} // namespace actlab::cli
