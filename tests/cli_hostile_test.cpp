// Hostile input through the real executable: extreme parameter values for every parameter of every
// function (eval, render and the window's --param), outputs that are a full disk or a directory,
// inputs that are a directory, and settings files that are huge or absurdly nested. Each must end in
// one clear line and a documented exit status, never a crash, a hang or a NaN in the output.
#include "cli_test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace actlab::test {
namespace {

namespace fs = std::filesystem;

class HostileTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("actlab-hostile-" + std::to_string(::getpid()) + "-" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_ / "actlab");
    }
    void TearDown() override { fs::remove_all(dir_); }

    static void ExpectOneLineError(const CommandResult& r, int status, const std::string& mentions,
                                   const std::string& what) {
        EXPECT_EQ(r.exit_status, status) << what << ": " << r.err;
        EXPECT_EQ(r.out, "") << what;
        EXPECT_EQ(SplitLines(r.err).size(), 1u) << what << ": " << r.err;
        EXPECT_NE(r.err.find(mentions), std::string::npos) << what << ": " << r.err;
    }

    fs::path dir_;
};

struct ParamCase {
    std::string function;
    std::string param;
};

std::vector<ParamCase> EveryParameter() {
    const auto listed = RunActlab({"list", "--json"});
    const nlohmann::json catalogue = nlohmann::json::parse(listed.out);
    std::vector<ParamCase> cases;
    for (const auto& function : catalogue.at("functions")) {
        for (const auto& param : function.at("params")) {
            cases.push_back({function.at("name").get<std::string>(), param.at("name").get<std::string>()});
        }
    }
    return cases;
}

// Refused values must be refused: NaN and ±inf are never a parameter; ±1e308 lies outside every
// parameter's allowed range; −0 is a zero like any other (accepted where 0 is).
const std::vector<std::pair<std::string, bool>> kExtremeValues = {
    {"nan", false}, {"inf", false}, {"-inf", false}, {"1e308", false}, {"-1e308", false}, {"-0", true}};

TEST_F(HostileTest, ExtremeParameterValuesAreRefusedOrGiveFiniteCurvesInEvalRenderAndTheWindow) {
    const auto cases = EveryParameter();
    ASSERT_GE(cases.size(), 10u);
    for (const auto& [function, param] : cases) {
        for (const auto& [value, may_pass] : kExtremeValues) {
            const std::string what = function + " " + param + "=" + value;
            const auto eval = RunActlab({"eval", function, "--param", param + "=" + value, "--x=-3,-0,0,2"});
            if (eval.exit_status == 0) {
                EXPECT_TRUE(may_pass) << what << " was accepted";
                EXPECT_EQ(eval.out.find("nan"), std::string::npos) << what << ": " << eval.out;
                EXPECT_EQ(eval.out.find("inf"), std::string::npos) << what << ": " << eval.out;
            } else {
                ExpectOneLineError(eval, 2, param, "eval " + what);
            }

            const std::string svg = (dir_ / "f.svg").string();
            const auto render =
                RunActlab({"render", function, "--param", param + "=" + value, "--out", svg, "--size", "200x150"});
            EXPECT_EQ(render.exit_status == 0, eval.exit_status == 0) << "render and eval agree on " << what;
            if (render.exit_status == 0) {
                std::ifstream in(svg);
                std::ostringstream text_stream;
                text_stream << in.rdbuf();
                const std::string text = text_stream.str();
                EXPECT_EQ(text.find("nan"), std::string::npos) << what;
                fs::remove(svg);
            } else {
                ExpectOneLineError(render, 2, param, "render " + what);
                EXPECT_FALSE(fs::exists(svg)) << what;
            }

            // The window checks its options before it looks for a display: without one, an accepted
            // value gets as far as "no display" (exit 1), a refused one stops at exit 2.
            const auto window = RunActlab({"--param", function + "." + param + "=" + value},
                                          {"DISPLAY", "WAYLAND_DISPLAY", "XDG_CONFIG_HOME=" + dir_.string()});
            if (eval.exit_status == 0) {
                ExpectOneLineError(window, 1, "no display", "window " + what);
            } else {
                ExpectOneLineError(window, 2, param, "window " + what);
            }
        }
    }
}

TEST_F(HostileTest, TrainingRefusesAbsurdLearningRateBiasAndDepth) {
    const std::vector<std::string> tail{"--dataset", "circle", "--samples", "50", "--steps", "20", "--batch", "5"};
    auto with = [&](std::vector<std::string> args) {
        args.insert(args.end(), tail.begin(), tail.end());
        return args;
    };
    ExpectOneLineError(RunActlab(with({"train", "--layers", "4", "--activation", "relu", "--lr", "1e3"})), 2,
                       "learning rate", "--lr 1e3");
    ExpectOneLineError(
        RunActlab(with({"train", "--layers", "4", "--activation", "relu", "--lr", "0.1", "--bias-init", "-1e6"})), 2,
        "--bias-init", "--bias-init -1e6");
    std::string hundred_layers = "4";
    for (int i = 1; i < 100; ++i) hundred_layers += ",4";
    ExpectOneLineError(RunActlab(with({"train", "--layers", hundred_layers, "--activation", "relu", "--lr", "0.1"})), 2,
                       "at most 6 hidden layers", "100 layers");
    // The largest learning rate allowed diverges: the run stops and names the step instead of
    // printing NaN losses (or hanging).
    const auto diverging = RunActlab(with({"train", "--layers", "8,8", "--activation", "relu", "--lr", "100",
                                           "--bias-init", "100"}),
                                     {}, 60.0);
    EXPECT_TRUE(diverging.exit_status == 0 || diverging.exit_status == 2) << diverging.err;
    EXPECT_EQ(diverging.out.find("nan"), std::string::npos) << diverging.out;
}

