#include "partnerqi/analysis/coding.hpp"

#include <algorithm>
#include <map>
#include <ostream>
#include <set>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "partnerqi/analysis/detail/labels.hpp"
#include "partnerqi/analysis/detail/scope.hpp"
#include "partnerqi/analysis/detail/table.hpp"
#include "partnerqi/error.hpp"

namespace partnerqi::analysis {

using namespace partnerqi::model;

namespace {

constexpr std::uint64_t pack(std::uint64_t high, std::uint32_t low) { return (high << 32) | low; }

// The sources a filter lets through: organization in scope, date in the window. An undated
// source counts unless the caller narrowed the window; then its wave decides, if it has one.
class source_scope {
public:
    source_scope(const case_study& study, const filter& f)
        : study_(study), where_(study, f), narrowed_(f.window || f.wave) {}

    [[nodiscard]] const detail::scope& where() const noexcept { return where_; }

    [[nodiscard]] bool has(const data_source& s) const {
        if (s.organization ? !where_.has_organization(*s.organization)
                           : !where_.resolved().whole_study)
            return false;
        if (s.on) return where_.in_window(*s.on);
        if (!narrowed_) return true;
        return s.wave && study_.get(*s.wave).window.overlaps(where_.window());
    }

    /// The source of a segment when it is in scope (looked up once per source).
    [[nodiscard]] const data_source* of(const coded_segment& seg) {
        auto it = cache_.find(seg.source);
        if (it != cache_.end()) return it->second;
        const data_source& s = study_.get(seg.source);
        const data_source* out = has(s) ? &s : nullptr;
        cache_.emplace(seg.source, out);
        return out;
    }

private:
    const case_study& study_;
    detail::scope where_;
    bool narrowed_;
    std::unordered_map<source_id, const data_source*> cache_;
};

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

std::optional<double> cohen_kappa(const agreement_counts& c) noexcept {
    const std::size_t n = c.units();
    if (n == 0) return std::nullopt;
    const double total = static_cast<double>(n);
    const double po = static_cast<double>(c.both + c.neither) / total;
    const double pa = static_cast<double>(c.both + c.only_a) / total;  // coder A says "present"
    const double pb = static_cast<double>(c.both + c.only_b) / total;
    const double pe = pa * pb + (1.0 - pa) * (1.0 - pb);
    if (pe >= 1.0 - 1e-12) return std::nullopt;
    return (po - pe) / (1.0 - pe);
}

std::vector<std::string> coders(const case_study& study) {
    std::set<std::string> all;
    for (const coded_segment& seg : study.all<coded_segment>())
        all.insert(seg.coder);
    return {all.begin(), all.end()};
}

kappa_report cohen_kappa(const case_study& study, std::string_view coder_a,
                         std::string_view coder_b, const filter& f, const kappa_options& o) {
    if (coder_a == coder_b)
        throw invalid_request_error("agreement needs two different coders; both are \"" +
                                    std::string(coder_a) + "\"");
    bool has_a = false, has_b = false;
    for (const coded_segment& seg : study.all<coded_segment>()) {
        has_a = has_a || seg.coder == coder_a;
        has_b = has_b || seg.coder == coder_b;
    }
    for (auto [name, found] :
         {std::pair<std::string_view, bool>{coder_a, has_a}, {coder_b, has_b}}) {
        if (found) continue;
        std::string known;
        for (const std::string& c : coders(study))
            known += (known.empty() ? "" : ", ") + c;
        throw invalid_request_error("coder \"" + std::string(name) +
                                    "\" coded nothing in this case study; coders: " +
                                    (known.empty() ? std::string("none") : known));
    }
    source_scope sources(study, f);
    kappa_report r;
    r.scope = sources.where().resolved().label;
    r.coder_a = coder_a;
    r.coder_b = coder_b;

    std::unordered_set<source_id> chosen_sources(o.sources.begin(), o.sources.end());
    std::unordered_set<code_id> chosen_codes(o.codes.begin(), o.codes.end());
    std::unordered_set<std::uint64_t> by_a, by_b;  // (code, source) presence
    std::set<source_id> unit_sources(o.sources.begin(), o.sources.end());
    std::set<code_id> unit_codes(o.codes.begin(), o.codes.end());
    for (const coded_segment& seg : study.all<coded_segment>()) {
        bool a = seg.coder == coder_a;
        if (!a && seg.coder != coder_b) continue;
        if (!chosen_sources.empty() ? !chosen_sources.count(seg.source) : !sources.of(seg))
            continue;
        if (!chosen_codes.empty() && !chosen_codes.count(seg.code)) continue;
        (a ? by_a : by_b).insert(pack(seg.code.value, seg.source.value));
        if (o.sources.empty()) unit_sources.insert(seg.source);
        if (o.codes.empty()) unit_codes.insert(seg.code);
    }
    r.sources = unit_sources.size();
    r.codes = unit_codes.size();
    std::unordered_map<code_id, agreement_counts> per;
    for (std::uint64_t key : by_a) {
        code_id c{static_cast<std::uint32_t>(key >> 32)};
        ++(by_b.count(key) ? per[c].both : per[c].only_a);
    }
    for (std::uint64_t key : by_b)
        if (!by_a.count(key)) ++per[code_id{static_cast<std::uint32_t>(key >> 32)}].only_b;
    for (code_id c : unit_codes) {
        agreement_counts counts = per[c];
        counts.neither = r.sources - counts.both - counts.only_a - counts.only_b;
        r.counts.both += counts.both;
        r.counts.only_a += counts.only_a;
        r.counts.only_b += counts.only_b;
        r.counts.neither += counts.neither;
        r.per_code.push_back({c, study.get(c).name, counts, cohen_kappa(counts)});
    }
    const std::size_t n = r.counts.units();
    if (n) {
        const double total = static_cast<double>(n);
        r.observed = static_cast<double>(r.counts.both + r.counts.neither) / total;
        const double pa = static_cast<double>(r.counts.both + r.counts.only_a) / total;
        const double pb = static_cast<double>(r.counts.both + r.counts.only_b) / total;
        r.expected = pa * pb + (1.0 - pa) * (1.0 - pb);
    }
    r.kappa = cohen_kappa(r.counts);
    return r;
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

std::string kappa_text(const std::optional<double>& k) {
    return k ? detail::fixed(*k, 3) : "undefined";
}

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

std::string to_text(const kappa_report& r) {
    std::ostringstream out;
    out << "Inter-coder agreement, " << r.coder_a << " vs " << r.coder_b << ", " << r.scope << "\n";
    out << "Unit: presence or absence of a code in a source (" << r.sources << " sources x "
        << r.codes << " codes = " << r.counts.units() << " units).\n";
    out << "Observed agreement " << detail::fixed(r.observed, 3) << ", expected "
        << detail::fixed(r.expected, 3) << ", Cohen's kappa " << kappa_text(r.kappa) << "\n";
    detail::table t;
    t.header = {"code", "both", "only " + r.coder_a, "only " + r.coder_b, "neither", "kappa"};
    for (const code_agreement& c : r.per_code)
        t.add({c.name, detail::num(c.counts.both), detail::num(c.counts.only_a),
               detail::num(c.counts.only_b), detail::num(c.counts.neither), kappa_text(c.kappa)});
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

void write_csv(std::ostream& out, const kappa_report& r) {
    detail::table t;
    t.header = {"code", "both", "only_a", "only_b", "neither", "kappa"};
    auto row = [&](const std::string& name, const agreement_counts& c,
                   const std::optional<double>& k) {
        t.add({name, detail::num(c.both), detail::num(c.only_a), detail::num(c.only_b),
               detail::num(c.neither), k ? detail::fixed(*k, 6) : ""});
    };
    for (const code_agreement& c : r.per_code)
        row(c.name, c.counts, c.kappa);
    row("all", r.counts, r.kappa);
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
