// A case study as a folder of CSV tables: the template a coordinator fills in, exports that
// read back identical, and the mistakes people make in spreadsheets, each reported with its
// file, row and column.
#include "partnerqi/io/tables.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include <support/catch.hpp>
#include <support/messages.hpp>

#include "partnerqi/detail/csv_reader.hpp"
#include "partnerqi/io/detail/atomic_file.hpp"
#include "partnerqi/model/builder.hpp"
#include "partnerqi/model/seed_study.hpp"
#include "partnerqi/model/synthetic.hpp"

#include "full_study.hpp"

using namespace partnerqi;
using partnerqi::io::testing::scratch_dir;
using partnerqi::test::mentions;
namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void write_file(const fs::path& file, const std::string& bytes) {
    std::ofstream out(file, std::ios::binary);
    out << bytes;
}

// The first line of a table, without its byte order mark and line end.
std::string header_of(const fs::path& file) {
    std::string text = read_file(file);
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
    return text.substr(0, text.find("\r\n"));
}

// A small study as a coordinator would type it: an organization, a manager, two advisors and an
// engagement, with only the columns that matter.
void write_small_study(const fs::path& dir) {
    fs::create_directories(dir);
    write_file(dir / "study.csv",
               "title,description,window\r\nPartners in Care,,2015-01-01/2017-12-31\r\n");
    write_file(dir / "organizations.csv", "code,name,setting\r\nHCO-1,Rural centre,rural\r\n");
    write_file(dir / "people.csv",
               "code,role,tier,organization\r\n"
               "M-TOP-01,manager,top-level,HCO-1\r\n"
               "PA-01,patient-advisor,,HCO-1\r\n"
               "PA-02,patient-advisor,,HCO-1\r\n");
    write_file(dir / "engagements.csv",
               "from,to,kind,level,on\r\nM-TOP-01,PA-01,consults,consultation,2016-03-01\r\n");
}

// The problems of a refused folder, one line each as the command line prints them.
std::vector<std::string> problems_of(const fs::path& dir) {
    try {
        (void)io::read_tables(dir);
    } catch (const io::table_error& e) {
        std::vector<std::string> lines;
        for (const io::table_problem& p : e.problems())
            lines.push_back(p.text());
        return lines;
    }
    return {};
}

bool has_line(const std::vector<std::string>& lines, const std::string& line) {
    for (const std::string& l : lines)
        if (l == line) return true;
    return false;
}

}  // namespace

SCENARIO("a coordinator starts from the template of empty tables") {
    GIVEN("the template written into a new folder") {
        scratch_dir scratch;
        const fs::path dir = fs::path(scratch.path()) / "intake";
        io::write_table_template(dir);
        THEN("every table of the registry is there with the registry's field names as headers") {
            CHECK(header_of(dir / "study.csv") == "title,description,window");
            CHECK(header_of(dir / "people.csv") ==
                  "code,display_name,role,tier,profession,role_label,organization,provenance,note");
            CHECK(header_of(dir / "team_members.csv") ==
                  "team,person,role_in_team,joined,left,external,provenance");
            CHECK(header_of(dir / "enactments.csv") ==
                  "key,practice,manager,on,organization,team,targets,provenance,note");
            for (const io::table_layout& l : io::table_layouts())
                CHECK(fs::exists(dir / l.file));
        }
        THEN("README.txt explains the separator, the dates and the spellings of every tier") {
            const std::string readme = read_file(dir / "README.txt");
            CHECK(mentions(readme, "separated by \";\""));
            CHECK(mentions(readme, "YYYY-MM-DD"));
            CHECK(mentions(readme, "top-level, mid-level or front-line"));
            CHECK(mentions(readme, "people.csv: one row per person"));
        }
        THEN(
            "writing the template again over it is refused: a filled-in template is never "
            "wiped") {
            const std::string message =
                partnerqi::test::message_of<save_error>([&] { io::write_table_template(dir); });
            CHECK(mentions(message, "it is not empty"));
            CHECK(mentions(message, "--force"));
        }
        THEN("the empty template reads as an empty study only once its window is filled in") {
            CHECK(
                problems_of(dir) ==
                std::vector<std::string>{"study.csv:2: the study's row is missing; fill in row 2"});
        }
    }
}

