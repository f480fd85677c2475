// Google Benchmark of one SGD step of the mini network (forward, backward and update), the figure
// `actlab bench` reports as training samples per second, for profiling the kernels in isolation.
#include "core/activation.h"
#include "core/dataset.h"
#include "core/network.h"
#include "core/training.h"

#include <benchmark/benchmark.h>

#include <cstdint>
#include <vector>

namespace actlab {
namespace {

void RunSteps(benchmark::State& state, std::vector<std::size_t> hidden, ActivationId activation) {
    const auto batch = static_cast<std::size_t>(state.range(0));
    Trainer trainer = MakeThroughputTrainer(std::move(hidden), activation, batch);
    trainer.Run(100);
    for (auto _ : state) {
        benchmark::DoNotOptimize(trainer.Step());
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(batch));  // items: samples
}

void BM_Step_2_8_8_1_Tanh(benchmark::State& state) { RunSteps(state, {8, 8}, ActivationId::Tanh); }
void BM_Step_2_4_2_1_Relu(benchmark::State& state) { RunSteps(state, {4, 2}, ActivationId::Relu); }
void BM_Step_2_8_8_1_Sigmoid(benchmark::State& state) { RunSteps(state, {8, 8}, ActivationId::Sigmoid); }
void BM_Step_2_8_8_8_1_Elu(benchmark::State& state) { RunSteps(state, {8, 8, 8}, ActivationId::Elu); }

void BM_Observe_2_8_8_1_Tanh(benchmark::State& state) {
    Trainer trainer = MakeThroughputTrainer({8, 8}, ActivationId::Tanh, 10);
    for (auto _ : state) benchmark::DoNotOptimize(trainer.Observe().loss);
}

BENCHMARK(BM_Step_2_8_8_1_Tanh)->Arg(10)->Arg(1)->Arg(100);
BENCHMARK(BM_Step_2_4_2_1_Relu)->Arg(10)->Arg(1)->Arg(100);
BENCHMARK(BM_Step_2_8_8_1_Sigmoid)->Arg(10);
BENCHMARK(BM_Step_2_8_8_8_1_Elu)->Arg(10);
BENCHMARK(BM_Observe_2_8_8_1_Tanh);

}  // namespace
}  // namespace actlab

BENCHMARK_MAIN();
