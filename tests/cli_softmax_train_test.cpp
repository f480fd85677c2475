// `actlab train` with a softmax output and the optimizers, and `actlab dataset` for the multi-class
// and 1-D sets, run as a user would: summaries, logs with accuracy, saved networks, and bad labels
// refused with the file, line and field.
#include "cli_test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

namespace actlab::test {
namespace {

std::string TempFile(const std::string& suffix) {
    return TestTempFile("softmax", suffix);
}

TEST(CliDatasetMultiClass, WritesIntegerClassesAndOneInputSets) {
    const std::string out = TempFile(".csv");
    for (const auto& [name, classes] :
         {std::pair{"blobs3", 3}, std::pair{"spiral3", 3}, std::pair{"blobs4", 4}}) {
        const auto r = RunActlab({"dataset", name, "--samples", "60", "--out", out});
        ASSERT_EQ(r.exit_status, 0) << r.err;
        const auto rows = SplitLines(ReadText(out));
        ASSERT_EQ(rows.size(), 61u);
        EXPECT_EQ(rows[0], "x1,x2,y");
        std::vector<int> seen(static_cast<std::size_t>(classes), 0);
        for (std::size_t i = 1; i < rows.size(); ++i) {
            const std::string y = rows[i].substr(rows[i].rfind(',') + 1);
            ASSERT_EQ(y.size(), 1u) << name << ": an integer class, got " << y;
            const int label = y[0] - '0';
            ASSERT_TRUE(label >= 0 && label < classes) << rows[i];
            ++seen[static_cast<std::size_t>(label)];
        }
        for (int count : seen)
            EXPECT_EQ(count, 60 / classes) << name;
    }
    ASSERT_EQ(
        RunActlab({"dataset", "reg-1d", "--samples", "20", "--noise", "0.05", "--out", out}).exit_status, 0);
    const auto rows = SplitLines(ReadText(out));
    ASSERT_EQ(rows.size(), 21u);
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const auto first = rows[i].find(','), second = rows[i].rfind(',');
        EXPECT_EQ(rows[i].substr(first + 1, second - first - 1), "0") << "reg-1d has one input: x2 is 0";
    }
    ExpectUsageError({"dataset", "blobs3", "--zero-one", "--out", out}, "two-class classification dataset");
    std::remove(out.c_str());
}

TEST(CliTrainSoftmax, LearnsThreeBlobsAndLogsAccuracy) {
    const std::string log = TempFile(".log.csv"), saved = TempFile(".json");
    const auto r = RunActlab({"train",  "--layers",    "8",        "--activation", "tanh", "--dataset",
                              "blobs3", "--steps",     "600",      "--lr",         "0.03", "--batch",
                              "10",     "--optimizer", "momentum", "--momentum",   "0.8",  "--log",
                              log,      "--log-every", "100",      "--save",       saved});
    ASSERT_EQ(r.exit_status, 0) << r.err;
    EXPECT_EQ(SummaryField(r.out, "network"), "2→8→3 tanh, softmax output, ce");
    EXPECT_EQ(SummaryField(r.out, "optimizer"), "momentum");
    EXPECT_GE(std::stod(SummaryField(r.out, "test_accuracy")), 0.95) << r.out;
    const auto rows = SplitLines(ReadText(log));
    ASSERT_EQ(rows.size(), 8u); // header, steps 0, 100, …, 600
    EXPECT_EQ(rows[0], "step,train_loss,dead_fraction,grad_norm_h1,grad_norm_out,accuracy,test_accuracy");
    const std::string& last = rows.back();
    EXPECT_GE(std::stod(last.substr(last.rfind(',') + 1)), 0.95) << last;

    const auto doc = nlohmann::json::parse(ReadText(saved));
    EXPECT_EQ(doc["loss"], "ce");
    EXPECT_EQ(doc["layers"][1]["activation"], "softmax");
    EXPECT_EQ(doc["layers"][1]["weights"].size(), 3u);
    std::remove(log.c_str());
    std::remove(saved.c_str());
}

TEST(CliTrainSoftmax, NetworkFileTrainsOnClassIndicesAndRefusesOtherLabels) {
    const std::string net = TempFile(".json"), data = TempFile(".csv");
    WriteText(net,
              R"({"format": "actlab-network", "version": 1, "inputs": ["x1", "x2"], "loss": "ce", "layers": [
        {"activation": "relu", "params": {}, "weights": [[0.5, -0.2], [0.3, 0.8]], "biases": [0.1, 0.1]},
        {"activation": "softmax", "params": {}, "weights": [[1, 0], [0, 1], [-1, -1]], "biases": [0, 0, 0]}]})");
    WriteText(data, "x1,x2,y\n1,2,0\n-1,0.5,2\n0.3,-2,1\n");
    const std::vector<std::string> tail{"--steps", "20", "--lr", "0.1", "--batch", "2", "--no-shuffle"};
    auto args = std::vector<std::string>{"train", "--network", net, "--data", data};
    args.insert(args.end(), tail.begin(), tail.end());
    const auto ok = RunActlab(args);
    ASSERT_EQ(ok.exit_status, 0) << ok.err;
    EXPECT_EQ(SummaryField(ok.out, "network"), "2→2→3 relu, softmax output, ce");
    EXPECT_NE(SummaryField(ok.out, "train_accuracy"), "(missing train_accuracy)");

    for (const auto& [y, why] :
         {std::pair{"3", "0 … 2"}, std::pair{"1.5", "0 … 2"}, std::pair{"-1", "0 … 2"}}) {
        WriteText(data, std::string("x1,x2,y\n1,2,0\n-1,0.5,") + y + "\n");
        ExpectUsageError(args, data + ": line 3: field y:");
        ExpectUsageError(args, why);
    }
    std::remove(net.c_str());
    std::remove(data.c_str());
}

