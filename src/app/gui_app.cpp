// The visualizer's frame loop (see gui_app.h).
#include "app/gui_app.h"

#include "app/animation_export_runner.h"
#include "app/animation_preview.h"
#include "app/autosave.h"
#include "app/copy_service.h"
#include "app/export_service.h"
#include "app/gl_heatmap_renderer.h"
#include "app/platform.h"
#include "app/settings_store.h"
#include "cli/commands.h"
#include "core/deck.h"
#include "core/file_io.h"
#include "core/layout_report.h"
#include "core/lesson_presets.h"
#include "core/number_parse.h"
#include "core/scene.h"
#include "core/state_json.h"
#include "core/view_fit.h"
#include "render/figure_theme.h"
#include "render/png_writer.h"
#include "ui/fonts.h"
#include "ui/panels.h"
#include "ui/presenter_overlay.h"
#include "ui/theme.h"

#include <CLI/CLI.hpp>
#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <cfloat>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <iterator>

namespace actlab::app {

namespace {

// Ctrl+C in the terminal or a session's SIGTERM closes the window the normal way, so settings are
// saved. A signal handler can only set a flag; the frame loop reads it.
volatile std::sig_atomic_t g_stop_requested = 0;

void RequestStop(int) {
    g_stop_requested = 1;
}

struct ParsedGuiOptions {
    WindowGeometry window;
    bool size_given = false;
};

// Applies --select, --param, --theme, --scale to `state`; returns "" or a one-line error.
std::string ApplyOptions(const GuiOptions& options, AppState& state, ParsedGuiOptions& parsed) {
    if (!options.size.empty()) {
        const auto x = options.size.find('x');
        int width = 0, height = 0;
        try {
            if (x == std::string::npos) throw std::invalid_argument("no x");
            std::size_t used_w = 0, used_h = 0;
            width = std::stoi(options.size.substr(0, x), &used_w);
            height = std::stoi(options.size.substr(x + 1), &used_h);
            if (used_w != x || used_h != options.size.size() - x - 1) throw std::invalid_argument("junk");
        } catch (const std::exception&) {
            return "--size: expected WxH such as 1600x1000, got \"" + options.size + "\"";
        }
        if (width < 320 || height < 240 || width > 8192 || height > 8192) {
            return "--size: width and height must be within 320x240 … 8192x8192, got " + options.size;
        }
        parsed.window = {width, height};
        parsed.size_given = true;
    }
    if (options.frames < 1 || options.frames > 100000) return "--frames: expected 1 … 100000";
    if (options.stress_resize < 0 || options.stress_resize > 100000) {
        return "--stress-resize: expected 0 … 100000";
    }
    if (!options.select.empty()) {
        std::vector<ActivationId> selected;
        for (const std::string& name : options.select) {
            const auto id = FindActivation(name);
            if (!id) return "--select: unknown function \"" + name + "\" (see actlab list)";
            if (std::find(selected.begin(), selected.end(), *id) == selected.end()) selected.push_back(*id);
        }
        state.plots.selected = selected;
        state.plots.probes.clear();
    }
    for (const std::string& assignment : options.params) {
        const auto dot = assignment.find('.');
        const auto equals = assignment.find('=');
        if (dot == std::string::npos || equals == std::string::npos || equals < dot) {
            return "--param: expected FN.NAME=VALUE such as leaky_relu.slope=0.1, got \"" + assignment + "\"";
        }
        const std::string function = assignment.substr(0, dot);
        const std::string name = assignment.substr(dot + 1, equals - dot - 1);
        const auto id = FindActivation(function);
        if (!id) return "--param: unknown function \"" + function + "\" (see actlab list)";
        const auto value = ParseNumber(assignment.substr(equals + 1));
        if (!value) return "--param: " + value.error;
        Activation activation = state.ActivationOf(*id);
        const std::string error = SetParam(activation, name, value.value);
        if (!error.empty()) return "--param: " + error;
        state.plots.params[static_cast<std::size_t>(*id)] = activation.params;
    }
    if (!options.theme.empty()) {
        const auto theme = ParseWindowTheme(options.theme);
        if (!theme) return "--theme: expected light, dark or projector, got \"" + options.theme + "\"";
        state.display.theme = *theme;
    }
    if (options.scale != 0.0) {
        if (!(options.scale >= 1.0 && options.scale <= 3.0))
            return "--scale: expected a UI scale from 1 to 3";
        state.display.ui_scale = static_cast<float>(options.scale);
    }
    if (options.hide_controls) state.display.hide_controls = true;
    return "";
}

// --export TARGET=FILE with --export-scale and --export-theme as requests; "" or a one-line error.
std::string ParseExports(const GuiOptions& options, AppState& state,
                         std::vector<ui::ExportRequest>& requests) {
    if (options.export_scale < 1 || options.export_scale > ui::kMaxExportScale) {
        return "--export-scale: expected 1, 2, 3 or 4, got " + std::to_string(options.export_scale);
    }
    std::optional<Theme> look; // "shown": the window's own theme
    if (options.export_theme != "shown") {
        look = ParseTheme(options.export_theme);
        if (!look) {
            return "--export-theme: expected light, dark, projector, transparent or shown, got \"" +
                   options.export_theme + "\"";
        }
    }
    for (const std::string& text : options.exports) {
        const auto equals = text.find('=');
        const std::string target = text.substr(0, equals);
        const std::string file = equals == std::string::npos ? "" : text.substr(equals + 1);
        ui::ExportRequest request;
        const auto parsed_target = ParseIn(ui::kExportTargetNames, std::string_view(target));
        if (!parsed_target) {
            return "--export: expected TARGET=FILE with TARGET f, df, window or network, got \"" + text +
                   "\"";
        }
        request.target = *parsed_target;
        if (request.target == ui::ExportTarget::Network) state.panels.network = true;
        if (file.empty()) return "--export: no file name in \"" + text + "\"";
        std::string extension = std::filesystem::path(file).extension().string();
        std::transform(extension.begin(), extension.end(), extension.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        const auto format = extension.empty()
                                ? std::nullopt
                                : ParseIn(ui::kExportFormatExtensions, std::string_view(extension).substr(1));
        if (!format) {
            return "--export: the file name must end in .png, .svg or .csv, got \"" + file + "\"";
        }
        request.format = *format;
        if (!ui::FormatAllowed(request.target, request.format)) {
            return "--export: " + target + " exports as PNG only (SVG and CSV are for the plots f and df)";
        }
        request.scale = options.export_scale;
        request.look = look;
        request.path = file;
        requests.push_back(request);
    }
    return "";
}

// The last session's trained weights (session.json, a scene written at exit), taken only when its
// lesson is the one the settings restored: otherwise they would belong to another network.
void RestoreLastSession(const std::filesystem::path& path, const AppState& state, ui::UiRuntime& runtime) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return;
    SceneParseResult session = ReadSceneFile(path.string());
    if (!session.ok() || !session.scene.trained || !(session.scene.state.network == state.network)) return;
    runtime.scenes.title = session.scene.title;
    runtime.session.network.RequestRestore(std::move(*session.scene.trained), session.scene.training_step);
}

// --stress-resize N, a test of the frame path at hostile sizes: after a few normal frames (the panels
// laid out, as in a running lesson) the window is minimised for a few frames (a zero-sized viewport),
// restored, resized N times through tiny and large sizes with a frame after each, and given back its
// size.
class ResizeStress {
public:
    ResizeStress(int resizes, int width, int height) : resizes_(resizes), width_(width), height_(height) {}

