// `actlab dataset NAME [--samples N] [--noise X] [--seed S] [--zero-one] --out FILE.csv`: a toy
// dataset as CSV `x1,x2,y`, identical for a given seed.
#include "cli/commands.h"
#include "core/file_io.h"
#include "core/dataset.h"
#include "core/number_parse.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>
#include <string>

namespace actlab::cli {

namespace {

struct DatasetCommandOptions {
    std::string name;
    std::string samples = "500";
    std::string noise = "0";
    std::string seed = "1";
    bool zero_one = false;
    std::string out;
};

int RunDataset(const DatasetCommandOptions& options) {
    const auto kind = ParseDatasetKind(options.name);
    if (!kind) return UsageError("unknown dataset '" + options.name + "'; known: " + KnownDatasetNames());
    DatasetOptions data;
    data.kind = *kind;
    const auto samples = ParseInteger(options.samples, 1, static_cast<long long>(kMaxDatasetSamples));
    if (!samples) return UsageError("--samples: " + samples.error);
    data.samples = static_cast<std::size_t>(samples.value);
    const auto noise = ParseFiniteNumber(options.noise);
    if (!noise) return UsageError("--noise: " + noise.error);
    data.noise = noise.value;
    const auto seed = ParseInteger(options.seed, 0, 9'223'372'036'854'775'807LL);
    if (!seed) return UsageError("--seed: " + seed.error);
    data.seed = static_cast<std::uint64_t>(seed.value);
    data.zero_one_labels = options.zero_one;
    if (std::string error = ValidateDatasetOptions(data); !error.empty()) return UsageError(error);

    const auto rows = MakeDataset(data);
    if (std::string error = WriteFileAtomically(options.out, DatasetToCsv(rows)); !error.empty()) {
        std::cerr << "actlab: " << error << '\n';
        return kExitEnvironment;
    }
    std::cout << "wrote " << rows.size() << " samples of " << DatasetName(data.kind) << " to " << options.out << '\n';
    return kExitOk;
}

}  // namespace

void AddDatasetCommand(CLI::App& app, CommandRunner& run) {
    auto options = std::make_shared<DatasetCommandOptions>();
    auto* cmd = app.add_subcommand("dataset", "Write a toy dataset as CSV x1,x2,y");
    cmd->add_option("name", options->name,
                    "circle, xor, gauss, spiral (labels ±1), reg-plane, reg-gauss (regression), chain (one input)")
        ->required();
    cmd->add_option("--samples", options->samples, "Number of samples (default 500, at most 100000)")->type_name("N");
    cmd->add_option("--noise", options->noise,
                    "Std of Gaussian noise on x1, x2 (classification) or y (regression), 0–6 (default 0)")
        ->type_name("X");
    cmd->add_option("--seed", options->seed, "Random seed (default 1); the same seed gives the same file")
        ->type_name("S");
    cmd->add_flag("--zero-one", options->zero_one, "Class labels 0/1 instead of ±1 (for a sigmoid output and bce)");
    cmd->add_option("--out", options->out, "Output CSV file")->type_name("FILE.csv")->required();
    cmd->callback([&run, options] { run = [options] { return RunDataset(*options); }; });
}

}  // namespace actlab::cli
