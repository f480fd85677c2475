// Fuzz target: the network file reader. A file it accepts must be valid and must survive
// save → load → save byte for byte, as docs/network-format.md promises.
#include "fuzz/fuzz_target.h"

#include "core/network.h"

#include <string>

ACTLAB_FUZZ_TARGET(network_json) {
    using namespace actlab;
    const auto parsed = NetworkFromJson(fuzz::AsText(data, size), "fuzz.json");
    if (!parsed.error.empty()) return 0;
    fuzz::Check(ValidateNetwork(parsed.network).empty());
    const std::string saved = NetworkToJson(parsed.network);
    const auto reloaded = NetworkFromJson(saved, "saved.json");
    fuzz::Check(reloaded.error.empty());
    fuzz::Check(NetworkToJson(reloaded.network) == saved);
    return 0;
}
