// A thread for one piece of work whose own end is left to the process's end: when the work is
// done it parks (util/process_end.hpp park_forever) instead of ending, because a thread's end runs
// mimalloc's teardown of its heap (≈ 1.5–2.5 M instructions) on a core the run still needs. The
// owner's destructor waits for the work, never for the thread. With the sanitizers
// (kTearDownAtExit) the thread ends as usual and the destructor joins it.
//
// For a process that exits after its command: a lone department's fonts thread
// (app/fonts_beside.hpp) and the warm-up of ICU's word-break engine (cli/commands.cpp).
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

#include "util/cpu_lanes.hpp"
#include "util/lane_thread.hpp"

namespace bp {

class ParkingThread {
 public:
  // Runs `work` on a new thread, on the side lane of `lanes` if given (from its first instruction,
  // util/lane_thread.hpp). `work` reports its own
  // errors (an exception escaping it ends the process, as from any std::thread). Throws
  // std::system_error when no thread can be started (nothing runs then).
  explicit ParkingThread(std::function<void()> work,
                         const std::optional<CpuLanes>& lanes = std::nullopt);
  // Waits until `work` has returned; the thread is then left parked (or joined, see above).
  ~ParkingThread();
  ParkingThread(const ParkingThread&) = delete;
  ParkingThread& operator=(const ParkingThread&) = delete;

 private:
  // The work done: shared with the thread, which parks holding it (this object may be gone).
  struct Finished {
    std::mutex mutex;
    std::condition_variable cv;
    bool done = false;
  };
  std::shared_ptr<Finished> finished_ = std::make_shared<Finished>();
  LaneThread thread_;
};

}  // namespace bp