SCENARIO("every field of the record registry is explained in README.txt") {
    const std::vector<io::table_layout> layouts = io::table_layouts();
    auto column = [&](std::string_view table, std::string_view name) -> const io::table_column* {
        for (const io::table_layout& l : layouts) {
            if (l.file != std::string(table) + ".csv") continue;
            for (const io::table_column& c : l.columns)
                if (c.name == name) return &c;
        }
        return nullptr;
    };
    auto check_kind = [&](auto* kind) {
        using R = std::remove_pointer_t<decltype(kind)>;
        model::for_each_field<R>([&](const auto& d) {
            using T = typename std::decay_t<decltype(d)>::value_type;
            if (d.is(model::field_use::own_id)) return;
            if constexpr (model::is_vector<T>::value) {
                if constexpr (model::is_record_v<typename T::value_type>) {
                    // Nested records are a table of their own.
                    using C = typename T::value_type;
                    model::for_each_field<C>([&](const auto& n) {
                        INFO(model::record_traits<C>::table << " " << n.name);
                        const io::table_column* c = column(model::record_traits<C>::table, n.name);
                        REQUIRE(c != nullptr);
                        CHECK_FALSE(c->description.empty());
                    });
                    return;
                }
            }
            INFO(model::record_traits<R>::table << " " << d.name);
            const io::table_column* c = column(model::record_traits<R>::table, d.name);
            REQUIRE(c != nullptr);
            CHECK_FALSE(c->description.empty());
            CHECK_FALSE(c->format.empty());
        });
    };
    model::for_each_type(model::record_kinds{}, check_kind);
    for (const io::table_layout& l : layouts) {
        INFO(l.file);
        CHECK_FALSE(l.description.empty());
        for (const io::table_column& c : l.columns)
            CHECK_FALSE(c.description.empty());
    }
}

SCENARIO("a study exported as tables reads back identical") {
    scratch_dir scratch;
    const fs::path dir = fs::path(scratch.path()) / "tables";
    GIVEN("the seed study with its illustrative detail") {
        const model::case_study study = model::seed_study_illustrated();
        io::write_tables(study, dir);
        THEN("reading the tables gives the same study, every field and provenance included") {
            const io::tables_read_result in = io::read_tables(dir);
            CHECK(in.warnings.empty());
            CHECK(in.study == study);
        }
    }
    GIVEN("the specification's full study, with texts that hold commas, quotes and line breaks") {
        const model::case_study study = io::testing::full_study();
        io::write_tables(study, dir);
        THEN("it reads back identical") { CHECK(io::read_tables(dir).study == study); }
    }
    GIVEN("a synthetic study of 300 people and 2000 engagements") {
        model::detail::synthetic_options o;
        o.people = 300;
        o.engagements = 2000;
        const model::case_study study = model::detail::make_synthetic_case_study(o);
        io::write_tables(study, dir);
        THEN("it reads back identical") { CHECK(io::read_tables(dir).study == study); }
    }
}

SCENARIO("cells a spreadsheet would run as formulas are made inert and read back as they were") {
    scratch_dir scratch;
    const fs::path dir = fs::path(scratch.path()) / "tables";
    GIVEN("a team, a person and a note written to attack whoever opens the tables") {
        model::builder b{"=HYPERLINK(\"http://example.invalid\",\"click\")",
                         model::date_window::years(2016, 2016)};
        b.organization("@ORG").name("+cmd|' /C calc'!A0");
        b.advisor("-PA-1").of("@ORG").role_label("'already quoted");
        b.advisor("PA-2").of("@ORG").role_label("-0.5");
        const model::case_study study = b.build();
        io::write_tables(study, dir);
        const std::string people = read_file(dir / "people.csv");
        const std::string organizations = read_file(dir / "organizations.csv");
        THEN("the dangerous cells start with an apostrophe in the files") {
            CHECK(mentions(organizations, "'@ORG"));
            CHECK(mentions(organizations, "'+cmd"));
            CHECK(mentions(people, "'-PA-1"));
            CHECK(mentions(people, "''already quoted"));
        }
        THEN("a plain number is left alone") { CHECK(mentions(people, ",-0.5,")); }
        THEN("reading the tables gives back exactly the texts that were written") {
            CHECK(io::read_tables(dir).study == study);
        }
        WHEN("the tables are written again with raw cells, for a script") {
            io::tables_write_options raw;
            raw.force = true;
            raw.cells = io::csv_cells::raw;
            io::write_tables(study, dir, raw);
            const std::string raw_people = read_file(dir / "people.csv");
            THEN("every cell is as the study holds it") {
                CHECK(mentions(read_file(dir / "organizations.csv"), "\r\n@ORG,+cmd"));
                CHECK(mentions(raw_people, "\r\n-PA-1,"));
                CHECK(mentions(raw_people, ",'already quoted,"));
                CHECK_FALSE(mentions(raw_people, "'-PA-1"));
            }
            THEN("they read back as the same study") { CHECK(io::read_tables(dir).study == study); }
        }
    }
}

