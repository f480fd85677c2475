// Toy datasets: determinism for a seed, labels, the plane's bounds, and the CSV form with its
// line- and field-naming errors.
#include "core/dataset.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace actlab {
namespace {

DatasetOptions Options(DatasetKind kind, std::uint64_t seed = 1, double noise = 0.0) {
    DatasetOptions options;
    options.kind = kind;
    options.samples = 300;
    options.seed = seed;
    options.noise = noise;
    return options;
}

TEST(Dataset, EveryKindIsDeterministicAndInsideThePlane) {
    for (std::size_t k = 0; k < kDatasetKindCount; ++k) {
        const auto kind = static_cast<DatasetKind>(k);
        const auto a = MakeDataset(Options(kind, 5, 0.5));
        const auto b = MakeDataset(Options(kind, 5, 0.5));
        const auto c = MakeDataset(Options(kind, 6, 0.5));
        ASSERT_EQ(a.size(), 300u) << DatasetName(kind);
        EXPECT_EQ(a, b) << DatasetName(kind);
        EXPECT_NE(a, c) << DatasetName(kind);
        std::size_t positive = 0;
        for (const Sample& s : a) {
            EXPECT_LE(std::fabs(s.x1), 6.0);
            EXPECT_LE(std::fabs(s.x2), 6.0);
            if (ClassCount(kind) == 2) {
                EXPECT_TRUE(s.y == 1.0 || s.y == -1.0) << s.y;
            } else if (IsClassification(kind)) { // a class index 0 … K−1
                EXPECT_TRUE(s.y >= 0.0 && s.y < static_cast<double>(ClassCount(kind)) &&
                            s.y == std::floor(s.y))
                    << s.y;
            }
            if (s.y > 0.0) ++positive;
        }
        if (ClassCount(kind) == 2 && kind != DatasetKind::Chain && kind != DatasetKind::Xor) {
            EXPECT_EQ(positive, 150u) << DatasetName(kind);
        }
        EXPECT_EQ(ParseDatasetKind(DatasetName(kind)), kind);
    }
}

TEST(Dataset, LabelsFollowTheGeometryWithoutNoise) {
    for (const Sample& s : MakeDataset(Options(DatasetKind::Circle))) {
        const double r = std::hypot(s.x1, s.x2);
        EXPECT_EQ(s.y, r <= 2.5 ? 1.0 : -1.0) << r;
    }
    for (const Sample& s : MakeDataset(Options(DatasetKind::Xor)))
        EXPECT_EQ(s.y, s.x1 * s.x2 > 0 ? 1.0 : -1.0);
    for (const Sample& s : MakeDataset(Options(DatasetKind::RegPlane)))
        EXPECT_DOUBLE_EQ(s.y, (s.x1 + s.x2) / 12.0);
    for (const Sample& s : MakeDataset(Options(DatasetKind::Chain))) {
        EXPECT_EQ(s.x2, 0.0);
        EXPECT_EQ(s.y, s.x1 > 0 ? 1.0 : -1.0);
    }
}

TEST(Dataset, ZeroOneLabelsAndValidation) {
    DatasetOptions options = Options(DatasetKind::Spiral);
    options.zero_one_labels = true;
    for (const Sample& s : MakeDataset(options))
        EXPECT_TRUE(s.y == 0.0 || s.y == 1.0);
    options.kind = DatasetKind::RegGauss;
    EXPECT_NE(ValidateDatasetOptions(options).find("classification"), std::string::npos);
    options = Options(DatasetKind::Circle);
    options.samples = 0;
    EXPECT_NE(ValidateDatasetOptions(options).find("samples"), std::string::npos);
    options.samples = kMaxDatasetSamples + 1;
    EXPECT_NE(ValidateDatasetOptions(options).find("samples"), std::string::npos);
    options.samples = 10;
    options.noise = std::nan("");
    EXPECT_NE(ValidateDatasetOptions(options).find("noise"), std::string::npos);
    options.noise = -1;
    EXPECT_NE(ValidateDatasetOptions(options).find("noise"), std::string::npos);
}

TEST(Dataset, SplitKeepsOrder) {
    const auto samples = MakeDataset(Options(DatasetKind::Gauss));
    const SplitData split = SplitDataset(samples, 0.8);
    ASSERT_EQ(split.train.size(), 240u);
    ASSERT_EQ(split.test.size(), 60u);
    EXPECT_EQ(split.train.front(), samples.front());
    EXPECT_EQ(split.test.front(), samples[240]);
}

TEST(DatasetCsv, RoundTripIsExact) {
    const auto samples = MakeDataset(Options(DatasetKind::Spiral, 3, 0.3));
    const std::string csv = DatasetToCsv(samples);
    EXPECT_EQ(csv.rfind("x1,x2,y\n", 0), 0u);
    const CsvParseResult parsed = ParseDatasetCsv(csv, "d.csv");
    ASSERT_EQ(parsed.error, "");
    EXPECT_EQ(parsed.samples, samples);
}

TEST(DatasetCsv, CrlfAndTrailingBlankLinesAreAccepted) {
    const CsvParseResult r = ParseDatasetCsv("x1,x2,y\r\n1,2,1\r\n-1,0.5,-1\r\n\r\n", "d.csv");
    ASSERT_EQ(r.error, "");
    ASSERT_EQ(r.samples.size(), 2u);
    EXPECT_EQ(r.samples[1], (Sample{-1, 0.5, -1}));
}

TEST(DatasetCsv, ErrorsNameFileLineAndField) {
    const std::vector<std::pair<std::string, std::string>> corpus{
        {"", "d.csv: line 1: empty file"},
        {"a,b,c\n1,2,3\n", "d.csv: line 1: expected the header 'x1,x2,y'"},
        {"x1,x2,y\n", "d.csv: line 1: no data rows"},
        {"x1,x2,y\n1,2,1\n1,2\n", "d.csv: line 3: expected 3 fields"},
        {"x1,x2,y\n1,2,1,4\n", "d.csv: line 2: expected 3 fields x1,x2,y, found more"},
        {"x1,x2,y\n1,abc,1\n", "d.csv: line 2: field x2: 'abc' is not a number"},
        {"x1,x2,y\n1,2,nan\n", "d.csv: line 2: field y: 'nan' is not a finite number"},
        {"x1,x2,y\n1e308,2,1\n", "d.csv: line 2: field x1: '1e308' is beyond ±1e6"},
        {"x1,x2,y\n1,2,1e999\n", "d.csv: line 2: field y: '1e999' is out of the range"},
        {"x1,x2,y\n1,2,1\n\n3,4,1\n", "d.csv: line 3: blank line inside the data"},
        {"x1,x2,y\n1,2,\n", "d.csv: line 2: field y: an empty value"},
    };
    for (const auto& [text, expected] : corpus) {
        const CsvParseResult r = ParseDatasetCsv(text, "d.csv");
        EXPECT_NE(r.error.find(expected), std::string::npos)
            << "got: " << r.error << "\nwanted: " << expected;
        EXPECT_TRUE(r.samples.empty());
    }
}

} // namespace
} // namespace actlab
