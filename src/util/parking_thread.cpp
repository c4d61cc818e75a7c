#include "util/parking_thread.hpp"

#include "util/process_end.hpp"

namespace bp {

ParkingThread::ParkingThread(std::function<void()> work, const std::optional<CpuLanes>& lanes)
    : thread_([work = std::move(work), finished = finished_] {
        work();
        {
          std::lock_guard lock(finished->mutex);
          finished->done = true;
        }
        finished->cv.notify_all();
        // Nothing of the owner's is touched from here on (`finished` is the thread's own
        // reference).
        if constexpr (!kTearDownAtExit) park_forever();
      },
              lanes) {}

ParkingThread::~ParkingThread() {
  if (!thread_.joinable()) return;
  if constexpr (kTearDownAtExit) {
    thread_.join();
  } else {
    std::unique_lock lock(finished_->mutex);
    finished_->cv.wait(lock, [&] { return finished_->done; });
    lock.unlock();
    thread_.detach();
  }
}

}  // namespace bp
