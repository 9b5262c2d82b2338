#include "partnerqi/io/refi_qda.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <set>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "partnerqi/detail/progress_meter.hpp"
#include "partnerqi/detail/text.hpp"
#include "partnerqi/error.hpp"
#include "partnerqi/io/detail/atomic_file.hpp"
#include "partnerqi/io/detail/qdpx_archive.hpp"
#include "partnerqi/io/detail/sha256.hpp"
#include "partnerqi/io/detail/utf8.hpp"
#include "partnerqi/version.hpp"

namespace partnerqi::io {

namespace {

using namespace model;
using category = load_error_category;

constexpr std::string_view project_namespace = "urn:QDA-XML:project:1.0";
constexpr std::string_view codebook_namespace = "urn:QDA-XML:codebook:1.0";

// ---- GUIDs and positions ----------------------------------------------------------------------

/// A name-based UUID (RFC 9562 version 8, the SHA-256 example of its appendix B.2) for an object
/// of partnerqi: the same kind and key always give the same GUID.
std::string guid_of(std::string_view kind, std::string_view key) {
    std::string name = "partnerqi:";
    name.append(kind).append(":").append(key);
    detail::sha256_digest d = detail::sha256(name);
    d[6] = static_cast<std::uint8_t>((d[6] & 0x0F) | 0x80);
    d[8] = static_cast<std::uint8_t>((d[8] & 0x3F) | 0x80);
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (std::size_t i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
        out += hex[d[i] >> 4];
        out += hex[d[i] & 0x0F];
    }
    return out;
}

/// A GUID as tools write it (upper or lower case, with or without braces), in one spelling.
std::string normal_guid(std::string_view text) {
    if (text.size() >= 2 && text.front() == '{' && text.back() == '}')
        text = text.substr(1, text.size() - 2);
    return partnerqi::detail::lower_ascii(text);
}

/// The byte offset of every code point of UTF-8 text, and the text's size last: element i is
/// where code point i starts. REFI-QDA positions index it; the model's offsets are its values.
std::vector<std::uint32_t> code_point_starts(std::string_view text) {
    std::vector<std::uint32_t> starts;
    starts.reserve(1 + static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
                       return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
                   })));
    for (std::size_t i = 0; i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
            starts.push_back(static_cast<std::uint32_t>(i));
    starts.push_back(static_cast<std::uint32_t>(text.size()));
    return starts;
}

/// The code point index of a byte offset, or no value when it is not at a code point's start.
std::optional<std::size_t> code_point_at(const std::vector<std::uint32_t>& starts,
                                         std::uint32_t byte) {
    const auto it = std::lower_bound(starts.begin(), starts.end(), byte);
    if (it == starts.end() || *it != byte) return std::nullopt;
    return static_cast<std::size_t>(it - starts.begin());
}

// ---- XML helpers: elements are matched by local name, whatever prefix a tool uses --------------

std::string_view local_name(const pugi::xml_node& node) {
    const std::string_view name = node.name();
    const std::size_t colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node child(const pugi::xml_node& node, std::string_view name) {
    for (pugi::xml_node c : node.children())
        if (c.type() == pugi::node_element && local_name(c) == name) return c;
    return {};
}

template <class F>
void each_child(const pugi::xml_node& node, std::string_view name, F&& f) {
    for (pugi::xml_node c : node.children())
        if (c.type() == pugi::node_element && local_name(c) == name) f(c);
}

std::size_t count_descendants(const pugi::xml_node& node, std::string_view name) {
    std::size_t n = 0;
    std::vector<pugi::xml_node> stack{node};
    while (!stack.empty()) {
        const pugi::xml_node at = stack.back();
        stack.pop_back();
        for (pugi::xml_node c : at.children()) {
            if (c.type() != pugi::node_element) continue;
            if (local_name(c) == name) ++n;
            stack.push_back(c);
        }
    }
    return n;
}

/// Refuses a root element that is not `name` in namespace `ns`.
void check_root(const pugi::xml_node& root, std::string_view name, std::string_view ns,
                const std::string& where) {
    const std::string_view qualified = root.name();
    const std::size_t colon = qualified.find(':');
    const std::string xmlns = colon == std::string_view::npos
                                  ? std::string("xmlns")
                                  : "xmlns:" + std::string(qualified.substr(0, colon));
    if (!root || local_name(root) != name || ns != root.attribute(xmlns.c_str()).value()) {
        throw load_error(category::not_a_case_study_file,
                         where + ": the root element is not " + std::string(name) +
                             " in the namespace " + std::string(ns) +
                             "; is this a REFI-QDA file? Export it again from the analysis tool");
    }
}

std::optional<std::int64_t> integer_attribute(const pugi::xml_node& node, const char* name) {
    const std::string_view text = node.attribute(name).value();
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || text.empty()) return std::nullopt;
    return value;
}

// ---- evidence records as structured Notes ------------------------------------------------------

/// The kinds the standard has no element for that are written as structured Notes: records whose
/// every field one line of text holds (no nested records), read back field by field.
template <class R>
constexpr bool as_note_v =
    std::is_same_v<R, evaluation_item> || std::is_same_v<R, evaluation_response> ||
    std::is_same_v<R, advisor_input>;

template <class T>
[[maybe_unused]] constexpr bool always_false_v = false;

/// The first line of a structured Note: this marker, the kind's table and its record version.
constexpr std::string_view record_marker = "partnerqi-record: ";

/// The GUID of the Set that groups the Notes of one kind.
template <class R>
std::string evidence_set_guid() {
    return guid_of("record set", record_traits<R>::table);
}

/// A value on one line of a Note: '\' and line breaks written as \\, \n and \r.
std::string escape_line(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\n')
            out += "\\n";
        else if (c == '\r')
            out += "\\r";
        else
            out += c;
    }
    return out;
}

/// The value escape_line() wrote, or no value for a '\' before anything else.
std::optional<std::string> unescape_line(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\\') {
            out += text[i];
            continue;
        }
        if (++i == text.size()) return std::nullopt;
        if (text[i] == '\\')
            out += '\\';
        else if (text[i] == 'n')
            out += '\n';
        else if (text[i] == 'r')
            out += '\r';
        else
            return std::nullopt;
    }
    return out;
}

/// A field of any record kind appended to a key that tells two records apart by value (ids by
/// number): two records with the same key are the same record.
template <class T>
void append_key(std::string& out, const T& value) {
    if constexpr (std::is_same_v<T, std::string>) {
        out += std::to_string(value.size()) + ':' + value;
    } else if constexpr (is_optional<T>::value) {
        out += value ? '+' : '-';
        if (value) append_key(out, *value);
    } else if constexpr (is_vector<T>::value) {
        out += std::to_string(value.size()) + '[';
        for (const auto& item : value)
            append_key(out, item);
    } else if constexpr (is_id<T>::value) {
        out += std::to_string(value.value);
    } else if constexpr (std::is_enum_v<T>) {
        out += std::to_string(static_cast<int>(value));
    } else if constexpr (std::is_same_v<T, date>) {
        out += value.to_iso();
    } else if constexpr (std::is_arithmetic_v<T>) {
        out += std::to_string(value);
    } else {
        static_assert(always_false_v<T>, "a field type partnerqi cannot compare in a Note");
    }
    out += '|';
}

/// The key of a record: every field but its id (see append_key).
template <class R>
std::string value_key(const R& r) {
    std::string out;
    for_each_field<R>([&](const auto& f) {
        if (!f.is(field_use::own_id)) append_key(out, r.*(f.member));
    });
    return out;
}

/// How a structured Note names its record: the record's code, else its 1-based position among
/// the records of its kind.
template <class R>
std::string note_key(const R& r, std::size_t index) {
    if constexpr (has_code_v<R>) {
        return code_of_record(r);
    } else {
        (void)r;
        return std::to_string(index + 1);
    }
}

/// Calls `f` with the id a field holds, if it holds one (an id, or an optional id that is set).
template <class T, class F>
void with_id(const T& value, F&& f) {
    if constexpr (is_id<T>::value) {
        f(value);
    } else if constexpr (is_optional<T>::value) {
        if (value) with_id(*value, f);
    }
}

