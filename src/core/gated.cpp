// The gated family f(a, b) = g(a)·b: ∂f/∂a = g′(a)·b and ∂f/∂b = g(a), with g taken from the one-input
// catalogue so that both share one careful implementation (and PyTorch's ReLU′(0) = 0).
#include "core/gated.h"

#include <array>
#include <cmath>
#include <cstdio>
#include <limits>

namespace actlab {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// clang-format off
constexpr std::array<GatedInfo, kGatedCount> kGatedCatalogue{{
    {GatedId::Glu, "glu", "GLU", ActivationId::Sigmoid,
     "GLU(a, b) = σ(a)·b",
     "\\mathrm{GLU}(a, b) = \\sigma(a)\\,b",
     "gated convolutions and feed-forward layers (Dauphin et al., 2017)"},
    {GatedId::Reglu, "reglu", "ReGLU", ActivationId::Relu,
     "ReGLU(a, b) = max(0, a)·b",
     "\\mathrm{ReGLU}(a, b) = \\max(0, a)\\,b",
     "feed-forward layers of transformers (Shazeer, 2020)"},
    {GatedId::Geglu, "geglu", "GeGLU", ActivationId::Gelu,
     "GeGLU(a, b) = GELU(a)·b = a·Φ(a)·b",
     "\\mathrm{GeGLU}(a, b) = a\\,\\Phi(a)\\,b",
     "feed-forward layers of transformers (T5 v1.1, Gemma)"},
    {GatedId::Swiglu, "swiglu", "SwiGLU", ActivationId::Swish,
     "SwiGLU(a, b) = Swish(a)·b = a·σ(βa)·b",
     "\\mathrm{SwiGLU}(a, b) = a\\,\\sigma(\\beta a)\\,b",
     "feed-forward layers of large language models (LLaMA, Mistral, PaLM)"},
}};
// clang-format on

// x·y where a factor that is exactly 0 wins against ±∞: f(a, ±∞) = 0 where the gate is closed.
double GateProduct(double x, double y) {
    return (x == 0.0 || y == 0.0) ? 0.0 : x * y;
}

} // namespace

std::span<const GatedInfo> GatedCatalogue() {
    return kGatedCatalogue;
}

const GatedInfo& Info(GatedId id) {
    return kGatedCatalogue[static_cast<std::size_t>(id)];
}

std::optional<GatedId> FindGated(std::string_view name) {
    for (const auto& info : kGatedCatalogue)
        if (info.name == name) return info.id;
    return std::nullopt;
}

GatedFunction GatedFunction::WithDefaults(GatedId id) {
    GatedFunction function{id, {}};
    function.params = Activation::WithDefaults(Info(id).gate).params;
    return function;
}

std::span<const ParamSpec> GatedFunction::param_specs() const {
    return actlab::Info(info().gate).params;
}

Activation GateOf(const GatedFunction& function) {
    return Activation{function.info().gate, function.params};
}

std::string ValidateParams(const GatedFunction& function) {
    std::string error = ValidateParams(GateOf(function));
    // The gate's message starts with its own name ("swish: beta …"); name the gated function instead.
    if (const auto colon = error.find(':'); colon != std::string::npos)
        error = std::string(function.info().name) + error.substr(colon);
    return error;
}

std::string SetParam(GatedFunction& function, std::string_view name, double value) {
    Activation gate = GateOf(function);
    std::string error = SetParam(gate, name, value);
    if (error.empty()) {
        function.params = gate.params;
        return error;
    }
    const std::string gate_name(gate.info().name);
    if (error.rfind(gate_name, 0) == 0)
        error = std::string(function.info().name) + error.substr(gate_name.size());
    return error;
}

std::string FormulaWithValues(const GatedFunction& function) {
    if (function.id != GatedId::Swiglu) return std::string(function.info().formula);
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%.6g", function.params[0]);
    return std::string("SwiGLU(a, b) = a·σ(") + buffer + "·a)·b";
}

std::string LatexWithValues(const GatedFunction& function) {
    if (function.id != GatedId::Swiglu) return std::string(function.info().latex);
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%.6g", function.params[0]);
    return std::string("\\mathrm{SwiGLU}(a, b) = a\\,\\sigma(") + buffer + "\\,a)\\,b";
}

GatedValue EvaluateGated(const GatedFunction& function, double a, double b, KinkConvention convention) {
    if (std::isnan(a) || std::isnan(b)) return {kNaN, kNaN, kNaN};
    const Activation gate = GateOf(function);
    const double g = Evaluate(gate, a);
    const double dg = Derivative(gate, a, convention);
    return {GateProduct(g, b), GateProduct(dg, b), g};
}

double GatedGrid::A(std::size_t i) const {
    return na < 2 ? a0 : std::lerp(a0, a1, static_cast<double>(i) / static_cast<double>(na - 1));
}

double GatedGrid::B(std::size_t j) const {
    return nb < 2 ? b0 : std::lerp(b0, b1, static_cast<double>(j) / static_cast<double>(nb - 1));
}

GatedGrid SampleGated(const GatedFunction& function, double a0, double a1, std::size_t na, double b0,
                      double b1, std::size_t nb) {
    GatedGrid grid{a0, a1, b0, b1, na, nb, {}, {}, {}};
    grid.f.resize(na * nb);
    grid.df_da.resize(na * nb);
    grid.df_db.resize(na * nb);
    const Activation gate = GateOf(function);
    // The gate depends on a only: evaluate it once per column, then scale by b.
    std::vector<double> g(na), dg(na);
    for (std::size_t i = 0; i < na; ++i) {
        g[i] = Evaluate(gate, grid.A(i));
        dg[i] = Derivative(gate, grid.A(i));
    }
    for (std::size_t j = 0; j < nb; ++j) {
        const double b = grid.B(j);
        for (std::size_t i = 0; i < na; ++i) {
            const std::size_t k = j * na + i;
            grid.f[k] = GateProduct(g[i], b);
            grid.df_da[k] = GateProduct(dg[i], b);
            grid.df_db[k] = g[i];
        }
    }
    return grid;
}

} // namespace actlab
