// A research team moves its coding between partnerqi and the qualitative analysis tools (NVivo,
// ATLAS.ti, MAXQDA, QualCoder) through the REFI-QDA exchange standard.
#include "partnerqi/io/refi_qda.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include <support/catch.hpp>
#include <support/messages.hpp>

#include "partnerqi/error.hpp"
#include "partnerqi/model/seed_study.hpp"

#include "zip_entry.hpp"
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

using namespace partnerqi;
using partnerqi::test::entry_of;
using partnerqi::test::mentions;
using partnerqi::test::message_of;
namespace fs = std::filesystem;

namespace {

/// A folder of its own for the files a scenario writes, removed afterwards.
struct scratch {
    fs::path dir;
    scratch() {
        dir = fs::temp_directory_path() / ("partnerqi-refi-qda-" + std::to_string(::getpid()));
        fs::create_directories(dir);
    }
    ~scratch() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
    [[nodiscard]] fs::path operator/(const std::string& name) const { return dir / name; }
};

/// One entry of an archive a test builds.
struct entry {
    std::string name;
    std::string content;
    bool symlink = false;
};

/// Writes a zip archive with libzip, as the analysis tools do.
void make_archive(const fs::path& file, const std::vector<entry>& entries) {
    int code = 0;
    zip_t* archive = zip_open(file.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
    REQUIRE(archive != nullptr);
    for (const entry& e : entries) {
        zip_source_t* source = zip_source_buffer(archive, e.content.data(), e.content.size(), 0);
        REQUIRE(source != nullptr);
        const zip_int64_t index = zip_file_add(archive, e.name.c_str(), source, ZIP_FL_ENC_UTF_8);
        REQUIRE(index >= 0);
        if (e.symlink) {
            REQUIRE(zip_file_set_external_attributes(archive, static_cast<zip_uint64_t>(index), 0,
                                                     ZIP_OPSYS_UNIX, (S_IFLNK | 0777u) << 16) == 0);
        }
    }
    REQUIRE(zip_close(archive) == 0);
}

std::string bytes_of(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// A project.qde around the given inner XML.
std::string project(const std::string& inner, const std::string& name = "Interviews") {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"" +
           name + "\">" + inner + "</Project>";
}

bool report_mentions(const io::qdpx_report& report, const std::string& part) {
    for (const std::string& line : report.left_out)
        if (mentions(line, part)) return true;
    return false;
}

/// What the standard holds of a study, in words, for comparing an export with its re-import.
struct exchanged {
    std::set<std::tuple<std::string, std::string, std::string>> sources;  // code, title, text
    std::set<std::tuple<std::string, std::string, std::string>> codes;    // name, parent, def.
    std::multiset<std::tuple<std::string, std::uint32_t, std::uint32_t, std::string, std::string>>
        segments;                                         // source, begin, end, code, coder
    std::set<std::pair<std::string, std::string>> memos;  // title, text

    explicit exchanged(const model::case_study& s) {
        for (const auto& src : s.all<model::data_source>())
            sources.emplace(src.code, src.title, src.text);
        for (const auto& c : s.all<model::code>())
            codes.emplace(c.name, c.parent ? s.get(*c.parent).name : "", c.definition);
        for (const auto& seg : s.all<model::coded_segment>())
            segments.emplace(s.get(seg.source).code, seg.begin, seg.end, s.get(seg.code).name,
                             seg.coder);
        for (const auto& m : s.all<model::memo>())
            memos.emplace(m.title, m.text);
    }
};

const std::string french =
    "Nous avons préparé les usagers-partenaires avant la réunion. Ça s'est très bien passé.";

/// A one-source project coding "préparé" (code points 11 to 18) and "très bien" with a coder.
std::string french_project(const std::string& text_attribute) {
    return project(
        "<Users><User guid=\"AD68FBE7-E1EE-4A82-A279-23CC698C89EB\" name=\"Amélie\"/></Users>"
        "<CodeBook><Codes>"
        "<Code guid=\"{5215cc69-b628-4e02-afb9-9beeaee55808}\" name=\"Préparer\" "
        "isCodable=\"false\"><Description>Ce que font les gestionnaires</Description>"
        "<Code guid=\"d7aa29da-519b-4946-9b90-253b6db8fd0a\" name=\"avant\" isCodable=\"true\" "
        "color=\"#ffff00\"/></Code>"
        "</Codes></CodeBook>"
        "<Sources><TextSource guid=\"EC0A7242-65E1-457C-B7D1-310DAE603FAB\" name=\"ENT-01\" " +
        text_attribute +
        "><Description>Entretien avec une gestionnaire</Description>"
        "<PlainTextSelection guid=\"01106019-2518-43DD-BBD1-8F0252BACB30\" startPosition=\"11\" "
        "endPosition=\"18\" creatingUser=\"ad68fbe7-e1ee-4a82-a279-23cc698c89eb\">"
        "<Coding guid=\"17FB9CB8-7858-4291-A162-65424B9942EC\" "
        "creatingUser=\"{AD68FBE7-E1EE-4A82-A279-23CC698C89EB}\">"
        "<CodeRef targetGUID=\"D7AA29DA-519B-4946-9B90-253B6DB8FD0A\"/></Coding>"
        "</PlainTextSelection>"
        "<PlainTextSelection guid=\"230B768E-5A3D-42B7-BE92-2A3721177944\" startPosition=\"70\" "
        "endPosition=\"79\"><Coding guid=\"9DBE0A35-06E4-4D01-B4F5-93C54FA82951\">"
        "<CodeRef targetGUID=\"5215CC69-B628-4E02-AFB9-9BEEAEE55808\"/></Coding>"
        "</PlainTextSelection>"
        "<NoteRef targetGUID=\"AE5298BE-7C94-4B66-8A9C-51FBE232D2F5\"/>"
        "</TextSource>"
        "<TextSource guid=\"51AD8E46-427A-4E6B-AFE7-BD96C1EFF0AD\" name=\"Visuel\" "
        "richTextPath=\"internal://1DDD235C-9E58-4451-8C49-17013D5C3655.docx\">"
        "<PlainTextSelection guid=\"9F43FE32-C2CB-4BA8-B766-A0734C826E49\" startPosition=\"0\" "
        "endPosition=\"4\"><Coding guid=\"AE6D04CE-D987-4FC8-AF97-D72CA6FFD08F\">"
        "<CodeRef targetGUID=\"D7AA29DA-519B-4946-9B90-253B6DB8FD0A\"/></Coding>"
        "</PlainTextSelection></TextSource>"
        "<PDFSource guid=\"876DCA5E-0703-4E92-952C-3DCFF3E8461F\" name=\"Rapport annuel\" "
        "path=\"internal://876DCA5E-0703-4E92-952C-3DCFF3E8461F.pdf\"/>"
        "</Sources>"
        "<Notes><Note guid=\"ae5298be-7c94-4b66-8a9c-51fbe232d2f5\" name=\"Préparation\">"
        "<PlainTextContent>Les gestionnaires préparent en amont.</PlainTextContent></Note>"
        "</Notes>");
}

}  // namespace

SCENARIO("a French interview coded in another tool lands on the same words in partnerqi") {
    scratch dir;
    GIVEN("a project whose transcript is a plain-text file in Sources/ with accented words") {
        const fs::path file = dir / "entretiens.qdpx";
        make_archive(
            file, {{"project.qde",
                    french_project(
                        "plainTextPath=\"internal://EC0A7242-65E1-457C-B7D1-310DAE603FAB.txt\"")},
                   {"Sources/EC0A7242-65E1-457C-B7D1-310DAE603FAB.txt", french}});
        WHEN("it is read") {
            const io::qdpx_import imported = io::read_qdpx(file);
            const model::case_study& s = imported.study;
            THEN("the coded words are the ones the coder selected, counted in characters") {
                REQUIRE(s.all<model::coded_segment>().size() == 2);
                const auto& prepared = s.all<model::coded_segment>()[0];
                CHECK(prepared.text == "préparé");
                CHECK(prepared.begin == french.find("préparé"));
                CHECK(prepared.coder == "Amélie");
                CHECK(s.all<model::coded_segment>()[1].text == "très bien");
            }
            THEN("a coding that names no user gets the unknown coder") {
                CHECK(s.all<model::coded_segment>()[1].coder == "unknown coder");
            }
            THEN("the codebook keeps its tree and its descriptions") {
                const auto child = s.find<model::code>("avant");
                REQUIRE(child);
                const auto& c = s.get(*child);
                REQUIRE(c.parent);
                CHECK(s.get(*c.parent).name == "Préparer");
                CHECK(s.get(*c.parent).definition == "Ce que font les gestionnaires");
            }
            THEN("the note becomes a memo about the interview") {
                REQUIRE(s.all<model::memo>().size() == 1);
                CHECK(s.all<model::memo>()[0].source == s.find<model::data_source>("ENT-01"));
                CHECK(s.all<model::memo>()[0].text == "Les gestionnaires préparent en amont.");
            }
            THEN("the study is titled after the project and its records are user-entered") {
                CHECK(s.title() == "Interviews");
                for (const auto& seg : s.all<model::coded_segment>())
                    CHECK(seg.provenance == model::provenance::user_entered);
            }
            THEN("what partnerqi cannot use is in the report, nothing silently dropped") {
                const io::qdpx_report& r = imported.report;
                CHECK(r.sources == 1);
                CHECK(r.segments == 2);
                CHECK(r.coders == 2);
                CHECK(report_mentions(r, "1 PDF sources"));
                CHECK(report_mentions(r, "1 text sources with no plain-text copy"));
                CHECK(report_mentions(r, "1 codings of text sources partnerqi could not read"));
                CHECK(report_mentions(r, "not codable"));
            }
            AND_WHEN("the study is exported again") {
                const fs::path again = dir / "again.qdpx";
                io::write_qdpx(s, again);
                const std::string qde = entry_of(again, "project.qde");
                THEN("the selection keeps its character positions") {
                    CHECK(mentions(qde, "startPosition=\"11\" endPosition=\"18\""));
                    CHECK(mentions(qde, "startPosition=\"70\" endPosition=\"79\""));
                }
                THEN("reading it back gives the same coded words") {
                    const io::qdpx_import back = io::read_qdpx(again);
                    CHECK(exchanged(back.study).segments == exchanged(s).segments);
                    CHECK(back.study.all<model::coded_segment>()[0].text == "préparé");
                }
            }
        }
    }
    GIVEN("the same project with the transcript inline in PlainTextContent") {
        const fs::path file = dir / "inline.qdpx";
        std::string qde = french_project("");
        const std::string marker = "<Description>Entretien avec une gestionnaire</Description>";
        qde.replace(qde.find(marker), marker.size(),
                    marker + "<PlainTextContent>" + french + "</PlainTextContent>");
        make_archive(file, {{"project.qde", qde}});
        THEN("it reads the same words") {
            const io::qdpx_import imported = io::read_qdpx(file);
            REQUIRE(imported.study.all<model::coded_segment>().size() == 2);
            CHECK(imported.study.all<model::coded_segment>()[0].text == "préparé");
        }
    }
}

SCENARIO("projects from real tools differ in small ways and still read") {
    scratch dir;
    GIVEN("a project with no Users element, an empty codebook and a text outside the archive") {
        const fs::path file = dir / "quirks.qdpx";
        make_archive(
            file,
            {{"project.qde",
              project("<CodeBook><Codes/></CodeBook><Sources>"
                      "<TextSource guid=\"{01106019-2518-43dd-bbd1-8f0252bacb30}\" name=\"A\" "
                      "plainTextPath=\"internal://01106019-2518-43dd-bbd1-8f0252bacb30.txt\"/>"
                      "<TextSource guid=\"01106019-2518-43DD-BBD1-8F0252BACB31\" name=\"B\" "
                      "plainTextPath=\"absolute:///C:/Projet/B.txt\"/>"
                      "</Sources>")},
             {"sources/01106019-2518-43dd-bbd1-8f0252bacb30.txt", "Texte A"}});
        const io::qdpx_import imported = io::read_qdpx(file);
        THEN("the source inside the archive is read and the one outside is reported") {
            CHECK(imported.study.all<model::data_source>().size() == 1);
            CHECK(imported.study.all<model::data_source>()[0].text == "Texte A");
            CHECK(imported.study.all<model::code>().empty());
            CHECK(report_mentions(imported.report, "outside the archive"));
        }
    }
    GIVEN("a project whose codings name a user but that has no Users element") {
        const fs::path file = dir / "no-users.qdpx";
        make_archive(
            file, {{"project.qde",
                    project("<CodeBook><Codes><Code guid=\"00000000-0000-0000-0000-000000000001\" "
                            "name=\"c\" isCodable=\"true\"/></Codes></CodeBook><Sources>"
                            "<TextSource guid=\"00000000-0000-0000-0000-000000000002\" "
                            "name=\"A\"><PlainTextContent>Texte</PlainTextContent>"
                            "<PlainTextSelection guid=\"00000000-0000-0000-0000-000000000003\" "
                            "startPosition=\"0\" endPosition=\"5\"><Coding guid=\"00000000-"
                            "0000-0000-0000-000000000004\" creatingUser=\"ad68fbe7-e1ee-4a82-"
                            "a279-23cc698c89eb\"><CodeRef targetGUID=\"00000000-0000-0000-0000-"
                            "000000000001\"/></Coding></PlainTextSelection></TextSource>"
                            "</Sources>")}});
        const io::qdpx_import imported = io::read_qdpx(file);
        THEN("the coder is known by the user's GUID") {
            REQUIRE(imported.study.all<model::coded_segment>().size() == 1);
            CHECK(imported.study.all<model::coded_segment>()[0].coder ==
                  "ad68fbe7-e1ee-4a82-a279-23cc698c89eb");
        }
    }
    GIVEN("a project with the same code name under two parents") {
        const fs::path file = dir / "twice.qdpx";
        make_archive(file,
                     {{"project.qde",
                       project("<CodeBook><Codes>"
                               "<Code guid=\"00000000-0000-0000-0000-000000000001\" name=\"Staff\" "
                               "isCodable=\"true\"><Code guid=\"00000000-0000-0000-0000-"
                               "000000000002\" name=\"Other\" isCodable=\"true\"/></Code>"
                               "<Code guid=\"00000000-0000-0000-0000-000000000003\" "
                               "name=\"Patients\" isCodable=\"true\"><Code guid=\"00000000-0000-"
                               "0000-0000-000000000004\" name=\"Other\" isCodable=\"true\"/></Code>"
                               "</Codes></CodeBook>")}});
        const io::qdpx_import imported = io::read_qdpx(file);
        THEN("the second is named after its parent, and the renaming is reported") {
            CHECK(imported.study.find<model::code>("Other"));
            CHECK(imported.study.find<model::code>("Patients/Other"));
            CHECK(report_mentions(imported.report, "renamed"));
        }
    }
}

SCENARIO("the demo study exported to REFI-QDA comes back with everything the standard holds") {
    scratch dir;
    GIVEN("the illustrated seed study exported as a project") {
        const model::case_study original = model::seed_study_illustrated();
        const fs::path file = dir / "demo.qdpx";
        const io::qdpx_report report = io::write_qdpx(original, file);
        THEN("the export report lists the records the standard has no place for") {
            CHECK(report_mentions(report, "team records"));
            CHECK(report_mentions(report, "activity records"));
            CHECK(report_mentions(report, "engagement records"));
            CHECK(report_mentions(report, "source total records"));
            CHECK(report_mentions(report, "data source field 'on'"));
            CHECK(report.segments == original.all<model::coded_segment>().size());
        }
        THEN("exporting the same study again gives the same bytes") {
            const fs::path second = dir / "demo-2.qdpx";
            io::write_qdpx(original, second);
            CHECK(bytes_of(file) == bytes_of(second));
        }
        THEN("people taking part become Cases and waves become Sets") {
            const std::string qde = entry_of(file, "project.qde");
            CHECK(mentions(qde, "<Case "));
            CHECK(mentions(qde, "<Set "));
            CHECK(mentions(qde, "xmlns=\"urn:QDA-XML:project:1.0\""));
        }
        WHEN("it is read back") {
            const io::qdpx_import back = io::read_qdpx(file);
            const exchanged before(original), after(back.study);
            THEN("sources, codes, codings and memos are the same") {
                CHECK(after.sources == before.sources);
                CHECK(after.codes == before.codes);
                CHECK(after.segments == before.segments);
                CHECK(after.memos == before.memos);
            }
        }
        WHEN("it is merged into the study it came from") {
            model::case_study study = original;
            const io::qdpx_report merged = io::merge_qdpx(study, file);
            THEN("nothing is added twice") {
                CHECK(study.all<model::coded_segment>().size() ==
                      original.all<model::coded_segment>().size());
                CHECK(study.all<model::code>().size() == original.all<model::code>().size());
                CHECK(report_mentions(merged, "codings the study already has"));
            }
        }
    }
}

SCENARIO("coding done elsewhere is merged into an existing study") {
    scratch dir;
    GIVEN("the seed study and a project coding one of its interviews and a new one") {
        model::case_study study = model::seed_study_illustrated();
        const std::string excerpt = study.get(*study.find<model::data_source>("INT-1")).text;
        const std::string person = study.all<model::person>()[0].code;
        const std::string wave = study.all<model::wave>()[0].code;
        const model::study_case the_case = study.all<model::study_case>()[0];
        const fs::path file = dir / "merge.qdpx";
        make_archive(
            file,
            {{"project.qde",
              project("<Users><User guid=\"00000000-0000-0000-0000-00000000000a\" "
                      "name=\"coder-C\"/></Users>"
                      "<CodeBook><Codes><Code guid=\"00000000-0000-0000-0000-000000000001\" "
                      "name=\"agenda\" isCodable=\"true\"/></Codes></CodeBook>"
                      "<Cases><Case guid=\"00000000-0000-0000-0000-000000000005\" name=\"" +
                      person +
                      "\"><SourceRef targetGUID=\"00000000-0000-0000-0000-000000000003\"/>"
                      "</Case><Case guid=\"00000000-0000-0000-0000-000000000007\" name=\"" +
                      the_case.code +
                      "\"><SourceRef targetGUID=\"00000000-0000-0000-0000-000000000003\"/>"
                      "</Case></Cases>"
                      "<Sources><TextSource guid=\"00000000-0000-0000-0000-000000000002\" "
                      "name=\"INT-1\"><PlainTextContent>" +
                      excerpt +
                      "</PlainTextContent><PlainTextSelection guid=\"00000000-0000-0000-0000-"
                      "000000000009\" startPosition=\"0\" endPosition=\"6\"><Coding guid=\""
                      "00000000-0000-0000-0000-000000000008\" creatingUser=\"00000000-0000-0000-"
                      "0000-00000000000A\"><CodeRef targetGUID=\"00000000-0000-0000-0000-"
                      "000000000001\"/></Coding></PlainTextSelection></TextSource>"
                      "<TextSource guid=\"00000000-0000-0000-0000-000000000003\" name=\"INT-NEW\">"
                      "<PlainTextContent>Un nouvel entretien.</PlainTextContent></TextSource>"
                      "</Sources>"
                      "<Sets><Set guid=\"00000000-0000-0000-0000-000000000006\" name=\"" +
                      wave +
                      "\"><MemberSource targetGUID=\"00000000-0000-0000-0000-000000000003\"/>"
                      "</Set></Sets>")}});
        const std::size_t segments_before = study.all<model::coded_segment>().size();
        WHEN("it is merged") {
            const io::qdpx_report report = io::merge_qdpx(study, file);
            THEN("the coding lands on the existing interview, with the new coder and code") {
                CHECK(study.all<model::coded_segment>().size() == segments_before + 1);
                const auto& added = study.all<model::coded_segment>().back();
                CHECK(added.source == study.find<model::data_source>("INT-1"));
                CHECK(added.coder == "coder-C");
                CHECK(added.text == "We sat");
                CHECK(study.find<model::code>("agenda"));
                CHECK(report.segments == 1);
            }
            THEN("the new interview takes the case's person and the set's wave") {
                const auto id = study.find<model::data_source>("INT-NEW");
                REQUIRE(id);
                const auto& src = study.get(*id);
                REQUIRE(src.participants.size() == 1);
                CHECK(study.get(src.participants[0]).code == person);
                CHECK(src.wave == study.find<model::wave>(wave));
                CHECK(src.organization == the_case.organization);
            }
        }
    }
    GIVEN("a study and a file that is not a REFI-QDA project") {
        model::case_study study = model::seed_study_illustrated();
        const model::case_study before = study;
        const fs::path file = dir / "other.qdpx";
        make_archive(file, {{"project.qde", "<?xml version=\"1.0\"?><Project name=\"x\"/>"}});
        THEN("the merge is refused and the study is unchanged") {
            CHECK(mentions(message_of<load_error>([&] { io::merge_qdpx(study, file); }),
                           "urn:QDA-XML:project:1.0"));
            CHECK(study == before);
        }
    }
}

SCENARIO("texts that XML cannot hold are made safe in an exported project") {
    scratch dir;
    GIVEN("a memo and a source text that hold terminal escape sequences and a broken byte") {
        model::case_study_data data = model::seed_study_illustrated().data();
        REQUIRE_FALSE(data.all<model::memo>().empty());
        data.all<model::memo>().front().text = "red \x1b[31malert\x01 and \xff done";
        data.title = "Title\x07 with a bell";
        const model::case_study study = model::case_study::from_data(std::move(data));
        const fs::path file = dir / "safe.qdpx";
        io::write_qdpx(study, file);
        const std::string qde = entry_of(file, "project.qde");
        THEN("no forbidden control character or numeric reference to one is written") {
            for (char c : qde) {
                const auto u = static_cast<unsigned char>(c);
                CHECK((u >= 0x20 || c == '\t' || c == '\n' || c == '\r'));
            }
            CHECK_FALSE(mentions(qde, "&#1;"));
            CHECK_FALSE(mentions(qde, "&#27;"));
        }
        THEN("the project reads back, the texts keeping their length") {
            const io::qdpx_import back = io::read_qdpx(file);
            bool found = false;
            for (const auto& m : back.study.all<model::memo>())
                found = found || m.text == "red  [31malert  and ? done";
            CHECK(found);
        }
    }
}

SCENARIO("a codebook travels alone as a .qdc file") {
    scratch dir;
    GIVEN("the seed study's codebook written as a .qdc file") {
        const model::case_study original = model::seed_study_illustrated();
        const fs::path file = dir / "codes.qdc";
        const io::qdpx_report report = io::write_qdc(original, file);
        THEN("it is in the codebook namespace and reports what codes lose") {
            CHECK(mentions(bytes_of(file), "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\""));
            CHECK(report_mentions(report, "code field 'practice'"));
            CHECK_FALSE(report_mentions(report, "team records"));
        }
        THEN("reading it back gives the same code tree and definitions") {
            const io::qdpx_import back = io::read_qdc(file);
            CHECK(exchanged(back.study).codes == exchanged(original).codes);
        }
        THEN("a codebook larger than the entry limit is refused before it is read") {
            io::qdpx_read_options small;
            small.limits.max_entry_bytes = 100;
            try {
                (void)io::read_qdc(file, small);
                FAIL("a codebook past the limit was read");
            } catch (const load_error& e) {
                CHECK(e.category() == load_error_category::limit_exceeded);
                CHECK(mentions(e.what(), "qdpx_limits::max_entry_bytes"));
            }
        }
    }
    GIVEN("codebooks whose codes form one chain of parents, 200 and 300 codes long") {
        auto chain = [](std::uint32_t length) {
            model::case_study_data d;
            d.title = "one chain";
            d.window = model::date_window::years(2016, 2016);
            for (std::uint32_t i = 0; i < length; ++i) {
                model::code c;
                c.id = model::code_id{i + 1};
                c.name = "c" + std::to_string(i);
                if (i > 0) c.parent = model::code_id{i};
                d.all<model::code>().push_back(c);
            }
            return model::case_study::from_data(std::move(d));
        };
        THEN("the 200 levels are written and read back") {
            io::write_qdc(chain(200), dir / "deep.qdc");
            CHECK(io::read_qdc(dir / "deep.qdc").study.all<model::code>().size() == 200);
        }
        THEN("the 300 levels, which could not be read back, are refused and nothing is written") {
            const std::string message = message_of<invalid_request_error>(
                [&] { io::write_qdc(chain(300), dir / "deeper.qdc"); });
            CHECK(mentions(message, "qdpx_limits::max_xml_depth"));
            CHECK_FALSE(fs::exists(dir / "deeper.qdc"));
            CHECK_THROWS_AS(io::write_qdpx(chain(300), dir / "deeper.qdpx"), invalid_request_error);
        }
    }
    GIVEN("a study without codes") {
        const model::case_study empty("no codes", model::date_window::years(2015, 2017));
        THEN("writing its codebook is refused, and no file is written") {
            CHECK_THROWS_AS(io::write_qdc(empty, dir / "none.qdc"), invalid_request_error);
            CHECK_FALSE(fs::exists(dir / "none.qdc"));
        }
    }
}

SCENARIO("hostile archives are refused with a clear message and nothing else") {
    scratch dir;
    const std::string good = project("");
    auto refusal = [&](const std::vector<entry>& entries, const io::qdpx_read_options& options) {
        const fs::path file = dir / "hostile.qdpx";
        make_archive(file, entries);
        return message_of<load_error>([&] { (void)io::read_qdpx(file, options); });
    };
    const io::qdpx_read_options defaults;
    WHEN("an entry unpacks a thousand times larger than it is stored (a zip bomb)") {
        const std::string message = refusal(
            {{"project.qde", good}, {"sources/a.txt", std::string(8 << 20, 'a')}}, defaults);
        THEN("it is refused for its compression ratio") { CHECK(mentions(message, "zip bomb")); }
    }
    WHEN("many small entries each unpack a thousand times larger than they are stored") {
        std::vector<entry> entries{{"project.qde", good}};
        for (int i = 0; i < 20; ++i)
            entries.push_back({"sources/" + std::to_string(i) + ".txt", std::string(100000, 'a')});
        THEN("together they are refused as a zip bomb") {
            CHECK(mentions(refusal(entries, defaults), "the entries unpack"));
        }
    }
    WHEN("an entry is larger than the per-entry limit") {
        io::qdpx_read_options small;
        small.limits.max_entry_bytes = 1000;
        THEN("it is refused naming the entry and the limit") {
            const std::string message =
                refusal({{"project.qde", good}, {"sources/a.txt", std::string(2000, 'a')}}, small);
            CHECK(mentions(message, "entry 'sources/a.txt'"));
            CHECK(mentions(message, "max_entry_bytes"));
        }
    }
    WHEN("the entries together are larger than the total limit") {
        io::qdpx_read_options small;
        small.limits.max_total_bytes = 3000;
        THEN("it is refused naming the total limit") {
            CHECK(mentions(refusal({{"project.qde", good},
                                    {"sources/a.txt", std::string(2000, 'a')},
                                    {"sources/b.txt", std::string(2000, 'b')}},
                                   small),
                           "max_total_bytes"));
        }
    }
    WHEN("an entry's path climbs out with '..'") {
        THEN("it is refused") {
            CHECK(mentions(
                refusal({{"project.qde", good}, {"sources/../../evil.txt", "x"}}, defaults),
                "'..'"));
        }
    }
    WHEN("an entry's path is absolute") {
        THEN("it is refused") {
            CHECK(mentions(refusal({{"project.qde", good}, {"/etc/evil.txt", "x"}}, defaults),
                           "absolute path"));
        }
    }
    WHEN("an entry is a symbolic link") {
        THEN("it is refused") {
            CHECK(mentions(
                refusal({{"project.qde", good}, {"sources/a.txt", "/etc/passwd", true}}, defaults),
                "symbolic link"));
        }
    }
    WHEN("two entries have the same name") {
        const fs::path file = dir / "twice.qdpx";
        make_archive(file, {{"project.qde", good}, {"project.qdX", good}});
        std::string bytes = bytes_of(file);
        for (std::size_t at = bytes.find("project.qdX"); at != std::string::npos;
             at = bytes.find("project.qdX"))
            bytes[at + 10] = 'e';
        std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
        THEN("the ambiguous archive is refused") {
            const std::string message = message_of<load_error>([&] { (void)io::read_qdpx(file); });
            CHECK(mentions(message, "twice"));
        }
    }
    WHEN("project.qde declares a DTD with an external entity") {
        const std::string xxe =
            "<?xml version=\"1.0\"?><!DOCTYPE Project [<!ENTITY x SYSTEM "
            "\"file:///etc/passwd\">]><Project xmlns=\"urn:QDA-XML:project:1.0\" "
            "name=\"&x;\"/>";
        THEN("it is refused before any entity is read") {
            CHECK(mentions(refusal({{"project.qde", xxe}}, defaults), "DOCTYPE"));
        }
    }
    WHEN("project.qde nests elements ten thousand deep") {
        std::string deep;
        for (int i = 0; i < 10000; ++i)
            deep +=
                "<Code guid=\"00000000-0000-0000-0000-000000000001\" name=\"c\" "
                "isCodable=\"true\">";
        for (int i = 0; i < 10000; ++i)
            deep += "</Code>";
        THEN("it is refused for its depth") {
            CHECK(mentions(refusal({{"project.qde",
                                     project("<CodeBook><Codes>" + deep + "</Codes></CodeBook>")}},
                                   defaults),
                           "max_xml_depth"));
        }
    }
    WHEN("project.qde is not valid UTF-8") {
        THEN("it is refused naming the byte") {
            CHECK(mentions(refusal({{"project.qde", project("", "Entretiens \xff\xfe")}}, defaults),
                           "invalid UTF-8"));
        }
    }
    WHEN("a source's text is not valid UTF-8") {
        THEN("it is refused naming the entry") {
            CHECK(mentions(
                refusal({{"project.qde", project("<Sources><TextSource guid=\"00000000-0000-0000-"
                                                 "0000-000000000001\" name=\"A\" plainTextPath="
                                                 "\"internal://a.txt\"/></Sources>")},
                         {"sources/a.txt", "caf\xe9"}},
                        defaults),
                "entry 'sources/a.txt': invalid UTF-8"));
        }
    }
    WHEN("the file is not a zip archive at all") {
        const fs::path file = dir / "plain.qdpx";
        std::ofstream(file) << good;
        THEN("it is refused as not a project") {
            const auto message = message_of<load_error>([&] { (void)io::read_qdpx(file); });
            CHECK(mentions(message, "not a readable zip archive"));
        }
    }
    WHEN("the archive has no project.qde") {
        THEN("it is refused saying what is missing") {
            CHECK(mentions(refusal({{"sources/a.txt", "x"}}, defaults), "no project.qde"));
        }
    }
}

namespace {

/// The seed study with one more influence-log entry quoting a coded segment, with a line break
/// and a backslash in its note.
model::case_study study_with_quoted_input() {
    model::case_study study = model::seed_study_illustrated();
    const model::coded_segment& quoted = study.all<model::coded_segment>().front();
    model::advisor_input in = study.all<model::advisor_input>().front();
    in.id = {};
    in.code = "IN-QUOTED";
    in.source = quoted.source;
    in.segment = quoted.id;
    in.note = "first line\nsecond line with a \\ backslash: and a colon";
    study.add(in);
    return study;
}

/// The evaluation responses of a study, by respondent and item code, with every field.
std::multiset<
    std::tuple<std::string, std::string, std::uint32_t, std::optional<model::team_id>,
               std::optional<model::wave_id>, std::optional<model::date>, model::provenance>>
answers(const model::case_study& study) {
    std::multiset<
        std::tuple<std::string, std::string, std::uint32_t, std::optional<model::team_id>,
                   std::optional<model::wave_id>, std::optional<model::date>, model::provenance>>
        out;
    for (const model::evaluation_response& r : study.all<model::evaluation_response>())
        out.emplace(study.get(r.respondent).code, study.get(r.item).code, r.value, r.team, r.wave,
                    r.on, r.provenance);
    return out;
}

/// The study without its evaluation records and influence log.
model::case_study without_evidence(model::case_study study) {
    while (!study.all<model::advisor_input>().empty())
        study.remove(study.all<model::advisor_input>().back().id);
    while (!study.all<model::evaluation_response>().empty())
        study.remove(study.all<model::evaluation_response>().back().id);
    while (!study.all<model::evaluation_item>().empty())
        study.remove(study.all<model::evaluation_item>().back().id);
    return study;
}

}  // namespace

SCENARIO("evaluation records and the influence log travel as structured Notes and come back") {
    scratch dir;
    GIVEN("the illustrated seed study, with an input quoting a coded segment, exported") {
        const model::case_study original = study_with_quoted_input();
        const fs::path file = dir / "evidence.qdpx";
        const io::qdpx_report report = io::write_qdpx(original, file);
        const std::size_t records = original.all<model::evaluation_item>().size() +
                                    original.all<model::evaluation_response>().size() +
                                    original.all<model::advisor_input>().size();
        THEN("every item, response and input is a Note, and none is reported as left out") {
            CHECK(report.records == records);
            CHECK_FALSE(report_mentions(report, "evaluation response"));
            CHECK_FALSE(report_mentions(report, "advisor input"));
            const std::string qde = entry_of(file, "project.qde");
            CHECK(mentions(qde, "name=\"advisor input IN-QUOTED\""));
            CHECK(mentions(qde, "partnerqi-record: influence_log 1\ncode: IN-QUOTED\n"));
            CHECK(mentions(qde, "note: first line\\nsecond line with a \\\\ backslash: and a"));
            CHECK(mentions(qde, "<Set guid="));
            CHECK(mentions(qde, "name=\"evaluation_responses\""));
        }
        THEN("the quoted segment's selection and the evidence sources refer to the input's Note") {
            const std::string qde = entry_of(file, "project.qde");
            const std::size_t note = qde.find("name=\"advisor input IN-QUOTED\"");
            REQUIRE(note != std::string::npos);
            const std::size_t guid_at = qde.rfind("guid=\"", note) + 6;
            const std::string guid = qde.substr(guid_at, qde.find('"', guid_at) - guid_at);
            const std::string ref = "<NoteRef targetGUID=\"" + guid + "\"";
            const std::size_t in_selection = qde.find(ref);
            REQUIRE(in_selection != std::string::npos);
            const std::size_t opened = qde.rfind("<PlainTextSelection", in_selection);
            const std::size_t closed = qde.rfind("</PlainTextSelection>", in_selection);
            CHECK(opened != std::string::npos);
            CHECK((closed == std::string::npos || opened > closed));
        }
        WHEN("it is merged into the study without its evaluation records and influence log") {
            model::case_study study = without_evidence(original);
            const io::qdpx_report merged = io::merge_qdpx(study, file);
            THEN("they come back with every field, the quoted segment too") {
                CHECK(merged.records == records);
                for (model::evaluation_item item : original.all<model::evaluation_item>()) {
                    const auto id = study.find<model::evaluation_item>(item.code);
                    REQUIRE(id);
                    item.id = *id;
                    CHECK(study.get(*id) == item);
                }
                CHECK(answers(study) == answers(original));
                const auto id = study.find<model::advisor_input>("IN-QUOTED");
                REQUIRE(id);
                const model::advisor_input& back = study.get(*id);
                const model::advisor_input& before =
                    original.get(*original.find<model::advisor_input>("IN-QUOTED"));
                CHECK(back.note == before.note);
                REQUIRE(back.segment);
                CHECK(study.get(*back.segment).begin == original.get(*before.segment).begin);
                CHECK(study.get(*back.segment).coder == original.get(*before.segment).coder);
                CHECK(back.decided_on == before.decided_on);
                CHECK(back.change == before.change);
            }
        }
        WHEN("it is merged into the study it came from") {
            model::case_study study = original;
            const io::qdpx_report merged = io::merge_qdpx(study, file);
            THEN("nothing is added twice") {
                CHECK(study == original);
                CHECK(merged.records == 0);
                CHECK(report_mentions(merged, "evaluation response notes the study already has"));
                CHECK(report_mentions(merged, "advisor input notes the study already has"));
            }
        }
        WHEN("it is read as a new study, which has none of the people the records name") {
            const io::qdpx_import back = io::read_qdpx(file);
            THEN("the items come back, and the report says why responses and inputs did not") {
                CHECK(back.study.all<model::evaluation_item>().size() ==
                      original.all<model::evaluation_item>().size());
                CHECK(back.study.all<model::evaluation_response>().empty());
                CHECK(report_mentions(back.report, "evaluation response notes not imported"));
                CHECK(
                    report_mentions(back.report, "merge the project into the study it came from"));
                CHECK(exchanged(back.study).memos == exchanged(original).memos);
            }
        }
    }
    GIVEN("a project whose structured Note was edited into nonsense in another tool") {
        model::case_study study = model::seed_study_illustrated();
        const model::case_study before = study;
        const fs::path file = dir / "edited.qdpx";
        make_archive(
            file,
            {{"project.qde",
              project("<Notes><Note guid=\"00000000-0000-0000-0000-000000000001\" "
                      "name=\"advisor input IN-99\"><PlainTextContent>partnerqi-record: "
                      "influence_log 1\ncode: IN-99\ndecision: maybe\n</PlainTextContent></Note>"
                      "<Note guid=\"00000000-0000-0000-0000-000000000002\" name=\"later\">"
                      "<PlainTextContent>partnerqi-record: influence_log 9\ncode: IN-98"
                      "</PlainTextContent></Note></Notes>")}});
        WHEN("it is merged") {
            const io::qdpx_report report = io::merge_qdpx(study, file);
            THEN("the report names the line, the field and the accepted values, and adds nothing") {
                CHECK(report_mentions(report, "line 3: field 'decision': \"maybe\" is not one of"));
                CHECK(report_mentions(report, "record version 9 is newer"));
                CHECK(study == before);
            }
        }
    }
    GIVEN("a project written before evaluation records were exported, with an ordinary Note") {
        const fs::path file = dir / "older.qdpx";
        make_archive(file, {{"project.qde",
                             project("<Notes><Note guid=\"00000000-0000-0000-0000-000000000001\" "
                                     "name=\"idea\"><PlainTextContent>partnerqi-record: not a "
                                     "kind</PlainTextContent></Note></Notes>")}});
        THEN("the Note is a memo, as before") {
            const io::qdpx_import back = io::read_qdpx(file);
            REQUIRE(back.study.all<model::memo>().size() == 1);
            CHECK(back.study.all<model::memo>()[0].title == "idea");
        }
    }
}
