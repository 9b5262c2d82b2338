// Embedding partnerqi in another program: load a case-study file, record a new engagement
// entered by a user, save the file, and read it back.
//
//   partnerqi_embedding FILE   (FILE is created from the demo study when it does not exist)
#include <filesystem>
#include <iostream>

#include <partnerqi/io.hpp>
#include <partnerqi/partnerqi.hpp>

namespace io = partnerqi::io;
namespace model = partnerqi::model;

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: partnerqi_embedding FILE\n";
        return 1;
    }
    const std::filesystem::path file = argv[1];
    try {
        // A host program would open its own file; the example starts from the demo study.
        io::save(model::seed_study_illustrated(), file);

        // Loading checks the file and validates every record before handing it over.
        model::case_study study = io::load(file);
        const std::size_t before = study.all<model::engagement>().size();

        // A front-line manager prepared a patient advisor for a meeting: a builder started from
        // the loaded study names both by code, and the case study checks the record (both
        // people exist, the date is inside the window) and gives it an id.
        model::builder entry{std::move(study)};
        entry.engagement("C1-M-FRONT", "C1-PA2")
            .kind(model::engagement_kind::prepares)
            .level(model::engagement_level::collaboration)
            .on("2017-10-02");
        study = entry.build();
        std::cout << "engagements: " << before << " -> " << study.all<model::engagement>().size()
                  << '\n';

        // Saving writes a temporary file and renames it: the old file survives any failure.
        io::save(study, file);
        const model::case_study again = io::load(file);
        std::cout << "read back: " << again.all<model::engagement>().size() << " engagements, "
                  << (again == study ? "identical" : "DIFFERENT") << '\n';
        return again == study ? 0 : 2;
    } catch (const partnerqi::error& e) {
        std::cerr << "error: " << e.what() << '\n';
        return 2;
    }
}
