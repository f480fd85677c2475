// Shared parsing of "FN [--param NAME=VALUE]..." for the subcommands that take a function.
#pragma once

#include "core/activation.h"
#include "core/gated.h"

#include <string>
#include <vector>

namespace actlab::cli {

// Looks up `name`, applies each NAME=VALUE, and checks the result. Returns "" or a one-line message
// that says what is wrong and what is allowed.
std::string ParseFunctionWithParams(const std::string& name, const std::vector<std::string>& params,
                                    Activation& activation);

// The same for a gated two-input function ("swiglu --param beta=1.5").
std::string ParseGatedWithParams(const std::string& name, const std::vector<std::string>& params,
                                 GatedFunction& function);

// "linear, sigmoid, tanh, …, glu, reglu, geglu, swiglu": for messages.
std::string KnownFunctionNames();

} // namespace actlab::cli
