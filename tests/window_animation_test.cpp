// File → Export animation… in the real window, driven as a user drives it: the dialog opened, a file
// typed, Export pressed (--animation-out), and Cancel pressed partway (--animation-cancel-at). The file
// has the dialog's frame count and codec, the toast says where it went, and a cancelled export
// leaves nothing behind and says so.
#include "cli_test_support.h"
#include "core/layout_report.h"
#include "png_test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

namespace actlab::test {
namespace {

namespace fs = std::filesystem;

// The dialog's defaults: 4 seconds at 30 frames per second.
constexpr int kDialogFrames = 120;

// "codec,width,height,frames" of the first video stream, as ffprobe decodes it.
std::string Probe(const fs::path& file) {
    const std::string command = "ffprobe -v error -count_frames -select_streams v:0 -show_entries "
                                "stream=codec_name,width,height,nb_read_frames -of csv=p=0 '" +
                                file.string() + "'";
    std::string out;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr) return out;
    std::array<char, 512> buffer{};
    while (std::fgets(buffer.data(), static_cast<int>(buffer.size()), pipe) != nullptr)
        out += buffer.data();
    ::pclose(pipe);
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r'))
        out.pop_back();
    return out;
}

// Frame `index` of an animation decoded to a PNG, as a viewer shows it.
Image DecodedFrame(const fs::path& file, int index, const fs::path& png) {
    const std::string command = "ffmpeg -v error -y -i '" + file.string() + "' -vf 'select=eq(n\\," +
                                std::to_string(index) + ")' -vsync 0 -frames:v 1 -pix_fmt rgba '" +
                                png.string() + "'";
    if (std::system(command.c_str()) != 0) return {};
    return LoadPng(png);
}

// Pixels of the light theme's first curve colour (ELU's) in columns [x0, x1).
int CurvePixels(const Image& image, int x0, int x1) {
    int count = 0;
    for (int y = 0; y < image.height; ++y) {
        for (int x = x0; x < x1 && x < image.width; ++x)
            count += Near(image.At(x, y), 0, 114, 178, 40) ? 1 : 0;
    }
    return count;
}

class WindowAnimationTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("actlab-anim-" + std::to_string(::getpid()) + "-" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_ / "config");
        fs::create_directories(dir_ / "out");
    }
    void TearDown() override { fs::remove_all(dir_); }

    // Runs the window with the dialog's export scripted; the layout report of the frames after it.
    LayoutReport Run(std::vector<std::string> args) {
        const fs::path report_path = dir_ / "report.json";
        args.insert(args.end(),
                    {"--size", "1280x800", "--select", "elu", "--layout-report", report_path.string()});
        const CommandResult run = RunActlab(args, {"XDG_CONFIG_HOME=" + (dir_ / "config").string()});
        EXPECT_EQ(run.exit_status, 0) << run.err;
        std::ifstream in(report_path);
        std::stringstream text;
        text << in.rdbuf();
        std::string error;
        LayoutReport report = ParseLayoutReport(text.str(), error);
        EXPECT_EQ(error, "");
        return report;
    }

    // The toast's text, after checking that it is on screen: inside the window, nothing over it.
    static std::string ShownToast(const LayoutReport& report) {
        const auto region = std::find_if(report.regions.begin(), report.regions.end(),
                                         [](const LayoutRegion& r) { return r.id == "export_toast"; });
        if (region == report.regions.end()) return "(no toast)";
        EXPECT_FALSE(region->covered);
        EXPECT_FALSE(region->clipped);
        EXPECT_GE(region->rect.x, 0.0f);
        EXPECT_GE(region->rect.y, 0.0f);
        EXPECT_LE(region->rect.x + region->rect.w, static_cast<float>(report.width));
        EXPECT_LE(region->rect.y + region->rect.h, static_cast<float>(report.height));
        for (const LayoutLabel& label : report.labels) {
            if (label.region == "export_toast") {
                EXPECT_FALSE(label.truncated) << label.text;
                return label.text;
            }
        }
        return "(no text)";
    }

    std::vector<std::string> FilesIn(const fs::path& dir) const {
        std::vector<std::string> names;
        for (const auto& entry : fs::directory_iterator(dir))
            names.push_back(entry.path().filename().string());
        std::sort(names.begin(), names.end());
        return names;
    }

    fs::path dir_;
};