SCENARIO("an export replaces a previous export but no other folder") {
    scratch_dir scratch;
    const fs::path dir = fs::path(scratch.path()) / "tables";
    const model::case_study study = model::seed_study_reported();
    GIVEN("a folder holding a previous export") {
        io::write_table_template(dir);
        io::write_tables(study, dir);
        THEN("it now holds the study, and nothing is left beside it") {
            CHECK(io::read_tables(dir).study == study);
            CHECK(std::distance(fs::directory_iterator(scratch.path()), fs::directory_iterator{}) ==
                  1);
        }
    }
    GIVEN("a folder holding the coordinator's own files") {
        fs::create_directories(dir);
        write_file(dir / "minutes.docx", "minutes");
        WHEN("the tables are written into it without force") {
            const std::string message =
                partnerqi::test::message_of<save_error>([&] { io::write_tables(study, dir); });
            THEN("it is refused, naming a file it holds and how to go on, and nothing is written") {
                CHECK(
                    mentions(message, "it holds other files than tables (e.g. \"minutes.docx\")"));
                CHECK(mentions(message, "--force"));
                CHECK_FALSE(fs::exists(dir / "people.csv"));
            }
        }
        WHEN("they are written with force") {
            io::tables_write_options force;
            force.force = true;
            io::write_tables(study, dir, force);
            THEN("the tables are there and the coordinator's file is kept") {
                CHECK(io::read_tables(dir).study == study);
                CHECK(read_file(dir / "minutes.docx") == "minutes");
            }
        }
    }
    GIVEN("a disk that fills up while the tables are written") {
        io::write_tables(model::seed_study_illustrated(), dir);
        {
            const io::detail::simulated_full_disk full(1000);
            CHECK_THROWS_AS(io::write_tables(study, dir), save_error);
        }
        THEN("the previous export is intact and no temporary folder is left") {
            CHECK(io::read_tables(dir).study == model::seed_study_illustrated());
            CHECK(std::distance(fs::directory_iterator(scratch.path()), fs::directory_iterator{}) ==
                  1);
        }
    }
}

