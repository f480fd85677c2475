// The "reset view" of the function plots: an x range that shows every selected function's
// interesting region, and y ranges that fit f and f' over it with a margin.
#pragma once

#include "core/activation.h"
#include "core/app_state.h"

#include <span>

namespace actlab {

PlotViewRange FitView(std::span<const Activation> functions, KinkConvention convention);

// The same y fitting for a given x range (used after the user chose x).
void FitYRanges(std::span<const Activation> functions, KinkConvention convention, PlotViewRange& view);

} // namespace actlab
