// `actlab train`: trains the mini network headlessly (SGD, momentum or Adam; one output neuron or a
// softmax over K classes) and prints a summary; optionally logs per-step loss, dead fraction, per-layer
// gradient norms and accuracy, and saves the trained network.
#include "cli/commands.h"
#include "cli/function_args.h"
#include "core/dataset.h"
#include "core/file_io.h"
#include "core/network.h"
#include "core/number_parse.h"
#include "core/training.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace actlab::cli {

namespace {

constexpr std::size_t kMaxDataFileBytes = 64u << 20;
constexpr long long kMaxSteps = 10'000'000;
constexpr double kMaxSampleUpdates = 1e9;              // a few minutes of training at most
constexpr std::size_t kInferClasses = ~std::size_t{0}; // a softmax output as wide as the data's classes

struct TrainOptions {
    std::string network_file;
    std::string layers;
    std::string activation;
    std::vector<std::string> params;
    std::string output;
    std::string init;
    std::string init_std;
    std::string bias_init;
    std::string inputs;
    std::string seed = "1";
    std::string data_file;
    std::string dataset;
    std::string samples;
    std::string noise;
    std::string split;
    std::string steps;
    std::string lr;
    std::string batch;
    std::string loss;
    std::string l2 = "0";
    std::string optimizer = "sgd";
    std::string momentum;
    std::string beta1;
    std::string beta2;
    std::string eps;
    bool no_shuffle = false;
    std::string log_file;
    std::string log_every = "1";
    std::string save_file;
};

std::string Describe(const Network& network) {
    std::string text = std::to_string(network.inputs.size());
    for (const Layer& layer : network.layers)
        text += "→" + std::to_string(layer.size);
    if (network.layers.size() > 1) text += " " + std::string(network.layers.front().activation.info().name);
    const std::string output =
        network.IsSoftmax() ? "softmax" : std::string(network.Output().activation.info().name);
    return text + ", " + output + " output, " + std::string(LossName(network.loss));
}

std::string Short(double value) {
    std::ostringstream out;
    out.precision(6);
    out << value;
    return out.str();
}

// The network from the command line: loaded, or built from --layers and friends.
// `classes` is the data's class count for a softmax output built from flags (0: no softmax).
int BuildNetwork(const TrainOptions& options, std::uint64_t seed, bool regression, std::size_t classes,
                 Network& network) {
    std::optional<Loss> loss;
    if (!options.loss.empty()) {
        loss = ParseLoss(options.loss);
        if (!loss)
            return UsageError("--loss: unknown loss '" + options.loss + "'; known: " + NamesIn(kLossNames));
    }
    if (!options.network_file.empty()) {
        for (const auto* flag : {&options.layers, &options.activation, &options.output, &options.init,
                                 &options.init_std, &options.bias_init, &options.inputs})
            if (!flag->empty())
                return UsageError("--network takes the shape, activations and weights from the file; "
                                  "--layers, --activation, --output, --init, --init-std, --bias-init and "
                                  "--inputs go without it");
        if (!options.params.empty()) return UsageError("--param goes with --activation, not with --network");
        std::string text;
        if (std::string error = ReadFileCapped(options.network_file, kMaxNetworkFileBytes, text);
            !error.empty())
            return UsageError(error);
        auto parsed = NetworkFromJson(text, options.network_file);
        if (!parsed.error.empty()) return UsageError(parsed.error);
        network = std::move(parsed.network);
        if (loss && (*loss == Loss::Ce) != network.IsSoftmax())
            return UsageError("--loss: " + options.network_file +
                              (network.IsSoftmax() ? " has a softmax output, which trains with ce only"
                                                   : " has one output neuron; ce needs a softmax output"));
        if (loss) {
            network.loss = *loss;
            if (std::string error = ValidateNetwork(network); !error.empty())
                return UsageError("--loss: " + error + " (" + options.network_file + " has a " +
                                  std::string(network.Output().activation.info().name) + " output)");
        }
        return kExitOk;
    }

    if (options.layers.empty() || options.activation.empty())
        return UsageError("give the network: --network IN.json, or --layers 4,2 --activation NAME");
    NetworkSpec spec;
    spec.hidden.clear();
    if (options.layers != "0") {
        std::stringstream list(options.layers);
        for (std::string item; std::getline(list, item, ',');) {
            const auto width = ParseInteger(item, 1, static_cast<long long>(kMaxLayerWidth));
            if (!width) return UsageError("--layers: " + width.error + " (neurons per hidden layer, 1 to 8)");
            spec.hidden.push_back(static_cast<std::size_t>(width.value));
        }
        if (spec.hidden.empty() || options.layers.back() == ',')
            return UsageError("--layers: expected neurons per hidden layer, e.g. 4,2 (or 0 for none)");
    }
    if (std::string error =
            ParseFunctionWithParams(options.activation, options.params, spec.hidden_activation);
        !error.empty())
        return UsageError("--activation: " + error);
    spec.loss = loss.value_or(Loss::Mse);
    if (classes > 0) { // softmax: --output softmax, --loss ce, or a multi-class dataset
        spec.loss = Loss::Ce;
        spec.classes = classes;
    } else if (!options.output.empty()) {
        const auto id = FindActivation(options.output);
        if (!id || !IsOutputActivation(*id))
            return UsageError("--output: expected tanh, sigmoid, linear or softmax, got '" + options.output +
                              "'");
        spec.output = *id;
    } else {
        spec.output = spec.loss == Loss::Bce ? ActivationId::Sigmoid
                                             : (regression ? ActivationId::Linear : ActivationId::Tanh);
    }
    if (!options.inputs.empty()) {
        spec.inputs.clear();
        std::stringstream list(options.inputs);
        for (std::string item; std::getline(list, item, ',');) {
            const auto feature = ParseFeature(item);
            if (!feature)
                return UsageError("--inputs: unknown input '" + item +
                                  "'; known: " + NamesIn(kInputFeatureNames));
            spec.inputs.push_back(*feature);
        }
    }
    InitOptions init;
    init.seed = seed;
    init.scheme = spec.hidden_activation.id == ActivationId::Relu ? InitScheme::He : InitScheme::Xavier;
    if (!options.init.empty()) {
        const auto scheme = ParseInitScheme(options.init);
        if (!scheme)
            return UsageError("--init: unknown scheme '" + options.init +
                              "'; known: " + NamesIn(kInitSchemeNames));
        init.scheme = *scheme;
    }
    if (!options.init_std.empty()) {
        const auto std_dev = ParseFiniteNumber(options.init_std);
        if (!std_dev) return UsageError("--init-std: " + std_dev.error);
        if (!(std_dev.value > 0.0 && std_dev.value <= 10.0))
            return UsageError("--init-std: must be in (0, 10]");
        init.normal_std = std_dev.value;
    }
    if (!options.bias_init.empty()) {
        const auto bias = ParseFiniteNumber(options.bias_init);
        if (!bias) return UsageError("--bias-init: " + bias.error);
        if (std::fabs(bias.value) > 100.0) return UsageError("--bias-init: must be within ±100");
        init.bias = bias.value;
    }
    if (std::string error = ValidateSpec(spec); !error.empty()) return UsageError(error);
    network = MakeNetwork(spec, init);
    return kExitOk;
}

// For a softmax output: every y of a file must be a class index 0 … classes−1 (kInferClasses: 0 … 7,
// and `classes` becomes the largest index + 1, at least 2).
int CheckClassLabels(const std::string& file, const std::vector<Sample>& samples, std::size_t& classes) {
    const bool infer = classes == kInferClasses;
    const std::size_t limit = infer ? kMaxClasses : classes;
    std::size_t largest = 0;
    for (std::size_t i = 0; i < samples.size(); ++i) {
        const double y = samples[i].y;
        if (!(y >= 0.0 && y < static_cast<double>(limit) && y == std::floor(y)))
            return UsageError(file + ": line " + std::to_string(i + 2) + ": field y: a softmax output with " +
                              (infer ? "up to 8" : std::to_string(limit)) +
                              " classes needs a class index 0 … " + std::to_string(limit - 1) + ", got " +
                              FormatNumber17(y));
        largest = std::max(largest, static_cast<std::size_t>(y));
    }
    if (infer) {
        if (largest < 1)
            return UsageError(file + ": field y: a softmax output needs at least 2 classes (0 and 1)");
        classes = largest + 1;
    }
    return kExitOk;
}

// The samples from --data or --dataset, split into training and test sets. `classes`: 0 without a
// softmax output; else as CheckClassLabels (a two-class dataset is labelled 0/1 for it).
int LoadData(const TrainOptions& options, std::uint64_t seed, bool zero_one, std::size_t& classes,
             SplitData& split) {
    if (options.data_file.empty() == options.dataset.empty())
        return UsageError("give the data: --data FILE.csv or --dataset NAME");
    double fraction = options.data_file.empty() ? 0.8 : 1.0;
    if (!options.split.empty()) {
        const auto parsed = ParseFiniteNumber(options.split);
        if (!parsed) return UsageError("--split: " + parsed.error);
        if (!(parsed.value > 0.0 && parsed.value <= 1.0))
            return UsageError("--split: the training fraction must be in (0, 1]");
        fraction = parsed.value;
    }
    std::vector<Sample> samples;
    if (!options.data_file.empty()) {
        if (!options.samples.empty() || !options.noise.empty())
            return UsageError("--samples and --noise go with --dataset, not with --data");
        std::string text;
        if (std::string error = ReadFileCapped(options.data_file, kMaxDataFileBytes, text); !error.empty())
            return UsageError(error);
        auto parsed = ParseDatasetCsv(text, options.data_file);
        if (!parsed.error.empty()) return UsageError(parsed.error);
        samples = std::move(parsed.samples);
        if (classes > 0) {
            if (int status = CheckClassLabels(options.data_file, samples, classes); status != kExitOk)
                return status;
        } else if (zero_one) {
            for (std::size_t i = 0; i < samples.size(); ++i)
                if (samples[i].y != 0.0 && samples[i].y != 1.0)
                    return UsageError(options.data_file + ": line " + std::to_string(i + 2) +
                                      ": field y: the bce loss needs labels 0 or 1, got " +
                                      FormatNumber17(samples[i].y));
        }
    } else {
        DatasetOptions data;
        const auto kind = ParseDatasetKind(options.dataset);
        if (!kind)
            return UsageError("--dataset: unknown dataset '" + options.dataset +
                              "'; known: " + KnownDatasetNames());
        data.kind = *kind;
        data.seed = seed;
        data.zero_one_labels = zero_one;
        if (classes > 0) {
            const std::size_t k = ClassCount(*kind);
            if (k == 0)
                return UsageError("--dataset: " + options.dataset +
                                  " is a regression set; a softmax output needs classes");
            if (classes != kInferClasses && k > classes)
                return UsageError("--dataset: " + options.dataset + " has " + std::to_string(k) +
                                  " classes; the network's softmax output has " + std::to_string(classes));
            if (classes == kInferClasses) classes = k;
            data.zero_one_labels = k == 2; // classes 0 and 1
        }
        if (!options.samples.empty()) {
            const auto n = ParseInteger(options.samples, 1, static_cast<long long>(kMaxDatasetSamples));
            if (!n) return UsageError("--samples: " + n.error);
            data.samples = static_cast<std::size_t>(n.value);
        }
        if (!options.noise.empty()) {
            const auto noise = ParseFiniteNumber(options.noise);
            if (!noise) return UsageError("--noise: " + noise.error);
            data.noise = noise.value;
        }
        if (std::string error = ValidateDatasetOptions(data); !error.empty())
            return UsageError("--dataset: " + error);
        samples = MakeDataset(data);
    }
    split = SplitDataset(samples, fraction);
    if (split.train.empty()) return UsageError("--split: no training samples left");
    return kExitOk;
}

bool IsClassificationData(const std::vector<Sample>& samples) {
    for (const Sample& s : samples)
        if (s.y != 1.0 && s.y != -1.0 && s.y != 0.0) return false;
    return true;
}

// What the log holds beyond the loss: accuracy for a classification run, on the test set too if any.
struct LogColumns {
    bool accuracy = false;
    bool test_accuracy = false;
};

std::string LogHeader(const Network& network, LogColumns columns) {
    std::string header = "step,train_loss,dead_fraction";
    for (std::size_t l = 0; l < network.layers.size(); ++l)
        header += l + 1 == network.layers.size() ? ",grad_norm_out" : ",grad_norm_h" + std::to_string(l + 1);
    if (columns.accuracy) header += ",accuracy";
    if (columns.test_accuracy) header += ",test_accuracy";
    return header + "\n";
}

std::string LogRow(const Trainer& trainer, const NetworkStats& stats, LogColumns columns) {
    std::string row = std::to_string(trainer.step()) + "," + FormatNumber17(stats.loss) + "," +
                      FormatNumber17(stats.dead_fraction);
    for (const LayerStats& layer : stats.layers)
        row += "," + FormatNumber17(layer.gradient_norm);
    if (columns.accuracy) row += "," + FormatNumber17(stats.accuracy);
    if (columns.test_accuracy) row += "," + FormatNumber17(Accuracy(trainer.network(), trainer.test()));
    return row + "\n";
}

// The optimizer and its parameters from the command line into `training`.
int ParseOptimizerOptions(const TrainOptions& options, TrainingOptions& training) {
    const auto optimizer = ParseOptimizer(options.optimizer);
    if (!optimizer)
        return UsageError("--optimizer: unknown optimizer '" + options.optimizer +
                          "'; known: " + NamesIn(kOptimizerNames));
    training.optimizer = *optimizer;
    struct Param {
        const std::string* text;
        const char* flag;
        Optimizer needs;
        double* value;
    };
    for (const Param& p : {Param{&options.momentum, "--momentum", Optimizer::Momentum, &training.momentum},
                           Param{&options.beta1, "--beta1", Optimizer::Adam, &training.beta1},
                           Param{&options.beta2, "--beta2", Optimizer::Adam, &training.beta2},
                           Param{&options.eps, "--eps", Optimizer::Adam, &training.eps}}) {
        if (p.text->empty()) continue;
        if (training.optimizer != p.needs)
            return UsageError(std::string(p.flag) + " goes with --optimizer " +
                              std::string(OptimizerName(p.needs)));
        const auto value = ParseFiniteNumber(*p.text);
        if (!value) return UsageError(std::string(p.flag) + ": " + value.error);
        *p.value = value.value;
    }
    return kExitOk;
}

// Whether the run has a softmax output: --output softmax, --loss ce, or a multi-class --dataset
// without an --output. Sets `softmax`; refuses flags that contradict each other.
int WantsSoftmax(const TrainOptions& options, bool& softmax) {
    const bool output_softmax = options.output == "softmax";
    const bool loss_ce = options.loss == "ce";
    if (output_softmax && !options.loss.empty() && !loss_ce)
        return UsageError("--output softmax trains with --loss ce, not " + options.loss);
    if (loss_ce && !options.output.empty() && !output_softmax)
        return UsageError("--loss ce needs --output softmax, not " + options.output);
    softmax = output_softmax || loss_ce;
    if (const auto kind = ParseDatasetKind(options.dataset); kind && ClassCount(*kind) > 2 && !softmax) {
        if (!options.output.empty() || !options.loss.empty())
            return UsageError("--dataset: " + options.dataset + " has " + std::to_string(ClassCount(*kind)) +
                              " classes: it needs --output softmax (--loss ce)");
        softmax = options.network_file.empty();
    }
    return kExitOk;
}

int RunTrain(const TrainOptions& options) {
    // 1. Arguments that do not depend on files.
    const auto seed = ParseInteger(options.seed, 0, 9'223'372'036'854'775'807LL);
    if (!seed) return UsageError("--seed: " + seed.error);
    if (options.steps.empty() || options.lr.empty() || options.batch.empty())
        return UsageError("give --steps N, --lr ETA and --batch B");
    const auto steps = ParseInteger(options.steps, 0, kMaxSteps);
    if (!steps) return UsageError("--steps: " + steps.error + " (0 to 10000000)");
    const auto lr = ParseFiniteNumber(options.lr);
    if (!lr) return UsageError("--lr: " + lr.error);
    const auto batch = ParseInteger(options.batch, 1, static_cast<long long>(kMaxBatchSize));
    if (!batch) return UsageError("--batch: " + batch.error);
    const auto l2 = ParseFiniteNumber(options.l2);
    if (!l2) return UsageError("--l2: " + l2.error);
    const auto log_every = ParseInteger(options.log_every, 1, kMaxSteps);
    if (!log_every) return UsageError("--log-every: " + log_every.error);
    TrainingOptions training;
    training.learning_rate = lr.value;
    training.batch_size = static_cast<std::size_t>(batch.value);
    training.l2 = l2.value;
    training.shuffle = !options.no_shuffle;
    training.seed = static_cast<std::uint64_t>(seed.value);
    if (int status = ParseOptimizerOptions(options, training); status != kExitOk) return status;
    if (std::string error = ValidateTrainingOptions(training); !error.empty()) return UsageError(error);

    // 2. The network and the data (0/1 labels for a sigmoid output); a softmax output built from flags
    // is as wide as the data's classes, so its data comes first.
    bool regression = false;
    if (!options.dataset.empty())
        if (const auto kind = ParseDatasetKind(options.dataset)) regression = !IsClassification(*kind);
    bool softmax = false;
    if (int status = WantsSoftmax(options, softmax); status != kExitOk) return status;
    Network network;
    SplitData split;
    std::size_t classes = 0;
    if (softmax && options.network_file.empty()) {
        classes = kInferClasses;
        if (int status = LoadData(options, training.seed, false, classes, split); status != kExitOk)
            return status;
        if (int status = BuildNetwork(options, training.seed, regression, classes, network);
            status != kExitOk)
            return status;
    } else {
        if (int status = BuildNetwork(options, training.seed, regression, 0, network); status != kExitOk)
            return status;
        const bool zero_one = network.Output().activation.id == ActivationId::Sigmoid && !regression;
        classes = network.IsSoftmax() ? network.Output().size : 0;
        if (int status = LoadData(options, training.seed, zero_one, classes, split); status != kExitOk)
            return status;
    }
    const bool classification =
        network.IsSoftmax() || (IsClassificationData(split.train) && IsClassificationData(split.test));
    const LogColumns columns{classification, classification && !split.test.empty()};

    // A cap on the work asked for, so that no combination of arguments runs for hours.
    const double work = static_cast<double>(steps.value) * static_cast<double>(training.batch_size);
    if (work > kMaxSampleUpdates)
        return UsageError("--steps × --batch is " + Short(work) + " sample updates; at most 1e9 in one run");
    if (!options.log_file.empty()) {
        const double logged = static_cast<double>(steps.value) / static_cast<double>(log_every.value) *
                              static_cast<double>(split.train.size() + split.test.size());
        if (logged > kMaxSampleUpdates)
            return UsageError("--log evaluates every sample at each logged step: " + Short(logged) +
                              " evaluations; log less often with --log-every K");
    }

    // 3. The log opens before training so that an unwritable path fails at once; it is written like
    // every other output, so a failed or killed run never leaves half a log under its name.
    AtomicFileWriter log;
    if (!options.log_file.empty()) {
        if (std::string error = log.Open(options.log_file); !error.empty()) {
            std::cerr << "actlab: " << error << '\n';
            return kExitEnvironment;
        }
    }

    // 4. Training.
    Trainer trainer(std::move(network), std::move(split.train), std::move(split.test), training);
    log.Write(LogHeader(trainer.network(), columns));
    if (log.is_open()) log.Write(LogRow(trainer, trainer.Observe(), columns));
    const auto total = static_cast<std::size_t>(steps.value);
    const auto every = static_cast<std::size_t>(log_every.value);
    while (trainer.step() < total && !trainer.diverged()) {
        const std::size_t chunk = log.is_open()
                                      ? std::min(every - trainer.step() % every, total - trainer.step())
                                      : total - trainer.step();
        trainer.Run(chunk);
        if (log.is_open() && !trainer.diverged() && (trainer.step() % every == 0 || trainer.step() == total))
            log.Write(LogRow(trainer, trainer.Observe(), columns));
    }
    if (log.is_open()) {
        if (std::string error = log.Commit(); !error.empty()) {
            std::cerr << "actlab: " << error << '\n';
            return kExitEnvironment;
        }
    }
    if (trainer.diverged()) return UsageError(trainer.divergence());

    // 5. Save, then the summary.
    if (!options.save_file.empty()) {
        if (std::string error = WriteFileAtomically(options.save_file, NetworkToJson(trainer.network()));
            !error.empty()) {
            std::cerr << "actlab: " << error << '\n';
            return kExitEnvironment;
        }
    }
    const NetworkStats stats = ComputeStats(trainer.network(), trainer.train());
    std::string out = "network: " + Describe(trainer.network()) + "\n";
    out += "steps: " + std::to_string(trainer.step()) + " (batch " + std::to_string(training.batch_size) +
           ", lr " + Short(training.learning_rate) + ")\n";
    out += "optimizer: " + std::string(OptimizerName(training.optimizer)) + "\n";
    out += "samples: " + std::to_string(trainer.train().size()) + " train, " +
           std::to_string(trainer.test().size()) + " test\n";
    out += "train_loss: " + Short(stats.loss) + "\n";
    if (classification)
        out += "train_accuracy: " + Short(Accuracy(trainer.network(), trainer.train())) + "\n";
    if (!trainer.test().empty()) {
        out += "test_loss: " + Short(MeanLoss(trainer.network(), trainer.test())) + "\n";
        if (classification)
            out += "test_accuracy: " + Short(Accuracy(trainer.network(), trainer.test())) + "\n";
    }
    out += "dead: " + std::to_string(stats.dead_count) + "/" + std::to_string(stats.hidden_neurons) + "\n";
    out += "dying: " + std::to_string(stats.dying_count) + "/" + std::to_string(stats.hidden_neurons) + "\n";
    if (!options.save_file.empty()) out += "saved: " + options.save_file + "\n";
    std::cout << out;
    return kExitOk;
}

} // namespace

