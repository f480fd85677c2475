// `actlab dataset` and `actlab train`, run as a user would: files, summaries, logs, saved networks,
// bad input (exit 2, one line naming the file, line or field) and unwritable output (exit 1).
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
    return TestTempFile("net", suffix);
}

TEST(CliDataset, WritesHeaderAndRowsDeterministically) {
    const std::string a = TempFile("a.csv"), b = TempFile("b.csv"), c = TempFile("c.csv");
    const auto r =
        RunActlab({"dataset", "spiral", "--samples", "40", "--noise", "0.2", "--seed", "7", "--out", a});
    ASSERT_EQ(r.exit_status, 0) << r.err;
    EXPECT_NE(r.out.find("40"), std::string::npos);
    ASSERT_EQ(RunActlab({"dataset", "spiral", "--samples", "40", "--noise", "0.2", "--seed", "7", "--out", b})
                  .exit_status,
              0);
    ASSERT_EQ(RunActlab({"dataset", "spiral", "--samples", "40", "--noise", "0.2", "--seed", "8", "--out", c})
                  .exit_status,
              0);
    const std::string text = ReadText(a);
    const auto lines = SplitLines(text);
    ASSERT_EQ(lines.size(), 41u);
    EXPECT_EQ(lines[0], "x1,x2,y");
    EXPECT_EQ(text, ReadText(b));
    EXPECT_NE(text, ReadText(c));
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const std::string y = lines[i].substr(lines[i].rfind(',') + 1);
        EXPECT_TRUE(y == "1" || y == "-1") << lines[i];
    }
    const std::string z = TempFile("z.csv");
    ASSERT_EQ(RunActlab({"dataset", "xor", "--samples", "10", "--zero-one", "--out", z}).exit_status, 0);
    for (const auto& line : SplitLines(ReadText(z))) {
        if (line != "x1,x2,y") {
            EXPECT_TRUE(line.back() == '0' || line.back() == '1') << line;
        }
    }
    for (const auto& f : {a, b, c, z})
        std::remove(f.c_str());
}

TEST(CliDataset, BadInputAndUnwritableOutput) {
    const std::string out = TempFile(".csv");
    ExpectUsageError({"dataset", "moons", "--out", out}, "unknown dataset 'moons'; known: circle");
    ExpectUsageError({"dataset", "circle", "--samples", "0", "--out", out}, "--samples");
    ExpectUsageError({"dataset", "circle", "--samples", "1000000000", "--out", out}, "--samples");
    ExpectUsageError({"dataset", "circle", "--noise", "nan", "--out", out}, "--noise");
    ExpectUsageError({"dataset", "circle", "--noise", "7", "--out", out}, "noise must be");
    ExpectUsageError({"dataset", "circle", "--seed", "-1", "--out", out}, "--seed");
    ExpectUsageError({"dataset", "reg-plane", "--zero-one", "--out", out}, "classification");
    ExpectUsageError({"dataset", "circle"}, "--out");
    const auto r = RunActlab({"dataset", "circle", "--out", "/nonexistent-dir/x.csv"});
    EXPECT_EQ(r.exit_status, 1) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find("/nonexistent-dir/x.csv"), std::string::npos) << r.err;
}

