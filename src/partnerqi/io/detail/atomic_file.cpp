#include "partnerqi/io/detail/atomic_file.hpp"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <limits>
#include <string>
#include <system_error>

#include "partnerqi/error.hpp"

#if defined(_WIN32)
#include <algorithm>
#include <fstream>
#else
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace partnerqi::io::detail {

namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail(const fs::path& target, const std::string& what) {
    throw save_error("cannot write \"" + target.string() + "\": " + what +
                     "; the previous file, if any, is unchanged");
}

std::string system_message(int code) { return std::generic_category().message(code); }

// A name beside the target that no other writer uses at the same time.
fs::path temporary_beside(const fs::path& target, unsigned attempt) {
    const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    std::string name = "." + target.filename().string() + ".tmp-" + std::to_string(stamp) + "-" +
                       std::to_string(attempt);
#if !defined(_WIN32)
    name += "-" + std::to_string(::getpid());
#endif
    return target.parent_path() / name;
}

// Bytes an atomic write of this thread may put in its file before the disk fails: no limit,
// except under a simulated_full_disk.
thread_local std::uint64_t disk_capacity = std::numeric_limits<std::uint64_t>::max();

}  // namespace

simulated_full_disk::simulated_full_disk(std::uint64_t capacity) noexcept
    : previous_capacity_(disk_capacity) {
    disk_capacity = capacity;
}

simulated_full_disk::~simulated_full_disk() { disk_capacity = previous_capacity_; }

#if defined(_WIN32)

void write_file_atomically(const fs::path& target, const std::vector<std::string_view>& pieces) {
    const std::uint64_t capacity = disk_capacity;
    std::error_code ec;
    if (fs::is_directory(target, ec)) fail(target, "it is a directory");
    const fs::path temp = temporary_beside(target, 0);
    try {
        {
            std::ofstream out(temp, std::ios::binary | std::ios::trunc);
            if (!out) fail(target, "cannot create a temporary file beside it");
            std::uint64_t written = 0;
            for (std::string_view bytes : pieces) {
                const std::uint64_t allowed =
                    std::min<std::uint64_t>(bytes.size(), capacity - written);
                out.write(bytes.data(), static_cast<std::streamsize>(allowed));
                written += allowed;
                if (allowed < bytes.size())
                    fail(target, "the disk refused more bytes (no space left)");
            }
            out.flush();
            if (!out) fail(target, "writing failed (is the disk full?)");
        }
        fs::rename(temp, target, ec);
        if (ec) fail(target, "cannot rename the temporary file into place: " + ec.message());
    } catch (...) {
        fs::remove(temp, ec);
        throw;
    }
}

#else

// Writes straight into something that is not a regular file (a terminal, a pipe, /dev/null):
// there is nothing to replace atomically.
void write_through(const fs::path& target, const std::vector<std::string_view>& pieces) {
    const int fd = ::open(target.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) fail(target, "cannot open it for writing (" + system_message(errno) + ")");
    for (std::string_view bytes : pieces) {
        std::size_t done = 0;
        while (done < bytes.size()) {
            const ::ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) {
                const int code = errno;
                ::close(fd);
                fail(target, "writing failed (" + system_message(code) + ")");
            }
            done += static_cast<std::size_t>(n);
        }
    }
    ::close(fd);
}

void write_file_atomically(const fs::path& named, const std::vector<std::string_view>& pieces) {
    const std::uint64_t capacity = disk_capacity;
    std::error_code ec;
    if (fs::is_directory(named, ec)) fail(named, "it is a directory");
    // A symbolic link stays a link: the file it points to is replaced (or, when that is no
    // regular file, such as /dev/stdout, written into).
    fs::path target = named;
    if (fs::is_symlink(fs::symlink_status(named, ec))) {
        const fs::path resolved = fs::canonical(named, ec);
        if (!ec) target = resolved;
    }
    const fs::file_status existing = fs::status(target, ec);
    if (fs::exists(existing) && !fs::is_regular_file(existing)) {
        write_through(target, pieces);
        return;
    }

    // Keep the permissions of the file being replaced.
    struct stat old_stat {};
    const bool replacing = ::stat(target.c_str(), &old_stat) == 0;

    fs::path temp;
    int fd = -1;
    for (unsigned attempt = 0; attempt < 16 && fd < 0; ++attempt) {
        temp = temporary_beside(target, attempt);
        fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd < 0 && errno != EEXIST)
            fail(target,
                 "cannot create a temporary file beside it (" + system_message(errno) + ")");
    }
    if (fd < 0) fail(target, "cannot find a free temporary name beside it");

    auto abandon = [&](const std::string& what) {
        if (fd >= 0) ::close(fd);
        ::unlink(temp.c_str());
        fail(target, what);
    };

    if (replacing) (void)::fchmod(fd, old_stat.st_mode & 07777);

    std::uint64_t written = 0;
    for (std::string_view bytes : pieces) {
        std::size_t done = 0;
        while (done < bytes.size()) {
            std::size_t want = bytes.size() - done;
            if (written >= capacity) {
                abandon("writing failed after " + std::to_string(written) + " bytes (" +
                        system_message(ENOSPC) + ")");
            }
            if (capacity - written < want) want = static_cast<std::size_t>(capacity - written);
            const ::ssize_t n = ::write(fd, bytes.data() + done, want);
            if (n < 0) {
                if (errno == EINTR) continue;
                abandon("writing failed after " + std::to_string(written) + " bytes (" +
                        system_message(errno) + ")");
            }
            done += static_cast<std::size_t>(n);
            written += static_cast<std::uint64_t>(n);
        }
    }
    if (::fsync(fd) != 0) abandon("flushing to disk failed (" + system_message(errno) + ")");
    const int closed = ::close(fd);
    fd = -1;
    if (closed != 0) abandon("closing the temporary file failed (" + system_message(errno) + ")");
    if (::rename(temp.c_str(), target.c_str()) != 0)
        abandon("cannot rename the temporary file into place (" + system_message(errno) + ")");

    // Make the rename itself durable.
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    const int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir_fd >= 0) {
        (void)::fsync(dir_fd);
        ::close(dir_fd);
    }
}

#endif

void write_file_atomically(const fs::path& target, std::string_view bytes) {
    write_file_atomically(target, std::vector<std::string_view>{bytes});
}

}  // namespace partnerqi::io::detail
