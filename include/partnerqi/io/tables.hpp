/// @file
/// A case study as a folder of CSV tables that a spreadsheet opens and writes: one table per
/// record kind of the registry, references by code, and a README.txt that explains every column.
///
/// The folder holds `study.csv` (title, description and window of the study), one
/// `<table>.csv` per record kind named by record_traits<R>::table (`people.csv`, `teams.csv`,
/// `engagements.csv`, ...), one more for records nested in another (`team_members.csv`) and
/// `README.txt`. The columns are the registry's field names; the rules of the cells are in the
/// README.txt that write_table_template() writes (tables_readme()).
/// @code
/// io::write_table_template("intake/");          // empty tables and README.txt to fill in
/// io::tables_read_result in = io::read_tables("intake/");
/// io::write_tables(in.study, "copy/");
/// @endcode
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "partnerqi/error.hpp"
#include "partnerqi/export.hpp"
#include "partnerqi/io/csv_cells.hpp"
#include "partnerqi/model/case_study.hpp"
#include "partnerqi/progress.hpp"

namespace partnerqi::io {

/// The largest table file read_tables() reads: 256 MiB.
inline constexpr std::uint64_t max_table_file_bytes = std::uint64_t{256} * 1024 * 1024;
/// The largest cell read_tables() reads and write_tables() writes: 16 MiB.
inline constexpr std::size_t max_table_cell_bytes = std::size_t{16} * 1024 * 1024;
/// The most cells a table may hold, 16 777 216, empty ones included: read_tables() refuses
/// more, so that a file of commas cannot take memory without bound, and write_tables() refuses
/// to write a table it could not read back. (A spreadsheet holds at most 1 048 576 rows.)
inline constexpr std::size_t max_table_cells = std::size_t{16} * 1024 * 1024;
/// The most problems a table_error lists; it counts the others.
inline constexpr std::size_t max_table_problems = 50;

/// One column of a table, as README.txt explains it.
struct table_column {
    std::string name;         ///< the header, e.g. "tier"
    std::string description;  ///< what the column means, e.g. "the manager's tier"
    std::string format;       ///< what a cell holds, e.g. "one of: top-level, mid-level, ..."
    bool required = false;    ///< true when the header must be there (see format for the cell)
};

/// One table of the folder: its file, what a row is, and its columns in order.
struct table_layout {
    std::string file;                   ///< e.g. "people.csv"
    std::string description;            ///< what one row is
    std::vector<table_column> columns;  ///< in the order write_tables() writes them
};

/// Every table of the folder, study.csv first, then the record kinds in registry order, each
/// kind's nested records right after it: the one description README.txt is written from.
[[nodiscard]] PARTNERQI_EXPORT std::vector<table_layout> table_layouts();

/// The text of README.txt: the rules of the cells (encoding, dates, empty cells, references by
/// code, lists and their separator, keys, provenance, limits), then every table and column.
[[nodiscard]] PARTNERQI_EXPORT std::string tables_readme();

/// How write_tables() and write_table_template() treat an existing folder.
struct tables_write_options {
    /// False (the default): write_tables() needs a folder that is new, empty, or holds only
    /// the files a previous export or template wrote (the tables and README.txt), and replaces
    /// it as a whole; write_table_template() needs a new or empty folder, so that a filled-in
    /// template is never wiped. True: the tables are written into the folder whatever it
    /// holds, each replaced on its own; other files stay.
    bool force = false;
    /// How the cells are written (csv_cells): guarded against spreadsheet formulas (the
    /// default), or raw for scripts. read_tables() reads either, except that a raw text which
    /// starts with an apostrophe and then =, +, -, @, a tab or a carriage return loses that
    /// apostrophe.
    csv_cells cells = csv_cells::guarded;
};

/// Writes a case study as CSV tables into the folder `dir`: study.csv, one table per record
/// kind, team_members.csv and README.txt, in UTF-8 with a byte order mark (so that Excel shows
/// accents), CRLF rows, RFC 4180 quoting.
///
/// Records refer to each other by code; ids are not written, and read_tables() numbers the
/// records of each kind 1, 2, ... in row order. So read_tables() gives back a study equal to
/// `study` (==, ids included) whenever its ids are 1, 2, ... in each kind, as they are until a
/// record is removed; after a removal the records come back equal but renumbered. An
/// optional text set to "" reads back unset (an empty cell is an unset value). Every file is
/// written into a temporary folder beside `dir`, which then replaces `dir`: a failure leaves no
/// half-written folder. Throws partnerqi::save_error naming the folder and what to do when the
/// folder holds other files (see tables_write_options), when a text is not UTF-8 or a cell is
/// longer than max_table_cell_bytes (read_tables() could not read it back), or when writing fails.
/// Reports its progress to `control` one record at a time (step "writing the tables") and
/// throws partnerqi::cancelled when its flag is raised, before anything is written: the folder
/// stays as it was.
PARTNERQI_EXPORT void write_tables(const model::case_study& study, const std::filesystem::path& dir,
                                   const tables_write_options& options = {},
                                   const run_control& control = {});

/// Writes the empty tables (headers only) and README.txt into the folder `dir`, as
/// write_tables() writes a study, for a coordinator to fill in. The folder must be new or
/// empty unless forced (tables_write_options); throws partnerqi::save_error otherwise.
PARTNERQI_EXPORT void write_table_template(const std::filesystem::path& dir,
                                           const tables_write_options& options = {});

/// One problem found in the tables: where it is and what to do.
struct table_problem {
    std::string file;     ///< e.g. "people.csv"; empty for the folder as a whole
    std::size_t row = 0;  ///< the spreadsheet row (the header is row 1); 0: the whole file
    std::string column;   ///< the column at fault; empty when it is the whole row or file
    std::string message;  ///< e.g. "\"mid level\" is not a tier; use top-level, ..."

