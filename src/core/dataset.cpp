// The toy datasets, their train/test split and their CSV form (see dataset.h).
#include "core/dataset.h"

#include "core/number_parse.h"
#include "core/random.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <span>

namespace actlab {

namespace {

constexpr double kTwoPi = 6.283185307179586476925286766559;
constexpr double kMaxCsvInput = 1e6; // inputs beyond this only overflow the network

double Clamp(double v) {
    return std::clamp(v, -kPlaneHalfWidth, kPlaneHalfWidth);
}

void Circle(std::size_t n, Random& random, std::vector<Sample>& out) {
    // Half the points inside radius 2.5 (+1), half on the ring 3.5 … 5 (−1).
    for (std::size_t i = 0; i < n; ++i) {
        const bool inside = i < n / 2;
        const double r = inside ? random.Uniform(0.0, 2.5) : random.Uniform(3.5, 5.0);
        const double angle = random.Uniform(0.0, kTwoPi);
        out.push_back({r * std::sin(angle), r * std::cos(angle), inside ? 1.0 : -1.0});
    }
}

void Xor(std::size_t n, Random& random, std::vector<Sample>& out) {
    // Uniform on [−5, 5]², pushed 0.3 away from the axes so that the classes do not touch.
    for (std::size_t i = 0; i < n; ++i) {
        double x1 = random.Uniform(-5.0, 5.0);
        double x2 = random.Uniform(-5.0, 5.0);
        x1 += x1 > 0.0 ? 0.3 : -0.3;
        x2 += x2 > 0.0 ? 0.3 : -0.3;
        out.push_back({x1, x2, x1 * x2 > 0.0 ? 1.0 : -1.0});
    }
}

void Gauss(std::size_t n, Random& random, std::vector<Sample>& out) {
    for (std::size_t i = 0; i < n; ++i) {
        const bool positive = i < n / 2;
        const double centre = positive ? 2.0 : -2.0;
        out.push_back({random.Normal(centre, 1.0), random.Normal(centre, 1.0), positive ? 1.0 : -1.0});
    }
}

void Spiral(std::size_t n, Random& random, std::vector<Sample>& out) {
    // Arm k (phase kπ): r = 5t, θ = 1.75·2π·t + kπ for t evenly spaced in [0, 1).
    (void)random;
    const std::size_t half = n / 2;
    for (std::size_t arm = 0; arm < 2; ++arm) {
        const std::size_t count = arm == 0 ? half : n - half;
        for (std::size_t i = 0; i < count; ++i) {
            const double t = static_cast<double>(i) / static_cast<double>(count);
            const double r = 5.0 * t;
            const double theta = 1.75 * kTwoPi * t + static_cast<double>(arm) * (kTwoPi / 2.0);
            out.push_back({r * std::sin(theta), r * std::cos(theta), arm == 0 ? 1.0 : -1.0});
        }
    }
}

void RegPlane(std::size_t n, Random& random, std::vector<Sample>& out) {
    for (std::size_t i = 0; i < n; ++i) {
        const double x1 = random.Uniform(-kPlaneHalfWidth, kPlaneHalfWidth);
        const double x2 = random.Uniform(-kPlaneHalfWidth, kPlaneHalfWidth);
        out.push_back({x1, x2, (x1 + x2) / 12.0});
    }
}

// y = Σₖ sₖ·exp(−|x − cₖ|²/(2·1.2²)) over six bumps of alternating sign sₖ, clamped to [−1, 1].
double RegGaussTarget(double x1, double x2) {
    struct Bump {
        double cx, cy, sign;
    };
    constexpr std::array<Bump, 6> kBumps{{{-4.0, 2.5, 1.0},
                                          {0.0, 2.5, -1.0},
                                          {4.0, 2.5, 1.0},
                                          {-4.0, -2.5, -1.0},
                                          {0.0, -2.5, 1.0},
                                          {4.0, -2.5, -1.0}}};
    double y = 0.0;
    for (const Bump& b : kBumps) {
        const double d2 = (x1 - b.cx) * (x1 - b.cx) + (x2 - b.cy) * (x2 - b.cy);
        y += b.sign * std::exp(-d2 / (2.0 * 1.2 * 1.2));
    }
    return std::clamp(y, -1.0, 1.0);
}

void RegGauss(std::size_t n, Random& random, std::vector<Sample>& out) {
    for (std::size_t i = 0; i < n; ++i) {
        const double x1 = random.Uniform(-kPlaneHalfWidth, kPlaneHalfWidth);
        const double x2 = random.Uniform(-kPlaneHalfWidth, kPlaneHalfWidth);
        out.push_back({x1, x2, RegGaussTarget(x1, x2)});
    }
}

void Chain(std::size_t n, Random& random, std::vector<Sample>& out) {
    for (std::size_t i = 0; i < n; ++i) {
        const double x1 = random.Uniform(-kPlaneHalfWidth, kPlaneHalfWidth);
        out.push_back({x1, 0.0, x1 > 0.0 ? 1.0 : -1.0});
    }
}

// n points split evenly over `centres.size()` normal clusters of std 1; class k around centre k.
void Blobs(std::size_t n, Random& random, std::span<const std::array<double, 2>> centres,
           std::vector<Sample>& out) {
    const std::size_t classes = centres.size();
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t k = i * classes / n;
        out.push_back(
            {random.Normal(centres[k][0], 1.0), random.Normal(centres[k][1], 1.0), static_cast<double>(k)});
    }
}

void Blobs3(std::size_t n, Random& random, std::vector<Sample>& out) {
    // Radius 3.5 at 90°, 210° and 330°: (0, 3.5), (−3.5·cos 30°, −1.75), (3.5·cos 30°, −1.75).
    constexpr double kCos30 = 0.86602540378443864676;
    constexpr std::array<std::array<double, 2>, 3> kCentres{
        {{0.0, 3.5}, {-3.5 * kCos30, -1.75}, {3.5 * kCos30, -1.75}}};
    Blobs(n, random, kCentres, out);
}

void Blobs4(std::size_t n, Random& random, std::vector<Sample>& out) {
    constexpr std::array<std::array<double, 2>, 4> kCentres{
        {{3.0, 3.0}, {-3.0, 3.0}, {-3.0, -3.0}, {3.0, -3.0}}};
    Blobs(n, random, kCentres, out);
}

void Spiral3(std::size_t n, Random& random, std::vector<Sample>& out) {
    // Arm k (phase 2πk/3): r = 5t, θ = 1.25·2π·t + 2πk/3 for t evenly spaced in [0, 1).
    (void)random;
    for (std::size_t arm = 0; arm < 3; ++arm) {
        const std::size_t first = arm * n / 3, count = (arm + 1) * n / 3 - first;
        for (std::size_t i = 0; i < count; ++i) {
            const double t = static_cast<double>(i) / static_cast<double>(count);
            const double r = 5.0 * t;
            const double theta = 1.25 * kTwoPi * t + static_cast<double>(arm) * (kTwoPi / 3.0);
            out.push_back({r * std::sin(theta), r * std::cos(theta), static_cast<double>(arm)});
        }
    }
}

void Reg1d(std::size_t n, Random& random, std::vector<Sample>& out) {
    for (std::size_t i = 0; i < n; ++i) {
        const double x = random.Uniform(-kPlaneHalfWidth, kPlaneHalfWidth);
        out.push_back({x, 0.0, Reg1dTarget(x)});
    }
}

std::string Quoted(std::string_view text) {
    constexpr std::size_t kMaxShown = 40;
    std::string shown(text.substr(0, kMaxShown));
    if (text.size() > kMaxShown) shown += "…";
    return "'" + shown + "'";
}

} // namespace