TEST(CliTrainSoftmax, SameBatchesWithoutShuffleForEveryOptimizer) {
    const std::string data = TempFile(".csv");
    ASSERT_EQ(RunActlab({"dataset", "spiral3", "--samples", "90", "--out", data}).exit_status, 0);
    for (const char* optimizer : {"sgd", "momentum", "adam"}) {
        const std::vector<std::string> args{
            "train",   "--layers", "6,6", "--activation", "relu",        "--output",
            "softmax", "--data",   data,  "--steps",      "50",          "--lr",
            "0.01",    "--batch",  "7",   "--no-shuffle", "--optimizer", optimizer};
        const auto a = RunActlab(args);
        const auto b = RunActlab(args);
        ASSERT_EQ(a.exit_status, 0) << a.err;
        EXPECT_EQ(a.out, b.out) << optimizer;
        EXPECT_EQ(SummaryField(a.out, "network"), "2→6→6→3 relu, softmax output, ce");
    }
    std::remove(data.c_str());
}

TEST(CliTrainSoftmax, ContradictoryFlagsAreRefused) {
    const std::vector<std::string> base{"train", "--layers", "4",   "--activation", "tanh", "--steps",
                                        "5",     "--lr",     "0.1", "--batch",      "5"};
    auto with = [&](std::initializer_list<std::string> extra) {
        std::vector<std::string> args = base;
        args.insert(args.end(), extra);
        return args;
    };
    ExpectUsageError(with({"--dataset", "blobs3", "--output", "tanh"}), "needs --output softmax");
    ExpectUsageError(with({"--dataset", "circle", "--output", "softmax", "--loss", "mse"}), "--loss ce");
    ExpectUsageError(with({"--dataset", "circle", "--loss", "ce", "--output", "sigmoid"}),
                     "--output softmax");
    ExpectUsageError(with({"--dataset", "reg-plane", "--output", "softmax"}), "regression");
    ExpectUsageError(with({"--dataset", "circle", "--optimizer", "rmsprop"}),
                     "--optimizer: unknown optimizer");
    ExpectUsageError(with({"--dataset", "circle", "--momentum", "0.5"}),
                     "--momentum goes with --optimizer momentum");
    ExpectUsageError(with({"--dataset", "circle", "--optimizer", "adam", "--beta2", "1"}),
                     "beta2 must be in [0, 1)");
    ExpectUsageError(with({"--dataset", "circle", "--optimizer", "adam", "--eps", "0"}),
                     "eps must be in (0, 1]");
    // A two-class set with a softmax output: two neurons, labels 0/1.
    const auto two = RunActlab(with({"--dataset", "circle", "--output", "softmax"}));
    ASSERT_EQ(two.exit_status, 0) << two.err;
    EXPECT_EQ(SummaryField(two.out, "network"), "2→4→2 tanh, softmax output, ce");
}

} // namespace
} // namespace actlab::test
