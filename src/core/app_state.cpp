// The state of a first start (see app_state.h).
#include "core/app_state.h"

namespace actlab {

AppState DefaultAppState() {
    AppState state;
    for (const auto& info : Catalogue()) {
        state.plots.params[static_cast<std::size_t>(info.id)] = Activation::WithDefaults(info.id).params;
    }
    return state;
}

void ShowView(AppState& state, WorkspaceView view) {
    state.workspace.view = view;
    state.panels.network = view == WorkspaceView::Network;
    state.panels.softmax = view == WorkspaceView::Softmax;
    state.panels.propagation = view == WorkspaceView::Propagation;
    state.panels.born_dead = view == WorkspaceView::BornDead;
    state.panels.gated = view == WorkspaceView::Gated;
    if (view != WorkspaceView::Network) state.panels.chain_rule = false;
}

WorkspaceView ViewFromPanels(const PanelVisibility& panels) {
    if (panels.network) return WorkspaceView::Network;
    if (panels.softmax) return WorkspaceView::Softmax;
    if (panels.propagation) return WorkspaceView::Propagation;
    if (panels.born_dead) return WorkspaceView::BornDead;
    if (panels.gated) return WorkspaceView::Gated;
    return WorkspaceView::Functions;
}

} // namespace actlab
