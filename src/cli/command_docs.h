// The man page and the shell completions of actlab, written from the CLI11 definitions of its
// command line at build time (`actlab --man`, `actlab --completion bash|zsh`), so they cannot go
// stale: a subcommand or option added later appears in them without a change here.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace CLI {
class App;
class Option;
} // namespace CLI

namespace actlab::cli {

// What a completion offers as the value of an option or positional argument.
enum class ValueKind { None, File, Directory, Function, Word };

// One option or positional argument as the documentation shows it.
struct DocOption {
    std::vector<std::string> names; // "-p", "--param"; a positional: its name in capitals
    std::string value;              // "NAME=VALUE", empty for a flag
    std::string description;
    bool positional = false;
    bool repeatable = false;
    bool required = false;
    ValueKind kind = ValueKind::None;
};

// A visible subcommand (hidden ones, in the group "", are left out) or, with an empty name, the
// window (the options of the top-level command).
struct DocCommand {
    std::string name;
    std::string description;
    std::vector<DocOption> options; // visible ones, --help excluded
};

// The window first, then every visible subcommand in the order they were added.
std::vector<DocCommand> DescribeCommandLine(const CLI::App& app);

// actlab.1 in man(7) format, for `man actlab`.
std::string ManPage(const CLI::App& app, std::string_view version);

// A bash completion script (for /usr/share/bash-completion/completions/actlab).
std::string BashCompletion(const CLI::App& app);

// A zsh completion function (for /usr/share/zsh/vendor-completions/_actlab).
std::string ZshCompletion(const CLI::App& app);

} // namespace actlab::cli
