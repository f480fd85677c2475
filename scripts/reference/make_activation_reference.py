#!/usr/bin/python3
"""Independent high-precision reference values of every ActLab activation function and its derivative.

Writes tests/data/activation_reference.csv, which the C++ core's tests compare against to ~1e-12
relative. The values come from mpmath at 60 significant digits (cross-checked at 100), not from any
floating-point implementation, so the table can catch the core's rounding and overflow mistakes.

How to run (from anywhere; Debian's python3-mpmath is a development tool only, the table is committed):

    /usr/bin/python3 scripts/reference/make_activation_reference.py          # rewrite the table
    /usr/bin/python3 scripts/reference/make_activation_reference.py --check  # is it up to date?

Also writes tests/data/gated_reference.csv for the gated two-input functions (GLU, ReGLU, GeGLU,
SwiGLU), header `function,params,a,b,y,dy_da,dy_db`, with the same number formats.

Table format: header `function,params,x,y,dy`.
  function  command-line name ("leaky_relu").
  params    `name=value;name=value` with PyTorch's parameter names (hardtanh: min, max); empty if none.
  x         a binary64 value in shortest round-trip form; y and dy are the exact values at that double
            (parameters too are taken as the binary64 values printed), rounded to 25 significant digits.
            A value whose magnitude is below the binary64 range (it rounds to zero) is printed as 0.
  dy        f'(x); at a kink it is what PyTorch's autograd returns (see KINK RULES below).
            "nan" would mark an undefined value; the current table has none (the script checks that
            every value, including those at |x| = 1e300, is finite in binary64).

KINK RULES (PyTorch, aten/src/ATen/native/cpu/Activation.cpp and tools/autograd/derivatives.yaml):
  relu       threshold_backward(grad, result, 0): gradient only where the result is > 0, so 0 at 0.
  leaky_relu x > 0 ? 1 : slope, so slope at 0.             prelu  x > 0 ? 1 : a, so a at 0.
  elu/selu/celu  elu_backward uses the negative branch for x <= 0: α, λα and (α·1/α =) 1 at 0.
  hardtanh/relu6 gradient only strictly inside (min, max): 0 at both borders (relu6 = hardtanh(0, 6)).
  hardsigmoid    1/6 only strictly inside (-3, 3): 0 at ±3.
  hardswish      x <= -3 ? 0 : (x < 3 ? x/3 + 1/2 : 1): 0 at -3 and 1 at +3 (PyTorch since
                 pytorch/pytorch#148049, March 2025; earlier releases gave -0.5 and 1.5).
  softplus       x where βx > threshold (dy 1), else log1p(exp(βx))/β (dy σ(βx)); at βx == threshold
                 the smooth branch is taken. βx is compared in binary64, as PyTorch does.
"""

import argparse
import math
import random
import sys
from pathlib import Path

import mpmath
from mpmath import mp, mpf

WORK_DPS = 60          # working precision of the table
CHECK_DPS = 100        # every value is recomputed at this precision and must agree
AGREEMENT = mpf(10) ** -30   # relative agreement required between the two precisions
PRINT_DIGITS = 25

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUTPUT = REPO_ROOT / "tests" / "data" / "activation_reference.csv"

# Sample points shared by every function. -0.751791524693564 is near GELU's minimum and
# -1.278464542761074 near SiLU's; ±1e300 checks that nothing overflows; ±1e-12 checks cancellation.
X_GRID = [
    -1e300, -1e3, -40.0, -20.0, -10.0, -6.0, -4.0, -3.0, -2.5, -1.278464542761074, -1.0,
    -0.751791524693564, -0.5, -0.1, -1e-12, 0.0, 1e-12, 0.1, 0.5, 1.0, 2.0, 3.0, 4.0, 6.0,
    10.0, 20.0, 40.0, 1e3, 1e300,
]
KINK_OFFSET = 1e-9     # points kink ± this (added in binary64) test each side of every kink

