// `actlab eval FN [--param NAME=VALUE]... (--range A:B [--samples N] | --x X1,X2,...) [--kink CONVENTION]`:
// CSV `x,y,dy` with 17 significant digits.
#include "cli/commands.h"
#include "cli/function_args.h"
#include "core/activation.h"
#include "core/csv.h"
#include "core/number_parse.h"
#include "core/sampling.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

namespace actlab::cli {

namespace {

struct EvalOptions {
    std::string function;
    std::vector<std::string> params;
    std::string range;
    std::string samples;
    std::string xs;
    std::string kink = "pytorch";
    bool with_kinks = false;
};

int RunEval(const EvalOptions& options) {
    Activation activation;
    if (std::string error = ParseFunctionWithParams(options.function, options.params, activation); !error.empty())
        return UsageError(error);

    const auto convention = ParseKinkConvention(options.kink);
    if (!convention) {
        return UsageError("unknown kink convention '" + options.kink +
                          "'; allowed: pytorch, left, right, mean, zero, one, undefined");
    }

    std::vector<double> xs;
    if (!options.range.empty() && !options.xs.empty()) return UsageError("give either --range or --x, not both");
    if (!options.range.empty()) {
        const auto range = ParseRange(options.range);
        if (!range) return UsageError("--range: " + range.error);
        long long samples = 101;
        if (!options.samples.empty()) {
            const auto parsed = ParseInteger(options.samples, 2, 10'000'000);
            if (!parsed) return UsageError("--samples: " + parsed.error + " (at least 2 samples)");
            samples = parsed.value;
        }
        xs = Linspace(range.value.first, range.value.second, static_cast<std::size_t>(samples));
        if (options.with_kinks) {
            for (const Kink& kink : Kinks(activation))
                if (kink.x > range.value.first && kink.x < range.value.second) xs.push_back(kink.x);
            std::sort(xs.begin(), xs.end());
            xs.erase(std::unique(xs.begin(), xs.end()), xs.end());
        }
    } else if (!options.xs.empty()) {
        if (!options.samples.empty()) return UsageError("--samples goes with --range, not with --x");
        const auto list = ParseNumberList(options.xs, /*allow_non_finite=*/true);
        if (!list) return UsageError("--x: " + list.error);
        xs = list.value;
    } else {
        return UsageError("give the points: --range A:B [--samples N] or --x X1,X2,...");
    }

    CsvWriter csv;
    csv.Reserve(xs.size() * 64);
    csv.Header({"x", "y", "dy"});
    for (double x : xs) csv.Row({x, Evaluate(activation, x), Derivative(activation, x, *convention)});
    return PrintOutput(csv.Text());
}

}  // namespace

void AddEvalCommand(CLI::App& app, CommandRunner& run) {
    auto options = std::make_shared<EvalOptions>();
    auto* cmd = app.add_subcommand("eval", "Evaluate a function and its derivative; prints CSV x,y,dy");
    cmd->add_option("function", options->function, "Function name (see `actlab list`)")->required();
    cmd->add_option("--param,-p", options->params, "Parameter NAME=VALUE, e.g. slope=0.1 (repeatable)")
        ->type_name("NAME=VALUE")
        ->allow_extra_args(false);
    cmd->add_option("--range", options->range, "Evaluate N evenly spaced points over [A, B]")->type_name("A:B");
    cmd->add_option("--samples", options->samples, "Number of points for --range (default 101, at least 2)")
        ->type_name("N");
    cmd->add_option("--x", options->xs, "Evaluate at these points, e.g. --x=-4,0,2")->type_name("X1,X2,...");
    cmd->add_option("--kink", options->kink,
                    "f' at a kink: pytorch (default), left, right, mean, zero, one, undefined")
        ->type_name("CONVENTION");
    cmd->add_flag("--with-kinks", options->with_kinks, "With --range, also evaluate exactly at every kink");
    cmd->callback([&run, options] { run = [options] { return RunEval(*options); }; });
}

}  // namespace actlab::cli
