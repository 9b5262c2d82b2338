#include "partnerqi/number_format.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace partnerqi {

std::string_view to_string(figure kind) noexcept {
    switch (kind) {
        case figure::count: return "count";
        case figure::proportion: return "proportion";
        case figure::measure: return "measure";
        case figure::statistic: return "statistic";
        case figure::average: return "average";
        case figure::percent: return "percent";
    }
    return "invalid";
}

namespace {

int decimals_of(figure kind) {
    switch (kind) {
        case figure::proportion:
        case figure::measure:
        case figure::statistic: return 3;
        case figure::average: return 1;
        case figure::count:
        case figure::percent: return 0;
    }
    return 3;
}

// `value` with `decimals` decimals, "-" taken off when every printed digit is zero.
std::string fixed(double value, int decimals) {
    char buffer[64];
    auto result =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals);
    if (result.ec != std::errc()) return std::to_string(value);  // beyond 64 characters
    std::string text(buffer, result.ptr);
    if (text.front() == '-' && text.find_first_not_of("-0.") == std::string::npos) text.erase(0, 1);
    return text;
}

}  // namespace

std::string format_text(double value, figure kind) {
    if (std::isnan(value)) return "n/a";
    if (kind == figure::percent) return fixed(100.0 * value, 0) + "%";
    return fixed(value, decimals_of(kind));
}

std::string format_change(double value, figure kind) {
    std::string text = format_text(value, kind);
    const bool zero = text.find_first_of("123456789") == std::string::npos;
    return value > 0 && !zero ? "+" + text : text;
}

std::string format_exact(double value) {
    if (std::isnan(value)) return "";
    if (value == 0.0) return "0";  // also turns -0 into 0
    char buffer[64];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

}  // namespace partnerqi
