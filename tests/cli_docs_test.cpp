// `actlab --man` and `actlab --completion`: the man page and completions the build installs list
// every command and option that `--help` shows, a scene file given alone opens like --scene, and a
// mistyped subcommand in its place is a usage error with a hint.
#include "cli_test_support.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <utility>

namespace actlab::test {
namespace {

// The subcommands `actlab --help` lists.
std::vector<std::string> HelpCommands() {
    const auto r = RunActlab({"--help"});
    std::vector<std::string> commands;
    bool in_list = false;
    for (const std::string& line : SplitLines(r.out)) {
        if (line.rfind("Subcommands:", 0) == 0) in_list = true;
        std::smatch match;
        if (in_list && std::regex_search(line, match, std::regex("^  ([a-z][a-z0-9-]*) ")))
            commands.push_back(match[1]);
    }
    return commands;
}

// The long options `actlab [COMMAND] --help` lists ("--param", "--out", ...), --help left out.
std::set<std::string> HelpOptions(const std::string& command = "") {
    const auto r = RunActlab(command.empty() ? std::vector<std::string>{"--help"}
                                             : std::vector<std::string>{command, "--help"});
    std::set<std::string> options;
    const std::regex option("^  (-[a-zA-Z],)?(--[a-z0-9-]+)");
    for (const std::string& line : SplitLines(r.out)) {
        std::smatch match;
        if (std::regex_search(line, match, option) && match[2] != "--help") options.insert(match[2]);
    }
    return options;
}

// man(7) writes a hyphen as "\-".
std::string RoffName(const std::string& name) {
    return std::regex_replace(name, std::regex("-"), "\\-");
}

TEST(CliDocs, ManPageHasEveryCommandAndOption) {
    const auto man = RunActlab({"--man"});
    ASSERT_EQ(man.exit_status, 0) << man.err;
    EXPECT_EQ(man.out.rfind(".\\\"", 0), 0u) << "starts with a roff comment";
    EXPECT_NE(man.out.find(".TH ACTLAB 1"), std::string::npos);
    const std::vector<std::string> commands = HelpCommands();
    ASSERT_GE(commands.size(), 10u);
    for (const std::string& command : commands) {
        const std::string heading = ".SS \"" + RoffName(command) + "\"\n";
        const std::size_t start = man.out.find(heading);
        ASSERT_NE(start, std::string::npos) << "no section for " << command;
        const std::size_t end = man.out.find(".SS", start + heading.size());
        const std::string section = man.out.substr(start, end - start);
        for (const std::string& option : HelpOptions(command)) {
            EXPECT_NE(section.find("\\fB" + RoffName(option) + "\\fR"), std::string::npos)
                << command << ' ' << option;
        }
    }
    // The window's options, before the first command.
    const std::string window = man.out.substr(0, man.out.find(".SH COMMANDS"));
    const std::set<std::string> window_options = HelpOptions();
    EXPECT_TRUE(window_options.count("--screenshot") && window_options.count("--scene"))
        << "parsed the top-level --help";
    for (const std::string& option : window_options) {
        EXPECT_NE(window.find("\\fB" + RoffName(option) + "\\fR"), std::string::npos) << option;
    }
    EXPECT_EQ(man.out.find(RoffName("--completion")), std::string::npos) << "hidden options stay hidden";
    EXPECT_EQ(man.out.find("save-settings-loop"), std::string::npos) << "hidden commands stay hidden";
    const auto non_ascii = std::count_if(man.out.begin(), man.out.end(),
                                         [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    EXPECT_EQ(non_ascii, 0) << "non-ASCII is written as \\[uXXXX]";
}

TEST(CliDocs, CompletionsOfferEveryCommandOptionAndFunction) {
    const auto bash = RunActlab({"--completion", "bash"});
    const auto zsh = RunActlab({"--completion", "zsh"});
    ASSERT_EQ(bash.exit_status, 0) << bash.err;
    ASSERT_EQ(zsh.exit_status, 0) << zsh.err;
    EXPECT_NE(bash.out.find("complete -F _actlab actlab"), std::string::npos);
    EXPECT_EQ(zsh.out.rfind("#compdef actlab\n", 0), 0u);
    for (const std::string& command : HelpCommands()) {
        EXPECT_NE(bash.out.find("        " + command + ")\n"), std::string::npos) << command;
        EXPECT_NE(zsh.out.find("                " + command + ")\n"), std::string::npos) << command;
        for (const std::string& option : HelpOptions(command)) {
            EXPECT_NE(bash.out.find(option), std::string::npos) << command << ' ' << option;
            const bool in_zsh = zsh.out.find("'" + option + "[") != std::string::npos ||
                                zsh.out.find("'*" + option + "[") != std::string::npos; // * : repeatable
            EXPECT_TRUE(in_zsh) << command << ' ' << option;
        }
    }
    for (const char* function : {"leaky_relu", "gelu", "selu"}) {
        EXPECT_NE(bash.out.find(function), std::string::npos) << function;
        EXPECT_NE(zsh.out.find(function), std::string::npos) << function;
    }
    const auto unknown = RunActlab({"--completion", "fish"});
    EXPECT_EQ(unknown.exit_status, 2);
}

TEST(CliDocs, SceneFileAloneIsLikeSceneOption) {
    // A missing file is refused before any window opens, the same way for both spellings.
    const auto positional = RunActlab({"/nonexistent/lesson.actlab-scene.json"}, {"DISPLAY"});
    const auto option = RunActlab({"--scene", "/nonexistent/lesson.actlab-scene.json"}, {"DISPLAY"});
    EXPECT_EQ(positional.exit_status, 2) << positional.err;
    EXPECT_EQ(positional.err, option.err);
    const auto both = RunActlab({"--scene", "a.json", "b.json"});
    EXPECT_EQ(both.exit_status, 2) << both.err;
}

TEST(CliDocs, AMistypedSubcommandIsAUsageErrorWithAHint) {
    for (const auto& [typo, meant] :
         {std::pair{"lst", "list"}, std::pair{"trian", "train"}, std::pair{"presest", "presets"}}) {
        const auto r = RunActlab({typo}, {"DISPLAY"});
        EXPECT_EQ(r.exit_status, 2) << typo << ": " << r.err;
        EXPECT_EQ(r.out, "");
        EXPECT_EQ(r.err, std::string("actlab: unknown command '") + typo + "'; did you mean " + meant +
                             "? (see actlab --help)\n");
    }
    // Nothing near: the same error without a hint.
    const auto far = RunActlab({"zzzzzzzz"}, {"DISPLAY"});
    EXPECT_EQ(far.exit_status, 2);
    EXPECT_EQ(far.err, "actlab: unknown command 'zzzzzzzz' (see actlab --help)\n");
}

TEST(CliDocs, AnExistingFileNamedLikeASubcommandStillOpensAsAScene) {
    // "lst" in the current directory is a scene file to open: the scene loader answers (here: that it
    // is no scene), not the subcommand hint.
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("actlab-scene-word-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "lst") << "not a scene";
    const std::filesystem::path previous = std::filesystem::current_path();
    std::filesystem::current_path(dir);
    const auto r = RunActlab({"lst"}, {"DISPLAY"});
    std::filesystem::current_path(previous);
    std::filesystem::remove_all(dir);
    EXPECT_EQ(r.exit_status, 2) << r.err;
    EXPECT_EQ(r.err.find("unknown command"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("lst"), std::string::npos) << r.err;
}

} // namespace
} // namespace actlab::test
