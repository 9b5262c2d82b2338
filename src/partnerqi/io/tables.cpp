#include "partnerqi/io/tables.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <limits>
#include <map>
#include <optional>
#include <sstream>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "partnerqi/detail/csv.hpp"
#include "partnerqi/detail/csv_reader.hpp"
#include "partnerqi/detail/progress_meter.hpp"
#include "partnerqi/detail/text.hpp"
#include "partnerqi/io/detail/atomic_file.hpp"
#include "partnerqi/io/detail/table_columns.hpp"

#if !defined(_WIN32)
#include <unistd.h>
#endif

namespace partnerqi::io {

namespace fs = std::filesystem;

namespace {

using model::record_kinds;
using model::record_traits;

// ---- the shape of the tables, from the registry ------------------------------------------------

constexpr std::string_view study_table = "study";
constexpr std::string_view key_column = "key";
constexpr std::string_view readme_file = "README.txt";
constexpr std::string_view list_separator = ";";

template <class T>
struct unwrapped {
    using type = T;
};
template <class T>
struct unwrapped<std::optional<T>> {
    using type = T;
};
template <class T, class A>
struct unwrapped<std::vector<T, A>> {
    using type = T;
};
/// The element type of an optional or a vector, else the type itself.
template <class T>
using base_t = typename unwrapped<T>::type;

/// The code of a record that holds nested records of type `Nested`. Naming `Nested` makes the
/// call depend on the field at hand, so that compilers look at it only in the `if constexpr`
/// branch of the kinds that have nested records (Clang otherwise instantiates code_of_record
/// for every kind, and fails on those without a code).
template <class Nested, class Record>
const auto& code_of_parent(const Record& r) {
    return model::code_of_record(r);
}

/// True for a vector of records kept inside another record (a team's members): a table of its
/// own, not a column.
template <class T>
constexpr bool is_nested_v = model::is_vector<T>::value&& model::is_record_v<base_t<T>>;

template <class Descriptor>
using value_of = typename std::decay_t<Descriptor>::value_type;

std::string file_of(std::string_view table) { return std::string(table) + ".csv"; }

template <class R>
std::string file_of() {
    return file_of(record_traits<R>::table);
}

/// The column of a nested table that names its parent record: the parent's kind ("team").
template <class Parent>
std::string parent_column() {
    std::string name(record_traits<Parent>::kind);
    std::replace(name.begin(), name.end(), ' ', '_');
    return name;
}

/// The column naming a row of kind R: its code's column, e.g. "code" (or "name" for the
/// codebook), else "key".
template <class R>
std::string code_column() {
    std::string name = std::string(key_column);
    if constexpr (model::has_code_v<R>) {
        model::for_each_field<R>([&](const auto& d) {
            if constexpr (std::is_same_v<std::decay_t<decltype(d.member)>,
                                         std::decay_t<decltype(record_traits<R>::code_field)>>) {
                if (d.member == record_traits<R>::code_field) name = d.name;
            }
        });
    }
    return name;
}

/// True when records of kind R have no code but other records refer to them (enactments,
/// named by coded segments): their table has a key column.
template <class R>
bool has_key() {
    if constexpr (model::has_code_v<R>) {
        return false;
    } else {
        bool referred = false;
        model::for_each_type(record_kinds{}, [&](auto* kind) {
            using K = std::remove_pointer_t<decltype(kind)>;
            model::for_each_field<K>([&](const auto& d) {
                using T = base_t<value_of<decltype(d)>>;
                if constexpr (model::is_id<T>::value) {
                    if (std::is_same_v<model::record_for_id<T>, R> &&
                        !d.is(model::field_use::own_id))
                        referred = true;
                }
            });
        });
        return referred;
    }
}

/// How a reference to kind R is written: "the code of a row of people.csv".
template <class R>
std::string reference_format() {
    return "the " + code_column<R>() + " of a row of " + file_of<R>();
}

std::string join_or(const std::vector<std::string>& words) {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i) out += i + 1 == words.size() ? " or " : ", ";
        out += words[i];
    }
    return out;
}

template <class E>
std::string spellings() {
    std::vector<std::string> words;
    for (E value : enum_traits<E>::values)
        words.emplace_back(to_string(value));
    return join_or(words);
}

/// What a cell of type T holds, for README.txt.
template <class T>
std::string value_format() {
    if constexpr (std::is_same_v<T, std::string>) {
        return "text";
    } else if constexpr (model::is_optional<T>::value) {
        return value_format<base_t<T>>() + "; empty: unset";
    } else if constexpr (model::is_vector<T>::value) {
        using U = base_t<T>;
        static_assert(model::is_id<U>::value, "a list column holds references");
        return "a list: each " + reference_format<model::record_for_id<U>>() + ", separated by \"" +
               std::string(list_separator) + "\"; empty: none";
    } else if constexpr (model::is_id<T>::value) {
        return reference_format<model::record_for_id<T>>();
    } else if constexpr (std::is_enum_v<T>) {
        std::string text = "one of: " + spellings<T>();
        if constexpr (std::is_same_v<T, model::provenance>) text += "; empty: user-entered";
        return text;
    } else if constexpr (std::is_same_v<T, model::date>) {
        return "a date, YYYY-MM-DD";
    } else if constexpr (std::is_same_v<T, model::date_window>) {
        return "first and last day, both included, YYYY-MM-DD/YYYY-MM-DD";
    } else if constexpr (std::is_same_v<T, bool>) {
        return "true or false (yes, no, 1 and 0 are read too); empty: false";
    } else {
        static_assert(std::is_same_v<T, std::uint32_t>, "a field type the tables do not know");
        return "a whole number, 0 to 4294967295";
    }
}

/// True when the column of a field must be in its table: a code, and every value that has no
/// meaning when left out (a reference, a date, a number, an enum other than provenance).
template <class T>
bool required_column(bool is_code) {
    if (is_code) return true;
    return !(std::is_same_v<T, std::string> || model::is_optional<T>::value ||
             model::is_vector<T>::value || std::is_same_v<T, bool> ||
             std::is_same_v<T, model::provenance>);
}

