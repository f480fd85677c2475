// A parameter swept over time (see param_sweep.h).
#include "core/param_sweep.h"

#include <cmath>

namespace actlab {

double ParamSweepValueAt(const ParamSweep& sweep, double elapsed) {
    if (!(sweep.seconds > 0.0) || !std::isfinite(elapsed)) return sweep.from;
    const double pass = elapsed / sweep.seconds; // passes done, FROM → TO counts as one
    double t = 0.0;
    if (sweep.loop == AnimationLoop::Forward) {
        t = pass - std::floor(pass);
    } else {
        const double cycle = pass / 2.0 - std::floor(pass / 2.0); // 0 … 1 over there and back
        t = 1.0 - std::abs(1.0 - 2.0 * cycle);
    }
    return sweep.from + (sweep.to - sweep.from) * t;
}

} // namespace actlab
