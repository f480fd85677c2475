// Monte-Carlo estimate of the probability that a deep ReLU network is born dead (see born_dead.h).
#include "core/born_dead.h"

#include "core/random.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

namespace actlab {

std::optional<BornDeadBias> ParseBornDeadBias(std::string_view name) {
    return ParseIn(kBornDeadBiasNames, name);
}

std::optional<BornDeadDomain> ParseBornDeadDomain(std::string_view name) {
    return ParseIn(kBornDeadDomainNames, name);
}

std::string ValidateBornDeadConfig(const BornDeadConfig& c) {
    if (c.width < 1 || c.width > kMaxBornDeadWidth)
        return "width must be 1 to " + std::to_string(kMaxBornDeadWidth) + ", got " + std::to_string(c.width);
    if (c.depth < 1 || c.depth > kMaxBornDeadDepth)
        return "depth must be 1 to " + std::to_string(kMaxBornDeadDepth) + ", got " + std::to_string(c.depth);
    if (c.trials < 1 || c.trials > kMaxBornDeadTrials)
        return "trials must be 1 to " + std::to_string(kMaxBornDeadTrials) + ", got " +
               std::to_string(c.trials);
    // Each unit of work costs about one multiply-add per input plus drawing the weight, which costs
    // about as much as 8 multiply-adds.
    const double inputs = c.domain == BornDeadDomain::Grid ? static_cast<double>(kBornDeadGridPoints) : 1.0;
    const double networks = static_cast<double>(c.trials) * static_cast<double>(c.depth) *
                            static_cast<double>(c.width) * static_cast<double>(c.width);
    if (networks * (inputs + 8.0) > kMaxBornDeadWork) {
        char limit[32];
        std::snprintf(limit, sizeof limit, "%.3g", kMaxBornDeadWork / (inputs + 8.0));
        return "too much work: trials x depth x width^2 must stay below " + std::string(limit) + " for the " +
               (inputs > 1.0 ? "grid" : "point") + " domain; use fewer trials";
    }
    return {};
}

double BornDeadClosedForm(std::size_t width, std::size_t depth) {
    const double dead_layer = std::ldexp(1.0, -static_cast<int>(std::min<std::size_t>(width, 2000)));
    return -std::expm1(static_cast<double>(depth) * std::log1p(-dead_layer));
}

namespace {

// Standard normal draws for the trials, taken from blocks of FillNormals (24-bit Box–Muller floats):
// a trial draws a few hundred weights, and libm's log, sin and cos per draw made the generator cost
// ten times the network.
class NormalStream {
public:
    // cppcheck-suppress uninitMemberVar ; values_ is filled before its first read (next_ starts at kBlock)
    explicit NormalStream(std::uint64_t seed) : seed_(seed) {}

    double Normal() {
        if (next_ == kBlock) {
            FillNormals(DeriveSeed(seed_, block_++), values_, kBlock);
            next_ = 0;
        }
        return static_cast<double>(values_[next_++]);
    }

private:
    static constexpr std::size_t kBlock = 1024;
    std::uint64_t seed_;
    std::uint64_t block_ = 0;
    std::size_t next_ = kBlock;
    float values_[kBlock];
};

// One trial: draws the network layer by layer and stops at the first dead layer (the layers after it
// cannot revive it), whose number (1 … H) it returns; 0 if the network is alive after H layers.
// `activations` holds inputs × width values, input-major.
std::size_t FirstDeadLayer(const BornDeadConfig& c, NormalStream& rng, const std::vector<double>& inputs,
                           std::vector<double>& activations, std::vector<double>& next,
                           std::vector<double>& weights, std::vector<double>& biases) {
    const std::size_t n = c.width;
    const std::size_t points = inputs.size();
    std::size_t fan_in = 1;
    for (std::size_t p = 0; p < points; ++p)
        activations[p] = inputs[p];
    for (std::size_t layer = 0; layer < c.depth; ++layer) {
        const double scale = std::sqrt(2.0 / static_cast<double>(fan_in));
        for (std::size_t k = 0; k < n * fan_in; ++k)
            weights[k] = scale * rng.Normal();
        for (std::size_t j = 0; j < n; ++j)
            biases[j] = c.bias == BornDeadBias::Normal ? rng.Normal() : 0.0;
        for (std::size_t p = 0; p < points; ++p) {
            const double* in = &activations[p * fan_in];
            double* out = &next[p * n];
            for (std::size_t j = 0; j < n; ++j) {
                double z = biases[j];
                for (std::size_t i = 0; i < fan_in; ++i)
                    z += weights[j * fan_in + i] * in[i];
                out[j] = z > 0.0 ? z : 0.0;
            }
        }
        activations.swap(next);
        fan_in = n;
        // Point: the layer's output is the zero vector. Grid: the layer's output is the same vector at
        // every grid point, so the network is constant on the grid from here on.
        bool dead = true;
        if (c.domain == BornDeadDomain::Point) {
            for (std::size_t j = 0; j < n && dead; ++j)
                dead = activations[j] == 0.0;
        } else {
            for (std::size_t p = 1; p < points && dead; ++p)
                for (std::size_t j = 0; j < n && dead; ++j)
                    dead = activations[p * n + j] == activations[j];
        }
        if (dead) return layer + 1;
    }
    return 0;
}

} // namespace

std::vector<BornDeadResult> SimulateBornDeadByDepth(const BornDeadConfig& c) {
    std::vector<double> inputs;
    if (c.domain == BornDeadDomain::Point) {
        inputs = {1.0};
    } else {
        for (std::size_t p = 0; p < kBornDeadGridPoints; ++p)
            inputs.push_back(-1.0 +
                             2.0 * static_cast<double>(p) / static_cast<double>(kBornDeadGridPoints - 1));
    }
    const std::size_t width = std::max<std::size_t>(c.width, 1);
    std::vector<double> activations(inputs.size() * width), next(inputs.size() * width);
    std::vector<double> weights(width * width), biases(width);

    // died_at[h] = number of trials whose first dead layer is h.
    std::vector<std::size_t> died_at(c.depth + 1, 0);
    NormalStream rng(c.seed);
    for (std::size_t t = 0; t < c.trials; ++t)
        ++died_at[FirstDeadLayer(c, rng, inputs, activations, next, weights, biases)];

    std::vector<BornDeadResult> curve(c.depth);
    const double trials = static_cast<double>(std::max<std::size_t>(c.trials, 1));
    std::size_t dead = 0;
    for (std::size_t h = 1; h <= c.depth; ++h) {
        dead += died_at[h];
        BornDeadResult& r = curve[h - 1];
        r.dead_trials = dead;
        r.probability = static_cast<double>(dead) / trials;
        r.std_error = std::sqrt(r.probability * (1.0 - r.probability) / trials);
        if (c.domain == BornDeadDomain::Point && c.bias == BornDeadBias::Zero)
            r.closed_form = BornDeadClosedForm(c.width, h);
    }
    return curve;
}

BornDeadResult SimulateBornDead(const BornDeadConfig& c) {
    const auto curve = SimulateBornDeadByDepth(c);
    return curve.empty() ? BornDeadResult{} : curve.back();
}

} // namespace actlab
