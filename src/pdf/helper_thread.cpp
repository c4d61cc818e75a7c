#include "pdf/helper_thread.hpp"

#include <new>
#include <optional>

namespace bp::pdf {

HelperThread::HelperThread(bool parallel) {
  if (parallel && std::thread::hardware_concurrency() > 1)
    worker_ = std::thread([this] { loop(); });
}

void HelperThread::stop() {
  if (!worker_.joinable()) return;
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  changed_.notify_all();
  worker_.join();
}

size_t HelperThread::post(Job job) {
  size_t ticket = 0;
  {
    std::lock_guard lock(mutex_);
    jobs_.push_back({std::move(job)});
    ticket = jobs_.size() - 1;
  }
  changed_.notify_all();
  return ticket;
}

// Runs `e` (marked running by the caller) with the lock released, then marks it done.
void HelperThread::run(Entry& e, Flate& flate, std::unique_lock<std::mutex>& lock) {
  lock.unlock();
  std::exception_ptr error;
  try {
    e.job(flate);
  } catch (...) {
    error = std::current_exception();
  }
  Job().swap(e.job);  // what the job captured is not needed any more
  lock.lock();
  e.error = error;
  e.state = State::kDone;
  changed_.notify_all();
}

void HelperThread::wait(size_t ticket, Flate& mine) {
  std::unique_lock lock(mutex_);
  Entry& e = jobs_.at(ticket);
  if (e.state == State::kPosted) {
    e.state = State::kRunning;
    run(e, mine, lock);
  }
  changed_.wait(lock, [&] { return e.state == State::kDone; });
  if (e.error) std::rethrow_exception(e.error);
}

void HelperThread::wait_all(Flate& mine) {
  std::unique_lock lock(mutex_);
  // Runs what the helper has not started (in posted order, as the helper would), then waits for
  // the helper's last job: never idle while a job is left.
  for (size_t i = 0; i < jobs_.size(); ++i)
    if (jobs_[i].state == State::kPosted) {
      jobs_[i].state = State::kRunning;
      run(jobs_[i], mine, lock);
    }
  changed_.wait(lock, [&] {
    for (const Entry& e : jobs_)
      if (e.state != State::kDone) return false;
    return true;
  });
  for (const Entry& e : jobs_)
    if (e.error) std::rethrow_exception(e.error);
}

void HelperThread::loop() {
  std::optional<Flate> made;  // the helper's own compressor, reused by all its jobs
  try {
    made.emplace();
  } catch (const std::bad_alloc&) {
    return;  // no memory for it: the writer's thread runs every job when it waits for it
  }
  Flate& flate = *made;
  std::unique_lock lock(mutex_);
  for (;;) {
    changed_.wait(lock, [&] { return stop_ || next_ < jobs_.size(); });
    if (stop_) return;
    Entry& e = jobs_[next_++];
    if (e.state != State::kPosted) continue;  // the writer runs or ran it itself
    e.state = State::kRunning;
    run(e, flate, lock);
  }
}

}  // namespace bp::pdf
