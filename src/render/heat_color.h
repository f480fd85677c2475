// The diverging colour map of the network panel's heatmaps, on the CPU. shaders/heatmap.frag
// computes the same formula on the GPU; tests/heatmap_gl_test.cpp holds the two together.
#pragma once

#include "render/figure_theme.h"

#include <cstddef>

namespace actlab {

// The colour of value v: t = clamp(v, −1, 1); t ≥ 0 → neutral + t·(positive − neutral), t < 0 →
// neutral + |t|·(negative − neutral), each channel rounded to a byte; NaN and ±∞ mid grey.
// `greyed` (a dead neuron) replaces it by its luminance Y = 0.2126 R + 0.7152 G + 0.0722 B pulled
// halfway to mid grey: no hue left, little contrast.
Color HeatColor(const NetworkColors& colors, float v, bool greyed = false);

// The most classes a class map colours (a softmax output's K ≤ 8).
inline constexpr std::size_t kMaxClassColors = 8;

// A class map's colour at a point where class k is the most likely with probability p: the class's
// colour with the probability as intensity, t = clamp((p − floor)/(1 − floor), 0, 1) ↦ neutral +
// t·(class colour − neutral), rounded to bytes (floor = 1/K on the decision surface: a tie is neutral).
// Non-finite p: mid grey. shaders/heatmap.frag computes the same.
Color ClassMapColor(Color neutral, Color class_color, float p, float floor);

// The most likely of `classes` probabilities spaced `stride` floats apart (the first on a tie).
std::size_t MostLikelyClass(const float* probabilities, std::size_t classes, std::size_t stride);

} // namespace actlab
