// The inner loops of the network shared by the forward pass, the heatmaps and training: the affine
// map of a layer and a whole layer's f(z) and f'(z) (network_kernel.cpp). Internal header.
#pragma once

#include "core/activation.h"
#include "core/network.h"

#include <cstddef>

namespace actlab::detail {

// z = W·in + b for one layer.
inline void AffineLayer(const Layer& layer, const double* in, double* z) {
    const double* w = layer.weights.data();
    const std::size_t fan_in = layer.fan_in;
    for (std::size_t j = 0; j < layer.size; ++j) {
        double acc = layer.biases[j];
        const double* row = w + j * fan_in;
        for (std::size_t i = 0; i < fan_in; ++i) acc += row[i] * in[i];
        z[j] = acc;
    }
}

// a = f(z) and d = f'(z) (PyTorch's convention at kinks) for `rows` consecutive rows of one layer's
// neurons (a batch, row by row). Defined in network_kernel.cpp.
void ActivateRows(const Layer& layer, const double* z, double* a, double* d, std::size_t rows);

// The batch form used by a training step, rows × layer.size values per buffer, row-major:
// z[b][j] = bias[j] + Σᵢ w[j][i]·in[b][i].
void AffineRows(const Layer& layer, const double* in, double* z, std::size_t rows);

// Adds the batch's gradient, gw[j][i] += Σ_b δ[b][j]·in[b][i] and gb[j] += Σ_b δ[b][j]; unless
// up_below is null, also back-propagates: up_below[b][i] = Σⱼ w[j][i]·δ[b][j] and
// delta_below[b][i] = d_below[b][i]·up_below[b][i].
void BackwardRows(const Layer& layer, const double* in, const double* delta, double* gw, double* gb,
                  std::size_t rows, const double* d_below, double* up_below, double* delta_below);

inline void ActivateLayer(const Layer& layer, const double* z, double* a, double* d) {
    ActivateRows(layer, z, a, d, 1);
}

// ∂f/∂a for PReLU's learned a: z where z ≤ 0, else 0 (see ParamDerivative).
inline double LearnedParamDerivative(double z) { return z > 0.0 ? 0.0 : z; }

// Fills the input features of one point.
inline void ComputeFeatures(const Network& network, double x1, double x2, double* out) {
    for (std::size_t i = 0; i < network.inputs.size(); ++i) out[i] = FeatureValue(network.inputs[i], x1, x2);
}

}  // namespace actlab::detail
