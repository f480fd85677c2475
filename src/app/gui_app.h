// The visualizer window: options from the command line, the frame loop, screenshots, settings.
#pragma once

#include "core/scene.h"

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace actlab::app {

inline constexpr int kSlideNotGiven = -2147483647 - 1; // no --slide on the command line

struct GuiOptions {
    std::string screenshot;             // --screenshot OUT.png: render, save, exit
    std::string size;                   // --size WxH
    int frames = 6;                     // --frames N (screenshot mode)
    std::vector<std::string> select;    // --select FN,FN...
    std::vector<std::string> params;    // --param FN.NAME=VALUE
    std::string theme;                  // --theme light|dark|projector
    double scale = 0.0;                 // --scale S (0: keep the saved one)
    bool hide_controls = false;         // --hide-controls: plots only
    std::vector<std::string> exports;   // --export TARGET=FILE: export after --frames frames, exit
    int export_scale = 1;               // --export-scale N (PNG, 1–4)
    std::string export_theme = "light"; // --export-theme light|dark|transparent|shown
    std::string scene;                  // --scene FILE or preset:NAME: open this lesson
    std::string deck;                   // --deck FILE or deck:NAME: present this deck
    int slide = kSlideNotGiven;         // --slide N: at this slide (1-based; not given: the first)
    bool gl_debug = false;              // --gl-debug or ACTLAB_GL_DEBUG=1: count OpenGL errors, exit 3
    int stress_resize = 0;              // --stress-resize N: minimise, N resizes, then --frames, exit
    std::string layout_report;          // --layout-report OUT.json: after --frames frames, the layout, exit
    std::string copy;                   // --copy TARGET: copy after --frames frames, serve, exit
    double copy_hold = 10.0;            // --copy-hold SECONDS: how long to serve the clipboard
    std::string open_dialog;            // --open-dialog export|animation (hidden): open it at start
    std::string animation_out;          // --animation-out FILE (hidden): export from the dialog, then exit
    long long animation_cancel_at = -1; // --animation-cancel-at N (hidden): press Cancel after N frames
    std::vector<std::string> presenter; // --presenter black|white|timer|pen|pointer=X,Y|ink=X,Y:…
    double autosave_seconds =
        30.0; // --autosave-seconds S (hidden, for tests): save a changing session this often
};

// A scene file, or an embedded lesson preset named "preset:NAME" (its file's stem).
SceneParseResult LoadSceneOrPreset(const std::string& name);

// Registers the window's options on the top-level command.
void AddGuiOptions(CLI::App& app, GuiOptions& options);

// Opens the window and runs until it is closed (or, with --screenshot, until the picture is
// written). Returns an exit status: 1 when there is no display, 2 for bad options, 3 when --gl-debug
// saw OpenGL errors.
int RunGui(const GuiOptions& options);

} // namespace actlab::app
