// CSV output (see csv.h).
#include "core/csv.h"

#include "core/number_parse.h"
#include "core/sampling.h"

#include <algorithm>

namespace actlab {

void CsvWriter::Header(std::span<const std::string> names) {
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) text_ += ',';
        text_ += names[i];
    }
    text_ += '\n';
}

void CsvWriter::Header(std::initializer_list<std::string_view> names) {
    bool first = true;
    for (std::string_view name : names) {
        if (!first) text_ += ',';
        text_ += name;
        first = false;
    }
    text_ += '\n';
}

void CsvWriter::Row(std::span<const double> values) {
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0) text_ += ',';
        text_ += FormatNumber17(values[i]);
    }
    text_ += '\n';
}

void CsvWriter::Row(std::initializer_list<std::optional<double>> values) {
    bool first = true;
    for (const std::optional<double>& value : values) {
        if (!first) text_ += ',';
        if (value) text_ += FormatNumber17(*value);
        first = false;
    }
    text_ += '\n';
}

void CsvWriter::Comment(std::string_view text) {
    text_ += "# ";
    text_ += text;
    text_ += '\n';
}

std::string CurvesCsv(std::span<const Activation> functions, double x_min, double x_max, std::size_t samples,
                      KinkConvention convention) {
    std::vector<double> xs = Linspace(x_min, x_max, std::max<std::size_t>(samples, 2));
    for (const Activation& activation : functions) {
        for (const Kink& kink : Kinks(activation)) {
            if (kink.x > x_min && kink.x < x_max) xs.push_back(kink.x);
        }
    }
    std::sort(xs.begin(), xs.end());
    xs.erase(std::unique(xs.begin(), xs.end()), xs.end());

    std::vector<std::string> header{"x"};
    for (const Activation& activation : functions) {
        const std::string name(activation.info().name);
        header.push_back(name);
        header.push_back(name + "_prime");
    }
    CsvWriter csv;
    csv.Reserve(xs.size() * header.size() * 24);
    csv.Header(header);
    std::vector<double> row;
    for (double x : xs) {
        row.assign(1, x);
        for (const Activation& activation : functions) {
            row.push_back(Evaluate(activation, x));
            row.push_back(Derivative(activation, x, convention));
        }
        csv.Row(row);
    }
    return csv.Text();
}

} // namespace actlab
