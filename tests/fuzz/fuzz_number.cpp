// Fuzz target: the strict number parsers behind every numeric option (numbers, A:B ranges, lists,
// NAME=VALUE, bounded integers), each held to the promise of number_parse.h.
#include "fuzz/fuzz_target.h"

#include "core/number_parse.h"

#include <cmath>

ACTLAB_FUZZ_TARGET(number) {
    using namespace actlab;
    const std::string_view text = fuzz::AsText(data, size);
    const auto number = ParseNumber(text);
    const auto finite = ParseFiniteNumber(text);
    fuzz::Check(!finite || (number && std::isfinite(finite.value)));
    if (number && std::isfinite(number.value)) {
        // FormatNumber17 is what the CSV outputs print: it must read back exactly.
        const auto again = ParseNumber(FormatNumber17(number.value));
        fuzz::Check(again && again.value == number.value);
    }
    if (const auto range = ParseRange(text)) {
        fuzz::Check(std::isfinite(range.value.first) && std::isfinite(range.value.second));
        fuzz::Check(range.value.first < range.value.second);
    }
    if (const auto list = ParseNumberList(text)) {
        fuzz::Check(!list.value.empty());
        for (double value : list.value)
            fuzz::Check(std::isfinite(value));
    }
    (void)ParseNumberList(text, true);
    if (const auto pair = ParseNameValue(text)) fuzz::Check(!pair.value.name.empty());
    if (const auto integer = ParseInteger(text, 1, 1000)) {
        fuzz::Check(integer.value >= 1 && integer.value <= 1000);
    }
    return 0;
}
