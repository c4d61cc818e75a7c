// A thread that starts on the side lane of a lone document (util/cpu_lanes.hpp) from its first
// instruction. A std::thread inherits its creator's CPU affinity: one started by the department's
// thread (pinned to the front lane) was queued behind that busy thread and ran its first line —
// where it pinned itself to the side lane — 1.5–4 ms later, while the side CPU was idle
// (BUDGETPRESS_TRACE, bench/pdf/README.md "Round 14"). Here the affinity is given to
// pthread_create (pthread_attr_setaffinity_np), so the kernel places the new thread on a side CPU
// at once. Without lanes it is a plain thread.
//
// Only what the helpers need of std::thread: join and detach.
#pragma once

#include <pthread.h>

#include <functional>
#include <optional>

#include "util/cpu_lanes.hpp"

namespace bp {

class LaneThread {
 public:
  LaneThread() = default;
  // Runs `body` on a new thread, on the side lane of `lanes` if given (best effort: when the
  // kernel refuses that affinity the thread starts where a std::thread would and pins itself).
  // Throws std::system_error when no thread can be started.
  LaneThread(std::function<void()> body, const std::optional<CpuLanes>& lanes);
  ~LaneThread();  // std::terminate if still joinable, as std::thread
  LaneThread(LaneThread&& other) noexcept;
  LaneThread& operator=(LaneThread&& other) noexcept;
  LaneThread(const LaneThread&) = delete;
  LaneThread& operator=(const LaneThread&) = delete;

  bool joinable() const { return started_; }
  void join();
  void detach();

 private:
  pthread_t handle_{};
  bool started_ = false;
};

}  // namespace bp
