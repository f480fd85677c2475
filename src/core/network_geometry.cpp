// Bends and linear regions of a network (see network_geometry.h).
#include "core/network_geometry.h"

#include "core/network_kernel.h"

#include <algorithm>
#include <unordered_set>

namespace actlab {

std::vector<FirstLayerBend> FirstLayerBends(const Network& network, double lo, double hi) {
    std::vector<FirstLayerBend> bends;
    if (network.layers.empty() || network.inputs.empty()) return bends;
    const Layer& first = network.layers.front();
    const bool kink = IsReluFamilyPiecewise(first.activation.id);
    for (std::size_t j = 0; j < first.size; ++j) {
        const double w = first.Weight(j, 0);
        if (w == 0.0) continue;
        const double x = -first.biases[j] / w; // z = w·x + b = 0
        bends.push_back({j, x, kink, x >= lo && x <= hi});
    }
    return bends;
}

bool IsReluFamilyPiecewise(ActivationId id) {
    return id == ActivationId::Relu || id == ActivationId::LeakyRelu || id == ActivationId::Prelu;
}

bool HasLinearRegions(const Network& network) {
    std::size_t hidden = 0;
    for (std::size_t l = 0; l + 1 < network.layers.size(); ++l) {
        if (!IsReluFamilyPiecewise(network.layers[l].activation.id)) return false;
        hidden += network.layers[l].size;
    }
    return network.layers.size() >= 2 && hidden <= 64;
}

LinearRegionGrid SampleLinearRegions(const Network& network, std::size_t n, double lo, double hi) {
    LinearRegionGrid grid;
    grid.n = n;
    grid.pattern.assign(n * n, 0);
    if (n == 0 || !HasLinearRegions(network)) return grid;
    // Bit k of a cell's pattern: hidden neuron k (counted through the layers) has z > 0 there.
    std::vector<std::size_t> first_bit(network.layers.size(), 0);
    for (std::size_t l = 1; l < network.layers.size(); ++l)
        first_bit[l] = first_bit[l - 1] + network.layers[l - 1].size;
    detail::ForEachGridCell(network, n, lo, hi, network.layers.size() - 1,
                            [&](std::size_t cell, std::size_t l, const double* z, const double*) {
                                for (std::size_t j = 0; j < network.layers[l].size; ++j)
                                    if (z[j] > 0.0)
                                        grid.pattern[cell] |= std::uint64_t{1} << (first_bit[l] + j);
                            });
    const std::unordered_set<std::uint64_t> seen(grid.pattern.begin(), grid.pattern.end());
    grid.regions = seen.size();
    return grid;
}

} // namespace actlab
