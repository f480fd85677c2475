// The headless subcommands of the actlab executable. Each Add*Command registers one CLI11
// subcommand; when the user names it, parsing stores what to run in `run`.
//
// Exit statuses, shared by every subcommand (documented in README.md):
//   0  success
//   1  the environment failed us (no display, an output file that cannot be written)
//   2  the user's input is wrong (unknown name, malformed number or file); one line on stderr
//   3  the window with --gl-debug: OpenGL reported errors (each printed on stderr)
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace CLI {
class App;
}

namespace actlab::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitEnvironment = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitGlErrors = 3;

using CommandRunner = std::function<int()>;

void AddListCommand(CLI::App& app, CommandRunner& run);
void AddEvalCommand(CLI::App& app, CommandRunner& run);
void AddInfoCommand(CLI::App& app, CommandRunner& run);
void AddBenchCommand(CLI::App& app, CommandRunner& run);
void AddSoftmaxCommand(CLI::App& app, CommandRunner& run);
void AddPropagateCommand(CLI::App& app, CommandRunner& run);
void AddSeluMapCommand(CLI::App& app, CommandRunner& run);
void AddBornDeadCommand(CLI::App& app, CommandRunner& run);
void AddRenderCommand(CLI::App& app, CommandRunner& run);
void AddAnimateCommand(CLI::App& app, CommandRunner& run);
void AddDatasetCommand(CLI::App& app, CommandRunner& run);
void AddTrainCommand(CLI::App& app, CommandRunner& run);
void AddPresetsCommand(CLI::App& app, CommandRunner& run);
void AddDecksCommand(CLI::App& app, CommandRunner& run);
void AddDocsOptions(CLI::App& app, CommandRunner& run); // hidden: --man, --completion SHELL

// Registers every subcommand above (the one place a new command is added).
void AddAllCommands(CLI::App& app, CommandRunner& run);

// Prints "actlab: <message>" on stderr and returns kExitUsage.
int UsageError(const std::string& message);

// Writes a command's whole output to stdout; kExitOk, or kExitEnvironment with a line on stderr when
// stdout cannot take it (a closed pipe, a full disk).
int PrintOutput(std::string_view text);

} // namespace actlab::cli
