#include "partnerqi/model/synthetic.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "partnerqi/error.hpp"
#include "partnerqi/model/practice_catalog.hpp"

namespace partnerqi::model::detail {

namespace {

// xoshiro256** seeded through splitmix64, and our own bounded mapping: the standard
// distributions give different numbers on different standard libraries, and the same seed
// must give the same study everywhere.
class random_source {
public:
    explicit random_source(std::uint64_t seed) noexcept {
        for (std::uint64_t& word : state_)
            word = splitmix(seed);
    }

    std::uint64_t next() noexcept {
        const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
        const std::uint64_t t = state_[1] << 17;
        state_[2] ^= state_[0];
        state_[3] ^= state_[1];
        state_[1] ^= state_[2];
        state_[0] ^= state_[3];
        state_[2] ^= t;
        state_[3] = rotl(state_[3], 45);
        return result;
    }

    // A uniform integer in [0, n), n > 0 (Lemire's multiply-and-reject, on 32 bits).
    std::uint32_t below(std::uint32_t n) noexcept {
        std::uint64_t m = std::uint64_t{static_cast<std::uint32_t>(next() >> 32)} * n;
        auto low = static_cast<std::uint32_t>(m);
        if (low < n) {
            const std::uint32_t threshold = (0u - n) % n;
            while (low < threshold) {
                m = std::uint64_t{static_cast<std::uint32_t>(next() >> 32)} * n;
                low = static_cast<std::uint32_t>(m);
            }
        }
        return static_cast<std::uint32_t>(m >> 32);
    }

    std::uint32_t below(std::size_t n) noexcept { return below(static_cast<std::uint32_t>(n)); }

    // A uniform integer in [low, high].
    std::uint32_t between(std::uint32_t low, std::uint32_t high) noexcept {
        return low + below(high - low + 1);
    }

    // True with the given chance, in percent.
    bool percent(std::uint32_t chance) noexcept { return below(100u) < chance; }

