// The activation catalogue: every function ActLab knows, its parameters, f(x), f'(x) and the
// conventions used where f' jumps. Pure C++: no OpenGL, GLFW or ImGui (see DESIGN.md §2).
//
// Index of this file
// [SECTION] Identifiers and conventions
// [SECTION] Parameters
// [SECTION] Catalogue metadata
// [SECTION] Evaluation
// [SECTION] Kinks
#pragma once

#include "core/enum_names.h"

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace actlab {

//-----------------------------------------------------------------------------
// [SECTION] Identifiers and conventions
//-----------------------------------------------------------------------------

enum class ActivationId {
    Linear,
    Sigmoid,
    Tanh,
    Relu,
    LeakyRelu,
    Prelu,
    Elu,
    Selu,
    Celu,
    Gelu,
    GeluTanh,
    Silu,
    Swish,
    Mish,
    Softplus,
    Softsign,
    Relu6,
    Hardtanh,
    Hardsigmoid,
    Hardswish,
    LogSigmoid,
    Tanhshrink,
    ReluSquared,
    Squareplus,
    Snake,
    Count
};
inline constexpr std::size_t kActivationCount = static_cast<std::size_t>(ActivationId::Count);

// Where the catalogue shows a function in the sidebar (lecture order).
enum class ActivationGroup { Classic, ReluFamily, SmoothModern, Modern, Output };
inline constexpr std::array<ActivationGroup, 5> kActivationGroups{
    ActivationGroup::Classic, ActivationGroup::ReluFamily, ActivationGroup::SmoothModern,
    ActivationGroup::Modern, ActivationGroup::Output};

// What f'(x) returns exactly at a kink, where the left and right limits differ.
enum class KinkConvention {
    PyTorch,  // what torch.autograd returns (ReLU'(0) = 0, LeakyReLU'(0) = slope, ELU'(0) = α …)
    Left,     // left limit
    Right,    // right limit
    Mean,     // mean of both limits
    Zero,     // 0
    One,      // 1
    Undefined // NaN: "not defined at x = 0", as a lecture note says
};
inline constexpr std::size_t kKinkConventionCount = 7;
// Parse also takes "0", "1" and "nan".
// clang-format off
inline constexpr EnumName<KinkConvention> kKinkConventionNames[] = {
    {KinkConvention::PyTorch, "pytorch"}, {KinkConvention::Left, "left"}, {KinkConvention::Right, "right"},
    {KinkConvention::Mean, "mean"}, {KinkConvention::Zero, "zero"}, {KinkConvention::One, "one"},
    {KinkConvention::Undefined, "undefined"}, {KinkConvention::Zero, "0"}, {KinkConvention::One, "1"},
    {KinkConvention::Undefined, "nan"}};
// clang-format on

std::string_view KinkConventionName(KinkConvention c);  // "pytorch", "left", …
std::string_view KinkConventionLabel(KinkConvention c); // "PyTorch autograd", "left limit", …
std::optional<KinkConvention> ParseKinkConvention(std::string_view name);

//-----------------------------------------------------------------------------
// [SECTION] Parameters
//-----------------------------------------------------------------------------

inline constexpr std::size_t kMaxParams = 2;

struct ParamSpec {
    std::string_view name;         // command-line spelling (PyTorch's): "slope", "alpha", "lambda", …
    std::string_view symbol;       // what the UI shows: "α", "λ", "β", "a", "slope"
    double default_value;          // PyTorch's default
    double canonical_value;        // the value "reset" returns to (SELU: the self-normalising constants)
    double slider_min, slider_max; // the slider's span; typed values may go beyond, within the domain
    double domain_min, domain_max; // values outside are refused
    bool min_exclusive;            // domain is (min, max] rather than [min, max]
    bool learnable;                // trained per neuron inside a network (PReLU's a)
    std::string_view help;         // a tooltip that teaches what the parameter does
};

// Parameter values of one function, in the order of its ParamSpecs.
using ParamValues = std::array<double, kMaxParams>;

//-----------------------------------------------------------------------------
// [SECTION] Catalogue metadata
//-----------------------------------------------------------------------------

struct ActivationInfo {
    ActivationId id;
    std::string_view name;         // command-line name: "leaky_relu"
    std::string_view display_name; // "Leaky ReLU"
    ActivationGroup group;
    std::string_view formula;     // plain Unicode: "f(x) = x if x > 0, else slope·x"
    std::string_view latex;       // "\\mathrm{LeakyReLU}(x) = \\begin{cases} …"
    std::string_view typical_use; // "hidden layers", "output: binary classification", …
    std::span<const ParamSpec> params;
    double scale_hint; // width of the interesting region at default parameters
};

std::span<const ActivationInfo> Catalogue();
const ActivationInfo& Info(ActivationId id);
std::optional<ActivationId> FindActivation(std::string_view name);
std::string_view GroupName(ActivationGroup group);

// One function with concrete parameter values: what the plots, the network and the CLI evaluate.
struct Activation {
    ActivationId id = ActivationId::Relu;
    ParamValues params{}; // unused slots are 0

    static Activation WithDefaults(ActivationId id);
    const ActivationInfo& info() const { return Info(id); }
    bool operator==(const Activation&) const = default;
};

// Why a parameter set is refused; empty when it is valid. The message names the parameter and its
// valid range, e.g. "softplus: beta must be in (0, 100], got -1".
std::string ValidateParams(const Activation& activation);

// Sets one parameter by name after checking its domain; returns an error message or "".
std::string SetParam(Activation& activation, std::string_view name, double value);

// Formula with current parameter values substituted: "f(x) = x if x > 0, else 0.1·x".
std::string FormulaWithValues(const Activation& activation);
std::string LatexWithValues(const Activation& activation);

//-----------------------------------------------------------------------------
// [SECTION] Evaluation
//-----------------------------------------------------------------------------

// f(x). NaN in gives NaN out; ±inf give the limits; no overflow for |x| up to 1e300.
double Evaluate(const Activation& activation, double x);

// f'(x). At a kink the value follows `convention`; elsewhere the convention does not matter.
double Derivative(const Activation& activation, double x,
                  KinkConvention convention = KinkConvention::PyTorch);

// ∂f/∂p for learnable parameters (PReLU's a); 0 for others. Used by the network's backward pass.
double ParamDerivative(const Activation& activation, std::size_t param_index, double x);

//-----------------------------------------------------------------------------
// [SECTION] Kinks
//-----------------------------------------------------------------------------

// A point where f' jumps: the two one-sided limits and the value each convention gives.
struct Kink {
    double x;
    double left_derivative;
    double right_derivative;
    double pytorch_derivative;
};

// The kinks for the current parameters, sorted by x. Empty for smooth functions.
std::vector<Kink> Kinks(const Activation& activation);

// Where the formula switches branches, sorted: every kink, and also points where f' is continuous but
// f'' may jump (Softsign, Squared ReLU and ELU with α = 1 at 0). The property card's smoothness is
// measured at these points.
std::vector<double> Breakpoints(const Activation& activation);

// The value of f' at a kink under a convention.
double KinkDerivative(const Kink& kink, KinkConvention convention);

} // namespace actlab
