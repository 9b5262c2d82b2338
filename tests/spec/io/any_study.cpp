#include "any_study.hpp"

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace partnerqi::io::testing {

using namespace partnerqi::model;

rc::Gen<std::string> any_bytes() {
    return rc::gen::container<std::string>(rc::gen::arbitrary<char>());
}

rc::Gen<std::string> joined_pieces(std::vector<std::string> pieces) {
    return rc::gen::map(
        rc::gen::container<std::vector<std::string>>(rc::gen::elementOf(std::move(pieces))),
        [](const std::vector<std::string>& parts) {
            std::string out;
            for (const std::string& p : parts)
                out += p;
            return out;
        });
}

rc::Gen<std::string> any_spreadsheet_text() {
    return joined_pieces(
        {"a", "Z", "7", " ", "\t", ",", "\"", ";", "\\", "\r\n", "\n", "\r", "é", "→", "😀", "/"});
}

namespace {

template <class Enum>
Enum any_of() {
    return *rc::gen::elementOf(enum_traits<Enum>::values);
}

std::optional<date> any_date_in(const date_window& w) {
    if (!*rc::gen::arbitrary<bool>()) return std::nullopt;
    return w.first().plus_days(*rc::gen::inRange(0, days_between(w.first(), w.last()) + 1));
}

template <class T>
T pick(const std::vector<T>& from) {
    return from[*rc::gen::inRange<std::size_t>(0, from.size())];
}

template <class T>
std::optional<T> maybe_pick(const std::vector<T>& from) {
    if (from.empty() || !*rc::gen::arbitrary<bool>()) return std::nullopt;
    return pick(from);
}

template <class T>
std::vector<T> some_of(const std::vector<T>& from) {
    std::vector<T> out;
    for (const T& t : from)
        if (*rc::gen::inRange(0, 3) == 0) out.push_back(t);
    return out;
}

// Adds a record when it is valid; a generated record that breaks a rule is simply skipped, so
// every generated study is valid and every shape the rules allow can occur.
template <class Record>
auto try_add(case_study& s, Record r) -> std::optional<decltype(s.add(r))> {
    try {
        return s.add(std::move(r));
    } catch (const validation_error&) {
        return std::nullopt;
    }
}

// Builds one study kind by kind, each kind referring to the records added before it.
class study_generator {
public:
    explicit study_generator(const study_options& options) : options_(options) {}

    case_study run() {
        add_organizations_and_people();
        add_teams_and_activities();
        add_practices_and_engagements();
        add_sources_and_totals();
        add_codes_segments_and_memos();
        add_study_cases();
        add_evaluations_and_influence();
        // Records removed in the middle leave gaps in the ids, which files must keep.
        if (options_.id_gaps && people_.size() > 3 && *rc::gen::arbitrary<bool>()) {
            try {
                s_.remove(people_[1]);
            } catch (const validation_error&) {
            }
        }
        return std::move(s_);
    }

private:
    std::string text() const { return *options_.text; }

    // A unique code: the letters and number, with any text on either side.
    std::string unique_code(const char* letters, int i) const {
        return text() + letters + std::to_string(i) + text();
    }

    static case_study empty_study(const study_options& options) {
        const int first_year = *rc::gen::inRange(1990, 2100);
        case_study s{*options.text,
                     date_window::years(first_year, first_year + *rc::gen::inRange(0, 5))};
        s.set_description(*options.text);
        return s;
    }

    void add_organizations_and_people() {
        for (int i = 0; i < n_; ++i) {
            organization o;
            o.code = unique_code("O", i);
            o.name = text();
            o.kind = text();
            o.setting = any_of<setting>();
            o.region = text();
            o.program = text();
            o.partnership_model = text();
            o.provenance = any_of<provenance>();
            o.note = text();
            if (auto id = try_add(s_, o)) orgs_.push_back(*id);
        }
        for (int i = 0; i < 3 * n_; ++i) {
            person p;
            p.code = unique_code("P", i);
            // An encoding may read an empty optional text back unset: then names are never empty.
            if (*rc::gen::arbitrary<bool>())
                p.display_name = options_.empty_optional_texts ? text() : "N" + text();
            p.role = any_of<person_role>();
            if (p.role == person_role::manager) p.tier = any_of<management_tier>();
            p.profession = text();
            p.role_label = text();
            p.organization = maybe_pick(orgs_);
            p.provenance = any_of<provenance>();
            p.note = text();
            if (auto id = try_add(s_, p)) {
                people_.push_back(*id);
                if (p.role == person_role::manager) managers_.push_back(*id);
                if (p.role == person_role::patient_advisor) advisors_.push_back(*id);
            }
        }
    }

    void add_teams_and_activities() {
        for (int i = 0; i < n_ && !orgs_.empty(); ++i) {
            qi_team t;
            t.code = unique_code("T", i);
            t.organization = pick(orgs_);
            t.name = text();
            t.clinical_area = text();
            t.unit = text();
            t.level = any_of<team_level>();
            for (person_id p : some_of(people_)) {
                team_membership m;
                m.person = p;
                m.role_in_team = text();
                m.joined = any_date_in(w_);
                m.left = any_date_in(w_);
                if (m.joined && m.left && *m.left < *m.joined) std::swap(m.joined, m.left);
                m.external =
                    s_.get(p).organization != std::optional<organization_id>(t.organization);
                m.provenance = any_of<provenance>();
                t.members.push_back(m);
            }
            t.provenance = any_of<provenance>();
            t.note = text();
            if (auto id = try_add(s_, t)) teams_.push_back(*id);
        }
        for (int i = 0; i < n_ && !orgs_.empty(); ++i) {
            qi_activity a;
            a.code = unique_code("A", i);
            a.organization = pick(orgs_);
            a.team = maybe_pick(teams_);
            a.title = text();
            a.level = any_of<activity_level>();
            a.kind = any_of<activity_kind>();
            if (*rc::gen::arbitrary<bool>()) a.level_reached = any_of<engagement_level>();
            a.start = any_date_in(w_);
            a.end = any_date_in(w_);
            a.advisors = some_of(advisors_);
            a.provenance = any_of<provenance>();
            a.note = text();
            if (auto id = try_add(s_, a)) activities_.push_back(*id);
        }
    }

    void add_practices_and_engagements() {
        for (int i = 0; i < n_; ++i) {
            practice p;
            p.code = unique_code("PR", i);
            p.category = any_of<practice_category>();
            p.name = "practice " + text();
            p.description = text();
            p.provenance = any_of<provenance>();
            if (auto id = try_add(s_, p)) practices_.push_back(*id);
        }
        for (int i = 0; i < n_ && !practices_.empty() && !managers_.empty() && !orgs_.empty();
             ++i) {
            practice_enactment e;
            e.practice = pick(practices_);
            e.manager = pick(managers_);
            e.on = any_date_in(w_).value_or(w_.first());
            e.organization = pick(orgs_);
            e.team = maybe_pick(teams_);
            e.targets = some_of(people_);
            e.provenance = any_of<provenance>();
            e.note = text();
            if (auto id = try_add(s_, e)) enactments_.push_back(*id);
        }
        for (int i = 0; i < 2 * n_ && people_.size() >= 2; ++i) {
            engagement e;
            e.from = pick(people_);
            e.to = pick(people_);
            e.kind = any_of<engagement_kind>();
            e.level = any_of<engagement_level>();
            e.on = any_date_in(w_).value_or(w_.last());
            e.activity = maybe_pick(activities_);
            e.provenance = any_of<provenance>();
            (void)try_add(s_, e);
        }
    }

    void add_sources_and_totals() {
        std::vector<wave_id>& waves = waves_;
        for (int i = 0; i < n_ / 2; ++i) {
            wave v;
            v.code = unique_code("W", i);
            v.label = text();
            v.window = w_;
            v.provenance = any_of<provenance>();
            if (auto id = try_add(s_, v)) waves.push_back(*id);
        }
        for (int i = 0; i < n_; ++i) {
            data_source d;
            d.code = unique_code("S", i);
            d.kind = any_of<source_kind>();
            d.title = text();
            d.on = any_date_in(w_);
            d.wave = maybe_pick(waves);
            d.organization = maybe_pick(orgs_);
            if (!people_.empty()) d.participants.push_back(pick(people_));
            if (d.kind == source_kind::interview && *rc::gen::arbitrary<bool>())
                d.tier = any_of<management_tier>();
            if (d.kind == source_kind::focus_group) d.composition = any_of<group_composition>();
            d.text = text();
            d.provenance = any_of<provenance>();
            if (auto id = try_add(s_, d)) sources_.push_back(*id);
        }
        for (int i = 0; i < n_; ++i) {
            source_total t;
            t.kind = any_of<source_kind>();
            t.count = *rc::gen::arbitrary<std::uint32_t>();
            t.organization = maybe_pick(orgs_);
            if (t.kind == source_kind::interview && *rc::gen::arbitrary<bool>())
                t.tier = any_of<management_tier>();
            t.description = text();
            t.provenance = any_of<provenance>();
            (void)try_add(s_, t);
        }
    }

    void add_codes_segments_and_memos() {
        std::vector<code_id> codes;
        for (int i = 0; i < n_; ++i) {
            model::code c;
            c.name = "C" + std::to_string(i) + text();
            c.parent = maybe_pick(codes);
            c.definition = text();
            if (*rc::gen::arbitrary<bool>()) c.category = any_of<practice_category>();
            c.practice = maybe_pick(practices_);
            c.provenance = any_of<provenance>();
            if (auto id = try_add(s_, c)) codes.push_back(*id);
        }
        for (int i = 0; i < 2 * n_ && !sources_.empty() && !codes.empty(); ++i) {
            coded_segment g;
            g.source = pick(sources_);
            const auto length = static_cast<std::uint32_t>(s_.get(g.source).text.size());
            g.begin = *rc::gen::inRange<std::uint32_t>(0, length + 1);
            g.end = *rc::gen::inRange<std::uint32_t>(g.begin, length + 1);
            g.code = pick(codes);
            g.coder = "coder " + text();
            g.text = text();
            g.supports = some_of(enactments_);
            g.provenance = any_of<provenance>();
            if (auto id = try_add(s_, g)) segments_.push_back(*id);
        }
        for (int i = 0; i < n_; ++i) {
            memo m;
            m.title = text();
            m.text = text();
            m.on = any_date_in(w_);
            m.source = maybe_pick(sources_);
            m.code = maybe_pick(codes);
            m.provenance = any_of<provenance>();
            (void)try_add(s_, m);
        }
    }

    void add_study_cases() {
        for (int i = 0; i < n_ && !orgs_.empty(); ++i) {
            study_case c;
            c.code = unique_code("K", i);
            c.label = text();
            c.organization = pick(orgs_);
            for (team_id t : teams_)
                if (s_.get(t).organization == c.organization) c.teams.push_back(t);
            c.provenance = any_of<provenance>();
            (void)try_add(s_, c);
        }
    }

    void add_evaluations_and_influence() {
        std::vector<item_id> items;
        for (int i = 0; i < n_; ++i) {
            evaluation_item it;
            it.code = unique_code("I", i);
            it.instrument = any_of<evaluation_instrument>();
            it.domain = "D" + text();
            it.scale_min = *rc::gen::inRange<std::uint32_t>(0, 3);
            it.scale_max = it.scale_min + *rc::gen::inRange<std::uint32_t>(1, 10);
            it.scale_labels = text();
            it.wording = text();
            it.provenance = any_of<provenance>();
            if (auto id = try_add(s_, it)) items.push_back(*id);
        }
        for (int i = 0; i < 2 * n_ && !items.empty() && !people_.empty(); ++i) {
            evaluation_response r;
            r.respondent = pick(people_);
            r.item = pick(items);
            const evaluation_item& it = s_.get(r.item);
            r.value = *rc::gen::inRange<std::uint32_t>(it.scale_min, it.scale_max + 1);
            r.team = maybe_pick(teams_);
            r.wave = maybe_pick(waves_);
            r.on = any_date_in(w_);
            r.provenance = any_of<provenance>();
            (void)try_add(s_, r);
        }
        for (int i = 0; i < n_ && !advisors_.empty(); ++i) {
            advisor_input in;
            in.code = unique_code("IN", i);
            in.advisor = pick(advisors_);
            in.kind = any_of<input_kind>();
            in.summary = text();
            in.team = maybe_pick(teams_);
            in.activity = maybe_pick(activities_);
            in.on = any_date_in(w_).value_or(w_.first());
            in.source = maybe_pick(sources_);
            in.segment = maybe_pick(segments_);
            if (*rc::gen::arbitrary<bool>()) {
                in.decision = any_of<decision_outcome>();
                in.decided_by = maybe_pick(people_);
                in.decided_on = any_date_in(w_);
                in.decision_source = maybe_pick(sources_);
                if (takes_up(*in.decision) && *rc::gen::arbitrary<bool>()) {
                    in.change = any_of<change_kind>();
                    in.change_summary = text();
                    in.changed_on = any_date_in(w_);
                    in.change_source = maybe_pick(sources_);
                }
            }
            in.provenance = any_of<provenance>();
            in.note = text();
            (void)try_add(s_, in);
        }
    }

    const study_options& options_;
    case_study s_ = empty_study(options_);
    date_window w_ = s_.window();
    int n_ = *rc::gen::inRange(0, 10);  // records of each kind, roughly
    std::vector<organization_id> orgs_;
    std::vector<person_id> people_, managers_, advisors_;
    std::vector<team_id> teams_;
    std::vector<activity_id> activities_;
    std::vector<practice_id> practices_;
    std::vector<enactment_id> enactments_;
    std::vector<source_id> sources_;
    std::vector<wave_id> waves_;
    std::vector<segment_id> segments_;
};

}  // namespace

case_study any_study(const study_options& options) { return study_generator{options}.run(); }

}  // namespace partnerqi::io::testing