table_column column_of(std::string_view table, std::string name, std::string format,
                       bool required) {
    table_column c;
    c.description = std::string(detail::column_description(table, name));
    c.name = std::move(name);
    c.format = std::move(format);
    c.required = required;
    return c;
}

/// The columns of a record kind's fields, in registry order (no id, no nested records).
template <class R>
void add_field_columns(std::string_view table, std::vector<table_column>& columns) {
    model::for_each_field<R>([&](const auto& d) {
        using T = value_of<decltype(d)>;
        if constexpr (!is_nested_v<T>) {
            if (d.is(model::field_use::own_id)) return;
            const bool is_code = d.is(model::field_use::code);
            std::string format = value_format<T>();
            if (is_code) format += ", unique in the table, never empty";
            columns.push_back(
                column_of(table, d.name, std::move(format), required_column<T>(is_code)));
        }
    });
}

table_layout layout_start(std::string_view table) {
    table_layout l;
    l.file = file_of(table);
    l.description = std::string(detail::column_description(table, ""));
    return l;
}

template <class Parent>
void add_nested_layouts(std::vector<table_layout>& out) {
    model::for_each_field<Parent>([&](const auto& d) {
        using T = value_of<decltype(d)>;
        if constexpr (is_nested_v<T>) {
            using C = base_t<T>;
            table_layout l = layout_start(record_traits<C>::table);
            l.columns.push_back(column_of(record_traits<C>::table, parent_column<Parent>(),
                                          reference_format<Parent>(), true));
            add_field_columns<C>(record_traits<C>::table, l.columns);
            out.push_back(std::move(l));
        }
    });
}

// ---- cells written
// -------------------------------------------------------------------------------

bool is_blank(char c) { return c == ' ' || c == '\t'; }

/// One code of a list cell: a ';' or '\' in it, and blanks at its ends, get a '\' before them.
std::string escape_list_item(std::string_view item) {
    std::size_t first = 0;
    while (first < item.size() && is_blank(item[first]))
        ++first;
    std::size_t last = item.size();
    while (last > first && is_blank(item[last - 1]))
        --last;
    std::string out;
    out.reserve(item.size() + 2);
    for (std::size_t i = 0; i < item.size(); ++i) {
        const char c = item[i];
        if (c == ';' || c == '\\' || ((i < first || i >= last) && is_blank(c))) out += '\\';
        out += c;
    }
    return out;
}

/// The items of a list cell: split at each ';' without a '\' before it, blanks around items
/// dropped unless escaped, empty items skipped.
std::vector<std::string> split_list(std::string_view text) {
    std::vector<std::string> items;
    std::string item;
    std::size_t keep = 0;  // the item's length up to its last escaped or non-blank character
    auto finish = [&] {
        item.resize(keep);
        if (!item.empty()) items.push_back(std::move(item));
        item.clear();
        keep = 0;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\\' && i + 1 < text.size()) {
            item += text[++i];
            keep = item.size();
        } else if (c == ';') {
            finish();
        } else if (!(is_blank(c) && item.empty())) {
            item += c;
            if (!is_blank(c)) keep = item.size();
        }
    }
    finish();
    return items;
}

/// The 1-based position of a record among the records of its kind: its key in the tables.
template <class R>
std::size_t position_of(const model::case_study& s, model::id_of<R> id) {
    const std::vector<R>& all = s.all<R>();
    auto it = std::lower_bound(all.begin(), all.end(), id,
                               [](const R& r, model::id_of<R> i) { return r.id < i; });
    return static_cast<std::size_t>(it - all.begin()) + 1;
}

template <class Id>
std::string reference_text(const model::case_study& s, Id id) {
    using R = model::record_for_id<Id>;
    if constexpr (model::has_code_v<R>) {
        return model::code_of_record(s.get(id));
    } else {
        return std::to_string(position_of<R>(s, id));
    }
}

template <class T>
std::string cell_text(const model::case_study& s, const T& value) {
    if constexpr (std::is_same_v<T, std::string>) {
        return value;
    } else if constexpr (model::is_optional<T>::value) {
        return value ? cell_text(s, *value) : std::string();
    } else if constexpr (model::is_vector<T>::value) {
        std::string out;
        for (const auto& item : value) {
            if (!out.empty()) out += list_separator;
            out += escape_list_item(cell_text(s, item));
        }
        return out;
    } else if constexpr (model::is_id<T>::value) {
        return reference_text(s, value);
    } else if constexpr (std::is_enum_v<T>) {
        return std::string(to_string(value));
    } else if constexpr (std::is_same_v<T, model::date> || std::is_same_v<T, model::date_window>) {
        return value.to_iso();
    } else if constexpr (std::is_same_v<T, bool>) {
        return value ? "true" : "false";
    } else {
        return std::to_string(value);
    }
}

/// A table being written: its text, with each cell checked to be readable back.
class table_writer {
public:
    table_writer(const fs::path& dir, std::string file, const std::vector<table_column>& columns,
                 csv_cells cells)
        : dir_(dir), file_(std::move(file)) {
        partnerqi::detail::set_csv_cells(out_, cells);
        out_ << "\xEF\xBB\xBF";  // a UTF-8 byte order mark, so that Excel shows accents
        std::vector<std::string> header;
        for (const table_column& c : columns)
            header.push_back(c.name);
        partnerqi::detail::write_csv_row(out_, header);
    }

    /// Adds a cell; `record` names the record for the message when the text cannot be written.
    template <class Name>
    void cell(std::string text, std::string_view column, const Name& record) {
        if (text.size() > max_table_cell_bytes || partnerqi::detail::first_invalid_utf8(text)) {
            throw save_error(
                "cannot write the tables into \"" + dir_.string() + "\": " + record() +
                ", column " + std::string(column) +
                (text.size() > max_table_cell_bytes
                     ? ", is longer than a table cell may be (16 MiB)"
                     : ", is not UTF-8 text, which a table cannot hold") +
                "; correct the record, or save the study as a case-study file instead");
        }
        row_.push_back(std::move(text));
    }
    void end_row() {
        cells_ += row_.size();
        if (cells_ > max_table_cells) {
            throw save_error("cannot write the tables into \"" + dir_.string() + "\": " + file_ +
                             " would hold more than " + std::to_string(max_table_cells) +
                             " cells, more than read_tables() reads; save the study as a "
                             "case-study file instead");
        }
        partnerqi::detail::write_csv_row(out_, row_);
        row_.clear();
    }
    std::pair<std::string, std::string> finish() { return {file_, out_.str()}; }

private:
    const fs::path& dir_;
    std::string file_;
    std::ostringstream out_;
    std::vector<std::string> row_;
    std::size_t cells_ = 0;
};

