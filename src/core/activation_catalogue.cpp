// The catalogue's metadata: names, groups, formulas, parameters with their domains and the tooltips
// that teach them. Values and derivatives live in activation.cpp.
#include "core/activation.h"

#include <array>
#include <cmath>
#include <limits>
#include <sstream>

namespace actlab {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// SELU's constants from Klambauer et al. (2017), to full double precision.
constexpr double kSeluLambda = 1.0507009873554804934193349852946;
constexpr double kSeluAlpha = 1.6732632423543772848170429916717;

// clang-format off
constexpr std::array<ParamSpec, 1> kLeakyParams{{
    {"slope", "slope", 0.01, 0.01, 0.0, 1.0, -10.0, 10.0, false, false,
     "Slope for x < 0. 0 gives ReLU (and its dead zone); a small positive slope keeps a gradient alive "
     "for negative inputs, so a neuron can recover."},
}};
constexpr std::array<ParamSpec, 1> kPreluParams{{
    {"a", "a", 0.25, 0.25, -0.5, 1.0, -10.0, 10.0, false, true,
     "Slope for x < 0, learned by the network (one per neuron). Starts at 0.25 as in PyTorch."},
}};
constexpr std::array<ParamSpec, 1> kEluParams{{
    {"alpha", "α", 1.0, 1.0, 0.0, 3.0, 0.0, 10.0, false, false,
     "Depth of the negative saturation: ELU → −α as x → −∞. α = 1 makes f′ continuous at 0."},
}};
constexpr std::array<ParamSpec, 2> kSeluParams{{
    {"lambda", "λ", kSeluLambda, kSeluLambda, 0.5, 2.0, 0.0, 10.0, true, false,
     "Scale λ. With λ ≈ 1.0507 and α ≈ 1.6733, activations keep mean 0 and variance 1 layer after "
     "layer (self-normalisation). Other values drift."},
    {"alpha", "α", kSeluAlpha, kSeluAlpha, 0.0, 3.0, 0.0, 10.0, false, false,
     "Negative saturation: SELU → −λα as x → −∞. Chosen together with λ so that the fixed point of "
     "mean and variance is (0, 1)."},
}};
constexpr std::array<ParamSpec, 1> kCeluParams{{
    {"alpha", "α", 1.0, 1.0, 0.1, 3.0, 0.0, 10.0, true, false,
     "Scale of the negative part: CELU → −α as x → −∞, and f′ stays continuous (= 1 at 0) for every α."},
}};
constexpr std::array<ParamSpec, 1> kSwishParams{{
    {"beta", "β", 1.0, 1.0, 0.0, 5.0, 0.0, 100.0, false, false,
     "Sharpness β: β = 0 gives x/2, β = 1 is SiLU, β → ∞ approaches ReLU."},
}};
constexpr std::array<ParamSpec, 2> kSoftplusParams{{
    {"beta", "β", 1.0, 1.0, 0.1, 10.0, 0.0, 100.0, true, false,
     "Sharpness β: larger β hugs ReLU more closely (softplus = log(1 + exp(βx))/β)."},
    {"threshold", "threshold", 20.0, 20.0, 1.0, 50.0, 0.0, 700.0, true, false,
     "Above βx > threshold PyTorch returns x itself, to avoid overflow."},
}};
constexpr std::array<ParamSpec, 2> kHardtanhParams{{
    {"min", "min", -1.0, -1.0, -5.0, 0.0, -100.0, 100.0, false, false,
     "Lower clipping value; the gradient is 0 below it."},
    {"max", "max", 1.0, 1.0, 0.0, 5.0, -100.0, 100.0, false, false,
     "Upper clipping value; the gradient is 0 above it."},
}};
constexpr std::array<ParamSpec, 1> kSquareplusParams{{
    {"b", "b", 4.0, 4.0, 0.1, 16.0, 0.0, 1e6, true, false,
     "Curvature b: the corner is rounded over a width of about √b. b → 0 gives ReLU; JAX's default is 4."},
}};
constexpr std::array<ParamSpec, 1> kSnakeParams{{
    {"alpha", "α", 1.0, 1.0, 0.1, 5.0, 0.0, 100.0, true, false,
     "Frequency α of the ripple sin²(αx)/α added to x: larger α, faster and smaller wiggles. "
     "f′ = 1 + sin(2αx) touches 0 but never goes below, so Snake stays monotonic."},
}};

constexpr std::array<ActivationInfo, kActivationCount> kCatalogue{{
    {ActivationId::Linear, "linear", "Linear", ActivationGroup::Output,
     "f(x) = x", "f(x) = x",
     "output layer for regression", {}, 6.0},
    {ActivationId::Sigmoid, "sigmoid", "Sigmoid", ActivationGroup::Classic,
     "σ(x) = 1 / (1 + e^(−x))", "\\sigma(x) = \\frac{1}{1 + e^{-x}}",
     "output layer for binary classification; gates (LSTM)", {}, 6.0},
    {ActivationId::Tanh, "tanh", "Tanh", ActivationGroup::Classic,
     "tanh(x) = (eˣ − e^(−x)) / (eˣ + e^(−x))", "\\tanh(x) = \\frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}",
     "hidden layers of small or recurrent networks", {}, 4.0},
    {ActivationId::Relu, "relu", "ReLU", ActivationGroup::ReluFamily,
     "ReLU(x) = max(0, x)", "\\mathrm{ReLU}(x) = \\max(0, x) = \\begin{cases} x & x > 0 \\\\ 0 & x \\le 0 \\end{cases}",
     "hidden layers (the default)", {}, 6.0},
    {ActivationId::LeakyRelu, "leaky_relu", "Leaky ReLU", ActivationGroup::ReluFamily,
     "LeakyReLU(x) = x if x > 0, else slope·x",
     "\\mathrm{LeakyReLU}(x) = \\begin{cases} x & x > 0 \\\\ s\\,x & x \\le 0 \\end{cases}",
     "hidden layers, against dying ReLUs", kLeakyParams, 6.0},
    {ActivationId::Prelu, "prelu", "PReLU", ActivationGroup::ReluFamily,
     "PReLU(x) = x if x > 0, else a·x  (a learned)",
     "\\mathrm{PReLU}(x) = \\begin{cases} x & x > 0 \\\\ a\\,x & x \\le 0 \\end{cases}",
     "hidden layers; the negative slope is learned", kPreluParams, 6.0},
    {ActivationId::Elu, "elu", "ELU", ActivationGroup::ReluFamily,
     "ELU(x) = x if x > 0, else α(eˣ − 1)",
     "\\mathrm{ELU}(x) = \\begin{cases} x & x > 0 \\\\ \\alpha\\,(e^{x} - 1) & x \\le 0 \\end{cases}",
     "hidden layers; no dying, outputs closer to zero mean", kEluParams, 6.0},
    {ActivationId::Selu, "selu", "SELU", ActivationGroup::ReluFamily,
     "SELU(x) = λx if x > 0, else λα(eˣ − 1)",
     "\\mathrm{SELU}(x) = \\lambda \\begin{cases} x & x > 0 \\\\ \\alpha\\,(e^{x} - 1) & x \\le 0 \\end{cases}",
     "hidden layers of self-normalising networks (LeCun-normal init)", kSeluParams, 6.0},
    {ActivationId::Celu, "celu", "CELU", ActivationGroup::ReluFamily,
     "CELU(x) = max(0, x) + min(0, α(e^(x/α) − 1))",
     "\\mathrm{CELU}(x) = \\max(0, x) + \\min\\bigl(0, \\alpha\\,(e^{x/\\alpha} - 1)\\bigr)",
     "hidden layers; a C¹ variant of ELU", kCeluParams, 6.0},
    {ActivationId::Gelu, "gelu", "GELU", ActivationGroup::SmoothModern,
     "GELU(x) = x·Φ(x) = ½x(1 + erf(x/√2))",
     "\\mathrm{GELU}(x) = x\\,\\Phi(x) = \\tfrac{1}{2}x\\left(1 + \\mathrm{erf}(x/\\sqrt{2})\\right)",
     "hidden layers of transformers (BERT, GPT)", {}, 4.0},
    {ActivationId::GeluTanh, "gelu_tanh", "GELU (tanh approx.)", ActivationGroup::SmoothModern,
     "GELU≈(x) = ½x(1 + tanh(√(2/π)(x + 0.044715x³)))",
     "\\mathrm{GELU}_{\\tanh}(x) = \\tfrac{1}{2}x\\left(1 + \\tanh\\left(\\sqrt{2/\\pi}\\,(x + 0.044715x^{3})\\right)\\right)",
     "hidden layers of transformers (GPT-2's approximation)", {}, 4.0},
    {ActivationId::Silu, "silu", "SiLU", ActivationGroup::SmoothModern,
     "SiLU(x) = x·σ(x)", "\\mathrm{SiLU}(x) = x\\,\\sigma(x) = \\frac{x}{1 + e^{-x}}",
     "hidden layers of deep CNNs (EfficientNet)", {}, 6.0},
    {ActivationId::Swish, "swish", "Swish", ActivationGroup::SmoothModern,
     "Swish(x) = x·σ(βx)", "\\mathrm{Swish}(x) = x\\,\\sigma(\\beta x) = \\frac{x}{1 + e^{-\\beta x}}",
     "hidden layers (found by Google's search over activations)", kSwishParams, 6.0},
    {ActivationId::Mish, "mish", "Mish", ActivationGroup::SmoothModern,
     "Mish(x) = x·tanh(softplus(x))", "\\mathrm{Mish}(x) = x\\,\\tanh\\left(\\ln(1 + e^{x})\\right)",
     "hidden layers of detection networks (YOLOv4)", {}, 6.0},
    {ActivationId::Softplus, "softplus", "Softplus", ActivationGroup::SmoothModern,
     "Softplus(x) = ln(1 + e^(βx)) / β  (x where βx > threshold)",
     "\\mathrm{Softplus}(x) = \\frac{1}{\\beta}\\ln\\left(1 + e^{\\beta x}\\right)",
     "hidden layers; outputs that must be positive (variances)", kSoftplusParams, 6.0},
    {ActivationId::Softsign, "softsign", "Softsign", ActivationGroup::Classic,
     "Softsign(x) = x / (1 + |x|)", "\\mathrm{Softsign}(x) = \\frac{x}{1 + |x|}",
     "hidden layers; a slower-saturating tanh", {}, 10.0},
    {ActivationId::Relu6, "relu6", "ReLU6", ActivationGroup::ReluFamily,
     "ReLU6(x) = min(max(0, x), 6)", "\\mathrm{ReLU6}(x) = \\min(\\max(0, x), 6)",
     "hidden layers of mobile networks (MobileNet)", {}, 8.0},
    {ActivationId::Hardtanh, "hardtanh", "Hardtanh", ActivationGroup::Classic,
     "Hardtanh(x) = min(max(x, min), max)",
     "\\mathrm{Hardtanh}(x) = \\begin{cases} \\mathit{max} & x > \\mathit{max} \\\\ x & \\mathit{min} \\le x \\le \\mathit{max} \\\\ \\mathit{min} & x < \\mathit{min} \\end{cases}",
     "hidden layers where a cheap bounded output is wanted", kHardtanhParams, 3.0},
    {ActivationId::Hardsigmoid, "hardsigmoid", "Hard sigmoid", ActivationGroup::Classic,
     "HardSigmoid(x) = ReLU6(x + 3) / 6", "\\mathrm{HardSigmoid}(x) = \\frac{\\mathrm{ReLU6}(x + 3)}{6}",
     "cheap gates on mobile hardware", {}, 6.0},
    {ActivationId::Hardswish, "hardswish", "Hard swish", ActivationGroup::SmoothModern,
     "HardSwish(x) = x·ReLU6(x + 3) / 6", "\\mathrm{HardSwish}(x) = x\\,\\frac{\\mathrm{ReLU6}(x + 3)}{6}",
     "hidden layers of mobile networks (MobileNetV3)", {}, 6.0},
    {ActivationId::LogSigmoid, "log_sigmoid", "Log-sigmoid", ActivationGroup::Output,
     "LogSigmoid(x) = ln σ(x) = −softplus(−x)", "\\log\\sigma(x) = -\\ln\\left(1 + e^{-x}\\right)",
     "output layer: log-probabilities for binary classification", {}, 6.0},
    {ActivationId::Tanhshrink, "tanhshrink", "Tanhshrink", ActivationGroup::Classic,
     "Tanhshrink(x) = x − tanh(x)", "\\mathrm{Tanhshrink}(x) = x - \\tanh(x)",
     "rare: sparse coding and denoising layers", {}, 4.0},
    {ActivationId::ReluSquared, "relu_squared", "Squared ReLU", ActivationGroup::Modern,
     "ReLU²(x) = max(0, x)²",
     "\\mathrm{ReLU}^{2}(x) = \\max(0, x)^{2} = \\begin{cases} x^{2} & x > 0 \\\\ 0 & x \\le 0 \\end{cases}",
     "feed-forward layers of transformers (Primer, Nemotron-H)", {}, 4.0},
    {ActivationId::Squareplus, "squareplus", "Squareplus", ActivationGroup::Modern,
     "Squareplus(x) = (x + √(x² + b)) / 2",
     "\\mathrm{Squareplus}(x) = \\frac{x + \\sqrt{x^{2} + b}}{2}",
     "hidden layers; a softplus made of a square root (JAX's jax.nn.squareplus)", kSquareplusParams, 6.0},
    {ActivationId::Snake, "snake", "Snake", ActivationGroup::Modern,
     "Snake(x) = x + sin²(αx) / α",
     "\\mathrm{Snake}(x) = x + \\frac{\\sin^{2}(\\alpha x)}{\\alpha}",
     "periodic signals: audio synthesis (BigVGAN, DAC)", kSnakeParams, 6.0},
}};
// clang-format on

static_assert(
    [] {
        // cppcheck-suppress syntaxError ; cppcheck 2.10 cannot parse a lambda called inside static_assert
        for (std::size_t i = 0; i < kCatalogue.size(); ++i)
            if (static_cast<std::size_t>(kCatalogue[i].id) != i) return false;
        return true;
    }(),
    "kCatalogue must be in ActivationId order");

std::string FormatParam(double value) {
    std::ostringstream out;
    out.precision(6);
    out << value;
    std::string text = out.str();
    if (!text.empty() && text.front() == '-') text.replace(0, 1, "−");
    return text;
}

std::string DomainText(const ParamSpec& spec) {
    return std::string(spec.min_exclusive ? "(" : "[") + FormatParam(spec.domain_min) + ", " +
           FormatParam(spec.domain_max) + "]";
}

} // namespace

