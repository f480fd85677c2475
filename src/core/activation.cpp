// Values and derivatives of the catalogue, in double precision and numerically careful: no overflow
// or NaN for |x| up to 1e300, NaN in gives NaN out, ±inf give the limits. Branches at kinks follow
// PyTorch's autograd, so Derivative(…, PyTorch) needs no special case there.
#include "core/activation.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace actlab {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kSqrt1_2 = 0.70710678118654752440084436210484903928;     // 1/√2
constexpr double kInvSqrt2Pi = 0.39894228040143267793994605993438186848;  // 1/√(2π)
constexpr double kSqrt2OverPi = 0.79788456080286535587989211986876373695; // √(2/π)
constexpr double kGeluTanhCubic = 0.044715;

// σ(x) = 1/(1 + e^(−x)), evaluated so that neither branch overflows and σ(−x) stays accurate.
double Sigmoid(double x) {
    if (x >= 0.0) return 1.0 / (1.0 + std::exp(-x));
    const double e = std::exp(x);
    return e / (1.0 + e);
}

// sech²(x) = 1 − tanh²(x) = 4e^(−2|x|)/(1 + e^(−2|x|))², accurate where tanh² is close to 1.
double Sech2(double x) {
    const double e = std::exp(-2.0 * std::fabs(x));
    // Rounding can lift the quotient an ulp above 1 near x = 0; sech² never exceeds 1.
    return std::min(1.0, 4.0 * e / ((1.0 + e) * (1.0 + e)));
}

// softplus(z) = ln(1 + eᶻ) = max(z, 0) + ln(1 + e^(−|z|)), no overflow for any z.
double StableSoftplus(double z) {
    return std::max(z, 0.0) + std::log1p(std::exp(-std::fabs(z)));
}

// Φ(x), the standard normal CDF, via erfc so that the left tail keeps its relative accuracy.
double NormalCdf(double x) {
    return 0.5 * std::erfc(-x * kSqrt1_2);
}

// φ(x) = e^(−x²/2)/√(2π); x² overflows to inf for huge |x| and the result correctly becomes 0.
double NormalPdf(double x) {
    return kInvSqrt2Pi * std::exp(-0.5 * x * x);
}

// a·b where a is a vanishing factor: 0·∞ is taken as 0 (the limit in every use below).
double TimesVanishing(double vanishing, double b) {
    return vanishing == 0.0 ? 0.0 : vanishing * b;
}

// sin(k·x) for the exact product k·x, not its rounding: k·x = p + e exactly (fma), and
// sin(p + e) = sin(p)cos(e) + cos(p)sin(e). Keeps Snake's f' right even where k·x is huge.
double SinOfProduct(double k, double x) {
    const double p = k * x;
    const double e = std::fma(k, x, -p);
    return std::sin(p) * std::cos(e) + std::cos(p) * std::sin(e);
}

// Squareplus(x) = (x + √(x² + b))/2. For x < 0 the sum cancels, so use the equal form
// b / (2(√(x² + b) − x)); hypot keeps x² from overflowing for |x| up to 1e300.
double Squareplus(double x, double b) {
    const double s = std::hypot(x, std::sqrt(b));
    return x >= 0.0 ? 0.5 * (x + s) : 0.5 * b / (s - x);
}

// Squareplus'(x) = (1 + x/√(x² + b))/2 = b / (2√(x² + b)(√(x² + b) − x)) for x < 0 (no cancellation);
// divided in two steps so that √(x² + b)·(√(x² + b) − x) cannot overflow.
double SquareplusDerivative(double x, double b) {
    const double s = std::hypot(x, std::sqrt(b));
    return x >= 0.0 ? 0.5 * (1.0 + x / s) : 0.5 * (b / (s - x)) / s;
}

