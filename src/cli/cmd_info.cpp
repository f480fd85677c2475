// `actlab info FN [--param NAME=VALUE]... [--kink CONVENTION] [--json]`: the property card of a
// function, as the app shows it, or as one JSON object. Gated two-input functions get their gate's card.
#include "cli/commands.h"
#include "cli/function_args.h"
#include "core/gated.h"
#include "core/properties.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>

namespace actlab::cli {

namespace {

using Json = nlohmann::ordered_json;

struct InfoOptions {
    std::string function;
    std::vector<std::string> params;
    std::string kink = "pytorch";
    bool json = false;
};

std::string Number(double value) {
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%.6g", value);
    return buffer;
}

// JSON has no infinities: ±∞ are the strings "inf" and "-inf", NaN is null.
Json JsonNumber(double value) {
    if (std::isnan(value)) return nullptr;
    if (std::isinf(value)) return value > 0.0 ? "inf" : "-inf";
    return value;
}

Json JsonInterval(const Interval& range) {
    return Json::array({JsonNumber(range.lo), JsonNumber(range.hi)});
}

Json SmoothnessJson(Smoothness smoothness) {
    switch (smoothness) {
    case Smoothness::C0:
        return 0;
    case Smoothness::C1:
        return 1;
    case Smoothness::CInfinity:
        return "inf";
    }
    return nullptr;
}

// The card of a one-input function (or of a gate, with x read as a) as one JSON object.
Json CardJson(const Activation& activation, KinkConvention convention) {
    const Properties p = ComputeProperties(activation);
    Json card;
    card["name"] = activation.info().name;
    card["display_name"] = activation.info().display_name;
    card["inputs"] = 1;
    Json params = Json::object();
    for (std::size_t i = 0; i < activation.info().params.size(); ++i)
        params[std::string(activation.info().params[i].name)] = activation.params[i];
    card["params"] = std::move(params);
    card["formula"] = FormulaWithValues(activation);
    card["latex"] = LatexWithValues(activation);
    card["smoothness"] = SmoothnessJson(p.smoothness);
    card["output_range"] = JsonInterval(p.output_range);
    card["output_range_closed"] = {p.output_range.lo_closed && std::isfinite(p.output_range.lo),
                                   p.output_range.hi_closed && std::isfinite(p.output_range.hi)};
    card["derivative_range"] = JsonInterval(p.derivative_range);
    card["derivative_range_closed"] = {p.derivative_range.lo_closed && std::isfinite(p.derivative_range.lo),
                                       p.derivative_range.hi_closed && std::isfinite(p.derivative_range.hi)};
    card["monotonic"] = p.monotonic;
    card["zero_centred"] = p.zero_centred != ZeroCentred::No;
    card["zero_centred_detail"] = p.zero_centred == ZeroCentred::Yes      ? "odd"
                                  : p.zero_centred == ZeroCentred::Partly ? "partly"
                                                                          : "no";
    card["kink_convention"] = KinkConventionName(convention);
    Json kinks = Json::array();
    for (const Kink& kink : Kinks(activation)) {
        kinks.push_back({{"x", kink.x},
                         {"left_derivative", JsonNumber(kink.left_derivative)},
                         {"right_derivative", JsonNumber(kink.right_derivative)},
                         {"derivative", JsonNumber(KinkDerivative(kink, convention))}});
    }
    card["kinks"] = std::move(kinks);
    card["saturates"] = {p.saturates_left, p.saturates_right};
    Json asymptotes = Json::array();
    for (const auto& a : p.asymptotes)
        asymptotes.push_back({{"x", a.at_positive_infinity ? "inf" : "-inf"}, {"y", a.y}});
    card["asymptotes"] = std::move(asymptotes);
    card["dying_risk"] = p.dying_risk;
    card["typical_use"] = p.typical_use;
    return card;
}

// f(a, b) = g(a)·b: unbounded in b, odd in b, C^k as its gate; ∂f/∂b = g(a) has the gate's range.
Json GatedCardJson(const GatedFunction& function, KinkConvention convention) {
    const Activation gate = GateOf(function);
    Json gate_card = CardJson(gate, convention);
    Json card;
    card["name"] = function.info().name;
    card["display_name"] = function.info().display_name;
    card["inputs"] = 2;
    card["params"] = gate_card["params"];
    card["formula"] = FormulaWithValues(function);
    card["latex"] = LatexWithValues(function);
    card["partials"] = "∂f/∂a = g′(a)·b, ∂f/∂b = g(a)";
    card["convention"] = kGatedConvention;
    card["smoothness"] = gate_card["smoothness"];
    card["output_range"] = Json::array({"-inf", "inf"});
    card["derivative_range"] = Json::array({"-inf", "inf"}); // ∂f/∂a = g′(a)·b grows with |b|
    card["partial_b_range"] = gate_card["output_range"];
    card["monotonic"] = false;   // in a it follows the sign of b
    card["zero_centred"] = true; // f(a, −b) = −f(a, b)
    card["kink_convention"] = KinkConventionName(convention);
    card["kinks"] = gate_card["kinks"]; // x is the gate input a
    card["typical_use"] = function.info().typical_use;
    card["gate"] = std::move(gate_card);
    return card;
}

void PrintCardText(const Activation& activation, KinkConvention convention) {
    const Properties p = ComputeProperties(activation);
    std::cout << activation.info().display_name << '\n'
              << "  formula:          " << FormulaWithValues(activation) << '\n'
              << "  LaTeX:            " << LatexWithValues(activation) << '\n'
              << "  input range:      (−∞, ∞)\n"
              << "  output range:     " << p.output_range.ToString() << '\n'
              << "  derivative range: " << p.derivative_range.ToString() << '\n'
              << "  zero-centred:     " << p.ZeroCentredText() << '\n'
              << "  monotonic:        " << (p.monotonic ? "yes" : "no");
    if (p.minimum)
        std::cout << " (minimum " << Number(p.minimum->y) << " at x = " << Number(p.minimum->x) << ")";
    std::cout << '\n' << "  smoothness:       " << p.SmoothnessText() << '\n';
    for (const Kink& kink : Kinks(activation)) {
        std::cout << "    kink at x = " << Number(kink.x) << ": f′ jumps from "
                  << Number(kink.left_derivative) << " to " << Number(kink.right_derivative) << " ("
                  << KinkConventionLabel(convention) << " gives " << Number(KinkDerivative(kink, convention))
                  << ")\n";
    }
    std::cout << "  saturation:       " << p.SaturationText() << '\n';
    for (const auto& a : p.asymptotes)
        std::cout << "  asymptote:        y = " << Number(a.y) << " as x → "
                  << (a.at_positive_infinity ? "+∞" : "−∞") << '\n';
    if (p.derivative_maximum)
        std::cout << "  f′ maximum:       " << Number(p.derivative_maximum->y)
                  << " at x = " << Number(p.derivative_maximum->x) << '\n';
    for (const auto& region : p.zero_gradient_regions)
        std::cout << "  f′ = 0 on:        " << region.ToString() << '\n';
    std::cout << "  dying risk:       " << (p.dying_risk.empty() ? "none" : p.dying_risk) << '\n'
              << "  typical use:      " << p.typical_use << '\n';
}

void PrintGatedText(const GatedFunction& function, KinkConvention convention) {
    std::cout << function.info().display_name << " (two inputs: a is the gate, b the value)\n"
              << "  formula:          " << FormulaWithValues(function) << '\n'
              << "  LaTeX:            " << LatexWithValues(function) << '\n'
              << "  partials:         ∂f/∂a = g′(a)·b, ∂f/∂b = g(a)\n"
              << "  convention:       " << kGatedConvention << '\n'
              << "  typical use:      " << function.info().typical_use << '\n'
              << "The gate g(a):\n";
    PrintCardText(GateOf(function), convention);
}

int RunInfo(const InfoOptions& options) {
    const auto convention = ParseKinkConvention(options.kink);
    if (!convention) {
        return UsageError("unknown kink convention '" + options.kink +
                          "'; allowed: " + NamesIn(kKinkConventionNames));
    }
    if (FindGated(options.function)) {
        GatedFunction function;
        if (std::string error = ParseGatedWithParams(options.function, options.params, function);
            !error.empty())
            return UsageError(error);
        if (options.json) return PrintOutput(GatedCardJson(function, *convention).dump(2) + "\n");
        PrintGatedText(function, *convention);
        return kExitOk;
    }
    Activation activation;
    if (std::string error = ParseFunctionWithParams(options.function, options.params, activation);
        !error.empty())
        return UsageError(error);
    if (options.json) return PrintOutput(CardJson(activation, *convention).dump(2) + "\n");
    PrintCardText(activation, *convention);
    return kExitOk;
}

} // namespace

void AddInfoCommand(CLI::App& app, CommandRunner& run) {
    auto options = std::make_shared<InfoOptions>();
    auto* cmd = app.add_subcommand("info", "Print the property card of a function at given parameters");
    cmd->add_option("function", options->function, "Function name (see `actlab list`)")->required();
    cmd->add_option("--param,-p", options->params, "Parameter NAME=VALUE (repeatable)")
        ->type_name("NAME=VALUE");
    cmd->add_option("--kink", options->kink,
                    "f' at a kink: pytorch (default), left, right, mean, zero, one, undefined")
        ->type_name("CONVENTION");
    cmd->add_flag("--json", options->json, "Print the card as one JSON object");
    cmd->callback([&run, options] { run = [options] { return RunInfo(*options); }; });
}

} // namespace actlab::cli
