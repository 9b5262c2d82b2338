// partnerqi info: describes a case study.
#include <iostream>

#include <partnerqi/analysis/profile.hpp>

#include "common.hpp"

namespace partnerqi::cli {

int info(const std::vector<std::string>& args) {
    command_line cl("partnerqi info FILE [--names]",
                    "Describes a case study: the study window and its waves; organizations with "
                    "their setting,\nprogram, people by role and tier and activities by level; "
                    "each QI team with its clinical\narea, unit and members by role and tier "
                    "(participant codes); data sources and known totals;\nand how many records "
                    "are reported, user-entered or illustrative.");
    add_file(cl);
    cl.options.add_options()("names",
                             "print members' display names next to their codes (personal data; "
                             "off by default)");
    if (!cl.parse(args)) return exit_ok;
    const std::string file = cl.text("file");
    const io::loaded_file input = load_with_info(file);
    const io::file_info& envelope = input.info;
    analysis::profile_text_options options;
    options.names = cl.has("names");
    std::cout << "File: " << file << " (" << io::describe(envelope.format) << ", "
              << envelope.payload_bytes << " bytes of payload, written by partnerqi "
              << envelope.writer_major << '.' << envelope.writer_minor << '.'
              << envelope.writer_patch << ")\n\n"
              << analysis::to_text(analysis::profile(input.study), options);
    return exit_ok;
}

}  // namespace partnerqi::cli
