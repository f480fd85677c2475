// Settings saved by a real process (actlab_settings_save_loop, a test program that calls the same
// SaveSettings as the window) and killed with SIGKILL at random moments: settings.json is always one
// complete version, and the temporaries of killed saves do not pile up.
#include "cli_test_support.h"
#include "core/random.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace actlab::test {
namespace {

namespace fs = std::filesystem;

std::string ReadAll(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

class SettingsKillTest : public ::testing::Test {
protected:
    void SetUp() override {
        home_ = fs::temp_directory_path() / ("actlab-settings-kill-" + std::to_string(::getpid()));
        fs::remove_all(home_);
        fs::create_directories(home_);
        env_ = {"XDG_CONFIG_HOME=" + home_.string()};
    }
    void TearDown() override { fs::remove_all(home_); }

    fs::path Settings() const { return home_ / "actlab" / "settings.json"; }

    // Names in the config directory other than settings.json (the writer's temporaries).
    std::vector<std::string> Others() const {
        std::vector<std::string> names;
        for (const auto& entry : fs::directory_iterator(home_ / "actlab")) {
            if (entry.path().filename() != "settings.json") names.push_back(entry.path().filename().string());
        }
        return names;
    }

    // Starts the endless save loop; the environment is built before fork, the child only execs.
    pid_t StartSaveLoop() const {
        std::vector<std::string> env_storage;
        for (char** e = environ; *e != nullptr; ++e) {
            if (std::string(*e).rfind("XDG_CONFIG_HOME=", 0) != 0) env_storage.emplace_back(*e);
        }
        env_storage.push_back(env_[0]);
        std::vector<char*> envp;
        for (std::string& e : env_storage)
            envp.push_back(e.data());
        envp.push_back(nullptr);
        std::string exe = ACTLAB_SAVE_LOOP_EXE;
        char* argv[] = {exe.data(), nullptr};
        const pid_t child = ::fork();
        if (child == 0) {
            ::execve(ACTLAB_SAVE_LOOP_EXE, argv, envp.data());
            ::_exit(127);
        }
        return child;
    }

    fs::path home_;
    std::vector<std::string> env_;
};

TEST_F(SettingsKillTest, KillingASaveMidwayLeavesOneCompleteVersionAndNoPileOfTemporaries) {
    // The two versions the loop alternates, each from one complete save: version 0, then version 1.
    ASSERT_EQ(RunProgram(ACTLAB_SAVE_LOOP_EXE, {"--count", "1"}, env_).exit_status, 0);
    const std::string first = ReadAll(Settings());
    ASSERT_EQ(RunProgram(ACTLAB_SAVE_LOOP_EXE, {"--count", "2"}, env_).exit_status, 0);
    const std::string second = ReadAll(Settings());
    ASSERT_NE(first, second);
    ASSERT_TRUE(Others().empty());

    // A new seed each run, printed so that a failing run can be repeated.
    const auto seed = static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
    SCOPED_TRACE("seed " + std::to_string(seed));
    Random random(seed);
    int temporaries_left = 0;
    for (int round = 0; round < 5; ++round) {
        const pid_t child = StartSaveLoop();
        ASSERT_GT(child, 0);
        // Waits for the loop's first saves to change the file (it alternates the two versions), so
        // that the kill lands while it is saving, not while it starts.
        const std::string before = ReadAll(Settings());
        for (int i = 0; i < 20000 && ReadAll(Settings()) == before; ++i) {
            std::this_thread::sleep_for(std::chrono::microseconds(500));
        }
        std::this_thread::sleep_for(std::chrono::microseconds(random.Index(30001)));
        ASSERT_EQ(::kill(child, SIGKILL), 0);
        int status = 0;
        ASSERT_EQ(::waitpid(child, &status, 0), child);
        ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
            << "round " << round << ": the loop ended by itself";

        const std::string now = ReadAll(Settings());
        EXPECT_TRUE(now == first || now == second) << "round " << round << ": " << now.size() << " bytes";
        const nlohmann::json json = nlohmann::json::parse(now, nullptr, false);
        ASSERT_FALSE(json.is_discarded()) << "round " << round;
        EXPECT_EQ(json.value("format", ""), "actlab-settings");
        // At most the killed save's own temporary: the earlier ones went at its first save.
        const std::vector<std::string> others = Others();
        EXPECT_LE(others.size(), 1u) << "round " << round << ": " << (others.empty() ? "" : others.front());
        temporaries_left += static_cast<int>(others.size());
    }
    std::cout << "[          ] temporaries left by the 5 killed saves (each removed by the next save): "
              << temporaries_left << '\n';

    // One more complete save removes whatever a killed one left, and the file is that save's.
    ASSERT_EQ(RunProgram(ACTLAB_SAVE_LOOP_EXE, {"--count", "1"}, env_).exit_status, 0);
    EXPECT_EQ(ReadAll(Settings()), first);
    EXPECT_TRUE(Others().empty());
}

TEST_F(SettingsKillTest, ASaveRemovesTemporariesOfDeadProcessesOnly) {
    fs::create_directories(home_ / "actlab");
    // A process that has exited (reaped, so its pid names no process) and this test, which runs.
    const pid_t dead = ::fork();
    if (dead == 0) ::_exit(0);
    ASSERT_GT(dead, 0);
    ::waitpid(dead, nullptr, 0);
    const fs::path stale = home_ / "actlab" / ("settings.json.tmp" + std::to_string(dead));
    const fs::path live = home_ / "actlab" / ("settings.json.tmp" + std::to_string(::getpid()));
    const fs::path unrelated = home_ / "actlab" / "settings.json.tmpnotes";
    for (const fs::path& p : {stale, live, unrelated})
        std::ofstream(p) << "{\"format\": \"actlab-se";

    ASSERT_EQ(RunProgram(ACTLAB_SAVE_LOOP_EXE, {"--count", "1"}, env_).exit_status, 0);
    EXPECT_FALSE(fs::exists(stale)) << "left by a save that was killed";
    EXPECT_TRUE(fs::exists(live)) << "another running process may be saving into it";
    EXPECT_TRUE(fs::exists(unrelated)) << "not a temporary of ours";
    const nlohmann::json json = nlohmann::json::parse(ReadAll(Settings()), nullptr, false);
    EXPECT_EQ(json.value("format", ""), "actlab-settings");
}

} // namespace
} // namespace actlab::test
