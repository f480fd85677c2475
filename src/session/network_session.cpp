// The live mini network (see network_session.h).
#include "session/network_session.h"

#include "core/scene.h"

#include <algorithm>
#include <chrono>
#include <utility>

namespace actlab::session {

namespace {

double NowSeconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// A sigmoid output is trained with bce on 0/1 labels, softmax with ce on class indices 0 … K−1 (0/1
// for the two-class sets); tanh and linear with mse on ±1 or the target.
bool UsesZeroOneLabels(const NetworkLessonState& lesson) {
    return LessonLoss(lesson) != Loss::Mse && ClassCount(lesson.dataset) == 2; // K > 2: always indices
}

InitOptions InitOf(const NetworkLessonState& lesson) {
    return {
        .scheme = lesson.init, .normal_std = lesson.init_std, .bias = lesson.bias_init, .seed = lesson.seed};
}

TrainingOptions OptionsOf(const NetworkLessonState& lesson) {
    // L2 and shuffling keep the trainer's defaults: the panel has no control for them.
    return {.learning_rate = lesson.learning_rate,
            .batch_size = lesson.batch_size,
            .seed = lesson.seed,
            .optimizer = lesson.optimizer,
            .momentum = lesson.momentum,
            .beta1 = lesson.beta1,
            .beta2 = lesson.beta2,
            .eps = lesson.eps};
}

bool SameOptions(const TrainingOptions& a, const TrainingOptions& b) {
    return a.learning_rate == b.learning_rate && a.batch_size == b.batch_size && a.optimizer == b.optimizer &&
           a.momentum == b.momentum && a.beta1 == b.beta1 && a.beta2 == b.beta2 && a.eps == b.eps;
}

} // namespace

std::optional<Sample> UserPointSample(const NetworkLessonState& lesson, const UserPoint& point) {
    const std::size_t classes = ClassCount(lesson.dataset);
    if (classes < 2 || IsOneInput(lesson.dataset)) return std::nullopt;
    const std::size_t label = std::min(point.label, classes - 1);
    double y = static_cast<double>(label);
    if (classes == 2 && !UsesZeroOneLabels(lesson)) y = label == 0 ? -1.0 : 1.0;
    return Sample{point.x1, point.x2, y};
}

void NormaliseLesson(NetworkLessonState& lesson) {
    if (lesson.hidden.size() > kMaxHiddenLayers) lesson.hidden.resize(kMaxHiddenLayers);
    for (std::size_t& width : lesson.hidden)
        width = std::clamp<std::size_t>(width, 1, kMaxLayerWidth);
    lesson.activations.resize(lesson.hidden.size(), Activation::WithDefaults(ActivationId::Relu));
    if (!IsOutputActivation(lesson.output)) lesson.output = ActivationId::Tanh;
    // The lecture's rule: several classes need a softmax output; regression never has one.
    if (ClassCount(lesson.dataset) > 2) lesson.softmax = true;
    if (!IsClassification(lesson.dataset)) lesson.softmax = false;
    lesson.momentum = std::clamp(lesson.momentum, 0.0, kMaxLessonMomentum);
    lesson.beta1 = std::clamp(lesson.beta1, 0.0, kMaxLessonMomentum);
    lesson.beta2 = std::clamp(lesson.beta2, 0.0, kMaxLessonMomentum);
    lesson.eps = std::clamp(lesson.eps, 1e-12, 1.0);
    if (lesson.points.size() > kMaxUserPoints) lesson.points.resize(kMaxUserPoints);
    lesson.point_class =
        std::min(lesson.point_class, std::max<std::size_t>(ClassCount(lesson.dataset), 2) - 1);
    lesson.steps_per_frame = std::clamp(lesson.steps_per_frame, 1, 100000);
    lesson.batch_size = std::clamp<std::size_t>(lesson.batch_size, 1, kMaxBatchSize);
    lesson.learning_rate = std::clamp(lesson.learning_rate, 1e-5, kMaxLearningRate);
}

NetworkSession::BuildKey NetworkSession::KeyOf(const NetworkLessonState& lesson) {
    return {lesson.hidden,  lesson.output,   lesson.softmax,        lesson.dataset,
            lesson.samples, lesson.noise,    lesson.train_fraction, lesson.seed,
            lesson.init,    lesson.init_std, lesson.bias_init,      lesson.optimizer};
}

void NetworkSession::Build(const NetworkLessonState& lesson) {
    error_.clear();
    DatasetOptions data;
    data.kind = lesson.dataset;
    data.samples = lesson.samples;
    data.noise = lesson.noise;
    data.seed = lesson.seed;
    data.zero_one_labels = UsesZeroOneLabels(lesson);
    NetworkSpec spec;
    spec.inputs = LessonInputs(lesson); // chain: x → h1 → … → O; reg-1d: y = f(x)
    spec.hidden = lesson.hidden;
    spec.hidden_activation =
        lesson.activations.empty() ? Activation::WithDefaults(ActivationId::Relu) : lesson.activations[0];
    spec.output = lesson.output;
    spec.loss = LessonLoss(lesson);
    spec.classes = std::max<std::size_t>(ClassCount(lesson.dataset), 2);
    const TrainingOptions options = OptionsOf(lesson);
    for (const std::string& why :
         {ValidateDatasetOptions(data), ValidateSpec(spec), ValidateTrainingOptions(options)}) {
        if (!why.empty()) {
            error_ = why;
            trainer_.reset();
            return;
        }
    }
    Network network = MakeNetwork(spec, InitOf(lesson));
    for (std::size_t l = 0; l < lesson.activations.size(); ++l)
        SetLayerActivation(network, l, lesson.activations[l]);
    SplitData split = SplitDataset(MakeDataset(data), lesson.train_fraction);
    generated_train_ = split.train;
    points_.clear();
    trainer_ =
        std::make_unique<Trainer>(std::move(network), std::move(split.train), std::move(split.test), options);
    ++data_version_;
    trainer_->Observe();
    snapshots_.Clear();
    replay_index_.reset();
    head_.reset();
    snapshots_.Offer(0, trainer_->network());
    activations_ = lesson.activations;
    key_ = KeyOf(lesson);
    heatmaps_stale_ = true;
    stats_stale_ = false;
    ++network_version_;
}

void NetworkSession::ApplyActivations(const NetworkLessonState& lesson) {
    if (activations_ == lesson.activations) return;
    for (std::size_t l = 0; l < lesson.activations.size(); ++l) {
        // Only the layers that changed: PReLU's learned a survives edits of other layers.
        const bool changed = l >= activations_.size() || !(activations_[l] == lesson.activations[l]);
        if (changed && ValidateParams(lesson.activations[l]).empty()) {
            SetLayerActivation(trainer_->EditNetwork(), l, lesson.activations[l]);
        }
    }
    activations_ = lesson.activations;
    heatmaps_stale_ = true;
    stats_stale_ = true;
    ++network_version_;
}

void NetworkSession::ApplyUserPoints(const NetworkLessonState& lesson) {
    if (points_ == lesson.points) return;
    std::vector<Sample> train = generated_train_;
    for (const UserPoint& point : lesson.points) {
        if (const std::optional<Sample> sample = UserPointSample(lesson, point)) train.push_back(*sample);
    }
    trainer_->ReplaceTrainingSet(std::move(train));
    points_ = lesson.points;
    ++data_version_;
    stats_stale_ = true;
    heatmaps_stale_ = true; // the hovered gradient and the surface's points follow
}

void NetworkSession::KeepPreviousRun() {
    const TrainingHistory& history = trainer_->history();
    if (history.size() < 2) return;
    PreviousRun run;
    run.label = std::string(OptimizerName(trainer_->options().optimizer));
    run.step.assign(history.step.begin(), history.step.end());
    run.train_loss = history.train_loss;
    previous_run_ = std::move(run);
}

void NetworkSession::ShowNetwork(Network network, std::size_t step) {
    trainer_->EditNetwork() = std::move(network);
    trainer_->RestoreStepCount(step);
    heatmaps_stale_ = true;
    ++network_version_;
}

void NetworkSession::ApplyScrub(NetworkLessonState& lesson) {
    const std::optional<std::size_t> request = std::exchange(scrub_request_, std::nullopt);
    if (!request || snapshots_.empty()) return;
    if (*request == kLatest || (*request + 1 >= snapshots_.size() && !head_)) {
        if (head_) ShowNetwork(std::move(head_->network), head_->step);
        head_.reset();
        replay_index_.reset();
        return;
    }
    const std::size_t index = std::min(*request, snapshots_.size() - 1);
    if (!head_) head_ = WeightSnapshot{trainer_->step(), 0, trainer_->network()};
    lesson.playing = false; // a replay is looked at, not trained
    const WeightSnapshot& shown = snapshots_.snapshots()[index];
    ShowNetwork(shown.network, shown.step);
    replay_stats_ = ComputeStats(trainer_->network(), trainer_->train());
    replay_index_ = index;
}

void NetworkSession::BranchFromReplay() {
    const WeightSnapshot& from = snapshots_.snapshots()[*replay_index_];
    trainer_->Branch(from.network, from.step);
    snapshots_.TruncateAfter(from.step);
    replay_index_.reset();
    head_.reset();
    stats_stale_ = true;
    heatmaps_stale_ = true;
    ++network_version_;
}

void NetworkSession::RequestRestore(Network network, std::size_t step) {
    restore_ = std::move(network);
    restore_step_ = step;
}

void NetworkSession::Update(NetworkLessonState& lesson, double budget_seconds) {
    last_training_seconds_ = 0.0;
    NormaliseLesson(lesson);
    if (trainer_ && !restore_) {
        // Only the optimizer changed: the same seed restarts the same weights and batches, and the run
        // so far stays on the loss chart to compare with. Any other change starts a new lesson.
        BuildKey same_but_optimizer = KeyOf(lesson);
        same_but_optimizer.optimizer = key_.optimizer;
        if (same_but_optimizer == key_ && lesson.optimizer != key_.optimizer) {
            KeepPreviousRun();
        } else if (!(KeyOf(lesson) == key_)) {
            previous_run_.reset();
        }
    }
    if (!trainer_ || !(KeyOf(lesson) == key_) || restore_) {
        // A new shape, dataset or initialisation is a new lesson: it starts paused only if it diverged.
        Build(lesson);
        reset_requested_ = false;
        if (!trainer_) {
            restore_.reset();
            lesson.playing = false;
            hovered_gradient_.reset();
            return;
        }
        if (restore_ && NetworkFitsLesson(*restore_, lesson)) {
            trainer_->EditNetwork() = std::move(*restore_);
            trainer_->RestoreStepCount(restore_step_);
            activations_ = lesson.activations; // the saved layers already carry them (and PReLU's a)
            stats_stale_ = true;
            heatmaps_stale_ = true;
            ++network_version_;
        }
        restore_.reset();
    }
    ApplyScrub(lesson);
    if (reset_requested_) {
        reset_requested_ = false;
        KeepPreviousRun();
        trainer_->Reset(InitOf(lesson));
        replay_index_.reset();
        head_.reset();
        activations_.clear(); // Reset restores PReLU's a from the layer parameters
        ApplyActivations(lesson);
        trainer_->Observe();
        snapshots_.Clear();
        snapshots_.Offer(0, trainer_->network());
        stats_stale_ = false;
        heatmaps_stale_ = true;
        ++network_version_;
    }
    // Training, an edit of the layers or of the data from a replayed step continues from it: a branch.
    if (replaying() && (lesson.playing || step_requested_ || !(activations_ == lesson.activations) ||
                        !(points_ == lesson.points)))
        BranchFromReplay();
    ApplyActivations(lesson);
    ApplyUserPoints(lesson);
    const TrainingOptions options = OptionsOf(lesson);
    // A different optimizer starts from a fresh state (Trainer::SetOptions); the rest keeps it.
    if (!SameOptions(options, trainer_->options())) trainer_->SetOptions(options);

    std::size_t steps = 0;
    if (lesson.playing && !trainer_->diverged()) {
        // The heatmaps of the steps trained so far, when due, come out of this frame's training
        // budget, so that a refresh frame is no longer than the others.
        double refresh_seconds = 0.0;
        if (heatmaps_stale_ && frames_since_heatmap_ + 1 >= kHeatmapEveryFrames) {
            const double refresh_start = NowSeconds();
            RefreshHeatmaps();
            refresh_seconds = NowSeconds() - refresh_start;
        }
        // Steps in small chunks until the frame's budget or the requested speed is used up.
        const double slice_start = NowSeconds();
        const double deadline =
            slice_start + std::max(budget_seconds - refresh_seconds, 0.1 * budget_seconds);
        const std::size_t wanted = static_cast<std::size_t>(lesson.steps_per_frame);
        double now = slice_start;
        while (steps < wanted && !trainer_->diverged()) {
            const std::size_t chunk = std::min<std::size_t>(wanted - steps, 8);
            steps += trainer_->Run(chunk);
            now = NowSeconds();
            if (now >= deadline) break;
        }
        last_training_seconds_ = now - slice_start;
    } else if (step_requested_) {
        const double slice_start = NowSeconds();
        steps = trainer_->Run(1);
        last_training_seconds_ = NowSeconds() - slice_start;
    }
    step_requested_ = false;
    samples_trained_ += steps * lesson.batch_size;
    if (trainer_->diverged()) lesson.playing = false;
    if (steps > 0) {
        stats_stale_ = true;
        heatmaps_stale_ = true;
        ++network_version_;
        snapshots_.Offer(trainer_->step(), trainer_->network());
    }

    if (zero_sample_requested_) {
        zero_sample_requested_ = false;
        lesson.selection.sample = FirstZeroFactorSample(lesson.selection, 0);
    }
    ++frames_since_observe_;
    ++frames_since_heatmap_;
    // While playing, statistics and heatmaps follow every few frames; a paused edit shows at once.
    const bool training = lesson.playing && steps > 0;
    if (stats_stale_ && (!training || frames_since_observe_ >= kObserveEveryFrames)) {
        trainer_->Observe();
        stats_stale_ = false;
        frames_since_observe_ = 0;
    }
    if (heatmaps_stale_ && (!training || frames_since_heatmap_ >= kHeatmapEveryFrames)) RefreshHeatmaps();
    // The regions follow the heatmaps: sampled again once the heatmaps show a newer network.
    const bool wanted = std::exchange(regions_wanted_, false);
    if (wanted && !heatmaps_stale_ && regions_version_ != network_version_) {
        linear_regions_ = SampleLinearRegions(trainer_->network(), kRegionGrid, kPlaneLo, kPlaneHi);
        regions_version_ = network_version_;
    }
    RefreshHoveredGradient();
}

void NetworkSession::RefreshHoveredGradient() {
    // A report lasts one Update: a view that stops drawing the graph stops the computation too.
    const std::optional<WeightIndex> hovered = std::exchange(hovered_, std::nullopt);
    if (!hovered) {
        hovered_gradient_.reset();
        return;
    }
    if (hovered_gradient_ && hovered_gradient_->weight == *hovered &&
        hovered_gradient_version_ == network_version_)
        return;
    hovered_gradient_.reset();
    const Network& network = trainer_->network();
    const WeightIndex weight = *hovered;
    if (weight.layer >= network.layers.size()) return;
    const Layer& layer = network.layers[weight.layer];
    if (weight.neuron >= layer.size || weight.input >= layer.fan_in) return;
    // ∂L/∂w = (1/N) Σₙ ∂Eₙ/∂w over the N training samples: one backward pass of the whole set.
    const Gradients gradients = ComputeGradients(network, trainer_->train());
    hovered_gradient_ =
        WeightGradient{weight, gradients.weights[weight.layer][weight.neuron * layer.fan_in + weight.input]};
    hovered_gradient_version_ = network_version_;
    ++gradient_computations_;
}

void NetworkSession::RefreshHeatmaps() {
    // One pass of the fine grid through the network gives every node; each node's coarse cell is the
    // mean of the 2 × 2 fine cells it covers (kOutputGrid = 2·kNeuronGrid). A second pass at the
    // coarse size would cost another quarter of the forward passes for a difference no one sees.
    static_assert(kOutputGrid == 2 * kNeuronGrid);
    const Network& network = trainer_->network();
    EvaluateGrid(network, kOutputGrid, kPlaneLo, kPlaneHi, scratch_);
    const std::size_t nodes = NodeCount(network);
    const std::size_t fine = kOutputGrid * kOutputGrid, coarse = kNeuronGrid * kNeuronGrid;
    node_grid_.resize(nodes * coarse);
    for (std::size_t node = 0; node < nodes; ++node) {
        const float* in = scratch_.data() + node * fine;
        float* out = node_grid_.data() + node * coarse;
        for (std::size_t r = 0; r < kNeuronGrid; ++r) {
            const float* top = in + 2 * r * kOutputGrid;
            const float* bottom = top + kOutputGrid;
            for (std::size_t c = 0; c < kNeuronGrid; ++c) {
                out[r * kNeuronGrid + c] =
                    0.25f * (top[2 * c] + top[2 * c + 1] + bottom[2 * c] + bottom[2 * c + 1]);
            }
        }
    }
    // The output layer's nodes: ŷ, or a softmax output's K class probabilities one map after another.
    const std::size_t first_output = nodes - network.Output().size;
    output_grid_.assign(scratch_.begin() + static_cast<std::ptrdiff_t>(first_output * fine),
                        scratch_.begin() + static_cast<std::ptrdiff_t>(nodes * fine));
    heatmaps_stale_ = false;
    frames_since_heatmap_ = 0;
    ++heatmap_updates_;
}

std::size_t NetworkSession::FirstZeroFactorSample(const WeightSelection& selection,
                                                  std::size_t fallback) const {
    if (!trainer_ || !selection.valid) return fallback;
    const Network& network = trainer_->network();
    if (selection.layer >= network.layers.size()) return fallback;
    const Layer& layer = network.layers[selection.layer];
    if (selection.neuron >= layer.size || selection.input >= layer.fan_in) return fallback;
    const std::vector<Sample>& train = trainer_->train();
    for (std::size_t s = 0; s < train.size(); ++s) {
        if (TraceWeight(network, selection.layer, selection.neuron, selection.input, train[s], 0.0)
                .has_zero_factor)
            return s;
    }
    return fallback;
}

} // namespace actlab::session