TEST(CliTrain, TanhLearnsTheCircleAndSavesAndLogs) {
    const std::string log = TempFile(".log.csv"), saved = TempFile(".json");
    const auto r =
        RunActlab({"train", "--layers", "8,8", "--activation", "tanh", "--dataset", "circle", "--steps",
                   "2000", "--lr", "0.03", "--batch", "10", "--log", log, "--save", saved});
    ASSERT_EQ(r.exit_status, 0) << r.err;
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(SummaryField(r.out, "steps"), "2000 (batch 10, lr 0.03)");
    EXPECT_EQ(SummaryField(r.out, "samples"), "400 train, 100 test");
    EXPECT_GE(std::stod(SummaryField(r.out, "test_accuracy")), 0.95);
    EXPECT_LT(std::stod(SummaryField(r.out, "train_loss")), 0.05);
    EXPECT_EQ(SummaryField(r.out, "dead"), "0/16");

    const auto rows = SplitLines(ReadText(log));
    ASSERT_EQ(rows.size(), 2002u); // header, step 0, steps 1 … 2000
    EXPECT_EQ(rows[0],
              "step,train_loss,dead_fraction,grad_norm_h1,grad_norm_h2,grad_norm_out,accuracy,test_accuracy");
    EXPECT_EQ(rows[1].rfind("0,", 0), 0u);
    EXPECT_EQ(rows[2001].rfind("2000,", 0), 0u);
    const double first_loss = std::stod(rows[1].substr(2));
    const double last_loss = std::stod(rows[2001].substr(5));
    EXPECT_LT(last_loss, first_loss / 10);

    const auto doc = nlohmann::json::parse(ReadText(saved));
    EXPECT_EQ(doc["format"], "actlab-network");
    EXPECT_EQ(doc["layers"].size(), 3u);

    // Continue from the saved network: the loaded weights are the trained ones, so the loss starts low.
    const auto again = RunActlab({"train", "--network", saved, "--dataset", "circle", "--steps", "0", "--lr",
                                  "0.03", "--batch", "10"});
    ASSERT_EQ(again.exit_status, 0) << again.err;
    EXPECT_EQ(SummaryField(again.out, "train_loss"), SummaryField(r.out, "train_loss"));
    std::remove(log.c_str());
    std::remove(saved.c_str());
}

TEST(CliTrain, DataFileWithoutShuffleIsReproducibleAndMatchesTheGenerator) {
    const std::string data = TempFile(".csv");
    ASSERT_EQ(RunActlab({"dataset", "xor", "--samples", "200", "--seed", "3", "--out", data}).exit_status, 0);
    const std::vector<std::string> args{"train", "--layers", "4",    "--activation", "relu", "--seed",
                                        "3",     "--data",   data,   "--split",      "0.8",  "--steps",
                                        "300",   "--lr",     "0.05", "--batch",      "7",    "--no-shuffle"};
    const auto a = RunActlab(args);
    const auto b = RunActlab(args);
    ASSERT_EQ(a.exit_status, 0) << a.err;
    EXPECT_EQ(a.out, b.out);
    EXPECT_EQ(SummaryField(a.out, "samples"), "160 train, 40 test");
    // The same rows generated in memory give the same run.
    const auto generated =
        RunActlab({"train",     "--layers", "4",         "--activation", "relu",    "--seed",      "3",
                   "--dataset", "xor",      "--samples", "200",          "--split", "0.8",         "--steps",
                   "300",       "--lr",     "0.05",      "--batch",      "7",       "--no-shuffle"});
    EXPECT_EQ(SummaryField(generated.out, "train_loss"), SummaryField(a.out, "train_loss"));
    std::remove(data.c_str());
}

TEST(CliTrain, NegativeBiasKillsRelusAndTheSummarySaysSo) {
    const auto r = RunActlab({"train", "--layers", "8,8", "--activation", "relu", "--bias-init", "-10",
                              "--dataset", "circle", "--steps", "200", "--lr", "0.03", "--batch", "10"});
    ASSERT_EQ(r.exit_status, 0) << r.err;
    const std::string dead = SummaryField(r.out, "dead");
    EXPECT_GT(std::stoi(dead.substr(0, dead.find('/'))), 8) << r.out;
}

TEST(CliTrain, BceWithSigmoidOutput) {
    const auto r = RunActlab({"train", "--layers", "6", "--activation", "tanh", "--loss", "bce", "--dataset",
                              "gauss", "--steps", "500", "--lr", "0.1", "--batch", "10"});
    ASSERT_EQ(r.exit_status, 0) << r.err;
    EXPECT_NE(SummaryField(r.out, "network").find("sigmoid output, bce"), std::string::npos) << r.out;
    EXPECT_GE(std::stod(SummaryField(r.out, "test_accuracy")), 0.9);
}

