// `actlab render (--scene FILE | FN [--param NAME=VALUE]... [--with FN2 ...]) [--derivative] [--range A:B]
// [--yrange C:D] --out FILE.png|FILE.svg [--size WxH] [--scale S] [--theme light|dark|transparent]`:
// a figure for slides without a window. SVG needs no OpenGL; PNG uses an EGL surfaceless context.
// A gated two-input function (`--select swiglu`) is drawn as heatmaps of f, ∂f/∂a and ∂f/∂b over the
// (a, b) plane; --range sets a and --yrange b.
// Also: --format png|svg (when the name has no such extension), --kink, --no-legend, --no-overlays.
//
// Parameters: `--param NAME=VALUE` sets a parameter of FN (the first function); `--param FN.NAME=VALUE`
// sets one of any function shown, e.g. `--with leaky_relu --param leaky_relu.slope=0.2`.
#include "app/figure_png.h"
#include "app/gui_app.h"
#include "cli/commands.h"
#include "cli/function_args.h"
#include "core/file_io.h"
#include "core/number_parse.h"
#include "core/state_json.h"
#include "render/figure.h"
#include "render/png_writer.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <memory>

namespace actlab::cli {

namespace {

struct RenderOptions {
    std::string scene;
    std::string function;
    std::string select; // the same as `function`, spelled as the window's option
    std::vector<std::string> params;
    std::vector<std::string> with;
    bool derivative = false;
    std::string range;
    std::string yrange;
    std::string out;
    std::string size = "1200x750";
    std::string scale = "1";
    std::string theme; // empty: light, as the help says (a scene's theme is the window's, not the figure's)
    std::string kink;  // empty: the scene's, else pytorch
    std::string format;
    bool no_legend = false;
    bool no_overlays = false;
};

enum class OutputFormat { Png, Svg };

// Views beyond these limits are not drawable exactly (the window's zoom stops at the same ones).
constexpr double kMaxCoordinate = 1e12;
constexpr double kMinSpan = 1e-9;
constexpr long long kMaxPixelsPerSide = 8192;
constexpr long long kMaxPixels = 40'000'000; // 8K UHD (33 Mpx) fits; memory stays under a gigabyte

std::string ParseViewRange(const std::string& option, const std::string& text,
                           std::optional<std::pair<double, double>>& out) {
    if (text.empty()) return "";
    const auto range = ParseRange(text);
    if (!range) return option + ": " + range.error;
    const auto [lo, hi] = range.value;
    if (std::abs(lo) > kMaxCoordinate || std::abs(hi) > kMaxCoordinate) {
        return option + ": ends must lie within ±1e12, got " + text;
    }
    if (hi - lo < kMinSpan) return option + ": the range must be at least 1e-9 wide, got " + text;
    out = range.value;
    return "";
}

// "WxH" with both sides within [kFigureMinSide, kMaxPixelsPerSide].
std::string ParseSize(const std::string& text, FigureSpec& spec) {
    const auto x = text.find('x');
    std::string expected = "--size: expected WxH such as 1600x1000, got \"" + text + "\"";
    if (x == std::string::npos) return expected;
    const auto width = ParseInteger(text.substr(0, x), kFigureMinSide, kMaxPixelsPerSide);
    const auto height = ParseInteger(text.substr(x + 1), kFigureMinSide, kMaxPixelsPerSide);
    if (!width || !height) {
        return "--size: width and height must be whole numbers from " + std::to_string(kFigureMinSide) +
               " to " + std::to_string(kMaxPixelsPerSide) + ", got \"" + text + "\"";
    }
    spec.width = static_cast<int>(width.value);
    spec.height = static_cast<int>(height.value);
    return "";
}

// Applies every --param to the function it names; `functions` holds FN first, then each --with.
std::string ApplyParams(const std::vector<std::string>& params, const std::vector<std::string>& names,
                        std::vector<Activation>& functions) {
    for (const std::string& text : params) {
        const auto equals = text.find('=');
        const auto dot = text.find('.');
        std::size_t target = 0;
        std::string assignment = text;
        if (dot != std::string::npos && equals != std::string::npos && dot < equals) {
            const std::string function = text.substr(0, dot);
            const auto it = std::find(names.begin(), names.end(), function);
            if (it == names.end()) {
                return "--param " + text + ": '" + function +
                       "' is not among the functions drawn (FN or --with)";
            }
            target = static_cast<std::size_t>(it - names.begin());
            assignment = text.substr(dot + 1);
        }
        const auto pair = ParseNameValue(assignment);
        if (!pair) return "--param: " + pair.error;
        if (std::string error = SetParam(functions[target], pair.value.name, pair.value.value);
            !error.empty())
            return "--param: " + error;
    }
    return "";
}

// The scene's plot as a figure: its functions (the first six) with their parameters, convention,
// view (both y ranges), overlays, probes and derivative. Not its theme: figures are light unless
// --theme says otherwise, whatever colours the window had.
std::string ApplyScene(const std::string& name, FigureSpec& spec, std::vector<std::string>& names) {
    SceneParseResult loaded = app::LoadSceneOrPreset(name);
    if (!loaded.ok()) return loaded.error;
    for (const std::string& warning : loaded.warnings)
        std::cerr << "actlab: " << name << ": " << warning << '\n';
    const AppState& state = loaded.scene.state;
    for (ActivationId id : state.plots.selected) {
        if (spec.functions.size() == 6) break;
        spec.functions.push_back(state.ActivationOf(id));
        names.emplace_back(Info(id).name);
    }
    const PlotViewRange& view = state.plots.view;
    spec.x_range = std::pair{view.x_min, view.x_max};
    spec.y_range = std::pair{view.y_min, view.y_max};
    spec.derivative = state.plots.show_derivative;
    spec.convention = state.plots.convention;
    spec.overlays = state.plots.overlays;
    if (spec.derivative) spec.dy_range = std::pair{view.dy_min, view.dy_max};
    spec.probes = state.plots.probes;
    return "";
}

// A gated two-input function: its heatmap figure, with --range for a and --yrange for b.
std::string BuildGatedSpec(const RenderOptions& options, FigureSpec& spec) {
    if (!options.with.empty() || options.derivative)
        return options.function +
               " is drawn as heatmaps of f, ∂f/∂a and ∂f/∂b: --with and --derivative do not apply";
    GatedFunction function;
    std::vector<std::string> params;
    for (const std::string& text : options.params) {
        // "swiglu.beta=2" as well as "beta=2".
        const std::string prefix = options.function + ".";
        params.push_back(text.rfind(prefix, 0) == 0 ? text.substr(prefix.size()) : text);
    }
    if (std::string error = ParseGatedWithParams(options.function, params, function); !error.empty())
        return error;
    spec.gated = function;
    return "";
}

// Three square heatmaps side by side want a wide, short figure: the default size unless --size says.
constexpr std::string_view kDefaultSize = "1200x750";
constexpr std::string_view kDefaultGatedSize = "1350x560";

std::string SizeFor(const RenderOptions& options, const FigureSpec& spec) {
    return spec.gated && options.size == kDefaultSize ? std::string(kDefaultGatedSize) : options.size;
}

std::string BuildSpec(RenderOptions options, FigureSpec& spec, OutputFormat& format) {
    std::vector<std::string> names;
    if (!options.select.empty()) {
        if (!options.function.empty() && options.function != options.select)
            return "give the function once: as FN or as --select";
        options.function = options.select;
    }
    if (options.scene.empty() && FindGated(options.function)) {
        if (std::string error = BuildGatedSpec(options, spec); !error.empty()) return error;
    } else if (!options.scene.empty()) {
        if (!options.function.empty() || !options.with.empty())
            return "give either --scene or a function (and --with), not both";
        if (std::string error = ApplyScene(options.scene, spec, names); !error.empty()) return error;
    } else {
        if (options.function.empty())
            return "give a function to draw, e.g. actlab render relu --out relu.png";
        names.push_back(options.function);
        names.insert(names.end(), options.with.begin(), options.with.end());
        for (const std::string& name : names) {
            Activation activation;
            if (std::string error = ParseFunctionWithParams(name, {}, activation); !error.empty())
                return error;
            if (std::any_of(spec.functions.begin(), spec.functions.end(),
                            [&](const Activation& a) { return a.id == activation.id; })) {
                return "'" + name + "' is given twice";
            }
            spec.functions.push_back(activation);
        }
        if (spec.functions.size() > 6) return "at most 6 functions in one figure (FN and 5 --with)";
    }
    // The flags below override what a scene says.
    if (!spec.gated) {
        if (std::string error = ApplyParams(options.params, names, spec.functions); !error.empty())
            return error;
    }
    if (options.derivative) spec.derivative = true;
    if (std::string error = ParseViewRange("--range", options.range, spec.x_range); !error.empty())
        return error;
    if (std::string error = ParseViewRange("--yrange", options.yrange, spec.y_range); !error.empty())
        return error;

    if (!options.kink.empty() || options.scene.empty()) {
        const std::string kink = options.kink.empty() ? "pytorch" : options.kink;
        const auto convention = ParseKinkConvention(kink);
        if (!convention) {
            return "unknown kink convention '" + kink + "'; allowed: " + NamesIn(kKinkConventionNames);
        }
        spec.convention = *convention;
    }
    if (options.no_overlays) spec.overlays = {false, false, false, false};
    if (options.no_legend) spec.overlays.legend = false;
    {
        const std::string name = options.theme.empty() ? "light" : options.theme;
        const auto theme = ParseTheme(name);
        if (!theme) return "--theme: expected light, dark, transparent or projector, got \"" + name + "\"";
        spec.theme = *theme;
    }

    if (std::string error = ParseSize(SizeFor(options, spec), spec); !error.empty()) return error;
    const auto scale = ParseFiniteNumber(options.scale);
    if (!scale || scale.value < 0.5 || scale.value > static_cast<double>(kFigureMaxScale)) {
        return "--scale: expected a number from 0.5 to 8, got \"" + options.scale + "\"";
    }
    spec.scale = static_cast<float>(scale.value);
    const long long pixel_width = spec.PixelWidth(), pixel_height = spec.PixelHeight();
    if (pixel_width > kMaxPixelsPerSide || pixel_height > kMaxPixelsPerSide ||
        pixel_width * pixel_height > kMaxPixels) {
        return "--size × --scale gives " + std::to_string(pixel_width) + "x" + std::to_string(pixel_height) +
               " pixels; at most 8192 a side and 40 million in all";
    }

    std::string extension = std::filesystem::path(options.out).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const std::string chosen = options.format.empty() ? extension : "." + options.format;
    if (chosen == ".png") {
        format = OutputFormat::Png;
    } else if (chosen == ".svg") {
        format = OutputFormat::Svg;
    } else if (!options.format.empty()) {
        return "--format: expected png or svg, got \"" + options.format + "\"";
    } else {
        return "--out: the file name must end in .png or .svg (or give --format), got \"" + options.out +
               "\"";
    }
    return "";
}

int RunRender(const RenderOptions& options) {
    FigureSpec spec;
    OutputFormat format = OutputFormat::Png;
    if (std::string error = BuildSpec(options, spec, format); !error.empty()) return UsageError(error);

    std::string error;
    std::string warning;
    if (format == OutputFormat::Svg) {
        error = WriteFileAtomically(options.out, RenderSvg(spec, &warning));
    } else {
        const app::RenderedImage image = app::RenderFigurePixels(spec);
        warning = image.warning;
        error =
            image.error.empty() ? WritePng(options.out, image.width, image.height, image.rgba) : image.error;
    }
    if (!warning.empty()) std::cerr << "actlab: " << warning << '\n';
    if (!error.empty()) {
        std::cerr << "actlab: " << error << '\n';
        return kExitEnvironment;
    }
    return kExitOk;
}

} // namespace

void AddRenderCommand(CLI::App& app, CommandRunner& run) {
    auto options = std::make_shared<RenderOptions>();
    auto* cmd = app.add_subcommand("render", "Draw a figure to a PNG or SVG file without a window");
    cmd->add_option("function", options->function, "Function to draw (see `actlab list`)");
    cmd->add_option("--select", options->select,
                    "The function to draw, as the window's --select (e.g. swiglu)")
        ->type_name("FN");
    cmd->add_option("--scene", options->scene,
                    "Draw a saved scene's plot instead (a file, or preset:NAME); the flags override it")
        ->type_name("FILE");
    cmd->add_option("--param,-p", options->params,
                    "NAME=VALUE for FN, or FN.NAME=VALUE for any function drawn (repeatable)")
        ->type_name("[FN.]NAME=VALUE")
        ->allow_extra_args(false);
    cmd->add_option("--with", options->with, "Another function to overlay (repeatable)")
        ->type_name("FN2")
        ->allow_extra_args(false);
    cmd->add_flag("--derivative", options->derivative, "Draw f above f\u2032 in two linked plots");
    cmd->add_option("--range", options->range, "x range (default: fitted to the functions)")
        ->type_name("A:B");
    cmd->add_option("--yrange", options->yrange, "y range of the f plot (default: fitted)")->type_name("C:D");
    cmd->add_option("--out", options->out, "Output file; .png or .svg chooses the format")
        ->type_name("FILE")
        ->required();
    cmd->add_option("--size", options->size, "Figure size in pixels at scale 1 (default 1200x750)")
        ->type_name("WxH");
    cmd->add_option("--scale", options->scale,
                    "Pixels per figure pixel: 2 doubles the resolution (default 1)")
        ->type_name("S");
    cmd->add_option("--theme", options->theme, "light (default), dark, transparent or projector")
        ->type_name("THEME");
    cmd->add_option("--kink", options->kink,
                    "f\u2032 at a kink: pytorch (default), left, right, mean, zero, one, undefined")
        ->type_name("CONVENTION");
    cmd->add_option("--format", options->format,
                    "png or svg, when the --out name does not say (e.g. /dev/stdout)")
        ->type_name("FORMAT");
    cmd->add_flag("--no-legend", options->no_legend, "Leave out the legend");
    cmd->add_flag("--no-overlays", options->no_overlays,
                  "Leave out the legend, asymptotes, dead-zone shading and the mark at the maximum of f′");
    cmd->callback([&run, options] { run = [options] { return RunRender(*options); }; });
}

} // namespace actlab::cli
