// ActLab's own small pseudo-random generator (splitmix64 seeding, xoshiro256**, Box–Muller), so that
// simulations give the same numbers with every compiler and standard library.
#pragma once

#include <cstddef>
#include <cstdint>

namespace actlab {

// splitmix64: advances `state` and returns the next output. Used to expand one seed into many.
std::uint64_t SplitMix64(std::uint64_t& state);

// An independent seed for stream `stream` of a run seeded with `seed` (e.g. one stream per layer), so
// a stream can be regenerated on its own without replaying the others.
std::uint64_t DeriveSeed(std::uint64_t seed, std::uint64_t stream);

// xoshiro256** (Blackman and Vigna), seeded through splitmix64.
class Rng {
public:
    explicit Rng(std::uint64_t seed);

    std::uint64_t NextU64();
    double Uniform();          // uniform on (0, 1]: never 0, so log() in Box–Muller is finite
    double Normal();           // standard normal, Box–Muller (pairs; the second value is kept)
    bool Coin() { return (NextU64() >> 63) != 0; }

private:
    std::uint64_t s_[4];
    double spare_ = 0.0;
    bool has_spare_ = false;
};

// Fills out[0, count) with scale·N(0, 1) floats from the stream `seed`, several times faster than
// Rng::Normal: eight xoshiro256** generators run side by side, one 64-bit draw gives a Box–Muller
// pair from two 24-bit uniforms, and log, sin and cos are our own float polynomials (relative error
// below 1e-7); the compiler vectorises all of it. The
// 24-bit u₁ ≥ 2⁻²⁴ bounds |z| by √(48 ln 2) ≈ 5.77, a tail of probability 8e-9. For the big weight
// matrices of the propagation experiment, where libm's log, sin and cos would dominate the run time.
void FillNormals(std::uint64_t seed, float* out, std::size_t count, float scale = 1.0f);

}  // namespace actlab
