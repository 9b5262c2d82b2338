// Saving never leaves half a file: the previous version survives any failure.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <streambuf>
#include <string>

#include <support/catch.hpp>

#include "partnerqi/io.hpp"
#include "partnerqi/io/detail/atomic_file.hpp"
#include "partnerqi/model/seed_study.hpp"

#include "full_study.hpp"

using namespace partnerqi;
using namespace partnerqi::io::testing;
namespace fs = std::filesystem;

namespace {

// A stream buffer that accepts `capacity` bytes and then refuses more, like a full disk.
class full_disk_buffer : public std::streambuf {
public:
    explicit full_disk_buffer(std::size_t capacity) : left_(capacity) {}

protected:
    int_type overflow(int_type c) override {
        if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
        if (left_ == 0) return traits_type::eof();
        --left_;
        return c;
    }
    std::streamsize xsputn(const char*, std::streamsize n) override {
        const auto taken = std::min<std::streamsize>(n, static_cast<std::streamsize>(left_));
        left_ -= static_cast<std::size_t>(taken);
        return taken;
    }

private:
    std::size_t left_;
};

}  // namespace

SCENARIO("a save that fails midway leaves the previous file intact") {
    GIVEN("a file holding an earlier version of a study") {
        const scratch_dir dir;
        const std::string file = dir.file("study.pqi");
        const model::case_study earlier = model::seed_study_reported();
        io::save(earlier, file);
        const std::string before = read_all(file);
        WHEN("a new version is saved and the disk fails after 1000 bytes") {
            {
                const io::detail::simulated_full_disk disk(1000);
                CHECK_THROWS_AS(io::save(full_study(), file), save_error);
            }
            THEN("the file still holds the earlier version, byte for byte") {
                CHECK(read_all(file) == before);
                CHECK(io::load(file) == earlier);
            }
            THEN("no temporary file is left behind") { CHECK(entries_in(dir.path()) == 1); }
            THEN("once the disk has room again, the same save succeeds") {
                io::save(full_study(), file);
                CHECK(io::load(file) == full_study());
            }
        }
        WHEN("the disk fails before the first byte") {
            {
                const io::detail::simulated_full_disk disk(0);
                CHECK_THROWS_AS(io::detail::write_file_atomically(file, "new content"), save_error);
            }
            THEN("the earlier version is intact and no temporary is left") {
                CHECK(read_all(file) == before);
                CHECK(entries_in(dir.path()) == 1);
            }
        }
        WHEN("the save succeeds") {
            io::save(full_study(), file, {io::encoding::xml});
            THEN("the file holds the new version and nothing else is in the directory") {
                CHECK(io::load(file) == full_study());
                CHECK(entries_in(dir.path()) == 1);
            }
        }
    }
    GIVEN("no file yet and a disk that fails midway") {
        const scratch_dir dir;
        const std::string file = dir.file("new.pqi");
        {
            const io::detail::simulated_full_disk disk(2500);
            CHECK_THROWS_AS(io::detail::write_file_atomically(file, std::string(5000, 'x')),
                            save_error);
        }
        THEN("no file and no temporary exist") {
            CHECK_FALSE(fs::exists(file));
            CHECK(entries_in(dir.path()) == 0);
        }
    }
}

SCENARIO("saving to a stream that fails is reported") {
    GIVEN("a stream that takes only 100 bytes") {
        full_disk_buffer buffer(100);
        std::ostream out(&buffer);
        THEN("saving throws a save_error") {
            CHECK_THROWS_AS(io::save(full_study(), out), save_error);
        }
    }
}

SCENARIO("a save that cannot be done is refused and leaves files alone") {
    GIVEN("a directory where the file should go, and an earlier file beside it") {
        const scratch_dir dir;
        const std::string file = dir.file("study.pqi");
        io::save(model::seed_study_reported(), file);
        const std::string before = read_all(file);
        THEN("saving over the directory is refused and nothing changes") {
            CHECK_THROWS_AS(io::save(full_study(), dir.path()), save_error);
            CHECK(fs::is_directory(dir.path()));
            CHECK(read_all(file) == before);
            CHECK(entries_in(dir.path()) == 1);
        }
    }
    GIVEN("a directory that does not exist") {
        const scratch_dir dir;
        THEN("the save is refused with a message naming the file") {
            const std::string file = dir.file("missing/study.pqi");
            try {
                io::save(full_study(), file);
                FAIL("saved into a missing directory");
            } catch (const save_error& e) {
                CHECK(std::string(e.what()).find(file) != std::string::npos);
            }
        }
    }
    GIVEN("an unknown encoding") {
        const scratch_dir dir;
        THEN("the save is refused before anything is written") {
            CHECK_THROWS_AS(
                io::save(full_study(), dir.file("x.pqi"), {static_cast<io::encoding>(9)}),
                save_error);
            CHECK(entries_in(dir.path()) == 0);
        }
    }
}

SCENARIO("an output named through a symbolic link replaces the file the link points to") {
    GIVEN("a link to an existing study file") {
        const scratch_dir dir;
        const std::string file = dir.file("real.pqi");
        const std::string link = dir.file("link.pqi");
        io::save(model::seed_study_reported(), file);
        fs::create_symlink(file, link);
        WHEN("the full study is saved to the link") {
            io::save(full_study(), link);
            THEN("the link is still a link and the file behind it holds the new study") {
                CHECK(fs::is_symlink(fs::symlink_status(link)));
                CHECK(io::load(file) == full_study());
                CHECK(entries_in(dir.path()) == 2);
            }
        }
    }
    GIVEN("a link to a device that is no regular file") {
        const scratch_dir dir;
        const std::string link = dir.file("to-null.pqi");
        fs::create_symlink("/dev/null", link);
        THEN("the bytes are written into the device and the link stays") {
            io::save(full_study(), link);
            CHECK(fs::is_symlink(fs::symlink_status(link)));
            CHECK(fs::is_character_file(fs::status("/dev/null")));
            CHECK(entries_in(dir.path()) == 1);
        }
    }
}