double ValueFinite(const Activation& act, double x) {
    const double p0 = act.params[0];
    const double p1 = act.params[1];
    switch (act.id) {
    case ActivationId::Linear:
        return x;
    case ActivationId::Sigmoid:
        return Sigmoid(x);
    case ActivationId::Tanh:
        return std::tanh(x);
    case ActivationId::Relu:
        return x > 0.0 ? x : 0.0;
    // LeakyReLU(x) = x if x > 0, else slope·x; PReLU identical with a learned a.
    case ActivationId::LeakyRelu:
    case ActivationId::Prelu:
        return x > 0.0 ? x : p0 * x;
    // ELU(x) = x if x > 0, else α(eˣ − 1); expm1 keeps accuracy near 0 and saturates at −1.
    case ActivationId::Elu:
        return x > 0.0 ? x : p0 * std::expm1(x);
    // SELU(x) = λx if x > 0, else λα(eˣ − 1).
    case ActivationId::Selu:
        return x > 0.0 ? p0 * x : p0 * p1 * std::expm1(x);
    // CELU(x) = max(0, x) + min(0, α(e^(x/α) − 1)).
    case ActivationId::Celu:
        return x > 0.0 ? x : p0 * std::expm1(x / p0);
    // GELU(x) = x·Φ(x).
    case ActivationId::Gelu:
        return x * NormalCdf(x);
    // GELU≈(x) = ½x(1 + tanh(u)), u = √(2/π)(x + 0.044715x³). 1 + tanh(u) = 2σ(2u) avoids cancellation.
    case ActivationId::GeluTanh: {
        const double u = kSqrt2OverPi * (x + kGeluTanhCubic * x * x * x);
        return TimesVanishing(Sigmoid(2.0 * u), x);
    }
    // SiLU(x) = x·σ(x); Swish(x) = x·σ(βx).
    case ActivationId::Silu:
        return TimesVanishing(Sigmoid(x), x);
    case ActivationId::Swish:
        return TimesVanishing(Sigmoid(p0 * x), x);
    // Mish(x) = x·tanh(softplus(x)).
    case ActivationId::Mish:
        return TimesVanishing(std::tanh(StableSoftplus(x)), x);
    // Softplus(x) = ln(1 + e^(βx))/β, or x where βx > threshold (as PyTorch).
    case ActivationId::Softplus: {
        const double z = p0 * x;
        return z > p1 ? x : StableSoftplus(z) / p0;
    }
    case ActivationId::Softsign:
        return x / (1.0 + std::fabs(x));
    case ActivationId::Relu6:
        return std::min(std::max(x, 0.0), 6.0);
    case ActivationId::Hardtanh:
        return std::min(std::max(x, p0), p1);
    // HardSigmoid(x) = ReLU6(x + 3)/6.
    case ActivationId::Hardsigmoid:
        return std::min(std::max(x + 3.0, 0.0), 6.0) / 6.0;
    // HardSwish(x) = x·ReLU6(x + 3)/6.
    case ActivationId::Hardswish:
        if (x <= -3.0) return 0.0;
        if (x >= 3.0) return x;
        return x * (x + 3.0) / 6.0;
    // log σ(x) = min(x, 0) − ln(1 + e^(−|x|)).
    case ActivationId::LogSigmoid:
        return std::min(x, 0.0) - std::log1p(std::exp(-std::fabs(x)));
    // Tanhshrink(x) = x − tanh(x); near 0 the difference cancels, so use its Taylor series
    // x³/3 − 2x⁵/15 + 17x⁷/315 − 62x⁹/2835 + 1382x¹¹/155925 − 21844x¹³/6081075.
    case ActivationId::Tanhshrink: {
        if (std::fabs(x) >= 0.1) return x - std::tanh(x);
        const double x2 = x * x;
        const double series =
            1.0 / 3.0 +
            x2 * (-2.0 / 15.0 +
                  x2 * (17.0 / 315.0 +
                        x2 * (-62.0 / 2835.0 + x2 * (1382.0 / 155925.0 + x2 * (-21844.0 / 6081075.0)))));
        return x * x2 * series;
    }
    // ReLU²(x) = max(0, x)².
    case ActivationId::ReluSquared:
        return x > 0.0 ? x * x : 0.0;
    case ActivationId::Squareplus:
        return Squareplus(x, p0);
    // Snake(x) = x + sin²(αx)/α.
    case ActivationId::Snake: {
        const double s = SinOfProduct(p0, x);
        return x + s * s / p0;
    }
    case ActivationId::Count:
        break;
    }
    return kNaN;
}

