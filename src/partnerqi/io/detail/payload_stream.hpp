// Stream buffers between the archives and the file: the payload is written into chunks that are
// checksummed as they fill (no growth copies, no copy into the file image), and read straight
// from the caller's stream, checksummed as it goes, with a byte budget equal to the announced
// payload length.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <streambuf>
#include <string_view>
#include <vector>

#include "partnerqi/io/detail/envelope.hpp"

namespace partnerqi::io::detail {

/// An output stream buffer that keeps what is written in fixed-size chunks and computes the
/// CRC-32 of each chunk when it is full, while it is still in the cache.
class payload_sink : public std::streambuf {
public:
    payload_sink();

    /// Appends `n` bytes; the inline path of the archives' primitive writes.
    void put(const void* p, std::size_t n) {
        if (static_cast<std::size_t>(epptr() - pptr()) >= n) {
            std::memcpy(pptr(), p, n);
            pbump(static_cast<int>(n));
        } else {
            sputn(static_cast<const char*>(p), static_cast<std::streamsize>(n));
        }
    }

    /// Everything written so far, in order, as views into the chunks; finishes the checksum.
    [[nodiscard]] std::vector<std::string_view> pieces();
    /// The number of bytes written so far.
    [[nodiscard]] std::uint64_t size() const noexcept;
    /// The CRC-32 of everything written; valid after pieces().
    [[nodiscard]] std::uint32_t crc() const noexcept { return crc32_finish(crc_); }

protected:
    int_type overflow(int_type c) override;
    std::streamsize xsputn(const char* s, std::streamsize n) override;

private:
    void next_chunk();
    void seal_current();  // checksums the part of the current chunk not yet checksummed

    static constexpr std::size_t chunk_size = std::size_t{256} << 10;
    std::vector<std::unique_ptr<char[]>> chunks_;
    std::uint64_t full_bytes_ = 0;  // bytes in the chunks before the current one
    std::uint32_t crc_ = crc32_start();
    char* sealed_ = nullptr;  // the checksum covers the current chunk up to here
};

/// Something that can say how many payload bytes the decoder has not consumed yet; a collection
/// can then never reserve more elements than the rest of the input could hold.
class input_budget {
public:
    /// Bytes of payload not yet handed to the decoder.
    [[nodiscard]] virtual std::uint64_t remaining() const noexcept = 0;

protected:
    ~input_budget() = default;
};

/// How a payload read through a payload_source ended.
enum class payload_end { complete, truncated, trailing_bytes, checksum_mismatch };

/// An input stream buffer that reads exactly the announced payload length from another stream
/// buffer (the file), through a small buffer, computing the CRC-32 of every byte it reads.
class payload_source : public std::streambuf, public input_budget {
public:
    /// Reads at most `length` bytes from `upstream`, which must outlive this object. `present`
    /// is how many bytes upstream really holds, when known (a seekable file or string), and 0
    /// when not: only bytes known to be there count as budget for reservations, so that a
    /// short file announcing a huge payload cannot make a collection reserve for it.
    payload_source(std::streambuf& upstream, std::uint64_t length, std::uint64_t present);

    /// How many bytes `upstream` holds from its current position, or 0 when it cannot say.
    [[nodiscard]] static std::uint64_t bytes_present(std::streambuf& upstream);

    /// Reads `n` bytes into `p`, false when the payload ends first; the inline path of the
    /// archives' primitive reads.
    bool get(void* p, std::size_t n) {
        if (static_cast<std::size_t>(egptr() - gptr()) >= n) {
            std::memcpy(p, gptr(), n);
            gbump(static_cast<int>(n));
            return true;
        }
        return sgetn(static_cast<char*>(p), static_cast<std::streamsize>(n)) ==
               static_cast<std::streamsize>(n);
    }

    /// Bytes of payload known to be present and not yet handed to the decoder.
    [[nodiscard]] std::uint64_t remaining() const noexcept override {
        const std::uint64_t consumed = pulled_ - static_cast<std::uint64_t>(egptr() - gptr());
        return present_ > consumed ? present_ - consumed : 0;
    }
    /// The announced payload length.
    [[nodiscard]] std::uint64_t length() const noexcept { return length_; }

    /// Reads whatever the decoder left of the payload, then says whether the payload was all
    /// there, nothing follows it, and its checksum is `expected_crc`.
    [[nodiscard]] payload_end finish(std::uint32_t expected_crc);
    /// How many payload bytes were found (the whole length unless the input ended early).
    [[nodiscard]] std::uint64_t bytes_found() const noexcept { return pulled_; }

protected:
    int_type underflow() override;
    std::streamsize xsgetn(char* s, std::streamsize n) override;

private:
    std::streambuf& upstream_;
    std::uint64_t length_;
    std::uint64_t present_;     // min(length_, what upstream holds), 0 when unknown
    std::uint64_t pulled_ = 0;  // bytes read from upstream (and checksummed)
    bool short_ = false;        // upstream ended before the payload did
    std::uint32_t crc_ = crc32_start();
    std::unique_ptr<char[]> buffer_;
};

}  // namespace partnerqi::io::detail
