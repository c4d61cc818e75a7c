#include "util/ordered_worker.hpp"

#include <algorithm>

namespace bp {

OrderedWorker::OrderedWorker(size_t max_queued)
    : max_queued_(std::max<size_t>(max_queued, 1)), thread_([this] { loop(); }) {}

OrderedWorker::~OrderedWorker() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  changed_.notify_all();
  thread_.join();  // the loop runs what is queued before it sees stop_
}

void OrderedWorker::post(Job job) {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return queue_.size() < max_queued_; });
  queue_.push_back(std::move(job));
  changed_.notify_all();
}

void OrderedWorker::drain() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return queue_.empty() && !running_job_; });
}

void OrderedWorker::loop() {
  std::unique_lock lock(mutex_);
  for (;;) {
    changed_.wait(lock, [&] { return stop_ || !queue_.empty(); });
    if (queue_.empty()) return;  // stop_, nothing left
    Job job = std::move(queue_.front());
    queue_.pop_front();
    running_job_ = true;
    changed_.notify_all();  // a post() waiting for room
    lock.unlock();
    job();
    job = nullptr;  // what it captured is released off the lock too
    lock.lock();
    running_job_ = false;
    changed_.notify_all();  // drain()
  }
}

}  // namespace bp