SELU_LAMBDA = 1.0507009873554804934193349852946   # PyTorch's SELU_SCALE (as a double)
SELU_ALPHA = 1.6732632423543772848170429916717    # PyTorch's SELU_ALPHA (as a double)


# ---------------------------------------------------------------------------------------------
# Building blocks, written so that no step cancels catastrophically or overflows in mpmath.
# ---------------------------------------------------------------------------------------------

def sigmoid(z):
    """σ(z) = 1/(1 + e^-z); mpmath's exponent range is unbounded, so no branch is needed."""
    return 1 / (1 + mpmath.exp(-z))


def softplus_exact(z):
    """log(1 + e^z) without losing e^z when it is tiny or overflowing when z is huge."""
    if z <= 0:
        return mpmath.log1p(mpmath.exp(z))
    return z + mpmath.log1p(mpmath.exp(-z))


def erfc_positive(z):
    """erfc(z) for z >= 0. mpmath's erfc fails for z beyond ~1e150, so use the asymptotic series
    e^(-z²)/(z√π) · Σ (-1)^n (2n-1)!!/(2z²)^n there; for z > 1e20 its terms fall below 1e-40."""
    if z < mpf(10) ** 20:
        return mpmath.erfc(z)
    t = 1 / (2 * z * z)
    series = 1 - t + 3 * t ** 2 - 15 * t ** 3
    return mpmath.exp(-z * z) / (z * mpmath.sqrt(mpmath.pi)) * series


def normal_cdf(x):
    """Φ(x) = erfc(-x/√2)/2, taking erfc only at non-negative arguments so that Φ(-1e3) keeps
    its digits (1 + erf(x/√2) would cancel)."""
    z = x / mpmath.sqrt(2)
    if z <= 0:
        return erfc_positive(-z) / 2
    return 1 - erfc_positive(z) / 2


def normal_pdf(x):
    """φ(x) = e^(-x²/2)/√(2π)."""
    return mpmath.exp(-x * x / 2) / mpmath.sqrt(2 * mpmath.pi)


# ---------------------------------------------------------------------------------------------
# The activation functions: each takes x and a dict of parameters (binary64 values) and returns
# (f(x), f'(x)) as mpf. Comparisons that choose a branch are made exactly as PyTorch makes them.
# ---------------------------------------------------------------------------------------------

def linear(x, p):
    return mpf(x), mpf(1)


def sigmoid_fn(x, p):
    s, s_neg = sigmoid(mpf(x)), sigmoid(-mpf(x))
    return s, s * s_neg                      # σ' = σ(x)σ(-x): no 1 - σ cancellation


def tanh_fn(x, p):
    X = mpf(x)
    return mpmath.tanh(X), 1 / mpmath.cosh(X) ** 2


def relu(x, p):
    # PyTorch: threshold_backward(grad, result, 0) -> 0 where the result is <= 0, so ReLU'(0) = 0.
    return (mpf(x), mpf(1)) if x > 0 else (mpf(0), mpf(0))


def leaky_relu(x, p):
    slope = mpf(p["slope"])
    return (mpf(x), mpf(1)) if x > 0 else (slope * x, slope)


def prelu(x, p):
    a = mpf(p["a"])
    return (mpf(x), mpf(1)) if x > 0 else (a * x, a)


def elu_family(x, alpha, scale, input_scale):
    """PyTorch's elu(x, alpha, scale, input_scale), which also carries SELU and CELU:
    f = scale·x for x > 0, else alpha·scale·(e^(input_scale·x) − 1); the backward takes the
    negative branch for x <= 0, so f'(0) = alpha·scale·input_scale."""
    X = mpf(x)
    if x > 0:
        return scale * X, scale
    y = alpha * scale * mpmath.expm1(input_scale * X)
    return y, alpha * scale * input_scale * mpmath.exp(input_scale * X)


def elu(x, p):
    return elu_family(x, mpf(p["alpha"]), mpf(1), mpf(1))


def selu(x, p):
    return elu_family(x, mpf(p["alpha"]), mpf(p["lambda"]), mpf(1))


