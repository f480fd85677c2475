// Single-precision matrix products for the propagation experiment: C = A·B, row-major, in
// register-blocked kernels for the baseline x86-64, AVX2 and AVX-512. Every kernel computes each
// element as the same ordered sum (each product rounded, then added; never fused), so all of them
// give identical floats and a result does not depend on the CPU it was computed on.
#pragma once

#include <cstddef>

namespace actlab {

// Matrices passed to MultiplyColumns have m a multiple of kMatmulRowMultiple and n, col_begin and
// col_end multiples of kMatmulColumnMultiple (pad with zeros).
inline constexpr std::size_t kMatmulRowMultiple = 8;
inline constexpr std::size_t kMatmulColumnMultiple = 48;

enum class MatmulKernel { Baseline, Avx2, Avx512 };

// Whether this CPU can run `kernel`; the fastest one it can (asked once).
bool MatmulKernelSupported(MatmulKernel kernel);
MatmulKernel BestMatmulKernel();

// Columns [col_begin, col_end) of C = A·B with A m×k, B k×n, C m×n. The kernel must be supported.
void MultiplyColumns(MatmulKernel kernel, const float* a, const float* b, float* c, std::size_t m,
                     std::size_t k, std::size_t n, std::size_t col_begin, std::size_t col_end);

} // namespace actlab