// ---- import
// --------------------------------------------------------------------------------------

/// Losses counted by what they are, then listed in the report as "<count> <what>".
class losses {
public:
    void add(const std::string& what, std::size_t count = 1) {
        if (count > 0) counts_[what] += count;
    }
    void into(qdpx_report& report) const {
        for (const auto& [what, count] : counts_)
            report.left_out.push_back(std::to_string(count) + " " + what);
    }

private:
    std::map<std::string, std::size_t> counts_;
};

/// A structured Note waiting for the kinds it may name to be read.
struct pending_record {
    std::string table;  // the kind's table
    std::string text;   // the Note's plain text
};

/// Reads one project (or codebook) into a case study.
class importer {
public:
    importer(case_study& study, const qdpx_read_options& options, detail::bounded_zip* zip)
        : s_(study), options_(options), zip_(zip) {
        for (const coded_segment& seg : s_.data().all<coded_segment>())
            segments_.emplace(
                std::make_tuple(seg.source.value, seg.begin, seg.end, seg.code.value, seg.coder),
                seg.id);
        for_each_type(record_kinds{}, [&](auto* tag) {
            using R = std::remove_pointer_t<decltype(tag)>;
            if constexpr (as_note_v<R>) evidence_sets_.insert(normal_guid(evidence_set_guid<R>()));
        });
        for (const code& c : s_.data().all<code>())
            existing_codes_.insert(c.id.value);
        for (const memo& m : s_.data().all<memo>())
            memos_.emplace(m.title, m.text, m.source, m.code);
    }

    void read_project(const pugi::xml_node& project) {
        each_child(project, "Users", [&](const pugi::xml_node& users) {
            each_child(users, "User", [&](const pugi::xml_node& user) {
                std::string name = user.attribute("name").value();
                if (name.empty()) name = user.attribute("guid").value();
                users_[normal_guid(user.attribute("guid").value())] = name;
            });
        });
        if (const pugi::xml_node book = child(project, "CodeBook")) read_codebook(book);
        each_child(project, "Variables", [&](const pugi::xml_node& variables) {
            each_child(variables, "Variable", [&](const pugi::xml_node& v) {
                variables_[normal_guid(v.attribute("guid").value())] = v.attribute("name").value();
            });
        });
        each_child(project, "Sources",
                   [&](const pugi::xml_node& sources) { read_sources(sources); });
        each_child(project, "Cases", [&](const pugi::xml_node& cases) { read_cases(cases); });
        each_child(project, "Sets", [&](const pugi::xml_node& sets) { read_sets(sets); });
        each_child(project, "NoteRef", [&](const pugi::xml_node& ref) { note_about(ref, {}, {}); });
        each_child(project, "Notes", [&](const pugi::xml_node& notes) { read_notes(notes); });
        read_records();
        each_child(project, "Links", [&](const pugi::xml_node& links) {
            lost_.add("links between objects: partnerqi has no links",
                      count_descendants(links, "Link"));
        });
        each_child(project, "Graphs", [&](const pugi::xml_node& graphs) {
            lost_.add("graphs: partnerqi has no graphs", count_descendants(graphs, "Graph"));
        });
        static constexpr std::string_view known[] = {"Users",   "CodeBook",    "Variables", "Cases",
                                                     "Sources", "Notes",       "Links",     "Sets",
                                                     "Graphs",  "Description", "NoteRef"};
        for (pugi::xml_node c : project.children()) {
            if (c.type() != pugi::node_element) continue;
            if (std::find(std::begin(known), std::end(known), local_name(c)) == std::end(known))
                lost_.add("elements partnerqi does not know: <" + std::string(local_name(c)) + ">");
        }
        report_.coders = coders_.size();
    }

    void read_codebook(const pugi::xml_node& book) {
        if (const pugi::xml_node codes = child(book, "Codes")) read_codes(codes);
        each_child(book, "Sets", [&](const pugi::xml_node& sets) {
            lost_.add("sets of the codebook: partnerqi has no code groups",
                      count_descendants(sets, "Set"));
        });
    }

    qdpx_report finish() {
        lost_.into(report_);
        return std::move(report_);
    }

private:
    /// The codebook's nested codes, depth first with an explicit stack.
    void read_codes(const pugi::xml_node& codes) {
        std::vector<std::pair<pugi::xml_node, std::optional<code_id>>> stack;
        auto push_children = [&](const pugi::xml_node& node, std::optional<code_id> parent) {
            std::vector<pugi::xml_node> kids;
            each_child(node, "Code", [&](const pugi::xml_node& c) { kids.push_back(c); });
            for (auto it = kids.rbegin(); it != kids.rend(); ++it)
                stack.emplace_back(*it, parent);
        };
        push_children(codes, std::nullopt);
        while (!stack.empty()) {
            const auto [node, parent] = stack.back();
            stack.pop_back();
            std::string name = node.attribute("name").value();
            if (name.empty()) {
                lost_.add("codes without a name, with the codes under them");
                continue;
            }
            if (std::string_view(node.attribute("isCodable").value()) == "false")
                lost_.add(
                    "codes marked not codable (isCodable=\"false\"): imported as "
                    "ordinary codes, partnerqi has no such mark");
            if (!std::string_view(node.attribute("color").value()).empty())
                lost_.add("code colours: partnerqi keeps no colours");
            std::optional<code_id> id = s_.find<code>(name);
            if (id && existing_codes_.count(id->value) == 0) {
                // The same name twice in the project: named after its parent, as tools show it.
                if (parent) name = s_.get(*parent).name + "/" + name;
                // Then numbered, each base name counting on from where it stopped (never
                // trying the same numbers again: linear however many codes share a name).
                const std::string base = name;
                while (s_.find<code>(name))
                    name = base + " (" + std::to_string(++renamed_[base] + 1) + ")";
                lost_.add("codes whose name was already taken: renamed after their parent");
                id.reset();
            }
            if (!id) {
                code c;
                c.name = name;
                c.parent = parent;
                c.definition = child(node, "Description").text().get();
                try {
                    id = s_.add(c);
                    ++report_.codes;
                } catch (const validation_error& e) {
                    lost_.add(std::string("codes refused by the study (") + e.what() + ")");
                    continue;
                }
            } else {
                ++report_.codes;
            }
            codes_[normal_guid(node.attribute("guid").value())] = *id;
            each_child(node, "NoteRef",
                       [&](const pugi::xml_node& ref) { note_about(ref, {}, *id); });
            push_children(node, *id);
        }
    }

    void read_sources(const pugi::xml_node& sources) {
        for (pugi::xml_node node : sources.children()) {
            if (node.type() != pugi::node_element) continue;
            const std::string_view kind = local_name(node);
            if (kind == "TextSource") {
                read_text_source(node);
                continue;
            }
            static const std::map<std::string_view, std::string_view> others = {
                {"PDFSource", "PDF"},
                {"PictureSource", "picture"},
                {"AudioSource", "audio"},
                {"VideoSource", "video"}};
            const auto it = others.find(kind);
            const std::string label =
                it != others.end() ? std::string(it->second) : "<" + std::string(kind) + ">";
            lost_.add(label + " sources: partnerqi keeps only text sources");
            lost_.add("codings of " + label + " sources", count_descendants(node, "Coding"));
        }
    }

    /// The plain text of a TextSource or Note, or no value (the loss is counted).
    std::optional<std::string> plain_text(const pugi::xml_node& node, const std::string& what) {
        if (const pugi::xml_node content = child(node, "PlainTextContent"))
            return std::string(content.text().get());
        const std::string_view path = node.attribute("plainTextPath").value();
        if (path.empty()) {
            lost_.add(what +
                      " with no plain-text copy (only richTextPath, e.g. a .docx): "
                      "partnerqi cannot read them");
            return std::nullopt;
        }
        constexpr std::string_view internal = "internal://";
        if (path.substr(0, internal.size()) != internal || zip_ == nullptr) {
            lost_.add(what +
                      " whose plain text lies outside the archive (absolute:// or "
                      "relative:// paths): not read");
            return std::nullopt;
        }
        const std::string entry = "sources/" + std::string(path.substr(internal.size()));
        std::optional<std::string> text = zip_->read(entry);
        if (!text) {
            lost_.add(what + " whose plain-text file is missing from the archive");
            return std::nullopt;
        }
        detail::check_utf8(*text, zip_->where() + ": entry '" + entry + "'");
        return text;
    }

