#include "partnerqi/io/detail/payload_stream.hpp"

#include <algorithm>
#include <ios>

namespace partnerqi::io::detail {

// ---- payload_sink -------------------------------------------------------------------------

payload_sink::payload_sink() { next_chunk(); }

void payload_sink::seal_current() {
    crc_ =
        crc32_update(crc_, std::string_view(sealed_, static_cast<std::size_t>(pptr() - sealed_)));
    sealed_ = pptr();
}

void payload_sink::next_chunk() {
    if (!chunks_.empty()) {
        seal_current();
        full_bytes_ += static_cast<std::uint64_t>(pptr() - pbase());
    }
    chunks_.push_back(std::unique_ptr<char[]>(new char[chunk_size]));  // not zeroed
    char* begin = chunks_.back().get();
    setp(begin, begin + chunk_size);
    sealed_ = begin;
}

payload_sink::int_type payload_sink::overflow(int_type c) {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    if (pptr() == epptr()) next_chunk();
    *pptr() = traits_type::to_char_type(c);
    pbump(1);
    return c;
}

std::streamsize payload_sink::xsputn(const char* s, std::streamsize n) {
    std::streamsize done = 0;
    while (done < n) {
        if (pptr() == epptr()) next_chunk();
        const auto room = static_cast<std::streamsize>(epptr() - pptr());
        const std::streamsize step = std::min(room, n - done);
        std::memcpy(pptr(), s + done, static_cast<std::size_t>(step));
        pbump(static_cast<int>(step));
        done += step;
    }
    return n;
}

std::vector<std::string_view> payload_sink::pieces() {
    seal_current();
    std::vector<std::string_view> out;
    out.reserve(chunks_.size());
    for (std::size_t i = 0; i + 1 < chunks_.size(); ++i)
        out.emplace_back(chunks_[i].get(), chunk_size);
    out.emplace_back(pbase(), static_cast<std::size_t>(pptr() - pbase()));
    return out;
}

std::uint64_t payload_sink::size() const noexcept {
    return full_bytes_ + static_cast<std::uint64_t>(pptr() - pbase());
}

// ---- payload_source -----------------------------------------------------------------------

namespace {
constexpr std::size_t source_buffer_size = std::size_t{64} << 10;
}

payload_source::payload_source(std::streambuf& upstream, std::uint64_t length,
                               std::uint64_t present)
    : upstream_(upstream),
      length_(length),
      present_(std::min(length, present)),
      buffer_(new char[source_buffer_size]) {
    setg(buffer_.get(), buffer_.get(), buffer_.get());
}

std::uint64_t payload_source::bytes_present(std::streambuf& upstream) {
    using pos = std::streambuf::pos_type;
    const pos bad = pos(std::streambuf::off_type(-1));
    const pos here = upstream.pubseekoff(0, std::ios_base::cur, std::ios_base::in);
    if (here == bad) return 0;
    const pos end = upstream.pubseekoff(0, std::ios_base::end, std::ios_base::in);
    const pos back = upstream.pubseekpos(here, std::ios_base::in);
    if (end == bad || back != here || end < here) return 0;
    return static_cast<std::uint64_t>(end - here);
}

payload_source::int_type payload_source::underflow() {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    if (short_ || pulled_ == length_) return traits_type::eof();
    const auto want = static_cast<std::streamsize>(
        std::min<std::uint64_t>(source_buffer_size, length_ - pulled_));
    const std::streamsize got = upstream_.sgetn(buffer_.get(), want);
    if (got < want) short_ = true;
    if (got <= 0) {
        setg(buffer_.get(), buffer_.get(), buffer_.get());
        return traits_type::eof();
    }
    crc_ = crc32_update(crc_, std::string_view(buffer_.get(), static_cast<std::size_t>(got)));
    pulled_ += static_cast<std::uint64_t>(got);
    setg(buffer_.get(), buffer_.get(), buffer_.get() + got);
    return traits_type::to_int_type(*gptr());
}

std::streamsize payload_source::xsgetn(char* s, std::streamsize n) {
    std::streamsize done = 0;
    // First what is buffered, then large reads go straight from upstream into `s`.
    const std::streamsize buffered = std::min<std::streamsize>(n, egptr() - gptr());
    if (buffered > 0) {
        std::memcpy(s, gptr(), static_cast<std::size_t>(buffered));
        gbump(static_cast<int>(buffered));
        done = buffered;
    }
    while (done < n && !short_ && pulled_ < length_) {
        const std::streamsize rest = n - done;
        if (rest < static_cast<std::streamsize>(source_buffer_size)) {
            if (traits_type::eq_int_type(underflow(), traits_type::eof())) break;
            const std::streamsize step = std::min<std::streamsize>(rest, egptr() - gptr());
            std::memcpy(s + done, gptr(), static_cast<std::size_t>(step));
            gbump(static_cast<int>(step));
            done += step;
            continue;
        }
        const auto want = static_cast<std::streamsize>(
            std::min<std::uint64_t>(static_cast<std::uint64_t>(rest), length_ - pulled_));
        const std::streamsize got = upstream_.sgetn(s + done, want);
        if (got < want) short_ = true;
        if (got <= 0) break;
        crc_ = crc32_update(crc_, std::string_view(s + done, static_cast<std::size_t>(got)));
        pulled_ += static_cast<std::uint64_t>(got);
        done += got;
    }
    return done;
}

payload_end payload_source::finish(std::uint32_t expected_crc) {
    setg(buffer_.get(), buffer_.get(), buffer_.get());
    while (!short_ && pulled_ < length_)
        if (traits_type::eq_int_type(underflow(), traits_type::eof()))
            break;
        else
            setg(buffer_.get(), buffer_.get(), buffer_.get());
    if (pulled_ < length_) return payload_end::truncated;
    if (!traits_type::eq_int_type(upstream_.sgetc(), traits_type::eof()))
        return payload_end::trailing_bytes;
    if (crc32_finish(crc_) != expected_crc) return payload_end::checksum_mismatch;
    return payload_end::complete;
}

}  // namespace partnerqi::io::detail