template <class R, class Name>
void field_cells(const model::case_study& s, const R& record, table_writer& w, const Name& name) {
    model::for_each_field<R>([&](const auto& d) {
        using T = value_of<decltype(d)>;
        if constexpr (!is_nested_v<T>) {
            if (d.is(model::field_use::own_id)) return;
            w.cell(cell_text(s, record.*(d.member)), d.name, name);
        }
    });
}

using table_file = std::pair<std::string, std::string>;  // file name, bytes

template <class R>
void write_kind(const model::case_study& s, const fs::path& dir,
                const std::vector<table_layout>& layouts, std::size_t& at,
                std::vector<table_file>& files, csv_cells cells,
                partnerqi::detail::progress_meter& meter, std::uint64_t& done) {
    const table_layout& layout = layouts[at++];
    table_writer w(dir, layout.file, layout.columns, cells);
    const bool keyed = has_key<R>();
    std::size_t row = 0;
    for (const R& r : s.all<R>()) {
        meter.at(done++);
        auto name = [&] { return s.describe(r.id); };
        ++row;
        if (keyed) w.cell(std::to_string(row), key_column, name);
        field_cells(s, r, w, name);
        w.end_row();
    }
    files.push_back(w.finish());
    model::for_each_field<R>([&](const auto& d) {
        using T = value_of<decltype(d)>;
        if constexpr (is_nested_v<T>) {
            const table_layout& child_layout = layouts[at++];
            table_writer child(dir, child_layout.file, child_layout.columns, cells);
            for (const R& r : s.all<R>()) {
                const std::string& code = code_of_parent<T>(r);
                for (const auto& c : r.*(d.member)) {
                    auto name = [&] { return s.describe(r.id) + ", a member"; };
                    child.cell(code, parent_column<R>(), name);
                    field_cells(s, c, child, name);
                    child.end_row();
                }
            }
            files.push_back(child.finish());
        }
    });
}

// ---- folders written atomically --------------------------------------------------------------

[[noreturn]] void fail_folder(const fs::path& dir, const std::string& what) {
    throw save_error("cannot write the tables into \"" + dir.string() + "\": " + what);
}

fs::path beside(const fs::path& dir, std::string_view what) {
    const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    std::string name =
        "." + dir.filename().string() + "." + std::string(what) + "-" + std::to_string(stamp);
#if !defined(_WIN32)
    name += "-" + std::to_string(::getpid());
#endif
    return dir.parent_path() / name;
}

/// Writes the files into `target`: into a new folder beside it, renamed into place, when the
/// folder is new, empty or (when `replace_tables`) holds only files of a previous export; file
/// by file, other files kept, with force.
void write_folder(fs::path target, const std::vector<table_file>& files,
                  const tables_write_options& options, bool replace_tables) {
    if (!target.has_filename()) target = target.parent_path();
    if (target.empty()) target = ".";
    std::error_code ec;
    const fs::path shown = target;
    if (fs::exists(target, ec) && !fs::is_directory(target, ec))
        fail_folder(shown, "it is a file, not a folder; choose a folder name");
    std::unordered_set<std::string> ours;
    for (const table_layout& l : table_layouts())
        ours.insert(l.file);
    ours.insert(std::string(readme_file));
    bool foreign = false;
    std::string example;
    if (fs::is_directory(target, ec)) {
        for (const fs::directory_entry& e : fs::directory_iterator(target, ec)) {
            if (!replace_tables || !e.is_regular_file() ||
                ours.count(e.path().filename().string()) == 0) {
                foreign = true;
                example = e.path().filename().string();
                break;
            }
        }
        if (ec) fail_folder(shown, "cannot list it (" + ec.message() + ")");
    }
    if (foreign && !options.force) {
        fail_folder(shown, (replace_tables ? "it holds other files than tables (e.g. \""
                                           : "it is not empty (it holds \"") +
                               example +
                               "\"); choose a new or empty folder, or write with force (the "
                               "command line's --force), which replaces the tables and keeps "
                               "the other files");
    }
    if (foreign) {
        for (const table_file& f : files)
            detail::write_file_atomically(target / f.first, f.second);
        return;
    }
    if (target.has_parent_path() && !fs::is_directory(target.parent_path(), ec))
        fail_folder(shown, "its parent folder does not exist; create it first");
    const fs::path temp = beside(target, "tmp");
    if (!fs::create_directory(temp, ec))
        fail_folder(shown, "cannot create a temporary folder beside it (" + ec.message() + ")");
    fs::path old;
    try {
        for (const table_file& f : files)
            detail::write_file_atomically(temp / f.first, f.second);
        if (fs::exists(target, ec)) {
            old = beside(target, "old");
            fs::rename(target, old, ec);
            if (ec)
                fail_folder(shown, "cannot move the previous tables aside (" + ec.message() + ")");
        }
        fs::rename(temp, target, ec);
        if (ec) {
            if (!old.empty()) fs::rename(old, target, ec);
            old.clear();
            fail_folder(shown, "cannot rename the new tables into place (" + ec.message() + ")");
        }
    } catch (...) {
        fs::remove_all(temp, ec);
        throw;
    }
    if (!old.empty()) fs::remove_all(old, ec);
}

// ---- cells read
// ----------------------------------------------------------------------------------

std::string_view trim(std::string_view text) {
    while (!text.empty() &&
           (is_blank(text.front()) || text.front() == '\r' || text.front() == '\n'))
        text.remove_prefix(1);
    while (!text.empty() && (is_blank(text.back()) || text.back() == '\r' || text.back() == '\n'))
        text.remove_suffix(1);
    return text;
}

