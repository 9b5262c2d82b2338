// A hand-written, length-prefixed binary format of the same records a case-study file holds:
// the limit the file layer is measured against. No envelope, no checksum, no versioning: fixed
// little-endian-on-this-machine integers, strings and collections prefixed by their length.
// The reader checks every length against what is left, so a short buffer throws, never reads
// past the end.
#pragma once

#include <cstdint>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include <partnerqi/model/case_study.hpp>

namespace partnerqi::bench::handwritten {

class writer {
public:
    explicit writer(std::string& out) : out_(out) {}

    void put(std::uint32_t v) { raw(&v, sizeof v); }
    void put(std::int32_t v) { raw(&v, sizeof v); }
    void put(bool v) { out_.push_back(v ? '\1' : '\0'); }
    template <class Tag>
    void put(model::id<Tag> v) {
        put(v.value);
    }
    void put(model::date v) { put(v.days_since_epoch()); }
    void put(const model::date_window& v) {
        put(v.first());
        put(v.last());
    }
    void put(const std::string& v) {
        put(static_cast<std::uint32_t>(v.size()));
        raw(v.data(), v.size());
    }
    template <class E, std::enable_if_t<std::is_enum_v<E>, int> = 0>
    void put(E v) {
        out_.push_back(static_cast<char>(v));
    }
    template <class T>
    void put(const std::optional<T>& v) {
        put(v.has_value());
        if (v) put(*v);
    }
    template <class T>
    void put(const std::vector<T>& v) {
        put(static_cast<std::uint32_t>(v.size()));
        for (const T& item : v)
            put(item);
    }
    template <class R, class = std::enable_if_t<model::is_record_v<R>>>
    void put(const R& record) {
        std::apply([this](const auto&... f) { (put(f), ...); }, model::tie_fields(record));
    }

private:
    void raw(const void* p, std::size_t n) { out_.append(static_cast<const char*>(p), n); }
    std::string& out_;
};

class reader {
public:
    reader(const char* data, std::size_t size) : p_(data), end_(data + size) {}

    void get(std::uint32_t& v) { raw(&v, sizeof v); }
    void get(std::int32_t& v) { raw(&v, sizeof v); }
    void get(bool& v) { v = byte() != 0; }
    template <class Tag>
    void get(model::id<Tag>& v) {
        get(v.value);
    }
    void get(model::date& v) {
        std::int32_t days = 0;
        get(days);
        v = model::date::from_days(days);
    }
    void get(model::date_window& v) {
        model::date first, last;
        get(first);
        get(last);
        v = model::date_window(first, last);
    }
    void get(std::string& v) {
        std::uint32_t n = 0;
        get(n);
        need(n);
        v.assign(p_, n);
        p_ += n;
    }
    template <class E, std::enable_if_t<std::is_enum_v<E>, int> = 0>
    void get(E& v) {
        v = static_cast<E>(byte());
    }
    template <class T>
    void get(std::optional<T>& v) {
        if (byte() == 0) {
            v.reset();
            return;
        }
        T value{};
        get(value);
        v = std::move(value);
    }
    template <class T>
    void get(std::vector<T>& v) {
        std::uint32_t n = 0;
        get(n);
        need(n);  // every element takes at least one byte: a cheap bound on hostile counts
        v.clear();
        v.resize(n);
        for (T& item : v)
            get(item);
    }
    template <class R, class = std::enable_if_t<model::is_record_v<R>>>
    void get(R& record) {
        std::apply([this](auto&... f) { (get(f), ...); }, model::tie_fields(record));
    }

    [[nodiscard]] bool done() const noexcept { return p_ == end_; }

private:
    void need(std::size_t n) const {
        if (static_cast<std::size_t>(end_ - p_) < n)
            throw std::runtime_error("handwritten: truncated");
    }
    unsigned char byte() {
        need(1);
        return static_cast<unsigned char>(*p_++);
    }
    void raw(void* p, std::size_t n) {
        need(n);
        std::memcpy(p, p_, n);
        p_ += n;
    }
    const char* p_;
    const char* end_;
};

/// Appends every record of `d` to `out`.
inline void write(const model::case_study_data& d, std::string& out) {
    writer w(out);
    w.put(d.title);
    w.put(d.description);
    w.put(d.window);
    std::apply([&](const auto&... f) { (w.put(f), ...); }, d.tables);
}

/// Reads back what write() wrote.
inline model::case_study_data read(const std::string& in) {
    model::case_study_data d;
    reader r(in.data(), in.size());
    r.get(d.title);
    r.get(d.description);
    r.get(d.window);
    std::apply([&](auto&... f) { (r.get(f), ...); }, d.tables);
    if (!r.done()) throw std::runtime_error("handwritten: trailing bytes");
    return d;
}

}  // namespace partnerqi::bench::handwritten
