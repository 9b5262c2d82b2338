/// @file
/// REFI-QDA exchange: the coding of qualitative analysis tools (NVivo, ATLAS.ti, MAXQDA,
/// QualCoder, ...) read into a case study and written back out.
///
/// A `.qdpx` project is a zip archive holding `project.qde` (XML in the namespace
/// `urn:QDA-XML:project:1.0`, REFI-QDA Project Exchange 1.0 to 1.5) and a `sources/` folder; a
/// `.qdc` codebook is one XML file in the namespace `urn:QDA-XML:codebook:1.0`. The mapping:
/// - Users become the coders of coded segments (coded_segment::coder is the user's name);
/// - the CodeBook's nested Codes become the code tree (parent), Description the definition;
/// - a TextSource with a plain-text copy becomes a data source with that text; its name is the
///   source's code, its Description the title;
/// - each Coding of a PlainTextSelection becomes a coded segment of the creating user. The
///   standard counts positions in Unicode code points from 0, end exclusive; the model counts
///   bytes of UTF-8: positions are converted both ways;
/// - Notes become memos, about the source or code whose NoteRef names them;
/// - Cases are the study's cases (their sources are those of the case's organization) and the
///   people taking part in sources (their text label fields as text Variables): read back, a
///   Case named after a study case gives its organization to its sources, one named after a
///   person makes that person a participant of its sources and sets its label fields;
/// - Sets are waves: a Set named after a wave of the study puts its member sources in it.
///
/// Nothing is dropped silently: what partnerqi cannot hold (PDF, picture, audio and video
/// sources, rich text without a plain-text copy, graphs, links, variables, ...) is listed in the
/// import report, and what the standard cannot hold (teams, activities, enactments, ...) in the
/// export report. Imported records are marked provenance::user_entered.
///
/// - evaluation items, evaluation responses and influence-log entries (advisor_input, with its
///   decision and change), which the standard has no element for, become structured Notes: the
///   Note's name is the kind and the record's code (or its position among the responses, from
///   1), e.g. "advisor input IN-03"; its PlainTextContent is a first line
///   `partnerqi-record: <table> <record version>` (e.g. `partnerqi-record: influence_log 1`),
///   then one line `<field>: <value>` per field of the record registry, in registry order:
///   references by the code of the record named, a coded segment by the GUID of its Coding, dates
///   as YYYY-MM-DD, enums in their spelling, an unset value empty; a backslash and line breaks
///   in a value are written `\\`, `\n` and `\r`. An influence-log entry's Note is referred to
///   (NoteRef) from each source its fields name (input, decision and change evidence) and from the
///   PlainTextSelection of the coded segment quoting it; each kind's Notes are grouped in a Set
///   named after its table ("evaluation_items", "evaluation_responses", "influence_log").
///   Read back, a Note whose first line names one of these tables is read field by field (a
///   field left out keeps its default, so Notes of an earlier record version read; one of a
///   newer version is refused) after every other part of the project, kinds in registry order;
///   the records it names must exist in the study or the project (merge_qdpx into the study the
///   project came from; read_qdpx brings back the items, and reports the responses and inputs
///   whose respondent, advisor, team, ... it does not have). A record the study already has
///   (same code; for a response, the same values) is not added twice. A Note that does not read
///   back, e.g. edited by hand in another tool, is not imported, and the import report says
///   which line and field and why. Any other Note is a memo, as in projects written before.
///
/// What still does not map: the tools see the responses as Notes, not as Variables of the
/// respondents' Cases (a Variable describes a Case, with no item, scale, wave, team or date), so
/// they cannot filter Cases by a response; teams, activities, enactments and engagements have no
/// place at all, and the export report counts them.
///
/// Reading refuses hostile archives with partnerqi::load_error before using them: entries are
/// read into bounded memory (never extracted to disk), sizes and compression ratios are capped
/// (qdpx_limits), links and paths leaving the archive, duplicate entries, DTDs, entities, deep
/// nesting and invalid UTF-8 are refused.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "partnerqi/export.hpp"
#include "partnerqi/model/case_study.hpp"
#include "partnerqi/progress.hpp"

