// Bounded weight snapshots (see weight_snapshots.h).
#include "core/weight_snapshots.h"

#include <algorithm>

namespace actlab {

WeightSnapshots::WeightSnapshots(std::size_t capacity) : capacity_(std::max<std::size_t>(capacity, 2)) {}

bool WeightSnapshots::OnGrid(const WeightSnapshot& snapshot) const {
    return snapshot.offer % interval_ == 0;
}

void WeightSnapshots::Offer(std::size_t step, const Network& network) {
    if (!snapshots_.empty() && step <= snapshots_.back().step) return;
    // The previous latest snapshot gives way unless it lies on the grid (or is the first).
    if (snapshots_.size() > 1 && !OnGrid(snapshots_.back())) snapshots_.pop_back();
    snapshots_.push_back({step, offers_++, network});
    while (snapshots_.size() > capacity_)
        Thin();
}

void WeightSnapshots::Thin() {
    // Keeps the first snapshot, those on the doubled grid and the latest, in place.
    interval_ *= 2;
    std::size_t kept = 0;
    for (std::size_t i = 0; i < snapshots_.size(); ++i) {
        const bool keep = i == 0 || i + 1 == snapshots_.size() || OnGrid(snapshots_[i]);
        if (!keep) continue;
        if (kept != i) snapshots_[kept] = std::move(snapshots_[i]);
        ++kept;
    }
    snapshots_.resize(kept);
}

void WeightSnapshots::TruncateAfter(std::size_t step) {
    while (!snapshots_.empty() && snapshots_.back().step > step)
        snapshots_.pop_back();
    // The branch's offers go on from the last kept one: the grid stays even.
    offers_ = snapshots_.empty() ? 0 : snapshots_.back().offer + 1;
}

void WeightSnapshots::Clear() {
    snapshots_.clear();
    interval_ = 1;
    offers_ = 0;
}

std::size_t WeightSnapshots::IndexAtOrBefore(std::size_t step) const {
    const auto after =
        std::upper_bound(snapshots_.begin(), snapshots_.end(), step,
                         [](std::size_t s, const WeightSnapshot& snap) { return s < snap.step; });
    return after == snapshots_.begin() ? 0 : static_cast<std::size_t>(after - snapshots_.begin()) - 1;
}

} // namespace actlab
