// partnerqi info: describes a case study.
#include <iostream>

#include <partnerqi/analysis/profile.hpp>

#include "common.hpp"

namespace partnerqi::cli {

int info(const std::vector<std::string>& args) {
    command_line cl("partnerqi info FILE",
                    "Describes a case study: organizations with their setting and program, people "
                    "by role and\ntier, QI teams with their members and advisors, activities by "
                    "level, data sources and known\ntotals, the study window, and how many records "
                    "are reported, user-entered or illustrative.");
    add_file(cl);
    if (!cl.parse(args)) return exit_ok;
    const std::string file = cl.text("file");
    const io::loaded_file input = load_with_info(file);
    const io::file_info& envelope = input.info;
    std::cout << "File: " << file << " (" << io::describe(envelope.format) << ", "
              << envelope.payload_bytes << " bytes of payload, written by partnerqi "
              << envelope.writer_major << '.' << envelope.writer_minor << '.'
              << envelope.writer_patch << ")\n\n"
              << analysis::to_text(analysis::profile(input.study));
    return exit_ok;
}

}  // namespace partnerqi::cli
