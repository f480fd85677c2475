// Toy datasets for the mini network on the plane [−6, 6]²: four two-class sets, three multi-class
// sets (labels 0 … K−1), two regression sets on the plane, and two one-input sets (the chain, and the
// 1-D regression reg-1d); deterministic for a seed. Also the CSV form `x1,x2,y`.
//
// Index of this file
// [SECTION] Samples and kinds
// [SECTION] Generation and split
// [SECTION] CSV
#pragma once

#include "core/enum_names.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace actlab {

//-----------------------------------------------------------------------------
// [SECTION] Samples and kinds
//-----------------------------------------------------------------------------

inline constexpr double kPlaneHalfWidth = 6.0; // every input lies in [−6, 6]
inline constexpr std::size_t kMaxDatasetSamples = 100'000;
inline constexpr double kMaxDatasetNoise = 6.0;

struct Sample {
    double x1 = 0.0;
    double x2 = 0.0;
    double y = 0.0; // class ±1 (or 0/1), a class index 0 … K−1, or a regression target in [−1, 1]
    bool operator==(const Sample&) const = default;
};

enum class DatasetKind {
    Circle,   // +1 inside a disc of radius 2.5, −1 on a ring 3.5 … 5
    Xor,      // +1 where x1·x2 > 0
    Gauss,    // two normal clusters around (2, 2) (+1) and (−2, −2) (−1)
    Spiral,   // two interleaved spirals
    RegPlane, // y = (x1 + x2)/12
    RegGauss, // y = a sum of signed bumps
    Chain,    // one input: x2 = 0, y = +1 where x1 > 0 (for x → h1 → … → O lessons)
    Blobs3,   // three normal clusters (std 1) at radius 3.5, angles 90°, 210°, 330°: classes 0, 1, 2
    Spiral3,  // three interleaved spiral arms: classes 0, 1, 2
    Blobs4,   // four normal clusters (std 1) around (±3, ±3): classes 0 … 3
    Reg1d,    // one input: x2 = 0, y = 0.75·sin(0.8·x1) + 0.04·x1 (a smooth curve) on [−6, 6]
    Count
};
inline constexpr std::size_t kDatasetKindCount = static_cast<std::size_t>(DatasetKind::Count);
inline constexpr EnumName<DatasetKind> kDatasetKindNames[] = {
    {DatasetKind::Circle, "circle"},      {DatasetKind::Xor, "xor"},
    {DatasetKind::Gauss, "gauss"},        {DatasetKind::Spiral, "spiral"},
    {DatasetKind::RegPlane, "reg-plane"}, {DatasetKind::RegGauss, "reg-gauss"},
    {DatasetKind::Chain, "chain"},        {DatasetKind::Blobs3, "blobs3"},
    {DatasetKind::Spiral3, "spiral3"},    {DatasetKind::Blobs4, "blobs4"},
    {DatasetKind::Reg1d, "reg-1d"}};

std::string_view DatasetName(DatasetKind kind); // "circle", "reg-plane", …
std::optional<DatasetKind> ParseDatasetKind(std::string_view name);
std::string KnownDatasetNames(); // "circle, xor, …" for messages
bool IsClassification(DatasetKind kind);
// The classes of a classification set (2 for the ±1 sets, K for the multi-class ones); 0 for regression.
std::size_t ClassCount(DatasetKind kind);
// Whether the set has one input (x2 is always 0): chain and reg-1d.
bool IsOneInput(DatasetKind kind);
// reg-1d's curve: y = 0.75·sin(0.8·x) + 0.04·x, within [−1, 1] on [−6, 6].
double Reg1dTarget(double x);

//-----------------------------------------------------------------------------
// [SECTION] Generation and split
//-----------------------------------------------------------------------------

struct DatasetOptions {
    DatasetKind kind = DatasetKind::Circle;
    std::size_t samples = 500; // 1 … kMaxDatasetSamples
    double noise = 0.0;        // std of Gaussian noise on x1, x2 (classification) or on y (regression)
    std::uint64_t seed = 1;
    bool zero_one_labels = false; // classes 0/1 instead of ±1 (for a sigmoid output and bce; two-class sets)
};

// Why the options are refused ("" when valid): sample count and noise within their caps.
std::string ValidateDatasetOptions(const DatasetOptions& options);

// The samples in a seeded random order, inputs clamped to [−6, 6]. Options must be valid.
std::vector<Sample> MakeDataset(const DatasetOptions& options);

struct SplitData {
    std::vector<Sample> train;
    std::vector<Sample> test;
};

// The first round(fraction·n) samples train, the rest test, order kept (MakeDataset has already
// shuffled; a file keeps its order so that unshuffled batches follow it).
SplitData SplitDataset(const std::vector<Sample>& samples, double train_fraction);

//-----------------------------------------------------------------------------
// [SECTION] CSV
//-----------------------------------------------------------------------------

// "x1,x2,y\n" then one row per sample, 17 significant digits.
std::string DatasetToCsv(const std::vector<Sample>& samples);

struct CsvParseResult {
    std::vector<Sample> samples;
    std::string error; // "data.csv: line 7: field y: 'abc' is not a number"; empty on success
};

// Parses `x1,x2,y` CSV (header required; CRLF accepted; blank lines at the end ignored). Values must
// be finite; x1 and x2 must lie within ±1e6; at most kMaxDatasetSamples rows. `file_name` only
// labels messages.
CsvParseResult ParseDatasetCsv(std::string_view text, std::string_view file_name);

} // namespace actlab
