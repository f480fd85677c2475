// The list of headless subcommands, and the shared error path.
#include "cli/commands.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <numeric>
#include <vector>

namespace actlab::cli {

void AddAllCommands(CLI::App& app, CommandRunner& run) {
    AddListCommand(app, run);
    AddEvalCommand(app, run);
    AddInfoCommand(app, run);
    AddRenderCommand(app, run);
    AddAnimateCommand(app, run);
    AddBenchCommand(app, run);
    AddSoftmaxCommand(app, run);
    AddPropagateCommand(app, run);
    AddSeluMapCommand(app, run);
    AddBornDeadCommand(app, run);
    AddDatasetCommand(app, run);
    AddTrainCommand(app, run);
    AddPresetsCommand(app, run);
    AddDecksCommand(app, run);
    AddDocsOptions(app, run);
}

namespace {

// The fewest single-character insertions, deletions and substitutions that turn `a` into `b`
// (Levenshtein), one row of the table at a time.
std::size_t EditDistance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    std::iota(row.begin(), row.end(), std::size_t{0});
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

bool ReadsLikeCommand(std::string_view word) {
    return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

} // namespace

std::string MistypedCommandError(const CLI::App& app, const std::string& word) {
    std::error_code error;
    if (!ReadsLikeCommand(word) || std::filesystem::exists(word, error)) return "";
    constexpr std::size_t kMaxTypos = 2;
    std::string nearest;
    std::size_t nearest_distance = kMaxTypos + 1;
    for (const CLI::App* command : app.get_subcommands([](const CLI::App*) { return true; })) {
        if (command->get_group().empty()) continue; // hidden
        const std::size_t distance = EditDistance(word, command->get_name());
        if (distance < nearest_distance) {
            nearest = command->get_name();
            nearest_distance = distance;
        }
    }
    std::string message = "unknown command '" + word + "'";
    if (!nearest.empty()) message += "; did you mean " + nearest + "?";
    return message + " (see actlab --help)";
}

int UsageError(const std::string& message) {
    std::cerr << "actlab: " << message << '\n';
    return kExitUsage;
}

int PrintOutput(std::string_view text) {
    if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0) {
        std::fprintf(stderr, "actlab: could not write the output\n");
        return kExitEnvironment;
    }
    return kExitOk;
}

} // namespace actlab::cli