SCENARIO("tables saved the way spreadsheets save them are read") {
    scratch_dir scratch;
    const fs::path dir = fs::path(scratch.path()) / "intake";
    write_small_study(dir);
    GIVEN(
        "people.csv as Excel saves it: a byte order mark, CRLF rows, columns in another order, "
        "a quoted line break, a comma in a note and trailing empty rows, and organizations.csv "
        "with LF rows") {
        write_file(dir / "people.csv",
                   "\xEF\xBB\xBF"
                   "organization,code,role,tier,note\r\n"
                   "HCO-1,M-TOP-01,manager,top-level,\"first line\r\nsecond line, with a "
                   "comma\"\r\n"
                   "HCO-1,PA-01,patient-advisor,,\"she said \"\"yes\"\"\"\r\n"
                   "HCO-1,PA-02,Patient-Advisor,,\r\n"
                   ",,,,\r\n\r\n");
        write_file(dir / "organizations.csv", "code,name,setting\nHCO-1,Rural centre,rural\n");
        WHEN("the folder is read") {
            const io::tables_read_result in = io::read_tables(dir);
            const model::case_study& s = in.study;
            THEN("every cell is read as it was typed") {
                REQUIRE(s.all<model::person>().size() == 3);
                CHECK(s.get(s.require<model::person>("M-TOP-01")).note ==
                      "first line\r\nsecond line, with a comma");
                CHECK(s.get(s.require<model::person>("PA-01")).note == "she said \"yes\"");
                CHECK(s.get(s.require<model::person>("PA-02")).provenance ==
                      model::provenance::user_entered);
                CHECK(s.all<model::engagement>().size() == 1);
                CHECK(in.warnings.empty());
            }
        }
    }
    GIVEN("people.csv with a column the tables do not know") {
        write_file(dir / "people.csv",
                   "code,role,tier,organization,phone\r\nM-TOP-01,manager,top-level,HCO-1,555\r\n"
                   "PA-01,patient-advisor,,HCO-1,\r\nPA-02,patient-advisor,,HCO-1,\r\n");
        THEN("the study is read and the column is reported as ignored") {
            const io::tables_read_result in = io::read_tables(dir);
            REQUIRE(in.warnings.size() == 1);
            CHECK(in.warnings.front().text() ==
                  "people.csv:1: column phone: column E is not a column of people.csv (see "
                  "README.txt); it was ignored");
        }
    }
    GIVEN("a list of advisors with blanks around the codes and a code holding a semicolon") {
        write_file(dir / "people.csv",
                   "code,role,tier,organization\r\nM-TOP-01,manager,top-level,HCO-1\r\n"
                   "PA-01,patient-advisor,,HCO-1\r\nPA;02,patient-advisor,,HCO-1\r\n");
        write_file(dir / "engagements.csv", "from,to,kind,level,on\r\n");
        write_file(dir / "activities.csv",
                   "code,organization,level,kind,advisors\r\n"
                   "A1,HCO-1,clinical-team,education, PA-01 ; PA\\;02 \r\n");
        THEN("each code is found") {
            const model::case_study s = io::read_tables(dir).study;
            REQUIRE(s.all<model::qi_activity>().size() == 1);
            CHECK(s.all<model::qi_activity>().front().advisors ==
                  std::vector<model::person_id>{s.require<model::person>("PA-01"),
                                                s.require<model::person>("PA;02")});
        }
    }
}

SCENARIO("segments name the practice enactments they support by the enactments' keys") {
    scratch_dir scratch;
    const fs::path dir = fs::path(scratch.path()) / "intake";
    write_small_study(dir);
    write_file(dir / "practices.csv",
               "code,category,name\r\nMAN-prepare,managing-integration,"
               "preparing advisors\r\n");
    write_file(dir / "sources.csv", "code,kind,text\r\nINT-1,interview,We prepared them.\r\n");
    write_file(dir / "codes.csv", "name\r\npreparing\r\n");
    GIVEN("two enactments keyed with any text, and a segment that names one of them") {
        write_file(dir / "enactments.csv",
                   "key,practice,manager,on,organization\r\n"
                   "prep-spring,MAN-prepare,M-TOP-01,2016-03-01,HCO-1\r\n"
                   "prep-fall,MAN-prepare,M-TOP-01,2016-10-01,HCO-1\r\n");
        write_file(dir / "segments.csv",
                   "source,begin,end,code,coder,supports\r\n"
                   "INT-1,0,11,preparing,coder-A,prep-fall\r\n");
        THEN("the segment supports that enactment") {
            const model::case_study s = io::read_tables(dir).study;
            REQUIRE(s.all<model::coded_segment>().size() == 1);
            REQUIRE(s.all<model::coded_segment>().front().supports.size() == 1);
            CHECK(s.get(s.all<model::coded_segment>().front().supports.front()).on ==
                  model::date::from_iso("2016-10-01"));
        }
    }
    GIVEN("two enactments with the same key") {
        write_file(dir / "enactments.csv",
                   "key,practice,manager,on,organization\r\n"
                   "prep,MAN-prepare,M-TOP-01,2016-03-01,HCO-1\r\n"
                   "prep,MAN-prepare,M-TOP-01,2016-10-01,HCO-1\r\n");
        THEN("the second row is refused, naming the first") {
            CHECK(problems_of(dir) ==
                  std::vector<std::string>{"enactments.csv:3: column key: key \"prep\" is also "
                                           "the key of row 2; give every row its own key"});
        }
    }
    GIVEN("a segment naming a key no enactment has") {
        write_file(dir / "enactments.csv", "key,practice,manager,on,organization\r\n");
        write_file(dir / "segments.csv",
                   "source,begin,end,code,coder,supports\r\n"
                   "INT-1,0,11,preparing,coder-A,7\r\n");
        THEN("the segment's row names the table the key should be in") {
            CHECK(problems_of(dir) ==
                  std::vector<std::string>{
                      "segments.csv:2: column supports: no practice enactment has key \"7\" in "
                      "enactments.csv; add it there or correct the key"});
        }
    }
}

