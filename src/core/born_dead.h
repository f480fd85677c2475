// Born-dead ReLU networks (Lu, Shin, Su and Karniadakis 2019, "Dying ReLU and Initialization"): the
// Monte-Carlo probability that a deep, narrow ReLU network is dead at initialisation, beside the
// closed form for one input and zero biases.
//
// The network: a scalar input x, then H hidden ReLU layers of width N, aℓ = ReLU(Wℓ aℓ₋₁ + bℓ), with
// weights N(0, 2/fan_in) (He; symmetric, which is all the closed form needs) and biases 0 or N(0, 1).
// Dead means:
//   point  one fixed input x = 1: some hidden layer outputs the zero vector. For zero biases each
//          unit of a layer whose input is not zero is positive with probability ½, independently, so
//          the layer is all zero with probability 2⁻ᴺ and stays zero after; P(dead) = 1 − (1 − 2⁻ᴺ)ᴴ.
//   grid   kBornDeadGridPoints inputs evenly spaced over [−1, 1]: the network has collapsed to a
//          constant function there, i.e. some hidden layer outputs the same vector at every grid
//          point (compared exactly). Generically that happens when each unit of a layer is zero on the
//          whole grid; with normal biases the later layers then output a constant ReLU(b) ≠ 0.
#pragma once

#include "core/enum_names.h"
#include <cstddef>
#include <cstdint>
#include <optional>

#include <string>
#include <string_view>
#include <vector>

namespace actlab {

enum class BornDeadBias { Zero, Normal };  // biases 0, or drawn like the weights
enum class BornDeadDomain { Point, Grid }; // one input x = 1, or 101 points on [-1, 1]
inline constexpr EnumName<BornDeadBias> kBornDeadBiasNames[] = {{BornDeadBias::Zero, "zero"},
                                                                {BornDeadBias::Normal, "normal"}};
inline constexpr EnumName<BornDeadDomain> kBornDeadDomainNames[] = {{BornDeadDomain::Point, "point"},
                                                                    {BornDeadDomain::Grid, "grid"}};

inline constexpr std::size_t kBornDeadGridPoints = 101;
inline constexpr std::size_t kMaxBornDeadWidth = 64;
inline constexpr std::size_t kMaxBornDeadDepth = 1000;
inline constexpr std::size_t kMaxBornDeadTrials = 10'000'000;
// Largest trials × depth × width² × (inputs + 8): a few seconds of work at most.
inline constexpr double kMaxBornDeadWork = 5e9;

std::optional<BornDeadBias> ParseBornDeadBias(std::string_view name);     // "zero", "normal"
std::optional<BornDeadDomain> ParseBornDeadDomain(std::string_view name); // "point", "grid"

struct BornDeadConfig {
    std::size_t width = 2;  // N
    std::size_t depth = 10; // H
    std::size_t trials = 10000;
    BornDeadBias bias = BornDeadBias::Zero;
    BornDeadDomain domain = BornDeadDomain::Point;
    std::uint64_t seed = 1;
};

struct BornDeadResult {
    double probability = 0.0;          // dead trials / trials
    double std_error = 0.0;            // √(p(1 − p)/T)
    std::optional<double> closed_form; // 1 − (1 − 2⁻ᴺ)ᴴ for point input and zero biases only
    std::size_t dead_trials = 0;
};

// Why the configuration is refused, or "" (sizes within the caps above).
std::string ValidateBornDeadConfig(const BornDeadConfig& config);

// The closed form 1 − (1 − 2⁻ᴺ)ᴴ, computed without cancellation as −expm1(H·log1p(−2⁻ᴺ)).
double BornDeadClosedForm(std::size_t width, std::size_t depth);

// Runs the Monte-Carlo experiment; deterministic for a given seed. Call ValidateBornDeadConfig first.
BornDeadResult SimulateBornDead(const BornDeadConfig& config);

// The whole curve at once, for a plot against depth: element h − 1 is the result for depth h = 1 … H,
// from the same T networks (a network dead after h layers stays dead after more). The last element
// equals SimulateBornDead(config).
std::vector<BornDeadResult> SimulateBornDeadByDepth(const BornDeadConfig& config);

} // namespace actlab
