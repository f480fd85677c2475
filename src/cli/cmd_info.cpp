// `actlab info FN [--param NAME=VALUE]...`: the property card of a function, as the app shows it.
#include "cli/commands.h"
#include "cli/function_args.h"
#include "core/properties.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>
#include <memory>

namespace actlab::cli {

namespace {

struct InfoOptions {
    std::string function;
    std::vector<std::string> params;
};

std::string Number(double value) {
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%.6g", value);
    return buffer;
}

int RunInfo(const InfoOptions& options) {
    Activation activation;
    if (std::string error = ParseFunctionWithParams(options.function, options.params, activation); !error.empty())
        return UsageError(error);
    const Properties p = ComputeProperties(activation);
    std::cout << activation.info().display_name << '\n'
              << "  formula:          " << FormulaWithValues(activation) << '\n'
              << "  LaTeX:            " << LatexWithValues(activation) << '\n'
              << "  input range:      (−∞, ∞)\n"
              << "  output range:     " << p.output_range.ToString() << '\n'
              << "  derivative range: " << p.derivative_range.ToString() << '\n'
              << "  zero-centred:     " << p.ZeroCentredText() << '\n'
              << "  monotonic:        " << (p.monotonic ? "yes" : "no");
    if (p.minimum) std::cout << " (minimum " << Number(p.minimum->y) << " at x = " << Number(p.minimum->x) << ")";
    std::cout << '\n' << "  smoothness:       " << p.SmoothnessText() << '\n';
    for (const Kink& kink : Kinks(activation)) {
        std::cout << "    kink at x = " << Number(kink.x) << ": f′ jumps from " << Number(kink.left_derivative)
                  << " to " << Number(kink.right_derivative) << " (PyTorch uses " << Number(kink.pytorch_derivative)
                  << ")\n";
    }
    std::cout << "  saturation:       " << p.SaturationText() << '\n';
    for (const auto& a : p.asymptotes)
        std::cout << "  asymptote:        y = " << Number(a.y) << " as x → " << (a.at_positive_infinity ? "+∞" : "−∞")
                  << '\n';
    if (p.derivative_maximum)
        std::cout << "  f′ maximum:       " << Number(p.derivative_maximum->y) << " at x = "
                  << Number(p.derivative_maximum->x) << '\n';
    for (const auto& region : p.zero_gradient_regions)
        std::cout << "  f′ = 0 on:        " << region.ToString() << '\n';
    std::cout << "  dying risk:       " << (p.dying_risk.empty() ? "none" : p.dying_risk) << '\n'
              << "  typical use:      " << p.typical_use << '\n';
    return kExitOk;
}

}  // namespace

void AddInfoCommand(CLI::App& app, CommandRunner& run) {
    auto options = std::make_shared<InfoOptions>();
    auto* cmd = app.add_subcommand("info", "Print the property card of a function at given parameters");
    cmd->add_option("function", options->function, "Function name (see `actlab list`)")->required();
    cmd->add_option("--param,-p", options->params, "Parameter NAME=VALUE (repeatable)")->type_name("NAME=VALUE");
    cmd->callback([&run, options] { run = [options] { return RunInfo(*options); }; });
}

}  // namespace actlab::cli