    void read_text_source(const pugi::xml_node& node) {
        std::string name = node.attribute("name").value();
        if (name.empty()) name = node.attribute("guid").value();
        const std::size_t codings = count_descendants(node, "Coding");
        std::optional<std::string> text = plain_text(node, "text sources");
        if (!text) {
            lost_.add("codings of text sources partnerqi could not read", codings);
            return;
        }
        source_id id;
        if (const std::optional<source_id> existing = s_.find<data_source>(name)) {
            data_source src = s_.get(*existing);
            if (src.text.empty() && !text->empty()) {
                src.text = *text;
                try {
                    s_.update(src);
                } catch (const validation_error& e) {
                    lost_.add(std::string("sources refused by the study (") + e.what() + ")");
                    lost_.add("codings of sources refused by the study", codings);
                    return;
                }
            } else if (src.text != *text) {
                lost_.add(
                    "codings on sources whose text differs from the study's source of the "
                    "same code: not imported, their positions would not match",
                    codings);
                return;
            }
            id = *existing;
        } else {
            data_source src;
            src.code = name;
            src.kind = options_.source_kind;
            src.title = child(node, "Description").text().get();
            if (src.title.empty()) src.title = name;
            src.text = *text;
            try {
                id = s_.add(src);
            } catch (const validation_error& e) {
                lost_.add(std::string("sources refused by the study (") + e.what() + ")");
                lost_.add("codings of sources refused by the study", codings);
                return;
            }
        }
        ++report_.sources;
        sources_[normal_guid(node.attribute("guid").value())] = id;
        each_child(node, "NoteRef", [&](const pugi::xml_node& ref) { note_about(ref, id, {}); });
        lost_.add("variable values of sources: partnerqi has no source variables",
                  count_descendants(node, "VariableValue"));

        const std::vector<std::uint32_t> starts = code_point_starts(*text);
        each_child(node, "Coding", [&](const pugi::xml_node& coding) {
            add_segment(id, *text, 0, static_cast<std::uint32_t>(text->size()), coding, node);
        });
        each_child(node, "PlainTextSelection", [&](const pugi::xml_node& sel) {
            const auto first = integer_attribute(sel, "startPosition");
            const auto last = integer_attribute(sel, "endPosition");
            const auto size = static_cast<std::int64_t>(starts.size() - 1);
            if (!first || !last || *first < 0 || *first > *last || *last > size) {
                lost_.add("codings on selections outside their source's text",
                          count_descendants(sel, "Coding"));
                return;
            }
            const std::uint32_t begin = starts[static_cast<std::size_t>(*first)];
            const std::uint32_t end = starts[static_cast<std::size_t>(*last)];
            each_child(sel, "Coding", [&](const pugi::xml_node& coding) {
                add_segment(id, *text, begin, end, coding, sel);
            });
            each_child(sel, "NoteRef", [&](const pugi::xml_node& ref) {
                lost_.add("notes on selections: attached to the selection's source");
                note_about(ref, id, {});
            });
        });
    }

    void add_segment(source_id source, const std::string& text, std::uint32_t begin,
                     std::uint32_t end, const pugi::xml_node& coding,
                     const pugi::xml_node& selection) {
        const auto code_it =
            codes_.find(normal_guid(child(coding, "CodeRef").attribute("targetGUID").value()));
        if (code_it == codes_.end()) {
            lost_.add("codings naming a code that is not in the codebook");
            return;
        }
        std::string user = coding.attribute("creatingUser").value();
        if (user.empty()) user = selection.attribute("creatingUser").value();
        std::string coder = options_.unknown_coder;
        if (!user.empty()) {
            const auto it = users_.find(normal_guid(user));
            coder = it != users_.end() ? it->second : user;
        }
        each_child(coding, "NoteRef",
                   [&](const pugi::xml_node& ref) { note_about(ref, source, {}); });
        const std::string coding_guid = normal_guid(coding.attribute("guid").value());
        const auto [known, added] = segments_.emplace(
            std::make_tuple(source.value, begin, end, code_it->second.value, coder), segment_id{});
        if (!added) {
            codings_[coding_guid] = known->second;
            lost_.add("codings the study already has: not added twice");
            return;
        }
        coded_segment seg;
        seg.source = source;
        seg.begin = begin;
        seg.end = end;
        seg.code = code_it->second;
        seg.coder = coder;
        seg.text = text.substr(begin, end - begin);
        try {
            known->second = s_.add(seg);
            codings_[coding_guid] = known->second;
            ++report_.segments;
            coders_.insert(coder);
        } catch (const validation_error& e) {
            segments_.erase(known);
            lost_.add(std::string("codings refused by the study (") + e.what() + ")");
        }
    }

    /// Remembers what a note is about (the first source and the first code naming it).
    void note_about(const pugi::xml_node& ref, std::optional<source_id> source,
                    std::optional<code_id> code) {
        auto& about = notes_[normal_guid(ref.attribute("targetGUID").value())];
        if (!about.first) about.first = source;
        if (!about.second) about.second = code;
    }

    void read_notes(const pugi::xml_node& notes) {
        each_child(notes, "Note", [&](const pugi::xml_node& note) {
            std::optional<std::string> text = plain_text(note, "notes");
            if (!text) return;
            const std::string_view t = *text;
            if (t.substr(0, record_marker.size()) == record_marker) {
                const std::string_view rest =
                    t.substr(record_marker.size(), t.find('\n') - record_marker.size());
                const std::string_view table = rest.substr(0, rest.find(' '));
                bool known = false;
                for_each_type(record_kinds{}, [&](auto* tag) {
                    using R = std::remove_pointer_t<decltype(tag)>;
                    if constexpr (as_note_v<R>) known = known || table == record_traits<R>::table;
                });
                if (known) {
                    lost_.add("codings inside notes: partnerqi does not code memos",
                              count_descendants(note, "Coding"));
                    records_.push_back({std::string(table), std::move(*text)});
                    return;
                }
            }
            memo m;
            m.title = note.attribute("name").value();
            m.text = std::move(*text);
            const auto it = notes_.find(normal_guid(note.attribute("guid").value()));
            if (it != notes_.end()) std::tie(m.source, m.code) = it->second;
            lost_.add("codings inside notes: partnerqi does not code memos",
                      count_descendants(note, "Coding"));
            if (!memos_.emplace(m.title, m.text, m.source, m.code).second) {
                lost_.add("notes the study already has: not added twice");
                return;
            }
            try {
                s_.add(m);
                ++report_.memos;
            } catch (const validation_error& e) {
                lost_.add(std::string("notes refused by the study (") + e.what() + ")");
            }
        });
    }

    /// The structured Notes read, kind by kind in registry order (items before the responses
    /// that name them), whatever order the tool wrote them in.
    void read_records() {
        for_each_type(record_kinds{}, [&](auto* tag) {
            using R = std::remove_pointer_t<decltype(tag)>;
            if constexpr (as_note_v<R>) {
                for (const pending_record& p : records_)
                    if (p.table == record_traits<R>::table) read_record<R>(p);
            }
        });
        records_.clear();
    }

    /// One structured Note: a field per line, "name: value"; a field left out keeps the kind's
    /// default (so Notes of an earlier record version read). A Note that does not read back, or
    /// that the study refuses, is not imported, and the report says why.
    template <class R>
    void read_record(const pending_record& p) {
        const std::string kind(record_traits<R>::kind);
        R r{};
        std::string why = parse_record(p.text, r);
        if (why.empty()) {
            // A record the study already has is not added twice: the same code, or, for a kind
            // without codes, the same values, each record of the study matching one Note (a
            // study may hold equal responses). Its records are counted once, at its first Note.
            bool known = false;
            if constexpr (has_code_v<R>) {
                known = s_.find<R>(code_of_record(r)).has_value();
            } else {
                std::unordered_map<std::string, std::size_t>& held = held_[kind_index<R>];
                if (!counted_[kind_index<R>]) {
                    for (const R& existing : s_.all<R>())
                        ++held[value_key(existing)];
                    counted_[kind_index<R>] = true;
                }
                const auto it = held.find(value_key(r));
                known = it != held.end() && it->second > 0;
                if (known) --it->second;
            }
            if (known) {
                lost_.add(kind + " notes the study already has: not added twice");
                return;
            }
            try {
                s_.add(r);
                ++report_.records;
                return;
            } catch (const validation_error& e) {
                why = e.what();
            }
        }
        lost_.add(kind + " notes not imported (" + why + ")");
    }

