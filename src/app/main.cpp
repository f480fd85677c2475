// actlab: the entry point. Parse the command line; run a headless subcommand if one was named,
// otherwise open the visualizer window (or take its screenshot).
#include "app/gui_app.h"
#include "cli/commands.h"
#include "core/version.h"

#include <CLI/CLI.hpp>

#include <iostream>

int main(int argc, char** argv) {
    // 1. The command line: global options and one subcommand per headless task.
    CLI::App app{"ActLab: a laboratory for neural-network activation functions", "actlab"};
    app.set_version_flag("--version", std::string("actlab ") + actlab::kVersion);
    app.require_subcommand(0, 1);
    actlab::cli::CommandRunner run;
    actlab::cli::AddAllCommands(app, run);
    actlab::app::GuiOptions gui_options;
    actlab::app::AddGuiOptions(app, gui_options);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        // One line that says what is wrong; --help says what is allowed.
        return actlab::cli::UsageError(std::string(e.what()) + " (see actlab --help)");
    }

    // 2. A headless subcommand runs and exits.
    if (run) return run();

    // 3. No subcommand: the visualizer window, unless its lone scene file is a mistyped subcommand.
    if (app.get_option("scene-file")->count() > 0) {
        const std::string error = actlab::cli::MistypedCommandError(app, gui_options.scene);
        if (!error.empty()) return actlab::cli::UsageError(error);
    }
    return actlab::app::RunGui(gui_options);
}