TEST(CliTrain, DivergenceNamesTheStep) {
    const std::string log = TempFile(".log.csv");
    const auto r =
        RunActlab({"train", "--layers", "8,8", "--activation", "relu", "--output", "linear", "--dataset",
                   "reg-plane", "--steps", "1000", "--lr", "50", "--batch", "10", "--log", log});
    EXPECT_EQ(r.exit_status, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(SplitLines(r.err).size(), 1u) << r.err;
    EXPECT_NE(r.err.find("diverged at step "), std::string::npos) << r.err;
    // The log keeps the steps before the divergence.
    const auto rows = SplitLines(ReadText(log));
    ASSERT_GE(rows.size(), 2u);
    EXPECT_EQ(rows[0].rfind("step,train_loss,dead_fraction", 0), 0u);
    std::remove(log.c_str());
}

TEST(CliTrain, BadArgumentsAndFiles) {
    const std::vector<std::string> tail{"--steps", "10", "--lr", "0.1", "--batch", "5"};
    auto with = [&](std::vector<std::string> args) {
        args.insert(args.end(), tail.begin(), tail.end());
        return args;
    };
    ExpectUsageError(with({"train", "--dataset", "circle"}), "--network IN.json, or --layers");
    ExpectUsageError(with({"train", "--layers", "4,2", "--activation", "relu"}),
                     "--data FILE.csv or --dataset");
    ExpectUsageError(with({"train", "--layers", "4,9", "--activation", "relu", "--dataset", "circle"}),
                     "--layers");
    ExpectUsageError(
        with({"train", "--layers", "1,1,1,1,1,1,1", "--activation", "relu", "--dataset", "circle"}),
        "at most 6 hidden layers");
    ExpectUsageError(with({"train", "--layers", "4", "--activation", "relux", "--dataset", "circle"}),
                     "unknown function 'relux'");
    ExpectUsageError(
        with({"train", "--layers", "4", "--activation", "relu", "--output", "relu", "--dataset", "circle"}),
        "--output");
    ExpectUsageError(with({"train", "--layers", "4", "--activation", "relu", "--output", "tanh", "--loss",
                           "bce", "--dataset", "circle"}),
                     "bce loss needs a sigmoid output");
    ExpectUsageError(
        with({"train", "--layers", "4", "--activation", "relu", "--init", "magic", "--dataset", "circle"}),
        "--init");
    ExpectUsageError(with({"train", "--layers", "4", "--activation", "relu", "--dataset", "moons"}), "moons");
    ExpectUsageError({"train", "--layers", "4", "--activation", "relu", "--dataset", "circle", "--steps",
                      "10", "--lr", "nan", "--batch", "5"},
                     "--lr");
    ExpectUsageError({"train", "--layers", "4", "--activation", "relu", "--dataset", "circle", "--steps",
                      "10", "--lr", "1000", "--batch", "5"},
                     "learning rate");
    ExpectUsageError({"train", "--layers", "4", "--activation", "relu", "--dataset", "circle", "--steps",
                      "-3", "--lr", "0.1", "--batch", "5"},
                     "--steps");
    ExpectUsageError({"train", "--layers", "4", "--activation", "relu", "--dataset", "circle", "--steps",
                      "10", "--lr", "0.1", "--batch", "0"},
                     "--batch");

    ExpectUsageError({"train", "--layers", "4", "--activation", "relu", "--dataset", "circle", "--steps",
                      "10000000", "--lr", "0.1", "--batch", "1000"},
                     "at most 1e9");
    ExpectUsageError({"train", "--layers", "4", "--activation", "relu", "--dataset", "circle", "--samples",
                      "100000", "--steps", "100000", "--lr", "0.1", "--batch", "10", "--log",
                      "/tmp/never-written.csv"},
                     "--log-every");

    const std::string csv = TempFile(".csv");
    WriteText(csv, "x1,x2,y\n1,2,1\n3,oops,-1\n");
    ExpectUsageError(with({"train", "--layers", "4", "--activation", "relu", "--data", csv}),
                     csv + ": line 3: field x2: 'oops' is not a number");
    WriteText(csv, "x1,x2,y\n1,2,1\n3,4,-1\n");
    ExpectUsageError(with({"train", "--layers", "4", "--activation", "relu", "--loss", "bce", "--data", csv}),
                     csv + ": line 3: field y: the bce loss needs labels 0 or 1");
    ExpectUsageError(with({"train", "--layers", "4", "--activation", "relu", "--data", "/nonexistent/d.csv"}),
                     "/nonexistent/d.csv: cannot open");

    const std::string net = TempFile(".json");
    WriteText(net,
              R"({"format": "actlab-network", "version": 2, "inputs": ["x1"], "loss": "mse", "layers": []})");
    ExpectUsageError(with({"train", "--network", net, "--dataset", "circle"}),
                     net + ": version: version 2 is newer");
    WriteText(net, R"({"format": "actlab-network", "version": 1, "inputs": ["x1", "x2"], "loss": "mse",
        "layers": [{"activation": "swishy", "params": {}, "weights": [[1, 2]], "biases": [0]}]})");
    ExpectUsageError(with({"train", "--network", net, "--dataset", "circle"}),
                     net + ": layers[0].activation: unknown activation 'swishy'");
    ExpectUsageError(with({"train", "--network", net, "--layers", "4", "--dataset", "circle"}), "--network");
    std::remove(csv.c_str());
    std::remove(net.c_str());
}