void AddTrainCommand(CLI::App& app, CommandRunner& run) {
    auto options = std::make_shared<TrainOptions>();
    auto* cmd =
        app.add_subcommand("train", "Train the mini network (SGD, momentum or Adam) and print a summary");
    cmd->add_option("--network", options->network_file, "Start from a saved network")->type_name("IN.json");
    cmd->add_option("--layers", options->layers, "Neurons per hidden layer, e.g. 4,2 (0: no hidden layer)")
        ->type_name("N1,N2,...");
    cmd->add_option("--activation", options->activation, "Hidden activation (see `actlab list`)")
        ->type_name("NAME");
    cmd->add_option("--param,-p", options->params, "Parameter of the hidden activation, e.g. slope=0.1")
        ->type_name("NAME=VALUE")
        ->allow_extra_args(false);
    cmd->add_option(
           "--output", options->output,
           "Output: tanh, sigmoid, linear, or softmax (one neuron per class; y is the class index 0…K−1)")
        ->type_name("NAME");
    cmd->add_option("--init", options->init, "Weight initialisation: he, xavier, lecun, uniform, normal")
        ->type_name("SCHEME");
    cmd->add_option("--init-std", options->init_std, "Std of --init normal (default 0.1)")->type_name("STD");
    cmd->add_option("--bias-init", options->bias_init, "Initial bias of every hidden neuron (default 0)")
        ->type_name("B");
    cmd->add_option("--inputs", options->inputs,
                    "Input features (default x1,x2): x1, x2, x1^2, x2^2, x1*x2, sin(x1), sin(x2)")
        ->type_name("LIST");
    cmd->add_option("--seed", options->seed, "Seed of weights, dataset and batch order (default 1)")
        ->type_name("S");
    cmd->add_option("--data", options->data_file, "Training data as CSV x1,x2,y")->type_name("FILE.csv");
    cmd->add_option("--dataset", options->dataset, "Generate a dataset (see `actlab dataset`)")
        ->type_name("NAME");
    cmd->add_option("--samples", options->samples, "Samples of --dataset (default 500)")->type_name("N");
    cmd->add_option("--noise", options->noise, "Noise of --dataset (default 0)")->type_name("X");
    cmd->add_option("--split", options->split,
                    "Training fraction; the rest is the test set (default 0.8 for --dataset, 1 for --data)")
        ->type_name("F");
    cmd->add_option("--steps", options->steps, "SGD steps (one batch each)")->type_name("N");
    cmd->add_option("--lr", options->lr, "Learning rate η")->type_name("ETA");
    cmd->add_option("--batch", options->batch, "Samples per step")->type_name("B");
    cmd->add_option("--loss", options->loss, "mse (default), bce (sigmoid output) or ce (softmax output)")
        ->type_name("mse|bce|ce");
    cmd->add_option("--l2", options->l2, "L2 factor λ (default 0); PyTorch's weight_decay on the weights")
        ->type_name("LAMBDA");
    cmd->add_option("--optimizer", options->optimizer, "sgd (default), momentum or adam, as PyTorch's")
        ->type_name("sgd|momentum|adam");
    cmd->add_option("--momentum", options->momentum, "μ of --optimizer momentum, in [0, 1) (default 0.9)")
        ->type_name("M");
    cmd->add_option("--beta1", options->beta1, "Adam's β1, in [0, 1) (default 0.9)")->type_name("B1");
    cmd->add_option("--beta2", options->beta2, "Adam's β2, in [0, 1) (default 0.999)")->type_name("B2");
    cmd->add_option("--eps", options->eps, "Adam's ε, in (0, 1] (default 1e-8)")->type_name("E");
    cmd->add_flag("--no-shuffle", options->no_shuffle,
                  "Batches are consecutive rows in order, wrapping around");
    cmd->add_option("--log", options->log_file,
                    "Write step,train_loss,dead_fraction,grad_norm_...[,accuracy[,test_accuracy]] per step")
        ->type_name("FILE.csv");
    cmd->add_option("--log-every", options->log_every, "Log every K steps (default 1)")->type_name("K");
    cmd->add_option("--save", options->save_file, "Save the trained network as JSON")->type_name("OUT.json");
    cmd->callback([&run, options] { run = [options] { return RunTrain(*options); }; });
}

} // namespace actlab::cli
