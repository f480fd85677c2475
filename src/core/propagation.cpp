// The deep random network of propagation.h: forward pass with per-layer statistics, then the backward
// pass. At the caps (D = 100, W = 1000, N in the hundreds) it is ~10¹⁰ multiply-adds per pass, so
// the products run in a cache-blocked kernel, and the weights are drawn again from their per-layer
// seed in the backward pass instead of being kept (D·W² floats would be 400 MB).
#include "core/propagation.h"

#include "core/matmul.h"
#include "core/random.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <system_error>
#include <thread>
#include <utility>

namespace actlab {

Parsed<WeightInit> ParseWeightInit(std::string_view text) {
    Parsed<WeightInit> result;
    // "normal" takes its σ after a colon; the other schemes are their name alone.
    const std::size_t colon = text.find(':');
    const std::optional<SignalInitScheme> scheme = ParseIn(kSignalInitNames, text.substr(0, colon));
    const bool normal = scheme == SignalInitScheme::Normal;
    if (!scheme || normal != (colon != std::string_view::npos)) {
        std::string shown(text.substr(0, 40));
        result.error = "unknown initialisation '" + shown + "'; allowed: lecun, he, xavier, normal:STD";
    } else if (normal) {
        const auto std_value = ParseFiniteNumber(text.substr(colon + 1));
        if (!std_value) {
            result.error = "init normal:STD: " + std_value.error;
        } else if (std_value.value < 0.0) {
            result.error = "init normal:STD: the standard deviation must be >= 0";
        } else {
            result.value = {SignalInitScheme::Normal, std_value.value};
        }
    } else {
        result.value.scheme = *scheme;
    }
    return result;
}

std::string WeightInitName(const WeightInit& init) {
    const std::string name(NameIn(kSignalInitNames, init.scheme));
    return init.scheme == SignalInitScheme::Normal ? name + ":" + FormatNumber17(init.stddev) : name;
}

double WeightStd(const WeightInit& init, std::size_t fan_in, std::size_t fan_out) {
    const double in = static_cast<double>(fan_in);
    const double out = static_cast<double>(fan_out);
    switch (init.scheme) {
    case SignalInitScheme::LeCun:
        return std::sqrt(1.0 / in);
    case SignalInitScheme::He:
        return std::sqrt(2.0 / in);
    case SignalInitScheme::Xavier:
        return std::sqrt(2.0 / (in + out));
    case SignalInitScheme::Normal:
        return init.stddev;
    }
    return 0.0;
}

std::string ValidatePropagationConfig(const PropagationConfig& c) {
    if (std::string error = ValidateParams(c.activation); !error.empty()) return error;
    if (c.depth < 1 || c.depth > kMaxPropagationDepth)
        return "depth must be 1 to " + std::to_string(kMaxPropagationDepth) + ", got " +
               std::to_string(c.depth);
    if (c.width < 1 || c.width > kMaxPropagationWidth)
        return "width must be 1 to " + std::to_string(kMaxPropagationWidth) + ", got " +
               std::to_string(c.width);
    if (c.samples < 1 || c.samples > kMaxPropagationSamples)
        return "samples must be 1 to " + std::to_string(kMaxPropagationSamples) + ", got " +
               std::to_string(c.samples);
    if (c.threads > 64) return "threads must be 0 (automatic) to 64, got " + std::to_string(c.threads);
    if (c.init.scheme == SignalInitScheme::Normal && (!std::isfinite(c.init.stddev) || c.init.stddev < 0.0))
        return "init normal:STD needs a finite STD >= 0";
    return {};
}

namespace {

// The products are done on matrices padded with zeros to whole kernel blocks (see matmul.h).
constexpr std::size_t kPadRows = kMatmulRowMultiple;
constexpr std::size_t kPadCols = kMatmulColumnMultiple;

std::size_t RoundUp(std::size_t value, std::size_t multiple) {
    return (value + multiple - 1) / multiple * multiple;
}

// Runs body(begin, end) over [0, count) split into `threads` contiguous parts, each on its own thread
// (the calling thread takes the first). Every element is computed the same way whatever the split, so
// the results do not depend on the number of threads.
// If the system refuses a thread, the calling thread does that part itself.
void ParallelFor(std::size_t count, std::size_t threads,
                 const std::function<void(std::size_t, std::size_t)>& body) {
    threads = std::max<std::size_t>(1, std::min(threads, count));
    std::vector<std::thread> workers;
    std::vector<std::pair<std::size_t, std::size_t>> refused;
    workers.reserve(threads - 1);
    for (std::size_t t = 1; t < threads; ++t) {
        const std::size_t begin = count * t / threads, end = count * (t + 1) / threads;
        try {
            workers.emplace_back(body, begin, end);
        } catch (const std::system_error&) {
            refused.emplace_back(begin, end);
        }
    }
    body(0, count / threads);
    for (const auto& [begin, end] : refused)
        body(begin, end);
    for (auto& worker : workers)
        worker.join();
}

// C = A·B (see MultiplyBlocked), the column strips shared out between threads.
void Multiply(const float* a, const float* b, float* c, std::size_t m, std::size_t k, std::size_t n,
              std::size_t threads) {
    const MatmulKernel kernel = BestMatmulKernel();
    ParallelFor(n / kPadCols, threads, [&](std::size_t begin, std::size_t end) {
        MultiplyColumns(kernel, a, b, c, m, k, n, begin * kPadCols, end * kPadCols);
    });
}

// Stream numbers of DeriveSeed: the inputs, the read-out, and one stream per layer's weights, so the
// backward pass can draw layer ℓ's weights again on their own.
constexpr std::uint64_t kInputStream = 0;
constexpr std::uint64_t kReadoutStream = 1;
constexpr std::uint64_t kFirstLayerStream = 2;

// Wℓ as a padded (fan_in × fan_out) matrix: row i holds the weights from input unit i to every unit,
// so hℓ = aℓ₋₁ · this. Each row has a stream of its own, so rows can be drawn on several threads.
void DrawWeights(const PropagationConfig& c, std::size_t layer, std::size_t padded, std::vector<float>& wt,
                 std::size_t threads) {
    std::fill(wt.begin(), wt.end(), 0.0f);
    const std::uint64_t layer_seed = DeriveSeed(c.seed, kFirstLayerStream + layer);
    const auto scale = static_cast<float>(WeightStd(c.init, c.width, c.width));
    ParallelFor(c.width, threads, [&](std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i)
            FillNormals(DeriveSeed(layer_seed, i), &wt[i * padded], c.width, scale);
    });
}

std::size_t ThreadCount(const PropagationConfig& c) {
    if (c.threads != 0) return c.threads;
    return std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
}

// Mean and (population) variance of the real entries of a padded samples × units matrix.
void Moments(const std::vector<float>& values, const PropagationConfig& c, std::size_t padded,
             LayerStatistics& out) {
    double sum = 0.0;
    for (std::size_t s = 0; s < c.samples; ++s)
        for (std::size_t j = 0; j < c.width; ++j)
            sum += static_cast<double>(values[s * padded + j]);
    const double count = static_cast<double>(c.samples * c.width);
    const double mean = sum / count;
    double squares = 0.0;
    for (std::size_t s = 0; s < c.samples; ++s)
        for (std::size_t j = 0; j < c.width; ++j) {
            const double d = static_cast<double>(values[s * padded + j]) - mean;
            squares += d * d;
        }
    out.mean = mean;
    out.variance = squares / count;
}

// √(mean over samples of ‖row‖²).
double RmsRowNorm(const std::vector<float>& values, const PropagationConfig& c, std::size_t padded) {
    double squares = 0.0;
    for (std::size_t s = 0; s < c.samples; ++s)
        for (std::size_t j = 0; j < c.width; ++j) {
            const double v = static_cast<double>(values[s * padded + j]);
            squares += v * v;
        }
    return std::sqrt(squares / static_cast<double>(c.samples));
}

// Tells `progress` (if any) that `done` of `total` layer passes are finished; false means stop.
bool Report(const PropagationProgress& progress, std::size_t done, std::size_t total) {
    return !progress || progress(static_cast<double>(done) / static_cast<double>(total));
}

} // namespace

