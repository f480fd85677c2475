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

}  // namespace actlab
