#include "partnerqi/analysis/coding.hpp"

#include <algorithm>
#include <map>
#include <ostream>
#include <set>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "partnerqi/analysis/detail/labels.hpp"
#include "partnerqi/analysis/detail/source_scope.hpp"
#include "partnerqi/analysis/detail/table.hpp"
#include "partnerqi/error.hpp"

namespace partnerqi::analysis {

using namespace partnerqi::model;
using detail::source_scope;

namespace {

constexpr std::uint64_t pack(std::uint64_t high, std::uint32_t low) { return (high << 32) | low; }

// The selected codes as rows, and the rows a segment counts under.
class code_rows {
public:
    code_rows(const case_study& study, const coding_selection& sel) : study_(study), sel_(sel) {
        if (sel.codes.empty()) {
            for (const code& c : study.all<code>())
                add(c.id);
        } else {
            for (code_id id : sel.codes) {
                (void)study.get(id);  // throws not_found_error naming the id
                add(id);
            }
        }
    }

    [[nodiscard]] const std::vector<code_id>& ids() const noexcept { return ids_; }

    /// Rows of a segment's code: the code itself, and its ancestors when aggregating.
    void rows_of(code_id id, std::vector<std::size_t>& out) const {
        out.clear();
        std::optional<code_id> at = id;
        for (std::size_t depth = 0; at && depth <= study_.all<code>().size(); ++depth) {
            auto it = row_.find(*at);
            if (it != row_.end()) out.push_back(it->second);
            if (!sel_.include_descendants) break;
            at = study_.get(*at).parent;
        }
    }

