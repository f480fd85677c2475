// `actlab bench [--json]`: measured speed of ActLab's hot paths, each beside its target.
// Timings on shared machines are noisy: compare figures of one run, never gate a test on them.
#include "cli/bench_frames.h"
#include "cli/bench_render.h"
#include "cli/bench_report.h"
#include "cli/commands.h"
#include "core/activation.h"
#include "core/dataset.h"
#include "core/network.h"
#include "core/training.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace actlab::cli {

namespace {

struct BenchOptions {
    bool json = false;
    double seconds_per_figure = 0.05;
    int frames = 300;
    int soak_frames = 0; // --soak: only the memory soak
};

// Millions of f (or f') evaluations per second over x spread across [−6, 6].
double EvaluationsPerSecond(const Activation& activation, bool derivative, double budget_s) {
    std::vector<double> xs(4096);
    for (std::size_t i = 0; i < xs.size(); ++i)
        xs[i] = -6.0 + 12.0 * static_cast<double>(i) / 4095.0;
    volatile double sink = 0.0;
    std::size_t evaluations = 0;
    const double start = bench::NowSeconds();
    double elapsed = 0.0;
    do {
        double sum = 0.0;
        if (derivative) {
            for (double x : xs)
                sum += Derivative(activation, x);
        } else {
            for (double x : xs)
                sum += Evaluate(activation, x);
        }
        sink = sink + sum;
        evaluations += xs.size();
        elapsed = bench::NowSeconds() - start;
    } while (elapsed < budget_s);
    return static_cast<double>(evaluations) / elapsed / 1e6;
}

void AddEvaluationFigures(bench::Report& report, double budget_s) {
    for (const auto& info : Catalogue()) {
        const Activation activation = Activation::WithDefaults(info.id);
        report.Add({"eval_" + std::string(info.name) + "_m_per_s", "evaluate " + std::string(info.name),
                    EvaluationsPerSecond(activation, false, budget_s), "M evals/s", std::nullopt,
                    bench::Better::Higher});
        report.Add({"derivative_" + std::string(info.name) + "_m_per_s",
                    "derivative " + std::string(info.name), EvaluationsPerSecond(activation, true, budget_s),
                    "M evals/s", std::nullopt, bench::Better::Higher});
    }
}

// Training samples per second (forward, backward and update) on the circle dataset, batch 10, one
// thread: steps × batch / elapsed time, the median of kRounds rounds of equal time, so that a burst
// of other work on a shared machine moves the figure less than it would move one long average.
double TrainingSamplesPerSecond(const std::vector<std::size_t>& hidden, ActivationId activation,
                                double budget_s, Optimizer optimizer = Optimizer::Sgd) {
    constexpr std::size_t kBatch = 10;
    constexpr int kRounds = 5;
    Trainer trainer = MakeThroughputTrainer(hidden, activation, kBatch, optimizer);
    trainer.Run(100); // warm caches and branch predictors
    std::vector<double> rates;
    for (int round = 0; round < kRounds && !trainer.diverged(); ++round) {
        std::size_t steps = 0;
        const double start = bench::NowSeconds();
        double elapsed = 0.0;
        do {
            steps += trainer.Run(1000);
            elapsed = bench::NowSeconds() - start;
        } while (elapsed < budget_s / kRounds && !trainer.diverged());
        rates.push_back(static_cast<double>(steps * kBatch) / elapsed);
    }
    std::sort(rates.begin(), rates.end());
    return rates.empty() ? 0.0 : rates[rates.size() / 2];
}

void AddTrainingFigures(bench::Report& report, double budget_s) {
    report.Add({"train_2_8_8_1_tanh_samples_per_s", "training 2→8→8→1 tanh, batch 10 (median of 5 rounds)",
                TrainingSamplesPerSecond({8, 8}, ActivationId::Tanh, budget_s), "samples/s", 5e6,
                bench::Better::Higher});
    report.Add({"train_2_4_2_1_relu_samples_per_s", "training 2→4→2→1 relu, batch 10 (median of 5 rounds)",
                TrainingSamplesPerSecond({4, 2}, ActivationId::Relu, budget_s), "samples/s", 5e6,
                bench::Better::Higher});
    for (Optimizer optimizer : {Optimizer::Momentum, Optimizer::Adam}) {
        const std::string name(OptimizerName(optimizer));
        report.Add({"train_2_8_8_1_tanh_" + name + "_samples_per_s",
                    "training 2→8→8→1 tanh, " + name + ", batch 10 (median of 5 rounds)",
                    TrainingSamplesPerSecond({8, 8}, ActivationId::Tanh, budget_s, optimizer), "samples/s",
                    5e6, bench::Better::Higher});
    }
}

int RunBench(const BenchOptions& options) {
    bench::Report report;
    if (options.soak_frames > 0) {
        bench::AddSoakFigures(report, options.soak_frames);
        std::cout << (options.json ? report.ToJson() : report.ToTable()) << '\n';
        return kExitOk;
    }
    AddEvaluationFigures(report, options.seconds_per_figure);
    bench::AddFrameFigures(report, options.frames);
    bench::AddRenderFigures(report);
    AddTrainingFigures(report, 10.0 * options.seconds_per_figure);
    bench::AddNetworkFrameFigures(report, options.frames);
    report.Add({"peak_rss_mb", "peak resident memory", bench::PeakResidentMiB(), "MiB", std::nullopt,
                bench::Better::Lower});
    std::cout << (options.json ? report.ToJson() : report.ToTable()) << '\n';
    return kExitOk;
}

} // namespace

void AddBenchCommand(CLI::App& app, CommandRunner& run) {
    auto options = std::make_shared<BenchOptions>();
    auto* cmd = app.add_subcommand("bench", "Measure evaluation, training, rendering and start-up speed");
    cmd->add_flag("--json", options->json, "Print one JSON object instead of a table");
    cmd->add_option("--frames", options->frames, "UI frames to time (default 300)")
        ->check(CLI::Range(10, 100000));
    cmd->add_option(
           "--soak", options->soak_frames,
           "Render FRAMES full-UI frames with training running; report resident memory at start and end")
        ->type_name("FRAMES")
        ->check(CLI::Range(1, 100000000));
    cmd->callback([&run, options] { run = [options] { return RunBench(*options); }; });
}

} // namespace actlab::cli