SCENARIO("a cell longer than the documented limit is refused") {
    scratch_dir scratch;
    const fs::path dir = fs::path(scratch.path()) / "intake";
    write_small_study(dir);
    write_file(dir / "sources.csv", "code,kind,text\r\nINT-1,interview," +
                                        std::string(io::max_table_cell_bytes + 1, 'x') + "\r\n");
    CHECK(problems_of(dir) ==
          std::vector<std::string>{"sources.csv:2: a cell is longer than 16 MiB, the most a table "
                                   "cell may hold; split it"});
}

SCENARIO("a table file larger than the documented limit is refused before it is read") {
    scratch_dir scratch;
    const fs::path dir = fs::path(scratch.path()) / "intake";
    write_small_study(dir);
    // A sparse file: its size is past the limit without taking the disk space.
    write_file(dir / "memos.csv", "title,text\r\n");
    fs::resize_file(dir / "memos.csv", io::max_table_file_bytes + 1);
    CHECK(problems_of(dir) ==
          std::vector<std::string>{"memos.csv: the file is 256 MiB; a table may be at most 256 "
                                   "MiB: split the study or keep long texts out of the tables"});
}

SCENARIO("the CSV reader bounds the cells of a table, empty ones included") {
    GIVEN("a reader allowed 4 cells") {
        partnerqi::detail::csv_rows rows;
        THEN("a row of four cells is read") {
            CHECK_FALSE(partnerqi::detail::parse_csv("a,b\r\n,\r\n", 10, 4, rows));
            CHECK(rows.rows.size() == 2);
        }
        THEN("a fifth cell, even an empty one, is refused with the limit") {
            const auto problem = partnerqi::detail::parse_csv("a,b\r\n,,\r\n", 10, 4, rows);
            REQUIRE(problem);
            CHECK(problem->row == 2);
            CHECK(mentions(problem->message, "more than 4 cells"));
        }
        THEN("a row of empty lines past the limit is refused too") {
            CHECK(partnerqi::detail::parse_csv("a,b\n,\n\n", 10, 4, rows));
        }
    }
}