// f'(x) with PyTorch's choices at kinks (see the branch conditions: they mirror autograd's).
double DerivativeFinite(const Activation& act, double x) {
    const double p0 = act.params[0];
    const double p1 = act.params[1];
    switch (act.id) {
    case ActivationId::Linear:
        return 1.0;
    // σ'(x) = σ(x)σ(−x), both factors accurate in the tails.
    case ActivationId::Sigmoid:
        return Sigmoid(x) * Sigmoid(-x);
    case ActivationId::Tanh:
        return Sech2(x);
    // torch: threshold_backward(grad, result, 0): 0 where the result ≤ 0.
    case ActivationId::Relu:
        return x > 0.0 ? 1.0 : 0.0;
    // torch: x > 0 ? 1 : slope, so LeakyReLU'(0) = slope, PReLU'(0) = a.
    case ActivationId::LeakyRelu:
    case ActivationId::Prelu:
        return x > 0.0 ? 1.0 : p0;
    // torch elu_backward: x ≤ 0 → negcoef·e^(x·input_scale)·input_scale, else poscoef.
    case ActivationId::Elu:
        return x > 0.0 ? 1.0 : p0 * std::exp(x);
    case ActivationId::Selu:
        return x > 0.0 ? p0 : p0 * p1 * std::exp(x);
    case ActivationId::Celu:
        return x > 0.0 ? 1.0 : std::exp(x / p0);
    // GELU'(x) = Φ(x) + x·φ(x).
    case ActivationId::Gelu:
        return NormalCdf(x) + TimesVanishing(NormalPdf(x), x);
    // GELU≈'(x) = ½(1 + tanh u) + ½x·sech²(u)·√(2/π)(1 + 3·0.044715x²).
    case ActivationId::GeluTanh: {
        const double u = kSqrt2OverPi * (x + kGeluTanhCubic * x * x * x);
        const double du = kSqrt2OverPi * (1.0 + 3.0 * kGeluTanhCubic * x * x);
        return Sigmoid(2.0 * u) + TimesVanishing(Sech2(u), 0.5 * x * du);
    }
    // d/dx x·σ(βx) = σ(βx) + βx·σ(βx)σ(−βx).
    case ActivationId::Silu:
        return Sigmoid(x) + TimesVanishing(Sigmoid(x) * Sigmoid(-x), x);
    case ActivationId::Swish: {
        const double z = p0 * x;
        return Sigmoid(z) + TimesVanishing(Sigmoid(z) * Sigmoid(-z), z);
    }
    // Mish'(x) = tanh(sp(x)) + x·sech²(sp(x))·σ(x).
    case ActivationId::Mish: {
        const double sp = StableSoftplus(x);
        return std::tanh(sp) + TimesVanishing(Sech2(sp) * Sigmoid(x), x);
    }
    // torch: βx > threshold ? 1 : σ(βx).
    case ActivationId::Softplus:
        return p0 * x > p1 ? 1.0 : Sigmoid(p0 * x);
    // Softsign'(x) = 1/(1 + |x|)².
    case ActivationId::Softsign: {
        const double d = 1.0 + std::fabs(x);
        return 1.0 / (d * d);
    }
    // torch hardtanh_backward: gradient only strictly inside (min, max).
    case ActivationId::Relu6:
        return (x > 0.0 && x < 6.0) ? 1.0 : 0.0;
    case ActivationId::Hardtanh:
        return (x > p0 && x < p1) ? 1.0 : 0.0;
    // torch hardsigmoid_backward: 1/6 strictly inside (−3, 3).
    case ActivationId::Hardsigmoid:
        return (x > -3.0 && x < 3.0) ? 1.0 / 6.0 : 0.0;
    // HardSwish'(x) = (2x + 3)/6 inside (−3, 3); 0 left of −3, 1 right of 3. At ±3 see kHardswishKinks.
    case ActivationId::Hardswish:
        if (x <= -3.0) return 0.0;
        if (x >= 3.0) return 1.0;
        return (2.0 * x + 3.0) / 6.0;
    // (log σ)'(x) = σ(−x).
    case ActivationId::LogSigmoid:
        return Sigmoid(-x);
    // Tanhshrink'(x) = tanh²(x).
    case ActivationId::Tanhshrink: {
        const double t = std::tanh(x);
        return t * t;
    }
    // (ReLU²)'(x) = 2·max(0, x): continuous, so no kink; f'' jumps from 0 to 2 at 0.
    case ActivationId::ReluSquared:
        return x > 0.0 ? 2.0 * x : 0.0;
    case ActivationId::Squareplus:
        return SquareplusDerivative(x, p0);
    // Snake'(x) = 1 + 2 sin(αx)cos(αx) = 1 + sin(2αx) ≥ 0; rounding must not push it below 0.
    case ActivationId::Snake:
        return std::max(0.0, 1.0 + SinOfProduct(2.0 * p0, x));
    case ActivationId::Count:
        break;
    }
    return kNaN;
}

// The value at ±∞: f(±1e300) is the limit for every bounded tail; a tail that grows (linearly in
// all of the catalogue) is reported as ±∞.
double ValueAtInfinity(const Activation& act, double sign) {
    const double far = ValueFinite(act, sign * 1e300);
    const double nearer = ValueFinite(act, sign * 1e299);
    if (std::fabs(far) > 2.0 * std::fabs(nearer) && std::fabs(far) > 1.0) return far > 0.0 ? kInf : -kInf;
    // A tail that decays like 1/x (Squareplus on the left) has the limit 0, not its value at 1e300.
    if (std::fabs(far) < 0.5 * std::fabs(nearer)) return 0.0;
    return far == 0.0 ? 0.0 : far; // no −0 for a limit of 0
}