    /// Reads the lines of a structured Note into `r`; returns what is wrong, empty when nothing.
    template <class R>
    std::string parse_record(std::string_view text, R& r) {
        std::size_t line_end = text.find('\n');
        const std::string_view header = text.substr(0, line_end);
        const std::string_view version_text =
            header.substr(std::min(header.size(), header.rfind(' ') + 1));
        unsigned version = 0;
        const auto [end, ec] = std::from_chars(version_text.data(),
                                               version_text.data() + version_text.size(), version);
        if (ec != std::errc{} || end != version_text.data() + version_text.size())
            return "its first line gives no record version";
        if (version > record_traits<R>::version)
            return "record version " + std::to_string(version) +
                   " is newer than this partnerqi's " + std::to_string(record_traits<R>::version) +
                   "; update partnerqi";
        std::set<std::string_view> seen;
        std::size_t line = 1;
        while (line_end != std::string_view::npos) {
            const std::size_t start = line_end + 1;
            line_end = text.find('\n', start);
            std::string_view row =
                text.substr(start, line_end == std::string_view::npos ? std::string_view::npos
                                                                      : line_end - start);
            ++line;
            if (!row.empty() && row.back() == '\r') row.remove_suffix(1);
            if (row.empty()) continue;
            const std::string at = "line " + std::to_string(line) + ": ";
            const std::size_t colon = row.find(": ");
            const std::string_view name = colon == std::string_view::npos
                                              ? row.substr(0, row.size() - (row.back() == ':'))
                                              : row.substr(0, colon);
            const std::string_view raw =
                colon == std::string_view::npos ? std::string_view() : row.substr(colon + 2);
            const std::optional<std::string> value = unescape_line(raw);
            if (!value) return at + "a '\\' before something other than \\, n or r";
            if (!seen.insert(name).second) return at + "field '" + std::string(name) + "' twice";
            std::string problem =
                "no field '" + std::string(name) + "' in a " + std::string(record_traits<R>::kind);
            for_each_field<R>([&](const auto& f) {
                if (f.is(field_use::own_id) || name != f.name) return;
                problem = read_value(*value, r.*(f.member));
                if (!problem.empty()) problem = "field '" + std::string(name) + "': " + problem;
            });
            if (!problem.empty()) return at + problem;
        }
        return {};
    }

    /// Reads one field's value; returns what is wrong, empty when nothing.
    template <class T>
    std::string read_value(const std::string& text, T& out) {
        if constexpr (std::is_same_v<T, std::string>) {
            out = text;
            return {};
        } else if constexpr (is_optional<T>::value) {
            if (text.empty()) {
                out.reset();
                return {};
            }
            typename T::value_type value{};
            std::string problem = read_value(text, value);
            if (problem.empty()) out = std::move(value);
            return problem;
        } else if constexpr (is_id<T>::value) {
            using Target = record_for_id<T>;
            if constexpr (std::is_same_v<Target, coded_segment>) {
                const auto it = codings_.find(normal_guid(text));
                if (it == codings_.end())
                    return "\"" + text + "\" is the GUID of no coding read from the project";
                out = it->second;
                return {};
            } else if constexpr (has_code_v<Target>) {
                if (const auto id = s_.find<Target>(text)) {
                    out = *id;
                    return {};
                }
                return "no " + std::string(record_traits<Target>::kind) + " has the code \"" +
                       text + "\" in the study; merge the project into the study it came from";
            } else {  // a record's own id, never read (the study assigns it)
                return "a " + std::string(record_traits<Target>::kind) + " cannot be named here";
            }
        } else if constexpr (std::is_enum_v<T>) {
            try {
                out = parse<T>(text);
                return {};
            } catch (const parse_error&) {
                return "\"" + text + "\" is not one of " + accepted_spellings<T>();
            }
        } else if constexpr (std::is_same_v<T, date>) {
            try {
                out = date::from_iso(text);
                return {};
            } catch (const error&) {
                return "\"" + text + "\" is not a date written YYYY-MM-DD";
            }
        } else if constexpr (std::is_same_v<T, bool>) {
            if (text != "true" && text != "false") return "\"" + text + "\" is not true or false";
            out = text == "true";
            return {};
        } else if constexpr (std::is_integral_v<T>) {
            const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
            if (ec != std::errc{} || end != text.data() + text.size() || text.empty())
                return "\"" + text + "\" is not a whole number from " +
                       std::to_string(std::numeric_limits<T>::min()) + " to " +
                       std::to_string(std::numeric_limits<T>::max());
            return {};
        } else {
            static_assert(always_false_v<T>, "a field type a Note cannot hold");
        }
    }

    /// A Case named after a person of the study: the person takes part in the case's sources
    /// and its text variables named after a person's label field set that field.
    void read_cases(const pugi::xml_node& cases) {
        each_child(cases, "Case", [&](const pugi::xml_node& c) {
            lost_.add("codes and selections of cases: partnerqi does not attach them to cases",
                      count_descendants(c, "CodeRef") + count_descendants(c, "SelectionRef"));
            if (const auto sc = s_.find<study_case>(c.attribute("name").value())) {
                read_study_case(c, s_.get(*sc).organization);
                return;
            }
            const std::optional<person_id> who = s_.find<person>(c.attribute("name").value());
            if (!who) {
                lost_.add(
                    "cases that name no case or person of the study: partnerqi's cases are "
                    "organizations and teams");
                return;
            }
            each_child(c, "SourceRef", [&](const pugi::xml_node& ref) {
                const auto it = sources_.find(normal_guid(ref.attribute("targetGUID").value()));
                if (it == sources_.end()) return;
                data_source src = s_.get(it->second);
                if (std::find(src.participants.begin(), src.participants.end(), *who) !=
                    src.participants.end())
                    return;
                src.participants.push_back(*who);
                try {
                    s_.update(src);
                } catch (const validation_error& e) {
                    lost_.add(std::string("case members refused by the study (") + e.what() + ")");
                }
            });
            each_child(c, "VariableValue", [&](const pugi::xml_node& value) {
                const std::string name = variables_[normal_guid(
                    child(value, "VariableRef").attribute("targetGUID").value())];
                const pugi::xml_node text = child(value, "TextValue");
                person p = s_.get(*who);
                bool set = false;
                for_each_field<person>([&](const auto& d) {
                    using T = typename std::decay_t<decltype(d)>::value_type;
                    if constexpr (std::is_same_v<T, std::string>) {
                        if (text && d.is(field_use::label) && name == d.name) {
                            p.*(d.member) = text.text().get();
                            set = true;
                        }
                    }
                });
                if (!set) {
                    lost_.add("case variable values that name no text field of a person");
                    return;
                }
                try {
                    s_.update(p);
                } catch (const validation_error& e) {
                    lost_.add(std::string("case variable values refused by the study (") +
                              e.what() + ")");
                }
            });
        });
    }

    /// A Case named after a case of the study: its sources without an organization are of the
    /// case's organization.
    void read_study_case(const pugi::xml_node& c, organization_id organization) {
        lost_.add("variable values of cases that are not people",
                  count_descendants(c, "VariableValue"));
        each_child(c, "SourceRef", [&](const pugi::xml_node& ref) {
            const auto it = sources_.find(normal_guid(ref.attribute("targetGUID").value()));
            if (it == sources_.end()) return;
            data_source src = s_.get(it->second);
            if (src.organization) return;
            src.organization = organization;
            try {
                s_.update(src);
            } catch (const validation_error& e) {
                lost_.add(std::string("case sources refused by the study (") + e.what() + ")");
            }
        });
    }