std::string_view DatasetName(DatasetKind kind) {
    return NameIn(kDatasetKindNames, kind);
}

std::optional<DatasetKind> ParseDatasetKind(std::string_view name) {
    return ParseIn(kDatasetKindNames, name);
}

std::string KnownDatasetNames() {
    return NamesIn(kDatasetKindNames);
}

bool IsClassification(DatasetKind kind) {
    return ClassCount(kind) > 0;
}

std::size_t ClassCount(DatasetKind kind) {
    switch (kind) {
    case DatasetKind::RegPlane:
    case DatasetKind::RegGauss:
    case DatasetKind::Reg1d:
    case DatasetKind::Count:
        return 0;
    case DatasetKind::Blobs3:
    case DatasetKind::Spiral3:
        return 3;
    case DatasetKind::Blobs4:
        return 4;
    case DatasetKind::Circle:
    case DatasetKind::Xor:
    case DatasetKind::Gauss:
    case DatasetKind::Spiral:
    case DatasetKind::Chain:
        return 2;
    }
    return 0;
}

bool IsOneInput(DatasetKind kind) {
    return kind == DatasetKind::Chain || kind == DatasetKind::Reg1d;
}

double Reg1dTarget(double x) {
    return 0.75 * std::sin(0.8 * x) + 0.04 * x;
}

std::string ValidateDatasetOptions(const DatasetOptions& options) {
    if (options.samples < 1 || options.samples > kMaxDatasetSamples)
        return "samples must be between 1 and " + std::to_string(kMaxDatasetSamples) + ", got " +
               std::to_string(options.samples);
    if (!(options.noise >= 0.0 && options.noise <= kMaxDatasetNoise))
        return "noise must be a finite number in [0, 6], got " + FormatNumber17(options.noise);
    if (options.zero_one_labels && ClassCount(options.kind) != 2)
        return "0/1 labels need a two-class classification dataset, not " +
               std::string(DatasetName(options.kind));
    return {};
}

