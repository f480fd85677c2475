// Training of the mini network (SGD, momentum, Adam), its gradients and statistics (see training.h).
// Back-propagation: δ_out = ∂E/∂z_out; for a hidden neuron j, ∂E/∂aⱼ = Σₖ wₖⱼδₖ (over the layer
// above) and δⱼ = f′(zⱼ)·∂E/∂aⱼ; then ∂E/∂wⱼᵢ = δⱼ·aᵢ, ∂E/∂bⱼ = δⱼ, and for PReLU ∂E/∂aⱼ·∂f/∂a.
#include "core/training.h"

#include "core/network_kernel.h"
#include "core/number_parse.h"
#include "core/training_pass.h"

#include <algorithm>
#include <cmath>

namespace actlab {

using detail::Backward;
using detail::Forward;
using detail::LoadSample;
using detail::LossDerivative;

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
    if (!(options.momentum >= 0.0 && options.momentum < 1.0))
        return "the momentum must be in [0, 1), got " + FormatNumber17(options.momentum);
    if (!(options.beta1 >= 0.0 && options.beta1 < 1.0))
        return "beta1 must be in [0, 1), got " + FormatNumber17(options.beta1);
    if (!(options.beta2 >= 0.0 && options.beta2 < 1.0))
        return "beta2 must be in [0, 1), got " + FormatNumber17(options.beta2);
    if (!(options.eps > 0.0 && options.eps <= 1.0))
        return "eps must be in (0, 1], got " + FormatNumber17(options.eps);
    return {};
}

std::string_view OptimizerName(Optimizer optimizer) {
    return NameIn(kOptimizerNames, optimizer);
}

std::optional<Optimizer> ParseOptimizer(std::string_view name) {
    return ParseIn(kOptimizerNames, name);
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
    for (auto* v : {&z, &a, &d, &up, &delta, &grad_b, &grad_learned})
        v->assign(neurons, 0.0);
    grad_w.assign(weight_offset[layers], 0.0);
}

//-----------------------------------------------------------------------------
// [SECTION] Losses and gradients
//-----------------------------------------------------------------------------

double SampleLoss(Loss loss, double y_hat, double z, double y) {
    if (loss == Loss::Mse) return 0.5 * (y_hat - y) * (y_hat - y);
    // softplus(z) − y·z with softplus(z) = max(z, 0) + ln(1 + e^(−|z|)).
    return std::max(z, 0.0) + std::log1p(std::exp(-std::fabs(z))) - y * z;
}

std::size_t ClassIndex(double y, std::size_t classes) {
    if (!(y > 0.0) || classes == 0) return 0;
    return std::min(static_cast<std::size_t>(y), classes - 1);
}

double SoftmaxCrossEntropy(const double* z, std::size_t classes, double y, double* delta) {
    // −ln p_y = log Σₖ e^(zₖ) − z_y, the log-sum-exp taken around the largest logit (no overflow).
    for (std::size_t k = 0; k < classes; ++k)
        delta[k] = z[k];
    const double log_sum = SoftmaxInPlace(delta, classes);
    const std::size_t label = ClassIndex(y, classes);
    delta[label] -= 1.0;
    return log_sum - z[label];
}

namespace {

// The summed loss of `samples` through `buf`; with kGradients also their summed gradients in `buf`.
template <bool kGradients>
double SumLoss(const Network& network, PassBuffers& buf, std::span<const Sample> samples) {
    double sum = 0.0;
    for (const Sample& s : samples) {
        const double* features = LoadSample(network, buf, s);
        Forward(network, buf, features);
        sum += Backward<kGradients>(network, buf, features, s.y);
    }
    return sum;
}

} // namespace

double MeanLoss(const Network& network, std::span<const Sample> samples) {
    if (samples.empty()) return 0.0;
    PassBuffers buf;
    buf.Resize(network);
    return SumLoss<false>(network, buf, samples) / static_cast<double>(samples.size());
}

double Accuracy(const Network& network, std::span<const Sample> samples) {
    if (samples.empty()) return 0.0;
    PassBuffers buf;
    buf.Resize(network);
    const std::size_t out = buf.neuron_offset[network.layers.size() - 1];
    std::size_t correct = 0;
    for (const Sample& s : samples) {
        Forward(network, buf, LoadSample(network, buf, s));
        if (detail::ClassifiedRight(network, buf.a.data() + out, network.Output().size, s.y)) ++correct;
    }
    return static_cast<double>(correct) / static_cast<double>(samples.size());
}

