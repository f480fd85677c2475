// SGD training of the mini network, its gradients, statistics and chain-rule trace (see training.h).
// Back-propagation: δ_out = ∂E/∂z_out; for a hidden neuron j, ∂E/∂aⱼ = Σₖ wₖⱼδₖ (over the layer
// above) and δⱼ = f′(zⱼ)·∂E/∂aⱼ; then ∂E/∂wⱼᵢ = δⱼ·aᵢ, ∂E/∂bⱼ = δⱼ, and for PReLU ∂E/∂aⱼ·∂f/∂a.
#include "core/training.h"

#include "core/network_kernel.h"
#include "core/number_parse.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace actlab {

namespace {

// ∂E/∂ŷ for one sample: mse ŷ − y; bce (ŷ − y)/(ŷ(1 − ŷ)).
double LossDerivative(Loss loss, double y_hat, double y) {
    if (loss == Loss::Mse) return y_hat - y;
    return (y_hat - y) / (y_hat * (1.0 - y_hat));
}

// Forward pass of one sample whose features are in buf.input (or `features`); returns ŷ.
double Forward(const Network& network, PassBuffers& buf, const double* features) {
    const double* in = features;
    for (std::size_t l = 0; l < network.layers.size(); ++l) {
        const Layer& layer = network.layers[l];
        const std::size_t o = buf.neuron_offset[l];
        detail::AffineLayer(layer, in, buf.z.data() + o);
        detail::ActivateLayer(layer, buf.z.data() + o, buf.a.data() + o, buf.d.data() + o);
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
    const double y_hat = buf.a[out];
    const double z_out = buf.z[out];
    const double loss = SampleLoss(network.loss, y_hat, z_out, y);
    buf.up[out] = LossDerivative(network.loss, y_hat, y);
    // bce with a sigmoid output: ∂E/∂z = σ(z) − y exactly, without dividing by ŷ(1 − ŷ).
    buf.delta[out] = network.loss == Loss::Bce ? y_hat - y : buf.up[out] * buf.d[out];

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
                for (std::size_t i = 0; i < fan_in; ++i) row[i] += dj * below[i];
                gb[j] += dj;
            }
            if (layer.learned.size() == layer.size) {
                for (std::size_t j = 0; j < layer.size; ++j)
                    buf.grad_learned[o + j] += buf.up[o + j] * detail::LearnedParamDerivative(buf.z[o + j]);
            }
        }
        if (l == 0) break;
        // ∂E/∂a of the layer below, then its δ = f′(z)·∂E/∂a.
        const std::size_t ob = buf.neuron_offset[l - 1];
        double* up_below = buf.up.data() + ob;
        for (std::size_t i = 0; i < fan_in; ++i) up_below[i] = 0.0;
        for (std::size_t j = 0; j < layer.size; ++j) {
            const double dj = delta[j];
            const double* row = w + j * fan_in;
            for (std::size_t i = 0; i < fan_in; ++i) up_below[i] += row[i] * dj;
        }
        for (std::size_t i = 0; i < fan_in; ++i) buf.delta[ob + i] = up_below[i] * buf.d[ob + i];
    }
    return loss;
}

// Features of one point into buf.input.
const double* LoadSample(const Network& network, PassBuffers& buf, const Sample& s) {
    detail::ComputeFeatures(network, s.x1, s.x2, buf.input.data());
    return buf.input.data();
}