    bool Done() const { return resizes_ == 0 || step_ > kMinimiseAt + kMinimisedFrames + resizes_; }

    // Before each frame: changes the window; true when this frame is a minimised one.
    bool Step(PlatformWindow& platform) {
        const int step = step_++ - kMinimiseAt;
        if (step < 0) return false;
        if (step == 0) {
            platform.Iconify();
            // X11 keeps a minimised window's size, and without a window manager nothing happens at
            // all; the frames below get a zero-sized viewport either way, as on other systems.
            int width = 0, height = 0;
            platform.FramebufferSize(width, height);
            std::cerr << "actlab: stress: minimised, framebuffer " << width << "x" << height << ", iconified "
                      << (platform.Minimised() ? "yes" : "no") << '\n';
        }
        if (step < kMinimisedFrames) return true;
        if (step == kMinimisedFrames) {
            platform.Restore();
        } else if (step < kMinimisedFrames + resizes_) {
            const auto index = static_cast<std::size_t>(step - kMinimisedFrames - 1) % std::size(kSizes);
            platform.SetWindowSize(kSizes[index].width, kSizes[index].height);
        } else {
            platform.SetWindowSize(width_, height_);
        }
        return false;
    }

private:
    struct Size {
        int width, height;
    };
    static constexpr int kMinimiseAt = 3;
    static constexpr int kMinimisedFrames = 5;
    static constexpr Size kSizes[] = {{1, 1},   {2, 2},   {40, 30},     {1, 700},  {900, 1}, {320, 240},
                                      {7, 3},   {64, 48}, {2560, 1600}, {1, 1},    {3, 900}, {640, 480},
                                      {16, 16}, {2, 1},   {1600, 1000}, {100, 100}};
    int resizes_, width_, height_;
    int step_ = 0;
};

// The frame just drawn as a layout report: the window in pixels, the regions and labels the widgets
// recorded, what floats over them, and the current view's focus.
std::string WriteLayoutReport(const std::string& path, const AppState& state, const ui::UiRuntime& runtime,
                              const ImGuiIO& io) {
    const LayoutReport report = runtime.layout.Finish(
        static_cast<int>(io.DisplaySize.x), static_cast<int>(io.DisplaySize.y), runtime.Scale(state),
        FocusOf(state.workspace.view, state.workspace.focus), "ActLab");
    LayoutReport with_slide = report;
    if (runtime.deck.open()) {
        with_slide.slide =
            LayoutSlide{runtime.deck.index + 1, runtime.deck.deck.slides.size(), runtime.deck.slide().title};
    }
    return WriteFileAtomically(path, LayoutReportToJson(with_slide));
}

// What a start needs besides the window: the state, the window size, a scene to open, the exports to
// make, and messages for the status line.
struct StartState {
    AppState state = DefaultAppState();
    WindowGeometry window;
    std::vector<std::string> recent_scenes;
    std::vector<std::string> recent_decks;
    std::optional<Scene> scene;
    std::optional<DeckParseResult> deck; // --deck, opened at deck_slide (from 0)
    std::size_t deck_slide = 0;
    std::vector<ui::ExportRequest> exports;
    std::optional<ui::ExportTarget> copy_target; // --copy
    std::vector<std::string> messages;
};

// --deck FILE|deck:NAME [--slide N]: the deck, every slide's scene read, and the slide to start at.
// The lesson becomes that slide's, the display stays the presenter's. "" or a usage error.
std::string LoadStartDeck(const GuiOptions& options, StartState& start) {
    if (options.deck.empty()) return "";
    DeckParseResult loaded = LoadDeckOrShipped(options.deck);
    if (!loaded.ok()) return loaded.error;
    const std::size_t count = loaded.deck.slides.size();
    const int slide = options.slide == kSlideNotGiven ? 1 : options.slide;
    if (slide < 1 || static_cast<std::size_t>(slide) > count) {
        return "--slide: " + std::to_string(options.slide) + " is out of range; " + options.deck + " has " +
               std::to_string(count) + " slides (1 \u2026 " + std::to_string(count) + ")";
    }
    for (const std::string& w : loaded.warnings)
        start.messages.push_back("deck: " + w);
    start.deck_slide = static_cast<std::size_t>(slide - 1);
    const DisplaySettings display = start.state.display;
    start.state = loaded.scenes[start.deck_slide].state;
    start.state.display = display;
    start.deck = std::move(loaded);
    return "";
}

// Defaults, then saved settings, then a scene, then the command line. Returns "" or a usage error; a
// scene that cannot be loaded ends the start here, before any window opens.
std::string LoadStartState(const GuiOptions& options, const SessionFiles& files, StartState& start) {
    AppState& state = start.state;
    state.plots.view = FitView(ui::SelectedActivations(state), state.plots.convention);
    bool view_given = false;
    if (!files.settings.empty()) {
        LoadResult loaded = LoadSettings(files.settings, state, start.window);
        view_given = loaded.view_given;
        start.recent_scenes = loaded.recent_scenes;
        start.recent_decks = loaded.recent_decks;
        if (!loaded.error.empty()) start.messages.push_back("settings: " + loaded.error);
        for (const std::string& w : loaded.warnings)
            start.messages.push_back("settings: " + w);
    }
    // A scene replaces the saved state (the command line's options still apply on top).
    if (!options.scene.empty()) {
        SceneParseResult loaded = LoadSceneOrPreset(options.scene);
        if (!loaded.ok()) return loaded.error;
        for (const std::string& w : loaded.warnings)
            start.messages.push_back("scene: " + w);
        state = loaded.scene.state;
        view_given = true;
        start.scene = std::move(loaded.scene);
    }
    if (std::string error = LoadStartDeck(options, start); !error.empty()) return error;
    const AppState saved_selection = state;
    ParsedGuiOptions parsed;
    if (std::string error = ApplyOptions(options, state, parsed); !error.empty()) return error;
    if (std::string error = ParseExports(options, state, start.exports); !error.empty()) return error;
    for (const std::string& tool : options.presenter) {
        ui::PresenterTools probe;
        if (std::string error = ui::ApplyPresenterScript(tool, probe); !error.empty())
            return "--presenter: " + error;
    }
    start.copy_target = ParseIn(ui::kExportTargetNames, std::string_view(options.copy));
    if (!options.copy.empty() && !start.copy_target) {
        return "--copy: expected f, df, window or network, got \"" + options.copy + "\"";
    }
    if (!(options.copy_hold >= 0 && options.copy_hold <= 86400))
        return "--copy-hold: expected 0 to 86400 seconds";
    if (!(options.autosave_seconds >= 0.1 && options.autosave_seconds <= 86400.0)) {
        return "--autosave-seconds: expected 0.1 to 86400";
    }
    if (parsed.size_given) start.window = parsed.window;
    if (!view_given || state.plots.selected != saved_selection.plots.selected) {
        state.plots.view = FitView(ui::SelectedActivations(state), state.plots.convention);
    }
    return "";
}

// The runtime of a new window: recent scenes, the trained weights of the scene or of the last session,
// the heatmap renderer, the first message.
void PrepareRuntime(const GuiOptions& options, StartState& start, const SessionFiles& files,
                    PlatformWindow& platform, ui::UiRuntime& runtime) {
    runtime.content_scale = platform.ContentScale();
    runtime.scenes.recent = start.recent_scenes;
    runtime.deck.recent = start.recent_decks;
    if (start.deck) {
        ui::OpenDeck(std::move(*start.deck), options.deck, start.deck_slide, start.state, runtime);
        if (options.deck.rfind("deck:", 0) != 0) ui::AddRecentScene(runtime.deck.recent, options.deck);
        // The slide's scene replaced the lesson; the last session's weights belong to another.
    } else if (start.scene) {
        runtime.scenes.title = start.scene->title;
        if (options.scene.rfind("preset:", 0) != 0) runtime.scenes.last_path = options.scene;
        if (start.scene->trained) {
            runtime.session.network.RequestRestore(std::move(*start.scene->trained),
                                                   start.scene->training_step);
        }
    } else if (!files.lesson.empty()) {
        RestoreLastSession(files.lesson, start.state, runtime);
    }
    std::string heatmap_error;
    runtime.heatmaps = CreateGlHeatmapRenderer(heatmap_error); // without it the panel draws CPU meshes
    if (!runtime.heatmaps) runtime.Say("heatmaps drawn on the CPU: " + heatmap_error, ui::MessageKind::Error);
    if (!start.messages.empty()) runtime.Say(start.messages.front(), ui::MessageKind::Error);
    for (const std::string& tool : options.presenter)
        ui::ApplyPresenterScript(tool, runtime.presenter); // checked by LoadStartState
}

// --animation-out FILE: the Export animation dialog opened with FILE typed in (its extension picks the
// format) and Export pressed on its first frame, at the --export-scale; --animation-cancel-at N presses
// Cancel once N frames are done.
void StartScriptedAnimation(const GuiOptions& options, ui::UiRuntime& runtime) {
    ui::AnimationExportUi& animation = runtime.animation;
    animation.open = true;
    animation.path_buffer = options.animation_out;
    animation.path_edited = true;
    animation.choice.format = AnimationFormatOf(options.animation_out).value_or(AnimationFormat::Gif);
    animation.scripted_export = true;
    animation.scripted_cancel_at = options.animation_cancel_at;
    runtime.exporter.choice.scale = options.export_scale;
}

// Fonts at the current scale (rebuilt when it changed) and the theme (applied when it changed).
void ApplyFontsAndTheme(const AppState& state, ui::UiRuntime& runtime, PlatformWindow& platform,
                        std::optional<Theme>& applied_theme) {
    const float scale = runtime.Scale(state);
    if (runtime.fonts.built_for != scale) {
        runtime.fonts = ui::BuildFonts(ImGui::GetIO(), scale);
        platform.RebuildFontTexture();
        if (!runtime.fonts.warning.empty()) runtime.Say(runtime.fonts.warning, ui::MessageKind::Error);
        applied_theme.reset();
    }
    if (applied_theme != state.display.theme) {
        ui::ApplyTheme(state.display.theme, scale);
        applied_theme = state.display.theme;
    }
}

// ImGui keeps windows inside the viewport less its padding; in a viewport narrower than twice that it
// pushes them past the top-left corner, and their title bars stay out of reach when the window grows
// again. Nothing fits that small anyway: draw it like a minimised one, whose zero size ImGui leaves
// the windows alone for.
void GuardTinyViewport(bool minimised_frame) {
    ImGuiIO& io = ImGui::GetIO();
    const ImGuiStyle& style = ImGui::GetStyle();
    const ImVec2 smallest{2.0f * std::max(style.DisplayWindowPadding.x, style.DisplaySafeAreaPadding.x),
                          2.0f * std::max(style.DisplayWindowPadding.y, style.DisplaySafeAreaPadding.y)};
    if (minimised_frame || io.DisplaySize.x < smallest.x || io.DisplaySize.y < smallest.y)
        io.DisplaySize = {0.0f, 0.0f};
}

// The end of a screenshot, layout report, export or copy run: the files written, the clipboard served.
// Returns the exit status.
int FinishScreenshotRun(const GuiOptions& options, const StartState& start, AppState& state,
                        ui::UiRuntime& runtime, PlatformWindow& platform, CopySession& copies) {
    int status = cli::kExitOk;
    if (!options.screenshot.empty()) {
        int width = 0, height = 0;
        const std::vector<std::uint8_t> pixels = platform.CaptureRgba(width, height);
        if (const std::string write_error = WritePng(options.screenshot, width, height, pixels);
            !write_error.empty()) {
            std::cerr << "actlab: " << write_error << '\n';
            status = cli::kExitEnvironment;
        }
    }
    if (!options.layout_report.empty()) {
        const std::string write_error =
            WriteLayoutReport(options.layout_report, state, runtime, ImGui::GetIO());
        if (!write_error.empty()) {
            std::cerr << "actlab: --layout-report: " << write_error << '\n';
            status = cli::kExitEnvironment;
        }
    }
    for (const ui::ExportRequest& request : start.exports) {
        const ExportOutcome outcome = RunExport(request, state, runtime, platform);
        if (!outcome.error.empty()) {
            std::cerr << "actlab: " << outcome.error << '\n';
            status = cli::kExitEnvironment;
        }
    }
    if (start.copy_target) {
        const CopyOutcome copied = copies.Copy(*start.copy_target, state, runtime, platform);
        std::cerr << "actlab: " << copied.message << '\n';
        if (!copied.ok) status = cli::kExitEnvironment;
        copies.Hold(options.copy_hold, g_stop_requested);
    }
    return status;
}

// After a presented frame: a copy or an export asked for in it (drawn offscreen now, before the next
// frame), quitting, full screen.
void HandleFrameRequests(AppState& state, ui::UiRuntime& runtime, PlatformWindow& platform,
                         CopySession& copies) {
    if (runtime.exporter.copy) {
        const CopyOutcome copied = copies.Copy(*runtime.exporter.copy, state, runtime, platform);
        runtime.exporter.copy.reset();
        ui::ShowToast(runtime.exporter, copied.message, !copied.ok);
    }
    if (runtime.exporter.pending) {
        const ExportOutcome outcome = RunExport(*runtime.exporter.pending, state, runtime, platform);
        runtime.exporter.pending.reset();
        ui::ShowToast(runtime.exporter, DescribeOutcome(outcome), !outcome.error.empty());
        if (!outcome.error.empty()) {
            runtime.exporter.path_buffer = outcome.path; // nothing typed is lost: fix it and retry
            runtime.exporter.path_edited = true;
        }
    }
    if (runtime.quit_requested || g_stop_requested) platform.RequestClose();
    if (runtime.fullscreen_changed) {
        platform.SetFullscreen(state.display.fullscreen);
        runtime.fullscreen_changed = false;
    }
}

double NowSeconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

} // namespace

SceneParseResult LoadSceneOrPreset(const std::string& name) {
    if (name.rfind("preset:", 0) == 0) {
        const std::string preset = name.substr(7);
        if (const auto found = FindPreset(preset)) return ParseScene(found->text, name);
        SceneParseResult result;
        std::string known;
        for (const EmbeddedPreset& p : EmbeddedPresets())
            known += (known.empty() ? "" : ", ") + std::string(p.name);
        result.error = "no lesson preset \"" + preset + "\" (" + known + ")";
        return result;
    }
    return ReadSceneFile(name);
}

void AddGuiOptions(CLI::App& app, GuiOptions& options) {
    app.add_option("--screenshot", options.screenshot,
                   "Open the window, render a few frames, save a PNG, exit")
        ->type_name("OUT.png");
    app.add_option("--size", options.size, "Window size, e.g. 1600x1000")->type_name("WxH");
    app.add_option("--frames", options.frames, "Frames to render before the screenshot (default 6)");
    app.add_option("--select", options.select, "Functions to show, e.g. relu,leaky_relu")
        ->delimiter(',')
        ->type_name("FN,FN...");
    app.add_option("--param", options.params, "A parameter, e.g. leaky_relu.slope=0.1 (repeatable)")
        ->type_name("FN.NAME=VALUE");
    app.add_option("--theme", options.theme, "dark, light or projector")->type_name("THEME");
    app.add_option("--scale", options.scale, "UI scale for lecture mode, 1 to 3")->type_name("S");
    app.add_flag("--hide-controls", options.hide_controls, "Show only the plots (lecture mode; H toggles)");
    app.add_option(
           "--export", options.exports,
           "Export after --frames frames, then exit: TARGET f, df (the f\u2032 plot), window or network; "
           "FILE .png, .svg or .csv (plots only); repeatable")
        ->type_name("TARGET=FILE")
        ->allow_extra_args(false);
    app.add_option("--export-scale", options.export_scale, "PNG export resolution: 1, 2, 3 or 4 (default 1)")
        ->type_name("N");
    app.add_option("--export-theme", options.export_theme,
                   "Export colours: light (default), dark, projector, transparent, shown")
        ->type_name("T");
    app.add_option("--layout-report", options.layout_report,
                   "After --frames frames, write where every region and label landed as JSON, then exit")
        ->type_name("OUT.json");
    CLI::Option* scene =
        app.add_option("--scene", options.scene,
                       "Open a saved scene, or a lesson preset as preset:NAME (see actlab presets)")
            ->type_name("FILE");
    // The desktop entry's "actlab %f": a scene opened from a file manager.
    CLI::Option* scene_file =
        app.add_option("scene-file", options.scene, "A scene file to open, as with --scene")
            ->type_name("FILE")
            ->excludes(scene);
    CLI::Option* deck =
        app.add_option("--deck", options.deck,
                       "Present a deck: a deck file, or a shipped one as deck:NAME (see actlab "
                       "decks); PageDown/PageUp step through it")
            ->type_name("FILE")
            ->excludes(scene)
            ->excludes(scene_file);
    app.add_option("--slide", options.slide, "With --deck: start at slide N (from 1; default 1)")
        ->type_name("N")
        ->needs(deck);
    app.add_option("--copy", options.copy,
                   "Copy to the clipboard after --frames frames: TARGET f, df, window or network; serve it, "
                   "then exit")
        ->type_name("TARGET");
    app.add_option("--copy-hold", options.copy_hold,
                   "With --copy: serve the clipboard this long (default 10) or until taken")
        ->type_name("SECONDS");
    // For tests, not in --help (README.md describes them).
    app.add_option("--presenter", options.presenter,
                   "Presenter tools in a screenshot: black, white, timer, pen, pointer=X,Y, ink=X,Y:X,Y:...")
        ->type_name("TOOL")
        ->group("");
    app.add_flag("--gl-debug", options.gl_debug, "OpenGL debug context; errors on stderr, exit 3")->group("");
    app.add_option("--stress-resize", options.stress_resize, "Minimise, resize N times, exit")->group("");
    app.add_option("--open-dialog", options.open_dialog,
                   "Open a dialog at start: export or animation (for screenshots of it)")
        ->group("");
    app.add_option("--animation-out", options.animation_out,
                   "Export animation dialog: type FILE, press Export (at --export-scale), wait, then "
                   "--frames frames, write --screenshot/--layout-report and exit")
        ->type_name("FILE")
        ->group("");
    app.add_option("--animation-cancel-at", options.animation_cancel_at,
                   "With --animation-out: press Cancel once N frames are done")
        ->type_name("N")
        ->group("");
    app.add_option("--autosave-seconds", options.autosave_seconds,
                   "Seconds between saves of a changing session")
        ->group("");
}

int RunGui(const GuiOptions& options) {
    // 1. State: defaults, then saved settings, then a scene, then the command line.
    const SessionFiles files = SessionFilesIn(ConfigDirectory());
    StartState start;
    if (const std::string error = LoadStartState(options, files, start); !error.empty())
        return cli::UsageError(error);
    AppState& state = start.state;
    WindowGeometry& window = start.window;
    if (!options.open_dialog.empty() && options.open_dialog != "export" && options.open_dialog != "animation")
        return cli::UsageError("--open-dialog: expected export or animation, got \"" + options.open_dialog +
                               "\"");
    if (options.open_dialog == "export") state.panels.export_dialog = true;
    if (!options.animation_out.empty() && !AnimationFormatOf(options.animation_out))
        return cli::UsageError("--animation-out: the file name must end in .gif, .mp4 or .webm, got \"" +
                               options.animation_out + "\"");
    for (const std::string& m : start.messages)
        std::cerr << "actlab: " << m << '\n';

    // 2. The window and Dear ImGui.
    // Screenshots, --export and --stress-resize run a few frames, write their files and exit, like a command.
    const bool copying = start.copy_target.has_value();
    const bool scripted_animation = !options.animation_out.empty();
    const bool screenshot_mode = !options.screenshot.empty() || !start.exports.empty() ||
                                 options.stress_resize > 0 || !options.layout_report.empty() || copying ||
                                 scripted_animation;
    const bool layout_only =
        !options.layout_report.empty() && options.screenshot.empty() && start.exports.empty() && !copying;
    const char* gl_debug_variable = std::getenv("ACTLAB_GL_DEBUG");
    const bool gl_debug = options.gl_debug || (gl_debug_variable && std::string(gl_debug_variable) == "1");
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // the layout is fixed; everything worth keeping is in settings.json
    std::string error;
    auto platform = PlatformWindow::Open({window.width, window.height, screenshot_mode,
                                          state.display.fullscreen && !screenshot_mode, gl_debug},
                                         error);
    if (!platform) {
        ImGui::DestroyContext();
        std::cerr << "actlab: " << error << '\n';
        return cli::kExitEnvironment;
    }

    // 3. The frame loop: the session advances once per frame, then the window is drawn.
    std::signal(SIGINT, RequestStop);
    std::signal(SIGTERM, RequestStop);
    ui::UiRuntime runtime;
    if (!options.layout_report.empty()) ui::SetActiveRecorder(&runtime.layout);
    PrepareRuntime(options, start, files, *platform, runtime);
    runtime.animation.open = options.open_dialog == "animation";
    if (scripted_animation) StartScriptedAnimation(options, runtime);
    std::optional<Theme> applied_theme;
    int frame = 0;
    int status = cli::kExitOk;
    ResizeStress stress(options.stress_resize, window.width, window.height);
    // An interactive session saves its settings and lesson while they change, not only at exit.
    std::optional<Autosaver> autosaver;
    if (!screenshot_mode) autosaver.emplace(files, options.autosave_seconds);
    int frames_drawn = 0;
    CopySession copies;
    AnimationExportRunner animation;
    AnimationPreviewer animation_preview;
    while (!platform->ShouldClose()) {
        const bool minimised_frame = !stress.Done() && stress.Step(*platform);
        ApplyFontsAndTheme(state, runtime, *platform, applied_theme);
        platform->BeginFrame(!minimised_frame);
        GuardTinyViewport(minimised_frame);
        // A screenshot shows the state, not wherever the pointer happens to rest over the window.
        if (screenshot_mode) io.MousePos = {-FLT_MAX, -FLT_MAX};
        runtime.layout.BeginFrame();
        ui::RunFrame(state, runtime);
        // A layout report alone needs where things land, not their pixels: software OpenGL at 4K
        // would spend seconds per frame for nothing.
        if (!layout_only) platform->Render(FigureThemeFor(state.display.theme).background);
        platform->CheckGlErrors("frame " + std::to_string(++frames_drawn));
        // A scripted animation export counts its --frames from the frame after it ended (the toast's).
        const ui::AnimationExportUi& exporting = runtime.animation;
        if (exporting.scripted_export || exporting.pending || exporting.running)
            frame = 0;
        else if (screenshot_mode && stress.Done() && ++frame >= options.frames) {
            status = FinishScreenshotRun(options, start, state, runtime, *platform, copies);
            break;
        }
        platform->Present();
        animation.Update(state, runtime, *platform);
        animation_preview.Update(state, runtime, *platform);
        HandleFrameRequests(state, runtime, *platform, copies);
        if (autosaver) {
            if (!state.display.fullscreen) platform->WindowSize(window.width, window.height);
            autosaver->Tick(NowSeconds(), state, window, runtime);
        }
    }

    // 4. Tear down; an interactive session remembers its settings and its lesson.
    if (!screenshot_mode) {
        if (!state.display.fullscreen) platform->WindowSize(window.width, window.height);
        SaveSessionFiles(files, state, window, runtime);
    }
    copies.HandOverOnExit();
    runtime.heatmaps.reset(); // its textures belong to the window's context, as do these
    animation.Abandon();
    animation_preview.Release();
    if (const int gl_errors = platform->CheckGlErrors("the last frame"); gl_errors > 0) {
        std::cerr << "actlab: --gl-debug: " << gl_errors << " OpenGL error(s) reported\n";
        status = cli::kExitGlErrors;
    }
    platform.reset();
    ImGui::DestroyContext();
    return status;
}

} // namespace actlab::app
