// Frame-time figures for `actlab bench`: the full UI rendered in headless Dear ImGui frames.
#pragma once

#include "cli/bench_report.h"

namespace actlab::bench {

// CPU time of our own work per frame at 1920×1080 with every panel and window open and the mini
// network training in its per-frame slice (frame_ms_p50/p95: panels, plots, heatmaps, charts and
// ImGui's draw lists; the time-boxed training slice is reported apart, the GPU's share is not ours),
// and the plots alone with four overlaid functions in linked f and f′ plots.
void AddFrameFigures(Report& report, int frames);

// The mini-network panel: its frame time with heatmaps recomputed, and the samples per second
// trained while it is shown at 60 fps (the training slice is what a frame leaves).
void AddNetworkFrameFigures(Report& report, int frames);

// `actlab bench --soak FRAMES`: the full UI (every panel open) in headless frames at 1920×1080 with
// the mini network training, FRAMES frames; resident memory after a warm-up and at the end. Growth
// over a long run is a leak or an unbounded history.
void AddSoakFigures(Report& report, int frames);

// The value below which `fraction` of `samples` lie (nearest rank); samples are sorted in place.
double Percentile(std::vector<double>& samples, double fraction);

} // namespace actlab::bench