std::vector<Sample> MakeDataset(const DatasetOptions& options) {
    Random random(options.seed);
    std::vector<Sample> samples;
    samples.reserve(options.samples);
    const std::size_t n = options.samples;
    switch (options.kind) {
    case DatasetKind::Circle:
        Circle(n, random, samples);
        break;
    case DatasetKind::Xor:
        Xor(n, random, samples);
        break;
    case DatasetKind::Gauss:
        Gauss(n, random, samples);
        break;
    case DatasetKind::Spiral:
        Spiral(n, random, samples);
        break;
    case DatasetKind::RegPlane:
        RegPlane(n, random, samples);
        break;
    case DatasetKind::RegGauss:
        RegGauss(n, random, samples);
        break;
    case DatasetKind::Chain:
        Chain(n, random, samples);
        break;
    case DatasetKind::Blobs3:
        Blobs3(n, random, samples);
        break;
    case DatasetKind::Spiral3:
        Spiral3(n, random, samples);
        break;
    case DatasetKind::Blobs4:
        Blobs4(n, random, samples);
        break;
    case DatasetKind::Reg1d:
        Reg1d(n, random, samples);
        break;
    case DatasetKind::Count:
        break;
    }
    // Noise after labelling: a noisy point may cross into the other class, as in real data.
    const bool classification = IsClassification(options.kind);
    for (Sample& s : samples) {
        if (options.noise > 0.0) {
            if (classification) {
                s.x1 += random.Normal(0.0, options.noise);
                if (!IsOneInput(options.kind)) s.x2 += random.Normal(0.0, options.noise);
            } else {
                s.y += random.Normal(0.0, options.noise);
            }
        }
        s.x1 = Clamp(s.x1);
        s.x2 = Clamp(s.x2);
        if (options.zero_one_labels && ClassCount(options.kind) == 2) s.y = s.y > 0.0 ? 1.0 : 0.0;
    }
    // Generators emit class by class; a seeded shuffle makes any prefix a fair training set.
    Shuffle(samples.data(), samples.size(), random);
    return samples;
}

SplitData SplitDataset(const std::vector<Sample>& samples, double train_fraction) {
    const double fraction = std::clamp(train_fraction, 0.0, 1.0);
    const auto n_train =
        static_cast<std::size_t>(std::llround(fraction * static_cast<double>(samples.size())));
    SplitData split;
    split.train.assign(samples.begin(), samples.begin() + static_cast<std::ptrdiff_t>(n_train));
    split.test.assign(samples.begin() + static_cast<std::ptrdiff_t>(n_train), samples.end());
    return split;
}

std::string DatasetToCsv(const std::vector<Sample>& samples) {
    std::string out = "x1,x2,y\n";
    out.reserve(samples.size() * 64);
    for (const Sample& s : samples) {
        out += FormatNumber17(s.x1);
        out += ',';
        out += FormatNumber17(s.x2);
        out += ',';
        out += FormatNumber17(s.y);
        out += '\n';
    }
    return out;
}

CsvParseResult ParseDatasetCsv(std::string_view text, std::string_view file_name) {
    CsvParseResult result;
    const std::string where(file_name);
    auto fail = [&](std::size_t line, const std::string& message) {
        result.samples.clear();
        result.error = where + ": line " + std::to_string(line) + ": " + message;
        return result;
    };
    std::size_t line_number = 0;
    std::size_t pos = 0;
    bool header_seen = false;
    bool blank_seen = false;
    constexpr std::array<std::string_view, 3> kFields{"x1", "x2", "y"};
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        ++line_number;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty()) {
            blank_seen = true;
            continue;
        }
        if (blank_seen) return fail(line_number - 1, "blank line inside the data");
        if (!header_seen) {
            if (line != "x1,x2,y")
                return fail(line_number, "expected the header 'x1,x2,y', got " + Quoted(line));
            header_seen = true;
            continue;
        }
        if (result.samples.size() >= kMaxDatasetSamples)
            return fail(line_number, "more than " + std::to_string(kMaxDatasetSamples) + " rows");
        std::array<double, 3> values{};
        std::size_t field_start = 0;
        for (std::size_t f = 0; f < 3; ++f) {
            const std::size_t comma = line.find(',', field_start);
            const bool last = f == 2;
            if (!last && comma == std::string_view::npos)
                return fail(line_number, "expected 3 fields x1,x2,y, found " + std::to_string(f + 1));
            if (last && comma != std::string_view::npos)
                return fail(line_number, "expected 3 fields x1,x2,y, found more");
            const std::string_view field =
                line.substr(field_start, last ? std::string_view::npos : comma - field_start);
            const auto parsed = ParseFiniteNumber(field);
            if (!parsed) return fail(line_number, "field " + std::string(kFields[f]) + ": " + parsed.error);
            if (f < 2 && std::fabs(parsed.value) > kMaxCsvInput)
                return fail(line_number,
                            "field " + std::string(kFields[f]) + ": " + Quoted(field) + " is beyond ±1e6");
            if (f == 2 && std::fabs(parsed.value) > kMaxCsvInput)
                return fail(line_number, "field y: " + Quoted(field) + " is beyond ±1e6");
            values[f] = parsed.value;
            field_start = comma + 1;
        }
        result.samples.push_back({values[0], values[1], values[2]});
    }
    if (!header_seen) return fail(1, "empty file: expected the header 'x1,x2,y'");
    if (result.samples.empty()) return fail(line_number, "no data rows after the header");
    return result;
}

} // namespace actlab
