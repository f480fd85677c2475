// Figure-export figures for `actlab bench`: `actlab render` run as a separate process, so the time
// includes everything a course script waits for (start-up, EGL context, drawing, encoding, writing).
#pragma once

#include "cli/bench_report.h"

namespace actlab::bench {

// png_4k_s (a 3840×2160 PNG, target 1 s) and svg_s (the same figure as SVG).
void AddRenderFigures(Report& report);

} // namespace actlab::bench
