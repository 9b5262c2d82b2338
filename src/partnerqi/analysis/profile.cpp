#include "partnerqi/analysis/profile.hpp"

#include <sstream>
#include <type_traits>
#include <unordered_map>

namespace partnerqi::analysis {

using namespace partnerqi::model;

namespace {

template <class Rec>
void count_provenance(const std::vector<Rec>& records, std::array<std::size_t, 3>& counts) {
    for (const Rec& r : records)
        ++counts[static_cast<std::size_t>(r.provenance)];
}

}  // namespace

case_study_profile profile(const case_study& study) {
    case_study_profile p;
    p.title = study.title();
    p.window = study.window();
    // One pass over people and activities, each counted under its organization's profile.
    std::unordered_map<organization_id, std::size_t> at;
    for (const organization& o : study.all<organization>()) {
        organization_profile op;
        op.organization = o.id;
        op.code = o.code;
        op.name = o.name;
        op.setting = o.setting;
        op.program = o.program;
        at.emplace(o.id, p.organizations.size());
        p.organizations.push_back(std::move(op));
    }
    for (const person& who : study.all<person>()) {
        if (!who.organization) continue;
        auto it = at.find(*who.organization);
        if (it == at.end()) continue;
        organization_profile& op = p.organizations[it->second];
        ++op.people_by_role[static_cast<std::size_t>(who.role)];
        if (who.tier) ++op.managers_by_tier[static_cast<std::size_t>(*who.tier)];
    }
    for (const qi_activity& a : study.all<qi_activity>()) {
        auto it = at.find(a.organization);
        if (it == at.end()) continue;
        organization_profile& op = p.organizations[it->second];
        ++(a.level == activity_level::clinical_team ? op.clinical_team_activities
                                                    : op.other_level_activities);
    }
    for (const qi_team& t : study.all<qi_team>()) {
        team_profile tp;
        tp.team = t.id;
        tp.code = t.code;
        tp.organization_code = study.get(t.organization).code;
        tp.members = t.members.size();
        for (const team_membership& m : t.members)
            if (study.get(m.person).role == person_role::patient_advisor) ++tp.advisors;
        p.teams.push_back(std::move(tp));
    }
    for (const data_source& s : study.all<data_source>())
        ++p.sources_by_kind[static_cast<std::size_t>(s.kind)];
    p.totals = study.all<source_total>();
    // Every top-level record kind of the registry.
    for_each_type(record_kinds{}, [&](auto* tag) {
        using Kind = std::remove_pointer_t<decltype(tag)>;
        count_provenance(study.all<Kind>(), p.records_by_provenance);
    });
    p.engagements = study.all<engagement>().size();
    p.enactments = study.all<practice_enactment>().size();
    p.segments = study.all<coded_segment>().size();
    p.evaluation_items = study.all<evaluation_item>().size();
    p.evaluation_responses = study.all<evaluation_response>().size();
    p.influence_entries = study.all<advisor_input>().size();
    return p;
}

std::string to_text(const case_study_profile& p) {
    std::ostringstream out;
    out << p.title << "\n";
    out << "Study window: " << p.window.to_iso() << "\n\n";
    for (const organization_profile& o : p.organizations) {
        out << "Organization " << o.code << ": " << o.name << "\n";
        out << "  setting: " << to_string(o.setting)
            << "; program: " << (o.program.empty() ? "(none recorded)" : o.program) << "\n";
        out << "  people by role:";
        for (person_role r : enum_traits<person_role>::values) {
            std::size_t n = o.people_by_role[static_cast<std::size_t>(r)];
            if (n) out << " " << to_string(r) << " " << n << ";";
        }
        out << "\n  managers by tier:";
        for (management_tier t : enum_traits<management_tier>::values)
            out << " " << to_string(t) << " " << o.managers_by_tier[static_cast<std::size_t>(t)]
                << ";";
        out << "\n  QI activities: " << o.clinical_team_activities
            << " at the clinical-team level, " << o.other_level_activities << " at other levels\n";
    }
    out << "\n";
    for (const team_profile& t : p.teams)
        out << "QI team " << t.code << ": " << t.members << " members, " << t.advisors
            << " patient advisors (organization " << t.organization_code << ")\n";
    out << "\nData sources recorded one by one:";
    for (source_kind k : enum_traits<source_kind>::values)
        out << " " << to_string(k) << " " << p.sources_by_kind[static_cast<std::size_t>(k)] << ";";
    out << "\n";
    for (const source_total& t : p.totals) {
        out << "Known total: " << t.count << " " << to_string(t.kind) << (t.count == 1 ? "" : "s");
        if (t.tier) out << " with " << to_string(*t.tier) << " managers";
        out << " (" << to_string(t.provenance) << ")";
        if (!t.description.empty()) out << ": " << t.description;
        out << "\n";
    }
    out << "\nEngagements: " << p.engagements << "; practice enactments: " << p.enactments
        << "; coded segments: " << p.segments << "\n";
    out << "Evaluation items: " << p.evaluation_items
        << "; evaluation responses: " << p.evaluation_responses
        << "; influence-log entries: " << p.influence_entries << "\n";
    out << "Records by provenance:";
    for (provenance v : enum_traits<provenance>::values)
        out << " " << to_string(v) << " " << p.records_by_provenance[static_cast<std::size_t>(v)]
            << ";";
    out << "\n";
    return out.str();
}

}  // namespace partnerqi::analysis
