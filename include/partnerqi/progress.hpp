/// @file
/// Progress reports and cancellation for long calls: loading and saving case-study files,
/// building the engagement graph, the network measures, the summary and the exports.
///
/// Each such call takes a `const run_control&` as its last argument (default: no reports,
/// never cancelled). The call reports how far it is through `run_control::progress` and checks
/// `run_control::cancel` as it goes; once the flag is raised it stops and throws
/// partnerqi::cancelled, leaving every object it was given as it was and no file half-written
/// (outputs are written atomically, so a cancelled write leaves the previous file in place).
/// The delay between raising the flag and the throw is bounded by one unit of work (one record
/// while loading or saving, one batch of sources in the measures); docs/performance.md says
/// what it measures at 10^5 people.
/// @code
/// partnerqi::cancellation_flag stop;  // raised by another thread, or by a signal handler
/// partnerqi::run_control control;
/// control.cancel = &stop;
/// control.progress = [](const partnerqi::progress_report& r) {
///     std::cerr << r.step << ' ' << r.done << '/' << r.total << '\n';
/// };
/// auto study = partnerqi::io::load("big.pqi", {}, control);
/// @endcode
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string_view>

#include "partnerqi/error.hpp"

namespace partnerqi {

/// A flag that asks running calls to stop. Raising it is safe from any thread and from a
/// signal handler (a lock-free atomic store); it stays raised until reset().
class cancellation_flag {
public:
    /// A flag that is not raised.
    cancellation_flag() noexcept = default;
    /// Not copyable: calls watch one flag, by address.
    cancellation_flag(const cancellation_flag&) = delete;
    /// Not assignable: calls watch one flag, by address.
    cancellation_flag& operator=(const cancellation_flag&) = delete;

    /// Asks every call watching this flag to stop as soon as it can.
    void raise() noexcept { raised_.store(true, std::memory_order_relaxed); }
    /// Lowers the flag, so that later calls run again.
    void reset() noexcept { raised_.store(false, std::memory_order_relaxed); }
    /// True once raise() was called (and reset() not since).
    [[nodiscard]] bool raised() const noexcept { return raised_.load(std::memory_order_relaxed); }

private:
    static_assert(std::atomic<bool>::is_always_lock_free,
                  "raising the flag from a signal handler needs a lock-free atomic");
    std::atomic<bool> raised_{false};
};

/// How far a long call is.
struct progress_report {
    /// The step, in words: "loading", "saving", "building the graph", "betweenness", ...
    std::string_view step;
    std::uint64_t done = 0;   ///< units of the step done so far
    std::uint64_t total = 0;  ///< units in the whole step (bytes, records or people)
};

/// Receives progress reports. Calls for one step come in order of `done`, never concurrently
/// (multi-threaded measures call it from one thread at a time); it may throw to stop the work
/// (the exception passes through, as from partnerqi::cancelled).
using progress_callback = std::function<void(const progress_report&)>;

/// What a long call reports to and listens to. The default reports nothing and is never
/// cancelled. The flag must outlive the call.
struct run_control {
    /// Called a few hundred times per step at most, and once with done == total at its end.
    progress_callback progress;
    /// Raised to stop the call; nullptr: the call cannot be cancelled.
    const cancellation_flag* cancel = nullptr;
};

}  // namespace partnerqi
