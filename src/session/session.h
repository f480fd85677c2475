// Everything that runs over time, in one place: the mini network's trainer and the theory
// simulations. The frame loop updates it once per frame before drawing, whether or not a view shows
// it; views only read it and send it commands (play and pause live in the state, Step, Reset and the
// hovered weight are requests here).
#pragma once

#include "core/app_state.h"
#include "session/network_session.h"
#include "session/theory_runners.h"

#include <cstddef>

namespace actlab::session {

struct Session {
    NetworkSession network; // the mini network's trainer, statistics, heatmaps, hovered gradient
    TheoryRunners theory;   // softmax, propagation, the SELU map, born dead

    // One step of time: trains the network for at most `training_budget_seconds` if it plays, carries
    // out the requests of the last frame, and starts, cancels or collects the simulations.
    void Update(AppState& state, double training_budget_seconds);

    std::size_t updates() const { return updates_; } // calls of Update so far

private:
    std::size_t updates_ = 0;
};

} // namespace actlab::session