std::span<const ActivationInfo> Catalogue() {
    return kCatalogue;
}

const ActivationInfo& Info(ActivationId id) {
    return kCatalogue[static_cast<std::size_t>(id)];
}

std::optional<ActivationId> FindActivation(std::string_view name) {
    for (const auto& info : kCatalogue)
        if (info.name == name) return info.id;
    return std::nullopt;
}

std::string_view GroupName(ActivationGroup group) {
    switch (group) {
    case ActivationGroup::Classic:
        return "Classic";
    case ActivationGroup::ReluFamily:
        return "ReLU family";
    case ActivationGroup::SmoothModern:
        return "Smooth modern";
    case ActivationGroup::Modern:
        return "Modern";
    case ActivationGroup::Output:
        return "Output";
    }
    return "";
}

std::string_view KinkConventionName(KinkConvention c) {
    return NameIn(kKinkConventionNames, c);
}

std::string_view KinkConventionLabel(KinkConvention c) {
    switch (c) {
    case KinkConvention::PyTorch:
        return "PyTorch autograd";
    case KinkConvention::Left:
        return "left limit";
    case KinkConvention::Right:
        return "right limit";
    case KinkConvention::Mean:
        return "mean of both limits";
    case KinkConvention::Zero:
        return "0";
    case KinkConvention::One:
        return "1";
    case KinkConvention::Undefined:
        return "undefined (NaN)";
    }
    return "";
}

