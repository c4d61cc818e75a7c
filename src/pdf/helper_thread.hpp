// A second thread for one document's PDF writing (pdf_writer.cpp, file_writer.cpp): jobs posted
// to it run on the helper in the order posted, and a job the helper has not started yet when the
// writer needs its result runs on the writer's own thread instead (wait). So both cores work while
// there is work, neither waits for a job nobody runs, and with `parallel` false (a batch whose
// other documents keep the cores busy) every job simply runs on the writer's thread when waited
// for. Each job writes only its own result; the bytes do not depend on which thread ran it.
// Every thread has its own Flate compressor (libdeflate compressors are not thread-safe).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

#include "pdf/flate.hpp"

namespace bp::pdf {

class HelperThread {
 public:
  using Job = std::function<void(Flate&)>;

  // Starts the helper when `parallel` and the machine has a second core.
  explicit HelperThread(bool parallel);
  ~HelperThread() { stop(); }
  HelperThread(const HelperThread&) = delete;
  HelperThread& operator=(const HelperThread&) = delete;

  bool parallel() const { return worker_.joinable(); }
  // Queues a job; returns its ticket for wait().
  size_t post(Job job);
  // Returns when the job is done: runs it here with `mine` if no thread has started it. Rethrows
  // the job's exception.
  void wait(size_t ticket, Flate& mine);
  // wait() for every job posted so far, running those not started on this thread.
  void wait_all(Flate& mine);
  // Lets the helper finish the job it runs and ends it; jobs it has not started run on the
  // writer's thread if waited for. For leaving early with an exception: a job must not outlive
  // what it writes to (StopGuard).
  void stop();

  // Stops the helper when it goes out of scope: declared after the data that jobs posted before
  // it write to, so that an exception cannot destroy that data under a running job.
  class StopGuard {
   public:
    explicit StopGuard(HelperThread& h) : h_(h) {}
    ~StopGuard() { h_.stop(); }
    StopGuard(const StopGuard&) = delete;
    StopGuard& operator=(const StopGuard&) = delete;

   private:
    HelperThread& h_;
  };

 private:
  enum class State { kPosted, kRunning, kDone };
  struct Entry {
    Job job;
    State state = State::kPosted;
    std::exception_ptr error;
  };
  void run(Entry& e, Flate& flate, std::unique_lock<std::mutex>& lock);
  void loop();

  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Entry> jobs_;  // stable addresses while jobs are added
  size_t next_ = 0;         // the first job the helper has not looked at
  bool stop_ = false;
  std::thread worker_;
};

}  // namespace bp::pdf