SCENARIO("a filled-in template with the mistakes people make is refused with every problem") {
    scratch_dir scratch;
    const fs::path dir = fs::path(scratch.path()) / "intake";
    write_small_study(dir);
    GIVEN(
        "a wrong tier spelling, an unknown person code, a day-first date, a missing required "
        "column and a duplicate column") {
        write_file(dir / "people.csv",
                   "code,role,tier,organization\r\n"
                   "M-TOP-01,manager,top-level,HCO-1\r\n"
                   "M-MID-01,manager,mid level,HCO-1\r\n"
                   "PA-01,patient-advisor,,HCO-1\r\n"
                   "PA-02,patient-advisor,,HCO-1\r\n");
        write_file(dir / "engagements.csv",
                   "from,to,kind,level,on\r\n"
                   "M-TOP-01,PA-03,consults,consultation,2016-03-01\r\n"
                   "M-TOP-01,PA-01,consults,consultation,14/03/2016\r\n");
        write_file(dir / "waves.csv", "code,label\r\nW1,first wave\r\n");
        write_file(dir / "memos.csv", "title,text,Title\r\nA memo,text,again\r\n");
        const std::vector<std::string> problems = problems_of(dir);
        THEN("each is reported with its file, row and column, in words a coordinator can act on") {
            CHECK(has_line(problems,
                           "people.csv:3: column tier: \"mid level\" is not a tier; use "
                           "top-level, mid-level or front-line"));
            CHECK(has_line(problems,
                           "engagements.csv:2: column to: no person has code \"PA-03\" in "
                           "people.csv; did you mean \"PA-01\" or \"PA-02\"?"));
            CHECK(has_line(problems,
                           "engagements.csv:3: column on: \"14/03/2016\" is not a date as the "
                           "tables write them; write YYYY-MM-DD, e.g. 2016-03-14 (in a "
                           "spreadsheet, format the column as text)"));
            CHECK(has_line(problems,
                           "waves.csv:1: column window: is missing; add it to the header row "
                           "(its first and last day, inside the study window: first and last "
                           "day, both included, YYYY-MM-DD/YYYY-MM-DD)"));
            CHECK(has_line(problems,
                           "memos.csv:1: column title: appears twice, in columns A and C; keep "
                           "one of them"));
            CHECK(problems.size() == 5);
        }
    }
    GIVEN("a table saved from Excel as Windows-1252 (an accent as one byte)") {
        write_file(dir / "organizations.csv",
                   "code,name,setting\r\nHCO-1,Centre de sant\xE9 rural,rural\r\n");
        THEN("it is refused with the way to re-save it as UTF-8") {
            const std::vector<std::string> problems = problems_of(dir);
            REQUIRE(!problems.empty());
            CHECK(problems.front() ==
                  "organizations.csv:2: byte 0xE9 is not UTF-8: the file seems saved in another "
                  "encoding (Windows-1252, \"ANSI\" or Latin-1 write accents so); re-save it as "
                  "CSV UTF-8 in Excel (File > Save As > \"CSV UTF-8 (Comma delimited)\") or "
                  "LibreOffice (File > Save As > Text CSV, character set \"Unicode (UTF-8)\")");
        }
    }
    GIVEN("a table saved as UTF-16 (Excel's Unicode Text)") {
        write_file(dir / "organizations.csv", std::string("\xFF\xFE"
                                                          "c\0o\0",
                                                          6));
        THEN("it is refused as UTF-16") {
            const std::vector<std::string> problems = problems_of(dir);
            REQUIRE(!problems.empty());
            CHECK(mentions(problems.front(), "organizations.csv:1: the file is UTF-16"));
        }
    }
    GIVEN("a team member row naming a team that is not in teams.csv") {
        write_file(dir / "teams.csv", "code,organization,level\r\nT1-MH,HCO-1,clinical-team\r\n");
        write_file(dir / "team_members.csv", "team,person\r\nT1-MH,PA-01\r\nT1-HM,PA-02\r\n");
        THEN("the row is named, with the team codes that come close") {
            CHECK(problems_of(dir) ==
                  std::vector<std::string>{"team_members.csv:3: column team: no team has code "
                                           "\"T1-HM\" in teams.csv; did you mean \"T1-MH\"?"});
        }
    }
    GIVEN("a code whose parent comes further down the codebook") {
        write_file(dir / "codes.csv", "name,parent\r\nchild,parent\r\nparent,\r\n");
        THEN("the row is named with where the parent is") {
            CHECK(problems_of(dir) ==
                  std::vector<std::string>{
                      "codes.csv:2: column parent: code \"parent\" comes further down, on "
                      "codes.csv:3; move it above the rows that name it"});
        }
    }
    GIVEN("a rule of the case study broken: a date outside the study window") {
        write_file(dir / "engagements.csv",
                   "from,to,kind,level,on\r\nM-TOP-01,PA-01,consults,consultation,2019-03-01\r\n");
        THEN("the checker's message is given with the row it comes from") {
            const std::vector<std::string> problems = problems_of(dir);
            REQUIRE(problems.size() == 1);
            CHECK(mentions(problems.front(), "engagements.csv:2: engagement"));
            CHECK(mentions(problems.front(), "2019-03-01"));
        }
    }
    GIVEN("sixty rows with a wrong role") {
        std::string people = "code,role\r\n";
        for (int i = 0; i < 60; ++i)
            people += "P" + std::to_string(i) + ",advisor\r\n";
        write_file(dir / "people.csv", people);
        write_file(dir / "engagements.csv", "from,to,kind,level,on\r\n");
        THEN("the first fifty are listed and the others counted") {
            try {
                (void)io::read_tables(dir);
                FAIL("the tables were accepted");
            } catch (const io::table_error& e) {
                CHECK(e.problems().size() == io::max_table_problems);
                CHECK(e.total() == 60);
                CHECK(mentions(e.what(), "\nand 10 more"));
            }
        }
    }
}
