// partnerqi deidentify: writes a de-identified copy of a case-study file for sharing.
#include <fstream>
#include <iostream>

#include <partnerqi/io/deidentify.hpp>

#include "common.hpp"

namespace partnerqi::cli {

namespace {

/// The encoding of an existing file; portable text when its envelope cannot be read.
io::encoding file_encoding(const std::string& file) {
    try {
        return io::read_file_info(file).format;
    } catch (const partnerqi::error&) {
        return io::encoding::portable_text;
    }
}

}  // namespace

int deidentify(const std::vector<std::string>& args) {
    command_line cl(
        "partnerqi deidentify FILE --out PATH (--salt S | --salt-file F) [--to ENC]",
        "Writes a de-identified copy: person codes become keyed pseudonyms, display "
        "names and free\ntexts are removed. Keep the salt secret and the same across "
        "files that must link up;\n--salt-file keeps it out of the process list and the "
        "shell history.");
    add_file(cl);
    cl.options.add_options()("out,o", po::value<std::string>()->required(),
                             "the de-identified case-study file to write")(
        "salt", po::value<std::string>(), "the secret key of the pseudonyms")(
        "salt-file", po::value<std::string>(),
        "read the secret key from the first line of this file")(
        "to", po::value<std::string>(),
        ("payload encoding: " + accepted_spellings<io::encoding>() + " (default: the input's)")
            .c_str());
    if (!cl.parse(args)) return exit_ok;
    if (cl.has("salt") == cl.has("salt-file")) {
        throw usage_error("give the secret key with exactly one of --salt and --salt-file");
    }
    std::string salt;
    if (cl.has("salt")) {
        salt = cl.text("salt");
    } else {
        std::ifstream in(cl.text("salt-file"));
        if (!in || !std::getline(in, salt)) {
            throw invalid_request_error("salt file " + cl.text("salt-file") +
                                        ": cannot read its first line; check the path");
        }
    }
    if (salt.empty()) throw usage_error("the salt is empty; give a secret, non-empty salt");
    // The encoding is checked before the file is read, so a usage error costs no load.
    const bool keep_encoding = !cl.has("to");
    const io::encoding requested = keep_encoding ? io::encoding::portable_text
                                                 : parse_option<io::encoding>("to", cl.text("to"));
    const std::string file = cl.text("file");
    const model::case_study study = load(file);
    const model::case_study shared =
        timed("de-identifying", [&] { return io::deidentify(study, salt); });
    save(shared, cl.text("out"), keep_encoding ? file_encoding(file) : requested);
    std::cout << "wrote " << cl.text("out") << ": " << shared.all<model::person>().size()
              << " people under pseudonyms; display names and free texts removed\n";
    return exit_ok;
}

}  // namespace partnerqi::cli
