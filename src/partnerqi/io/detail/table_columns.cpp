#include "partnerqi/io/detail/table_columns.hpp"

namespace partnerqi::io::detail {

namespace {

struct entry {
    std::string_view table;
    std::string_view column;  // empty: the table itself
    std::string_view description;
};

// One line per table and per column. The columns are the registry's field names
// (model/records.hpp), plus the keys and parent codes the tables add; a specification checks
// that every field has its line here.
constexpr entry descriptions[] = {
    {"study", "", "one row: the case study itself"},
    {"study", "title", "the study's title, e.g. Partners in Care"},
    {"study", "description", "free text about the study"},
    {"study", "window",
     "the study window: every dated record lies inside it, e.g. 2015-01-01/2017-12-31"},

    {"organizations", "", "one row per healthcare organization taking part"},
    {"organizations", "code", "the organization's code, unique, e.g. HCO-1"},
    {"organizations", "name", "its name, e.g. Rural health and social services centre"},
    {"organizations", "kind", "a free label of what kind of organization it is"},
    {"organizations", "setting", "the setting it serves"},
    {"organizations", "region", "its region, e.g. Quebec"},
    {"organizations", "program",
     "the partnership programme it runs, e.g. Partners in Care Program"},
    {"organizations", "partnership_model", "the partnership model it follows, e.g. Montreal model"},
    {"organizations", "provenance", "where the row comes from"},
    {"organizations", "note", "free text (removed by de-identification)"},

    {"people", "", "one row per person, each with one role"},
    {"people", "code", "the participant code, unique, e.g. M-TOP-03"},
    {"people", "display_name", "the person's name (personal data, removed by de-identification)"},
    {"people", "role", "the one role the person holds in the study"},
    {"people", "tier", "the management tier: filled in for a manager, and only for a manager"},
    {"people", "profession", "for providers, the profession, e.g. psychiatrist"},
    {"people", "role_label", "a title or label, e.g. ICL, program manager"},
    {"people", "organization", "the organization the person belongs to; empty: none of the study"},
    {"people", "provenance", "where the row comes from"},
    {"people", "note", "free text (removed by de-identification)"},

    {"teams", "", "one row per QI team; its members are in team_members.csv"},
    {"teams", "code", "the team's code, unique, e.g. T1-MH"},
    {"teams", "organization", "the organization the team belongs to"},
    {"teams", "name", "its name, e.g. Mental health QI team"},
    {"teams", "clinical_area", "the clinical area, e.g. mental health"},
    {"teams", "unit", "the unit, e.g. ambulatory hospital services"},
    {"teams", "level", "where in the organization the team works"},
    {"teams", "provenance", "where the row comes from"},
    {"teams", "note", "free text (removed by de-identification)"},

    {"team_members", "", "one row per member of a team, in the team's order"},
    {"team_members", "team", "the team"},
    {"team_members", "person", "the member; a person is listed at most once per team"},
    {"team_members", "role_in_team", "the member's role in the team, e.g. medical chief"},
    {"team_members", "joined", "when the member joined; empty: not reported"},
    {"team_members", "left", "when the member left, not before joined; empty: still a member"},
    {"team_members", "external",
     "true when the person belongs to another organization than the team's"},
    {"team_members", "provenance", "where the row comes from"},

    {"activities", "", "one row per QI activity done with advisors"},
    {"activities", "code", "the activity's code, unique, e.g. A1-kaizen"},
    {"activities", "organization", "the organization that runs it"},
    {"activities", "team", "the team that carries it, of that organization; empty: none"},
    {"activities", "title", "its title, e.g. Kaizen event on the intake process"},
    {"activities", "level", "clinical-team level or another level"},
    {"activities", "kind", "what it does with advisors"},
    {"activities", "level_reached", "the engagement level it reached; empty: not reported"},
    {"activities", "start", "when it started; empty: not reported"},
    {"activities", "end", "when it ended, not before start; empty: ongoing or not reported"},
    {"activities", "advisors", "the patient advisors who took part, each once"},
    {"activities", "provenance", "where the row comes from"},
    {"activities", "note", "free text (removed by de-identification)"},

    {"practices", "", "one row per managerial practice of the catalog"},
    {"practices", "code", "the practice's code, unique, e.g. MAN-prepare"},
    {"practices", "category", "the category of practice it belongs to"},
    {"practices", "name", "its name, never empty, e.g. preparing advisors"},
    {"practices", "description", "what managers do, in the study's words when reported"},
    {"practices", "provenance", "where the row comes from"},

    {"enactments", "", "one row each time a manager performed a practice"},
    {"enactments", "key",
     "a short text naming the row, unique in the table (e.g. 1, 2, ...), for segments.csv's "
     "supports column; may stay empty when no segment names the row"},
    {"enactments", "practice", "the practice performed"},
    {"enactments", "manager", "the manager who performed it (a person with the manager role)"},
    {"enactments", "on", "when it was performed"},
    {"enactments", "organization", "the organization it was performed for"},
    {"enactments", "team", "the team it was performed for; empty: the whole organization"},
    {"enactments", "targets", "the people it was aimed at, each once"},
    {"enactments", "provenance", "where the row comes from"},
    {"enactments", "note", "free text (removed by de-identification)"},

    {"engagements", "", "one row per engagement of one person by another, on a date"},
    {"engagements", "from", "who engages"},
    {"engagements", "to", "who is engaged; never the same person as from"},
    {"engagements", "kind", "what the first person did with or for the second"},
    {"engagements", "level", "the engagement level it reached"},
    {"engagements", "on", "when it happened"},
    {"engagements", "activity", "the QI activity it belongs to; empty: none"},
    {"engagements", "provenance", "where the row comes from"},

    {"waves", "", "one row per wave of data collection"},
    {"waves", "code", "the wave's code, unique, e.g. W1"},
    {"waves", "label", "its label, e.g. first wave of interviews"},
    {"waves", "window", "its first and last day, inside the study window"},
    {"waves", "provenance", "where the row comes from"},

    {"sources", "", "one row per piece of evidence: interview, focus group, document, observation"},
    {"sources", "code", "the source's code, unique, e.g. INT-07"},
    {"sources", "kind", "what kind of evidence it is"},
    {"sources", "title", "its title (removed by de-identification)"},
    {"sources", "on", "when it was collected, inside its wave; empty: not reported"},
    {"sources", "wave", "the wave it was collected in; empty: none or not reported"},
    {"sources", "organization", "the organization it is tied to; empty: none"},
    {"sources", "participants",
     "the people who took part, each once; an interview has at most one"},
    {"sources", "tier", "for an interview with a manager, the tier; empty: not reported"},
    {"sources", "composition", "for a focus group, who took part; empty: not reported"},
    {"sources", "text",
     "the transcript or content; coded segments point into it (removed by de-identification)"},
    {"sources", "provenance", "where the row comes from"},

    {"totals", "", "one row per reported total of sources, whose split may be unknown"},
    {"totals", "kind", "the kind of source counted"},
    {"totals", "count", "the number of sources reported"},
    {"totals", "organization", "the organization counted; empty: the whole study"},
    {"totals", "tier", "for interviews, the tier counted; empty: across tiers"},
    {"totals", "description", "e.g. interviews with managers at the three tiers"},
    {"totals", "provenance", "where the row comes from"},

    {"codes", "", "one row per code of the codebook (a parent above its children)"},
    {"codes", "name", "the code's name, unique and never empty, e.g. managing/preparing advisors"},
    {"codes", "parent", "the enclosing code, by name, on a row above; empty: a top-level code"},
    {"codes", "definition", "when to apply the code, for coders"},
    {"codes", "category", "the category of practice it stands for; empty: none"},
    {"codes", "practice", "the practice it stands for; empty: none"},
    {"codes", "provenance", "where the row comes from"},

    {"segments", "", "one row per span of a source coded with one code by one coder"},
    {"segments", "key",
     "a short text naming the row, unique in the table (e.g. 1, 2, ...), for influence_log.csv's "
     "segment column; may stay empty when no entry of the log names the row"},
    {"segments", "source", "the source coded"},
    {"segments", "begin", "byte offset of the span's first character in the source's text"},
    {"segments", "end", "byte offset one past the span's last character; not before begin"},
    {"segments", "code", "the code applied, by name"},
    {"segments", "coder", "who coded it, never empty, e.g. coder-A"},
    {"segments", "text", "the quoted span (removed by de-identification)"},
    {"segments", "supports", "the practice enactments the span is evidence for, each once"},
    {"segments", "provenance", "where the row comes from"},

    {"memos", "", "one row per analytic memo"},
    {"memos", "title", "its title, e.g. Tier differences in preparing advisors"},
    {"memos", "text", "the memo itself (removed by de-identification)"},
    {"memos", "on", "when it was written; empty: not recorded"},
    {"memos", "source", "the source it is about; empty: none"},
    {"memos", "code", "the code it is about, by name; empty: none"},
    {"memos", "provenance", "where the row comes from"},

    {"cases", "", "one row per case of the study: an organization and the teams studied in it"},
    {"cases", "code", "the case's code, unique, e.g. case-1"},
    {"cases", "label", "its label, e.g. Case 1: rural centre"},
    {"cases", "organization", "the organization studied"},
    {"cases", "teams", "the teams of that organization studied, each once"},
    {"cases", "provenance", "where the row comes from"},

    {"evaluation_items", "",
     "one row per item of an engagement-evaluation instrument (PPEET, PEIRS-22 or your own); "
     "no published wording is shipped"},
    {"evaluation_items", "code", "the item identifier, unique, e.g. PEIRS22-07"},
    {"evaluation_items", "instrument", "the instrument the item belongs to"},
    {"evaluation_items", "domain", "the principle or domain, e.g. influence and impact"},
    {"evaluation_items", "scale_min", "the lowest value of the response scale, e.g. 1"},
    {"evaluation_items", "scale_max", "the highest value of the response scale, above scale_min"},
    {"evaluation_items", "scale_labels",
     "what the scale's values mean, e.g. 1 = strongly disagree"},
    {"evaluation_items", "wording", "the item's text, only when you are licensed to use it"},
    {"evaluation_items", "provenance", "where the row comes from"},

    {"evaluation_responses", "", "one row per respondent's answer to one evaluation item"},
    {"evaluation_responses", "respondent", "who answered; their role is the person's role"},
    {"evaluation_responses", "item", "the item answered"},
    {"evaluation_responses", "value", "the answer, on the item's scale"},
    {"evaluation_responses", "team", "the team evaluated; empty: the organization as a whole"},
    {"evaluation_responses", "wave", "the wave of the evaluation; empty: none"},
    {"evaluation_responses", "on", "when it was answered; empty: not known"},
    {"evaluation_responses", "provenance", "where the row comes from"},

    {"influence_log", "",
     "one row per advisor input (proposal, concern, question), the decision taken on it and the "
     "change it led to"},
    {"influence_log", "code", "the entry's code, unique, e.g. IN-03"},
    {"influence_log", "advisor", "the patient advisor who brought it"},
    {"influence_log", "kind", "proposal, concern or question"},
    {"influence_log", "summary", "what the advisor brought, in a few words"},
    {"influence_log", "team", "the team it was brought to; empty: none"},
    {"influence_log", "activity", "the QI activity it belongs to; empty: none"},
    {"influence_log", "on", "when it was brought"},
    {"influence_log", "source", "the evidence of the input; empty: none"},
    {"influence_log", "segment", "the coded segment quoting it, by its key; empty: none"},
    {"influence_log", "decision", "the decision taken; empty: none recorded yet"},
    {"influence_log", "decided_by", "who decided; empty: not recorded"},
    {"influence_log", "decided_on", "when it was decided, not before the input"},
    {"influence_log", "decision_source", "the evidence of the decision; empty: none"},
    {"influence_log", "change", "what it changed, only after adopted or adapted"},
    {"influence_log", "change_summary", "the change, in a few words"},
    {"influence_log", "changed_on", "when the change was made, not before the decision"},
    {"influence_log", "change_source", "the evidence of the change; empty: none"},
    {"influence_log", "provenance", "where the row comes from"},
    {"influence_log", "note", "free text (removed by de-identification)"},
};

}  // namespace

std::string_view column_description(std::string_view table, std::string_view column) noexcept {
    for (const entry& e : descriptions) {
        if (e.table == table && e.column == column) return e.description;
    }
    return {};
}

}  // namespace partnerqi::io::detail