std::optional<KinkConvention> ParseKinkConvention(std::string_view name) {
    return ParseIn(kKinkConventionNames, name);
}

Activation Activation::WithDefaults(ActivationId id) {
    Activation activation{id, {}};
    const auto& params = Info(id).params;
    for (std::size_t i = 0; i < params.size(); ++i)
        activation.params[i] = params[i].default_value;
    return activation;
}

std::string ValidateParams(const Activation& activation) {
    const auto& info = activation.info();
    for (std::size_t i = 0; i < info.params.size(); ++i) {
        const ParamSpec& spec = info.params[i];
        const double value = activation.params[i];
        const bool below = spec.min_exclusive ? !(value > spec.domain_min) : !(value >= spec.domain_min);
        if (!std::isfinite(value) || below || value > spec.domain_max) {
            return std::string(info.name) + ": " + std::string(spec.name) + " must be a finite number in " +
                   DomainText(spec) + ", got " + FormatParam(value);
        }
    }
    if (activation.id == ActivationId::Hardtanh && !(activation.params[0] < activation.params[1])) {
        return "hardtanh: min must be less than max, got min = " + FormatParam(activation.params[0]) +
               " and max = " + FormatParam(activation.params[1]);
    }
    return {};
}

std::string SetParam(Activation& activation, std::string_view name, double value) {
    const auto& info = activation.info();
    for (std::size_t i = 0; i < info.params.size(); ++i) {
        if (info.params[i].name != name) continue;
        Activation candidate = activation;
        candidate.params[i] = value;
        std::string error = ValidateParams(candidate);
        if (error.empty()) activation = candidate;
        return error;
    }
    std::string allowed;
    for (const auto& spec : info.params)
        allowed += (allowed.empty() ? "" : ", ") + std::string(spec.name);
    return std::string(info.name) + " has no parameter '" + std::string(name) + "'" +
           (allowed.empty() ? std::string("; it takes none") : "; it takes: " + allowed);
}