    [[nodiscard]] bool keeps(const coded_segment& seg) const {
        return !sel_.coder || seg.coder == *sel_.coder;
    }

private:
    void add(code_id id) {
        if (row_.emplace(id, ids_.size()).second) ids_.push_back(id);
    }
    const case_study& study_;
    const coding_selection& sel_;
    std::vector<code_id> ids_;
    std::unordered_map<code_id, std::size_t> row_;
};

}  // namespace

code_matrix matrix_coding(const case_study& study, const filter& f,
                          const matrix_coding_options& o) {
    source_scope sources(study, f);
    code_rows rows(study, o.selection);
    code_matrix m;
    m.columns = o.columns;
    m.count = o.count;
    m.scope = sources.where().resolved().label;
    m.row_codes = rows.ids();
    for (code_id id : m.row_codes)
        m.row_labels.push_back(study.get(id).name);

    std::unordered_map<wave_id, std::size_t> wave_column;
    switch (o.columns) {
        case coding_columns::tier:
            for (management_tier t : enum_traits<management_tier>::values)
                m.column_labels.emplace_back(to_string(t));
            break;
        case coding_columns::study_case:
            for (case_id id : sources.where().resolved().cases)
                m.column_labels.push_back(study.get(id).code);
            break;
        case coding_columns::wave:
            for (const wave& w : study.all<wave>()) {
                wave_column.emplace(w.id, m.column_labels.size());
                m.column_labels.push_back(w.code);
            }
            break;
    }
    m.column_labels.emplace_back("(not set)");
    const std::size_t ncols = m.column_labels.size();
    const std::size_t not_set = ncols - 1;
    m.cells.assign(m.row_codes.size(), std::vector<std::size_t>(ncols, 0));

    // Columns of each source, worked out once.
    std::unordered_map<source_id, std::vector<std::size_t>> columns_of;
    auto columns = [&](const data_source& s) -> const std::vector<std::size_t>& {
        auto it = columns_of.find(s.id);
        if (it != columns_of.end()) return it->second;
        std::vector<std::size_t> cols;
        switch (o.columns) {
            case coding_columns::tier:
                if (s.tier) {
                    cols.push_back(static_cast<std::size_t>(*s.tier));
                } else {
                    for (person_id p : s.participants)
                        if (auto t = study.get(p).tier)
                            cols.push_back(static_cast<std::size_t>(*t));
                }
                break;
            case coding_columns::study_case:
                if (s.organization) cols = sources.where().cases_of(*s.organization, std::nullopt);
                break;
            case coding_columns::wave:
                if (s.wave) {
                    cols.push_back(wave_column.at(*s.wave));
                } else if (s.on) {
                    for (const wave& w : study.all<wave>())
                        if (w.window.contains(*s.on)) cols.push_back(wave_column.at(w.id));
                }
                break;
        }
        std::sort(cols.begin(), cols.end());
        cols.erase(std::unique(cols.begin(), cols.end()), cols.end());
        if (cols.empty()) cols.push_back(not_set);
        return columns_of.emplace(s.id, std::move(cols)).first->second;
    };

    std::unordered_set<std::uint64_t> seen;
    std::vector<std::size_t> hit_rows;
    for (const coded_segment& seg : study.all<coded_segment>()) {
        if (!rows.keeps(seg)) continue;
        const data_source* s = sources.of(seg);
        if (!s) continue;
        rows.rows_of(seg.code, hit_rows);
        if (hit_rows.empty()) continue;
        const std::vector<std::size_t>& cols = columns(*s);
        for (std::size_t r : hit_rows) {
            for (std::size_t c : cols) {
                std::uint64_t cell = r * ncols + c;
                switch (o.count) {
                    case coding_count::segments: ++m.cells[r][c]; break;
                    case coding_count::sources:
                        if (seen.insert(pack(cell, s->id.value)).second) ++m.cells[r][c];
                        break;
                    case coding_count::people:
                        for (person_id p : s->participants)
                            if (seen.insert(pack(cell, p.value)).second) ++m.cells[r][c];
                        break;
                }
            }
        }
    }
    return m;
}

code_frequency_table code_frequencies(const case_study& study, const filter& f,
                                      const coding_selection& sel) {
    source_scope sources(study, f);
    code_rows rows(study, sel);
    code_frequency_table out;
    out.scope = sources.where().resolved().label;
    for (code_id id : rows.ids())
        out.codes.push_back({id, study.get(id).name, 0, 0, 0, 0});
    std::unordered_map<std::string, std::uint32_t> coder_ids;
    std::unordered_set<std::uint64_t> seen_source, seen_person, seen_coder;
    std::vector<std::size_t> hit_rows;
    for (const coded_segment& seg : study.all<coded_segment>()) {
        if (!rows.keeps(seg)) continue;
        const data_source* s = sources.of(seg);
        if (!s) continue;
        rows.rows_of(seg.code, hit_rows);
        std::uint32_t coder =
            coder_ids.emplace(seg.coder, static_cast<std::uint32_t>(coder_ids.size()))
                .first->second;
        for (std::size_t r : hit_rows) {
            code_frequency& c = out.codes[r];
            ++c.segments;
            if (seen_source.insert(pack(r, s->id.value)).second) ++c.sources;
            for (person_id p : s->participants)
                if (seen_person.insert(pack(r, p.value)).second) ++c.people;
            if (seen_coder.insert(pack(r, coder)).second) ++c.coders;
        }
    }
    return out;
}

cooccurrence_table code_cooccurrence(const case_study& study, const filter& f,
                                     const coding_selection& sel) {
    source_scope sources(study, f);
    code_rows rows(study, sel);
    cooccurrence_table out;
    out.scope = sources.where().resolved().label;
    // (source, row) presence, sorted so that each source's rows sit together.
    std::vector<std::pair<std::uint32_t, std::size_t>> present;
    std::vector<std::size_t> hit_rows;
    for (const coded_segment& seg : study.all<coded_segment>()) {
        if (!rows.keeps(seg) || !sources.of(seg)) continue;
        rows.rows_of(seg.code, hit_rows);
        for (std::size_t r : hit_rows)
            present.emplace_back(seg.source.value, r);
    }
    std::sort(present.begin(), present.end());
    present.erase(std::unique(present.begin(), present.end()), present.end());
    // Pairs per source grow with the square of the codes used in that one source, which the
    // codebook bounds; never with the number of sources or segments.
    std::unordered_map<std::uint64_t, std::size_t> pairs;
    for (std::size_t i = 0; i < present.size();) {
        std::size_t j = i;
        while (j < present.size() && present[j].first == present[i].first)
            ++j;
        for (std::size_t a = i; a < j; ++a)
            for (std::size_t b = a + 1; b < j; ++b)
                ++pairs[pack(present[a].second, static_cast<std::uint32_t>(present[b].second))];
        i = j;
    }
    const auto& ids = rows.ids();
    for (const auto& [key, n] : pairs) {
        code_id a = ids[static_cast<std::size_t>(key >> 32)],
                b = ids[static_cast<std::size_t>(key & 0xffffffffu)];
        if (b < a) std::swap(a, b);
        out.pairs.push_back({a, b, study.get(a).name, study.get(b).name, n});
    }
    std::sort(out.pairs.begin(), out.pairs.end(), [](const code_pair& x, const code_pair& y) {
        if (x.sources != y.sources) return x.sources > y.sources;
        if (x.first != y.first) return x.first < y.first;
        return x.second < y.second;
    });
    return out;
}

std::vector<std::string> coders(const case_study& study) {
    std::set<std::string> all;
    for (const coded_segment& seg : study.all<coded_segment>())
        all.insert(seg.coder);
    return {all.begin(), all.end()};
}

evidence_report practice_evidence(const case_study& study, const filter& f) {
    detail::scope where(study, f);
    evidence_report r;
    r.scope = where.resolved().label;
    std::unordered_map<enactment_id, std::size_t> index;
    for (const practice_enactment& e : study.all<practice_enactment>()) {
        if (!where.has(e)) continue;
        index.emplace(e.id, r.enactments.size());
        r.enactments.push_back(
            {e.id, study.get(e.practice).code, study.code_of(e.manager), e.on, {}});
    }
    for (const coded_segment& seg : study.all<coded_segment>())
        for (enactment_id id : seg.supports) {
            auto it = index.find(id);
            if (it != index.end()) r.enactments[it->second].segments.push_back(seg.id);
        }
    for (const enactment_evidence& e : r.enactments)
        ++(e.segments.empty() ? r.without_evidence : r.with_evidence);
    return r;
}

std::string_view to_string(coding_columns columns) noexcept {
    switch (columns) {
        case coding_columns::tier: return "tier";
        case coding_columns::study_case: return "case";
        case coding_columns::wave: return "wave";
    }
    return "invalid";
}

std::string_view to_string(coding_count count) noexcept {
    switch (count) {
        case coding_count::segments: return "segments";
        case coding_count::sources: return "sources";
        case coding_count::people: return "people";
    }
    return "invalid";
}

namespace {

detail::table matrix_table(const code_matrix& m) {
    detail::table t;
    t.header = {"code"};
    t.header.insert(t.header.end(), m.column_labels.begin(), m.column_labels.end());
    for (std::size_t r = 0; r < m.row_codes.size(); ++r) {
        std::vector<std::string> row{m.row_labels[r]};
        for (std::size_t n : m.cells[r])
            row.push_back(detail::num(n));
        t.add(std::move(row));
    }
    return t;
}

detail::table frequency_table(const code_frequency_table& f) {
    detail::table t;
    t.header = {"code", "segments", "sources", "people", "coders"};
    for (const code_frequency& c : f.codes)
        t.add({c.name, detail::num(c.segments), detail::num(c.sources), detail::num(c.people),
               detail::num(c.coders)});
    return t;
}

}  // namespace

std::string to_text(const code_matrix& m) {
    std::ostringstream out;
    out << "Matrix coding: code x " << to_string(m.columns) << ", counting " << to_string(m.count)
        << ", " << m.scope << "\n";
    out << matrix_table(m).to_text();
    return out.str();
}

std::string to_text(const code_frequency_table& f) {
    std::ostringstream out;
    out << "Code frequencies, " << f.scope << "\n" << frequency_table(f).to_text();
    return out.str();
}

std::string to_text(const cooccurrence_table& c) {
    std::ostringstream out;
    out << "Code co-occurrence within a source, " << c.scope << "\n";
    if (c.pairs.empty()) return out.str() + "  no two codes share a source\n";
    detail::table t;
    t.header = {"code pair", "sources"};
    for (const code_pair& p : c.pairs)
        t.add({p.first_name + " + " + p.second_name, detail::num(p.sources)});
    out << t.to_text();
    return out.str();
}

std::string to_text(const evidence_report& r) {
    std::ostringstream out;
    out << "Evidence for practice enactments, " << r.scope << "\n";
    out << r.with_evidence << " of " << r.enactments.size()
        << " enactments are supported by coded segments.\n";
    return out.str();
}

void write_csv(std::ostream& out, const code_matrix& m) { matrix_table(m).write_csv(out); }

void write_csv(std::ostream& out, const code_frequency_table& f) {
    frequency_table(f).write_csv(out);
}

void write_csv(std::ostream& out, const cooccurrence_table& c) {
    detail::table t;
    t.header = {"first", "second", "sources"};
    for (const code_pair& p : c.pairs)
        t.add({p.first_name, p.second_name, detail::num(p.sources)});
    t.write_csv(out);
}

void write_csv(std::ostream& out, const evidence_report& r) {
    detail::table t;
    t.header = {"enactment", "practice", "manager", "date", "segments"};
    for (const enactment_evidence& e : r.enactments) {
        std::string segs;
        for (segment_id s : e.segments)
            segs += (segs.empty() ? "" : " ") + std::to_string(s.value);
        t.add({std::to_string(e.enactment.value), e.practice, e.manager, e.on.to_iso(), segs});
    }
    t.write_csv(out);
}

}  // namespace partnerqi::analysis
