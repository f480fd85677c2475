// Runs the built actlab executable as a user would and captures what it printed.
#pragma once

#include <string>
#include <vector>

namespace actlab::test {

struct CommandResult {
    int exit_status = -1;
    std::string out;
    std::string err;
};

// Runs ACTLAB_EXE with `args` (no shell involved), optional environment overrides "NAME=VALUE"
// (a value-less "NAME" removes the variable), and returns its output and exit status.
CommandResult RunActlab(const std::vector<std::string>& args, const std::vector<std::string>& env = {});

std::vector<std::string> SplitLines(const std::string& text);

}  // namespace actlab::test
