// `actlab list [--json]`: the catalogue with parameters, defaults and ranges.
#include "cli/commands.h"
#include "core/activation.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <array>
#include <charconv>
#include <iostream>
#include <memory>

namespace actlab::cli {

namespace {

// The shortest text that reads back as exactly `value`: 0.1, not 0.10000000000000001.
std::string Short(double value) {
    std::array<char, 40> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return {buffer.data(), result.ptr};
}

nlohmann::ordered_json CatalogueJson() {
    auto functions = nlohmann::ordered_json::array();
    for (const auto& info : Catalogue()) {
        nlohmann::ordered_json fn;
        fn["name"] = info.name;
        fn["display_name"] = info.display_name;
        fn["group"] = GroupName(info.group);
        fn["formula"] = info.formula;
        fn["latex"] = info.latex;
        fn["typical_use"] = info.typical_use;
        auto params = nlohmann::ordered_json::array();
        for (const auto& spec : info.params) {
            params.push_back({{"name", spec.name},
                              {"symbol", spec.symbol},
                              {"default", spec.default_value},
                              {"canonical", spec.canonical_value},
                              {"slider_min", spec.slider_min},
                              {"slider_max", spec.slider_max},
                              {"domain_min", spec.domain_min},
                              {"domain_max", spec.domain_max},
                              {"domain_min_exclusive", spec.min_exclusive},
                              {"learnable", spec.learnable}});
        }
        fn["params"] = std::move(params);
        auto kinks = nlohmann::ordered_json::array();
        for (const auto& kink : Kinks(Activation::WithDefaults(info.id))) {
            kinks.push_back({{"x", kink.x},
                             {"left_derivative", kink.left_derivative},
                             {"right_derivative", kink.right_derivative},
                             {"pytorch_derivative", kink.pytorch_derivative}});
        }
        fn["kinks_at_defaults"] = std::move(kinks);
        functions.push_back(std::move(fn));
    }
    return {{"functions", std::move(functions)}};
}

void PrintCatalogueText() {
    for (const auto group : {ActivationGroup::Classic, ActivationGroup::ReluFamily, ActivationGroup::SmoothModern,
                             ActivationGroup::Output}) {
        std::cout << GroupName(group) << '\n';
        for (const auto& info : Catalogue()) {
            if (info.group != group) continue;
            std::cout << "  " << info.name;
            for (std::size_t pad = info.name.size(); pad < 13; ++pad) std::cout << ' ';
            std::cout << info.formula << '\n';
            for (const auto& spec : info.params) {
                std::cout << "               --param " << spec.name << '=' << Short(spec.default_value)
                          << "  (slider " << Short(spec.slider_min) << " to " << Short(spec.slider_max) << ", allowed "
                          << (spec.min_exclusive ? "(" : "[") << Short(spec.domain_min) << ", "
                          << Short(spec.domain_max) << "]" << (spec.learnable ? ", learnable" : "") << ")\n";
            }
        }
    }
}

}  // namespace

void AddListCommand(CLI::App& app, CommandRunner& run) {
    auto* cmd = app.add_subcommand("list", "Print the catalogue: names, parameters, defaults and ranges");
    auto as_json = std::make_shared<bool>(false);
    cmd->add_flag("--json", *as_json, "Print the catalogue as JSON");
    cmd->callback([&run, as_json] {
        run = [as_json] {
            if (*as_json) {
                std::cout << CatalogueJson().dump(2) << '\n';
            } else {
                PrintCatalogueText();
            }
            return kExitOk;
        };
    });
}

}  // namespace actlab::cli
