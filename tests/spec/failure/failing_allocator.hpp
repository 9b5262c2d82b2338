// A test-only replacement of the global operator new that fails one chosen allocation.
#pragma once

#include <cstdint>

namespace partnerqi::test {

/// False when this build cannot replace operator new (under AddressSanitizer or
/// ThreadSanitizer, whose runtimes provide it): the allocation scenarios are skipped then.
[[nodiscard]] bool allocation_failures_injectable() noexcept;

/// While it lives, the `n`-th allocation (counted from 1) that operator new or new[] makes on
/// this thread throws std::bad_alloc; allocations before and after it, and on other threads,
/// succeed.
class failing_allocation {
public:
    explicit failing_allocation(std::uint64_t n) noexcept;
    ~failing_allocation();
    failing_allocation(const failing_allocation&) = delete;
    failing_allocation& operator=(const failing_allocation&) = delete;

    /// True once the chosen allocation was reached (and failed).
    [[nodiscard]] bool reached() const noexcept;
};

}  // namespace partnerqi::test