/// A header as written by hand: blanks trimmed, lower case, spaces as underscores.
std::string normalized_header(std::string_view text) {
    std::string out = partnerqi::detail::lower_ascii(trim(text));
    std::replace(out.begin(), out.end(), ' ', '_');
    return out;
}

std::string in_quotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

struct table_doc {
    std::string file;
    bool present = false;
    bool broken = false;  // unreadable, or a required column missing: its rows are not read
    std::vector<std::vector<std::string>> rows;
    std::unordered_map<std::string, std::size_t> columns;  // normalized header -> index

    [[nodiscard]] std::optional<std::size_t> column(std::string_view name) const {
        auto it = columns.find(std::string(name));
        if (it == columns.end()) return std::nullopt;
        return it->second;
    }
    [[nodiscard]] std::string_view cell(std::size_t row, std::optional<std::size_t> col) const {
        if (!col || *col >= rows[row].size()) return {};
        return rows[row][*col];
    }
    [[nodiscard]] bool empty_row(std::size_t row) const {
        return std::all_of(rows[row].begin(), rows[row].end(),
                           [](const std::string& c) { return trim(c).empty(); });
    }
};

enum class outcome { ok, problem, dependent };

outcome worse(outcome a, outcome b) { return static_cast<int>(a) >= static_cast<int>(b) ? a : b; }

constexpr std::size_t kind_count = record_kinds::size;

struct reader {
    fs::path dir;
    std::vector<table_problem> problems;
    std::size_t total = 0;
    std::vector<table_problem> warnings;
    model::case_study study;
    std::map<std::string, table_doc> docs;  // by file name
    // Per kind of record_kinds: the codes (or keys) its table holds, with their rows, and the
    // keys of the records accepted so far, with their ids.
    std::array<std::unordered_map<std::string, std::size_t>, kind_count> rows_of_code;
    std::array<std::unordered_map<std::string, std::uint32_t>, kind_count> ids_of_key;
    std::array<bool, kind_count> broken{};

    void problem(const std::string& file, std::size_t row, std::string_view column,
                 std::string message) {
        if (problems.size() < max_table_problems)
            problems.push_back({file, row, std::string(column), std::move(message)});
        ++total;
    }
    [[nodiscard]] bool room_for_suggestions() const { return problems.size() < max_table_problems; }
};

/// Where a cell is, and which row of which kind is being read (for forward references).
struct cell_place {
    reader& rd;
    const std::string& file;
    std::size_t row;  // spreadsheet row
    std::string_view column;
    std::size_t kind;      // index in record_kinds of the table read
    std::size_t kind_row;  // the spreadsheet row of the top-level record read

    outcome problem(std::string message) const {
        rd.problem(file, row, column, std::move(message));
        return outcome::problem;
    }
};

std::string words_of(std::string_view column) {
    std::string out(column);
    std::replace(out.begin(), out.end(), '_', ' ');
    return out;
}

template <class R>
outcome read_reference(const cell_place& at, std::string_view text, model::id_of<R>& out) {
    constexpr std::size_t k = model::kind_index<R>;
    const std::string_view code = trim(text);
    if (code.empty()) {
        return at.problem("is empty; write " + reference_format<R>());
    }
    std::optional<std::uint32_t> found;
    if constexpr (model::has_code_v<R>) {
        if (auto id = at.rd.study.find<R>(text))
            found = id->value;
        else if (auto trimmed = at.rd.study.find<R>(code))
            found = trimmed->value;
    } else {
        auto it = at.rd.ids_of_key[k].find(std::string(code));
        if (it != at.rd.ids_of_key[k].end()) found = it->second;
    }
    if (found) {
        out = model::id_of<R>{*found};
        return outcome::ok;
    }
    const std::string what = code_column<R>();
    auto row = at.rd.rows_of_code[k].find(std::string(code));
    if (row == at.rd.rows_of_code[k].end()) row = at.rd.rows_of_code[k].find(std::string(text));
    if (row != at.rd.rows_of_code[k].end()) {
        if (k == at.kind && row->second == at.kind_row) {
            return at.problem(std::string(record_traits<R>::kind) + " " + in_quotes(code) +
                              " is this row itself; name another row");
        }
        if (k > at.kind || (k == at.kind && row->second > at.kind_row)) {
            return at.problem(std::string(record_traits<R>::kind) + " " + in_quotes(code) +
                              " comes further down, on " + file_of<R>() + ":" +
                              std::to_string(row->second) +
                              "; move it above the rows that name it");
        }
        return outcome::dependent;  // that row has a problem of its own, reported there
    }
    if (at.rd.broken[k]) return outcome::dependent;
    std::string message = "no " + std::string(record_traits<R>::kind) + " has " + what + " " +
                          in_quotes(code) + " in " + file_of<R>();
    std::vector<std::string> close;
    if constexpr (model::has_code_v<R>) {
        if (at.rd.room_for_suggestions()) close = at.rd.study.closest_codes<R>(code);
    }
    if (!close.empty()) {
        std::vector<std::string> shown;
        for (const std::string& c : close)
            shown.push_back(in_quotes(c));
        message += "; did you mean " + join_or(shown) + "?";
    } else {
        message += "; add it there or correct the " + what;
    }
    return at.problem(std::move(message));
}

/// The example a date message gives: the text read as day/month/year (or month/day/year when
/// that is the only reading), else a fixed date. A library heuristic: spreadsheets outside the
/// United States mostly write the day first.
std::string date_example(std::string_view text) {
    int a = 0, b = 0, y = 0;
    char s1 = 0, s2 = 0;
    const std::string t(text);
    if (std::sscanf(t.c_str(), "%d%c%d%c%d", &a, &s1, &b, &s2, &y) == 5 && s1 == s2 &&
        (s1 == '/' || s1 == '.' || s1 == '-') && y >= 1900) {
        try {
            if (a > 12) return model::date::from_ymd(y, b, a).to_iso();
            if (b > 12) return model::date::from_ymd(y, a, b).to_iso();
            return model::date::from_ymd(y, b, a).to_iso() + " (or " +
                   model::date::from_ymd(y, a, b).to_iso() + ")";
        } catch (const error&) {
        }
    }
    return "2016-03-14";
}

