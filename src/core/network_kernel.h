// The inner loops of the network shared by the forward pass, the heatmaps and training: the affine
// map of a layer and a whole layer's f(z) and f'(z) (network_kernel.cpp). Internal header.
#pragma once

#include "core/activation.h"
#include "core/network.h"

#include <algorithm>
#include <cstddef>
#include <vector>

namespace actlab::detail {

// z = W·in + b for one layer.
inline void AffineLayer(const Layer& layer, const double* in, double* z) {
    const double* w = layer.weights.data();
    const std::size_t fan_in = layer.fan_in;
    for (std::size_t j = 0; j < layer.size; ++j) {
        double acc = layer.biases[j];
        const double* row = w + j * fan_in;
        for (std::size_t i = 0; i < fan_in; ++i)
            acc += row[i] * in[i];
        z[j] = acc;
    }
}

// a = f(z) and d = f'(z) (PyTorch's convention at kinks) for `rows` consecutive rows of one layer's
// neurons (a batch, row by row). Defined in network_kernel.cpp.
void ActivateRows(const Layer& layer, const double* z, double* a, double* d, std::size_t rows);

// A layer laid out for the batched training step, which works across a row's neurons: each row of
// a layer's z, f(z), f'(z), ∂E/∂a and δ is padded to `lanes` doubles (one or two 4-double vectors),
// so that z = b + Σᵢ xᵢ·W[:, i] is a few vector multiply-adds per input. Padding lanes hold zero
// weights and biases, so they never reach a real neuron.
inline constexpr std::size_t kPackedMaxLanes = 8;
inline constexpr std::size_t PackedLanes(std::size_t size) {
    return size <= 4 ? 4 : kPackedMaxLanes;
}
static_assert(kPackedMaxLanes >= kMaxLayerWidth && kPackedMaxLanes >= kInputFeatureCount);

struct PackedLayer {
    std::size_t fan_in = 0, size = 0;
    std::size_t lanes = 0;     // PackedLanes(size)
    std::size_t in_lanes = 0;  // the row width of the layer below (or of the input features)
    std::vector<double> wt;    // fan_in × lanes, wt[i·lanes + j] = w[j][i]: the forward pass
    std::vector<double> w;     // size × in_lanes, w[j·in_lanes + i] = w[j][i]: back-propagation to the
                               // layer below (training leaves the first layer's stale: it has none)
    std::vector<double> bias;  // lanes
    std::vector<double> slope; // lanes: PReLU's a per neuron (the only per-neuron parameter)
    // Sizes the buffers for `layer` fed by rows of `in_lanes` values, padding zeroed.
    void Resize(const Layer& layer, std::size_t in_lanes_below);
    // Copies the layer's current weights, biases and slopes in (allocates nothing once sized).
    void Load(const Layer& layer);
};

// How the packed passes hold a row: as 4-double vectors (every CPU), or a row of 8 as one 8-double
// vector (CPUs with AVX-512). Both compute the same bits; the choice is speed only, and tests run
// both where the CPU can.
enum class RowVectors { Quad, Oct };
bool RowVectorsSupported(RowVectors vectors);
RowVectors BestRowVectors(); // Oct where supported

// Forward through one packed layer for `rows` rows: z = b + W·in, a = f(z), d = f'(z). `in` has
// rows × in_lanes values, z, a and d rows × lanes.
void ForwardPacked(const Layer& layer, const PackedLayer& packed, const double* in, double* z, double* a,
                   double* d, std::size_t rows, RowVectors vectors = BestRowVectors());

// Backward through one packed layer: gwt[i][j] = Σ_b δ[b][j]·in[b][i] (transposed like wt, fan_in ×
// lanes, overwritten) and gb[j] = Σ_b δ[b][j] (lanes, overwritten), sums in sample order; unless
// up_below is null, also up_below[b] = Σⱼ δ[b][j]·W[j, :] and delta_below[b] = d_below[b]·up_below[b]
// (rows × in_lanes each).
void BackwardPacked(const PackedLayer& packed, const double* in, const double* delta, double* gwt, double* gb,
                    std::size_t rows, const double* d_below, double* up_below, double* delta_below,
                    RowVectors vectors = BestRowVectors());

// SGD on a packed layer's weights: wt ← decay·wt − scale·gwt, all lanes (a padding lane's gradient
// is 0 while the network is finite, so its weight stays 0); sums[j] (lanes values, overwritten) is
// the sum of neuron j's new weights, for the divergence check. The caller copies wt to the network.
void UpdatePacked(PackedLayer& packed, const double* gwt, double decay, double scale, double* sums,
                  RowVectors vectors = BestRowVectors());

// One step of momentum or Adam on n parameters p (a packed layer's weights, biases or slopes) with
// summed gradients gsum: gₜ = gsum·inv_batch + λ·p, then the update of training.h's Optimizer. Every
// value on its own (element-wise IEEE operations: the same bits on every CPU), padding included (its
// gradient and state stay 0, so it stays 0).
struct OptimizerStep {
    double inv_batch = 1.0; // 1/B
    double l2 = 0.0;        // λ (0 for biases and slopes)
    double eta = 0.0;       // η
    double mu = 0.0;        // momentum's μ
    double beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
    double step_size = 0.0;    // Adam: η/(1 − β1ᵗ)
    double inv_sqrt_bc2 = 1.0; // Adam: 1/√(1 − β2ᵗ)
};
void MomentumUpdate(double* p, const double* gsum, double* buf, std::size_t n, const OptimizerStep& step);
void AdamUpdate(double* p, const double* gsum, double* m, double* v, std::size_t n,
                const OptimizerStep& step);

inline void ActivateLayer(const Layer& layer, const double* z, double* a, double* d) {
    ActivateRows(layer, z, a, d, 1);
}

// ∂f/∂a for PReLU's learned a: z where z ≤ 0, else 0 (see ParamDerivative).
inline double LearnedParamDerivative(double z) {
    return z > 0.0 ? 0.0 : z;
}

// Fills the input features of one point.
inline void ComputeFeatures(const Network& network, double x1, double x2, double* out) {
    for (std::size_t i = 0; i < network.inputs.size(); ++i)
        out[i] = FeatureValue(network.inputs[i], x1, x2);
}

// Runs the first `layers` layers of the network at the centre of every cell of an n × n grid over
// [lo, hi]² (row 0 at the top, x2 = hi), calling visit(cell, layer, z, a) with each layer's
// pre-activations and activations (cell = row · n + column). visit may change `a` in place before
// it feeds the next layer (the softmax of the last one). The heatmaps and the linear-region count
// walk the grid the same way.
template <class Visit>
void ForEachGridCell(const Network& network, std::size_t n, double lo, double hi, std::size_t layers,
                     Visit&& visit) {
    std::size_t widest = network.inputs.size();
    for (const Layer& layer : network.layers)
        widest = std::max(widest, layer.size);
    std::vector<double> buffer(4 * widest);
    double* in = buffer.data();
    double* z = in + widest;
    double* a = z + widest;
    double* d = a + widest;
    const double h = (hi - lo) / static_cast<double>(n);
    for (std::size_t r = 0; r < n; ++r) {
        const double x2 = hi - (static_cast<double>(r) + 0.5) * h;
        for (std::size_t c = 0; c < n; ++c) {
            const double x1 = lo + (static_cast<double>(c) + 0.5) * h;
            ComputeFeatures(network, x1, x2, in);
            for (std::size_t l = 0; l < layers; ++l) {
                const Layer& layer = network.layers[l];
                AffineLayer(layer, in, z);
                ActivateLayer(layer, z, a, d);
                visit(r * n + c, l, static_cast<const double*>(z), a);
                std::copy(a, a + layer.size, in);
            }
        }
    }
}

} // namespace actlab::detail
