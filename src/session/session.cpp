// The session's once-per-frame update (see session.h).
#include "session/session.h"

namespace actlab::session {

void Session::Update(AppState& state, double training_budget_seconds) {
    ++updates_;
    network.Update(state.network, training_budget_seconds);
    // A simulation starts once its view has been open; from then on it follows its inputs, shown or not.
    if (state.panels.propagation) theory.propagation.Demand();
    if (state.panels.born_dead) theory.born_dead.Demand();
    theory.propagation.Update(PropagationJob::InputsOf(state.propagation));
    theory.born_dead.Update(state.born_dead);
}

} // namespace actlab::session