std::string FormulaWithValues(const Activation& activation) {
    const auto& p = activation.params;
    const std::string a = FormatParam(p[0]);
    const std::string b = FormatParam(p[1]);
    switch (activation.id) {
    case ActivationId::LeakyRelu:
        return "LeakyReLU(x) = x if x > 0, else " + a + "·x";
    case ActivationId::Prelu:
        return "PReLU(x) = x if x > 0, else " + a + "·x";
    case ActivationId::Elu:
        return "ELU(x) = x if x > 0, else " + a + "·(eˣ − 1)   → −" + a + " as x → −∞";
    case ActivationId::Selu:
        return "SELU(x) = " + a + "·x if x > 0, else " + a + "·" + b + "·(eˣ − 1)   → −" +
               FormatParam(p[0] * p[1]) + " as x → −∞";
    case ActivationId::Celu:
        return "CELU(x) = max(0, x) + min(0, " + a + "·(e^(x/" + a + ") − 1))";
    case ActivationId::Swish:
        return "Swish(x) = x·σ(" + a + "·x) = x / (1 + e^(−" + a + "·x))";
    case ActivationId::Softplus:
        return "Softplus(x) = ln(1 + e^(" + a + "·x)) / " + a + "   (x where " + a + "·x > " + b + ")";
    case ActivationId::Hardtanh:
        return "Hardtanh(x) = min(max(x, " + a + "), " + b + ")";
    case ActivationId::Squareplus:
        return "Squareplus(x) = (x + √(x² + " + a + ")) / 2";
    case ActivationId::Snake:
        return "Snake(x) = x + sin²(" + a + "·x) / " + a;
    default:
        return std::string(activation.info().formula);
    }
}

