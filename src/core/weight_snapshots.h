// The replay's memory: copies of the network's weights at steps through a run, bounded for runs of any
// length. Like the charts' history (TrainingHistory), snapshots are kept on a grid of steps whose
// spacing doubles whenever the store is full, so they always span the whole run evenly.
#pragma once

#include "core/network.h"

#include <cstddef>
#include <vector>

namespace actlab {

inline constexpr std::size_t kMaxWeightSnapshots = 256;

struct WeightSnapshot {
    std::size_t step = 0;
    std::size_t offer = 0; // which offer (0, 1, … since Clear) it was: the grid counts offers
    Network network;
};

class WeightSnapshots {
public:
    explicit WeightSnapshots(std::size_t capacity = kMaxWeightSnapshots);

    // Offers the network as it is after `step` steps (the session offers once per training frame). The
    // n-th offer is kept when n is a multiple of interval(); a step at or before the last one kept is
    // ignored. When more than capacity() are kept, every snapshot off the doubled grid goes (the first
    // always stays) and the interval doubles. The latest offer is always kept as the last snapshot, so
    // the end of the run can be scrubbed to (it gives way to the next offer unless it is on the grid).
    void Offer(std::size_t step, const Network& network);
    // Drops the snapshots after `step` (a branch continues from there).
    void TruncateAfter(std::size_t step);
    void Clear();

    const std::vector<WeightSnapshot>& snapshots() const { return snapshots_; }
    std::size_t size() const { return snapshots_.size(); }
    bool empty() const { return snapshots_.empty(); }
    std::size_t interval() const { return interval_; }
    std::size_t capacity() const { return capacity_; }
    // The index of the last snapshot at or before `step` (0 when all are later); the store is not empty.
    std::size_t IndexAtOrBefore(std::size_t step) const;

private:
    void Thin();
    bool OnGrid(const WeightSnapshot& snapshot) const;

    std::size_t capacity_;
    std::size_t interval_ = 1;
    std::size_t offers_ = 0; // offers taken since Clear
    std::vector<WeightSnapshot> snapshots_;
};

} // namespace actlab
