// Reporting progress and honouring cancellation inside a long call (see partnerqi/progress.hpp).
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

#include "partnerqi/progress.hpp"

namespace partnerqi::detail {

/// One step of a long call: checks the cancellation flag at each unit of work and reports to
/// the progress callback at most `reports` times, then once at the end.
class progress_meter {
public:
    /// A step named `step` (static text) of `total` units.
    progress_meter(const run_control& control, std::string_view step, std::uint64_t total,
                   std::uint64_t reports = 256) noexcept
        : control_(control),
          step_(step),
          total_(total),
          stride_(std::max<std::uint64_t>(1, total / std::max<std::uint64_t>(1, reports) + 1)) {}

    /// True when the call is watched at all (a callback or a flag); callers may skip the
    /// bookkeeping otherwise.
    [[nodiscard]] bool active() const noexcept {
        return control_.progress || control_.cancel != nullptr;
    }

    /// Throws partnerqi::cancelled when the flag is raised.
    void check() const {
        if (control_.cancel != nullptr && control_.cancel->raised())
            throw cancelled(std::string(step_) + " was cancelled; nothing was changed or written");
    }

    /// `done` units are done: checks the flag, and reports when `done` passed the next stride.
    void at(std::uint64_t done) {
        check();
        if (control_.progress && done >= next_) {
            control_.progress(progress_report{step_, std::min(done, total_), total_});
            next_ = done + stride_;
        }
    }

    /// The step is complete: reports done == total, then checks the flag a last time (so a
    /// flag raised by any report, the last one too, stops the call).
    void finish() {
        if (control_.progress) control_.progress(progress_report{step_, total_, total_});
        check();
    }

private:
    const run_control& control_;
    std::string_view step_;
    std::uint64_t total_;
    std::uint64_t stride_;
    std::uint64_t next_ = 0;
};

}  // namespace partnerqi::detail
