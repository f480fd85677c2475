// posix_spawn-based runner for the command-line tests (see cli_test_support.h).
#include "cli_test_support.h"

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace actlab::test {

namespace {

std::string TempPath() {
    char pattern[] = "/tmp/actlab-cli-XXXXXX";
    const int fd = mkstemp(pattern);
    if (fd < 0) throw std::runtime_error("mkstemp failed");
    close(fd);
    return pattern;
}

} // namespace

CommandResult RunActlab(const std::vector<std::string>& args, const std::vector<std::string>& env,
                        double terminate_after_s, int stop_signal) {
    return RunProgram(ACTLAB_EXE, args, env, terminate_after_s, stop_signal);
}

CommandResult RunProgram(const std::string& program, const std::vector<std::string>& args,
                         const std::vector<std::string>& env, double terminate_after_s, int stop_signal) {
    const std::string out_path = TempPath();
    const std::string err_path = TempPath();

    std::vector<std::string> argv_storage{program};
    argv_storage.insert(argv_storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_storage)
        argv.push_back(a.data());
    argv.push_back(nullptr);

    std::vector<std::string> env_storage;
    for (char** e = environ; *e != nullptr; ++e) {
        std::string entry(*e);
        const std::string name = entry.substr(0, entry.find('='));
        bool overridden = false;
        for (const auto& o : env)
            overridden |= o.substr(0, o.find('=')) == name;
        if (!overridden) env_storage.push_back(entry);
    }
    for (const auto& o : env)
        if (o.find('=') != std::string::npos) env_storage.push_back(o);
    std::vector<char*> envp;
    for (auto& e : env_storage)
        envp.push_back(e.data());
    envp.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0600);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0600);

    CommandResult result;
    pid_t pid = 0;
    if (posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), envp.data()) != 0) {
        posix_spawn_file_actions_destroy(&actions);
        throw std::runtime_error("could not start " + program);
    }
    posix_spawn_file_actions_destroy(&actions);
    int status = 0;
    if (terminate_after_s > 0.0) {
        const auto deadline =
            std::chrono::steady_clock::now() + std::chrono::duration<double>(terminate_after_s);
        while (waitpid(pid, &status, WNOHANG) == 0) {
            if (std::chrono::steady_clock::now() >= deadline) {
                kill(pid, stop_signal);
                waitpid(pid, &status, 0);
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    } else {
        waitpid(pid, &status, 0);
    }
    result.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    result.out = ReadText(out_path);
    result.err = ReadText(err_path);
    std::remove(out_path.c_str());
    std::remove(err_path.c_str());
    return result;
}

std::vector<std::string> SplitLines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

std::string TestTempFile(const std::string& prefix, const std::string& suffix) {
    return "/tmp/actlab-" + prefix + "-" + std::to_string(::getpid()) + "-" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name() + suffix;
}

std::string ReadText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

void WriteText(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

std::string SummaryField(const std::string& out, const std::string& key) {
    for (const auto& line : SplitLines(out))
        if (line.rfind(key + ": ", 0) == 0) return line.substr(key.size() + 2);
    return "(missing " + key + ")";
}

void ExpectUsageError(const std::vector<std::string>& args, const std::string& mentions) {
    const auto r = RunActlab(args);
    EXPECT_EQ(r.exit_status, 2) << r.err;
    EXPECT_EQ(r.out, "") << "nothing on stdout on error";
    EXPECT_EQ(SplitLines(r.err).size(), 1u) << r.err;
    EXPECT_EQ(r.err.rfind("actlab: ", 0), 0u) << r.err;
    EXPECT_NE(r.err.find(mentions), std::string::npos) << "got: " << r.err << "wanted: " << mentions;
}

} // namespace actlab::test
