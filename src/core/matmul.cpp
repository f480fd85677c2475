// Register-blocked float matrix products (see matmul.h). This file is compiled with
// -ffp-contract=off: AVX-512 brings FMA, and a fused multiply-add would round differently from the
// baseline and AVX2 kernels.
#include "core/matmul.h"

namespace actlab {

namespace {

// Columns [col_begin, col_end) of C = A·B with A m×k, B k×n, C m×n, row-major; m a multiple of
// Rows, n and the column bounds of Cols. Each Rows×Cols block of C is accumulated in registers over
// all of k, with B's k×Cols strip staying in cache while every block of rows reuses it. Every element
// is the same sum in the same order (products rounded, then added; no FMA) whatever the block shape,
// so all versions below give identical floats.
template <std::size_t Rows, std::size_t Cols>
[[gnu::always_inline]] inline void MultiplyBlocked(const float* a, const float* b, float* c, std::size_t m,
                                                   std::size_t k, std::size_t n, std::size_t col_begin,
                                                   std::size_t col_end) {
    for (std::size_t j0 = col_begin; j0 < col_end; j0 += Cols) {
        for (std::size_t i0 = 0; i0 < m; i0 += Rows) {
            float acc[Rows][Cols] = {};
            const float* a_block = a + i0 * k;
            for (std::size_t p = 0; p < k; ++p) {
                const float* b_row = b + p * n + j0;
                for (std::size_t r = 0; r < Rows; ++r) {
                    const float a_value = a_block[r * k + p];
                    for (std::size_t q = 0; q < Cols; ++q)
                        acc[r][q] += a_value * b_row[q];
                }
            }
            for (std::size_t r = 0; r < Rows; ++r)
                for (std::size_t q = 0; q < Cols; ++q)
                    c[(i0 + r) * n + j0 + q] = acc[r][q];
        }
    }
}

// Block shapes that keep the accumulators in registers: 8×48 = 24 of AVX-512's 32 registers, 4×24 =
// 12 of AVX2's 16. (GCC turns 4×16 into a slow shuffle-heavy loop; 4×24 is fine.) The AVX-512
// version measured 1.5–2× faster than the AVX2 one on an AVX-512 CPU; the CPU is asked once which
// one to use.
void MultiplyBaseline(const float* a, const float* b, float* c, std::size_t m, std::size_t k, std::size_t n,
                      std::size_t col_begin, std::size_t col_end) {
    MultiplyBlocked<4, 8>(a, b, c, m, k, n, col_begin, col_end);
}

#if defined(__GNUC__) && defined(__x86_64__)
[[gnu::target("avx2")]] void MultiplyAvx2(const float* a, const float* b, float* c, std::size_t m,
                                          std::size_t k, std::size_t n, std::size_t col_begin,
                                          std::size_t col_end) {
    MultiplyBlocked<4, 24>(a, b, c, m, k, n, col_begin, col_end);
}

[[gnu::target("avx512f,avx512vl,avx512bw,avx512dq")]] void
MultiplyAvx512(const float* a, const float* b, float* c, std::size_t m, std::size_t k, std::size_t n,
               std::size_t col_begin, std::size_t col_end) {
    MultiplyBlocked<8, 48>(a, b, c, m, k, n, col_begin, col_end);
}

#endif

} // namespace

bool MatmulKernelSupported(MatmulKernel kernel) {
#if defined(__GNUC__) && defined(__x86_64__)
    __builtin_cpu_init();
    switch (kernel) {
    case MatmulKernel::Baseline:
        return true;
    case MatmulKernel::Avx2:
        return __builtin_cpu_supports("avx2");
    case MatmulKernel::Avx512:
        return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl") &&
               __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512dq");
    }
    return false;
#else
    return kernel == MatmulKernel::Baseline;
#endif
}

MatmulKernel BestMatmulKernel() {
    // A property of the CPU, computed once; not program state.
    static const MatmulKernel best = MatmulKernelSupported(MatmulKernel::Avx512) ? MatmulKernel::Avx512
                                     : MatmulKernelSupported(MatmulKernel::Avx2) ? MatmulKernel::Avx2
                                                                                 : MatmulKernel::Baseline;
    return best;
}

void MultiplyColumns(MatmulKernel kernel, const float* a, const float* b, float* c, std::size_t m,
                     std::size_t k, std::size_t n, std::size_t col_begin, std::size_t col_end) {
#if defined(__GNUC__) && defined(__x86_64__)
    if (kernel == MatmulKernel::Avx512) return MultiplyAvx512(a, b, c, m, k, n, col_begin, col_end);
    if (kernel == MatmulKernel::Avx2) return MultiplyAvx2(a, b, c, m, k, n, col_begin, col_end);
#endif
    (void)kernel;
    MultiplyBaseline(a, b, c, m, k, n, col_begin, col_end);
}

} // namespace actlab
