// Prints partnerqi's agreement statistics for reliability data read from standard input, for
// tests/agreement/compare_statsmodels.py to compare with an independent implementation.
//
// Input, whitespace separated, any number of data sets one after the other:
//   study SOURCES CODERS CODES   then, per code and per source, one value per coder:
//                                1 applied, 0 not applied, - did not code the source at all
//   cohen K                      then a K x K table of two coders' counts, row by row
//   counts UNITS K               then per unit the number of coders in each of K categories
// Output: per study data set, the agreement report's CSV (write_csv) after a line "study";
// per cohen table a line "cohen kappa se low high"; per counts data set a line
// "counts fleiss alpha percent". An undefined value prints as "nan".
#include <iomanip>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <partnerqi/analysis/agreement.hpp>
#include <partnerqi/model/builder.hpp>

using namespace partnerqi;

namespace {

std::string value(const std::optional<double>& v) {
    if (!v) return "nan";
    std::ostringstream out;
    out << std::setprecision(17) << *v;
    return out.str();
}

void study(std::istream& in) {
    std::size_t sources = 0, coders = 0, codes = 0;
    in >> sources >> coders >> codes;
    model::builder b{"agreement data", model::date_window::years(2020, 2020)};
    b.organization("ORG");
    b.code("rated");  // every coder who coded a source applies it there
    std::vector<std::vector<bool>> rated(sources, std::vector<bool>(coders, false));
    std::vector<std::string> names;
    for (std::size_t k = 0; k < codes; ++k) {
        names.push_back("code-" + std::to_string(k));
        b.code(names.back());
    }
    for (std::size_t s = 0; s < sources; ++s)
        b.source("S" + std::to_string(s), model::source_kind::document).of("ORG");
    for (std::size_t k = 0; k < codes; ++k)
        for (std::size_t s = 0; s < sources; ++s)
            for (std::size_t c = 0; c < coders; ++c) {
                std::string v;
                in >> v;
                if (v == "-") continue;
                const std::string source = "S" + std::to_string(s), coder = "C" + std::to_string(c);
                if (!rated[s][c]) b.segment(source, "rated", coder);
                rated[s][c] = true;
                if (v == "1") b.segment(source, names[k], coder);
            }
    const model::case_study built = b.build();
    analysis::agreement_options o;
    for (const std::string& name : names)
        o.codes.push_back(built.require<model::code>(name));
    o.bootstrap.replicates = 200;
    std::cout << "study\n";
    analysis::write_csv(std::cout, analysis::coder_agreement(built, {}, o));
}

void cohen(std::istream& in) {
    std::size_t k = 0;
    in >> k;
    std::vector<std::vector<std::uint64_t>> table(k, std::vector<std::uint64_t>(k, 0));
    for (auto& row : table)
        for (auto& cell : row)
            in >> cell;
    const auto e = analysis::cohen_kappa(table);
    std::cout << "cohen " << value(e.kappa) << ' ' << value(e.standard_error) << ' ' << value(e.low)
              << ' ' << value(e.high) << '\n';
}

void counts(std::istream& in) {
    std::size_t units = 0, k = 0;
    in >> units >> k;
    std::vector<analysis::rated_unit> data(units);
    for (auto& u : data) {
        u.counts.resize(k);
        for (auto& c : u.counts)
            in >> c;
    }
    std::cout << "counts " << value(analysis::fleiss_kappa(data).kappa) << ' '
              << value(analysis::krippendorff_alpha(data, {0, 1}).alpha) << ' '
              << value(analysis::percent_agreement(data)) << '\n';
}

}  // namespace

int main() {
    try {
        std::string kind;
        while (std::cin >> kind) {
            if (kind == "study")
                study(std::cin);
            else if (kind == "cohen")
                cohen(std::cin);
            else if (kind == "counts")
                counts(std::cin);
            else {
                std::cerr << "agreement_values: unknown data set \"" << kind
                          << "\"; expected study, cohen or counts\n";
                return 1;
            }
        }
    } catch (const std::exception& e) {
        std::cerr << "agreement_values: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
