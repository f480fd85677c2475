// One sample's forward and backward pass through the network in PassBuffers (the per-sample path of
// gradients, statistics and the chain-rule trace; the batched step uses the packed kernel instead).
// Internal header of training.cpp and training_inspect.cpp.
#pragma once

#include "core/network_kernel.h"
#include "core/training.h"

namespace actlab::detail {

// ∂E/∂ŷ for one sample: mse ŷ − y; bce (ŷ − y)/(ŷ(1 − ŷ)).
inline double LossDerivative(Loss loss, double y_hat, double y) {
    if (loss == Loss::Mse) return y_hat - y;
    return (y_hat - y) / (y_hat * (1.0 - y_hat));
}

// Forward pass of one sample whose features are in `features`; returns the first output (ŷ).
inline double Forward(const Network& network, PassBuffers& buf, const double* features) {
    const double* in = features;
    for (std::size_t l = 0; l < network.layers.size(); ++l) {
        const Layer& layer = network.layers[l];
        const std::size_t o = buf.neuron_offset[l];
        AffineLayer(layer, in, buf.z.data() + o);
        ActivateLayer(layer, buf.z.data() + o, buf.a.data() + o, buf.d.data() + o);
        in = buf.a.data() + o;
    }
    return *in;
}

// Backward pass after Forward: fills up (∂E/∂a) and delta (∂E/∂z) of every neuron and, when
// kAccumulate, adds this sample's gradient to the gradient buffers. Returns the sample's loss.
template <bool kAccumulate>
double Backward(const Network& network, PassBuffers& buf, const double* features, double y) {
    const std::size_t last = network.layers.size() - 1;
    const std::size_t out = buf.neuron_offset[last];
    double loss = 0.0;
    if (network.IsSoftmax()) {
        // The output layer holds the logits (f = identity), so ∂E/∂a = ∂E/∂z = p − onehot(y).
        const std::size_t classes = network.layers[last].size;
        loss = SoftmaxCrossEntropy(buf.z.data() + out, classes, y, buf.delta.data() + out);
        for (std::size_t k = 0; k < classes; ++k)
            buf.up[out + k] = buf.delta[out + k];
    } else {
        const double y_hat = buf.a[out];
        loss = SampleLoss(network.loss, y_hat, buf.z[out], y);
        buf.up[out] = LossDerivative(network.loss, y_hat, y);
        // bce with a sigmoid output: ∂E/∂z = σ(z) − y exactly, without dividing by ŷ(1 − ŷ).
        buf.delta[out] = network.loss == Loss::Bce ? y_hat - y : buf.up[out] * buf.d[out];
    }

    for (std::size_t l = last + 1; l-- > 0;) {
        const Layer& layer = network.layers[l];
        const std::size_t o = buf.neuron_offset[l];
        const std::size_t fan_in = layer.fan_in;
        const double* w = layer.weights.data();
        const double* delta = buf.delta.data() + o;
        const double* below = l == 0 ? features : buf.a.data() + buf.neuron_offset[l - 1];
        if constexpr (kAccumulate) {
            double* gw = buf.grad_w.data() + buf.weight_offset[l];
            double* gb = buf.grad_b.data() + o;
            for (std::size_t j = 0; j < layer.size; ++j) {
                const double dj = delta[j];
                double* row = gw + j * fan_in;
                for (std::size_t i = 0; i < fan_in; ++i)
                    row[i] += dj * below[i];
                gb[j] += dj;
            }
            if (layer.learned.size() == layer.size) {
                for (std::size_t j = 0; j < layer.size; ++j)
                    buf.grad_learned[o + j] += buf.up[o + j] * LearnedParamDerivative(buf.z[o + j]);
            }
        }
        if (l == 0) break;
        // ∂E/∂a of the layer below, then its δ = f′(z)·∂E/∂a.
        const std::size_t ob = buf.neuron_offset[l - 1];
        double* up_below = buf.up.data() + ob;
        for (std::size_t i = 0; i < fan_in; ++i)
            up_below[i] = 0.0;
        for (std::size_t j = 0; j < layer.size; ++j) {
            const double dj = delta[j];
            const double* row = w + j * fan_in;
            for (std::size_t i = 0; i < fan_in; ++i)
                up_below[i] += row[i] * dj;
        }
        for (std::size_t i = 0; i < fan_in; ++i)
            buf.delta[ob + i] = up_below[i] * buf.d[ob + i];
    }
    return loss;
}

// Features of one point into buf.input.
inline const double* LoadSample(const Network& network, PassBuffers& buf, const Sample& s) {
    ComputeFeatures(network, s.x1, s.x2, buf.input.data());
    return buf.input.data();
}

// Whether the output layer's values (a, `size` of them) classify the sample right.
inline bool ClassifiedRight(const Network& network, const double* a, std::size_t size, double y) {
    if (network.IsSoftmax()) {
        // The most likely class: the largest logit (softmax keeps the order); the first on a tie.
        std::size_t best = 0;
        for (std::size_t k = 1; k < size; ++k)
            if (a[k] > a[best]) best = k;
        return best == ClassIndex(y, size);
    }
    const double threshold = network.Output().activation.id == ActivationId::Sigmoid ? 0.5 : 0.0;
    return (a[0] > threshold) == (y > threshold);
}

} // namespace actlab::detail
