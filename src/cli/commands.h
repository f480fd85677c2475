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

// Registers one subcommand on `app` (each defined in its cmd_*.cpp); AddDocsOptions adds the hidden
// --man and --completion SHELL instead.
using AddCommandFunction = void(CLI::App& app, CommandRunner& run);
AddCommandFunction AddListCommand, AddEvalCommand, AddInfoCommand, AddBenchCommand, AddSoftmaxCommand,
    AddPropagateCommand, AddSeluMapCommand, AddBornDeadCommand, AddRenderCommand, AddAnimateCommand,
    AddDatasetCommand, AddTrainCommand, AddPresetsCommand, AddDecksCommand, AddDocsOptions;

// Registers every subcommand above (the one place a new command is added).
void AddAllCommands(CLI::App& app, CommandRunner& run);

// `actlab WORD` opens WORD as a scene file, so a mistyped subcommand would read as a missing file.
// When WORD names no file and reads like a subcommand (lower-case letters, digits and '-'), returns
// the usage error for an unknown subcommand, with the nearest one as a hint ("unknown command 'lst';
// did you mean list?"); else "", and WORD opens as a scene.
std::string MistypedCommandError(const CLI::App& app, const std::string& word);

// Prints "actlab: <message>" on stderr and returns kExitUsage.
int UsageError(const std::string& message);

// Writes a command's whole output to stdout; kExitOk, or kExitEnvironment with a line on stderr when
// stdout cannot take it (a closed pipe, a full disk).
int PrintOutput(std::string_view text);

} // namespace actlab::cli