TEST_F(HostileTest, AFullDiskIsAnEnvironmentErrorAndTheDeviceStaysADevice) {
    const std::string csv = (dir_ / "d.csv").string();
    ASSERT_EQ(RunActlab({"dataset", "circle", "--samples", "20", "--out", csv}).exit_status, 0);
    const std::vector<std::vector<std::string>> commands = {
        {"dataset", "circle", "--samples", "2000", "--out", "/dev/full"},
        {"train", "--layers", "2", "--activation", "tanh", "--data", csv, "--steps", "5", "--lr", "0.1", "--batch",
         "5", "--log", "/dev/full"},
        {"train", "--layers", "2", "--activation", "tanh", "--data", csv, "--steps", "5", "--lr", "0.1", "--batch",
         "5", "--save", "/dev/full"},
        {"render", "relu", "--format", "png", "--size", "300x200", "--out", "/dev/full"},
        {"render", "relu", "--format", "svg", "--size", "300x200", "--out", "/dev/full"},
    };
    for (const auto& args : commands) {
        const auto r = RunActlab(args);
        EXPECT_EQ(r.exit_status, 1) << args[0] << ": " << r.err;
        EXPECT_NE(r.err.find("/dev/full"), std::string::npos) << r.err;
        EXPECT_NE(r.err.find("No space left on device"), std::string::npos) << r.err;
        struct stat info {};
        ASSERT_EQ(::stat("/dev/full", &info), 0);
        EXPECT_TRUE(S_ISCHR(info.st_mode)) << "/dev/full was replaced by " << args[0];
    }
    EXPECT_FALSE(fs::exists("/dev/full.tmp"));
}

TEST_F(HostileTest, ADirectoryWhereAFileIsExpectedIsOneClearLine) {
    const fs::path directory = dir_ / "a-directory";
    fs::create_directories(directory / "inside");
    const std::string d = directory.string();
    const std::vector<std::string> train{"train", "--layers", "2", "--activation", "tanh", "--steps", "5", "--lr",
                                         "0.1", "--batch", "5"};
    auto with = [&](std::vector<std::string> extra) {
        auto args = train;
        args.insert(args.end(), extra.begin(), extra.end());
        return args;
    };
    // Outputs are the environment's fault (exit 1), inputs that are not a readable file bad input (2).
    const std::vector<std::pair<std::vector<std::string>, int>> cases = {
        {{"dataset", "circle", "--out", d}, 1},
        {with({"--dataset", "circle", "--log", d}), 1},
        {with({"--dataset", "circle", "--save", d}), 1},
        {{"render", "relu", "--format", "png", "--out", d}, 1},
        {{"render", "relu", "--format", "svg", "--out", d}, 1},
        {with({"--data", d}), 2},
        {{"train", "--network", d, "--dataset", "circle", "--steps", "5", "--lr", "0.1", "--batch", "5"}, 2},
    };
    for (const auto& [args, status] : cases) {
        const auto r = RunActlab(args);
        std::string what;
        for (const auto& a : args) what += a + " ";
        ExpectOneLineError(r, status, d, what);
        EXPECT_TRUE(fs::is_directory(directory / "inside")) << what << " harmed the directory";
    }
}

TEST_F(HostileTest, HugeOrDeeplyNestedSettingsAreIgnoredWithAMessage) {
    const fs::path settings = dir_ / "actlab" / "settings.json";
    const std::vector<std::string> env{"DISPLAY", "WAYLAND_DISPLAY", "XDG_CONFIG_HOME=" + dir_.string()};
    {
        // 1 GB without using the disk: a sparse file.
        std::ofstream(settings) << "{";
        fs::resize_file(settings, std::uintmax_t{1} << 30);
    }
    auto r = RunActlab({"--select", "relu"}, env);
    EXPECT_EQ(r.exit_status, 1) << "settings are only a message; the missing display ends the run";
    EXPECT_NE(r.err.find("settings.json: larger than 16 MiB"), std::string::npos) << r.err;
    EXPECT_EQ(fs::file_size(settings), std::uintmax_t{1} << 30) << "the file is left alone";

    const std::string nested = std::string(10000, '[') + std::string(10000, ']');
    std::ofstream(settings, std::ios::trunc) << nested;
    r = RunActlab({"--select", "relu"}, env);
    EXPECT_EQ(r.exit_status, 1) << r.err;
    EXPECT_NE(r.err.find("not an ActLab settings file"), std::string::npos) << r.err;

    // Nested where an object belongs: the field is skipped, the rest of the file still read.
    std::ofstream(settings, std::ios::trunc) << R"({"format": "actlab-settings", "version": 1, "display": )" << nested
                                             << R"(, "network": {"learning_rate": 1e3, "bias_init": -1e6}})";
    r = RunActlab({"--select", "relu"}, env);
    EXPECT_EQ(r.exit_status, 1) << r.err;
    EXPECT_NE(r.err.find("network.learning_rate: out of range"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("network.bias_init: out of range"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace actlab::test
