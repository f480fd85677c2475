// What the charts and the chain-rule inspector read from training: the bounded history of
// observations and the chain-rule trace of one weight (see training.h).
#include "core/training.h"

#include "core/training_pass.h"

#include <algorithm>
#include <stdexcept>

namespace actlab {

namespace {

std::string PreActivationName(const Network& network, std::size_t layer, std::size_t neuron) {
    std::string name = "Z";
    name += std::to_string(layer + 1);
    if (network.layers[layer].size > 1) {
        name += ',';
        name += std::to_string(neuron + 1);
    }
    return name;
}

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Chain-rule trace
//-----------------------------------------------------------------------------

using detail::Backward;
using detail::Forward;
using detail::LoadSample;

ChainRuleTrace TraceWeight(const Network& network, std::size_t layer, std::size_t neuron, std::size_t input,
                           const Sample& sample, double learning_rate) {
    if (layer >= network.layers.size() || neuron >= network.layers[layer].size ||
        input >= network.layers[layer].fan_in)
        throw std::out_of_range("TraceWeight: no weight at layer " + std::to_string(layer) + ", neuron " +
                                std::to_string(neuron) + ", input " + std::to_string(input));
    PassBuffers buf;
    buf.Resize(network);
    const double* features = LoadSample(network, buf, sample);
    Forward(network, buf, features);
    ChainRuleTrace trace;
    trace.loss = Backward<false>(network, buf, features, sample.y);

    const std::size_t last = network.layers.size() - 1;
    const Layer& target = network.layers.at(layer);
    const std::size_t o = buf.neuron_offset[layer];
    const double a_in = layer == 0 ? features[input] : buf.a[buf.neuron_offset[layer - 1] + input];
    trace.weight_name =
        "w(" + InputName(network, layer, input) + "→" + NodeName(network, layer, neuron) + ")";
    trace.y_hat = buf.a[buf.neuron_offset[last]];
    if (network.IsSoftmax()) { // the probability of the sample's class
        std::vector<double> p(buf.z.begin() + static_cast<std::ptrdiff_t>(buf.neuron_offset[last]),
                              buf.z.end());
        SoftmaxInPlace(p.data(), p.size());
        trace.y_hat = p[ClassIndex(sample.y, p.size())];
    }
    trace.gradient = buf.delta[o + neuron] * a_in;

    bool chain = true; // one neuron in every layer above: a single path to the output
    for (std::size_t m = layer + 1; m <= last; ++m)
        chain = chain && network.layers[m].size == 1;

    const std::size_t out = buf.neuron_offset[last];
    const std::string z_out = PreActivationName(network, last, 0);
    if (chain && network.IsSoftmax()) { // a weight into a softmax output: δ = p − [class = y]
        trace.factors.push_back({"∂E/∂" + PreActivationName(network, last, neuron),
                                 "p − [class = y] (softmax + ce)", buf.delta[o + neuron]});
    } else if (chain) {
        trace.factors.push_back(
            {"∂E/∂O", network.loss == Loss::Mse ? "ŷ − y" : "(ŷ − y)/(ŷ(1 − ŷ))", buf.up[out]});
        trace.factors.push_back({"∂O/∂" + z_out, "f′(z) of the output", buf.d[out]});
        for (std::size_t m = last; m > layer; --m) {
            const std::size_t below = m - 1;
            const std::size_t k = below == layer ? neuron : 0;
            const std::string h = NodeName(network, below, k);
            const std::string z_below = PreActivationName(network, below, k);
            trace.factors.push_back({"∂" + PreActivationName(network, m, 0) + "/∂" + h,
                                     "the weight from " + h + " to " + NodeName(network, m, 0),
                                     network.layers[m].Weight(0, k)});
            trace.factors.push_back(
                {"∂" + h + "/∂" + z_below, "f′(z) of " + h, buf.d[buf.neuron_offset[below] + k]});
        }
    } else {
        const std::string h = NodeName(network, layer, neuron);
        trace.factors.push_back(
            {"∂E/∂" + h, "Σₖ wₖ·δₖ back-propagated from the layer above", buf.up[o + neuron]});
        trace.factors.push_back(
            {"∂" + h + "/∂" + PreActivationName(network, layer, neuron), "f′(z) of " + h, buf.d[o + neuron]});
    }
    trace.factors.push_back({"∂" + PreActivationName(network, layer, neuron) + "/∂w",
                             "the input " + InputName(network, layer, input), a_in});

    trace.product = 1.0;
    for (const ChainFactor& f : trace.factors) {
        trace.product *= f.value;
        trace.has_zero_factor = trace.has_zero_factor || f.value == 0.0;
    }
    trace.learning_rate = learning_rate;
    trace.weight_before = target.Weight(neuron, input);
    trace.weight_after = trace.weight_before - learning_rate * trace.gradient;
    return trace;
}

//-----------------------------------------------------------------------------
// [SECTION] History
//-----------------------------------------------------------------------------

void TrainingHistory::Clear() {
    step.clear();
    train_loss.clear();
    test_loss.clear();
    train_accuracy.clear();
    test_accuracy.clear();
    dead_fraction.clear();
    gradient_norm.clear();
    observation.clear();
    interval = 1;
    observations = 0;
}

void TrainingHistory::TruncateAfterStep(std::size_t at_step) {
    while (!step.empty() && step.back() > at_step)
        PopBack();
}

void Trainer::Branch(Network network, std::size_t at_step) {
    network_ = std::move(network);
    network_stale_ = false;
    packed_current_ = false;
    step_ = at_step;
    divergence_.clear();
    history_.TruncateAfterStep(at_step);
    ResetOptimizerState();
    Prepare();
}

void TrainingHistory::PopBack() {
    step.pop_back();
    train_loss.pop_back();
    test_loss.pop_back();
    train_accuracy.pop_back();
    test_accuracy.pop_back();
    dead_fraction.pop_back();
    for (auto& norms : gradient_norm)
        norms.pop_back();
    observation.pop_back();
}

void TrainingHistory::Thin() {
    // Keeps the rows on the doubled grid and the latest row, in place.
    interval *= 2;
    std::size_t kept = 0;
    for (std::size_t r = 0; r < size(); ++r) {
        if (observation[r] % interval != 0 && r + 1 != size()) continue;
        step[kept] = step[r];
        train_loss[kept] = train_loss[r];
        test_loss[kept] = test_loss[r];
        train_accuracy[kept] = train_accuracy[r];
        test_accuracy[kept] = test_accuracy[r];
        dead_fraction[kept] = dead_fraction[r];
        for (auto& norms : gradient_norm)
            norms[kept] = norms[r];
        observation[kept] = observation[r];
        ++kept;
    }
    step.resize(kept);
    train_loss.resize(kept);
    test_loss.resize(kept);
    train_accuracy.resize(kept);
    test_accuracy.resize(kept);
    dead_fraction.resize(kept);
    for (auto& norms : gradient_norm)
        norms.resize(kept);
    observation.resize(kept);
}

void TrainingHistory::Record(std::size_t at_step, double train, double test, double dead,
                             std::span<const double> gradient_norms, double train_acc, double test_acc) {
    if (gradient_norm.size() != gradient_norms.size()) {
        const std::size_t limit = max_rows;
        Clear(); // a new shape starts the charts over
        max_rows = limit;
        gradient_norm.assign(gradient_norms.size(), {});
    }
    // The previous latest row gives way unless it lies on the grid.
    if (!observation.empty() && observation.back() % interval != 0) PopBack();
    step.push_back(at_step);
    train_loss.push_back(train);
    test_loss.push_back(test);
    train_accuracy.push_back(train_acc);
    test_accuracy.push_back(test_acc);
    dead_fraction.push_back(dead);
    for (std::size_t l = 0; l < gradient_norms.size(); ++l)
        gradient_norm[l].push_back(gradient_norms[l]);
    observation.push_back(observations++);
    while (size() > std::max<std::size_t>(max_rows, 2))
        Thin();
}

std::string NodeName(const Network& network, std::size_t layer, std::size_t neuron) {
    if (layer + 1 == network.layers.size()) {
        if (network.layers[layer].size == 1) return "O";
        std::string name = "O"; // a softmax output: O1 … OK
        name += std::to_string(neuron + 1);
        return name;
    }
    // Appending piece by piece: GCC 12 warns falsely (-Wrestrict) on "h" + std::to_string(…).
    std::string name = "h";
    name += std::to_string(layer + 1);
    if (network.layers[layer].size > 1) {
        name += ',';
        name += std::to_string(neuron + 1);
    }
    return name;
}

std::string InputName(const Network& network, std::size_t layer, std::size_t input) {
    if (layer == 0) return std::string(FeatureName(network.inputs[input]));
    return NodeName(network, layer - 1, input);
}

} // namespace actlab
