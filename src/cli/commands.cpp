// The list of headless subcommands, and the shared error path.
#include "cli/commands.h"

#include <cstdio>
#include <iostream>

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
