// Hidden options that print the man page and the shell completions; the build runs them to make
// actlab.1 and the completion scripts it installs (cmake/GenerateCliDocs.cmake).
#include "cli/command_docs.h"
#include "cli/commands.h"
#include "core/version.h"

#include <CLI/CLI.hpp>

namespace actlab::cli {

void AddDocsOptions(CLI::App& app, CommandRunner& run) {
    // The callbacks run while parsing, when every command and option has been added.
    app.add_flag_callback(
           "--man", [&app, &run] { run = [&app] { return PrintOutput(ManPage(app, kVersion)); }; },
           "Print the man page (man(7) format)")
        ->group("");
    app.add_option_function<std::string>(
           "--completion",
           [&app, &run](const std::string& shell) {
               run = [&app, shell] {
                   return PrintOutput(shell == "zsh" ? ZshCompletion(app) : BashCompletion(app));
               };
           },
           "Print the completion script for bash or zsh")
        ->check(CLI::IsMember({"bash", "zsh"}))
        ->type_name("SHELL")
        ->group("");
}

} // namespace actlab::cli
