// The visualizer's frame loop (see gui_app.h).
#include "app/gui_app.h"

#include "app/commands.h"
#include "app/gl_heatmap_renderer.h"
#include "app/platform.h"
#include "app/settings_store.h"
#include "core/number_parse.h"
#include "core/state_json.h"
#include "core/view_fit.h"
#include "render/figure_theme.h"
#include "render/png_writer.h"
#include "ui/fonts.h"
#include "ui/panels.h"
#include "ui/theme.h"

#include <CLI/CLI.hpp>
#include <imgui.h>

#include <cfloat>
#include <csignal>
#include <iostream>

namespace actlab::app {

namespace {

// Ctrl+C in the terminal or a session's SIGTERM closes the window the normal way, so settings are
// saved. A signal handler can only set a flag; the frame loop reads it.
volatile std::sig_atomic_t g_stop_requested = 0;

void RequestStop(int) { g_stop_requested = 1; }

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
        const auto theme = ParseTheme(options.theme);
        if (!theme) return "--theme: expected light, dark or projector, got \"" + options.theme + "\"";
        state.display.theme = *theme;
    }
    if (options.scale != 0.0) {
        if (!(options.scale >= 1.0 && options.scale <= 3.0)) return "--scale: expected a UI scale from 1 to 3";
        state.display.ui_scale = static_cast<float>(options.scale);
    }
    if (options.hide_controls) state.display.hide_controls = true;
    return "";
}

}  // namespace

void AddGuiOptions(CLI::App& app, GuiOptions& options) {
    app.add_option("--screenshot", options.screenshot, "Open the window, render a few frames, save a PNG, exit")
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
}

int RunGui(const GuiOptions& options) {
    // 1. State: defaults, then saved settings, then the command line.
    AppState state = DefaultAppState();
    state.plots.view = FitView(ui::SelectedActivations(state), state.plots.convention);
    WindowGeometry window;
    const std::filesystem::path config_dir = ConfigDirectory();
    const std::filesystem::path settings_path = config_dir.empty() ? "" : config_dir / "settings.json";
    std::vector<std::string> messages;
    bool view_given = false;
    if (!settings_path.empty()) {
        LoadResult loaded = LoadSettings(settings_path, state, window);
        view_given = loaded.view_given;
        if (!loaded.error.empty()) messages.push_back("settings: " + loaded.error);
        for (const std::string& w : loaded.warnings) messages.push_back("settings: " + w);
    }
    const AppState saved_selection = state;
    ParsedGuiOptions parsed;
    if (const std::string error = ApplyOptions(options, state, parsed); !error.empty()) return cli::UsageError(error);
    if (parsed.size_given) window = parsed.window;
    if (!view_given || state.plots.selected != saved_selection.plots.selected) {
        state.plots.view = FitView(ui::SelectedActivations(state), state.plots.convention);
    }
    for (const std::string& m : messages) std::cerr << "actlab: " << m << '\n';

    // 2. The window and Dear ImGui.
    const bool screenshot_mode = !options.screenshot.empty();
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // the layout is fixed; everything worth keeping is in settings.json
    std::string error;
    auto platform = PlatformWindow::Open({window.width, window.height, screenshot_mode,
                                          state.display.fullscreen && !screenshot_mode},
                                         error);
    if (!platform) {
        ImGui::DestroyContext();
        std::cerr << "actlab: " << error << '\n';
        return cli::kExitEnvironment;
    }

    // 3. The frame loop.
    std::signal(SIGINT, RequestStop);
    std::signal(SIGTERM, RequestStop);
    ui::UiRuntime runtime;
    runtime.content_scale = platform->ContentScale();
    std::string heatmap_error;
    runtime.heatmaps = CreateGlHeatmapRenderer(heatmap_error);  // without it the panel draws CPU meshes
    if (!runtime.heatmaps) runtime.Say("heatmaps drawn on the CPU: " + heatmap_error, ui::MessageKind::Error);
    if (!messages.empty()) runtime.Say(messages.front(), ui::MessageKind::Error);
    std::optional<Theme> applied_theme;
    int frame = 0;
    int status = cli::kExitOk;
    while (!platform->ShouldClose()) {
        const float scale = runtime.Scale(state);
        if (runtime.fonts.built_for != scale) {
            runtime.fonts = ui::BuildFonts(io, scale);
            platform->RebuildFontTexture();
            if (!runtime.fonts.warning.empty()) runtime.Say(runtime.fonts.warning, ui::MessageKind::Error);
            applied_theme.reset();
        }
        if (applied_theme != state.display.theme) {
            ui::ApplyTheme(state.display.theme, scale);
            applied_theme = state.display.theme;
        }
        platform->BeginFrame();
        // A screenshot shows the state, not wherever the pointer happens to rest over the window.
        if (screenshot_mode) io.MousePos = {-FLT_MAX, -FLT_MAX};
        ImGui::NewFrame();
        ui::DrawMainWindow(state, runtime);
        ImGui::Render();
        platform->Render(FigureThemeFor(state.display.theme).background);
        if (screenshot_mode && ++frame >= options.frames) {
            int width = 0, height = 0;
            const std::vector<std::uint8_t> pixels = platform->CaptureRgba(width, height);
            if (const std::string write_error = WritePng(options.screenshot, width, height, pixels); !write_error.empty()) {
                std::cerr << "actlab: " << write_error << '\n';
                status = cli::kExitEnvironment;
            }
            break;
        }
        platform->Present();
        if (runtime.quit_requested || g_stop_requested) platform->RequestClose();
        if (runtime.fullscreen_changed) {
            platform->SetFullscreen(state.display.fullscreen);
            runtime.fullscreen_changed = false;
        }
    }

    // 4. Tear down; an interactive session remembers its settings.
    if (!screenshot_mode && !settings_path.empty()) {
        if (!state.display.fullscreen) platform->WindowSize(window.width, window.height);
        if (const std::string save_error = SaveSettings(settings_path, state, window); !save_error.empty()) {
            std::cerr << "actlab: settings not saved: " << save_error << '\n';
        }
    }
    runtime.heatmaps.reset();  // its textures belong to the window's context
    platform.reset();
    ImGui::DestroyContext();
    return status;
}

}  // namespace actlab::app
