// The one file writer and the one capped reader: regular files replaced atomically, devices and
// pipes written in place, every failure one message naming the file and nothing half-written left.
#include "core/file_io.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace actlab {
namespace {

namespace fs = std::filesystem;

std::string Slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

class FileIoTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("actlab-file-io-" + std::to_string(::getpid()));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override {
        fs::permissions(dir_, fs::perms::owner_all);
        fs::remove_all(dir_);
    }
    // Everything in the directory but `keep`: a writer's leftovers.
    std::vector<std::string> Others(const std::string& keep) const {
        std::vector<std::string> names;
        for (const auto& entry : fs::directory_iterator(dir_)) {
            if (entry.path().filename() != keep) names.push_back(entry.path().filename().string());
        }
        return names;
    }
    fs::path dir_;
};

TEST_F(FileIoTest, ARegularFileIsReplacedWholeWithNoTemporaryLeft) {
    const std::string path = (dir_ / "lesson.json").string();
    ASSERT_EQ(WriteFileAtomically(path, "old contents that are longer\n"), "");
    ASSERT_EQ(WriteFileAtomically(path, "new\n"), "");
    EXPECT_EQ(Slurp(path), "new\n");
    EXPECT_TRUE(Others("lesson.json").empty());
}

TEST_F(FileIoTest, AStreamedFileAppearsOnlyAtCommitAndAnAbandonedOneLeavesNothing) {
    const std::string path = (dir_ / "log.csv").string();
    {
        AtomicFileWriter writer;
        ASSERT_EQ(writer.Open(path), "");
        for (int i = 0; i < 20000; ++i)
            writer.Write("step,loss\n"); // past the write buffer several times
        EXPECT_FALSE(fs::exists(path)) << "not under its name before Commit";
        ASSERT_EQ(writer.Commit(), "");
    }
    EXPECT_EQ(fs::file_size(path), 20000u * 10u);
    {
        AtomicFileWriter writer;
        ASSERT_EQ(writer.Open(path), "");
        writer.Write("half");
    } // destroyed without Commit, as when a run fails midway
    EXPECT_EQ(fs::file_size(path), 20000u * 10u) << "the committed file is untouched";
    EXPECT_TRUE(Others("log.csv").empty()) << "the abandoned temporary is removed";
}

TEST_F(FileIoTest, ADirectoryAsTargetIsRefusedAndLeftAlone) {
    fs::create_directories(dir_ / "figures" / "inside");
    const std::string path = (dir_ / "figures").string();
    EXPECT_EQ(WriteFileAtomically(path, "x"), path + ": cannot write (it is a directory)");
    EXPECT_TRUE(fs::is_directory(dir_ / "figures" / "inside"));
    EXPECT_TRUE(Others("figures").empty());
}

TEST_F(FileIoTest, AMissingFolderNamesTheFileAndTheReason) {
    const std::string path = (dir_ / "missing" / "x.png").string();
    EXPECT_EQ(WriteFileAtomically(path, "x"), path + ": cannot write (No such file or directory)");
    EXPECT_FALSE(fs::exists(dir_ / "missing"));
}

// Run as an unprivileged user (root may write anywhere): a read-only folder refuses the temporary,
// and the file already there keeps its contents.
TEST_F(FileIoTest, AnUnwritableFolderKeepsTheOldFile) {
    const fs::path path = dir_ / "settings.json";
    ASSERT_EQ(WriteFileAtomically(path.string(), "old\n"), "");
    fs::permissions(dir_, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                              fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
    int channel[2];
    ASSERT_EQ(::pipe(channel), 0);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        ::close(channel[0]);
        if (::getuid() == 0 && ::setuid(65534) != 0) ::_exit(3);
        const std::string error = WriteFileAtomically(path.string(), "new\n");
        const bool sent =
            ::write(channel[1], error.data(), error.size()) == static_cast<ssize_t>(error.size());
        ::_exit(sent ? 0 : 4);
    }
    ::close(channel[1]);
    std::string error;
    char buffer[512];
    for (ssize_t got; (got = ::read(channel[0], buffer, sizeof buffer)) > 0;)
        error.append(buffer, static_cast<std::size_t>(got));
    ::close(channel[0]);
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "child status " << status;
    EXPECT_EQ(error, path.string() + ": cannot write (Permission denied)");
    EXPECT_EQ(Slurp(path), "old\n");
    EXPECT_TRUE(Others("settings.json").empty());
}

