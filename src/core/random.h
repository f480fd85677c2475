// ActLab's own small pseudo-random generator (splitmix64 seeding, xoshiro256**, Box–Muller), so that
// simulations give the same numbers with every compiler and standard library.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>

namespace actlab {

// splitmix64: advances `state` and returns the next output. Used to expand one seed into many.
std::uint64_t SplitMix64(std::uint64_t& state);

// An independent seed for stream `stream` of a run seeded with `seed` (e.g. one stream per layer), so
// a stream can be regenerated on its own without replaying the others.
std::uint64_t DeriveSeed(std::uint64_t seed, std::uint64_t stream);

// Fills out[0, count) with scale·N(0, 1) floats from the stream `seed`, several times faster than
// Random::Normal: eight xoshiro256** generators run side by side, one 64-bit draw gives a Box–Muller
// pair from two 24-bit uniforms, and log, sin and cos are our own float polynomials (relative error
// below 1e-7) in a loop the compiler vectorises. The 24-bit u₁ ≥ 2⁻²⁴ bounds |z| by √(48 ln 2) ≈ 5.77,
// a tail of probability 8e-9. For the big weight matrices of the propagation experiment and the
// born-dead trials, where libm's log, sin and cos would dominate the run time.
void FillNormals(std::uint64_t seed, float* out, std::size_t count, float scale = 1.0f);

// The one generator type of ActLab: xoshiro256** (Blackman and Vigna) seeded through splitmix64. It
// draws datasets, initial weights and batch shuffles; FillNormals above runs the same step in eight
// lanes for the big weight matrices of the theory experiments.
class Random {
public:
    explicit Random(std::uint64_t seed = 1) { Seed(seed); }

    void Seed(std::uint64_t seed) {
        std::uint64_t s = seed;
        for (auto& word : state_)
            word = SplitMix64(s);
        has_spare_ = false;
    }

    // xoshiro256** (Blackman and Vigna, 2018).
    std::uint64_t Next() {
        const std::uint64_t result = Rotl(state_[1] * 5, 7) * 9;
        const std::uint64_t t = state_[1] << 17;
        state_[2] ^= state_[0];
        state_[3] ^= state_[1];
        state_[1] ^= state_[2];
        state_[0] ^= state_[3];
        state_[2] ^= t;
        state_[3] = Rotl(state_[3], 45);
        return result;
    }

    // Uniform in [0, 1) with 53 random bits.
    double Uniform01() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

    double Uniform(double lo, double hi) { return lo + (hi - lo) * Uniform01(); }

    // Uniform integer in [0, n), n > 0; the modulo bias is below 2⁻⁴⁰ for every n used here.
    std::size_t Index(std::size_t n) {
        return static_cast<std::size_t>(Next() % static_cast<std::uint64_t>(n));
    }

    // Standard normal by Box–Muller: r = √(−2 ln u₁), θ = 2πu₂ gives r cos θ and r sin θ.
    double Normal() {
        if (has_spare_) {
            has_spare_ = false;
            return spare_;
        }
        double u1 = Uniform01();
        while (u1 <= 0.0)
            u1 = Uniform01();
        const double u2 = Uniform01();
        const double r = std::sqrt(-2.0 * std::log(u1));
        const double theta = 6.283185307179586476925286766559 * u2;
        spare_ = r * std::sin(theta);
        has_spare_ = true;
        return r * std::cos(theta);
    }

    double Normal(double mean, double std_dev) { return mean + std_dev * Normal(); }

private:
    static std::uint64_t Rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

    std::uint64_t state_[4]{};
    double spare_ = 0.0;
    bool has_spare_ = false;
};

// Fisher–Yates shuffle with our generator (std::shuffle's result depends on the library).
template <typename T> void Shuffle(T* data, std::size_t n, Random& random) {
    for (std::size_t i = n; i > 1; --i) {
        const std::size_t j = random.Index(i);
        const T tmp = data[i - 1];
        data[i - 1] = data[j];
        data[j] = tmp;
    }
}

} // namespace actlab
