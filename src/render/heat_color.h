// The diverging colour map of the network panel's heatmaps, on the CPU. shaders/heatmap.frag
// computes the same formula on the GPU; tests/heatmap_gl_test.cpp holds the two together.
#pragma once

#include "render/figure_theme.h"

namespace actlab {

// The colour of value v: t = clamp(v, −1, 1); t ≥ 0 → neutral + t·(positive − neutral), t < 0 →
// neutral + |t|·(negative − neutral), each channel rounded to a byte; NaN and ±∞ mid grey.
// `greyed` (a dead neuron) replaces it by its luminance Y = 0.2126 R + 0.7152 G + 0.0722 B pulled
// halfway to mid grey: no hue left, little contrast.
Color HeatColor(const NetworkColors& colors, float v, bool greyed = false);

} // namespace actlab
