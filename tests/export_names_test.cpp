// Export file names, the XDG pictures directory and free names; the curve CSV of the export.
#include "core/csv.h"
#include "core/export_names.h"
#include "core/number_parse.h"

#include <gtest/gtest.h>

#include <set>
#include <sstream>

namespace actlab {
namespace {

std::tm Time(int year, int month, int day, int hour, int minute, int second) {
    std::tm t{};
    t.tm_year = year - 1900;
    t.tm_mon = month - 1;
    t.tm_mday = day;
    t.tm_hour = hour;
    t.tm_min = minute;
    t.tm_sec = second;
    return t;
}

TEST(ExportNames, DefaultNameHasSubjectDateAndTimeWithLeadingZeros) {
    EXPECT_EQ(DefaultExportFileName("relu", Time(2026, 11, 23, 21, 30, 0), "png"),
              "actlab-relu-20261123-213000.png");
    EXPECT_EQ(DefaultExportFileName("network", Time(2027, 1, 2, 3, 4, 5), "svg"),
              "actlab-network-20270102-030405.svg");
    EXPECT_EQ(DefaultExportFileName("leaky_relu", Time(2026, 12, 31, 23, 59, 59), "csv"),
              "actlab-leaky_relu-20261231-235959.csv");
}

TEST(ExportNames, UserDirsPicturesLineWithHomeExpansion) {
    const std::string file = "# This file is written by xdg-user-dirs-update\n"
                             "XDG_DESKTOP_DIR=\"$HOME/Desktop\"\n"
                             "XDG_PICTURES_DIR=\"$HOME/Bilder\"\n"
                             "XDG_VIDEOS_DIR=\"$HOME/Videos\"\n";
    EXPECT_EQ(PicturesDirFromUserDirs(file, "/home/ada"), "/home/ada/Bilder");
    EXPECT_EQ(PicturesDirFromUserDirs("XDG_PICTURES_DIR=\"${HOME}/Fotos\"\r\n", "/h"), "/h/Fotos");
    EXPECT_EQ(PicturesDirFromUserDirs("  XDG_PICTURES_DIR = /srv/pics\n", "/h"), "/srv/pics");
    // $HOMEWORK is another variable, not $HOME followed by WORK.
    EXPECT_EQ(PicturesDirFromUserDirs("XDG_PICTURES_DIR=\"$HOMEWORK/x\"", "/h"), "$HOMEWORK/x");
}

TEST(ExportNames, UserDirsWithoutPicturesCommentedOrEmptyGiveNothing) {
    EXPECT_EQ(PicturesDirFromUserDirs("", "/h"), "");
    EXPECT_EQ(PicturesDirFromUserDirs("XDG_MUSIC_DIR=\"$HOME/Music\"\n", "/h"), "");
    EXPECT_EQ(PicturesDirFromUserDirs("# XDG_PICTURES_DIR=\"$HOME/Old\"\n", "/h"), "");
    EXPECT_EQ(PicturesDirFromUserDirs("XDG_PICTURES_DIR=\"\"\n", "/h"), "");
    EXPECT_EQ(PicturesDirFromUserDirs("XDG_PICTURES_DIRX=\"$HOME/No\"\n", "/h"), "");
}

TEST(ExportNames, ExportDirectoryPrefersTheVariableThenTheFileThenPictures) {
    const std::string file = "XDG_PICTURES_DIR=\"$HOME/Bilder\"\n";
    EXPECT_EQ(ExportDirectory("/mnt/slides", file, "/home/ada"), "/mnt/slides/ActLab");
    EXPECT_EQ(ExportDirectory("", file, "/home/ada"), "/home/ada/Bilder/ActLab");
    EXPECT_EQ(ExportDirectory("", "", "/home/ada"), "/home/ada/Pictures/ActLab");
    EXPECT_EQ(ExportDirectory("", "XDG_PICTURES_DIR=\"relative/dir\"\n", "/home/ada"),
              "/home/ada/Pictures/ActLab");
}

TEST(ExportNames, FreePathCountsUpFromTwo) {
    std::set<std::string> taken;
    const auto exists = [&](const std::filesystem::path& p) { return taken.count(p.string()) > 0; };
    EXPECT_EQ(FreeExportPath("/d/a.png", exists), "/d/a.png");
    taken = {"/d/a.png"};
    EXPECT_EQ(FreeExportPath("/d/a.png", exists), "/d/a-2.png");
    taken = {"/d/a.png", "/d/a-2.png", "/d/a-3.png"};
    EXPECT_EQ(FreeExportPath("/d/a.png", exists), "/d/a-4.png");
    taken = {"/d/a.tar.csv"};
    EXPECT_EQ(FreeExportPath("/d/a.tar.csv", exists), "/d/a.tar-2.csv");
}

TEST(CurvesCsv, HeaderNamesEveryFunctionAndItsDerivative) {
    const std::vector<Activation> functions{Activation::WithDefaults(ActivationId::Relu),
                                            Activation::WithDefaults(ActivationId::LeakyRelu)};
    const std::string csv = CurvesCsv(functions, -2.0, 2.0, 5, KinkConvention::PyTorch);
    EXPECT_EQ(csv.substr(0, csv.find('\n')), "x,relu,relu_prime,leaky_relu,leaky_relu_prime");
}

TEST(CurvesCsv, RowsMatchEvaluateAndDerivativeUnderTheConvention) {
    Activation elu = Activation::WithDefaults(ActivationId::Elu);
    ASSERT_EQ(SetParam(elu, "alpha", 2.5), "");
    const std::vector<Activation> functions{Activation::WithDefaults(ActivationId::Relu), elu};
    // x = −3, −1.5, 0, 1.5, 3 and the kink at 0 (already a sample: no duplicate row).
    const std::string csv = CurvesCsv(functions, -3.0, 3.0, 5, KinkConvention::One);
    std::istringstream lines(csv);
    std::string line;
    std::getline(lines, line);
    int rows = 0;
    while (std::getline(lines, line)) {
        std::vector<double> cells;
        std::istringstream fields(line);
        for (std::string cell; std::getline(fields, cell, ',');) {
            const auto number = ParseNumber(cell);
            ASSERT_TRUE(number) << cell;
            cells.push_back(number.value);
        }
        ASSERT_EQ(cells.size(), 5u) << line;
        const double x = cells[0];
        EXPECT_EQ(cells[1], Evaluate(functions[0], x));
        EXPECT_EQ(cells[2], Derivative(functions[0], x, KinkConvention::One));
        EXPECT_EQ(cells[3], Evaluate(elu, x));
        EXPECT_EQ(cells[4], Derivative(elu, x, KinkConvention::One));
        if (x == 0.0) {
            EXPECT_EQ(cells[2], 1.0) << "ReLU′(0) under the convention 'one'";
        }
        ++rows;
    }
    EXPECT_EQ(rows, 5);
}

TEST(CurvesCsv, KinksInsideTheRangeGetTheirOwnRow) {
    const std::vector<Activation> functions{Activation::WithDefaults(ActivationId::Relu)};
    const std::string csv = CurvesCsv(functions, -1.0, 2.0, 2, KinkConvention::PyTorch); // x = −1, 2 and 0
    EXPECT_EQ(csv, "x,relu,relu_prime\n-1,0,0\n0,0,0\n2,2,1\n");
}

TEST(CsvWriter, HeaderAndRowsWith17Digits) {
    CsvWriter csv;
    csv.Header({"a", "b"});
    csv.Row({0.1, -2.0});
    EXPECT_EQ(csv.Text(), "a,b\n0.10000000000000001,-2\n");
}

} // namespace
} // namespace actlab