def celu(x, p):
    # CELU = max(0, x) + min(0, α(e^(x/α) − 1)); PyTorch computes it as elu(x, α, 1, 1/α).
    # With the exact 1/α, f'(0) = α·(1/α) = 1.
    alpha = mpf(p["alpha"])
    return elu_family(x, alpha, mpf(1), 1 / alpha)


def gelu(x, p):
    X = mpf(x)
    cdf = normal_cdf(X)
    return X * cdf, cdf + X * normal_pdf(X)   # (xΦ)' = Φ + xφ


def gelu_tanh(x, p):
    """0.5·x·(1 + tanh(u)), u = √(2/π)(x + 0.044715x³). Since 1 + tanh(u) = 2σ(2u), this is
    x·σ(2u), which keeps its digits for negative x; f' = σ(2u) + 2x·σ(2u)σ(-2u)·u'."""
    X = mpf(x)
    k = mpmath.sqrt(2 / mpmath.pi)
    c = mpf("0.044715")
    u = k * (X + c * X ** 3)
    du = k * (1 + 3 * c * X ** 2)
    s, s_neg = sigmoid(2 * u), sigmoid(-2 * u)
    return X * s, s + 2 * X * s * s_neg * du


def swish_beta(x, beta):
    """x·σ(βx); f' = σ(βx) + βx·σ(βx)σ(-βx)."""
    X = mpf(x)
    s, s_neg = sigmoid(beta * X), sigmoid(-beta * X)
    return X * s, s + beta * X * s * s_neg


def silu(x, p):
    return swish_beta(x, mpf(1))


def swish(x, p):
    return swish_beta(x, mpf(p["beta"]))


def mish(x, p):
    """x·tanh(softplus(x)); f' = tanh(sp) + x·sech²(sp)·σ(x)."""
    X = mpf(x)
    sp = softplus_exact(X)
    return X * mpmath.tanh(sp), mpmath.tanh(sp) + X * sigmoid(X) / mpmath.cosh(sp) ** 2


def softplus(x, p):
    beta, threshold = p["beta"], p["threshold"]
    # PyTorch compares (x * beta) > threshold in the input's precision; do the same in binary64.
    if x * beta > threshold:
        return mpf(x), mpf(1)
    B = mpf(beta)
    return softplus_exact(B * x) / B, sigmoid(B * x)


def softsign(x, p):
    X = mpf(x)
    d = 1 + abs(X)
    return X / d, 1 / d ** 2


def hardtanh_range(x, lo, hi):
    """clamp(x, lo, hi); PyTorch's hardtanh_backward passes the gradient only for lo < x < hi."""
    y = min(max(mpf(x), mpf(lo)), mpf(hi))
    return y, mpf(1) if lo < x < hi else mpf(0)


def relu6(x, p):
    return hardtanh_range(x, 0.0, 6.0)      # PyTorch: relu6 = hardtanh(x, 0, 6)


def hardtanh(x, p):
    return hardtanh_range(x, p["min"], p["max"])


def hardsigmoid(x, p):
    # relu6(x + 3)/6; hardsigmoid_backward: 1/6 only for -3 < x < 3.
    y = min(max(mpf(x) + 3, mpf(0)), mpf(6)) / 6
    return y, mpf(1) / 6 if -3 < x < 3 else mpf(0)


def hardswish(x, p):
    # x·relu6(x + 3)/6; hardswish_backward (PyTorch since #148049):
    # x <= -3 -> 0, x < 3 -> x/3 + 1/2, else 1.
    X = mpf(x)
    y = X * min(max(X + 3, mpf(0)), mpf(6)) / 6
    if x <= -3:
        return y, mpf(0)
    if x < 3:
        return y, X / 3 + mpf(1) / 2
    return y, mpf(1)


def log_sigmoid(x, p):
    X = mpf(x)
    return -softplus_exact(-X), sigmoid(-X)   # log σ(x) = −softplus(−x); derivative σ(−x)


def tanhshrink(x, p):
    X = mpf(x)
    return X - mpmath.tanh(X), mpmath.tanh(X) ** 2   # 1 − sech² = tanh²: no cancellation in f'


