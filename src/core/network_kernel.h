// The inner loops of the network shared by the forward pass, the heatmaps and training: a whole
// layer's f(z) and f'(z) with the switch on the activation hoisted out of the neuron loop, so the
// common activations run as tight loops and the rest fall back to the catalogue. Internal header.
#pragma once

#include "core/activation.h"
#include "core/network.h"

#include <cmath>
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

// a = f(z) and d = f'(z) (PyTorch's convention at kinks) for one layer.
inline void ActivateLayer(const Layer& layer, const double* z, double* a, double* d) {
    const std::size_t n = layer.size;
    switch (layer.activation.id) {
    case ActivationId::Linear:
        for (std::size_t j = 0; j < n; ++j) {
            a[j] = z[j];
            d[j] = 1.0;
        }
        return;
    case ActivationId::Tanh:
        // tanh'(z) = 1 − tanh²(z), from the value already computed.
        for (std::size_t j = 0; j < n; ++j) {
            const double t = std::tanh(z[j]);
            a[j] = t;
            d[j] = 1.0 - t * t;
        }
        return;
    case ActivationId::Sigmoid:
        // With e = e^(−|z|): σ(z) = 1/(1 + e) for z ≥ 0, e/(1 + e) otherwise; σ'(z) = e/(1 + e)²
        // in both cases: one exp, no overflow, and σ' stays accurate in the tails.
        for (std::size_t j = 0; j < n; ++j) {
            const double e = std::exp(-std::fabs(z[j]));
            const double inv = 1.0 / (1.0 + e);
            a[j] = z[j] >= 0.0 ? inv : e * inv;
            d[j] = e * inv * inv;
        }
        return;
    case ActivationId::Relu:
        for (std::size_t j = 0; j < n; ++j) {
            const bool on = z[j] > 0.0;
            a[j] = on ? z[j] : 0.0;
            d[j] = on ? 1.0 : 0.0;
        }
        return;
    case ActivationId::LeakyRelu: {
        const double slope = layer.activation.params[0];
        for (std::size_t j = 0; j < n; ++j) {
            const bool on = z[j] > 0.0;
            a[j] = on ? z[j] : slope * z[j];
            d[j] = on ? 1.0 : slope;
        }
        return;
    }
    case ActivationId::Prelu:
        for (std::size_t j = 0; j < n; ++j) {
            const bool on = z[j] > 0.0;
            a[j] = on ? z[j] : layer.learned[j] * z[j];
            d[j] = on ? 1.0 : layer.learned[j];
        }
        return;
    default:
        for (std::size_t j = 0; j < n; ++j) {
            a[j] = Evaluate(layer.activation, z[j]);
            d[j] = Derivative(layer.activation, z[j]);
        }
        return;
    }
}

// ∂f/∂a for PReLU's learned a: z where z ≤ 0, else 0 (see ParamDerivative).
inline double LearnedParamDerivative(double z) { return z > 0.0 ? 0.0 : z; }

// Fills the input features of one point.
inline void ComputeFeatures(const Network& network, double x1, double x2, double* out) {
    for (std::size_t i = 0; i < network.inputs.size(); ++i) out[i] = FeatureValue(network.inputs[i], x1, x2);
}

}  // namespace actlab::detail