    /// A Set named after a wave of the study puts its member sources in that wave.
    void read_sets(const pugi::xml_node& sets) {
        each_child(sets, "Set", [&](const pugi::xml_node& set) {
            // The Sets grouping structured Notes by kind: their Notes are read as records.
            if (evidence_sets_.count(normal_guid(set.attribute("guid").value()))) return;
            const std::optional<wave_id> w = s_.find<wave>(set.attribute("name").value());
            if (!w) {
                lost_.add("sets that name no wave of the study: partnerqi has no other groups");
                return;
            }
            each_child(set, "MemberSource", [&](const pugi::xml_node& ref) {
                const auto it = sources_.find(normal_guid(ref.attribute("targetGUID").value()));
                if (it == sources_.end()) return;
                data_source src = s_.get(it->second);
                if (src.wave == w) return;
                src.wave = w;
                try {
                    s_.update(src);
                } catch (const validation_error& e) {
                    lost_.add(std::string("wave members refused by the study (") + e.what() + ")");
                }
            });
            lost_.add("codes and notes of sets: partnerqi's waves hold sources",
                      count_descendants(set, "MemberCode") + count_descendants(set, "MemberNote"));
        });
    }

    case_study& s_;
    const qdpx_read_options& options_;
    detail::bounded_zip* zip_;
    qdpx_report report_;
    losses lost_;
    std::unordered_map<std::string, std::string> users_;
    std::unordered_map<std::string, std::string> variables_;
    std::unordered_map<std::string, code_id> codes_;
    std::unordered_map<std::string, source_id> sources_;
    std::unordered_map<std::string, std::pair<std::optional<source_id>, std::optional<code_id>>>
        notes_;
    std::unordered_set<std::uint32_t> existing_codes_;
    std::map<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t, std::uint32_t, std::string>,
             segment_id>
        segments_;
    std::unordered_map<std::string, segment_id> codings_;  // by the Coding's GUID
    std::unordered_set<std::string> evidence_sets_;
    std::vector<pending_record> records_;
    // Per kind without codes: how many records of the study have each value key, not yet
    // matched by a Note.
    std::unordered_map<std::size_t, std::unordered_map<std::string, std::size_t>> held_;
    std::unordered_map<std::size_t, bool> counted_;
    std::set<std::string> coders_;
    std::unordered_map<std::string, std::size_t> renamed_;
    std::set<std::tuple<std::string, std::string, std::optional<source_id>, std::optional<code_id>>>
        memos_;
};

pugi::xml_document project_of(detail::bounded_zip& zip, const qdpx_read_options& options) {
    const std::optional<std::string> qde = zip.read("project.qde");
    if (!qde) {
        throw load_error(category::not_a_case_study_file,
                         zip.where() +
                             ": no project.qde at the root of the archive; is this a REFI-QDA "
                             "project (.qdpx)? Export it again from the analysis tool");
    }
    pugi::xml_document doc;
    const std::string where = zip.where() + ": entry 'project.qde'";
    detail::parse_xml(doc, *qde, options.limits, where);
    check_root(doc.document_element(), "Project", project_namespace, where);
    return doc;
}

qdpx_import read_archive(detail::bounded_zip& zip, const qdpx_read_options& options) {
    const pugi::xml_document doc = project_of(zip, options);
    const pugi::xml_node project = doc.document_element();
    qdpx_import out{case_study(project.attribute("name").value(), options.window), {}};
    out.study.set_description(child(project, "Description").text().get());
    importer reader(out.study, options, &zip);
    reader.read_project(project);
    out.report = reader.finish();
    return out;
}

// ---- export
// --------------------------------------------------------------------------------------

/// The fields of an exported kind that the standard holds; the kinds it has no place for give
/// no value. Every other field is reported when a record gives it a value.
template <class R>
std::optional<std::vector<std::string_view>> carried_fields() {
    if constexpr (std::is_same_v<R, data_source>)
        return {{"code", "title", "text", "wave", "participants"}};
    if constexpr (std::is_same_v<R, code>) return {{"name", "parent", "definition"}};
    if constexpr (std::is_same_v<R, coded_segment>)
        return {{"source", "begin", "end", "code", "coder", "text"}};
    if constexpr (std::is_same_v<R, memo>) return {{"title", "text", "source", "code"}};
    if constexpr (std::is_same_v<R, wave>) return {{"code", "label"}};
    if constexpr (std::is_same_v<R, person>) return {{"code", "profession", "role_label"}};
    if constexpr (std::is_same_v<R, study_case>) return {{"code", "label", "organization"}};
    return std::nullopt;
}

/// Reports, walking the registry, the records of kinds the export has no place for and the
/// fields of exported kinds it cannot hold. `only` limits the walk to one kind (the codebook).
template <class Only = void>
void report_unexported(const case_study_data& d, losses& lost) {
    for_each_type(record_kinds{}, [&](auto* tag) {
        using R = std::remove_pointer_t<decltype(tag)>;
        if constexpr (!std::is_void_v<Only> && !std::is_same_v<Only, R>) {
            return;
        } else {
            if constexpr (as_note_v<R>) return;  // every field, in a structured Note
            const std::vector<R>& records = d.all<R>();
            const std::string kind(record_traits<R>::kind);
            const auto carried = carried_fields<R>();
            if (!carried) {
                lost.add(kind + " records: the REFI-QDA export has no place for them",
                         records.size());
                return;
            }
            const R blank{};
            for_each_field<R>([&](const auto& f) {
                if (f.is(field_use::own_id) ||
                    std::find(carried->begin(), carried->end(), f.name) != carried->end())
                    return;
                const auto n = std::count_if(records.begin(), records.end(), [&](const R& r) {
                    return r.*(f.member) != blank.*(f.member);
                });
                lost.add(kind + " field '" + f.name + "': the REFI-QDA export has no place for it",
                         static_cast<std::size_t>(n));
            });
        }
    });
}

/// Appends the code tree under `codes` (a Codes element, `codes_depth` levels deep in the
/// document), depth first with an explicit stack; `on_code` adds what goes inside each Code
/// before its children. A code tree that would nest deeper than partnerqi reads back
/// (qdpx_limits::max_xml_depth) is refused, naming `where`: it could not be imported again, and
/// its indentation alone would grow with the square of its depth.
template <class OnCode>
void write_codes(const case_study_data& d, pugi::xml_node codes, std::size_t codes_depth,
                 const std::string& where, OnCode&& on_code) {
    const std::vector<code>& all = d.all<code>();
    std::unordered_map<std::uint32_t, std::size_t> index;
    for (std::size_t i = 0; i < all.size(); ++i)
        index[all[i].id.value] = i;
    std::vector<std::vector<std::size_t>> children(all.size());
    std::vector<std::size_t> roots;
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (all[i].parent && index.count(all[i].parent->value))
            children[index[all[i].parent->value]].push_back(i);
        else
            roots.push_back(i);
    }
    struct pending {
        std::size_t index;
        pugi::xml_node parent;
        std::size_t depth;  // of the Code element to write
    };
    const std::size_t max_depth = qdpx_limits{}.max_xml_depth;
    std::vector<pending> stack;
    for (auto it = roots.rbegin(); it != roots.rend(); ++it)
        stack.push_back({*it, codes, codes_depth + 1});
    while (!stack.empty()) {
        auto [i, parent, depth] = stack.back();
        stack.pop_back();
        const code& c = all[i];
        if (depth + 1 > max_depth) {  // + 1: the elements inside a Code
            throw invalid_request_error(
                where + ": code \"" + c.name + "\" lies " + std::to_string(depth - codes_depth) +
                " codes deep, deeper than a REFI-QDA file partnerqi reads back may nest (" +
                std::to_string(max_depth) +
                " XML levels, qdpx_limits::max_xml_depth); give the codebook fewer levels");
        }
        pugi::xml_node node = parent.append_child("Code");
        node.append_attribute("guid") = guid_of("code", c.name).c_str();
        node.append_attribute("name") = c.name.c_str();
        node.append_attribute("isCodable") = "true";
        if (!c.definition.empty()) node.append_child("Description").text() = c.definition.c_str();
        on_code(c, node);
        for (auto it = children[i].rbegin(); it != children[i].rend(); ++it)
            stack.push_back({*it, node, depth + 1});
    }
}

