// Dates at day precision, in ISO 8601, and windows of them.
#include <support/catch.hpp>

#include <partnerqi/model/date.hpp>

using partnerqi::model::date;
using partnerqi::model::date_window;

SCENARIO("a date is read and written in ISO 8601", "[model][date]") {
    GIVEN("the text 2016-02-29, a leap day") {
        WHEN("it is parsed") {
            date d = date::from_iso("2016-02-29");
            THEN("it keeps its year, month and day and writes back the same text") {
                CHECK(d.year() == 2016);
                CHECK(d.month() == 2);
                CHECK(d.day() == 29);
                CHECK(d.to_iso() == "2016-02-29");
            }
            THEN("the next day is the first of March") {
                CHECK(d.plus_days(1).to_iso() == "2016-03-01");
            }
        }
    }
    GIVEN("1970-01-01") {
        THEN("it is day 0 and 1970-01-31 is day 30") {
            CHECK(date::from_iso("1970-01-01").days_since_epoch() == 0);
            CHECK(date::from_iso("1970-01-31").days_since_epoch() == 30);
        }
    }
}

SCENARIO("text that is not a calendar date is refused with a parse error", "[model][date]") {
    CHECK_THROWS_AS(date::from_iso("2015-02-29"), partnerqi::parse_error);  // 2015 is no leap year
    CHECK_THROWS_AS(date::from_iso("2016-13-01"), partnerqi::parse_error);
    CHECK_THROWS_AS(date::from_iso("16-01-01"), partnerqi::parse_error);
    CHECK_THROWS_AS(date::from_iso("2016/01/01"), partnerqi::parse_error);
    CHECK_THROWS_AS(date::from_iso("2016-01-0x"), partnerqi::parse_error);
    CHECK_THROWS_AS(date::from_iso("1899-12-31"), partnerqi::parse_error);
    CHECK_THROWS_AS(date::from_days(1 << 30), partnerqi::parse_error);
}

SCENARIO("the error for a bad date quotes the text and shows the expected form", "[model][date]") {
    try {
        (void)date::from_iso("31/05/2016");
        FAIL("no exception");
    } catch (const partnerqi::parse_error& e) {
        std::string message = e.what();
        CHECK(message.find("31/05/2016") != std::string::npos);
        CHECK(message.find("YYYY-MM-DD") != std::string::npos);
    }
}

SCENARIO("a date window includes both of its ends", "[model][date]") {
    GIVEN("the study window 2015 to 2017") {
        date_window w = date_window::years(2015, 2017);
        THEN("its ends are the first and last days of those years") {
            CHECK(w.to_iso() == "2015-01-01/2017-12-31");
        }
        THEN("both ends are inside it and the days around it are not") {
            CHECK(w.contains(date::from_iso("2015-01-01")));
            CHECK(w.contains(date::from_iso("2017-12-31")));
            CHECK_FALSE(w.contains(date::from_iso("2014-12-31")));
            CHECK_FALSE(w.contains(date::from_iso("2018-01-01")));
        }
        THEN("it contains the year 2016 and overlaps a window that starts in 2017") {
            CHECK(w.contains(date_window::years(2016, 2016)));
            CHECK(w.overlaps(date_window::years(2017, 2019)));
            CHECK_FALSE(w.overlaps(date_window::years(2018, 2019)));
        }
    }
    GIVEN("a window written as an ISO 8601 interval") {
        THEN("it reads back the same") {
            CHECK(date_window::from_iso("2016-01-01/2016-06-30").to_iso() ==
                  "2016-01-01/2016-06-30");
        }
    }
}

SCENARIO("a window that ends before it starts is refused", "[model][date]") {
    CHECK_THROWS_AS(date_window(date::from_iso("2017-01-01"), date::from_iso("2016-01-01")),
                    partnerqi::invalid_request_error);
    CHECK_THROWS_AS(date_window::from_iso("2016-01-01"), partnerqi::parse_error);
}
