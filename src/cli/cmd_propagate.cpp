// `actlab propagate FN [--param NAME=VALUE]... --depth D --width W [--init lecun|he|xavier|normal:STD]
// [--samples N] [--seed S]`: per-layer statistics of a deep random network as CSV layer,mean,var,grad_norm.
#include "cli/commands.h"
#include "cli/function_args.h"
#include "core/csv.h"
#include "core/number_parse.h"
#include "core/propagation.h"

#include <CLI/CLI.hpp>

#include <limits>
#include <memory>
#include <string>
#include <vector>

namespace actlab::cli {

namespace {

struct PropagateOptions {
    std::string function;
    std::vector<std::string> params;
    std::string depth;
    std::string width;
    std::string init = "lecun";
    std::string samples = "200";
    std::string seed = "1";
};

int RunPropagate(const PropagateOptions& options) {
    PropagationConfig config;
    if (std::string error = ParseFunctionWithParams(options.function, options.params, config.activation);
        !error.empty())
        return UsageError(error);
    const auto depth = ParseInteger(options.depth, 1, static_cast<long long>(kMaxPropagationDepth));
    if (!depth) return UsageError("--depth: " + depth.error);
    const auto width = ParseInteger(options.width, 1, static_cast<long long>(kMaxPropagationWidth));
    if (!width) return UsageError("--width: " + width.error);
    const auto samples = ParseInteger(options.samples, 1, static_cast<long long>(kMaxPropagationSamples));
    if (!samples) return UsageError("--samples: " + samples.error);
    const auto seed = ParseInteger(options.seed, 0, std::numeric_limits<long long>::max());
    if (!seed) return UsageError("--seed: " + seed.error);
    const auto init = ParseWeightInit(options.init);
    if (!init) return UsageError("--init: " + init.error);
    config.depth = static_cast<std::size_t>(depth.value);
    config.width = static_cast<std::size_t>(width.value);
    config.samples = static_cast<std::size_t>(samples.value);
    config.seed = static_cast<std::uint64_t>(seed.value);
    config.init = init.value;
    if (std::string error = ValidatePropagationConfig(config); !error.empty()) return UsageError(error);

    CsvWriter csv;
    csv.Header({"layer", "mean", "var", "grad_norm"});
    for (const LayerStatistics& row : SimulatePropagation(config))
        csv.Row({static_cast<double>(row.layer), row.mean, row.variance, row.grad_norm});
    return PrintOutput(csv.Text());
}

} // namespace

void AddPropagateCommand(CLI::App& app, CommandRunner& run) {
    auto options = std::make_shared<PropagateOptions>();
    auto* cmd = app.add_subcommand(
        "propagate", "Mean, variance and gradient norm per layer of a deep random network; prints CSV");
    cmd->add_option("function", options->function, "Activation (see `actlab list`)")->required();
    cmd->add_option("--param,-p", options->params, "Parameter NAME=VALUE, e.g. lambda=1.1 (repeatable)")
        ->type_name("NAME=VALUE")
        ->allow_extra_args(false);
    cmd->add_option("--depth", options->depth, "Number of layers, 1 to 100")->type_name("D")->required();
    cmd->add_option("--width", options->width, "Units per layer, 1 to 1000")->type_name("W")->required();
    cmd->add_option("--init", options->init, "Weights: lecun (default), he, xavier or normal:STD")
        ->type_name("INIT");
    cmd->add_option("--samples", options->samples,
                    "Input vectors drawn from N(0, I), 1 to 1000 (default 200)")
        ->type_name("N");
    cmd->add_option("--seed", options->seed, "Random seed (default 1)")->type_name("S");
    cmd->callback([&run, options] { run = [options] { return RunPropagate(*options); }; });
}

} // namespace actlab::cli
