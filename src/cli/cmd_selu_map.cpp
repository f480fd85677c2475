// `actlab selu-map [--lambda L] [--alpha A] [--mean M] [--var V] [--steps K]`: the SELU mean/variance
// map iterated from (M, V) as CSV step,mean,var, then two comment lines: the fixed point and the
// spectral norm of the map's Jacobian there ("# jacobian_norm=…", always the last line).
#include "cli/commands.h"
#include "core/csv.h"
#include "core/number_parse.h"
#include "core/selu_map.h"

#include <CLI/CLI.hpp>

#include <limits>
#include <memory>
#include <string>

namespace actlab::cli {

namespace {

struct SeluMapOptions {
    std::string lambda = FormatNumber17(kSeluCanonicalLambda);
    std::string alpha = FormatNumber17(kSeluCanonicalAlpha);
    std::string omega = "0";
    std::string tau = "1";
    std::string mean = "1";
    std::string var = "2";
    std::string steps = "20";
};

int RunSeluMap(const SeluMapOptions& options) {
    SeluMapParams params;
    SeluMoments start;
    const struct {
        const char* flag;
        const std::string& text;
        double& target;
    } numbers[] = {{"--lambda", options.lambda, params.lambda}, {"--alpha", options.alpha, params.alpha},
                   {"--omega", options.omega, params.omega},    {"--tau", options.tau, params.tau},
                   {"--mean", options.mean, start.mean},        {"--var", options.var, start.variance}};
    for (const auto& number : numbers) {
        const auto parsed = ParseFiniteNumber(number.text);
        if (!parsed) return UsageError(std::string(number.flag) + ": " + parsed.error);
        number.target = parsed.value;
    }
    if (std::string error = ValidateSeluMapParams(params); !error.empty()) return UsageError(error);
    if (std::string error = ValidateSeluMoments(start); !error.empty()) return UsageError(error);
    const auto steps = ParseInteger(options.steps, 0, static_cast<long long>(kMaxSeluMapSteps));
    if (!steps) return UsageError("--steps: " + steps.error);

    const auto trajectory = SeluMapTrajectory(params, start, static_cast<std::size_t>(steps.value));
    CsvWriter csv;
    csv.Header({"step", "mean", "var"});
    for (std::size_t k = 0; k < trajectory.size(); ++k)
        csv.Row({static_cast<double>(k), trajectory[k].mean, trajectory[k].variance});
    if (trajectory.size() < static_cast<std::size_t>(steps.value) + 1)
        csv.Comment("stopped after step " + std::to_string(trajectory.size() - 1) +
                    ": the next mean or variance is beyond the range of a double");
    if (const auto fixed = SeluFixedPoint(params)) {
        csv.Comment("fixed_point=" + FormatNumber17(fixed->mean) + ',' + FormatNumber17(fixed->variance));
        csv.Comment("jacobian_norm=" + FormatNumber17(SpectralNorm(SeluMapJacobian(params, *fixed))));
    } else {
        csv.Comment("fixed_point=none");
        csv.Comment("jacobian_norm=nan");
    }
    return PrintOutput(csv.Text());
}

} // namespace

void AddSeluMapCommand(CLI::App& app, CommandRunner& run) {
    auto options = std::make_shared<SeluMapOptions>();
    auto* cmd = app.add_subcommand(
        "selu-map", "Iterate the SELU mean/variance map (Klambauer et al. 2017); CSV step,mean,var, then the "
                    "fixed point and its Jacobian norm as # lines");
    cmd->add_option("--lambda", options->lambda, "λ (default the canonical 1.0507…)")->type_name("L");
    cmd->add_option("--alpha", options->alpha, "α (default the canonical 1.6733…)")->type_name("A");
    cmd->add_option("--mean", options->mean, "Starting mean μ (default 1)")->type_name("M");
    cmd->add_option("--var", options->var, "Starting variance ν ≥ 0 (default 2)")->type_name("V");
    cmd->add_option("--steps", options->steps, "Number of steps, 0 to 100000 (default 20)")->type_name("K");
    cmd->add_option("--omega", options->omega, "ω = Σ wᵢ of the weights (default 0)")->type_name("W");
    cmd->add_option("--tau", options->tau, "τ = Σ wᵢ² of the weights, > 0 (default 1)")->type_name("T");
    cmd->callback([&run, options] { run = [options] { return RunSeluMap(*options); }; });
}

} // namespace actlab::cli