outcome read_date(const cell_place& at, std::string_view text, model::date& out) {
    const std::string_view t = trim(text);
    if (t.empty()) return at.problem("is empty; write a date as YYYY-MM-DD, e.g. 2016-03-14");
    try {
        out = model::date::from_iso(t);
        return outcome::ok;
    } catch (const error&) {
        return at.problem(in_quotes(text) + " is not a date as the tables write them; write " +
                          "YYYY-MM-DD, e.g. " + date_example(t) +
                          " (in a spreadsheet, format the column as text)");
    }
}

template <class T>
outcome read_value(const cell_place& at, std::string_view text, T& out) {
    if constexpr (std::is_same_v<T, std::string>) {
        out.assign(text);
        return outcome::ok;
    } else if constexpr (model::is_optional<T>::value) {
        if (text.empty() || (!std::is_same_v<base_t<T>, std::string> && trim(text).empty())) {
            out.reset();
            return outcome::ok;
        }
        base_t<T> value{};
        const outcome o = read_value(at, text, value);
        if (o == outcome::ok) out = std::move(value);
        return o;
    } else if constexpr (model::is_vector<T>::value) {
        out.clear();
        outcome o = outcome::ok;
        for (const std::string& item : split_list(text)) {
            base_t<T> value{};
            const outcome one = read_value(at, item, value);
            if (one == outcome::ok) out.push_back(value);
            o = worse(o, one);
        }
        return o;
    } else if constexpr (model::is_id<T>::value) {
        return read_reference<model::record_for_id<T>>(at, text, out);
    } else if constexpr (std::is_enum_v<T>) {
        const std::string t = partnerqi::detail::lower_ascii(trim(text));
        if (t.empty()) {
            if constexpr (std::is_same_v<T, model::provenance>) {
                out = model::provenance::user_entered;
                return outcome::ok;
            }
            return at.problem("is empty; use " + spellings<T>());
        }
        try {
            out = parse<T>(t);
            return outcome::ok;
        } catch (const parse_error&) {
            return at.problem(in_quotes(text) + " is not a " + words_of(at.column) + "; use " +
                              spellings<T>());
        }
    } else if constexpr (std::is_same_v<T, model::date>) {
        return read_date(at, text, out);
    } else if constexpr (std::is_same_v<T, model::date_window>) {
        const std::string_view t = trim(text);
        const std::size_t slash = t.find('/');
        if (t.empty() || slash == std::string_view::npos || t.find('/', slash + 1) != t.npos) {
            return at.problem(
                (t.empty() ? std::string("is empty") : in_quotes(text) + " is not a window") +
                "; write its first and last day as YYYY-MM-DD/YYYY-MM-DD, e.g. "
                "2015-01-01/2017-12-31");
        }
        model::date first, last;
        const outcome o = worse(read_date(at, t.substr(0, slash), first),
                                read_date(at, t.substr(slash + 1), last));
        if (o != outcome::ok) return o;
        if (last < first) {
            return at.problem(in_quotes(text) +
                              " ends before it starts; write the first day, then "
                              "the last");
        }
        out = model::date_window(first, last);
        return outcome::ok;
    } else if constexpr (std::is_same_v<T, bool>) {
        const std::string t = partnerqi::detail::lower_ascii(trim(text));
        if (t.empty() || t == "false" || t == "no" || t == "0") {
            out = false;
        } else if (t == "true" || t == "yes" || t == "1") {
            out = true;
        } else {
            return at.problem(in_quotes(text) +
                              " is not true or false; write true, false or leave "
                              "it empty (false)");
        }
        return outcome::ok;
    } else {
        const std::string_view t = trim(text);
        std::uint64_t value = 0;
        bool digits = !t.empty() && t.size() <= 10;
        for (char c : t) {
            if (c < '0' || c > '9')
                digits = false;
            else
                value = value * 10 + static_cast<std::uint64_t>(c - '0');
        }
        if (!digits || value > std::numeric_limits<std::uint32_t>::max()) {
            return at.problem(
                (t.empty() ? std::string("is empty") : in_quotes(text) + " is not a whole number") +
                "; write digits only, 0 to 4294967295, e.g. 12");
        }
        out = static_cast<std::uint32_t>(value);
        return outcome::ok;
    }
}

/// The column indexes of a kind's fields in a table, in field order (no value: not there).
template <class R>
std::vector<std::optional<std::size_t>> field_columns(const table_doc& doc) {
    std::vector<std::optional<std::size_t>> out;
    model::for_each_field<R>([&](const auto& d) { out.push_back(doc.column(d.name)); });
    return out;
}

/// Reads the plain fields of one row into a record; nested records are read by the caller.
template <class R>
outcome read_fields(reader& rd, const table_doc& doc, std::size_t row,
                    const std::vector<std::optional<std::size_t>>& columns, std::size_t kind,
                    std::size_t kind_row, R& record) {
    outcome o = outcome::ok;
    std::size_t i = 0;
    model::for_each_field<R>([&](const auto& d) {
        using T = value_of<decltype(d)>;
        const std::optional<std::size_t> col = columns[i++];
        if constexpr (!is_nested_v<T>) {
            if (d.is(model::field_use::own_id) || !col) return;
            const cell_place at{rd, doc.file, row + 1, d.name, kind, kind_row};
            o = worse(o, read_value(at, doc.cell(row, col), record.*(d.member)));
        }
    });
    return o;
}

/// The rows of a nested table grouped by the code of their parent, with whether each was used.
struct nested_rows {
    std::unordered_map<std::string, std::vector<std::size_t>> by_parent;
    std::vector<bool> used;
};

