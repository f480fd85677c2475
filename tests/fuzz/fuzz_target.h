// One fuzz entry point per input format, written once and used twice: as libFuzzer's
// LLVMFuzzerTestOneInput in the fuzz preset, and by the regression test of the normal build, which
// replays every saved input of tests/fuzz/regressions/<name>/ and the seed corpus through it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace actlab::fuzz {

using FuzzEntry = int (*)(const std::uint8_t* data, std::size_t size);

// Remembers an entry under `name` for the regression test; returns true so it can initialise a static.
bool RegisterFuzzTarget(const char* name, FuzzEntry entry);

// An invariant the code under test promises; a broken one is a finding like a crash.
inline void Check(bool condition) {
    if (!condition) std::abort();
}

inline std::string_view AsText(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

} // namespace actlab::fuzz

#define ACTLAB_FUZZ_ENTRY_NAME(NAME) ActlabFuzz_##NAME
#ifdef ACTLAB_FUZZ_MAIN
#define ACTLAB_FUZZ_REGISTER(NAME)                                                                           \
    extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {                      \
        return ACTLAB_FUZZ_ENTRY_NAME(NAME)(data, size);                                                     \
    }
#else
#define ACTLAB_FUZZ_REGISTER(NAME)                                                                           \
    [[maybe_unused]] static const bool kActlabFuzzRegistered_##NAME =                                        \
        ::actlab::fuzz::RegisterFuzzTarget(#NAME, ACTLAB_FUZZ_ENTRY_NAME(NAME));
#endif

// ACTLAB_FUZZ_TARGET(network_json) { ... uses data, size ...; return 0; }
#define ACTLAB_FUZZ_TARGET(NAME)                                                                             \
    static int ACTLAB_FUZZ_ENTRY_NAME(NAME)(const std::uint8_t* data, std::size_t size);                     \
    ACTLAB_FUZZ_REGISTER(NAME)                                                                               \
    static int ACTLAB_FUZZ_ENTRY_NAME(NAME)(const std::uint8_t* data, std::size_t size)
