// Replays the seed corpus and every input that once crashed a fuzz target through the same entry
// function libFuzzer calls, in the normal (and the asan) build: a fixed bug stays fixed.
#include "fuzz/fuzz_registry.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace actlab::fuzz {
namespace {

std::vector<std::filesystem::path> FilesIn(const std::filesystem::path& directory) {
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    if (!std::filesystem::is_directory(directory, ec)) return files;
    for (const auto& entry : std::filesystem::directory_iterator(directory)) {
        if (entry.is_regular_file() && entry.path().filename() != "README.md") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::string ReadBytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

class FuzzRegression : public testing::TestWithParam<std::string> {};

TEST_P(FuzzRegression, EverySeedAndSavedCrashRunsCleanly) {
    const std::string name = GetParam();
    const auto it = Registry().find(name);
    ASSERT_NE(it, Registry().end()) << "no ACTLAB_FUZZ_TARGET(" << name << ")";
    const std::filesystem::path root = ACTLAB_FUZZ_DIR;
    const auto seeds = FilesIn(root / "corpus" / name);
    EXPECT_FALSE(seeds.empty()) << "tests/fuzz/corpus/" << name << " has no seed";
    auto inputs = seeds;
    for (const auto& path : FilesIn(root / "regressions" / name))
        inputs.push_back(path);
    for (const auto& path : inputs) {
        SCOPED_TRACE(path.string());
        const std::string bytes = ReadBytes(path);
        EXPECT_EQ(it->second(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()), 0);
    }
}

std::vector<std::string> TargetNames() {
    std::vector<std::string> names;
    std::string list = ACTLAB_FUZZ_TARGET_NAMES; // "a,b,c" from tests/fuzz/targets.cmake
    std::size_t start = 0;
    while (start <= list.size()) {
        const std::size_t end = std::min(list.find(',', start), list.size());
        if (end > start) names.push_back(list.substr(start, end - start));
        start = end + 1;
    }
    return names;
}

INSTANTIATE_TEST_SUITE_P(Targets, FuzzRegression, testing::ValuesIn(TargetNames()),
                         [](const testing::TestParamInfo<std::string>& param_info) {
                             return param_info.param;
                         });

} // namespace
} // namespace actlab::fuzz