template <class R>
void read_kind(reader& rd) {
    constexpr std::size_t k = model::kind_index<R>;
    table_doc& doc = rd.docs[file_of<R>()];
    if (!doc.present) {
        // Nested rows (team members) without their parents' table would be lost unseen.
        model::for_each_field<R>([&](const auto& d) {
            using T = value_of<decltype(d)>;
            if constexpr (is_nested_v<T>) {
                const table_doc& child = rd.docs[file_of<base_t<T>>()];
                if (!child.present || child.broken) return;
                for (std::size_t r = 1; r < child.rows.size(); ++r) {
                    if (child.empty_row(r)) continue;
                    rd.problem(child.file, r + 1, parent_column<R>(),
                               "names a " + std::string(record_traits<R>::kind) + " of " +
                                   file_of<R>() + ", which is missing; add " + file_of<R>() +
                                   " (see README.txt) or remove the rows of " + child.file);
                    break;
                }
            }
        });
        return;
    }
    if (doc.broken) return;
    const auto columns = field_columns<R>(doc);
    const std::optional<std::size_t> key_col = has_key<R>() ? doc.column(key_column) : std::nullopt;

    // The nested tables of this kind, their rows grouped by parent code.
    std::map<std::string, nested_rows> nested;
    model::for_each_field<R>([&](const auto& d) {
        using T = value_of<decltype(d)>;
        if constexpr (is_nested_v<T>) {
            const table_doc& child = rd.docs[file_of<base_t<T>>()];
            nested_rows& n = nested[child.file];
            if (!child.present || child.broken) return;
            n.used.assign(child.rows.size(), false);
            const auto parent_col = child.column(parent_column<R>());
            for (std::size_t r = 1; r < child.rows.size(); ++r) {
                if (!child.empty_row(r))
                    n.by_parent[std::string(trim(child.cell(r, parent_col)))].push_back(r);
            }
        }
    });

    std::unordered_map<std::string, std::size_t> key_rows;
    for (std::size_t row = 1; row < doc.rows.size(); ++row) {
        if (doc.empty_row(row)) continue;
        R record{};
        outcome o = read_fields(rd, doc, row, columns, k, row + 1, record);
        std::string key;
        if (key_col) {
            key = std::string(trim(doc.cell(row, key_col)));
            if (!key.empty()) {
                auto [it, fresh] = key_rows.emplace(key, row + 1);
                if (!fresh) {
                    rd.problem(doc.file, row + 1, key_column,
                               "key " + in_quotes(key) + " is also the key of row " +
                                   std::to_string(it->second) + "; give every row its own key");
                    o = outcome::problem;
                }
            }
        }
        model::for_each_field<R>([&](const auto& d) {
            using T = value_of<decltype(d)>;
            if constexpr (is_nested_v<T>) {
                using C = base_t<T>;
                const table_doc& child = rd.docs[file_of<C>()];
                if (!child.present) return;
                if (child.broken) {
                    o = worse(o, outcome::dependent);
                    return;
                }
                nested_rows& n = nested[child.file];
                auto it = n.by_parent.find(std::string(trim(code_of_parent<T>(record))));
                if (it == n.by_parent.end()) return;
                const auto child_columns = field_columns<C>(child);
                for (std::size_t r : it->second) {
                    n.used[r] = true;
                    C member{};
                    o = worse(o, read_fields(rd, child, r, child_columns, k, row + 1, member));
                    (record.*(d.member)).push_back(std::move(member));
                }
            }
        });
        if (o != outcome::ok) continue;
        try {
            const auto id = rd.study.add(std::move(record));
            if (key_col && !key.empty()) rd.ids_of_key[k][key] = id.value;
        } catch (const error& e) {
            rd.problem(doc.file, row + 1, "", e.what());
        }
    }

    // Nested rows whose parent code names no row of this kind.
    model::for_each_field<R>([&](const auto& d) {
        using T = value_of<decltype(d)>;
        if constexpr (is_nested_v<T>) {
            const table_doc& child = rd.docs[file_of<base_t<T>>()];
            if (!child.present || child.broken) return;
            const nested_rows& n = nested[child.file];
            const std::string parent = parent_column<R>();
            const auto parent_col = child.column(parent);
            for (std::size_t r = 1; r < child.rows.size(); ++r) {
                if (child.empty_row(r) || n.used[r]) continue;
                const cell_place at{rd, child.file, r + 1, parent, k, doc.rows.size() + 1};
                model::id_of<R> ignored;
                (void)read_reference<R>(at, child.cell(r, parent_col), ignored);
            }
        }
    });
}

/// Reads one file of the folder into `doc`: size, encoding, CSV, header.
void load_doc(reader& rd, table_doc& doc, const table_layout& layout) {
    const fs::path path = rd.dir / doc.file;
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return;
    doc.present = true;
    const auto size = fs::file_size(path, ec);
    if (ec) {
        rd.problem(doc.file, 0, "", "cannot read the file (" + ec.message() + ")");
        doc.broken = true;
        return;
    }
    if (size > max_table_file_bytes) {
        rd.problem(doc.file, 0, "",
                   "the file is " + std::to_string(size / (1024 * 1024)) +
                       " MiB; a table may be at most 256 MiB: split the study or keep long texts "
                       "out of the tables");
        doc.broken = true;
        return;
    }
    std::string bytes(static_cast<std::size_t>(size), '\0');
    std::ifstream in(path, std::ios::binary);
    if (!in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()))) {
        rd.problem(doc.file, 0, "", "cannot read the file; check that it exists and is readable");
        doc.broken = true;
        return;
    }
    partnerqi::detail::csv_rows parsed;
    if (auto p =
            partnerqi::detail::parse_csv(bytes, max_table_cell_bytes, max_table_cells, parsed)) {
        rd.problem(doc.file, p->row, "", p->message);
        doc.broken = true;
        return;
    }
    doc.rows = std::move(parsed.rows);
    if (doc.rows.empty()) doc.rows.emplace_back();
    for (auto& row : doc.rows)  // the writer guarded cells against spreadsheet formulas
        for (std::string& cell : row)
            if (const std::string_view text = partnerqi::detail::unguarded(cell);
                text.size() != cell.size())
                cell.erase(0, 1);

    std::unordered_map<std::string, const table_column*> known;
    for (const table_column& c : layout.columns)
        known.emplace(c.name, &c);
    const std::vector<std::string>& header = doc.rows.front();
    for (std::size_t i = 0; i < header.size(); ++i) {
        const std::string name = normalized_header(header[i]);
        if (name.empty()) continue;
        if (known.count(name) == 0) {
            rd.warnings.push_back({doc.file, 1, header[i],
                                   "column " + partnerqi::detail::column_letters(i) +
                                       " is not a column of " + doc.file +
                                       " (see README.txt); it was ignored"});
            continue;
        }
        auto [it, fresh] = doc.columns.emplace(name, i);
        if (!fresh) {
            rd.problem(doc.file, 1, name,
                       "appears twice, in columns " +
                           partnerqi::detail::column_letters(it->second) + " and " +
                           partnerqi::detail::column_letters(i) + "; keep one of them");
            doc.broken = true;
        }
    }
    for (const table_column& c : layout.columns) {
        if (c.required && doc.columns.count(c.name) == 0) {
            rd.problem(
                doc.file, 1, c.name,
                "is missing; add it to the header row (" + c.description + ": " + c.format + ")");
            doc.broken = true;
        }
    }
}

