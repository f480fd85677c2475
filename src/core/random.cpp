// splitmix64, xoshiro256** and Box–Muller (see random.h).
#include "core/random.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace actlab {

std::uint64_t SplitMix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

std::uint64_t DeriveSeed(std::uint64_t seed, std::uint64_t stream) {
    // Two rounds so that neighbouring (seed, stream) pairs give unrelated seeds.
    std::uint64_t state = seed;
    std::uint64_t mixed = SplitMix64(state) ^ (stream * 0xd1b54a32d192ed03ULL);
    return SplitMix64(mixed);
}

namespace {

// Compiled for AVX2 and for the baseline on x86-64, chosen at load time. No FMA in either, so both give
// the same floats.
#if defined(__GNUC__) && defined(__x86_64__)
#define ACTLAB_RANDOM_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define ACTLAB_RANDOM_CLONES
#endif

constexpr std::size_t kPairsPerChunk = 256;

// Box–Muller on n pairs of 24-bit integers: z₁ = r cos θ into first[i], z₂ = r sin θ into second[i],
// with r = scale·√(−2 ln u₁), u₁ = (a + 1)·2⁻²⁴ ∈ (0, 1], θ = 2π u₂, u₂ = b·2⁻²⁴ ∈ [0, 1).
ACTLAB_RANDOM_CLONES
void BoxMullerFloats(const std::int32_t* a, const std::int32_t* b, float* first, float* second, std::size_t n,
                     float scale) {
    for (std::size_t i = 0; i < n; ++i) {
        // ln u₁ = e·ln 2 + ln m with u₁ = m·2ᵉ, m ∈ [√½, √2); ln m = 2 atanh(t) = 2(t + t³/3 + … + t⁹/9)
        // with t = (m − 1)/(m + 1), |t| ≤ 0.172, so the next term is below 1e-9.
        const float u1 = static_cast<float>(a[i] + 1) * 0x1p-24f;
        const std::int32_t bits = std::bit_cast<std::int32_t>(u1);
        const float mantissa = std::bit_cast<float>((bits & 0x007fffff) | 0x3f800000);
        // Branch-free (selects, not jumps) so that the loop vectorises.
        const std::int32_t high = mantissa > 1.41421356f ? 1 : 0;
        const std::int32_t exponent = (bits >> 23) - 127 + high;
        const float m = high != 0 ? 0.5f * mantissa : mantissa;
        const float t = (m - 1.0f) / (m + 1.0f);
        const float t2 = t * t;
        const float ln_m =
            2.0f * t * (1.0f + t2 * (1.0f / 3 + t2 * (1.0f / 5 + t2 * (1.0f / 7 + t2 * (1.0f / 9)))));
        const float ln_u = static_cast<float>(exponent) * 0.693147180559945f + ln_m;
        const float minus_two_ln_u = -2.0f * ln_u;
        const float r = scale * std::sqrt(minus_two_ln_u > 0.0f ? minus_two_ln_u : 0.0f);

        // θ = 2π x with x = u₂ − [u₂ ≥ ½] ∈ [−½, ½); x = q/4 + y with q the nearest quarter turn and
        // |2π y| ≤ π/4, where the Taylor series of sin and cos to φ⁹ and φ⁸ are good to 3e-8.
        const float v = static_cast<float>(b[i]) * 0x1p-24f;
        const float x = v >= 0.5f ? v - 1.0f : v;
        const std::int32_t q = static_cast<std::int32_t>(4.0f * x + 2.5f) - 2; // round(4x) in −2…2
        const float phi = 6.28318530717958648f * (x - 0.25f * static_cast<float>(q));
        const float p2 = phi * phi;
        // Multiplications by the rounded reciprocals (divisions would not vectorise as cheaply).
        const float sin_phi =
            phi *
            (1.0f - p2 * (1.0f / 6) *
                        (1.0f - p2 * (1.0f / 20) * (1.0f - p2 * (1.0f / 42) * (1.0f - p2 * (1.0f / 72)))));
        const float cos_phi =
            1.0f -
            p2 * 0.5f * (1.0f - p2 * (1.0f / 12) * (1.0f - p2 * (1.0f / 30) * (1.0f - p2 * (1.0f / 56))));
        // Turning by q quarter turns: (cos, sin) → (−sin, cos) per quarter.
        const std::int32_t quarter = q & 3;
        const bool odd = (quarter & 1) != 0;
        const float c = odd ? sin_phi : cos_phi;
        const float s = odd ? cos_phi : sin_phi;
        const float cos_sign = 1.0f - 2.0f * static_cast<float>(((quarter + 1) >> 1) & 1); // − for 1, 2
        const float sin_sign = 1.0f - 2.0f * static_cast<float>(quarter >> 1);             // − for 2, 3
        first[i] = cos_sign * (r * c);
        second[i] = sin_sign * (r * s);
    }
}

} // namespace

