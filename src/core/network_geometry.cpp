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
    std::size_t widest = network.inputs.size();
    for (const Layer& layer : network.layers)
        widest = std::max(widest, layer.size);
    std::vector<double> buffer(4 * widest);
    double* in = buffer.data();
    double* z = in + widest;
    double* a = z + widest;
    double* d = a + widest;
    std::unordered_set<std::uint64_t> seen;
    const double h = (hi - lo) / static_cast<double>(n);
    for (std::size_t r = 0; r < n; ++r) {
        const double x2 = hi - (static_cast<double>(r) + 0.5) * h;
        for (std::size_t c = 0; c < n; ++c) {
            const double x1 = lo + (static_cast<double>(c) + 0.5) * h;
            detail::ComputeFeatures(network, x1, x2, in);
            std::uint64_t pattern = 0;
            std::size_t bit = 0;
            for (std::size_t l = 0; l + 1 < network.layers.size(); ++l) {
                const Layer& layer = network.layers[l];
                detail::AffineLayer(layer, in, z);
                detail::ActivateLayer(layer, z, a, d);
                for (std::size_t j = 0; j < layer.size; ++j, ++bit) {
                    if (z[j] > 0.0) pattern |= std::uint64_t{1} << bit;
                    in[j] = a[j];
                }
            }
            grid.pattern[r * n + c] = pattern;
            seen.insert(pattern);
        }
    }
    grid.regions = seen.size();
    return grid;
}

} // namespace actlab