TEST(CliTrain, UnwritableOutputsExitOne) {
    const std::vector<std::string> base{"train",  "--layers", "2", "--activation", "tanh", "--dataset",
                                        "circle", "--steps",  "5", "--lr",         "0.1",  "--batch",
                                        "5"};
    for (const std::string flag : {"--log", "--save"}) {
        auto args = base;
        args.push_back(flag);
        args.push_back("/nonexistent-dir/out");
        const auto r = RunActlab(args);
        EXPECT_EQ(r.exit_status, 1) << flag << ": " << r.err;
        EXPECT_EQ(r.out, "");
        EXPECT_NE(r.err.find("/nonexistent-dir/out"), std::string::npos) << r.err;
    }
}

TEST(CliBench, ReportsTrainingThroughput) {
    const auto r = RunActlab({"bench", "--json"});
    ASSERT_EQ(r.exit_status, 0) << r.err;
    const auto doc = nlohmann::json::parse(r.out);
    for (const char* key :
         {"train_2_8_8_1_tanh_samples_per_s", "train_2_4_2_1_relu_samples_per_s",
          "train_2_8_8_1_tanh_momentum_samples_per_s", "train_2_8_8_1_tanh_adam_samples_per_s"}) {
        ASSERT_TRUE(doc.contains(key)) << key;
        EXPECT_GT(doc[key].get<double>(), 0.0) << key;
    }
    // Every key the issue names. The start-up time needs a display and the PNG and SVG times a working
    // `actlab render`: without them the figure is absent and a note names it instead.
    const std::string notes = doc.at("notes").dump();
    for (const char* key : {"frame_ms_p50", "frame_ms_p95", "peak_rss_mb", "train_2_8_8_1_tanh_samples_per_s",
                            "train_2_4_2_1_relu_samples_per_s", "train_while_displaying_samples_per_s"}) {
        ASSERT_TRUE(doc.contains(key)) << key;
        EXPECT_TRUE(doc[key].is_number()) << key;
    }
    for (const char* key : {"startup_ms", "png_4k_s", "svg_s"}) {
        EXPECT_TRUE(doc.contains(key) || notes.find(std::string(key) + " not measured") != std::string::npos)
            << key;
    }
    // The frame figure leaves out the time-boxed training slice, which is reported beside it.
    ASSERT_TRUE(doc.contains("frame_training_slice_ms_p50"));
    EXPECT_GT(doc["frame_training_slice_ms_p50"].get<double>(), 0.0)
        << "training ran during the timed frames";
    EXPECT_GT(doc["frame_ms_p50"].get<double>(), 0.0);
    EXPECT_GE(doc["frame_ms_p95"].get<double>(), doc["frame_ms_p50"].get<double>());
}

TEST(CliBench, SoakRendersFramesWithTrainingAndReportsMemory) {
    const auto r = RunActlab({"bench", "--soak", "30", "--json"});
    ASSERT_EQ(r.exit_status, 0) << r.err;
    const auto doc = nlohmann::json::parse(r.out);
    EXPECT_EQ(doc.at("soak_frames").get<double>(), 30.0);
    EXPECT_GT(doc.at("soak_samples_trained").get<double>(), 0.0) << "training ran during the frames";
    EXPECT_GT(doc.at("soak_rss_start_mb").get<double>(), 1.0);
    EXPECT_GT(doc.at("soak_rss_end_mb").get<double>(), 1.0);
    EXPECT_DOUBLE_EQ(doc.at("soak_rss_growth_mb").get<double>(),
                     doc.at("soak_rss_end_mb").get<double>() - doc.at("soak_rss_start_mb").get<double>());
    EXPECT_FALSE(doc.contains("train_2_8_8_1_tanh_samples_per_s")) << "--soak runs the soak alone";
    ExpectUsageError({"bench", "--soak", "0"}, "--soak");
}

} // namespace
} // namespace actlab::test
