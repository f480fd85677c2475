// Gated two-input functions f(a, b) = g(a)·b (GLU, ReGLU, GeGLU, SwiGLU): metadata, values and both
// partial derivatives. They are not network activations: a layer's activation stays one-input.
//
// Index of this file
// [SECTION] Catalogue
// [SECTION] Evaluation
// [SECTION] Sampling over the (a, b) plane
#pragma once

#include "core/activation.h"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace actlab {

//-----------------------------------------------------------------------------
// [SECTION] Catalogue
//-----------------------------------------------------------------------------

enum class GatedId { Glu, Reglu, Geglu, Swiglu, Count };
inline constexpr std::size_t kGatedCount = static_cast<std::size_t>(GatedId::Count);

struct GatedInfo {
    GatedId id;
    std::string_view name;         // command-line name: "swiglu"
    std::string_view display_name; // "SwiGLU"
    ActivationId gate;             // g: sigmoid, ReLU, exact GELU or Swish (whose β is SwiGLU's)
    std::string_view formula;      // "SwiGLU(a, b) = Swish_β(a)·b = a·σ(βa)·b"
    std::string_view latex;
    std::string_view typical_use;
};

std::span<const GatedInfo> GatedCatalogue();
const GatedInfo& Info(GatedId id);
std::optional<GatedId> FindGated(std::string_view name);

// How our (a, b) relate to PyTorch's F.glu, which splits x into halves (x₁, x₂) and returns x₁·σ(x₂).
inline constexpr std::string_view kGatedConvention =
    "a is the gate input, b the value: f(a, b) = g(a)·b. PyTorch's F.glu(x) splits x into halves "
    "(x₁, x₂) and returns x₁·σ(x₂), i.e. ours with a = x₂, b = x₁.";

// One gated function with concrete parameters (those of its gate: SwiGLU's β).
struct GatedFunction {
    GatedId id = GatedId::Swiglu;
    ParamValues params{};

    static GatedFunction WithDefaults(GatedId id);
    const GatedInfo& info() const { return Info(id); }
    std::span<const ParamSpec> param_specs() const;
    bool operator==(const GatedFunction&) const = default;
};

// The gate g as a one-input function, with the gated function's parameters.
Activation GateOf(const GatedFunction& function);

// "" or why the parameters are refused ("swiglu: beta must be …").
std::string ValidateParams(const GatedFunction& function);
std::string SetParam(GatedFunction& function, std::string_view name, double value);

std::string FormulaWithValues(const GatedFunction& function);
std::string LatexWithValues(const GatedFunction& function);

//-----------------------------------------------------------------------------
// [SECTION] Evaluation
//-----------------------------------------------------------------------------

struct GatedValue {
    double y;     // f = g(a)·b
    double dy_da; // ∂f/∂a = g′(a)·b (g′ at a kink as PyTorch: ReLU′(0) = 0)
    double dy_db; // ∂f/∂b = g(a)
};

// NaN in gives NaN out; a factor that is exactly 0 makes a product 0 even against ±∞ (the limit).
// ∂f/∂a at a kink of the gate (ReGLU at a = 0) follows `convention`.
GatedValue EvaluateGated(const GatedFunction& function, double a, double b,
                         KinkConvention convention = KinkConvention::PyTorch);

//-----------------------------------------------------------------------------
// [SECTION] Sampling over the (a, b) plane
//-----------------------------------------------------------------------------

// f, ∂f/∂a and ∂f/∂b on an na × nb grid; row j holds b = b_j, column i a = a_i (row-major, b0 first).
struct GatedGrid {
    double a0 = 0.0, a1 = 0.0, b0 = 0.0, b1 = 0.0;
    std::size_t na = 0, nb = 0;
    std::vector<double> f, df_da, df_db;

    double A(std::size_t i) const; // a at column i
    double B(std::size_t j) const; // b at row j
};

GatedGrid SampleGated(const GatedFunction& function, double a0, double a1, std::size_t na, double b0,
                      double b1, std::size_t nb);

} // namespace actlab
