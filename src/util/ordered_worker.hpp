// One background thread that runs posted jobs one at a time, in the order they were posted. The
// batch hands it each department's last step — its files made durable, renamed into OUT/<year>,
// that directory synced, the journal line — so that the worker that rendered the department goes
// on to the next one instead of waiting for the disk (fsync) in between (app/batch.cpp, "Publishing
// in the background"). Jobs must not throw: each one handles its own errors (an exception that
// escapes a job ends the process, as from any thread).
//
// At most `max_queued` jobs wait: post() blocks while the queue is full, so a slow disk slows the
// workers down instead of letting finished departments pile up.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace bp {

class OrderedWorker {
 public:
  using Job = std::function<void()>;
  explicit OrderedWorker(size_t max_queued);
  // Runs every job posted before (drain), then ends the thread.
  ~OrderedWorker();
  OrderedWorker(const OrderedWorker&) = delete;
  OrderedWorker& operator=(const OrderedWorker&) = delete;

  void post(Job job);
  // Returns once every job posted so far has run.
  void drain();

 private:
  void loop();

  const size_t max_queued_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Job> queue_;
  bool running_job_ = false;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace bp
