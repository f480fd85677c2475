// Fuzz target: `FN --param NAME=VALUE...` as the eval, render and propagate subcommands take it. The
// input's first line is the function name, each further line one NAME=VALUE. An accepted set of
// parameters is finite and passes ValidateParams, so nothing downstream sees NaN.
#include "fuzz/fuzz_target.h"

#include "cli/function_args.h"

#include <cmath>
#include <string>
#include <vector>

ACTLAB_FUZZ_TARGET(param) {
    using namespace actlab;
    const std::string_view text = fuzz::AsText(data, size);
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        lines.emplace_back(text.substr(start, end - start));
        start = end + 1;
    }
    const std::vector<std::string> params(lines.begin() + 1, lines.end());
    Activation activation;
    if (!cli::ParseFunctionWithParams(lines.front(), params, activation).empty()) return 0;
    for (double value : activation.params)
        fuzz::Check(std::isfinite(value));
    fuzz::Check(ValidateParams(activation).empty());
    return 0;
}