/// The study's own row: title, description, window.
void read_study(reader& rd) {
    const std::string file = file_of(study_table);
    table_doc& doc = rd.docs[file];
    model::date_window window(model::date::min(), model::date::max());
    std::string title, description;
    if (!doc.present) {
        rd.problem(file, 0, "",
                   "the file is missing; it holds the study's title, description and window "
                   "(write a template with 'partnerqi template')");
    } else if (!doc.broken) {
        std::size_t found = 0;
        for (std::size_t row = 1; row < doc.rows.size(); ++row) {
            if (doc.empty_row(row)) continue;
            if (++found > 1) {
                rd.problem(file, row + 1, "", "the study has one row; remove this one");
                continue;
            }
            title = std::string(doc.cell(row, doc.column("title")));
            description = std::string(doc.cell(row, doc.column("description")));
            const cell_place at{rd, file, row + 1, "window", 0, 0};
            model::date_window w;
            if (read_value(at, doc.cell(row, doc.column("window")), w) == outcome::ok) window = w;
        }
        if (found == 0) rd.problem(file, 2, "", "the study's row is missing; fill in row 2");
    }
    rd.study = model::case_study(std::move(title), window);
    rd.study.set_description(std::move(description));
}

}  // namespace

// ---- the public functions
// ------------------------------------------------------------------------

std::vector<table_layout> table_layouts() {
    std::vector<table_layout> out;
    table_layout study = layout_start(study_table);
    study.columns.push_back(column_of(study_table, "title", value_format<std::string>(), false));
    study.columns.push_back(
        column_of(study_table, "description", value_format<std::string>(), false));
    study.columns.push_back(
        column_of(study_table, "window", value_format<model::date_window>(), true));
    out.push_back(std::move(study));
    model::for_each_type(record_kinds{}, [&](auto* kind) {
        using R = std::remove_pointer_t<decltype(kind)>;
        table_layout l = layout_start(record_traits<R>::table);
        // Optional: a table written before another kind referred to its rows has no key column,
        // and then no row is named.
        if (has_key<R>()) {
            l.columns.push_back(column_of(record_traits<R>::table, std::string(key_column),
                                          "text, unique in the table; empty: no row names it",
                                          false));
        }
        add_field_columns<R>(record_traits<R>::table, l.columns);
        out.push_back(std::move(l));
        add_nested_layouts<R>(out);
    });
    return out;
}

std::string tables_readme() {
    std::ostringstream out;
    out << "A CASE STUDY AS TABLES\r\n"
           "======================\r\n\r\n"
           "This folder holds a case study of patient partnership in quality improvement as\r\n"
           "CSV tables, one per kind of record. Fill them in with a spreadsheet, then read\r\n"
           "them with:   partnerqi import FOLDER --out STUDY.pqi\r\n\r\n"
           "RULES\r\n"
           "-----\r\n"
           "- Save every table as \"CSV UTF-8\" (Excel: File > Save As > CSV UTF-8 (Comma\r\n"
           "  delimited); LibreOffice: Text CSV, character set Unicode (UTF-8)). Other\r\n"
           "  encodings are refused. Commas, quotes and line breaks inside a cell are fine.\r\n"
           "- The first row of a table is its header. Columns may come in any order; a column\r\n"
           "  the table does not know is ignored with a warning; a required column must be\r\n"
           "  there. Empty rows are skipped. Messages name rows as the spreadsheet numbers\r\n"
           "  them: the header is row 1.\r\n"
           "- An empty cell leaves an optional value unset (a name, a date, a tier, ...).\r\n"
           "- Dates are written YYYY-MM-DD, e.g. 2016-03-14; windows as the first and last\r\n"
           "  day, both included: 2015-01-01/2017-12-31. Format date columns as text so\r\n"
           "  that the spreadsheet does not rewrite them as 14/03/2016.\r\n"
           "- Records refer to each other by code: a person's organization is the code of a\r\n"
           "  row of organizations.csv, a code's parent the name of a row of codes.csv.\r\n"
           "  Codes are unique in their table and compared exactly (upper and lower case\r\n"
           "  differ).\r\n"
           "- A list of references is one cell, the codes separated by \";\", e.g.\r\n"
           "  PA-01;PA-02 (blanks around each code are ignored). A code that holds a \";\"\r\n"
           "  or a \"\\\" is written with a \"\\\" before it (A\\;B names the code A;B), and so\r\n"
           "  is a blank at its start or end.\r\n"
           "- Practice enactments have no code: their \"key\" column gives each row a\r\n"
           "  short unique text (exports write 1, 2, 3, ...), and segments.csv names them by\r\n"
           "  it in its \"supports\" column.\r\n"
           "- Team members are rows of team_members.csv naming the team by its code, in the\r\n"
           "  team's order.\r\n"
           "- Every table has a \"provenance\" column: reported (a fact the study reports),\r\n"
           "  user-entered (entered by you; an empty cell means this) or illustrative\r\n"
           "  (invented for examples).\r\n"
           "- Enum values (tier, role, kind, ...) are spelled as listed below; upper case\r\n"
           "  and underscores for hyphens are accepted.\r\n"
           "- Each record gets its number (id) from its row order, per table. A table that\r\n"
           "  is missing holds no records; study.csv is needed.\r\n"
           "- Limits: a file may be at most 256 MiB, a cell at most 16 MiB, a table at\r\n"
           "  most 16777216 cells.\r\n"
           "- Nothing is imported unless every table is valid: every problem is listed\r\n"
           "  with its file, row and column.\r\n\r\n"
           "TABLES\r\n"
           "------\r\n";
    for (const table_layout& l : table_layouts()) {
        out << "\r\n" << l.file << ": " << l.description << "\r\n";
        for (const table_column& c : l.columns) {
            out << "  " << c.name << " (" << (c.required ? "required" : "optional")
                << "): " << c.description << ".\r\n      " << c.format << "\r\n";
        }
    }
    return out.str();
}