std::string LatexWithValues(const Activation& activation) {
    const auto& p = activation.params;
    const std::string a = FormatParam(p[0]);
    const std::string b = FormatParam(p[1]);
    auto latex_number = [](std::string text) {
        if (text.rfind("−", 0) == 0) text.replace(0, std::string("−").size(), "-");
        return text;
    };
    const std::string la = latex_number(a), lb = latex_number(b);
    switch (activation.id) {
    case ActivationId::LeakyRelu:
        return "\\mathrm{LeakyReLU}(x) = \\begin{cases} x & x > 0 \\\\ " + la +
               "\\,x & x \\le 0 \\end{cases}";
    case ActivationId::Prelu:
        return "\\mathrm{PReLU}(x) = \\begin{cases} x & x > 0 \\\\ " + la + "\\,x & x \\le 0 \\end{cases}";
    case ActivationId::Elu:
        return "\\mathrm{ELU}(x) = \\begin{cases} x & x > 0 \\\\ " + la +
               "\\,(e^{x} - 1) & x \\le 0 \\end{cases}";
    case ActivationId::Selu:
        return "\\mathrm{SELU}(x) = " + la + " \\begin{cases} x & x > 0 \\\\ " + lb +
               "\\,(e^{x} - 1) & x \\le 0 \\end{cases}";
    case ActivationId::Celu:
        return "\\mathrm{CELU}(x) = \\max(0, x) + \\min\\bigl(0, " + la + "\\,(e^{x/" + la + "} - 1)\\bigr)";
    case ActivationId::Swish:
        return "\\mathrm{Swish}(x) = \\frac{x}{1 + e^{-" + la + "x}}";
    case ActivationId::Softplus:
        return "\\mathrm{Softplus}(x) = \\frac{1}{" + la + "}\\ln\\left(1 + e^{" + la + "x}\\right)";
    case ActivationId::Hardtanh:
        return "\\mathrm{Hardtanh}(x) = \\min(\\max(x, " + la + "), " + lb + ")";
    case ActivationId::Squareplus:
        return "\\mathrm{Squareplus}(x) = \\frac{x + \\sqrt{x^{2} + " + la + "}}{2}";
    case ActivationId::Snake:
        return "\\mathrm{Snake}(x) = x + \\frac{\\sin^{2}(" + la + "x)}{" + la + "}";
    default:
        return std::string(activation.info().latex);
    }
}

} // namespace actlab
