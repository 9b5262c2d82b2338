#include "failing_allocator.hpp"

#include <cstdlib>
#include <new>

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define PARTNERQI_TEST_REPLACES_NEW 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define PARTNERQI_TEST_REPLACES_NEW 0
#endif
#endif
#ifndef PARTNERQI_TEST_REPLACES_NEW
#define PARTNERQI_TEST_REPLACES_NEW 1
#endif

namespace {

// Per thread: how many allocations were made since arming, and which one fails (0: none).
thread_local std::uint64_t made = 0;
thread_local std::uint64_t fail_at = 0;
thread_local bool reached_failure = false;

}  // namespace

namespace partnerqi::test {

bool allocation_failures_injectable() noexcept { return PARTNERQI_TEST_REPLACES_NEW != 0; }

failing_allocation::failing_allocation(std::uint64_t n) noexcept {
    made = 0;
    reached_failure = false;
    fail_at = n;
}

failing_allocation::~failing_allocation() { fail_at = 0; }

bool failing_allocation::reached() const noexcept { return reached_failure; }

}  // namespace partnerqi::test

#if PARTNERQI_TEST_REPLACES_NEW

namespace {

void* allocate(std::size_t size) {
    if (fail_at != 0 && ++made == fail_at) {
        reached_failure = true;
        throw std::bad_alloc();
    }
    void* p = std::malloc(size == 0 ? 1 : size);
    if (p == nullptr) throw std::bad_alloc();
    return p;
}

}  // namespace

void* operator new(std::size_t size) { return allocate(size); }
void* operator new[](std::size_t size) { return allocate(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
    try {
        return allocate(size);
    } catch (const std::bad_alloc&) {
        return nullptr;
    }
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
    try {
        return allocate(size);
    } catch (const std::bad_alloc&) {
        return nullptr;
    }
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }

#endif