namespace partnerqi::io {

/// Upper bounds a REFI-QDA archive must respect to be read; exceeding one gives
/// partnerqi::load_error with category limit_exceeded. The defaults suit large real projects
/// (hundreds of long transcripts); lower them for archives from untrusted sources.
struct qdpx_limits {
    /// Largest uncompressed size of one entry read (project.qde or a text), default 256 MiB.
    std::uint64_t max_entry_bytes = std::uint64_t{256} << 20;
    /// Largest uncompressed size of all entries together, default 1 GiB (checked on the sizes
    /// the archive announces before reading anything, then on the bytes actually read).
    std::uint64_t max_total_bytes = std::uint64_t{1} << 30;
    /// Largest ratio of uncompressed to compressed size of an entry larger than
    /// ratio_threshold_bytes, and of all entries together when they are, default 100 (text
    /// compresses about 3 to 10 times; a zip bomb thousands of times).
    std::uint64_t max_compression_ratio = 100;
    /// Entries (and archives) up to this size are not held to max_compression_ratio, default
    /// 1 MiB.
    std::uint64_t ratio_threshold_bytes = std::uint64_t{1} << 20;
    /// Most entries in the archive, default 100 000.
    std::uint64_t max_entries = 100'000;
    /// Deepest nesting of XML elements, default 256 (codebooks nest a few levels).
    std::size_t max_xml_depth = 256;
};

/// How a REFI-QDA project or codebook is read.
struct qdpx_read_options {
    qdpx_limits limits;  ///< bounds on the archive and its XML
    /// The kind given to the data sources read (the standard does not say), default interview.
    model::source_kind source_kind = model::source_kind::interview;
    /// The coder of a coding that names no user, default "unknown coder".
    std::string unknown_coder = "unknown coder";
    /// The study window of a study read with read_qdpx or read_qdc (nothing imported is
    /// dated), default the widest window the model accepts.
    model::date_window window{model::date::min(), model::date::max()};
};

/// What an import or an export carried over, and what it could not, in words.
struct qdpx_report {
    std::size_t sources = 0;   ///< text sources carried over
    std::size_t codes = 0;     ///< codes carried over
    std::size_t segments = 0;  ///< codings (coded segments) carried over
    std::size_t memos = 0;     ///< notes (memos) carried over
    std::size_t coders = 0;    ///< users (coders) carried over
    /// Evaluation items, evaluation responses and influence-log entries carried over, as
    /// structured Notes.
    std::size_t records = 0;
    /// What was not carried over, one line per kind of loss, e.g. "2 PDF sources: partnerqi
    /// keeps only text sources; their 14 codings were not imported". Empty when nothing was
    /// lost.
    std::vector<std::string> left_out;
};

/// A case study read from a REFI-QDA project or codebook, with its report.
struct qdpx_import {
    model::case_study study;  ///< the study read, valid
    qdpx_report report;       ///< what was read and what was left out
};

/// Reads a `.qdpx` project into a new case study titled after the project.
///
/// Throws partnerqi::load_error naming the file, the entry and what to do when the archive is
/// unreadable, hostile or beyond the limits, or its project.qde is not a REFI-QDA project.
/// @code
/// io::qdpx_import imported = io::read_qdpx("interviews.qdpx");
/// for (const std::string& line : imported.report.left_out) std::cout << line << '\n';
/// @endcode
[[nodiscard]] PARTNERQI_EXPORT qdpx_import read_qdpx(const std::filesystem::path& file,
                                                     const qdpx_read_options& options = {});

/// Adds the coding of a `.qdpx` project to an existing case study: sources are matched by code
/// (the REFI-QDA source name), codes by name and coders by name; what does not exist is added.
/// A coding the study already has is not added twice; a matched source whose text differs from
/// the project's keeps its text and loses the project's codings on it (reported).
///
/// Throws like read_qdpx; on any error `study` is unchanged.
PARTNERQI_EXPORT qdpx_report merge_qdpx(model::case_study& study, const std::filesystem::path& file,
                                        const qdpx_read_options& options = {});

/// Writes a case study as a `.qdpx` project, atomically: its text sources, codebook, codings,
/// coders and memos, with waves as Sets, study cases and the people taking part in sources as
/// Cases, and evaluation records and the influence log as structured Notes. Each
/// object gets a GUID derived from its kind and code (a name-based UUID, RFC 9562 version 8 over
/// SHA-256), so that exporting the same study twice gives the same file.
///
/// Returns the report of what the standard cannot hold (records of kinds it has no place for,
/// fields it cannot express); throws partnerqi::save_error naming the file when writing fails,
/// and partnerqi::invalid_request_error when the codebook nests deeper than read_qdpx() reads
/// back with the default qdpx_limits::max_xml_depth (about 250 levels of codes).
///
/// Reports its progress to `control` one source and one coding at a time (step "writing the
/// project") and throws partnerqi::cancelled when its flag is raised, before anything is
/// written: `file` stays as it was, or absent.
PARTNERQI_EXPORT qdpx_report write_qdpx(const model::case_study& study,
                                        const std::filesystem::path& file,
                                        const run_control& control = {});

/// Writes the codebook of a case study alone as a `.qdc` file, atomically; returns what the
/// codebook format cannot hold. A study without codes is refused with
/// partnerqi::invalid_request_error (the format needs at least one code), and so is a codebook
/// that nests deeper than read_qdc() reads back (qdpx_limits::max_xml_depth).
///
/// Reports its progress to `control` one code at a time (step "writing the codebook") and throws
/// partnerqi::cancelled when its flag is raised, before anything is written: `file` stays as it
/// was, or absent.
PARTNERQI_EXPORT qdpx_report write_qdc(const model::case_study& study,
                                       const std::filesystem::path& file,
                                       const run_control& control = {});

/// Reads a `.qdc` codebook into a new case study holding only its codes; throws
/// partnerqi::load_error like read_qdpx.
[[nodiscard]] PARTNERQI_EXPORT qdpx_import read_qdc(const std::filesystem::path& file,
                                                    const qdpx_read_options& options = {});

}  // namespace partnerqi::io
