// What a small network's pieces look like over its input: the bend of each first-layer neuron on a
// 1-D input (a ReLU's kink at x = −b/w), and the linear regions of a piecewise-linear (ReLU family)
// network over the plane, sampled as activation patterns on a grid.
#pragma once

#include "core/network.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace actlab {

// Where first-layer neuron `neuron` bends on a one-input network: z = w·x + b = 0 at x = −b/w.
struct FirstLayerBend {
    std::size_t neuron = 0;
    double x = 0.0;      // −b/w
    bool kink = false;   // a piecewise-linear activation (ReLU family): a sharp corner, not a smooth bend
    bool inside = false; // lo ≤ x ≤ hi
};

// One entry per first-layer neuron with w ≠ 0 (a neuron with w = 0 is constant: no bend), in neuron
// order. Uses the first input's weight (a one-input network: x = x1).
std::vector<FirstLayerBend> FirstLayerBends(const Network& network, double lo, double hi);

// Whether the activation is piecewise linear with its only corner at z = 0 (ReLU, Leaky ReLU, PReLU):
// on each side the neuron is affine, so the network is affine wherever no neuron changes side.
bool IsReluFamilyPiecewise(ActivationId id);
// Whether every hidden layer is (so linear regions are defined; at most 64 hidden neurons).
bool HasLinearRegions(const Network& network);

// The activation pattern (bit k: the k-th hidden neuron, layer by layer, has z > 0) at every cell
// centre of an n × n grid of [lo, hi]² (row 0 at the top, as EvaluateGrid), and the number of distinct
// patterns: the linear regions the grid sees. Regions smaller than a cell can be missed, and one
// pattern is counted once even where it appears in separate pieces.
struct LinearRegionGrid {
    std::size_t n = 0;
    std::vector<std::uint64_t> pattern; // n × n
    std::size_t regions = 0;
};
LinearRegionGrid SampleLinearRegions(const Network& network, std::size_t n, double lo, double hi);

} // namespace actlab
