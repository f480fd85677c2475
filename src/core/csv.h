// CSV as ActLab writes it: a header line of names, then rows of numbers with 17 significant digits
// (FormatNumber17), "\n" line ends. The command line's tables and the app's curve export use it.
#pragma once

#include "core/activation.h"

#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace actlab {

class CsvWriter {
public:
    void Header(std::span<const std::string> names);
    void Header(std::initializer_list<std::string_view> names);
    void Row(std::span<const double> values);
    void Row(std::initializer_list<double> values) {
        Row(std::span<const double>(values.begin(), values.size()));
    }
    void Row(std::initializer_list<std::optional<double>> values); // nullopt: an empty cell
    void Comment(std::string_view text);                           // "# text"
    void Reserve(std::size_t bytes) { text_.reserve(bytes); }
    const std::string& Text() const { return text_; }

private:
    std::string text_;
};

// The curves of `functions` over [x_min, x_max] as the plot shows them: `samples` evenly spaced x
// plus every kink inside the range, one row each. Header: x, then each function's name and
// name_prime (`x,relu,relu_prime,elu,elu_prime`); f′ uses `convention` at kinks.
std::string CurvesCsv(std::span<const Activation> functions, double x_min, double x_max, std::size_t samples,
                      KinkConvention convention);

} // namespace actlab
