// partnerqi deidentify: writes a de-identified copy of a case-study file for sharing.
#include <algorithm>
#include <iostream>
#include <limits>

#include <partnerqi/io/deidentify.hpp>

#include "common.hpp"

namespace partnerqi::cli {

namespace {

// What was done and the disclosure risk left; at most `listed` people at risk by name.
void print_risk(const io::deidentified& copy, io::deidentify_level level) {
    constexpr std::size_t listed = 20;
    const io::disclosure_risk& risk = copy.risk;
    std::cout << "De-identification (" << io::to_string(level) << "):\n";
    for (const std::string& action : risk.actions)
        std::cout << "  - " << action << '\n';
    std::cout << "Disclosure risk, k-anonymity over";
    for (std::size_t i = 0; i < risk.quasi_identifiers.size(); ++i)
        std::cout << (i == 0 ? " " : ", ") << risk.quasi_identifiers[i];
    std::cout << ":\n  smallest class " << risk.smallest_class
              << ", threshold k = " << risk.threshold << ", " << risk.at_risk.size() << " of "
              << copy.study.all<model::person>().size() << " people below it\n";
    if (level == io::deidentify_level::pseudonymize) {
        std::cout << "A pseudonymized copy is coded information: share it only with people bound "
                     "by the study's ethics approval.\n";
        return;
    }
    for (std::size_t i = 0; i < risk.at_risk.size() && i < listed; ++i)
        std::cout << "  " << risk.at_risk[i].code << ": in a class of "
                  << risk.at_risk[i].class_size << '\n';
    if (risk.at_risk.size() > listed)
        std::cout << "  and " << risk.at_risk.size() - listed << " more\n";
}

}  // namespace

int deidentify(const std::vector<std::string>& args) {
    command_line cl(
        "partnerqi deidentify FILE --out PATH (--salt S | --salt-file F) [--level L] "
        "[--dates D] [--keep FIELD]... [--k N] [--accept-risk] [--to ENC]",
        "Writes a de-identified copy. Both levels replace person codes by keyed pseudonyms and "
        "remove\ndisplay names and free texts; --level anonymize (the default) also generalizes "
        "job titles,\nprofessions, team roles, organization, team, activity and case names and "
        "dates, and refuses\nto write a copy in which someone's quasi-identifiers (organization, "
        "role, tier, profession\ngroup, teams) are shared by fewer than k people, unless "
        "--accept-risk. Keep the salt secret\nand the same across files that must link up; "
        "--salt-file keeps it out of the process list\nand the shell history.");
    add_file(cl);
    const std::string fields = [] {
        std::string list;
        for (const std::string& f : io::identifying_fields())
            list += (list.empty() ? "" : ", ") + f;
        return list;
    }();
    cl.options.add_options()("out,o", po::value<std::string>()->required()->value_name("FILE"),
                             "the de-identified case-study file to write")(
        "salt", po::value<std::string>()->value_name("S"), "the secret key of the pseudonyms")(
        "salt-file", po::value<std::string>()->value_name("FILE"),
        "read the secret key from the first line of this file (at most 4096 bytes)")(
        "level", po::value<std::string>()->value_name(choices<io::deidentify_level>()),
        "pseudonymize: coded data for the research team; anonymize (default): for sharing")(
        "dates", po::value<std::string>()->value_name(choices<io::date_treatment>()),
        "what anonymize does with dates (default: year, as HIPAA Safe Harbor asks)")(
        "keep", po::value<std::vector<std::string>>()->value_name("FIELD"),
        ("keep this identifying field on purpose (repeatable): " + fields).c_str())(
        "k", po::value<std::string>()->value_name("N"),
        "the smallest equivalence class to reach, 2 or more (default 3)")(
        "accept-risk", "write the anonymized copy even when some people's class is below k")(
        "to", po::value<std::string>()->value_name(choices<io::encoding>()),
        "payload encoding (default: the input's)");
    if (!cl.parse(args)) return exit_ok;
    if (cl.has("salt") == cl.has("salt-file"))
        throw usage_error("give the secret key with exactly one of --salt and --salt-file");
    io::deidentify_options options;
    if (cl.has("level"))
        options.level = parse_option<io::deidentify_level>("level", cl.text("level"));
    const bool anonymize = options.level == io::deidentify_level::anonymize;
    if (cl.has("dates")) {
        if (!anonymize) throw usage_error("--dates applies to --level anonymize only");
        options.dates = parse_option<io::date_treatment>("dates", cl.text("dates"));
    }
    if (cl.has("keep")) {
        if (!anonymize) throw usage_error("--keep applies to --level anonymize only");
        options.keep = cl.values["keep"].as<std::vector<std::string>>();
        const std::vector<std::string> known = io::identifying_fields();
        for (const std::string& field : options.keep) {
            if (std::find(known.begin(), known.end(), field) == known.end())
                throw usage_error("--keep " + field + ": not an identifying field; use one of " +
                                  fields);
        }
    }
    if (cl.has("k"))
        options.k = static_cast<unsigned>(
            parse_count("k", cl.text("k"), 2, std::numeric_limits<unsigned>::max()));
    const std::string file = cl.text("file");
    const std::string out = cl.text("out");
    check_output(out, {file});
    // Options are checked before the file is read, so a usage error costs no load.
    const bool keep_encoding = !cl.has("to");
    const io::encoding requested = keep_encoding ? io::encoding::portable_text
                                                 : parse_option<io::encoding>("to", cl.text("to"));
    const std::string salt =
        cl.has("salt") ? cl.text("salt") : read_secret_line("salt-file", cl.text("salt-file"));
    if (salt.empty()) throw usage_error("the salt is empty; give a secret, non-empty salt");

    const io::loaded_file input = load_with_info(file);
    const io::deidentified copy =
        timed("de-identifying", [&] { return io::deidentify(input.study, salt, options); });
    print_risk(copy, options.level);
    if (anonymize && !copy.risk.meets_threshold() && !cl.has("accept-risk"))
        throw invalid_request_error(
            "nothing written: " + std::to_string(copy.risk.at_risk.size()) +
            " people share their quasi-identifiers with fewer than " +
            std::to_string(options.k - 1) +
            " others; lower --k, or write the copy anyway with --accept-risk if the people "
            "it goes to are bound not to re-identify anyone");
    save(copy.study, out, keep_encoding ? input.info.format : requested);
    std::cout << "wrote " << out << " (" << io::to_string(options.level)
              << "d): " << copy.study.all<model::person>().size() << " people under pseudonyms\n";
    return exit_ok;
}

}  // namespace partnerqi::cli