// A write that fails midway (here the file-size limit, as a full disk would) removes the temporary
// and leaves the previous file whole.
TEST_F(FileIoTest, AFailedWriteRemovesItsTemporaryAndKeepsTheOldFile) {
    const std::string path = (dir_ / "figure.svg").string();
    ASSERT_EQ(WriteFileAtomically(path, "<svg/>\n"), "");
    rlimit before{};
    ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &before), 0);
    rlimit small = before;
    small.rlim_cur = 4096;
    const auto old_handler = std::signal(SIGXFSZ, SIG_IGN); // EFBIG instead of the signal
    ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
    const std::string error = WriteFileAtomically(path, std::string(100000, 'x'));
    ::setrlimit(RLIMIT_FSIZE, &before);
    std::signal(SIGXFSZ, old_handler);
    EXPECT_EQ(error, path + ": cannot write (File too large)");
    EXPECT_EQ(Slurp(path), "<svg/>\n");
    EXPECT_TRUE(Others("figure.svg").empty());
}

TEST_F(FileIoTest, AFullDeviceIsWrittenInPlaceAndReportsTheReason) {
    EXPECT_EQ(WriteFileAtomically("/dev/full", "data"), "/dev/full: cannot write (No space left on device)");
    EXPECT_EQ(WriteFileAtomically("/dev/null", "data"), "") << "a device is written, not replaced";
    struct stat status {};
    ASSERT_EQ(::stat("/dev/null", &status), 0);
    EXPECT_TRUE(S_ISCHR(status.st_mode));
}

TEST_F(FileIoTest, APipeIsWrittenInPlaceAndStaysAPipe) {
    const fs::path fifo = dir_ / "fifo";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    const std::string content(300000, 'p'); // more than a pipe holds at once
    std::string received;
    std::thread reader([&] { received = Slurp(fifo); });
    EXPECT_EQ(WriteFileAtomically(fifo.string(), content), "");
    reader.join();
    EXPECT_EQ(received, content);
    EXPECT_TRUE(fs::is_fifo(fifo));
    EXPECT_TRUE(Others("fifo").empty());
}

TEST_F(FileIoTest, TheReaderReadsWholeFilesUpToTheCap) {
    const fs::path path = dir_ / "data.csv";
    ASSERT_EQ(WriteFileAtomically(path.string(), std::string(1024, 'a')), "");
    std::string text = "stale";
    EXPECT_EQ(ReadFileCapped(path.string(), 1024, text), "");
    EXPECT_EQ(text, std::string(1024, 'a')) << "exactly the cap is allowed";
    EXPECT_EQ(ReadFileCapped(path.string(), 1023, text), path.string() + ": larger than 1023 bytes");
    EXPECT_TRUE(text.empty());
    fs::resize_file(path, (16u << 20) + 1); // sparse: refused by its size, before reading
    EXPECT_EQ(ReadFileCapped(path.string(), 16u << 20, text), path.string() + ": larger than 16 MiB");
}

TEST_F(FileIoTest, TheReaderNamesTheFileAndTheReason) {
    std::string text;
    const std::string missing = (dir_ / "nope.json").string();
    EXPECT_EQ(ReadFileCapped(missing, 100, text), missing + ": cannot open (No such file or directory)");
    EXPECT_EQ(ReadFileCapped(dir_.string(), 100, text), dir_.string() + ": is a directory");
}

TEST_F(FileIoTest, APipeIsReadOnlyUpToTheCap) {
    const fs::path fifo = dir_ / "fifo";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    // Endless but for the reader: writing stops when the reader closes its end (EPIPE, not SIGPIPE).
    const auto old_handler = std::signal(SIGPIPE, SIG_IGN);
    std::thread writer([&] {
        const int fd = ::open(fifo.c_str(), O_WRONLY);
        const std::string chunk(65536, 'z');
        for (int i = 0; i < 1000 && ::write(fd, chunk.data(), chunk.size()) > 0; ++i) {
        }
        ::close(fd);
    });
    std::string text;
    EXPECT_EQ(ReadFileCapped(fifo.string(), 64u << 10, text), fifo.string() + ": larger than 64 KiB");
    writer.join();
    std::signal(SIGPIPE, old_handler);
    EXPECT_TRUE(text.empty());
}

TEST(DescribeByteCount, PrintsTheLargestWholeUnit) {
    EXPECT_EQ(DescribeByteCount(16u << 20), "16 MiB");
    EXPECT_EQ(DescribeByteCount(64u << 10), "64 KiB");
    EXPECT_EQ(DescribeByteCount(1000), "1000 bytes");
}

} // namespace
} // namespace actlab