// f' at ±∞: the limit where it exists, ±∞ where f' grows without bound (Squared ReLU), NaN where it
// oscillates for ever (Snake: 1 + sin(2αx) has no limit).
double DerivativeAtInfinity(const Activation& act, double sign) {
    if (act.id == ActivationId::Snake) return kNaN;
    const double far = DerivativeFinite(act, sign * 1e300);
    const double nearer = DerivativeFinite(act, sign * 1e299);
    if (std::fabs(far) > 2.0 * std::fabs(nearer) && std::fabs(far) > 1.0) return far > 0.0 ? kInf : -kInf;
    if (std::fabs(far) < 0.5 * std::fabs(nearer)) return 0.0;
    return far;
}

} // namespace

double Evaluate(const Activation& activation, double x) {
    if (std::isnan(x)) return x;
    if (std::isinf(x)) return ValueAtInfinity(activation, x > 0.0 ? 1.0 : -1.0);
    return ValueFinite(activation, x);
}

double Derivative(const Activation& activation, double x, KinkConvention convention) {
    if (std::isnan(x)) return x;
    if (std::isinf(x)) return DerivativeAtInfinity(activation, x > 0.0 ? 1.0 : -1.0);
    if (convention != KinkConvention::PyTorch) {
        for (const Kink& kink : Kinks(activation))
            if (kink.x == x) return KinkDerivative(kink, convention);
    }
    return DerivativeFinite(activation, x);
}

double ParamDerivative(const Activation& activation, std::size_t param_index, double x) {
    // Only PReLU's a is learnable: ∂/∂a of (x if x > 0 else a·x) is 0 or x.
    if (activation.id == ActivationId::Prelu && param_index == 0) return x > 0.0 ? 0.0 : x;
    return 0.0;
}

std::vector<Kink> Kinks(const Activation& activation) {
    const double p0 = activation.params[0];
    const double p1 = activation.params[1];
    std::vector<Kink> kinks;
    auto add = [&kinks](double x, double left, double right, double pytorch) {
        if (left != right) kinks.push_back({x, left, right, pytorch});
    };
    switch (activation.id) {
    case ActivationId::Relu:
        add(0.0, 0.0, 1.0, 0.0);
        break;
    case ActivationId::LeakyRelu:
    case ActivationId::Prelu:
    case ActivationId::Elu:
        add(0.0, p0, 1.0, p0);
        break; // slope a (or α) on the left, 1 on the right
    case ActivationId::Selu:
        add(0.0, p0 * p1, p0, p0 * p1);
        break;
    case ActivationId::Relu6:
        add(0.0, 0.0, 1.0, 0.0);
        add(6.0, 1.0, 0.0, 0.0);
        break;
    case ActivationId::Hardtanh:
        add(p0, 0.0, 1.0, 0.0);
        add(p1, 1.0, 0.0, 0.0);
        break;
    case ActivationId::Hardsigmoid:
        add(-3.0, 0.0, 1.0 / 6.0, 0.0);
        add(3.0, 1.0 / 6.0, 0.0, 0.0);
        break;
    case ActivationId::Hardswish:
        add(-3.0, 0.0, -0.5, DerivativeFinite(activation, -3.0));
        add(3.0, 1.5, 1.0, DerivativeFinite(activation, 3.0));
        break;
    default:
        break;
    }
    return kinks;
}

std::vector<double> Breakpoints(const Activation& activation) {
    std::vector<double> points;
    for (const Kink& kink : Kinks(activation))
        points.push_back(kink.x);
    switch (activation.id) {
    // Branches at 0 whose f' may be continuous (ELU with α = 1, CELU, a slope of 1) while f'' jumps.
    case ActivationId::LeakyRelu:
    case ActivationId::Prelu:
    case ActivationId::Elu:
    case ActivationId::Selu:
    case ActivationId::Celu:
    case ActivationId::Softsign: // |x|: f'' = −2·sign(x)/(1 + |x|)³ jumps from 2 to −2
    case ActivationId::ReluSquared:
        points.push_back(0.0);
        break;
    default:
        break;
    }
    std::sort(points.begin(), points.end());
    points.erase(std::unique(points.begin(), points.end()), points.end());
    return points;
}

double KinkDerivative(const Kink& kink, KinkConvention convention) {
    switch (convention) {
    case KinkConvention::PyTorch:
        return kink.pytorch_derivative;
    case KinkConvention::Left:
        return kink.left_derivative;
    case KinkConvention::Right:
        return kink.right_derivative;
    case KinkConvention::Mean:
        return 0.5 * (kink.left_derivative + kink.right_derivative);
    case KinkConvention::Zero:
        return 0.0;
    case KinkConvention::One:
        return 1.0;
    case KinkConvention::Undefined:
        return kNaN;
    }
    return kNaN;
}

} // namespace actlab