    /// "people.csv:14: column tier: \"mid level\" is not a tier; use ...".
    [[nodiscard]] PARTNERQI_EXPORT std::string text() const;
};

/// Tables that cannot be read into a valid case study: every problem found, at most
/// max_table_problems of them, and how many more there were.
class PARTNERQI_EXPORT table_error : public error {
public:
    /// The error of a folder with these problems (the first max_table_problems), their total,
    /// and the warnings found on the way.
    table_error(const std::filesystem::path& dir, std::vector<table_problem> problems,
                std::size_t total, std::vector<table_problem> warnings);
    /// The problems listed, in file and row order within each step of reading.
    [[nodiscard]] const std::vector<table_problem>& problems() const noexcept { return problems_; }
    /// How many problems were found in all, listed or not.
    [[nodiscard]] std::size_t total() const noexcept { return total_; }
    /// Unknown columns and files, ignored: one may explain a problem (a misspelled header).
    [[nodiscard]] const std::vector<table_problem>& warnings() const noexcept { return warnings_; }

private:
    std::vector<table_problem> problems_;
    std::size_t total_;
    std::vector<table_problem> warnings_;
};

/// A case study read from tables, and what was ignored on the way.
struct tables_read_result {
    model::case_study study;              ///< every record of the tables, checked
    std::vector<table_problem> warnings;  ///< unknown columns and files, ignored
};

/// Reads the CSV tables of the folder `dir` (as write_tables() or a spreadsheet writes them)
/// into a case study, checked as case_study::add checks records.
///
/// Accepts UTF-8 with or without byte order mark, CRLF or LF, RFC 4180 quoting, columns in any
/// order, empty rows, missing tables (no records of that kind; only study.csv is needed).
/// Unknown columns and files are warnings. Every problem of the whole folder (another encoding,
/// a missing required or a duplicate column, a value that is not of its column's kind, an
/// unknown code, a rule of the case study broken) is collected with its file, row and column,
/// and thrown together as one table_error; nothing is returned then.
[[nodiscard]] PARTNERQI_EXPORT tables_read_result read_tables(const std::filesystem::path& dir);

}  // namespace partnerqi::io
