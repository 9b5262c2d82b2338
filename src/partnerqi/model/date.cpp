#include "partnerqi/model/date.hpp"

#include <cctype>
#include <cstdio>
#include <string>

#include <boost/date_time/gregorian/gregorian.hpp>

#include "partnerqi/error.hpp"

namespace partnerqi::model {

namespace {

namespace greg = boost::gregorian;

const greg::date& epoch() {
    static const greg::date e(1970, 1, 1);
    return e;
}

constexpr int min_year = 1900;
constexpr int max_year = 2199;

greg::date to_gregorian(std::int32_t days) { return epoch() + greg::days(days); }

}  // namespace

date date::from_ymd(int year, int month, int day) {
    if (year < min_year || year > max_year)
        throw parse_error("the year " + std::to_string(year) + " is outside " +
                          std::to_string(min_year) + " to " + std::to_string(max_year) +
                          "; check the date");
    try {
        greg::date g(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
                     static_cast<unsigned short>(day));
        return date(static_cast<std::int32_t>((g - epoch()).days()));
    } catch (const std::out_of_range&) {
        throw parse_error(std::to_string(year) + "-" + std::to_string(month) + "-" +
                          std::to_string(day) + " is not a calendar date");
    }
}

date date::from_iso(std::string_view text) {
    auto bad = [&]() -> parse_error {
        return parse_error("\"" + std::string(text) +
                           "\" is not an ISO 8601 date; write it as YYYY-MM-DD, e.g. 2016-05-31");
    };
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') throw bad();
    auto number = [&](std::size_t from, std::size_t count) {
        int value = 0;
        for (std::size_t i = from; i < from + count; ++i) {
            if (!std::isdigit(static_cast<unsigned char>(text[i]))) throw bad();
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    int y = number(0, 4);
    int m = number(5, 2);
    int d = number(8, 2);
    try {
        return from_ymd(y, m, d);
    } catch (const parse_error&) {
        throw parse_error("\"" + std::string(text) + "\" is not a calendar date between " +
                          std::to_string(min_year) + "-01-01 and " + std::to_string(max_year) +
                          "-12-31");
    }
}

date date::min() { return from_ymd(min_year, 1, 1); }
date date::max() { return from_ymd(max_year, 12, 31); }

date date::from_days(std::int32_t days) {
    // Computed once: from_days runs for every engagement a file or a network reads.
    static const std::int32_t first = min().days_;
    static const std::int32_t last = max().days_;
    if (days < first || days > last)
        throw parse_error("day number " + std::to_string(days) + " is outside the accepted dates " +
                          std::to_string(min_year) + "-01-01 to " + std::to_string(max_year) +
                          "-12-31");
    return date(days);
}

std::string date::to_iso() const {
    greg::date g = to_gregorian(days_);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", static_cast<int>(g.year()),
                  static_cast<int>(g.month()), static_cast<int>(g.day()));
    return buffer;
}

int date::year() const { return to_gregorian(days_).year(); }
int date::month() const { return to_gregorian(days_).month(); }
int date::day() const { return to_gregorian(days_).day(); }

date date::plus_days(std::int32_t n) const { return from_days(days_ + n); }

date_window::date_window(date first, date last) : first_(first), last_(last) {
    if (last < first)
        throw invalid_request_error("the window " + first.to_iso() + "/" + last.to_iso() +
                                    " ends before it starts; swap its ends");
}

date_window date_window::from_iso(std::string_view text) {
    auto slash = text.find('/');
    if (slash == std::string_view::npos)
        throw parse_error("\"" + std::string(text) +
                          "\" is not a date window; write it as YYYY-MM-DD/YYYY-MM-DD");
    return date_window(date::from_iso(text.substr(0, slash)),
                       date::from_iso(text.substr(slash + 1)));
}

date_window date_window::years(int first_year, int last_year) {
    return date_window(date::from_ymd(first_year, 1, 1), date::from_ymd(last_year, 12, 31));
}

std::string date_window::to_iso() const { return first_.to_iso() + "/" + last_.to_iso(); }

}  // namespace partnerqi::model