void write_tables(const model::case_study& study, const fs::path& dir,
                  const tables_write_options& options, const run_control& control) {
    std::uint64_t records = 0;
    model::for_each_type(record_kinds{}, [&](auto* kind) {
        using R = std::remove_pointer_t<decltype(kind)>;
        records += study.all<R>().size();
    });
    partnerqi::detail::progress_meter meter(control, "writing the tables", records);
    std::uint64_t done = 0;
    const std::vector<table_layout> layouts = table_layouts();
    std::vector<table_file> files;
    table_writer head(dir, layouts.front().file, layouts.front().columns, options.cells);
    auto the_study = [] { return std::string("the study"); };
    head.cell(study.title(), "title", the_study);
    head.cell(study.description(), "description", the_study);
    head.cell(study.window().to_iso(), "window", the_study);
    head.end_row();
    files.push_back(head.finish());
    std::size_t at = 1;
    model::for_each_type(record_kinds{}, [&](auto* kind) {
        using R = std::remove_pointer_t<decltype(kind)>;
        write_kind<R>(study, dir, layouts, at, files, options.cells, meter, done);
    });
    files.emplace_back(std::string(readme_file), tables_readme());
    meter.finish();  // the last moment to stop: nothing is written before it
    write_folder(dir, files, options, true);
}

void write_table_template(const fs::path& dir, const tables_write_options& options) {
    std::vector<table_file> files;
    for (const table_layout& l : table_layouts())
        files.push_back(table_writer(dir, l.file, l.columns, options.cells).finish());
    files.emplace_back(std::string(readme_file), tables_readme());
    write_folder(dir, files, options, false);
}

std::string table_problem::text() const {
    std::string out;
    if (!file.empty()) {
        out += file;
        if (row) out += ":" + std::to_string(row);
        out += ": ";
    }
    if (!column.empty()) out += "column " + column + ": ";
    return out + message;
}

namespace {
std::string table_error_message(const fs::path& dir, const std::vector<table_problem>& problems,
                                std::size_t total) {
    std::string out = "the tables in \"" + dir.string() + "\" have " + std::to_string(total) +
                      (total == 1 ? " problem" : " problems") +
                      "; nothing was imported. Correct them and run again:";
    for (const table_problem& p : problems)
        out += "\n" + p.text();
    if (total > problems.size())
        out += "\nand " + std::to_string(total - problems.size()) + " more";
    return out;
}
}  // namespace

table_error::table_error(const fs::path& dir, std::vector<table_problem> problems,
                         std::size_t total, std::vector<table_problem> warnings)
    : error(table_error_message(dir, problems, total)),
      problems_(std::move(problems)),
      total_(total),
      warnings_(std::move(warnings)) {}

tables_read_result read_tables(const fs::path& dir) {
    reader rd;
    rd.dir = dir;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        rd.problem("", 0, "",
                   "\"" + dir.string() + "\" is not a folder; name the folder of the tables");
        throw table_error(dir, std::move(rd.problems), rd.total, {});
    }
    const std::vector<table_layout> layouts = table_layouts();
    std::unordered_set<std::string> known;
    for (const table_layout& l : layouts) {
        known.insert(l.file);
        table_doc& doc = rd.docs[l.file];
        doc.file = l.file;
        load_doc(rd, doc, l);
    }
    for (const fs::directory_entry& e : fs::directory_iterator(dir, ec)) {
        const std::string name = e.path().filename().string();
        if (partnerqi::detail::lower_ascii(e.path().extension().string()) == ".csv" &&
            known.count(name) == 0) {
            rd.warnings.push_back({name, 0, "",
                                   "is not a table of a case study (see README.txt); it was "
                                   "ignored"});
        }
    }
    read_study(rd);

    // The codes (or keys) each table holds, so that a reference to a row that has a problem
    // of its own is not reported twice, and one to a row further down says so.
    model::for_each_type(record_kinds{}, [&](auto* kind) {
        using R = std::remove_pointer_t<decltype(kind)>;
        constexpr std::size_t k = model::kind_index<R>;
        const table_doc& doc = rd.docs[file_of<R>()];
        rd.broken[k] = doc.broken;
        std::optional<std::size_t> col;
        if constexpr (model::has_code_v<R>)
            col = doc.column(code_column<R>());
        else if (has_key<R>())
            col = doc.column(key_column);
        if (!col || !doc.present) return;
        for (std::size_t row = 1; row < doc.rows.size(); ++row) {
            std::string code(model::has_code_v<R> ? doc.cell(row, col) : trim(doc.cell(row, col)));
            if (!code.empty()) rd.rows_of_code[k].emplace(std::move(code), row + 1);
        }
    });
    model::for_each_type(record_kinds{},
                         [&](auto* kind) { read_kind<std::remove_pointer_t<decltype(kind)>>(rd); });
    if (rd.total > 0)
        throw table_error(dir, std::move(rd.problems), rd.total, std::move(rd.warnings));
    return tables_read_result{std::move(rd.study), std::move(rd.warnings)};
}

}  // namespace partnerqi::io