namespace {

// Eight xoshiro256** generators side by side, seeded one after the other from `seed` through
// splitmix64 (×5 and ×9 written as shifts and adds). GCC keeps this loop scalar on AVX2 (64-bit
// rotations); it is the Box–Muller loop above that runs in vector registers.
struct Xoshiro8 {
    std::uint64_t s0[8], s1[8], s2[8], s3[8];

    explicit Xoshiro8(std::uint64_t seed) {
        std::uint64_t state = seed;
        for (int lane = 0; lane < 8; ++lane) {
            s0[lane] = SplitMix64(state);
            s1[lane] = SplitMix64(state);
            s2[lane] = SplitMix64(state);
            s3[lane] = SplitMix64(state);
        }
    }
};

// n (a multiple of 8) pairs of 24-bit integers from the eight generators.
ACTLAB_RANDOM_CLONES
void Draw24BitPairs(Xoshiro8& g, std::int32_t* a, std::int32_t* b, std::size_t n) {
    for (std::size_t base = 0; base < n; base += 8) {
        for (std::size_t lane = 0; lane < 8; ++lane) {
            const std::uint64_t x = g.s1[lane];
            const std::uint64_t times5 = (x << 2) + x;
            const std::uint64_t rotated = (times5 << 7) | (times5 >> 57);
            const std::uint64_t result = (rotated << 3) + rotated; // rotl(s₁·5, 7)·9
            const std::uint64_t t = x << 17;
            g.s2[lane] ^= g.s0[lane];
            g.s3[lane] ^= g.s1[lane];
            g.s1[lane] ^= g.s2[lane];
            g.s0[lane] ^= g.s3[lane];
            g.s2[lane] ^= t;
            g.s3[lane] = (g.s3[lane] << 45) | (g.s3[lane] >> 19);
            a[base + lane] = static_cast<std::int32_t>(result >> 40);
            b[base + lane] = static_cast<std::int32_t>((result >> 8) & 0xffffff);
        }
    }
}

} // namespace

void FillNormals(std::uint64_t seed, float* out, std::size_t count, float scale) {
    Xoshiro8 generators(seed);
    std::int32_t a[kPairsPerChunk], b[kPairsPerChunk];
    float first[kPairsPerChunk], second[kPairsPerChunk];
    std::size_t done = 0;
    while (done < count) {
        const std::size_t pairs = std::min(kPairsPerChunk, (count - done + 1) / 2);
        Draw24BitPairs(generators, a, b, (pairs + 7) / 8 * 8);
        BoxMullerFloats(a, b, first, second, pairs, scale);
        const std::size_t take_first = std::min(pairs, count - done);
        std::copy(first, first + take_first, out + done);
        done += take_first;
        const std::size_t take_second = std::min(pairs, count - done);
        std::copy(second, second + take_second, out + done);
        done += take_second;
    }
}

} // namespace actlab
