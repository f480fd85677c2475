// The figures `actlab bench` prints: each with its unit and, where the project has one, its target.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace actlab::bench {

enum class Better { Higher, Lower };

struct Figure {
    std::string key;   // JSON key, e.g. "train_2_8_8_1_tanh_samples_per_s"
    std::string label; // table row, e.g. "training 2→8→8→1 tanh, batch 10"
    double value = 0.0;
    std::string unit; // "samples/s", "ms", "M evals/s"
    std::optional<double> target;
    Better better = Better::Higher;

    std::optional<bool> MeetsTarget() const {
        if (!target) return std::nullopt;
        return better == Better::Higher ? value >= *target : value <= *target;
    }
};

struct Report {
    std::vector<Figure> figures;
    std::vector<std::string> notes; // what could not be measured, and why

    void Add(Figure figure) { figures.push_back(std::move(figure)); }
    std::string ToTable() const;
    std::string ToJson() const;
};

// Seconds on a monotonic clock.
double NowSeconds();

// Resident memory now and at its peak, in MiB, from /proc/self/status (0 if unavailable).
double ResidentMiB();
double PeakResidentMiB();

} // namespace actlab::bench