TEST_F(WindowAnimationTest, GifFromTheDialogHasItsFramesAndTheToastSaysWhere) {
    const fs::path out = dir_ / "out" / "elu.gif";
    const LayoutReport report = Run({"--animation-out", out.string(), "--export-scale", "1"});
    EXPECT_EQ(Probe(out), "gif,1200,750," + std::to_string(kDialogFrames));
    EXPECT_EQ(FilesIn(dir_ / "out"), std::vector<std::string>{"elu.gif"}) << "no temporary left";
    EXPECT_EQ(ShownToast(report), "Saved " + out.string());
    // The sweep runs α from 0 to 3: the window's view (down to −1.5) is widened so that the last frame
    // still shows ELU's left arm near −3 rather than losing it off the bottom.
    const Image last = DecodedFrame(out, kDialogFrames - 1, dir_ / "last.png");
    ASSERT_EQ(last.width, 1200);
    EXPECT_GT(CurvePixels(last, 60, 300), 150) << "ELU's left arm on screen";
}

TEST_F(WindowAnimationTest, Mp4FromTheDialogIsH264WithItsFrames) {
    // The typed extension picks the format; the folder is made when missing.
    const fs::path out = dir_ / "out" / "new folder" / "elu.mp4";
    const LayoutReport report = Run({"--animation-out", out.string(), "--export-scale", "1"});
    EXPECT_EQ(Probe(out), "h264,1200,750," + std::to_string(kDialogFrames));
    EXPECT_EQ(FilesIn(out.parent_path()), std::vector<std::string>{"elu.mp4"}) << "no temporary left";
    EXPECT_EQ(ShownToast(report), "Saved " + out.string());
}

TEST_F(WindowAnimationTest, CancelPartwayLeavesNothingAndSaysSo) {
    // At 4× (4800×3000 frames) the export takes many UI frames: Cancel lands partway.
    const fs::path out = dir_ / "out" / "long.gif";
    const LayoutReport report =
        Run({"--animation-out", out.string(), "--export-scale", "4", "--animation-cancel-at", "3"});
    EXPECT_FALSE(fs::exists(out));
    EXPECT_EQ(FilesIn(dir_ / "out"), std::vector<std::string>{}) << "no temporary left";
    const std::string toast = ShownToast(report);
    const std::string start = "Animation cancelled after ";
    const std::string end = " of " + std::to_string(kDialogFrames) + " frames; nothing was written";
    ASSERT_EQ(toast.rfind(start, 0), 0u) << toast;
    ASSERT_GT(toast.size(), start.size() + end.size()) << toast;
    ASSERT_EQ(toast.substr(toast.size() - end.size()), end) << toast;
    const int done = std::stoi(toast.substr(start.size()));
    EXPECT_GE(done, 3);
    EXPECT_LT(done, kDialogFrames) << "cancelled partway";
}

TEST_F(WindowAnimationTest, AnUnknownExtensionIsAUsageError) {
    const CommandResult run = RunActlab({"--animation-out", (dir_ / "out" / "x.png").string()},
                                        {"XDG_CONFIG_HOME=" + (dir_ / "config").string()});
    EXPECT_EQ(run.exit_status, 2);
    EXPECT_NE(run.err.find("--animation-out"), std::string::npos) << run.err;
    EXPECT_EQ(FilesIn(dir_ / "out"), std::vector<std::string>{});
}

} // namespace
} // namespace actlab::test