def relu_squared(x, p):
    # max(0, x)²; f' = 2·max(0, x) is continuous, so there is no kink (only f'' jumps at 0).
    return (mpf(x) ** 2, 2 * mpf(x)) if x > 0 else (mpf(0), mpf(0))


def squareplus(x, p):
    # (x + √(x² + b))/2; f' = (1 + x/√(x² + b))/2. For x < 0 both cancel beyond any fixed precision
    # (at x = -1e300, x² + b loses b even at 100 digits), so use b/(2(s − x)) and b/(2s(s − x)) there.
    X, b = mpf(x), mpf(p["b"])
    s = mpmath.sqrt(X * X + b)
    if x < 0:
        return b / (2 * (s - X)), b / (2 * s * (s - X))
    return (X + s) / 2, (1 + X / s) / 2


def snake(x, p):
    # x + sin²(αx)/α; f' = 1 + sin(2αx). The product αx is exact here, not rounded to binary64.
    X, alpha = mpf(x), mpf(p["alpha"])
    return X + mpmath.sin(alpha * X) ** 2 / alpha, 1 + mpmath.sin(2 * alpha * X)


# ---------------------------------------------------------------------------------------------
# The catalogue: name, function, parameter sets (defaults first, as ordered dicts) and kinks.
# ---------------------------------------------------------------------------------------------

def no_kinks(p):
    return []


def kink_at_zero(p):
    return [0.0]


FUNCTIONS = [
    ("linear", linear, [{}], no_kinks),
    ("sigmoid", sigmoid_fn, [{}], no_kinks),
    ("tanh", tanh_fn, [{}], no_kinks),
    ("relu", relu, [{}], kink_at_zero),
    ("leaky_relu", leaky_relu, [{"slope": 0.01}, {"slope": 0.1}, {"slope": 0.2}], kink_at_zero),
    ("prelu", prelu, [{"a": 0.25}, {"a": 0.1}, {"a": -0.2}], kink_at_zero),
    ("elu", elu, [{"alpha": 1.0}, {"alpha": 0.5}, {"alpha": 2.0}], kink_at_zero),
    ("selu", selu, [{"lambda": SELU_LAMBDA, "alpha": SELU_ALPHA},
                    {"lambda": 1.2, "alpha": 1.5},
                    {"lambda": 2.0, "alpha": 0.5}], kink_at_zero),
    ("celu", celu, [{"alpha": 1.0}, {"alpha": 0.5}, {"alpha": 2.0}], kink_at_zero),
    ("gelu", gelu, [{}], no_kinks),
    ("gelu_tanh", gelu_tanh, [{}], no_kinks),
    ("silu", silu, [{}], no_kinks),
    ("swish", swish, [{"beta": 1.0}, {"beta": 0.5}, {"beta": 2.0}], no_kinks),
    ("mish", mish, [{}], no_kinks),
    # softplus switches to the identity where βx > threshold: a (tiny) jump in f and f'.
    ("softplus", softplus, [{"beta": 1.0, "threshold": 20.0},
                            {"beta": 2.0, "threshold": 10.0},
                            {"beta": 0.5, "threshold": 20.0}],
     lambda p: [p["threshold"] / p["beta"]]),
    ("softsign", softsign, [{}], no_kinks),
    ("relu6", relu6, [{}], lambda p: [0.0, 6.0]),
    ("hardtanh", hardtanh, [{"min": -1.0, "max": 1.0}, {"min": -2.0, "max": 3.0},
                            {"min": -0.5, "max": 0.25}], lambda p: [p["min"], p["max"]]),
    ("hardsigmoid", hardsigmoid, [{}], lambda p: [-3.0, 3.0]),
    ("hardswish", hardswish, [{}], lambda p: [-3.0, 3.0]),
    ("log_sigmoid", log_sigmoid, [{}], no_kinks),
    ("tanhshrink", tanhshrink, [{}], no_kinks),
    # relu_squared has no kink, but its f'' jumps at 0: the points 0 ± KINK_OFFSET test both branches.
    ("relu_squared", relu_squared, [{}], kink_at_zero),
    ("squareplus", squareplus, [{"b": 4.0}, {"b": 1.0}, {"b": 0.01}, {"b": 100.0}], no_kinks),
    ("snake", snake, [{"alpha": 1.0}, {"alpha": 0.5}, {"alpha": 0.3}, {"alpha": 7.5}], no_kinks),
]