/// The record of kind R with this id in `d` (its records are in id order).
template <class R>
const R& record_in(const case_study_data& d, id_of<R> id) {
    const std::vector<R>& all = d.all<R>();
    // (r.id) in parentheses: unqualified, `id <` would name the template model::id.
    return *std::lower_bound(all.begin(), all.end(), id,
                             [](const R& r, id_of<R> i) { return (r.id) < i; });
}

/// Writes the records of the kinds the standard has no element for as structured Notes (see
/// io/refi_qda.hpp): a first line naming the kind's table and record version, then one line
/// "field: value" per field of the registry, references by code (a coded segment by the GUID of
/// its Coding).
class record_notes {
public:
    record_notes(const case_study_data& d, losses& lost) : d_(d), lost_(lost) {}

    /// Where the structured Notes are referred to from: the sources and coded segments their
    /// fields name (their evidence), each Note once per source or segment.
    void link(std::unordered_map<std::uint32_t, std::vector<std::string>>& notes_of_source,
              std::unordered_map<std::uint32_t, std::vector<std::string>>& notes_of_segment) const {
        each_record([&](const auto& r, const std::string& guid, const std::string&) {
            using R = std::decay_t<decltype(r)>;
            for_each_field<R>([&](const auto& f) {
                with_id(r.*(f.member), [&](auto id) {
                    using Id = decltype(id);
                    auto add = [&](std::vector<std::string>& refs) {
                        if (std::find(refs.begin(), refs.end(), guid) == refs.end())
                            refs.push_back(guid);
                    };
                    if constexpr (std::is_same_v<Id, source_id>) add(notes_of_source[id.value]);
                    if constexpr (std::is_same_v<Id, segment_id>) add(notes_of_segment[id.value]);
                });
            });
        });
    }

    /// Appends the Notes, given the GUID of the Coding of each coded segment exported.
    std::size_t write(pugi::xml_node notes,
                      const std::unordered_map<std::uint32_t, std::string>& coding_of_segment) {
        std::size_t written = 0;
        each_record([&](const auto& r, const std::string& guid, const std::string& key) {
            using R = std::decay_t<decltype(r)>;
            std::string text = std::string(record_marker) + std::string(record_traits<R>::table) +
                               " " + std::to_string(record_traits<R>::version) + "\n";
            for_each_field<R>([&](const auto& f) {
                if (f.is(field_use::own_id)) return;
                text.append(f.name).append(": ");
                text += escape_line(value_text(r.*(f.member), coding_of_segment, f.name));
                text += '\n';
            });
            pugi::xml_node note = notes.append_child("Note");
            note.append_attribute("guid") = guid.c_str();
            note.append_attribute("name") =
                (std::string(record_traits<R>::kind) + " " + key).c_str();
            note.append_child("PlainTextContent").text() = text.c_str();
            ++written;
        });
        return written;
    }

    /// Appends a Set per kind that has records, of its Notes.
    void write_sets(const std::function<pugi::xml_node()>& sets) const {
        for_each_type(record_kinds{}, [&](auto* tag) {
            using R = std::remove_pointer_t<decltype(tag)>;
            if constexpr (as_note_v<R>) {
                const std::vector<R>& all = d_.all<R>();
                if (all.empty()) return;
                pugi::xml_node set = sets().append_child("Set");
                set.append_attribute("guid") = evidence_set_guid<R>().c_str();
                set.append_attribute("name") = std::string(record_traits<R>::table).c_str();
                set.append_child("Description").text() =
                    ("partnerqi " + std::string(record_traits<R>::kind) +
                     " records, one structured Note each")
                        .c_str();
                for (std::size_t i = 0; i < all.size(); ++i)
                    set.append_child("MemberNote").append_attribute("targetGUID") =
                        guid_of(record_traits<R>::table, note_key(all[i], i)).c_str();
            }
        });
    }

    /// True when there is a record to write.
    [[nodiscard]] bool any() const {
        bool found = false;
        for_each_type(record_kinds{}, [&](auto* tag) {
            using R = std::remove_pointer_t<decltype(tag)>;
            if constexpr (as_note_v<R>) found = found || !d_.all<R>().empty();
        });
        return found;
    }

private:
    /// Calls `f(record, guid, key)` for every record written as a Note, kind by kind.
    template <class F>
    void each_record(F&& f) const {
        for_each_type(record_kinds{}, [&](auto* tag) {
            using R = std::remove_pointer_t<decltype(tag)>;
            if constexpr (as_note_v<R>) {
                const std::vector<R>& all = d_.all<R>();
                for (std::size_t i = 0; i < all.size(); ++i) {
                    const std::string key = note_key(all[i], i);
                    f(all[i], guid_of(record_traits<R>::table, key), key);
                }
            }
        });
    }

    template <class T>
    std::string value_text(const T& value,
                           const std::unordered_map<std::uint32_t, std::string>& coding_of_segment,
                           std::string_view field) {
        if constexpr (std::is_same_v<T, std::string>) {
            return value;
        } else if constexpr (is_optional<T>::value) {
            return value ? value_text(*value, coding_of_segment, field) : std::string();
        } else if constexpr (is_id<T>::value) {
            using Target = record_for_id<T>;
            if constexpr (std::is_same_v<Target, coded_segment>) {
                const auto it = coding_of_segment.find(value.value);
                if (it != coding_of_segment.end()) return it->second;
                lost_.add("fields '" + std::string(field) +
                          "' naming a coded segment that was not exported: left empty");
                return {};
            } else if constexpr (has_code_v<Target>) {
                return code_of_record(record_in<Target>(d_, value));
            } else {  // a record's own id, never written (the study assigns it)
                return {};
            }
        } else if constexpr (std::is_enum_v<T>) {
            return std::string(to_string(value));
        } else if constexpr (std::is_same_v<T, date>) {
            return value.to_iso();
        } else if constexpr (std::is_same_v<T, bool>) {
            return value ? "true" : "false";
        } else if constexpr (std::is_integral_v<T>) {
            return std::to_string(value);
        } else {
            static_assert(always_false_v<T>, "a field type a Note cannot hold");
        }
    }

    const case_study_data& d_;
    losses& lost_;
};

std::string origin() {
    return "partnerqi " + std::to_string(PARTNERQI_VERSION_MAJOR) + "." +
           std::to_string(PARTNERQI_VERSION_MINOR) + "." + std::to_string(PARTNERQI_VERSION_PATCH);
}

std::string to_xml(const pugi::xml_document& doc) {
    struct string_writer : pugi::xml_writer {
        std::string out;
        void write(const void* data, std::size_t size) override {
            out.append(static_cast<const char*>(data), size);
        }
    } writer;
    doc.save(writer, "  ", pugi::format_default | pugi::format_no_declaration, pugi::encoding_utf8);
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + writer.out;
}

// XML 1.0 cannot hold control characters other than tab, line feed and carriage return, and
// holds only UTF-8 here: each such byte, and each byte of a sequence that is not valid UTF-8
// (detail/utf8.hpp), becomes one space or '?', so that byte offsets of coded segments stay where
// they were.
void make_xml_safe(std::string& text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto u = static_cast<unsigned char>(text[i]);
        if (u < 0x80) {
            if ((u < 0x20 && u != '\t' && u != '\n' && u != '\r') || u == 0x7f) text[i] = ' ';
            ++i;
            continue;
        }
        std::size_t consumed = 0;
        const std::size_t length =
            detail::valid_sequence(std::string_view(text).substr(i), consumed);
        if (length == 0) {
            for (const std::size_t end = i + consumed; i < end; ++i)
                text[i] = '?';
            continue;
        }
        i += length;
    }
}

