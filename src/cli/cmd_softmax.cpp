// `actlab softmax --logits Z1,Z2,... [--temperature T] [--jacobian] [--json]`: the probabilities (and
// the Jacobian ∂pᵢ/∂zⱼ) with 17 significant digits, as CSV or as one JSON object.
#include "cli/commands.h"
#include "core/csv.h"
#include "core/number_parse.h"
#include "core/softmax.h"

#include <CLI/CLI.hpp>

#include <memory>
#include <string>
#include <vector>

namespace actlab::cli {

namespace {

struct SoftmaxOptions {
    std::string logits;
    std::string temperature = "1";
    bool jacobian = false;
    bool json = false;
};

std::string JsonArray(const std::vector<double>& values) {
    std::string out = "[";
    for (std::size_t i = 0; i < values.size(); ++i)
        out += (i ? ", " : "") + FormatNumber17(values[i]);
    return out + "]";
}

int RunSoftmax(const SoftmaxOptions& options) {
    const auto logits = ParseNumberList(options.logits);
    if (!logits) return UsageError("--logits: " + logits.error);
    const auto temperature = ParseFiniteNumber(options.temperature);
    if (!temperature) return UsageError("--temperature: " + temperature.error);
    if (std::string error = ValidateSoftmaxInput(logits.value, temperature.value); !error.empty())
        return UsageError(error);

    const std::vector<double> p = Softmax(logits.value, temperature.value);
    const bool with_jacobian = options.jacobian || options.json;
    const Matrix jacobian = with_jacobian ? SoftmaxJacobianFromProbabilities(p, temperature.value) : Matrix{};

    std::string out;
    if (options.json) {
        // Numbers written by hand rather than by the JSON library, for the same 17 digits as the CSV.
        out = "{\"probabilities\": " + JsonArray(p) + ", \"jacobian\": [";
        for (std::size_t i = 0; i < jacobian.size(); ++i)
            out += (i ? ", " : "") + JsonArray(jacobian[i]);
        out += "]}\n";
    } else {
        // One row per class; with --jacobian, row i continues with ∂pᵢ/∂z₁ … ∂pᵢ/∂zₙ.
        std::vector<std::string> header{"class", "logit", "probability"};
        if (with_jacobian)
            for (std::size_t j = 0; j < p.size(); ++j)
                header.push_back("d_z" + std::to_string(j + 1));
        CsvWriter csv;
        csv.Header(header);
        std::vector<double> row;
        for (std::size_t i = 0; i < p.size(); ++i) {
            row = {static_cast<double>(i + 1), logits.value[i], p[i]};
            if (with_jacobian) row.insert(row.end(), jacobian[i].begin(), jacobian[i].end());
            csv.Row(row);
        }
        out = csv.Text();
    }
    return PrintOutput(out);
}

} // namespace

void AddSoftmaxCommand(CLI::App& app, CommandRunner& run) {
    auto options = std::make_shared<SoftmaxOptions>();
    auto* cmd =
        app.add_subcommand("softmax", "Softmax probabilities of class scores, optionally with the Jacobian");
    cmd->add_option("--logits", options->logits, "Class scores, e.g. --logits 10,20,30,40")
        ->type_name("Z1,Z2,...")
        ->required();
    cmd->add_option("--temperature", options->temperature, "Temperature T > 0 (default 1): pᵢ ∝ exp(zᵢ/T)")
        ->type_name("T");
    cmd->add_flag("--jacobian", options->jacobian,
                  "Also print ∂pᵢ/∂zⱼ = pᵢ(δᵢⱼ − pⱼ)/T (row i: columns d_z1…)");
    cmd->add_flag("--json", options->json,
                  "Print {\"probabilities\": [...], \"jacobian\": [[...], ...]} (always with the Jacobian)");
    cmd->callback([&run, options] { run = [options] { return RunSoftmax(*options); }; });
}

} // namespace actlab::cli
