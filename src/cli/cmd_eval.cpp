// `actlab eval FN [--param NAME=VALUE]... (--range A:B [--samples N] | --x X1,X2,...) [--kink CONVENTION]`:
// CSV `x,y,dy` with 17 significant digits. A gated two-input function instead takes
// `--a A1,... --b B1,...` (equal lengths) or `--grid A0:A1:NA,B0:B1:NB` and prints `a,b,y,dy_da,dy_db`.
#include "cli/commands.h"
#include "cli/function_args.h"
#include "core/activation.h"
#include "core/csv.h"
#include "core/gated.h"
#include "core/number_parse.h"
#include "core/sampling.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
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
    std::string as;
    std::string bs;
    std::string grid;
};

Parsed<std::vector<double>> GridAxisError(std::string message) {
    return {{}, std::move(message)};
}

// "A0:A1:N" of the --grid option: N ≥ 1 evenly spaced values from A0 to A1.
Parsed<std::vector<double>> ParseGridAxis(std::string_view text, std::string_view axis) {
    const auto colon = text.rfind(':');
    if (colon == std::string_view::npos) return GridAxisError(std::string(axis) + " must be START:END:COUNT");
    const auto range = ParseRange(text.substr(0, colon));
    if (!range) return GridAxisError(std::string(axis) + ": " + range.error);
    const auto count = ParseInteger(text.substr(colon + 1), 1, 10'000);
    if (!count) return GridAxisError(std::string(axis) + " count: " + count.error);
    if (count.value == 1) return {{range.value.first}, {}};
    return {Linspace(range.value.first, range.value.second, static_cast<std::size_t>(count.value)), {}};
}

int RunGatedEval(const EvalOptions& options, KinkConvention convention) {
    GatedFunction function;
    if (std::string error = ParseGatedWithParams(options.function, options.params, function); !error.empty())
        return UsageError(error);
    if (!options.range.empty() || !options.xs.empty() || !options.samples.empty() || options.with_kinks)
        return UsageError(options.function +
                          " takes two inputs: give --a and --b, or --grid, instead of --range/--x");
    std::vector<std::pair<double, double>> points;
    if (!options.grid.empty()) {
        if (!options.as.empty() || !options.bs.empty())
            return UsageError("give either --grid or --a/--b, not both");
        const auto comma = options.grid.find(',');
        if (comma == std::string::npos) return UsageError("--grid must be A0:A1:NA,B0:B1:NB");
        const auto a_axis = ParseGridAxis(std::string_view(options.grid).substr(0, comma), "--grid a");
        if (!a_axis) return UsageError(a_axis.error);
        const auto b_axis = ParseGridAxis(std::string_view(options.grid).substr(comma + 1), "--grid b");
        if (!b_axis) return UsageError(b_axis.error);
        for (double b : b_axis.value)
            for (double a : a_axis.value)
                points.emplace_back(a, b);
    } else {
        if (options.as.empty() || options.bs.empty())
            return UsageError(options.function +
                              " takes two inputs (a, b): give --a=A1,... and --b=B1,... or --grid");
        const auto as = ParseNumberList(options.as, /*allow_non_finite=*/true);
        if (!as) return UsageError("--a: " + as.error);
        const auto bs = ParseNumberList(options.bs, /*allow_non_finite=*/true);
        if (!bs) return UsageError("--b: " + bs.error);
        if (as.value.size() != bs.value.size()) {
            return UsageError("--a and --b must have the same length, got " +
                              std::to_string(as.value.size()) + " and " + std::to_string(bs.value.size()));
        }
        for (std::size_t i = 0; i < as.value.size(); ++i)
            points.emplace_back(as.value[i], bs.value[i]);
    }
    CsvWriter csv;
    csv.Reserve(points.size() * 96);
    csv.Header({"a", "b", "y", "dy_da", "dy_db"});
    for (const auto& [a, b] : points) {
        const GatedValue v = EvaluateGated(function, a, b, convention);
        csv.Row({a, b, v.y, v.dy_da, v.dy_db});
    }
    return PrintOutput(csv.Text());
}

int RunEval(const EvalOptions& options) {
    const auto convention = ParseKinkConvention(options.kink);
    if (!convention) {
        return UsageError("unknown kink convention '" + options.kink +
                          "'; allowed: " + NamesIn(kKinkConventionNames));
    }
    if (FindGated(options.function)) return RunGatedEval(options, *convention);
    Activation activation;
    if (std::string error = ParseFunctionWithParams(options.function, options.params, activation);
        !error.empty())
        return UsageError(error);
    if (!options.as.empty() || !options.bs.empty() || !options.grid.empty()) {
        return UsageError(
            options.function +
            " takes one input: give --x or --range (--a, --b and --grid are for gated functions)");
    }

    std::vector<double> xs;
    if (!options.range.empty() && !options.xs.empty())
        return UsageError("give either --range or --x, not both");
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
    for (double x : xs)
        csv.Row({x, Evaluate(activation, x), Derivative(activation, x, *convention)});
    return PrintOutput(csv.Text());
}

} // namespace

void AddEvalCommand(CLI::App& app, CommandRunner& run) {
    auto options = std::make_shared<EvalOptions>();
    auto* cmd = app.add_subcommand("eval", "Evaluate a function and its derivative; prints CSV x,y,dy");
    cmd->add_option("function", options->function, "Function name (see `actlab list`)")->required();
    cmd->add_option("--param,-p", options->params, "Parameter NAME=VALUE, e.g. slope=0.1 (repeatable)")
        ->type_name("NAME=VALUE")
        ->allow_extra_args(false);
    cmd->add_option("--range", options->range, "Evaluate N evenly spaced points over [A, B]")
        ->type_name("A:B");
    cmd->add_option("--samples", options->samples, "Number of points for --range (default 101, at least 2)")
        ->type_name("N");
    cmd->add_option("--x", options->xs, "Evaluate at these points, e.g. --x=-4,0,2")->type_name("X1,X2,...");
    cmd->add_option("--kink", options->kink,
                    "f' at a kink: pytorch (default), left, right, mean, zero, one, undefined")
        ->type_name("CONVENTION");
    cmd->add_option("--a", options->as, "Gated functions: gate inputs a, e.g. --a=-1,0,2")
        ->type_name("A1,A2,...");
    cmd->add_option("--b", options->bs, "Gated functions: values b, as many as --a")->type_name("B1,B2,...");
    cmd->add_option("--grid", options->grid, "Gated functions: every (a, b) of an NA × NB grid")
        ->type_name("A0:A1:NA,B0:B1:NB");
    cmd->add_flag("--with-kinks", options->with_kinks, "With --range, also evaluate exactly at every kink");
    cmd->callback([&run, options] { run = [options] { return RunEval(*options); }; });
}

} // namespace actlab::cli