std::vector<LayerStatistics> SimulatePropagation(const PropagationConfig& c,
                                                 const PropagationProgress& progress) {
    const std::size_t threads = ThreadCount(c);
    const std::size_t units = RoundUp(c.width, kPadCols);
    const std::size_t rows = RoundUp(c.samples, kPadRows);
    const std::size_t matrix = rows * units;
    std::vector<LayerStatistics> stats(c.depth + 1);
    for (std::size_t l = 0; l <= c.depth; ++l)
        stats[l].layer = l;

    // Forward: a₀ = x, then hℓ = aℓ₋₁ Wℓ (kept for the backward pass) and aℓ = f(hℓ).
    std::vector<float> a(matrix, 0.0f);
    {
        const std::uint64_t input_seed = DeriveSeed(c.seed, kInputStream);
        for (std::size_t s = 0; s < c.samples; ++s)
            FillNormals(DeriveSeed(input_seed, s), &a[s * units], c.width);
    }
    Moments(a, c, units, stats[0]);
    std::vector<float> wt(units * units);
    std::vector<float> pre(c.depth * matrix); // h₁ … h_D
    for (std::size_t l = 1; l <= c.depth; ++l) {
        DrawWeights(c, l, units, wt, threads);
        float* h = &pre[(l - 1) * matrix];
        Multiply(a.data(), wt.data(), h, rows, units, units, threads);
        // Padding stays 0 so that it never reaches a real unit (f(0) need not be 0).
        ParallelFor(c.samples, threads, [&](std::size_t begin, std::size_t end) {
            for (std::size_t s = begin; s < end; ++s)
                for (std::size_t j = 0; j < c.width; ++j)
                    a[s * units + j] =
                        static_cast<float>(Evaluate(c.activation, static_cast<double>(h[s * units + j])));
        });
        Moments(a, c, units, stats[l]);
        if (!Report(progress, l, 2 * c.depth)) return {};
    }

    // Backward: ∂L/∂a_D = r, then δℓ = f′(hℓ) ⊙ ∂L/∂aℓ and ∂L/∂aℓ₋₁ = δℓ Wℓᵀ.
    std::vector<float> g(matrix, 0.0f);
    {
        const std::uint64_t readout_seed = DeriveSeed(c.seed, kReadoutStream);
        const auto scale = static_cast<float>(1.0 / std::sqrt(static_cast<double>(c.width)));
        for (std::size_t s = 0; s < c.samples; ++s)
            FillNormals(DeriveSeed(readout_seed, s), &g[s * units], c.width, scale);
    }
    std::vector<float> delta(matrix, 0.0f);
    std::vector<float> w(units * units);
    for (std::size_t l = c.depth; l >= 1; --l) {
        const float* h = &pre[(l - 1) * matrix];
        ParallelFor(c.samples, threads, [&](std::size_t begin, std::size_t end) {
            for (std::size_t s = begin; s < end; ++s)
                for (std::size_t j = 0; j < c.width; ++j) {
                    const std::size_t at = s * units + j;
                    delta[at] = static_cast<float>(Derivative(c.activation, static_cast<double>(h[at])) *
                                                   static_cast<double>(g[at]));
                }
        });
        stats[l].grad_norm = RmsRowNorm(delta, c, units);
        DrawWeights(c, l, units, wt, threads);
        for (std::size_t i = 0; i < units; ++i)
            for (std::size_t j = 0; j < units; ++j)
                w[j * units + i] = wt[i * units + j];
        Multiply(delta.data(), w.data(), g.data(), rows, units, units, threads);
        if (!Report(progress, 2 * c.depth - l + 1, 2 * c.depth)) return {};
    }
    stats[0].grad_norm = RmsRowNorm(g, c, units);
    return stats;
}

} // namespace actlab