Gradients ComputeGradients(const Network& network, std::span<const Sample> samples, double l2) {
    PassBuffers buf;
    buf.Resize(network);
    const double loss = SumLoss<true>(network, buf, samples);
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
        for (std::size_t j = 0; j < layer.size; ++j)
            gb[j] = buf.grad_b[buf.neuron_offset[l] + j] * scale;
        if (!layer.learned.empty()) {
            gl.resize(layer.size);
            for (std::size_t j = 0; j < layer.size; ++j)
                gl[j] = buf.grad_learned[buf.neuron_offset[l] + j] * scale;
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
    std::size_t correct = 0;
    const std::size_t out = buf.neuron_offset[network.layers.size() - 1];
    for (std::size_t s = 0; s < samples.size(); ++s) {
        const double* features = LoadSample(network, buf, samples[s]);
        Forward(network, buf, features);
        loss += Backward<true>(network, buf, features, samples[s].y);
        if (detail::ClassifiedRight(network, buf.a.data() + out, network.Output().size, samples[s].y))
            ++correct;
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
    stats.accuracy = static_cast<double>(correct) * scale;
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
// [SECTION] Trainer
//-----------------------------------------------------------------------------

Trainer::Trainer(Network network, std::vector<Sample> train, std::vector<Sample> test,
                 TrainingOptions options)
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
    for (auto f : network_.inputs)
        shape_.push_back(static_cast<std::size_t>(f));
    for (const Layer& layer : network_.layers) {
        shape_.push_back(layer.fan_in);
        shape_.push_back(layer.size);
    }
    buffers_.Resize(network_);
    ResetOptimizerState(); // a new shape starts the optimizer over
    batch_.rows = 0;       // the batch buffers follow the new shape at the next step
    const std::size_t n_in = network_.inputs.size();
    features_.assign(train_.size() * n_in, 0.0);
    for (std::size_t s = 0; s < train_.size(); ++s)
        detail::ComputeFeatures(network_, train_[s].x1, train_[s].x2, features_.data() + s * n_in);
    if (order_.size() != train_.size()) {
        order_.resize(train_.size());
        for (std::size_t s = 0; s < order_.size(); ++s)
            order_[s] = s;
        cursor_ = options_.shuffle ? order_.size() : 0; // a shuffled run reshuffles before its first batch
    }
}

void Trainer::ReplaceTrainingSet(std::vector<Sample> train) {
    train_ = std::move(train);
    const std::size_t n_in = network_.inputs.size();
    features_.assign(train_.size() * n_in, 0.0);
    for (std::size_t s = 0; s < train_.size(); ++s)
        detail::ComputeFeatures(network_, train_[s].x1, train_[s].x2, features_.data() + s * n_in);
    order_.resize(train_.size());
    for (std::size_t s = 0; s < order_.size(); ++s)
        order_[s] = s;
    cursor_ = options_.shuffle ? order_.size() : 0;
}

std::size_t Trainer::NextSample() {
    if (cursor_ >= order_.size()) [[unlikely]]
        StartEpoch();
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
    for (auto* v : {&z, &a, &d, &up, &delta})
        v->assign(lane_offset[layers] * batch, 0.0);
    grad_wt.assign(grad_offset[layers], 0.0);
    grad_b.assign(lane_offset[layers], 0.0);
}

bool Trainer::Step() {
    if (diverged() || train_.empty() || network_.layers.empty()) return false;
    Prepare();
    const std::size_t batch = options_.batch_size;
    PrepareBatch(batch);
    ForwardBatch(batch);
    const double loss = OutputLoss(batch);
    BackwardBatch(batch);
    const double check =
        options_.optimizer == Optimizer::Sgd ? UpdateParameters(batch) : UpdateWithOptimizer(batch);
    network_stale_ = true;
    ++step_;
    last_batch_loss_ = loss;
    return CheckDivergence(loss, check);
}

void Trainer::PrepareBatch(std::size_t batch) {
    BatchBuffers& bb = batch_;
    if (bb.rows != batch) {
        if (network_stale_) SyncNetwork(); // the packed copies are about to be reloaded from it
        bb.Resize(network_, batch);
        batch_samples_.assign(batch, 0);
        packed_current_ = false;
    }
    // The update keeps the packed copies current; only an edit (an activation switched, a reset)
    // makes them load the network again.
    if (!packed_current_) {
        for (std::size_t l = 0; l < network_.layers.size(); ++l)
            bb.packed[l].Load(network_.layers[l]);
        packed_current_ = true;
    }
}

void Trainer::ForwardBatch(std::size_t batch) {
    // The batch's rows, then forward one layer at a time.
    BatchBuffers& bb = batch_;
    const std::size_t n_in = network_.inputs.size();
    for (std::size_t b = 0; b < batch; ++b) {
        const std::size_t sample = NextSample();
        const double* features = features_.data() + sample * n_in;
        double* row = bb.input.data() + b * bb.input_lanes;
        for (std::size_t i = 0; i < n_in; ++i)
            row[i] = features[i]; // 1–7 values: no memmove call
        batch_samples_[b] = sample;
    }
    const double* in = bb.input.data();
    for (std::size_t l = 0; l < network_.layers.size(); ++l) {
        const std::size_t o = bb.lane_offset[l] * batch;
        detail::ForwardPacked(network_.layers[l], bb.packed[l], in, bb.z.data() + o, bb.a.data() + o,
                              bb.d.data() + o, batch);
        in = bb.a.data() + o;
    }
}

double Trainer::OutputLoss(std::size_t batch) {
    // The loss and ∂E/∂z of the output neurons, row by row: lane 0 of each row, or the K logits of a
    // softmax output (whose layer is linear, so ∂E/∂a = ∂E/∂z).
    BatchBuffers& bb = batch_;
    const std::size_t layers = network_.layers.size();
    const std::size_t out = bb.lane_offset[layers - 1] * batch;
    const std::size_t out_lanes = bb.packed[layers - 1].lanes;
    double loss = 0.0;
    if (network_.IsSoftmax()) {
        const std::size_t classes = network_.Output().size;
        for (std::size_t b = 0; b < batch; ++b) {
            const std::size_t k = out + b * out_lanes;
            loss += SoftmaxCrossEntropy(bb.z.data() + k, classes, train_[batch_samples_[b]].y,
                                        bb.delta.data() + k);
            for (std::size_t j = 0; j < classes; ++j)
                bb.up[k + j] = bb.delta[k + j];
        }
        return loss / static_cast<double>(batch);
    }
    for (std::size_t b = 0; b < batch; ++b) {
        const std::size_t k = out + b * out_lanes;
        const double y = train_[batch_samples_[b]].y;
        const double y_hat = bb.a[k];
        loss += SampleLoss(network_.loss, y_hat, bb.z[k], y);
        bb.up[k] = LossDerivative(network_.loss, y_hat, y);
        bb.delta[k] = network_.loss == Loss::Bce ? y_hat - y : bb.up[k] * bb.d[k];
    }
    return loss / static_cast<double>(batch);
}

void Trainer::BackwardBatch(std::size_t batch) {
    // Backward one layer at a time, summing the gradient over the batch.
    BatchBuffers& bb = batch_;
    std::fill(buffers_.grad_learned.begin(), buffers_.grad_learned.end(), 0.0);
    for (std::size_t l = network_.layers.size(); l-- > 0;) {
        const Layer& layer = network_.layers[l];
        const detail::PackedLayer& packed = bb.packed[l];
        const std::size_t o = bb.lane_offset[l] * batch;
        const double* below = l == 0 ? bb.input.data() : bb.a.data() + bb.lane_offset[l - 1] * batch;
        const std::size_t ob = l == 0 ? 0 : bb.lane_offset[l - 1] * batch;
        detail::BackwardPacked(packed, below, bb.delta.data() + o, bb.grad_wt.data() + bb.grad_offset[l],
                               bb.grad_b.data() + bb.lane_offset[l], batch,
                               l == 0 ? nullptr : bb.d.data() + ob, l == 0 ? nullptr : bb.up.data() + ob,
                               l == 0 ? nullptr : bb.delta.data() + ob);
        if (layer.learned.size() == layer.size) {
            double* gl = buffers_.grad_learned.data() + buffers_.neuron_offset[l];
            for (std::size_t b = 0; b < batch; ++b)
                for (std::size_t j = 0; j < layer.size; ++j)
                    gl[j] += bb.up[o + b * packed.lanes + j] *
                             detail::LearnedParamDerivative(bb.z[o + b * packed.lanes + j]);
        }
    }
}

namespace {

// The back-propagation copy (w) of a packed layer from its forward copy (wt). It is read only to pass
// ∂E/∂a to a layer below, which the first layer does not have.
void CopyToBackLayout(detail::PackedLayer& packed, std::size_t layer) {
    if (layer == 0) return;
    for (std::size_t j = 0; j < packed.size; ++j) {
        double* back = packed.w.data() + j * packed.in_lanes;
        for (std::size_t i = 0; i < packed.fan_in; ++i)
            back[i] = packed.wt[i * packed.lanes + j];
    }
}

// PReLU's a stays inside the catalogue's domain [−10, 10], so the network stays saveable.
double ClampLearned(const Layer& layer, double a) {
    const ParamSpec& spec = layer.activation.info().params[0];
    return std::isfinite(a) ? std::clamp(a, spec.domain_min, spec.domain_max) : a;
}

} // namespace

double Trainer::UpdateParameters(std::size_t batch) {
    // w ← w − η·(mean gradient + λw), computed in the packed layout (a row of neurons at a time,
    // which vectorises) and copied to the back-propagation layout; the network's own copy is brought
    // up to date only when it is read (SyncNetwork), as most steps are followed by another step. The
    // sum of every new parameter turns NaN or inf as soon as one of them does, so divergence costs
    // one addition per parameter.
    BatchBuffers& bb = batch_;
    const double eta = options_.learning_rate;
    const double scale = eta / static_cast<double>(batch);
    const double decay = 1.0 - eta * options_.l2;
    double check = 0.0;
    for (std::size_t l = 0; l < network_.layers.size(); ++l) {
        Layer& layer = network_.layers[l];
        detail::PackedLayer& packed = bb.packed[l];
        const std::size_t size = layer.size;
        const double* gb = bb.grad_b.data() + bb.lane_offset[l];
        double sums[detail::kPackedMaxLanes];
        detail::UpdatePacked(packed, bb.grad_wt.data() + bb.grad_offset[l], decay, scale, sums);
        CopyToBackLayout(packed, l);
        for (std::size_t j = 0; j < size; ++j) {
            packed.bias[j] -= scale * gb[j];
            check += sums[j] + packed.bias[j];
        }
        if (layer.learned.size() == size) {
            for (std::size_t j = 0; j < size; ++j) {
                layer.learned[j] = ClampLearned(
                    layer, layer.learned[j] - scale * buffers_.grad_learned[buffers_.neuron_offset[l] + j]);
                packed.slope[j] = layer.learned[j];
                check += layer.learned[j];
            }
        }
    }
    return check;
}

double Trainer::UpdateWithOptimizer(std::size_t batch) {
    // Momentum or Adam on each parameter block (packed weights with λ, biases and PReLU a without);
    // the state is laid out like the blocks and starts at zero.
    BatchBuffers& bb = batch_;
    const std::size_t layers = network_.layers.size();
    bool fits =
        state_offset_.size() == 3 * layers + 1; // an edit (PReLU switched on or off) may change a block
    for (std::size_t l = 0; fits && l < layers; ++l)
        fits = state_offset_[3 * l + 3] - state_offset_[3 * l + 2] == network_.layers[l].learned.size() &&
               state_offset_[3 * l + 1] - state_offset_[3 * l] == bb.packed[l].wt.size();
    if (!fits) {
        state_offset_.assign(1, 0);
        for (std::size_t l = 0; l < layers; ++l) {
            for (std::size_t n :
                 {bb.packed[l].wt.size(), bb.packed[l].lanes, network_.layers[l].learned.size()})
                state_offset_.push_back(state_offset_.back() + n);
        }
        first_moment_.assign(state_offset_.back(), 0.0);
        second_moment_.assign(options_.optimizer == Optimizer::Adam ? state_offset_.back() : 0, 0.0);
        optimizer_steps_ = 0;
    }
    ++optimizer_steps_;
    detail::OptimizerStep step;
    step.inv_batch = 1.0 / static_cast<double>(batch);
    step.eta = options_.learning_rate;
    step.mu = options_.momentum;
    step.beta1 = options_.beta1;
    step.beta2 = options_.beta2;
    step.eps = options_.eps;
    // β1ᵗ and β2ᵗ by one multiplication a step (std::pow costs more than the rest of a small step);
    // recomputed with std::pow when a β changes mid-run.
    if (optimizer_steps_ == 1 || step.beta1 != power_base_[0] || step.beta2 != power_base_[1]) {
        const auto t = static_cast<double>(optimizer_steps_);
        beta_power_[0] = std::pow(step.beta1, t);
        beta_power_[1] = std::pow(step.beta2, t);
        power_base_[0] = step.beta1;
        power_base_[1] = step.beta2;
    } else {
        beta_power_[0] *= step.beta1;
        beta_power_[1] *= step.beta2;
    }
    step.step_size = step.eta / (1.0 - beta_power_[0]);
    step.inv_sqrt_bc2 = 1.0 / std::sqrt(1.0 - beta_power_[1]);
    const bool adam = options_.optimizer == Optimizer::Adam;
    auto update = [&](double* p, const double* g, std::size_t block, double l2) {
        const std::size_t first = state_offset_[block];
        const std::size_t n = state_offset_[block + 1] - first;
        step.l2 = l2;
        if (adam)
            detail::AdamUpdate(p, g, first_moment_.data() + first, second_moment_.data() + first, n, step);
        else
            detail::MomentumUpdate(p, g, first_moment_.data() + first, n, step);
        // Four partial sums: independent additions, as the check only needs to see a NaN or inf.
        double sums[4] = {0.0, 0.0, 0.0, 0.0};
        for (std::size_t k = 0; k < n; ++k)
            sums[k % 4] += p[k];
        return (sums[0] + sums[1]) + (sums[2] + sums[3]);
    };
    double check = 0.0;
    for (std::size_t l = 0; l < layers; ++l) {
        Layer& layer = network_.layers[l];
        detail::PackedLayer& packed = bb.packed[l];
        check += update(packed.wt.data(), bb.grad_wt.data() + bb.grad_offset[l], 3 * l, options_.l2);
        check += update(packed.bias.data(), bb.grad_b.data() + bb.lane_offset[l], 3 * l + 1, 0.0);
        CopyToBackLayout(packed, l);
        if (layer.learned.size() == layer.size) {
            check += update(layer.learned.data(), buffers_.grad_learned.data() + buffers_.neuron_offset[l],
                            3 * l + 2, 0.0);
            for (std::size_t j = 0; j < layer.size; ++j) {
                layer.learned[j] = ClampLearned(layer, layer.learned[j]);
                packed.slope[j] = layer.learned[j];
            }
        }
    }
    return check;
}

bool Trainer::CheckDivergence(double loss, double check) {
    if (std::isfinite(loss) && loss <= kExplodingLoss && std::isfinite(check)) return true;
    std::string what;
    if (std::isnan(loss))
        what = "the loss became NaN";
    else if (std::isinf(loss))
        what = "the loss became infinite";
    else if (loss > kExplodingLoss)
        what = "the loss exploded to " + FormatNumber17(loss);
    else
        what = "a weight became NaN or infinite";
    divergence_ = "training diverged at step " + std::to_string(step_) + ": " + what + " (learning rate " +
                  FormatNumber17(options_.learning_rate) + " is too high?)";
    return false;
}

void Trainer::SyncNetwork() const {
    for (std::size_t l = 0; l < network_.layers.size(); ++l) {
        Layer& layer = network_.layers[l];
        const detail::PackedLayer& packed = batch_.packed[l];
        for (std::size_t j = 0; j < layer.size; ++j) {
            for (std::size_t i = 0; i < layer.fan_in; ++i)
                layer.weights[j * layer.fan_in + i] = packed.wt[i * packed.lanes + j];
            layer.biases[j] = packed.bias[j];
        }
    }
    network_stale_ = false;
}

std::size_t Trainer::Run(std::size_t steps) {
    std::size_t done = 0;
    while (done < steps && Step())
        ++done;
    return done;
}

const NetworkStats& Trainer::Observe() {
    stats_ = ComputeStats(network(), train_);
    norms_.resize(stats_.layers.size());
    for (std::size_t l = 0; l < stats_.layers.size(); ++l)
        norms_[l] = stats_.layers[l].gradient_norm;
    history_.Record(step_, stats_.loss, MeanLoss(network(), test_), stats_.dead_fraction, norms_,
                    stats_.accuracy, Accuracy(network(), test_));
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
    ResetOptimizerState();
    Prepare();
}

void Trainer::SetOptions(const TrainingOptions& options) {
    const bool reseed = options.seed != options_.seed;
    if (options.optimizer != options_.optimizer) ResetOptimizerState();
    options_ = options;
    if (reseed) random_.Seed(options_.seed ^ 0x5DEECE66DULL);
}

void Trainer::ResetOptimizerState() {
    state_offset_.clear();
    first_moment_.clear();
    second_moment_.clear();
    optimizer_steps_ = 0;
}

Trainer MakeThroughputTrainer(std::vector<std::size_t> hidden, ActivationId activation, std::size_t batch,
                              Optimizer optimizer) {
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
    options.optimizer = optimizer;
    if (optimizer == Optimizer::Adam) options.learning_rate = 0.003; // Adam's steps are ~η each: a smaller η
    return Trainer(MakeNetwork(spec, init), MakeDataset(data), {}, options);
}

} // namespace actlab
