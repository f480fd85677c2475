// Shared parsing of a function name and its --param NAME=VALUE list (see function_args.h).
#include "cli/function_args.h"

#include "core/number_parse.h"

namespace actlab::cli {

std::string KnownFunctionNames() {
    std::string names;
    for (const auto& info : Catalogue())
        names += (names.empty() ? "" : ", ") + std::string(info.name);
    for (const auto& info : GatedCatalogue())
        names += ", " + std::string(info.name);
    return names;
}

std::string ParseFunctionWithParams(const std::string& name, const std::vector<std::string>& params,
                                    Activation& activation) {
    const auto id = FindActivation(name);
    if (!id && FindGated(name))
        return name + " is a gated two-input function f(a, b), not a one-input activation";
    if (!id) return "unknown function '" + name + "'; known: " + KnownFunctionNames();
    activation = Activation::WithDefaults(*id);
    for (const auto& text : params) {
        const auto pair = ParseNameValue(text);
        if (!pair) return "--param: " + pair.error;
        if (std::string error = SetParam(activation, pair.value.name, pair.value.value); !error.empty())
            return "--param: " + error;
    }
    return {};
}

std::string ParseGatedWithParams(const std::string& name, const std::vector<std::string>& params,
                                 GatedFunction& function) {
    const auto id = FindGated(name);
    if (!id) return "unknown gated function '" + name + "'; known: glu, reglu, geglu, swiglu";
    function = GatedFunction::WithDefaults(*id);
    for (const auto& text : params) {
        const auto pair = ParseNameValue(text);
        if (!pair) return "--param: " + pair.error;
        if (std::string error = SetParam(function, pair.value.name, pair.value.value); !error.empty())
            return "--param: " + error;
    }
    return {};
}

} // namespace actlab::cli
