#include "partnerqi/analysis/gripp2.hpp"

#include <map>
#include <set>
#include <sstream>
#include <unordered_set>

#include "partnerqi/analysis/detail/scope.hpp"
#include "partnerqi/analysis/detail/table.hpp"
#include "partnerqi/analysis/evidence.hpp"
#include "partnerqi/analysis/references.hpp"
#include "partnerqi/analysis/tokenism_audit.hpp"

namespace partnerqi::analysis {

using namespace model;

std::string_view to_string(gripp2_status status) noexcept {
    switch (status) {
        case gripp2_status::reported: return "reported";
        case gripp2_status::user_entered: return "user-entered";
        case gripp2_status::illustrative: return "illustrative";
        case gripp2_status::missing: return "missing";
    }
    return "invalid";
}

namespace {

// The provenance of the records behind one statement: the weakest one wins.
class sources {
public:
    void add(model::provenance p) {
        any_ = true;
        if (p == model::provenance::illustrative)
            illustrative_ = true;
        else if (p == model::provenance::user_entered)
            user_ = true;
    }
    template <class Record>
    void add(const Record& r) {
        add(r.provenance);
    }
    void add(const sources& other) {
        any_ = any_ || other.any_;
        illustrative_ = illustrative_ || other.illustrative_;
        user_ = user_ || other.user_;
    }
    [[nodiscard]] bool any() const noexcept { return any_; }
    [[nodiscard]] gripp2_status status() const noexcept {
        if (!any_) return gripp2_status::missing;
        if (illustrative_) return gripp2_status::illustrative;
        if (user_) return gripp2_status::user_entered;
        return gripp2_status::reported;
    }

private:
    bool any_ = false, illustrative_ = false, user_ = false;
};

gripp2_statement said(std::string text, const sources& from) {
    return {std::move(text), from.status()};
}
gripp2_statement missing(std::string what) { return {std::move(what), gripp2_status::missing}; }

std::string join(const std::set<std::string>& words) {
    std::string out;
    for (const std::string& w : words)
        out += (out.empty() ? "" : ", ") + w;
    return out;
}

}  // namespace

gripp2_report gripp2(const case_study& study, const filter& f) {
    detail::scope scope(study, f);
    gripp2_report report;
    report.scope = scope.resolved().label;

    // ---- What the records hold, in scope --------------------------------------------------
    std::unordered_set<person_id> advisors;
    sources membership_src;
    std::size_t teams_with_advisors = 0;
    std::unordered_set<team_id> teams_of_advisors;
    std::set<std::string> team_areas;
    sources team_src;
    for (const qi_team& t : study.all<qi_team>()) {
        if (!scope.has_place(t.organization, t.id)) continue;
        team_src.add(t);
        if (!t.clinical_area.empty()) team_areas.insert(t.clinical_area);
        bool with = false;
        for (const team_membership& m : t.members) {
            if (!scope.active(m) || study.get(m.person).role != person_role::patient_advisor)
                continue;
            advisors.insert(m.person);
            membership_src.add(m);
            membership_src.add(study.get(m.person));
            with = true;
        }
        if (with) {
            ++teams_with_advisors;
            teams_of_advisors.insert(t.id);
        }
    }

    // Activities with advisors: those listing advisors, or carried by a team with advisors.
    std::set<std::string> aims, kinds, levels;
    sources activity_src, level_src;
    std::size_t activities = 0;
    for (const qi_activity& a : study.all<qi_activity>()) {
        if (!scope.has_place(a.organization, a.team) || !scope.overlaps(a.start, a.end)) continue;
        if (a.advisors.empty() && !(a.team && teams_of_advisors.count(*a.team))) continue;
        ++activities;
        activity_src.add(a);
        aims.insert(a.title);
        kinds.insert(std::string(to_string(a.kind)));
        if (a.level_reached) {
            levels.insert(std::string(to_string(*a.level_reached)));
            level_src.add(a);
        }
    }
    std::map<std::string, std::size_t> engagement_levels;
    sources engagement_src;
    for (const engagement& e : study.all<engagement>()) {
        if (!scope.in_window(e.on)) continue;
        if (study.get(e.from).role != person_role::patient_advisor &&
            study.get(e.to).role != person_role::patient_advisor)
            continue;
        ++engagement_levels[std::string(to_string(e.level))];
        engagement_src.add(e);
    }
    std::size_t managing = 0;
    sources managing_src;
    for (const practice_enactment& e : study.all<practice_enactment>()) {
        if (!scope.has(e)) continue;
        const practice& p = study.get(e.practice);
        if (p.category != practice_category::managing_integration) continue;
        ++managing;
        managing_src.add(e);
    }
    std::set<std::string> places, programs, models;
    sources org_src;
    for (const organization& o : study.all<organization>()) {
        if (!scope.has_organization(o.id)) continue;
        org_src.add(o);
        places.insert(std::string(to_string(o.setting)) +
                      (o.region.empty() ? "" : " (" + o.region + ")"));
        if (!o.program.empty()) programs.insert(o.program);
        if (!o.partnership_model.empty()) models.insert(o.partnership_model);
    }

    const influence_summary influence = summarize_influence(study, f);
    sources influence_src, change_src;
    std::set<std::string> change_kinds;
    for (const advisor_input& in : study.all<advisor_input>()) {
        if (!scope.in_window(in.on)) continue;
        if (in.team && !scope.has_team(*in.team)) continue;
        influence_src.add(in);
        if (in.change) {
            change_src.add(in);
            change_kinds.insert(std::string(to_string(*in.change)));
        }
    }
    const evaluation_summary evaluation = summarize_evaluations(study, f);
    sources evaluation_src;
    std::set<std::string> instruments;
    for (const evaluation_response& r : study.all<evaluation_response>()) {
        const evaluation_item& item = study.get(r.item);
        if (r.on && !scope.in_window(*r.on)) continue;
        evaluation_src.add(r);
        instruments.insert(std::string(to_string(item.instrument)));
    }
    sources memo_src;
    std::size_t memos = 0;
    for (const memo& m : study.all<memo>()) {
        if (m.on && !scope.in_window(*m.on)) continue;
        ++memos;
        memo_src.add(m);
    }

    // ---- Statements ---------------------------------------------------------------------------
    auto aim = [&]() {
        if (aims.empty())
            return missing(
                "no QI activity with patient advisors is recorded: state the aim of involving "
                "them");
        return said("patient advisors took part in " + std::to_string(activities) +
                        " QI activities: " + join(aims),
                    activity_src);
    };
    auto methods = [&]() {
        std::vector<gripp2_statement> out;
        if (advisors.empty())
            out.push_back(
                missing("no patient advisor is recorded as a team member: describe who "
                        "was involved and how they were recruited"));
        else
            out.push_back(said(std::to_string(advisors.size()) + " patient advisors sat on " +
                                   std::to_string(teams_with_advisors) + " QI teams",
                               membership_src));
        if (!kinds.empty())
            out.push_back(said("kinds of activity with advisors: " + join(kinds), activity_src));
        if (managing > 0)
            out.push_back(said(std::to_string(managing) +
                                   " managing-integration practices (selecting, preparing, "
                                   "coaching advisors, ...) were enacted",
                               managing_src));
        else
            out.push_back(
                missing("no managing-integration practice is recorded: describe how advisors were "
                        "prepared and supported"));
        return out;
    };
    auto nature = [&]() {
        std::vector<gripp2_statement> out;
        if (engagement_levels.empty()) {
            out.push_back(
                missing("no engagement with advisors is recorded: describe the level "
                        "of involvement (information to partnership)"));
        } else {
            std::string text = "engagements with advisors by level reached:";
            for (const auto& [level, n] : engagement_levels)
                text += " " + level + " " + std::to_string(n) + ";";
            text.pop_back();
            out.push_back(said(text, engagement_src));
        }
        if (!levels.empty())
            out.push_back(
                said("levels reached by the activities with advisors: " + join(levels), level_src));
        return out;
    };
    auto results = [&]() {
        std::vector<gripp2_statement> out;
        const influence_counts& c = influence.total;
        if (c.inputs == 0) {
            out.push_back(
                missing("no influence-log entry: record advisors' input, the decision "
                        "taken on it and the change it led to"));
        } else {
            std::string text =
                std::to_string(c.inputs) + " advisor inputs, " + std::to_string(c.decided) +
                " decided (" + std::to_string(c.adopted) + " adopted, " +
                std::to_string(c.adapted) + " adapted, " + std::to_string(c.deferred) +
                " deferred, " + std::to_string(c.rejected) + " rejected)";
            if (c.adoption_rate)
                text += "; adoption rate " + format_text(*c.adoption_rate, figure::percent);
            if (c.median_days_to_decision)
                text += "; median " + format_text(*c.median_days_to_decision, figure::average) +
                        " days to a decision";
            out.push_back(said(text, influence_src));
        }
        if (evaluation.responses == 0) {
            out.push_back(
                missing("no evaluation response: record how participants rated the "
                        "engagement (PPEET, PEIRS-22 or your own instrument)"));
        } else {
            std::string text =
                std::to_string(evaluation.responses) + " evaluation responses from " +
                std::to_string(evaluation.respondents) + " respondents (" + join(instruments) + ")";
            std::size_t changes = 0;
            for (const domain_score& d : evaluation.rows)
                if (d.change) ++changes;
            if (changes > 0)
                text += "; " + std::to_string(changes) + " domain scores compared between waves";
            out.push_back(said(text, evaluation_src));
        }
        return out;
    };
    auto conclusions = [&]() {
        std::vector<gripp2_statement> out;
        if (influence.total.changes == 0)
            out.push_back(
                missing("no change is recorded as following from advisors' input: say how far the "
                        "involvement influenced care processes, documents, policies or QI plans"));
        else
            out.push_back(said(std::to_string(influence.total.changes) +
                                   " changes followed from advisors' input (" + join(change_kinds) +
                                   ")",
                               change_src));
        return out;
    };
    auto reflections = [&]() {
        std::vector<gripp2_statement> out;
        const tokenism_audit_report audit = tokenism_audit(study, f);
        const audit_summary s = summarize(audit);
        sources audit_src;
        audit_src.add(membership_src);
        audit_src.add(engagement_src);
        audit_src.add(influence_src);
        audit_src.add(evaluation_src);
        std::size_t fired = 0, not_assessable = 0;
        for (std::size_t i = 0; i < indicator_count; ++i) {
            fired += s.fired[i];
            not_assessable += s.not_assessable[i];
        }
        if (s.advisors == 0 && s.teams == 0)
            out.push_back(missing("nothing to audit for tokenism: no advisor or team in scope"));
        else
            out.push_back(
                said("tokenism audit (library heuristics, not findings): " +
                         std::to_string(s.flagged_advisors) + " of " + std::to_string(s.advisors) +
                         " advisors and " + std::to_string(s.flagged_teams) + " of " +
                         std::to_string(s.teams) + " teams flagged; " + std::to_string(fired) +
                         " indicators fired, " + std::to_string(not_assessable) + " not assessable",
                     audit_src));
        if (memos == 0)
            out.push_back(
                missing("no memo: write down what went well, what did not, and what "
                        "you would do differently"));
        else
            out.push_back(said(std::to_string(memos) + " analytic memos recorded", memo_src));
        return out;
    };
    auto context = [&]() {
        std::vector<gripp2_statement> out;
        if (places.empty())
            out.push_back(missing("no organization in scope: describe the setting"));
        else
            out.push_back(said("settings: " + join(places) +
                                   (programs.empty() ? "" : "; programmes: " + join(programs)),
                               org_src));
        if (!team_areas.empty())
            out.push_back(said("clinical areas of the QI teams: " + join(team_areas), team_src));
        return out;
    };

    auto item = [](std::string key, std::string title, std::vector<gripp2_statement> statements) {
        return gripp2_item{std::move(key), std::move(title), std::move(statements)};
    };
    report.short_form = {
        item("SF1", "Aim: the aim of patient involvement in the study", {aim()}),
        item("SF2", "Methods: how patients were involved", methods()),
        item("SF3", "Results: outcomes of involvement, positive and negative", results()),
        item("SF4", "Discussion and conclusions: how far involvement influenced the study",
             conclusions()),
        item("SF5", "Reflections and critical perspective", reflections()),
    };
    std::vector<gripp2_statement> concepts;
    if (models.empty())
        concepts.push_back(
            missing("no partnership model is recorded: state the conceptual or "
                    "theoretical basis of the involvement"));
    else
        concepts.push_back(said("partnership model: " + join(models), org_src));
    std::vector<gripp2_statement> capture;
    if (evaluation.responses == 0 && influence.total.inputs == 0)
        capture.push_back(
            missing("neither evaluation responses nor an influence log: say how "
                    "the impact of involvement was captured"));
    if (evaluation.responses > 0)
        capture.push_back(said("impact captured with " + join(instruments) + " (" +
                                   std::to_string(evaluation.items) + " items recorded)",
                               evaluation_src));
    if (influence.total.inputs > 0)
        capture.push_back(said("impact traced in an influence log (input, decision, change), " +
                                   std::to_string(influence.missing_evidence.size()) +
                                   " entries with a step lacking its evidence source",
                               influence_src));
    report.long_form = {
        item("LF-aim", "Aim", {aim()}),
        item("LF-definitions", "Definitions",
             {missing("define patient involvement and the roles (patient advisor, partner) as "
                      "the study uses them")}),
        item("LF-concepts", "Concepts and theory", concepts),
        item("LF-methods", "Methods", methods()),
        item("LF-stages", "Stages and nature of involvement", nature()),
        item("LF-context", "Context", context()),
        item("LF-capture", "Capture or measurement of impact", capture),
        item("LF-outcomes", "Outcomes, impacts and influence", results()),
        item("LF-economics", "Economic assessment",
             {missing("partnerqi records no costs: report the costs and resources of "
                      "involvement (advisors' time, compensation, staff time)")}),
        item("LF-reflections", "Reflections and critical perspective", reflections()),
    };
    for (const auto* form : {&report.short_form, &report.long_form})
        for (const gripp2_item& i : *form)
            for (const gripp2_statement& s : i.statements)
                ++report.counts[static_cast<std::size_t>(s.status)];
    return report;
}

std::string to_text(const gripp2_report& r) {
    std::ostringstream out;
    out << "GRIPP2 report (" << r.scope << ")\n"
        << detail::wrap_text("Checklist: ", reference_of("Staniszewska et al. 2017").citation(), 2)
        << detail::wrap_text("",
                             "Each statement is marked [reported] (from a published source), "
                             "[user-entered], [illustrative] (invented for an example: not a "
                             "fact) or [missing] (still to document).",
                             2)
        << "Statements: " << r.counts[0] << " reported, " << r.counts[1] << " user-entered, "
        << r.counts[2] << " illustrative, " << r.counts[3] << " missing.\n";
    auto form = [&](const char* title, const std::vector<gripp2_item>& items) {
        out << '\n' << title << '\n';
        for (const gripp2_item& i : items) {
            out << detail::wrap_text("  " + std::string(i.key) + "  ", i.title, 6);
            for (const gripp2_statement& s : i.statements)
                out << detail::wrap_text("      [" + std::string(to_string(s.status)) + "] ",
                                         s.text, 8);
        }
    };
    form("Short form (GRIPP2-SF)", r.short_form);
    form("Long form (GRIPP2-LF), by section", r.long_form);
    return out.str();
}

}  // namespace partnerqi::analysis
