// The clipboard round trip under Xvfb: `actlab --copy TARGET` owns the CLIPBOARD selection, xclip
// asks for its TARGETS and reads each format back (a large window PNG by the INCR protocol), and
// actlab exits 0 once another program takes the clipboard.
#include "png_test_support.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace actlab::test {
namespace {

namespace fs = std::filesystem;

std::string ReadText(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

class ClipboardTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("actlab-clip-" + std::to_string(::getpid()) + "-" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    // Starts actlab copying `target`, waits for its "Copied" line, reads TARGETS, image/png and
    // text/plain with xclip, then takes the clipboard with other text so that actlab exits. Returns
    // actlab's exit status.
    int RoundTrip(const std::string& target, const std::string& size = "800x500") {
        const std::string d = dir_.string();
        const std::string script = "XDG_CONFIG_HOME='" + d + "' '" ACTLAB_EXE "' --size " + size +
                                   " --frames 3 --copy " + target + " --copy-hold 60 2>'" + d +
                                   "/err' & pid=$!; "
                                   "for i in $(seq 1 300); do grep -q Copied '" +
                                   d +
                                   "/err' && break; sleep 0.1; done; "
                                   "xclip -selection clipboard -t TARGETS -o > '" +
                                   d +
                                   "/targets'; "
                                   "xclip -selection clipboard -t image/png -o > '" +
                                   d +
                                   "/pasted.png'; "
                                   "xclip -selection clipboard -t text/plain -o > '" +
                                   d +
                                   "/text' 2>/dev/null; "
                                   "echo taken | xclip -selection clipboard; "
                                   "wait $pid; echo $? > '" +
                                   d + "/status'";
        const std::string command = "bash -c \"" + Escape(script) + "\"";
        if (std::system(command.c_str()) != 0) return -1;
        return std::atoi(ReadText(dir_ / "status").c_str());
    }

    static std::string Escape(const std::string& text) {
        std::string out;
        for (char c : text) {
            if (c == '"' || c == '$' || c == '\\' || c == '`') out += '\\';
            out += c;
        }
        return out;
    }

    fs::path dir_;
};

TEST_F(ClipboardTest, PlotComesBackAsPngSvgAndCsv) {
    ASSERT_EQ(RoundTrip("f"), 0) << ReadText(dir_ / "err");
    const std::string targets = ReadText(dir_ / "targets");
    for (const char* name : {"TARGETS", "image/png", "image/svg+xml", "text/plain", "UTF8_STRING"}) {
        EXPECT_NE(targets.find(name), std::string::npos) << name << " in " << targets;
    }
    // The export dialog's defaults: 2×, light colours; the default 1200×750 figure.
    const Image image = LoadPng(dir_ / "pasted.png");
    ASSERT_EQ(image.width, 2400);
    ASSERT_EQ(image.height, 1500);
    EXPECT_TRUE(Near(image.At(image.width - 3, 3), 255, 255, 255, 0)); // the light background
    std::size_t curve = 0; // ReLU in the light theme's first colour
    for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < image.width; ++x)
            if (Near(image.At(x, y), 0, 114, 178, 8)) ++curve;
    EXPECT_GT(curve, 2000U);
    const std::string csv = ReadText(dir_ / "text");
    EXPECT_EQ(csv.rfind("x,relu,relu_prime\n", 0), 0U) << csv.substr(0, 80);
    EXPECT_NE(ReadText(dir_ / "err").find("Copied the f plot (2400\u00d71500 PNG, SVG, CSV)"),
              std::string::npos);
}

TEST_F(ClipboardTest, WholeWindowArrivesByIncr) {
    ASSERT_EQ(RoundTrip("window", "1280x800"), 0) << ReadText(dir_ / "err");
    const std::string targets = ReadText(dir_ / "targets");
    EXPECT_NE(targets.find("image/png"), std::string::npos);
    EXPECT_EQ(targets.find("image/svg+xml"), std::string::npos); // the window is a picture only
    // 1280×800 at 2×: larger than one 256 KiB chunk, so xclip had to follow INCR to get it whole.
    EXPECT_GT(fs::file_size(dir_ / "pasted.png"), 256U * 1024U);
    const Image image = LoadPng(dir_ / "pasted.png");
    EXPECT_EQ(image.width, 2560);
    EXPECT_EQ(image.height, 1600);
}

TEST_F(ClipboardTest, UnknownTargetIsAUsageError) {
    const std::string command = "'" ACTLAB_EXE "' --copy nowhere 2>/dev/null";
    const int status = std::system(command.c_str());
    EXPECT_EQ(WEXITSTATUS(status), 2);
}

} // namespace
} // namespace actlab::test
