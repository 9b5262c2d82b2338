/// @file
/// Calendar dates at day precision, and inclusive windows of them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "partnerqi/error.hpp"
#include "partnerqi/export.hpp"

namespace partnerqi::model {

/// A Gregorian calendar date at day precision, stored as days since 1970-01-01.
///
/// Dates are written and read as ISO 8601 text ("2016-05-31"). Only years 1900 to 2199 are
/// accepted: a case study outside that range is almost certainly a typing error.
/// @code
/// auto d = date::from_iso("2016-05-31");
/// assert(d.to_iso() == "2016-05-31" && d.year() == 2016);
/// @endcode
class PARTNERQI_EXPORT date {
public:
    /// 1970-01-01.
    constexpr date() noexcept = default;

    /// Parses "YYYY-MM-DD"; throws partnerqi::parse_error naming the text when it is not a real
    /// calendar date in the accepted range.
    [[nodiscard]] static date from_iso(std::string_view text);
    /// The date of a year, month (1-12) and day; throws partnerqi::parse_error when invalid.
    [[nodiscard]] static date from_ymd(int year, int month, int day);
    /// The date that is `days` after 1970-01-01; throws partnerqi::parse_error outside the
    /// accepted range.
    [[nodiscard]] static date from_days(std::int32_t days);

    /// The date as "YYYY-MM-DD".
    [[nodiscard]] std::string to_iso() const;
    /// Days since 1970-01-01.
    [[nodiscard]] constexpr std::int32_t days_since_epoch() const noexcept { return days_; }
    /// The calendar year.
    [[nodiscard]] int year() const;
    /// The calendar month, 1 to 12.
    [[nodiscard]] int month() const;
    /// The day of the month, 1 to 31.
    [[nodiscard]] int day() const;
    /// The date `n` days later (earlier when n is negative).
    [[nodiscard]] date plus_days(std::int32_t n) const;

    /// The first accepted date, 1900-01-01.
    [[nodiscard]] static date min();
    /// The last accepted date, 2199-12-31.
    [[nodiscard]] static date max();

    /// @name Calendar order
    /// @{

    /// Compares two dates in calendar order: earlier dates are less.
    friend constexpr bool operator==(date a, date b) noexcept { return a.days_ == b.days_; }
    friend constexpr bool operator!=(date a, date b) noexcept { return a.days_ != b.days_; }
    friend constexpr bool operator<(date a, date b) noexcept { return a.days_ < b.days_; }
    friend constexpr bool operator<=(date a, date b) noexcept { return a.days_ <= b.days_; }
    friend constexpr bool operator>(date a, date b) noexcept { return a.days_ > b.days_; }
    friend constexpr bool operator>=(date a, date b) noexcept { return a.days_ >= b.days_; }
    /// @}

private:
    constexpr explicit date(std::int32_t days) noexcept : days_(days) {}
    std::int32_t days_ = 0;
};

/// Days from `a` to `b` (negative when b is earlier).
[[nodiscard]] constexpr std::int32_t days_between(date a, date b) noexcept {
    return b.days_since_epoch() - a.days_since_epoch();
}

/// An inclusive range of dates [first, last]; first <= last always holds.
class PARTNERQI_EXPORT date_window {
public:
    /// The window of one day, 1970-01-01.
    date_window() = default;
    /// The window [first, last]; throws partnerqi::invalid_request_error when last < first.
    date_window(date first, date last);
    /// Parses "YYYY-MM-DD/YYYY-MM-DD" (ISO 8601 interval).
    [[nodiscard]] static date_window from_iso(std::string_view text);
    /// The window of whole calendar years, e.g. years(2015, 2017) is 2015-01-01/2017-12-31.
    [[nodiscard]] static date_window years(int first_year, int last_year);

    /// The first day of the window, included.
    [[nodiscard]] date first() const noexcept { return first_; }
    /// The last day of the window, included; never before first().
    [[nodiscard]] date last() const noexcept { return last_; }
    /// True when first <= d <= last.
    [[nodiscard]] bool contains(date d) const noexcept { return first_ <= d && d <= last_; }
    /// True when every day of `other` lies in this window.
    [[nodiscard]] bool contains(const date_window& other) const noexcept {
        return first_ <= other.first_ && other.last_ <= last_;
    }
    /// True when the two windows share at least one day.
    [[nodiscard]] bool overlaps(const date_window& other) const noexcept {
        return first_ <= other.last_ && other.first_ <= last_;
    }
    /// "first/last" in ISO 8601.
    [[nodiscard]] std::string to_iso() const;

    /// True when both windows have the same first and last day.
    friend bool operator==(const date_window& a, const date_window& b) noexcept {
        return a.first_ == b.first_ && a.last_ == b.last_;
    }
    /// True when the windows differ in their first or last day.
    friend bool operator!=(const date_window& a, const date_window& b) noexcept {
        return !(a == b);
    }

private:
    date first_;
    date last_;
};

}  // namespace partnerqi::model