std::string PreActivationName(const Network& network, std::size_t layer, std::size_t neuron) {
    std::string name = "Z";
    name += std::to_string(layer + 1);
    if (network.layers[layer].size > 1) {
        name += ',';
        name += std::to_string(neuron + 1);
    }
    return name;
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Options
//-----------------------------------------------------------------------------

std::string ValidateTrainingOptions(const TrainingOptions& options) {
    if (!(options.learning_rate > 0.0 && options.learning_rate <= kMaxLearningRate))
        return "the learning rate must be in (0, 100], got " + FormatNumber17(options.learning_rate);
    if (options.batch_size < 1 || options.batch_size > kMaxBatchSize)
        return "the batch size must be between 1 and " + std::to_string(kMaxBatchSize) + ", got " +
               std::to_string(options.batch_size);
    if (!(options.l2 >= 0.0 && options.l2 <= kMaxL2))
        return "the L2 factor must be in [0, 10], got " + FormatNumber17(options.l2);
    return {};
}

//-----------------------------------------------------------------------------
// [SECTION] Buffers
//-----------------------------------------------------------------------------

void PassBuffers::Resize(const Network& network) {
    const std::size_t layers = network.layers.size();
    neuron_offset.assign(layers + 1, 0);
    weight_offset.assign(layers + 1, 0);
    for (std::size_t l = 0; l < layers; ++l) {
        neuron_offset[l + 1] = neuron_offset[l] + network.layers[l].size;
        weight_offset[l + 1] = weight_offset[l] + network.layers[l].weights.size();
    }
    const std::size_t neurons = neuron_offset[layers];
    input.assign(network.inputs.size(), 0.0);
    for (auto* v : {&z, &a, &d, &up, &delta, &grad_b, &grad_learned}) v->assign(neurons, 0.0);
    grad_w.assign(weight_offset[layers], 0.0);
}

void PassBuffers::ZeroGradients() {
    std::fill(grad_w.begin(), grad_w.end(), 0.0);
    std::fill(grad_b.begin(), grad_b.end(), 0.0);
    std::fill(grad_learned.begin(), grad_learned.end(), 0.0);
}

//-----------------------------------------------------------------------------
// [SECTION] Losses and gradients
//-----------------------------------------------------------------------------

double SampleLoss(Loss loss, double y_hat, double z, double y) {
    if (loss == Loss::Mse) return 0.5 * (y_hat - y) * (y_hat - y);
    // softplus(z) − y·z with softplus(z) = max(z, 0) + ln(1 + e^(−|z|)).
    return std::max(z, 0.0) + std::log1p(std::exp(-std::fabs(z))) - y * z;
}

double MeanLoss(const Network& network, std::span<const Sample> samples) {
    if (samples.empty()) return 0.0;
    PassBuffers buf;
    buf.Resize(network);
    const std::size_t out = buf.neuron_offset[network.layers.size() - 1];
    double sum = 0.0;
    for (const Sample& s : samples) {
        const double y_hat = Forward(network, buf, LoadSample(network, buf, s));
        sum += SampleLoss(network.loss, y_hat, buf.z[out], s.y);
    }
    return sum / static_cast<double>(samples.size());
}

double Accuracy(const Network& network, std::span<const Sample> samples) {
    if (samples.empty()) return 0.0;
    const double threshold = network.Output().activation.id == ActivationId::Sigmoid ? 0.5 : 0.0;
    PassBuffers buf;
    buf.Resize(network);
    std::size_t correct = 0;
    for (const Sample& s : samples) {
        const double y_hat = Forward(network, buf, LoadSample(network, buf, s));
        if ((y_hat > threshold) == (s.y > threshold)) ++correct;
    }
    return static_cast<double>(correct) / static_cast<double>(samples.size());
}

Gradients ComputeGradients(const Network& network, std::span<const Sample> samples, double l2) {
    PassBuffers buf;
    buf.Resize(network);
    double loss = 0.0;
    for (const Sample& s : samples) {
        const double* features = LoadSample(network, buf, s);
        Forward(network, buf, features);
        loss += Backward<true>(network, buf, features, s.y);
    }
    const double scale = samples.empty() ? 0.0 : 1.0 / static_cast<double>(samples.size());
    Gradients g;
    g.loss = loss * scale;
    for (std::size_t l = 0; l < network.layers.size(); ++l) {
        const Layer& layer = network.layers[l];
        std::vector<double> gw(buf.grad_w.begin() + static_cast<std::ptrdiff_t>(buf.weight_offset[l]),
                               buf.grad_w.begin() + static_cast<std::ptrdiff_t>(buf.weight_offset[l + 1]));
        for (std::size_t k = 0; k < gw.size(); ++k) {
            gw[k] = gw[k] * scale + l2 * layer.weights[k];
            g.loss += 0.5 * l2 * layer.weights[k] * layer.weights[k];
        }
        g.weights.push_back(std::move(gw));
        std::vector<double> gb(layer.size), gl;
        for (std::size_t j = 0; j < layer.size; ++j) gb[j] = buf.grad_b[buf.neuron_offset[l] + j] * scale;
        if (!layer.learned.empty()) {
            gl.resize(layer.size);
            for (std::size_t j = 0; j < layer.size; ++j) gl[j] = buf.grad_learned[buf.neuron_offset[l] + j] * scale;
        }
        g.biases.push_back(std::move(gb));
        g.learned.push_back(std::move(gl));
    }
    return g;
}

//-----------------------------------------------------------------------------
// [SECTION] Statistics
//-----------------------------------------------------------------------------

NetworkStats ComputeStats(const Network& network, std::span<const Sample> samples) {
    PassBuffers buf;
    buf.Resize(network);
    const std::size_t neurons = buf.z.size();
    std::vector<std::size_t> active(neurons, 0);
    std::vector<double> sum_abs_delta(neurons, 0.0), sum_z(neurons, 0.0);
    std::vector<double> min_z(neurons, 0.0), max_z(neurons, 0.0);
    double loss = 0.0;
    for (std::size_t s = 0; s < samples.size(); ++s) {
        const double* features = LoadSample(network, buf, samples[s]);
        Forward(network, buf, features);
        loss += Backward<true>(network, buf, features, samples[s].y);
        for (std::size_t k = 0; k < neurons; ++k) {
            if (buf.d[k] != 0.0) ++active[k];
            sum_abs_delta[k] += std::fabs(buf.delta[k]);
            sum_z[k] += buf.z[k];
            min_z[k] = s == 0 ? buf.z[k] : std::min(min_z[k], buf.z[k]);
            max_z[k] = s == 0 ? buf.z[k] : std::max(max_z[k], buf.z[k]);
        }
    }
    const double n = static_cast<double>(samples.size());
    const double scale = samples.empty() ? 0.0 : 1.0 / n;
    NetworkStats stats;
    stats.loss = loss * scale;
    for (std::size_t l = 0; l < network.layers.size(); ++l) {
        const Layer& layer = network.layers[l];
        LayerStats layer_stats;
        double norm2 = 0.0;
        for (std::size_t j = 0; j < layer.size; ++j) {
            const std::size_t k = buf.neuron_offset[l] + j;
            NeuronStats ns;
            ns.activation_rate = static_cast<double>(active[k]) * scale;
            ns.mean_abs_delta = sum_abs_delta[k] * scale;
            ns.mean_z = sum_z[k] * scale;
            ns.min_z = min_z[k];
            ns.max_z = max_z[k];
            double sum_abs_gw = 0.0;
            for (std::size_t i = 0; i < layer.fan_in; ++i) {
                const double g = buf.grad_w[buf.weight_offset[l] + j * layer.fan_in + i] * scale;
                sum_abs_gw += std::fabs(g);
                norm2 += g * g;
            }
            const double gb = buf.grad_b[k] * scale;
            norm2 += gb * gb;
            ns.mean_abs_weight_grad = sum_abs_gw / static_cast<double>(layer.fan_in);
            ns.dead = !samples.empty() && active[k] == 0;
            ns.dying = !ns.dead && !samples.empty() && ns.activation_rate < kDyingActivationRate;
            const bool hidden = l + 1 < network.layers.size();
            if (hidden) {
                ++stats.hidden_neurons;
                if (ns.dead) ++stats.dead_count;
                if (ns.dying) ++stats.dying_count;
            }
            layer_stats.neurons.push_back(ns);
        }
        layer_stats.gradient_norm = std::sqrt(norm2);
        stats.layers.push_back(std::move(layer_stats));
    }
    stats.dead_fraction = stats.hidden_neurons == 0 ? 0.0
                                                    : static_cast<double>(stats.dead_count) /
                                                          static_cast<double>(stats.hidden_neurons);
    return stats;
}

//-----------------------------------------------------------------------------
// [SECTION] Chain-rule trace
//-----------------------------------------------------------------------------

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
    trace.weight_name = "w(" + InputName(network, layer, input) + "→" + NodeName(network, layer, neuron) + ")";
    trace.y_hat = buf.a[buf.neuron_offset[last]];
    trace.gradient = buf.delta[o + neuron] * a_in;

    bool chain = true;  // one neuron in every layer above: a single path to the output
    for (std::size_t m = layer + 1; m <= last; ++m) chain = chain && network.layers[m].size == 1;

    const std::size_t out = buf.neuron_offset[last];
    const std::string z_out = PreActivationName(network, last, 0);
    if (chain) {
        trace.factors.push_back({"∂E/∂O", network.loss == Loss::Mse ? "ŷ − y" : "(ŷ − y)/(ŷ(1 − ŷ))", buf.up[out]});
        trace.factors.push_back({"∂O/∂" + z_out, "f′(z) of the output", buf.d[out]});
        for (std::size_t m = last; m > layer; --m) {
            const std::size_t below = m - 1;
            const std::size_t k = below == layer ? neuron : 0;
            const std::string h = NodeName(network, below, k);
            const std::string z_below = PreActivationName(network, below, k);
            trace.factors.push_back({"∂" + PreActivationName(network, m, 0) + "/∂" + h,
                                     "the weight from " + h + " to " + NodeName(network, m, 0),
                                     network.layers[m].Weight(0, k)});
            trace.factors.push_back({"∂" + h + "/∂" + z_below, "f′(z) of " + h, buf.d[buf.neuron_offset[below] + k]});
        }
    } else {
        const std::string h = NodeName(network, layer, neuron);
        trace.factors.push_back({"∂E/∂" + h, "Σₖ wₖ·δₖ back-propagated from the layer above", buf.up[o + neuron]});
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
// [SECTION] Trainer
//-----------------------------------------------------------------------------

void TrainingHistory::Clear() {
    step.clear();
    train_loss.clear();
    test_loss.clear();
    dead_fraction.clear();
    gradient_norm.clear();
    observation.clear();
    interval = 1;
    observations = 0;
}

void TrainingHistory::PopBack() {
    step.pop_back();
    train_loss.pop_back();
    test_loss.pop_back();
    dead_fraction.pop_back();
    for (auto& norms : gradient_norm) norms.pop_back();
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
        dead_fraction[kept] = dead_fraction[r];
        for (auto& norms : gradient_norm) norms[kept] = norms[r];
        observation[kept] = observation[r];
        ++kept;
    }
    step.resize(kept);
    train_loss.resize(kept);
    test_loss.resize(kept);
    dead_fraction.resize(kept);
    for (auto& norms : gradient_norm) norms.resize(kept);
    observation.resize(kept);
}

void TrainingHistory::Record(std::size_t at_step, double train, double test, double dead,
                             std::span<const double> gradient_norms) {
    if (gradient_norm.size() != gradient_norms.size()) {
        const std::size_t limit = max_rows;
        Clear();  // a new shape starts the charts over
        max_rows = limit;
        gradient_norm.assign(gradient_norms.size(), {});
    }
    // The previous latest row gives way unless it lies on the grid.
    if (!observation.empty() && observation.back() % interval != 0) PopBack();
    step.push_back(at_step);
    train_loss.push_back(train);
    test_loss.push_back(test);
    dead_fraction.push_back(dead);
    for (std::size_t l = 0; l < gradient_norms.size(); ++l) gradient_norm[l].push_back(gradient_norms[l]);
    observation.push_back(observations++);
    while (size() > std::max<std::size_t>(max_rows, 2)) Thin();
}

Trainer::Trainer(Network network, std::vector<Sample> train, std::vector<Sample> test, TrainingOptions options)
    : network_(std::move(network)), train_(std::move(train)), test_(std::move(test)), options_(options),
      random_(options.seed ^ 0x5DEECE66DULL) {
    Prepare();
}

bool Trainer::ShapeChanged() const {
    // Compared in place: this runs every step and must not allocate.
    std::size_t k = 0;
    auto differs = [&](std::size_t value) { return k >= shape_.size() || shape_[k++] != value; };
    if (differs(network_.inputs.size())) return true;
    for (auto f : network_.inputs)
        if (differs(static_cast<std::size_t>(f))) return true;
    for (const Layer& layer : network_.layers)
        if (differs(layer.fan_in) || differs(layer.size)) return true;
    return k != shape_.size() || features_.size() != train_.size() * network_.inputs.size();
}

void Trainer::Prepare() {
    if (!ShapeChanged()) return;
    shape_.assign({network_.inputs.size()});
    for (auto f : network_.inputs) shape_.push_back(static_cast<std::size_t>(f));
    for (const Layer& layer : network_.layers) {
        shape_.push_back(layer.fan_in);
        shape_.push_back(layer.size);
    }
    buffers_.Resize(network_);
    batch_.rows = 0;  // the batch buffers follow the new shape at the next step
    const std::size_t n_in = network_.inputs.size();
    features_.assign(train_.size() * n_in, 0.0);
    for (std::size_t s = 0; s < train_.size(); ++s)
        detail::ComputeFeatures(network_, train_[s].x1, train_[s].x2, features_.data() + s * n_in);
    if (order_.size() != train_.size()) {
        order_.resize(train_.size());
        for (std::size_t s = 0; s < order_.size(); ++s) order_[s] = s;
        cursor_ = options_.shuffle ? order_.size() : 0;  // a shuffled run reshuffles before its first batch
    }
}

std::size_t Trainer::NextSample() {
    if (cursor_ >= order_.size()) [[unlikely]] StartEpoch();
    return options_.shuffle ? order_[cursor_++] : cursor_++;
}

// Out of line, so that NextSample inlines into the step's loop over the batch.
[[gnu::noinline]] void Trainer::StartEpoch() {
    if (options_.shuffle) Shuffle(order_.data(), order_.size(), random_);
    cursor_ = 0;
}

void BatchBuffers::Resize(const Network& network, std::size_t batch) {
    rows = batch;
    input_lanes = detail::PackedLanes(network.inputs.size());
    const std::size_t layers = network.layers.size();
    packed.resize(layers);
    lane_offset.assign(layers + 1, 0);
    grad_offset.assign(layers + 1, 0);
    std::size_t in_lanes = input_lanes;
    for (std::size_t l = 0; l < layers; ++l) {
        packed[l].Resize(network.layers[l], in_lanes);
        in_lanes = packed[l].lanes;
        lane_offset[l + 1] = lane_offset[l] + packed[l].lanes;
        grad_offset[l + 1] = grad_offset[l] + packed[l].wt.size();
    }
    input.assign(input_lanes * batch, 0.0);
    for (auto* v : {&z, &a, &d, &up, &delta}) v->assign(lane_offset[layers] * batch, 0.0);
    grad_wt.assign(grad_offset[layers], 0.0);
    grad_b.assign(lane_offset[layers], 0.0);
}

bool Trainer::Step() {
    if (diverged() || train_.empty() || network_.layers.empty()) return false;
    Prepare();
    const std::size_t n_in = network_.inputs.size();
    const std::size_t batch = options_.batch_size;
    const std::size_t layers = network_.layers.size();
    BatchBuffers& bb = batch_;
    if (bb.rows != batch) {
        if (network_stale_) SyncNetwork();  // the packed copies are about to be reloaded from it
        bb.Resize(network_, batch);
        batch_samples_.assign(batch, 0);
        packed_current_ = false;
    }
    // The update below keeps the packed copies current; only an edit (an activation switched, a
    // reset) makes them load the network again.
    if (!packed_current_) {
        for (std::size_t l = 0; l < layers; ++l) bb.packed[l].Load(network_.layers[l]);
        packed_current_ = true;
    }

    // The batch's rows, then forward one layer at a time.
    for (std::size_t b = 0; b < batch; ++b) {
        const std::size_t sample = NextSample();
        const double* features = features_.data() + sample * n_in;
        double* row = bb.input.data() + b * bb.input_lanes;
        for (std::size_t i = 0; i < n_in; ++i) row[i] = features[i];  // 1–7 values: no memmove call
        batch_samples_[b] = sample;
    }
    const double* in = bb.input.data();
    for (std::size_t l = 0; l < layers; ++l) {
        const std::size_t o = bb.lane_offset[l] * batch;
        detail::ForwardPacked(network_.layers[l], bb.packed[l], in, bb.z.data() + o, bb.a.data() + o, bb.d.data() + o,
                              batch);
        in = bb.a.data() + o;
    }

    // The loss and ∂E/∂z of the output neuron (lane 0 of its rows), row by row.
    const std::size_t out = bb.lane_offset[layers - 1] * batch;
    const std::size_t out_lanes = bb.packed[layers - 1].lanes;
    double loss = 0.0;
    for (std::size_t b = 0; b < batch; ++b) {
        const std::size_t k = out + b * out_lanes;
        const double y = train_[batch_samples_[b]].y;
        const double y_hat = bb.a[k];
        loss += SampleLoss(network_.loss, y_hat, bb.z[k], y);
        bb.up[k] = LossDerivative(network_.loss, y_hat, y);
        bb.delta[k] = network_.loss == Loss::Bce ? y_hat - y : bb.up[k] * bb.d[k];
    }

    // Backward one layer at a time, summing the gradient over the batch.
    std::fill(buffers_.grad_learned.begin(), buffers_.grad_learned.end(), 0.0);
    for (std::size_t l = layers; l-- > 0;) {
        const Layer& layer = network_.layers[l];
        const detail::PackedLayer& packed = bb.packed[l];
        const std::size_t o = bb.lane_offset[l] * batch;
        const double* below = l == 0 ? bb.input.data() : bb.a.data() + bb.lane_offset[l - 1] * batch;
        const std::size_t ob = l == 0 ? 0 : bb.lane_offset[l - 1] * batch;
        detail::BackwardPacked(packed, below, bb.delta.data() + o, bb.grad_wt.data() + bb.grad_offset[l],
                               bb.grad_b.data() + bb.lane_offset[l], batch, l == 0 ? nullptr : bb.d.data() + ob,
                               l == 0 ? nullptr : bb.up.data() + ob, l == 0 ? nullptr : bb.delta.data() + ob);
        if (layer.learned.size() == layer.size) {
            double* gl = buffers_.grad_learned.data() + buffers_.neuron_offset[l];
            for (std::size_t b = 0; b < batch; ++b)
                for (std::size_t j = 0; j < layer.size; ++j)
                    gl[j] += bb.up[o + b * packed.lanes + j] * detail::LearnedParamDerivative(bb.z[o + b * packed.lanes + j]);
        }
    }
    loss /= static_cast<double>(batch);

    // w ← w − η·(mean gradient + λw), computed in the packed layout (a row of neurons at a time,
    // which vectorises) and copied to the back-propagation layout; the network's own copy is brought
    // up to date only when it is read (SyncNetwork), as most steps are followed by another step. The sum of every
    // new parameter turns NaN or inf as soon as one of them does, so divergence costs one addition
    // per parameter.
    const double eta = options_.learning_rate;
    const double scale = eta / static_cast<double>(batch);
    const double decay = 1.0 - eta * options_.l2;
    double check = 0.0;
    for (std::size_t l = 0; l < layers; ++l) {
        Layer& layer = network_.layers[l];
        detail::PackedLayer& packed = bb.packed[l];
        const std::size_t lanes = packed.lanes;
        const std::size_t size = layer.size;
        const std::size_t fan_in = layer.fan_in;
        const double* gwt = bb.grad_wt.data() + bb.grad_offset[l];
        const double* gb = bb.grad_b.data() + bb.lane_offset[l];
        double sums[detail::kPackedMaxLanes];
        detail::UpdatePacked(packed, gwt, decay, scale, sums);
        // The back-propagation copy is read only to pass ∂E/∂a to a layer below, which the first
        // layer does not have.
        if (l > 0) {
            for (std::size_t j = 0; j < size; ++j) {
                double* back = packed.w.data() + j * packed.in_lanes;
                for (std::size_t i = 0; i < fan_in; ++i) back[i] = packed.wt[i * lanes + j];
            }
        }
        for (std::size_t j = 0; j < size; ++j) {
            packed.bias[j] -= scale * gb[j];
            check += sums[j] + packed.bias[j];
        }
        if (layer.learned.size() == size) {
            // PReLU's a stays inside the catalogue's domain [−10, 10], so the network stays saveable.
            const ParamSpec& spec = layer.activation.info().params[0];
            for (std::size_t j = 0; j < size; ++j) {
                const double a = layer.learned[j] - scale * buffers_.grad_learned[buffers_.neuron_offset[l] + j];
                layer.learned[j] = std::isfinite(a) ? std::clamp(a, spec.domain_min, spec.domain_max) : a;
                packed.slope[j] = layer.learned[j];
                check += layer.learned[j];
            }
        }
    }
    network_stale_ = true;
    ++step_;
    last_batch_loss_ = loss;
    if (!std::isfinite(loss) || loss > kExplodingLoss || !std::isfinite(check)) {
        std::string what;
        if (std::isnan(loss)) what = "the loss became NaN";
        else if (std::isinf(loss)) what = "the loss became infinite";
        else if (loss > kExplodingLoss) what = "the loss exploded to " + FormatNumber17(loss);
        else what = "a weight became NaN or infinite";
        divergence_ = "training diverged at step " + std::to_string(step_) + ": " + what + " (learning rate " +
                      FormatNumber17(eta) + " is too high?)";
        return false;
    }
    return true;
}

void Trainer::SyncNetwork() const {
    for (std::size_t l = 0; l < network_.layers.size(); ++l) {
        Layer& layer = network_.layers[l];
        const detail::PackedLayer& packed = batch_.packed[l];
        for (std::size_t j = 0; j < layer.size; ++j) {
            for (std::size_t i = 0; i < layer.fan_in; ++i) layer.weights[j * layer.fan_in + i] = packed.wt[i * packed.lanes + j];
            layer.biases[j] = packed.bias[j];
        }
    }
    network_stale_ = false;
}

std::size_t Trainer::Run(std::size_t steps) {
    std::size_t done = 0;
    while (done < steps && Step()) ++done;
    return done;
}

const NetworkStats& Trainer::Observe() {
    stats_ = ComputeStats(network(), train_);
    norms_.resize(stats_.layers.size());
    for (std::size_t l = 0; l < stats_.layers.size(); ++l) norms_[l] = stats_.layers[l].gradient_norm;
    history_.Record(step_, stats_.loss, MeanLoss(network(), test_), stats_.dead_fraction, norms_);
    return stats_;
}

void Trainer::Reset(const InitOptions& init) {
    InitialiseNetwork(network_, init);
    network_stale_ = false;
    random_.Seed(options_.seed ^ 0x5DEECE66DULL);
    step_ = 0;
    last_batch_loss_ = 0.0;
    divergence_.clear();
    history_.Clear();
    stats_ = NetworkStats{};
    order_.clear();
    shape_.clear();
    packed_current_ = false;
    Prepare();
}

void Trainer::SetOptions(const TrainingOptions& options) {
    const bool reseed = options.seed != options_.seed;
    options_ = options;
    if (reseed) random_.Seed(options_.seed ^ 0x5DEECE66DULL);
}

void Trainer::SetData(std::vector<Sample> train, std::vector<Sample> test) {
    train_ = std::move(train);
    test_ = std::move(test);
    order_.clear();
    shape_.clear();
    Prepare();
}

std::string NodeName(const Network& network, std::size_t layer, std::size_t neuron) {
    if (layer + 1 == network.layers.size()) return "O";
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

Trainer MakeThroughputTrainer(std::vector<std::size_t> hidden, ActivationId activation, std::size_t batch) {
    NetworkSpec spec;
    spec.hidden = std::move(hidden);
    spec.hidden_activation = Activation::WithDefaults(activation);
    InitOptions init;
    init.scheme = activation == ActivationId::Relu ? InitScheme::He : InitScheme::Xavier;
    init.bias = activation == ActivationId::Relu ? 0.1 : 0.0;
    DatasetOptions data;
    data.samples = 500;
    TrainingOptions options;
    options.batch_size = batch;
    return Trainer(MakeNetwork(spec, init), MakeDataset(data), {}, options);
}

}  // namespace actlab
