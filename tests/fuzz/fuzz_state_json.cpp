// Fuzz target: settings.json as ActLab reads it at start-up (nlohmann's parser, then the forgiving
// AppStateFromJson). Whatever the file holds, the resulting state must write out and read back
// without a warning: a bad field is skipped, never half-applied.
#include "fuzz/fuzz_target.h"

#include "core/state_json.h"

#include <nlohmann/json.hpp>

ACTLAB_FUZZ_TARGET(state_json) {
    using namespace actlab;
    const nlohmann::json json = nlohmann::json::parse(fuzz::AsText(data, size), nullptr, false);
    if (json.is_discarded()) return 0;
    AppState state = DefaultAppState();
    std::vector<std::string> warnings;
    AppStateFromJson(json, state, warnings);
    AppState reread = DefaultAppState();
    std::vector<std::string> reread_warnings;
    AppStateFromJson(AppStateToJson(state), reread, reread_warnings);
    fuzz::Check(reread_warnings.empty());
    return 0;
}
