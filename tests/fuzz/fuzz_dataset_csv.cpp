// Fuzz target: the `x1,x2,y` dataset CSV reader of `actlab train --data`. Accepted rows are finite
// and within the caps, and writing them back gives a file that reads back to the same samples.
#include "fuzz/fuzz_target.h"

#include "core/dataset.h"

#include <cmath>

ACTLAB_FUZZ_TARGET(dataset_csv) {
    using namespace actlab;
    const auto parsed = ParseDatasetCsv(fuzz::AsText(data, size), "fuzz.csv");
    if (!parsed.error.empty()) return 0;
    fuzz::Check(parsed.samples.size() <= kMaxDatasetSamples);
    for (const Sample& s : parsed.samples) {
        fuzz::Check(std::isfinite(s.x1) && std::isfinite(s.x2) && std::isfinite(s.y));
    }
    const auto reread = ParseDatasetCsv(DatasetToCsv(parsed.samples), "saved.csv");
    fuzz::Check(reread.error.empty() && reread.samples == parsed.samples);
    return 0;
}