# Functions added later are also checked at seeded random points (uniform in [-30, 30] and with
# log-uniform magnitudes from 1e-8 to 1e8), so no hand-picked grid hides a mistake.
RANDOM_POINT_FUNCTIONS = {"relu_squared", "squareplus", "snake"}
RANDOM_SEED = 19
RANDOM_COUNT = 40


def random_points(rng, count):
    points = []
    for i in range(count):
        if i % 2 == 0:
            points.append(rng.uniform(-30.0, 30.0))
        else:
            points.append(rng.choice((-1.0, 1.0)) * 10.0 ** rng.uniform(-8.0, 8.0))
    return points


# ---------------------------------------------------------------------------------------------
# Points, evaluation and formatting.
# ---------------------------------------------------------------------------------------------

def sample_points(kinks, extra=()):
    """The shared grid plus each kink and its two binary64 neighbours kink ± KINK_OFFSET."""
    points = set(X_GRID) | set(extra)
    for k in kinks:
        points.update((k, k - KINK_OFFSET, k + KINK_OFFSET))
    return sorted(points)


def format_double(v):
    """A binary64 input in shortest round-trip form, without a redundant ".0" ("1000", "-1e+300")."""
    text = repr(float(v))
    return text[:-2] if text.endswith(".0") else text


def format_value(v, allow_overflow=False):
    """An exact value rounded to PRINT_DIGITS significant digits, or "0" if it rounds to zero in
    binary64 (so every field parses with std::from_chars without a range error). A value beyond
    the binary64 range is an error, or "inf"/"-inf" where the caller allows it (relu_squared(1e300))."""
    if mpmath.isnan(v):
        return "nan"
    as_double = float(v)
    if not math.isfinite(as_double):
        if allow_overflow:
            return "inf" if v > 0 else "-inf"
        raise ValueError(f"value {mpmath.nstr(v, 10)} is outside the binary64 range")
    if as_double == 0.0:
        return "0"
    text = mpmath.nstr(v, PRINT_DIGITS)
    mantissa, e, exponent = text.partition("e")
    if mantissa.endswith(".0"):
        mantissa = mantissa[:-2]
    return mantissa + e + exponent


def agree(a, b):
    """True if two evaluations at different precisions agree to AGREEMENT relative, or both lie
    below the binary64 range (printed as 0). The latter covers results like GELU(-1e300) ~ e^(-5e599),
    whose digits would need the exponent's argument to 600 digits and which no double can hold."""
    if mpmath.isnan(a) or mpmath.isnan(b):
        return mpmath.isnan(a) and mpmath.isnan(b)
    if float(a) == 0.0 and float(b) == 0.0:
        return True
    with mp.workdps(CHECK_DPS):
        return abs(a - b) <= AGREEMENT * max(abs(a), abs(b))


def evaluate(function, x, params):
    """(f, f') at WORK_DPS, after checking that CHECK_DPS gives the same digits."""
    with mp.workdps(CHECK_DPS):
        y_check, dy_check = function(x, params)
    with mp.workdps(WORK_DPS):
        y, dy = function(x, params)
        y, dy = +y, +dy    # round to the working precision
    for what, value, check in (("f", y, y_check), ("f'", dy, dy_check)):
        if not agree(value, check):
            raise ArithmeticError(
                f"{what}({x!r}) is not stable between {WORK_DPS} and {CHECK_DPS} digits")
    return y, dy


