// `actlab born-dead --width N --depth H --trials T [--bias zero|normal] [--domain point|grid] [--seed S]`:
// the Monte-Carlo probability that a deep ReLU network is dead at initialisation, as CSV
// probability,std_error,closed_form (closed_form empty where there is none: grid, or normal biases).
#include "cli/commands.h"
#include "core/born_dead.h"
#include "core/csv.h"
#include "core/number_parse.h"

#include <CLI/CLI.hpp>

#include <limits>
#include <memory>
#include <string>

namespace actlab::cli {

namespace {

struct BornDeadOptions {
    std::string width;
    std::string depth;
    std::string trials;
    std::string bias = "zero";
    std::string domain = "point";
    std::string seed = "1";
};

int RunBornDead(const BornDeadOptions& options) {
    BornDeadConfig config;
    const auto width = ParseInteger(options.width, 1, static_cast<long long>(kMaxBornDeadWidth));
    if (!width) return UsageError("--width: " + width.error);
    const auto depth = ParseInteger(options.depth, 1, static_cast<long long>(kMaxBornDeadDepth));
    if (!depth) return UsageError("--depth: " + depth.error);
    const auto trials = ParseInteger(options.trials, 1, static_cast<long long>(kMaxBornDeadTrials));
    if (!trials) return UsageError("--trials: " + trials.error);
    const auto seed = ParseInteger(options.seed, 0, std::numeric_limits<long long>::max());
    if (!seed) return UsageError("--seed: " + seed.error);
    const auto bias = ParseBornDeadBias(options.bias);
    if (!bias)
        return UsageError("--bias: unknown '" + options.bias.substr(0, 40) +
                          "'; allowed: " + NamesIn(kBornDeadBiasNames));
    const auto domain = ParseBornDeadDomain(options.domain);
    if (!domain)
        return UsageError("--domain: unknown '" + options.domain.substr(0, 40) +
                          "'; allowed: " + NamesIn(kBornDeadDomainNames));
    config.width = static_cast<std::size_t>(width.value);
    config.depth = static_cast<std::size_t>(depth.value);
    config.trials = static_cast<std::size_t>(trials.value);
    config.seed = static_cast<std::uint64_t>(seed.value);
    config.bias = *bias;
    config.domain = *domain;
    if (std::string error = ValidateBornDeadConfig(config); !error.empty()) return UsageError(error);

    const BornDeadResult result = SimulateBornDead(config);
    CsvWriter csv;
    csv.Header({"probability", "std_error", "closed_form"});
    csv.Row({std::optional(result.probability), std::optional(result.std_error), result.closed_form});
    return PrintOutput(csv.Text());
}

} // namespace

void AddBornDeadCommand(CLI::App& app, CommandRunner& run) {
    auto options = std::make_shared<BornDeadOptions>();
    auto* cmd = app.add_subcommand(
        "born-dead", "Probability that a deep ReLU network is dead at initialisation (Monte Carlo)");
    cmd->add_option("--width", options->width, "Units per hidden layer, 1 to 64")->type_name("N")->required();
    cmd->add_option("--depth", options->depth, "Hidden layers, 1 to 1000")->type_name("H")->required();
    cmd->add_option("--trials", options->trials, "Networks drawn, 1 to 10000000")->type_name("T")->required();
    cmd->add_option("--bias", options->bias, "Biases: zero (default) or normal (N(0, 1))")->type_name("KIND");
    cmd->add_option("--domain", options->domain,
                    "point: dead at x = 1 (default); grid: constant on 101 points of [-1, 1]")
        ->type_name("KIND");
    cmd->add_option("--seed", options->seed, "Random seed (default 1)")->type_name("S");
    cmd->callback([&run, options] { run = [options] { return RunBornDead(*options); }; });
}

} // namespace actlab::cli