    template <class T>
    const T& pick(const std::vector<T>& from) noexcept {
        return from[below(from.size())];
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) noexcept {
        return (x << k) | (x >> (64 - k));
    }
    static std::uint64_t splitmix(std::uint64_t& x) noexcept {
        std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    std::array<std::uint64_t, 4> state_{};
};

// Where one organization's people sit in the people vector (by index), and its teams,
// activities and enactments, so that draws can stay inside the organization.
struct organization_plan {
    std::vector<std::uint32_t> all, top, mid, front, providers, advisors, coordinators, others;
    std::vector<std::uint32_t> urn;         // one entry per engagement endpoint: draws by degree
    std::vector<std::uint32_t> teams;       // indices into data.teams, clinical teams
    std::uint32_t committee = 0;            // index into data.teams
    std::vector<std::uint32_t> activities;  // indices into data.activities
    std::vector<std::uint32_t> enactments;  // indices into data.enactments
};

constexpr std::array<const char*, 9> professions = {
    "nurse",      "psychologist",    "occupational therapist", "physician", "social worker",
    "pharmacist", "physiotherapist", "psychiatrist",           "oncologist"};
constexpr std::array<const char*, 8> clinical_areas = {
    "mental health", "oncology",       "cardiology",     "geriatrics",
    "primary care",  "emergency care", "rehabilitation", "maternal and child health"};
constexpr std::array<const char*, 5> units = {"ambulatory hospital services",
                                              "acute inpatient care", "day hospital",
                                              "community services", "home care"};
constexpr std::array<const char*, 24> words = {
    "the",     "team",    "advisor",  "patient", "manager",  "we",      "prepared", "meeting",
    "care",    "pathway", "feedback", "project", "together", "quality", "listened", "changed",
    "because", "their",   "voice",    "support", "coach",    "improve", "agenda",   "time"};

std::string numbered(const char* prefix, std::uint32_t n) { return prefix + std::to_string(n); }

void require_option(bool ok, const std::string& what) {
    if (!ok) throw invalid_request_error("synthetic case study: " + what);
}

struct derived_sizes {
    std::uint32_t organizations, enactments, sources;
};

derived_sizes check_options(const synthetic_options& o) {
    require_option(o.people <= 10'000'000u, "people must be at most 10^7; ask for fewer people");
    require_option(o.engagements <= 100'000'000u,
                   "engagements must be at most 10^8; ask for fewer engagements");
    require_option(o.years >= 1 && o.years <= 50, "years must be between 1 and 50");
    require_option(o.first_year >= 1900 && o.first_year + o.years - 1 <= 2199,
                   "the window must lie in the years 1900 to 2199; change first_year");
    require_option(o.within_organization_percent <= 100 && o.preferential_percent <= 100,
                   "percentages must be between 0 and 100");
    derived_sizes s{};
    s.organizations = o.organizations != 0 ? o.organizations : std::max(1u, o.people / 1000);
    require_option(o.people >= 20u * std::uint64_t{s.organizations},
                   "each organization needs at least 20 people; ask for more people or fewer "
                   "organizations");
    s.enactments = o.enactments != 0 ? o.enactments : o.people / 5;
    require_option(s.enactments <= 100'000'000u, "enactments must be at most 10^8");
    s.sources = o.sources != 0 ? o.sources : std::max(2 * s.organizations, o.people / 100);
    require_option(s.sources <= 1'000'000u, "sources must be at most 10^6");
    require_option(o.segments_per_source <= 1'000u, "segments_per_source must be at most 1000");
    require_option(o.source_text_length <= 1'000'000u,
                   "source_text_length must be at most 10^6 characters");
    require_option(std::uint64_t{s.sources} * o.source_text_length <= 1'000'000'000u,
                   "sources times source_text_length must be at most 10^9 characters");
    return s;
}

// Up to `count` distinct entries of `pool`, drawn at random (count is small).
std::vector<std::uint32_t> distinct_sample(random_source& rng,
                                           const std::vector<std::uint32_t>& pool,
                                           std::size_t count) {
    count = std::min(count, pool.size());
    std::vector<std::uint32_t> out;
    out.reserve(count);
    while (out.size() < count) {
        std::uint32_t candidate = rng.pick(pool);
        if (std::find(out.begin(), out.end(), candidate) == out.end()) out.push_back(candidate);
    }
    return out;
}

person_id person_at(std::uint32_t index) { return person_id{index + 1}; }

class generator {
public:
    generator(const synthetic_options& options, derived_sizes sizes)
        : o_(options), sizes_(sizes), rng_(options.seed) {}

    case_study_data run() {
        d_.title = "Synthetic partnership, seed " + std::to_string(o_.seed);
        d_.description =
            "An invented province-wide partnership for benchmarks and tests; "
            "every record is illustrative.";
        d_.window = date_window::years(o_.first_year, o_.first_year + o_.years - 1);
        first_day_ = d_.window.first().days_since_epoch();
        span_days_ =
            static_cast<std::uint32_t>(days_between(d_.window.first(), d_.window.last())) + 1;
        make_organizations_and_people();
        make_teams();
        make_activities();
        make_practices_and_codes();
        make_enactments();
        make_engagements();
        make_waves_and_sources();
        make_totals_memos_and_cases();
        return std::move(d_);
    }

private:
    date random_day() {
        return date::from_days(first_day_ + static_cast<std::int32_t>(rng_.below(span_days_)));
    }

    void make_organizations_and_people() {
        static constexpr std::array<setting, 4> settings = {setting::urban, setting::rural,
                                                            setting::semi_urban, setting::mixed};
        plans_.resize(sizes_.organizations);
        d_.all<organization>().reserve(sizes_.organizations);
        d_.all<person>().reserve(o_.people);
        org_of_.reserve(o_.people);
        for (std::uint32_t k = 0; k < sizes_.organizations; ++k) {
            organization org;
            org.id = organization_id{k + 1};
            org.code = numbered("HCO-", k + 1);
            org.name = numbered("Synthetic health and social services centre ", k + 1);
            org.kind = "integrated health and social services centre";
            org.setting = settings[k % settings.size()];
            org.region = numbered("Region ", k % 17 + 1);
            org.program = "Partners in Care Program";
            org.partnership_model = "Montreal model";
            org.provenance = provenance::illustrative;
            d_.all<organization>().push_back(std::move(org));

            // People split as evenly as possible; roles in fixed shares of the organization.
            const std::uint32_t n =
                o_.people / sizes_.organizations + (k < o_.people % sizes_.organizations ? 1 : 0);
            const std::uint32_t coordinators = 1 + n / 500;
            const std::uint32_t top = std::max(1u, n * 2 / 100);
            const std::uint32_t mid = std::max(1u, n * 5 / 100);
            const std::uint32_t front = std::max(1u, n * 10 / 100);
            const std::uint32_t advisors = std::max(2u, n * 15 / 100);
            const std::uint32_t others = n / 50;
            const std::uint32_t providers =
                n - coordinators - top - mid - front - advisors - others;
            add_people(k, coordinators, person_role::partnership_coordinator, std::nullopt,
                       "COORD-");
            add_people(k, top, person_role::manager, management_tier::top_level, "M-TOP-");
            add_people(k, mid, person_role::manager, management_tier::mid_level, "M-MID-");
            add_people(k, front, person_role::manager, management_tier::front_line, "M-FL-");
            add_people(k, advisors, person_role::patient_advisor, std::nullopt, "ADV-");
            add_people(k, others, person_role::other, std::nullopt, "ICL-");
            add_people(k, providers, person_role::provider, std::nullopt, "PRO-");
        }
    }

    void add_people(std::uint32_t org, std::uint32_t count, person_role role,
                    std::optional<management_tier> tier, const char* prefix) {
        organization_plan& plan = plans_[org];
        for (std::uint32_t i = 0; i < count; ++i) {
            const auto index = static_cast<std::uint32_t>(d_.all<person>().size());
            person p;
            p.id = person_at(index);
            p.code = numbered(prefix, index + 1);
            p.role = role;
            p.tier = tier;
            p.organization = organization_id{org + 1};
            p.provenance = provenance::illustrative;
            switch (role) {
                case person_role::manager:
                    p.role_label = tier == management_tier::top_level   ? "director"
                                   : tier == management_tier::mid_level ? "program manager"
                                                                        : "unit head";
                    if (tier == management_tier::top_level)
                        plan.top.push_back(index);
                    else if (tier == management_tier::mid_level)
                        plan.mid.push_back(index);
                    else
                        plan.front.push_back(index);
                    break;
                case person_role::provider:
                    p.profession = professions[rng_.below(professions.size())];
                    plan.providers.push_back(index);
                    break;
                case person_role::patient_advisor:
                    p.role_label = "patient advisor";
                    plan.advisors.push_back(index);
                    break;
                case person_role::partnership_coordinator:
                    p.role_label = "partnership coordinator";
                    plan.coordinators.push_back(index);
                    break;
                default:
                    p.role_label = "ICL";
                    plan.others.push_back(index);
                    break;
            }
            plan.all.push_back(index);
            org_of_.push_back(org);
            role_of_.push_back(static_cast<std::uint8_t>(role));
            tier_of_.push_back(tier ? static_cast<std::uint8_t>(*tier) : std::uint8_t{0});
            d_.all<person>().push_back(std::move(p));
        }
    }

    team_membership member(std::uint32_t index, std::string role_in_team) {
        team_membership m;
        m.person = person_at(index);
        m.role_in_team = std::move(role_in_team);
        // Joined some time in the first year of the window.
        m.joined = date::from_days(
            first_day_ + static_cast<std::int32_t>(rng_.below(std::min(span_days_, 365u))));
        return m;
    }

    qi_team& new_team(std::uint32_t org, team_level level) {
        qi_team t;
        t.id = team_id{static_cast<std::uint32_t>(d_.all<qi_team>().size()) + 1};
        t.code = numbered(level == team_level::clinical_team ? "T-" : "COM-", t.id.value);
        t.organization = organization_id{org + 1};
        t.level = level;
        t.provenance = provenance::illustrative;
        d_.all<qi_team>().push_back(std::move(t));
        return d_.all<qi_team>().back();
    }

    void make_teams() {
        led_team_.assign(o_.people, 0);
        for (std::uint32_t k = 0; k < plans_.size(); ++k) {
            organization_plan& plan = plans_[k];
            // The organizational committee: top and mid-level managers, coordinators, advisors.
            plan.committee = static_cast<std::uint32_t>(d_.all<qi_team>().size());
            {
                qi_team& c = new_team(k, team_level::organizational_committee);
                c.name = numbered("Partnership committee of HCO-", k + 1);
                c.clinical_area = "organization-wide";
                c.unit = "executive office";
                for (std::uint32_t i : plan.top)
                    c.members.push_back(member(i, "executive sponsor"));
                for (std::uint32_t i : plan.mid)
                    c.members.push_back(member(i, "program manager"));
                for (std::uint32_t i : plan.coordinators)
                    c.members.push_back(member(i, "coordinator"));
                for (std::uint32_t i : distinct_sample(rng_, plan.advisors, rng_.between(1, 4)))
                    c.members.push_back(member(i, "patient advisor"));
            }
            // One clinical QI team per front-line manager.
            for (std::uint32_t lead : plan.front) {
                plan.teams.push_back(static_cast<std::uint32_t>(d_.all<qi_team>().size()));
                led_team_[lead] = static_cast<std::uint32_t>(d_.all<qi_team>().size()) + 1;
                qi_team& t = new_team(k, team_level::clinical_team);
                t.clinical_area = clinical_areas[rng_.below(clinical_areas.size())];
                t.unit = units[rng_.below(units.size())];
                t.name = "QI team, " + t.clinical_area + ", " + numbered("#", t.id.value);
                t.members.push_back(member(lead, "program manager"));
                for (std::uint32_t i : distinct_sample(rng_, plan.providers, rng_.between(3, 6)))
                    t.members.push_back(member(i, std::string(d_.all<person>()[i].profession)));
                for (std::uint32_t i : distinct_sample(rng_, plan.advisors, rng_.between(1, 4)))
                    t.members.push_back(member(i, "patient advisor"));
                if (!plan.others.empty() && rng_.percent(50))
                    t.members.push_back(member(rng_.pick(plan.others), "ICL"));
            }
        }
    }

    std::vector<person_id> advisors_of(const qi_team& t) const {
        std::vector<person_id> out;
        for (const team_membership& m : t.members)
            if (d_.all<person>()[m.person.value - 1].role == person_role::patient_advisor)
                out.push_back(m.person);
        return out;
    }

    void add_activity(std::uint32_t org, const qi_team& team, activity_level level) {
        qi_activity a;
        a.id = activity_id{static_cast<std::uint32_t>(d_.all<qi_activity>().size()) + 1};
        a.code = numbered("A-", a.id.value);
        a.organization = organization_id{org + 1};
        a.team = team.id;
        a.title =
            (level == activity_level::clinical_team ? "Improving " : "Organization-wide work on ") +
            team.clinical_area;
        a.level = level;
        a.kind = static_cast<activity_kind>(rng_.below(4u));
        a.level_reached = static_cast<engagement_level>(rng_.below(4u));
        const std::uint32_t start = rng_.below(span_days_);
        a.start = date::from_days(first_day_ + static_cast<std::int32_t>(start));
        a.end = date::from_days(first_day_ +
                                static_cast<std::int32_t>(start + rng_.below(span_days_ - start)));
        a.advisors = advisors_of(team);
        a.provenance = provenance::illustrative;
        plans_[org].activities.push_back(static_cast<std::uint32_t>(d_.all<qi_activity>().size()));
        d_.all<qi_activity>().push_back(std::move(a));
    }

    void make_activities() {
        for (std::uint32_t k = 0; k < plans_.size(); ++k) {
            for (std::uint32_t t : plans_[k].teams)
                add_activity(k, d_.all<qi_team>()[t], activity_level::clinical_team);
            for (int i = 0; i < 2; ++i)
                add_activity(k, d_.all<qi_team>()[plans_[k].committee], activity_level::other);
        }
    }

    void make_practices_and_codes() {
        d_.all<practice>() = default_practice_catalog();
        for (std::uint32_t i = 0; i < d_.all<practice>().size(); ++i) {
            d_.all<practice>()[i].id = practice_id{i + 1};
            by_category_[static_cast<std::size_t>(d_.all<practice>()[i].category)].push_back(i);
        }
        // The codebook: one code per category, and under it one code per practice.
        for (practice_category c : enum_traits<practice_category>::values) {
            code k;
            k.id = code_id{static_cast<std::uint32_t>(d_.all<code>().size()) + 1};
            k.name = std::string(to_string(c));
            k.definition = std::string(purpose(c));
            k.category = c;
            d_.all<code>().push_back(std::move(k));
        }
        for (const practice& p : d_.all<practice>()) {
            code k;
            k.id = code_id{static_cast<std::uint32_t>(d_.all<code>().size()) + 1};
            k.name = std::string(to_string(p.category)) + "/" + p.name;
            k.parent = code_id{static_cast<std::uint32_t>(p.category) + 1};
            k.definition = p.description;
            k.category = p.category;
            k.practice = p.id;
            d_.all<code>().push_back(std::move(k));
        }
    }

    void make_enactments() {
        // Which categories each tier favours, in percent: designing, structuring, managing,
        // evaluating. Top-level managers design and structure; front-line managers integrate.
        static constexpr std::array<std::array<std::uint32_t, 4>, 3> shares = {
            {{40, 35, 15, 10}, {15, 40, 30, 15}, {5, 10, 55, 30}}};
        d_.all<practice_enactment>().reserve(sizes_.enactments);
        std::vector<std::uint32_t> managers;
        for (const organization_plan& plan : plans_) {
            managers.insert(managers.end(), plan.top.begin(), plan.top.end());
            managers.insert(managers.end(), plan.mid.begin(), plan.mid.end());
            managers.insert(managers.end(), plan.front.begin(), plan.front.end());
        }
        for (std::uint32_t i = 0; i < sizes_.enactments; ++i) {
            const std::uint32_t m = rng_.pick(managers);
            const std::uint32_t org = org_of_[m];
            const auto tier = static_cast<std::size_t>(*d_.all<person>()[m].tier);
            std::uint32_t roll = rng_.below(100u);
            std::size_t category = 0;
            while (category < 3 && roll >= shares[tier][category])
                roll -= shares[tier][category++];
            practice_enactment e;
            e.id = enactment_id{i + 1};
            e.practice = practice_id{rng_.pick(by_category_[category]) + 1};
            e.manager = person_at(m);
            e.on = random_day();
            e.organization = organization_id{org + 1};
            if (led_team_[m] != 0) {
                e.team = team_id{led_team_[m]};
                std::vector<person_id> advisors = advisors_of(d_.all<qi_team>()[led_team_[m] - 1]);
                const std::uint32_t targets =
                    rng_.below(std::min<std::size_t>(advisors.size(), 2) + 1);
                e.targets.assign(advisors.begin(), advisors.begin() + targets);
            } else if (rng_.percent(50)) {
                e.team = d_.all<qi_team>()[plans_[org].committee].id;
            }
            e.provenance = provenance::illustrative;
            plans_[org].enactments.push_back(i);
            d_.all<practice_enactment>().push_back(std::move(e));
        }
    }

    std::uint32_t draw_person(organization_plan& plan) {
        if (!plan.urn.empty() && rng_.percent(o_.preferential_percent)) return rng_.pick(plan.urn);
        return rng_.pick(plan.all);
    }

    // Roles and tiers are read from compact arrays: the person records are large and an
    // engagement touches two of them at random, which would miss the cache twice per event.
    engagement_kind kind_for(std::uint32_t from_index, std::uint32_t to_index) {
        const auto from_role = static_cast<person_role>(role_of_[from_index]);
        const auto to_role = static_cast<person_role>(role_of_[to_index]);
        using k = engagement_kind;
        static constexpr std::array<k, 7> to_advisor = {
            k::recruits, k::trains, k::prepares, k::coaches, k::supports, k::informs, k::consults};
        static constexpr std::array<k, 4> manager_to_staff = {k::informs, k::consults, k::supports,
                                                              k::evaluates};
        static constexpr std::array<k, 3> from_advisor = {k::gives_feedback_to, k::co_designs_with,
                                                          k::informs};
        static constexpr std::array<k, 3> provider_to_advisor = {k::co_designs_with, k::consults,
                                                                 k::informs};
        const bool to_is_advisor = to_role == person_role::patient_advisor;
        switch (from_role) {
            case person_role::manager:
                if (to_is_advisor) return to_advisor[rng_.below(to_advisor.size())];
                if (to_role == person_role::manager && tier_of_[from_index] > tier_of_[to_index])
                    return k::reports_to;
                return manager_to_staff[rng_.below(manager_to_staff.size())];
            case person_role::partnership_coordinator:
                if (to_is_advisor) return to_advisor[rng_.below(5u)];
                return rng_.percent(50) ? k::informs : k::supports;
            case person_role::patient_advisor: return from_advisor[rng_.below(from_advisor.size())];
            case person_role::provider:
                if (to_is_advisor)
                    return provider_to_advisor[rng_.below(provider_to_advisor.size())];
                if (to_role == person_role::manager)
                    return rng_.percent(50) ? k::reports_to : k::gives_feedback_to;
                return rng_.percent(50) ? k::consults : k::informs;
            default: return rng_.percent(50) ? k::informs : k::other;
        }
    }

    void make_engagements() {
        d_.all<engagement>().reserve(o_.engagements);
        for (organization_plan& plan : plans_)
            plan.urn.reserve(2 * (std::uint64_t{o_.engagements} * plan.all.size() / o_.people + 1));
        for (std::uint32_t i = 0; i < o_.engagements; ++i) {
            const std::uint32_t org = org_of_[rng_.below(o_.people)];
            organization_plan& home = plans_[org];
            const std::uint32_t from = draw_person(home);
            organization_plan& away = rng_.percent(o_.within_organization_percent)
                                          ? home
                                          : plans_[rng_.below(plans_.size())];
            std::uint32_t to = draw_person(away);
            while (to == from)
                to = rng_.pick(away.all);
            engagement e;
            e.id = engagement_id{i + 1};
            e.from = person_at(from);
            e.to = person_at(to);
            e.kind = kind_for(from, to);
            // Lower levels are commoner: 35% information, 35% consultation, 20% collaboration,
            // 10% partnership; co-design is at least collaboration.
            const std::uint32_t roll = rng_.below(100u);
            e.level = roll < 35   ? engagement_level::information
                      : roll < 70 ? engagement_level::consultation
                      : roll < 90 ? engagement_level::collaboration
                                  : engagement_level::partnership;
            if (e.kind == engagement_kind::co_designs_with &&
                e.level < engagement_level::collaboration)
                e.level = engagement_level::collaboration;
            // Dated in order over the window, so that ids follow time.
            e.on =
                date::from_days(first_day_ + static_cast<std::int32_t>(
                                                 std::uint64_t{i} * span_days_ / o_.engagements));
            if (!home.activities.empty() && rng_.percent(25))
                e.activity = d_.all<qi_activity>()[rng_.pick(home.activities)].id;
            e.provenance = provenance::illustrative;
            d_.all<engagement>().push_back(e);
            home.urn.push_back(from);
            plans_[org_of_[to]].urn.push_back(to);
        }
    }

    std::string make_text() {
        std::string text;
        text.reserve(o_.source_text_length + 16);
        while (text.size() < o_.source_text_length) {
            if (!text.empty()) text += ' ';
            text += words[rng_.below(words.size())];
        }
        text.resize(o_.source_text_length);
        return text;
    }

    void make_waves_and_sources() {
        for (int y = 0; y < o_.years; ++y) {
            wave w;
            w.id = wave_id{static_cast<std::uint32_t>(y) + 1};
            w.code = numbered("W", w.id.value);
            w.label = "Wave " + std::to_string(y + 1) + ", " + std::to_string(o_.first_year + y);
            w.window = date_window::years(o_.first_year + y, o_.first_year + y);
            d_.all<wave>().push_back(std::move(w));
        }
        d_.all<data_source>().reserve(sizes_.sources);
        d_.all<coded_segment>().reserve(std::size_t{sizes_.sources} * o_.segments_per_source);
        for (std::uint32_t i = 0; i < sizes_.sources; ++i) {
            const std::uint32_t org = rng_.below(sizes_.organizations);
            organization_plan& plan = plans_[org];
            data_source s;
            s.id = source_id{i + 1};
            s.code = numbered("SRC-", i + 1);
            const std::uint32_t roll = rng_.below(100u);
            s.kind = roll < 55   ? source_kind::interview
                     : roll < 80 ? source_kind::focus_group
                     : roll < 92 ? source_kind::document
                                 : source_kind::observation;
            s.on = random_day();
            s.wave = wave_id{static_cast<std::uint32_t>(s.on->year() - o_.first_year) + 1};
            s.organization = organization_id{org + 1};
            if (s.kind == source_kind::interview) {
                const std::uint32_t tier = rng_.below(3u);
                const auto& pool = tier == 0 ? plan.top : tier == 1 ? plan.mid : plan.front;
                s.participants.push_back(person_at(rng_.pick(pool)));
                s.tier = static_cast<management_tier>(tier);
                s.title = "Interview with a manager, " + numbered("#", i + 1);
            } else if (s.kind == source_kind::focus_group) {
                for (std::uint32_t p : distinct_sample(rng_, plan.advisors, 2))
                    s.participants.push_back(person_at(p));
                for (std::uint32_t p : distinct_sample(rng_, plan.providers, rng_.between(2, 6)))
                    s.participants.push_back(person_at(p));
                s.composition = group_composition::patients_and_providers;
                s.title = "Focus group with patients and providers, " + numbered("#", i + 1);
            } else {
                s.title = (s.kind == source_kind::document ? "Programme document, "
                                                           : "Observed meeting, ") +
                          numbered("#", i + 1);
            }
            s.text = make_text();
            s.provenance = provenance::illustrative;
            make_segments(s, plan);
            d_.all<data_source>().push_back(std::move(s));
        }
    }

    void make_segments(const data_source& s, const organization_plan& plan) {
        const auto length = static_cast<std::uint32_t>(s.text.size());
        for (std::uint32_t j = 0; j < o_.segments_per_source; ++j) {
            coded_segment g;
            g.id = segment_id{static_cast<std::uint32_t>(d_.all<coded_segment>().size()) + 1};
            g.source = s.id;
            g.begin = length == 0 ? 0 : rng_.below(length);
            g.end = g.begin + std::min(length - g.begin, rng_.between(40, 300));
            g.code = rng_.pick(d_.all<code>()).id;
            g.coder = j % 2 == 0 ? "coder-A" : "coder-B";
            g.text = s.text.substr(g.begin, g.end - g.begin);
            if (!plan.enactments.empty() && rng_.percent(40))
                g.supports.push_back(d_.all<practice_enactment>()[rng_.pick(plan.enactments)].id);
            d_.all<coded_segment>().push_back(std::move(g));
        }
    }

    void make_totals_memos_and_cases() {
        std::array<std::uint32_t, 4> by_kind{};
        std::array<std::uint32_t, 3> by_tier{};
        for (const data_source& s : d_.all<data_source>()) {
            ++by_kind[static_cast<std::size_t>(s.kind)];
            if (s.tier) ++by_tier[static_cast<std::size_t>(*s.tier)];
        }
        auto add_total = [&](source_kind kind, std::uint32_t count,
                             std::optional<management_tier> tier, std::string description) {
            source_total t;
            t.id = total_id{static_cast<std::uint32_t>(d_.all<source_total>().size()) + 1};
            t.kind = kind;
            t.count = count;
            t.tier = tier;
            t.description = std::move(description);
            t.provenance = provenance::illustrative;
            d_.all<source_total>().push_back(std::move(t));
        };
        for (source_kind kind : enum_traits<source_kind>::values)
            add_total(kind, by_kind[static_cast<std::size_t>(kind)], std::nullopt,
                      std::string(to_string(kind)) + " sources across the study");
        for (management_tier tier : enum_traits<management_tier>::values)
            add_total(source_kind::interview, by_tier[static_cast<std::size_t>(tier)], tier,
                      "interviews with " + std::string(to_string(tier)) + " managers");

        for (std::uint32_t k = 0; k < plans_.size(); ++k) {
            memo m;
            m.id = memo_id{k + 1};
            m.title = numbered("Field notes on HCO-", k + 1);
            m.text = "Who carries the partnership here, and where advisors' input goes.";
            m.on = random_day();
            m.code = d_.all<code>()[rng_.below(d_.all<code>().size())].id;
            d_.all<memo>().push_back(std::move(m));

            study_case c;
            c.id = case_id{k + 1};
            c.code = numbered("case-", k + 1);
            c.label = numbered("Synthetic case ", k + 1);
            c.organization = organization_id{k + 1};
            for (std::size_t t = 0; t < plans_[k].teams.size() && t < 2; ++t)
                c.teams.push_back(d_.all<qi_team>()[plans_[k].teams[t]].id);
            c.provenance = provenance::illustrative;
            d_.all<study_case>().push_back(std::move(c));
        }
    }

    const synthetic_options& o_;
    derived_sizes sizes_;
    random_source rng_;
    case_study_data d_;
    std::vector<organization_plan> plans_;
    std::vector<std::uint32_t> org_of_;    // person index -> organization index
    std::vector<std::uint32_t> led_team_;  // person index -> id of the team they lead, or 0
    std::vector<std::uint8_t> role_of_;    // person index -> role
    std::vector<std::uint8_t> tier_of_;    // person index -> tier, for managers
    std::array<std::vector<std::uint32_t>, 4> by_category_;  // practice indices by category
    std::int32_t first_day_ = 0;
    std::uint32_t span_days_ = 1;
};

}  // namespace

case_study_data make_synthetic_data(const synthetic_options& options) {
    const derived_sizes sizes = check_options(options);
    return generator(options, sizes).run();
}

case_study make_synthetic_case_study(const synthetic_options& options) {
    return case_study::from_data(make_synthetic_data(options));
}

}  // namespace partnerqi::model::detail
