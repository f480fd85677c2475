// The float matrix kernels: every version this CPU can run gives exactly the floats of a plain
// ordered loop, so propagation results do not depend on the CPU.
#include "core/matmul.h"
#include "core/random.h"

#include <gtest/gtest.h>

#include <vector>

namespace actlab {
namespace {

// Cᵢⱼ = Σₚ AᵢₚBₚⱼ summed in p order, each product rounded before it is added.
std::vector<float> Reference(const std::vector<float>& a, const std::vector<float>& b, std::size_t m,
                             std::size_t k, std::size_t n) {
    std::vector<float> c(m * n);
    for (std::size_t i = 0; i < m; ++i)
        for (std::size_t j = 0; j < n; ++j) {
            float sum = 0.0f;
            for (std::size_t p = 0; p < k; ++p) {
                const volatile float product = a[i * k + p] * b[p * n + j]; // no fused multiply-add
                sum += product;
            }
            c[i * n + j] = sum;
        }
    return c;
}

TEST(Matmul, EverySupportedKernelGivesTheSameFloats) {
    const std::size_t m = 2 * kMatmulRowMultiple, k = 37, n = 3 * kMatmulColumnMultiple;
    std::vector<float> a(m * k), b(k * n);
    FillNormals(1, a.data(), a.size());
    FillNormals(2, b.data(), b.size());
    const auto expected = Reference(a, b, m, k, n);
    EXPECT_TRUE(MatmulKernelSupported(MatmulKernel::Baseline));
    EXPECT_TRUE(MatmulKernelSupported(BestMatmulKernel()));
    int checked = 0;
    for (MatmulKernel kernel : {MatmulKernel::Baseline, MatmulKernel::Avx2, MatmulKernel::Avx512}) {
        if (!MatmulKernelSupported(kernel)) continue;
        ++checked;
        std::vector<float> c(m * n, -1.0f);
        MultiplyColumns(kernel, a.data(), b.data(), c.data(), m, k, n, 0, n);
        EXPECT_EQ(c, expected) << "kernel " << static_cast<int>(kernel);
        // A column range leaves the other columns alone.
        std::vector<float> part(m * n, -1.0f);
        MultiplyColumns(kernel, a.data(), b.data(), part.data(), m, k, n, kMatmulColumnMultiple,
                        2 * kMatmulColumnMultiple);
        for (std::size_t i = 0; i < m; ++i)
            for (std::size_t j = 0; j < n; ++j) {
                const bool inside = j >= kMatmulColumnMultiple && j < 2 * kMatmulColumnMultiple;
                EXPECT_EQ(part[i * n + j], inside ? expected[i * n + j] : -1.0f);
            }
    }
    EXPECT_GE(checked, 1);
}

} // namespace
} // namespace actlab
