// Runs the built actlab executable as a user would and captures what it printed.
#pragma once

#include <csignal>
#include <string>
#include <vector>

namespace actlab::test {

struct CommandResult {
    int exit_status = -1;
    std::string out;
    std::string err;
};

// Runs ACTLAB_EXE with `args` (no shell involved), optional environment overrides "NAME=VALUE"
// (a value-less "NAME" removes the variable), and returns its output and exit status. With
// `terminate_after_s` > 0 the process is sent `stop_signal` after that long: SIGTERM as a desktop
// session ends it, SIGKILL as a crash or a power cut does.
CommandResult RunActlab(const std::vector<std::string>& args, const std::vector<std::string>& env = {},
                        double terminate_after_s = 0.0, int stop_signal = SIGTERM);

// The same for any program (the tests' own helper executables).
CommandResult RunProgram(const std::string& program, const std::vector<std::string>& args,
                         const std::vector<std::string>& env = {}, double terminate_after_s = 0.0,
                         int stop_signal = SIGTERM);

std::vector<std::string> SplitLines(const std::string& text);

// /tmp/actlab-PREFIX-PID-TEST+suffix: a path of the running test's own.
std::string TestTempFile(const std::string& prefix, const std::string& suffix);

// The whole file ("" when missing), and a file written with exactly `text`.
std::string ReadText(const std::string& path);
void WriteText(const std::string& path, const std::string& text);

// The value of the summary line "KEY: value" in `out`, or "(missing KEY)".
std::string SummaryField(const std::string& out, const std::string& key);

// Runs actlab with `args` and expects a usage error: exit 2, nothing on stdout, one line on stderr
// that starts "actlab: " and mentions `mentions`.
void ExpectUsageError(const std::vector<std::string>& args, const std::string& mentions);

} // namespace actlab::test