// A copy of the study's data whose every text XML can hold.
case_study_data xml_safe(const case_study_data& original) {
    case_study_data d = original;
    make_xml_safe(d.title);
    make_xml_safe(d.description);
    const auto clean = [](auto& record, const auto& self) -> void {
        using Record = std::decay_t<decltype(record)>;
        for_each_field<Record>([&](const auto& f) {
            auto& value = record.*(f.member);
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, std::string>) {
                make_xml_safe(value);
            } else if constexpr (std::is_same_v<T, std::optional<std::string>>) {
                if (value) make_xml_safe(*value);
            } else if constexpr (is_vector<T>::value) {
                if constexpr (is_record_v<typename T::value_type>)
                    for (auto& item : value)
                        self(item, self);
            }
        });
    };
    for_each_type(record_kinds{}, [&](auto* tag) {
        using Kind = std::remove_pointer_t<decltype(tag)>;
        for (Kind& r : d.all<Kind>())
            clean(r, clean);
    });
    return d;
}

}  // namespace

qdpx_import read_qdpx(const std::filesystem::path& file, const qdpx_read_options& options) {
    detail::bounded_zip zip = detail::bounded_zip::open_file(file, options.limits);
    return read_archive(zip, options);
}

qdpx_report merge_qdpx(case_study& study, const std::filesystem::path& file,
                       const qdpx_read_options& options) {
    detail::bounded_zip zip = detail::bounded_zip::open_file(file, options.limits);
    const pugi::xml_document doc = project_of(zip, options);
    case_study merged = study;
    importer reader(merged, options, &zip);
    reader.read_project(doc.document_element());
    qdpx_report report = reader.finish();
    study = std::move(merged);
    return report;
}

qdpx_import detail::read_qdpx_bytes(std::string bytes, const qdpx_read_options& options,
                                    const std::string& where) {
    bounded_zip zip = bounded_zip::open_bytes(std::move(bytes), options.limits, where);
    return read_archive(zip, options);
}

qdpx_report write_qdpx(const case_study& study, const std::filesystem::path& file,
                       const run_control& control) {
    partnerqi::detail::progress_meter meter(
        control, "writing the project",
        study.all<data_source>().size() + study.all<coded_segment>().size());
    std::uint64_t done = 0;
    const case_study_data d = xml_safe(study.data());
    qdpx_report report;
    losses lost;
    report_unexported(d, lost);

    pugi::xml_document doc;
    pugi::xml_node project = doc.append_child("Project");
    project.append_attribute("xmlns") = std::string(project_namespace).c_str();
    project.append_attribute("name") = d.title.c_str();
    project.append_attribute("origin") = origin().c_str();

    // Users: every coder.
    std::set<std::string> coders;
    for (const coded_segment& seg : d.all<coded_segment>())
        coders.insert(seg.coder);
    if (!coders.empty()) {
        pugi::xml_node users = project.append_child("Users");
        for (const std::string& coder : coders) {
            pugi::xml_node user = users.append_child("User");
            user.append_attribute("guid") = guid_of("coder", coder).c_str();
            user.append_attribute("name") = coder.c_str();
        }
    }
    report.coders = coders.size();

    // Memos are Notes, referred to from their source, their code or the project.
    std::unordered_map<std::uint32_t, std::vector<std::string>> notes_of_source, notes_of_code;
    std::vector<std::string> project_notes;
    for (const memo& m : d.all<memo>()) {
        const std::string g = guid_of("memo", std::to_string(m.id.value));
        if (m.source) notes_of_source[m.source->value].push_back(g);
        if (m.code) notes_of_code[m.code->value].push_back(g);
        if (!m.source && !m.code) project_notes.push_back(g);
    }
    // Evaluation items and responses and the influence log are structured Notes, referred to
    // from the sources and the selections of the coded segments that are their evidence.
    record_notes records(d, lost);
    std::unordered_map<std::uint32_t, std::vector<std::string>> notes_of_segment;
    records.link(notes_of_source, notes_of_segment);
    auto note_refs = [](pugi::xml_node node, const std::vector<std::string>* refs) {
        if (refs == nullptr) return;
        for (const std::string& g : *refs)
            node.append_child("NoteRef").append_attribute("targetGUID") = g.c_str();
    };
    auto refs_of = [](const auto& map, std::uint32_t key) {
        const auto it = map.find(key);
        return it == map.end() ? nullptr : &it->second;
    };

    if (!d.all<code>().empty()) {
        pugi::xml_node codes = project.append_child("CodeBook").append_child("Codes");
        write_codes(d, codes, 3, "project " + file.string(),
                    [&](const code& c, pugi::xml_node node) {
                        note_refs(node, refs_of(notes_of_code, c.id.value));
                    });
        report.codes = d.all<code>().size();
    }

    // Participants of sources are Cases, with their text label fields as Variables.
    std::map<std::uint32_t, std::vector<std::string>> sources_of_person;
    for (const data_source& src : d.all<data_source>())
        for (person_id p : src.participants)
            sources_of_person[p.value].push_back(guid_of("source", src.code));
    std::size_t people_left_out = 0;
    std::vector<const person*> case_people;
    for (const person& p : d.all<person>()) {
        if (sources_of_person.count(p.id.value))
            case_people.push_back(&p);
        else
            ++people_left_out;
    }
    lost.add("people taking part in no source: the REFI-QDA export has no place for them",
             people_left_out);
    std::unordered_map<std::uint32_t, std::vector<std::string>> sources_of_organization;
    for (const data_source& src : d.all<data_source>())
        if (src.organization)
            sources_of_organization[src.organization->value].push_back(guid_of("source", src.code));
    if (!case_people.empty()) {
        pugi::xml_node variables = project.append_child("Variables");
        for_each_field<person>([&](const auto& f) {
            using T = typename std::decay_t<decltype(f)>::value_type;
            if constexpr (std::is_same_v<T, std::string>) {
                if (!f.is(field_use::label)) return;
                pugi::xml_node v = variables.append_child("Variable");
                v.append_attribute("guid") = guid_of("variable", f.name).c_str();
                v.append_attribute("name") = f.name;
                v.append_attribute("typeOfVariable") = "Text";
            }
        });
    }
    // The study's cases are Cases of the sources of their organization, and so are people.
    if (!case_people.empty() || !d.all<study_case>().empty()) {
        pugi::xml_node cases = project.append_child("Cases");
        for (const study_case& sc : d.all<study_case>()) {
            pugi::xml_node c = cases.append_child("Case");
            c.append_attribute("guid") = guid_of("case", sc.code).c_str();
            c.append_attribute("name") = sc.code.c_str();
            if (!sc.label.empty()) c.append_child("Description").text() = sc.label.c_str();
            for (const std::string& g : sources_of_organization[sc.organization.value])
                c.append_child("SourceRef").append_attribute("targetGUID") = g.c_str();
        }
        for (const person* p : case_people) {
            pugi::xml_node c = cases.append_child("Case");
            c.append_attribute("guid") = guid_of("person", p->code).c_str();
            c.append_attribute("name") = p->code.c_str();
            for_each_field<person>([&](const auto& f) {
                using T = typename std::decay_t<decltype(f)>::value_type;
                if constexpr (std::is_same_v<T, std::string>) {
                    if (!f.is(field_use::label) || (p->*(f.member)).empty()) return;
                    pugi::xml_node value = c.append_child("VariableValue");
                    value.append_child("VariableRef").append_attribute("targetGUID") =
                        guid_of("variable", f.name).c_str();
                    value.append_child("TextValue").text() = (p->*(f.member)).c_str();
                }
            });
            for (const std::string& g : sources_of_person[p->id.value])
                c.append_child("SourceRef").append_attribute("targetGUID") = g.c_str();
        }
    }

    // Sources, each with its plain text in sources/<GUID>.txt and its codings.
    std::vector<std::pair<std::string, std::string>> entries;
    std::unordered_map<std::uint32_t, std::vector<const coded_segment*>> segments_of;
    for (const coded_segment& seg : d.all<coded_segment>())
        segments_of[seg.source.value].push_back(&seg);
    std::unordered_map<std::uint32_t, std::string> coding_of_segment;
    std::unordered_map<std::uint32_t, const code*> code_by_id;
    for (const code& c : d.all<code>())
        code_by_id[c.id.value] = &c;
    if (!d.all<data_source>().empty()) {
        pugi::xml_node sources = project.append_child("Sources");
        for (const data_source& src : d.all<data_source>()) {
            meter.at(done++);
            const std::string g = guid_of("source", src.code);
            pugi::xml_node node = sources.append_child("TextSource");
            node.append_attribute("guid") = g.c_str();
            node.append_attribute("name") = src.code.c_str();
            node.append_attribute("plainTextPath") = ("internal://" + g + ".txt").c_str();
            if (!src.title.empty()) node.append_child("Description").text() = src.title.c_str();
            entries.emplace_back("sources/" + g + ".txt", src.text);
            ++report.sources;

            std::vector<const coded_segment*> segs = segments_of[src.id.value];
            std::sort(segs.begin(), segs.end(), [](const auto* a, const auto* b) {
                return std::tie(a->begin, a->end, a->id) < std::tie(b->begin, b->end, b->id);
            });
            const std::vector<std::uint32_t> starts = code_point_starts(src.text);
            std::set<std::string> coding_keys;
            std::set<std::pair<std::string, std::string>> selection_notes;  // (selection, note)
            std::vector<std::pair<pugi::xml_node, std::string>> pending_refs;
            pugi::xml_node selection;
            std::pair<std::uint32_t, std::uint32_t> open{1, 0};
            for (const coded_segment* seg : segs) {
                meter.at(done++);
                const auto first = code_point_at(starts, seg->begin);
                const auto last = code_point_at(starts, seg->end);
                if (!first || !last) {
                    lost.add(
                        "coded segments whose offsets are outside their source's text "
                        "or inside a character: not exported");
                    continue;
                }
                const std::string at =
                    src.code + ":" + std::to_string(*first) + ":" + std::to_string(*last);
                if (open != std::make_pair(seg->begin, seg->end)) {
                    open = {seg->begin, seg->end};
                    selection = node.append_child("PlainTextSelection");
                    selection.append_attribute("guid") = guid_of("selection", at).c_str();
                    selection.append_attribute("startPosition") =
                        static_cast<unsigned long long>(*first);
                    selection.append_attribute("endPosition") =
                        static_cast<unsigned long long>(*last);
                    selection.append_attribute("creatingUser") =
                        guid_of("coder", seg->coder).c_str();
                }
                std::string key =
                    at + ":" + code_by_id.at(seg->code.value)->name + ":" + seg->coder;
                for (int n = 2; !coding_keys.insert(key).second; ++n)
                    key += "#" + std::to_string(n);
                pugi::xml_node coding = selection.append_child("Coding");
                const std::string coding_guid = guid_of("coding", key);
                coding.append_attribute("guid") = coding_guid.c_str();
                coding_of_segment[seg->id.value] = coding_guid;
                coding.append_attribute("creatingUser") = guid_of("coder", seg->coder).c_str();
                coding.append_child("CodeRef").append_attribute("targetGUID") =
                    guid_of("code", code_by_id.at(seg->code.value)->name).c_str();
                ++report.segments;
                // The Notes whose evidence is this segment, after the selection's Codings.
                if (const auto* refs = refs_of(notes_of_segment, seg->id.value)) {
                    const std::string at_selection = selection.attribute("guid").value();
                    for (const std::string& note : *refs)
                        if (selection_notes.emplace(at_selection, note).second)
                            pending_refs.emplace_back(selection, note);
                }
            }
            for (auto& [at, note] : pending_refs)
                at.append_child("NoteRef").append_attribute("targetGUID") = note.c_str();
            pending_refs.clear();
            note_refs(node, refs_of(notes_of_source, src.id.value));
        }
    }

    if (!d.all<memo>().empty() || records.any()) {
        pugi::xml_node notes = project.append_child("Notes");
        for (const memo& m : d.all<memo>()) {
            pugi::xml_node note = notes.append_child("Note");
            note.append_attribute("guid") = guid_of("memo", std::to_string(m.id.value)).c_str();
            note.append_attribute("name") = m.title.c_str();
            note.append_child("PlainTextContent").text() = m.text.c_str();
            ++report.memos;
        }
        report.records = records.write(notes, coding_of_segment);
    }

    // Waves are Sets of their sources; each kind of structured Note has a Set of its Notes.
    pugi::xml_node sets;
    const std::function<pugi::xml_node()> sets_node = [&] {
        if (!sets) sets = project.append_child("Sets");
        return sets;
    };
    if (!d.all<wave>().empty()) {
        std::unordered_map<std::uint32_t, std::vector<const data_source*>> sources_of_wave;
        for (const data_source& src : d.all<data_source>())
            if (src.wave) sources_of_wave[src.wave->value].push_back(&src);
        for (const wave& w : d.all<wave>()) {
            pugi::xml_node set = sets_node().append_child("Set");
            set.append_attribute("guid") = guid_of("wave", w.code).c_str();
            set.append_attribute("name") = w.code.c_str();
            if (!w.label.empty()) set.append_child("Description").text() = w.label.c_str();
            for (const data_source* src : sources_of_wave[w.id.value])
                set.append_child("MemberSource").append_attribute("targetGUID") =
                    guid_of("source", src->code).c_str();
        }
    }
    records.write_sets(sets_node);
    if (!d.description.empty()) project.append_child("Description").text() = d.description.c_str();
    note_refs(project, &project_notes);

    entries.insert(entries.begin(), {"project.qde", to_xml(doc)});
    const std::string archive = detail::make_zip(entries, file.string());
    lost.into(report);  // before writing: once the file is in place, nothing may fail
    meter.finish();     // the last moment to stop: nothing is written before it
    detail::write_file_atomically(file, archive);
    return report;
}

