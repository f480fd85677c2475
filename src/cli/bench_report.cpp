// Formatting and measurement helpers of `actlab bench` (see bench_report.h).
#include "cli/bench_report.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace actlab::bench {

namespace {

std::string Compact(double value) {
    char buffer[48];
    if (value >= 1e6) {
        std::snprintf(buffer, sizeof buffer, "%.2f M", value / 1e6);
    } else if (value >= 1e4) {
        std::snprintf(buffer, sizeof buffer, "%.1f k", value / 1e3);
    } else if (value >= 100.0) {
        std::snprintf(buffer, sizeof buffer, "%.0f", value);
    } else {
        std::snprintf(buffer, sizeof buffer, "%.3g", value);
    }
    return buffer;
}

// Characters as a terminal shows them: UTF-8 continuation bytes take no column (labels hold → ′ ×).
std::size_t Columns(const std::string& text) {
    std::size_t columns = 0;
    for (const char c : text)
        columns += (static_cast<unsigned char>(c) & 0xC0u) != 0x80u;
    return columns;
}

std::string PadRight(const std::string& text, std::size_t columns) {
    const std::size_t used = Columns(text);
    return used >= columns ? text : text + std::string(columns - used, ' ');
}

double StatusKiB(const char* field) {
    std::ifstream status("/proc/self/status");
    std::string line;
    const std::string prefix = std::string(field) + ":";
    while (std::getline(status, line)) {
        if (line.rfind(prefix, 0) == 0) return std::stod(line.substr(prefix.size()));
    }
    return 0.0;
}

} // namespace

std::string Report::ToTable() const {
    std::ostringstream out;
    std::size_t label_columns = 6;
    for (const Figure& f : figures)
        label_columns = std::max(label_columns, Columns(f.label));
    char row[256];
    std::snprintf(row, sizeof row, " %10s  %-12s %s\n", "value", "unit", "target");
    out << PadRight("figure", label_columns) << row;
    for (const Figure& f : figures) {
        std::string target = "-";
        if (f.target) {
            target = std::string(f.better == Better::Higher ? "≥ " : "≤ ") + Compact(*f.target) +
                     (*f.MeetsTarget() ? "  met" : "  MISSED");
        }
        std::snprintf(row, sizeof row, " %10s  %-12s %s\n", Compact(f.value).c_str(), f.unit.c_str(),
                      target.c_str());
        out << PadRight(f.label, label_columns) << row;
    }
    for (const std::string& note : notes)
        out << "note: " << note << '\n';
    return out.str();
}

std::string Report::ToJson() const {
    nlohmann::ordered_json doc = nlohmann::ordered_json::object();
    for (const Figure& f : figures)
        doc[f.key] = f.value;
    auto targets = nlohmann::ordered_json::object();
    for (const Figure& f : figures) {
        if (!f.target) continue;
        targets[f.key] = {{"target", *f.target}, {"met", *f.MeetsTarget()}};
    }
    doc["targets"] = std::move(targets);
    doc["notes"] = notes;
    return doc.dump(2);
}

double NowSeconds() {
    using Clock = std::chrono::steady_clock;
    return std::chrono::duration<double>(Clock::now().time_since_epoch()).count();
}

double ResidentMiB() {
    return StatusKiB("VmRSS") / 1024.0;
}
double PeakResidentMiB() {
    return StatusKiB("VmHWM") / 1024.0;
}

} // namespace actlab::bench
