// The presenter's tools in a real window (Xvfb, Mesa): a black and a white screen cover every pixel,
// and a laser dot and an ink stroke land in their colours where they were put.
#include "cli_test_support.h"
#include "png_test_support.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <unistd.h>

namespace actlab::test {
namespace {

namespace fs = std::filesystem;

// The overlay's colours (ui/presenter_overlay.h).
constexpr int kInkR = 236, kInkG = 0, kInkB = 140;
constexpr int kLaserR = 255, kLaserG = 32, kLaserB = 32;

class PresenterWindowTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("actlab-presenter-" + std::to_string(::getpid()) + "-" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    Image Screenshot(std::vector<std::string> args) {
        const fs::path out = dir_ / "shot.png";
        args.insert(args.begin(), {"--screenshot", out.string(), "--size", "1280x800"});
        const CommandResult run = RunActlab(args, {"XDG_CONFIG_HOME=" + dir_.string()});
        EXPECT_EQ(run.exit_status, 0) << run.err;
        return LoadPng(out);
    }

    static int Count(const Image& image, int r, int g, int b, int x0, int y0, int x1, int y1) {
        int count = 0;
        for (int y = y0; y < y1; ++y)
            for (int x = x0; x < x1; ++x)
                count += Near(image.At(x, y), r, g, b, 8) ? 1 : 0;
        return count;
    }

    fs::path dir_;
};

TEST_F(PresenterWindowTest, BlackAndWhiteScreensCoverEveryPixel) {
    for (const auto& [name, value] : {std::pair{"black", 0}, std::pair{"white", 255}}) {
        const Image image = Screenshot({"--theme", "light", "--presenter", name});
        ASSERT_EQ(image.width, 1280) << name;
        ASSERT_EQ(image.height, 800) << name;
        EXPECT_EQ(Count(image, value, value, value, 0, 0, image.width, image.height),
                  image.width * image.height)
            << name << ": every pixel";
    }
}

TEST_F(PresenterWindowTest, InkAndLaserLandWhereTheyWereDrawn) {
    for (const char* theme : {"dark", "light", "projector"}) {
        const Image image = Screenshot({"--theme", theme, "--presenter", "ink=300,300:500,300:500,450",
                                        "--presenter", "pointer=900,500"});
        ASSERT_EQ(image.width, 1280) << theme;
        // Along the stroke's segments, in the ink colour; far from it, none.
        EXPECT_GT(Count(image, kInkR, kInkG, kInkB, 310, 296, 490, 305), 150)
            << theme << ": the first segment";
        EXPECT_GT(Count(image, kInkR, kInkG, kInkB, 496, 310, 505, 440), 100) << theme << ": the second one";
        EXPECT_EQ(Count(image, kInkR, kInkG, kInkB, 0, 500, 1280, 800), 0) << theme;
        // The laser dot: red around its centre, nowhere near the stroke.
        EXPECT_GT(Count(image, kLaserR, kLaserG, kLaserB, 890, 490, 910, 510), 50) << theme;
        EXPECT_EQ(Count(image, kLaserR, kLaserG, kLaserB, 0, 0, 800, 800), 0) << theme;
    }
}

TEST_F(PresenterWindowTest, ABadPresenterToolIsRefused) {
    const CommandResult run =
        RunActlab({"--screenshot", (dir_ / "x.png").string(), "--presenter", "ink=1,2:3"},
                  {"XDG_CONFIG_HOME=" + dir_.string()});
    EXPECT_EQ(run.exit_status, 2);
    EXPECT_NE(run.err.find("--presenter"), std::string::npos) << run.err;
    EXPECT_FALSE(fs::exists(dir_ / "x.png"));
}

} // namespace
} // namespace actlab::test