def build_table():
    lines = ["function,params,x,y,dy"]
    rng = random.Random(RANDOM_SEED)
    for name, function, param_sets, kinks in FUNCTIONS:
        for params in param_sets:
            params_text = ";".join(f"{key}={format_double(value)}" for key, value in params.items())
            extra = random_points(rng, RANDOM_COUNT) if name in RANDOM_POINT_FUNCTIONS else ()
            for x in sample_points(kinks(params), extra):
                y, dy = evaluate(function, x, params)
                overflow = name == "relu_squared"   # (1e300)² is beyond binary64: the answer is inf
                y_text, dy_text = format_value(y, overflow), format_value(dy)
                if "nan" in (y_text, dy_text):
                    # Every function here has a finite value and derivative everywhere, ±1e300 included.
                    raise ArithmeticError(f"{name}({x!r}) with {params_text or 'no parameters'} is NaN")
                lines.append(f"{name},{params_text},{format_double(x)},{y_text},{dy_text}")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
# The gated family f(a, b) = g(a)·b: ∂f/∂a = g'(a)·b, ∂f/∂b = g(a). The gate is one of the
# functions above (ReLU with PyTorch's g'(0) = 0), so its digits come from the same code.
# ---------------------------------------------------------------------------------------------

GATED = [
    ("glu", sigmoid_fn, [{}], no_kinks),
    ("reglu", relu, [{}], kink_at_zero),
    ("geglu", gelu, [{}], no_kinks),
    ("swiglu", swish, [{"beta": 1.0}, {"beta": 0.5}, {"beta": 1.702}], no_kinks),
]
GATED_A = [-1e300, -1e3, -40.0, -6.0, -1.278464542761074, -0.751791524693564, -0.1, -1e-12, 0.0,
           1e-12, 0.5, 2.0, 6.0, 40.0, 1e3]
GATED_B = [-3.5, -1.0, 0.0, 1e-12, 0.75, 2.0, 1e3]
GATED_OUTPUT = REPO_ROOT / "tests" / "data" / "gated_reference.csv"


def gated_points(kinks, rng):
    """Every (a, b) of GATED_A × GATED_B, each kink ± KINK_OFFSET against every b, and 40 seeded
    random pairs (a uniform in [-8, 8], b in [-5, 5])."""
    a_values = set(GATED_A)
    for k in kinks:
        a_values.update((k, k - KINK_OFFSET, k + KINK_OFFSET))
    pairs = [(a, b) for a in sorted(a_values) for b in GATED_B]
    pairs += [(rng.uniform(-8.0, 8.0), rng.uniform(-5.0, 5.0)) for _ in range(RANDOM_COUNT)]
    return pairs


def build_gated_table():
    lines = ["function,params,a,b,y,dy_da,dy_db"]
    rng = random.Random(RANDOM_SEED + 1)
    for name, gate, param_sets, kinks in GATED:
        for params in param_sets:
            params_text = ";".join(f"{key}={format_double(value)}" for key, value in params.items())
            for a, b in gated_points(kinks(params), rng):
                g, dg = evaluate(gate, a, params)
                B = mpf(b)
                values = [format_value(g * B), format_value(dg * B), format_value(g)]
                lines.append(f"{name},{params_text},{format_double(a)},{format_double(b)}," + ",".join(values))
    return "\n".join(lines) + "\n"


def write_or_check(path, table, check):
    rows = table.count("\n") - 1
    if check:
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if current != table:
            print(f"{path} is out of date; run {Path(__file__).name} to regenerate it", file=sys.stderr)
            return 1
        print(f"{path} is up to date ({rows} rows)")
        return 0
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(table, encoding="utf-8")
    print(f"wrote {rows} rows to {path}")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="where to write the table")
    parser.add_argument("--gated-output", type=Path, default=GATED_OUTPUT,
                        help="where to write the table of the gated functions")
    parser.add_argument("--check", action="store_true",
                        help="only compare the table with the file; exit 1 if they differ")
    args = parser.parse_args()

    status = write_or_check(args.output, build_table(), args.check)
    return status | write_or_check(args.gated_output, build_gated_table(), args.check)


if __name__ == "__main__":
    sys.exit(main())