qdpx_report write_qdc(const case_study& study, const std::filesystem::path& file,
                      const run_control& control) {
    partnerqi::detail::progress_meter meter(control, "writing the codebook",
                                            study.all<code>().size());
    std::uint64_t done = 0;
    const case_study_data d = xml_safe(study.data());
    if (d.all<code>().empty()) {
        throw invalid_request_error(
            "codebook " + file.string() +
            ": the study has no codes, and a REFI-QDA codebook needs at least one; add codes "
            "first");
    }
    qdpx_report report;
    losses lost;
    report_unexported<code>(d, lost);
    pugi::xml_document doc;
    pugi::xml_node book = doc.append_child("CodeBook");
    book.append_attribute("xmlns") = std::string(codebook_namespace).c_str();
    book.append_attribute("origin") = origin().c_str();
    write_codes(d, book.append_child("Codes"), 2, "codebook " + file.string(),
                [&](const code&, pugi::xml_node) { meter.at(++done); });
    report.codes = d.all<code>().size();
    const std::string xml = to_xml(doc);
    lost.into(report);  // before writing: once the file is in place, nothing may fail
    meter.finish();     // the last moment to stop: nothing is written before it
    detail::write_file_atomically(file, xml);
    return report;
}

qdpx_import read_qdc(const std::filesystem::path& file, const qdpx_read_options& options) {
    const std::string where = file.string();
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (ec || !std::filesystem::is_regular_file(file, ec)) {
        throw load_error(category::not_a_case_study_file,
                         where + ": no such file (or not a regular file); check the path");
    }
    if (size > options.limits.max_entry_bytes) {
        throw load_error(category::limit_exceeded,
                         where + ": " + std::to_string(size) + " bytes, more than the limit of " +
                             std::to_string(options.limits.max_entry_bytes) +
                             " (qdpx_limits::max_entry_bytes)");
    }
    std::ifstream in(file, std::ios::binary);
    std::string text(static_cast<std::size_t>(size), '\0');
    if (!in.read(text.data(), static_cast<std::streamsize>(size))) {
        throw load_error(category::not_a_case_study_file, where + ": cannot be read");
    }
    pugi::xml_document doc;
    detail::parse_xml(doc, text, options.limits, where);
    const pugi::xml_node book = doc.document_element();
    check_root(book, "CodeBook", codebook_namespace, where);
    qdpx_import out{case_study("", options.window), {}};
    importer reader(out.study, options, nullptr);
    reader.read_codebook(book);
    out.report = reader.finish();
    return out;
}

}  // namespace partnerqi::io
