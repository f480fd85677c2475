// The table of fuzz entry points the regression test replays (see fuzz_target.h).
#include "fuzz/fuzz_registry.h"

namespace actlab::fuzz {

std::map<std::string, FuzzEntry>& Registry() {
    static std::map<std::string, FuzzEntry> registry;
    return registry;
}

bool RegisterFuzzTarget(const char* name, FuzzEntry entry) {
    Registry().emplace(name, entry);
    return true;
}

} // namespace actlab::fuzz
