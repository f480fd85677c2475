// Google Benchmark of one SGD step of the mini network (forward, backward and update), the figure
// `actlab bench` reports as training samples per second, for profiling the kernels in isolation.
#include "core/activation.h"
#include "core/dataset.h"
#include "core/network.h"
#include "core/network_kernel.h"
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
// The same shape as the tanh step with ReLU: the difference is the cost of tanh and tanh′.
void BM_Step_2_8_8_1_Relu(benchmark::State& state) { RunSteps(state, {8, 8}, ActivationId::Relu); }
void BM_Step_2_8_8_8_1_Elu(benchmark::State& state) { RunSteps(state, {8, 8, 8}, ActivationId::Elu); }

void BM_Observe_2_8_8_1_Tanh(benchmark::State& state) {
    Trainer trainer = MakeThroughputTrainer({8, 8}, ActivationId::Tanh, 10);
    for (auto _ : state) benchmark::DoNotOptimize(trainer.Observe().loss);
}

BENCHMARK(BM_Step_2_8_8_1_Tanh)->Arg(10)->Arg(1)->Arg(100);
BENCHMARK(BM_Step_2_4_2_1_Relu)->Arg(10)->Arg(1)->Arg(100);
BENCHMARK(BM_Step_2_8_8_1_Sigmoid)->Arg(10);
BENCHMARK(BM_Step_2_8_8_1_Relu)->Arg(10);
BENCHMARK(BM_Step_2_8_8_8_1_Elu)->Arg(10);
BENCHMARK(BM_Observe_2_8_8_1_Tanh);

// tanh and tanh′ of one 8-neuron layer over a batch of 10 (80 values), the kernel alone.
void BM_ActivateTanh_8x10(benchmark::State& state) {
    Layer layer;
    layer.activation = Activation::WithDefaults(ActivationId::Tanh);
    layer.size = 8;
    std::vector<double> z(80), a(80), d(80);
    for (std::size_t k = 0; k < z.size(); ++k) z[k] = -3.0 + 0.07 * static_cast<double>(k);
    for (auto _ : state) {
        detail::ActivateRows(layer, z.data(), a.data(), d.data(), 10);
        benchmark::DoNotOptimize(a.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(z.size()));  // items: values
}
BENCHMARK(BM_ActivateTanh_8x10);

}  // namespace
}  // namespace actlab

BENCHMARK_MAIN();
