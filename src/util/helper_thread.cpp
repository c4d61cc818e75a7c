#include "util/helper_thread.hpp"
#include "util/trace.hpp"

#include <system_error>
#include <thread>

namespace bp {

HelperThreadCore::HelperThreadCore(bool parallel, MakeTools make_tools,
                                   const std::optional<CpuLanes>& lanes)
    : make_tools_(std::move(make_tools)) {
  if (parallel && std::thread::hardware_concurrency() > 1) {
    try {
      worker_ = LaneThread([this] { loop(); }, lanes);
    } catch (const std::system_error&) {
      // No thread (its stack does not fit under --max-memory, or the system has none left): the
      // caller's thread runs every job when it waits for it, as without `parallel`.
    }
  }
}

void HelperThreadCore::set_tools(MakeTools make_tools) {
  {
    std::lock_guard lock(mutex_);
    make_tools_ = std::move(make_tools);
  }
  changed_.notify_all();
}

HelperThreadCore::~HelperThreadCore() {
  {
    std::lock_guard lock(mutex_);
    parked_ = false;
    park_at_stop_ = false;
  }
  stop();
}

void HelperThreadCore::park(void* mine) {
  wait_all(mine);
  std::lock_guard lock(mutex_);
  parked_ = true;
}

void HelperThreadCore::park_at_stop() {
  std::lock_guard lock(mutex_);
  park_at_stop_ = true;
}

void HelperThreadCore::stop() {
  if (!worker_.joinable()) return;
  {
    std::unique_lock lock(mutex_);
    if (parked_) return;  // every job is done, and no later one runs on the helper (loop)
    if (park_at_stop_) {
      // The helper starts no job from now on (loop); the one it runs must end before the data it
      // writes to goes.
      parked_ = true;
      changed_.wait(lock, [&] { return !helper_busy_; });
      return;
    }
    stop_ = true;
  }
  changed_.notify_all();
  worker_.join();
}

size_t HelperThreadCore::post(Job job) {
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
void HelperThreadCore::run(Entry& e, void* tools, std::unique_lock<std::mutex>& lock) {
  lock.unlock();
  std::exception_ptr error;
  try {
    e.job(tools);
  } catch (...) {
    error = std::current_exception();
  }
  Job().swap(e.job);  // what the job captured is not needed any more
  lock.lock();
  e.error = error;
  e.state = State::kDone;
  changed_.notify_all();
}

void HelperThreadCore::run_here(Entry& e, void* mine, std::unique_lock<std::mutex>& lock,
                                bool caller) {
  e.state = State::kRunning;
  if (caller) ++caller_depth_;
  run(e, mine, lock);
  if (caller) --caller_depth_;
}

void HelperThreadCore::wait(size_t ticket, void* mine) {
  std::unique_lock lock(mutex_);
  Entry& e = jobs_.at(ticket);
  const bool caller = std::this_thread::get_id() != helper_id_;
  if (e.state == State::kPosted) run_here(e, mine, lock, caller);
  // While the helper runs it, the caller takes the next jobs the helper has not started (each is
  // needed later anyway, and taken in posted order, as the helper would) instead of idling: the
  // layout waited here for a table group's shared widths. Only at the caller's outermost wait:
  // a wait inside a job then still only points back to earlier jobs, so no two waits form a
  // cycle.
  while (e.state != State::kDone && caller && caller_depth_ == 0) {
    Entry* next = nullptr;
    for (size_t i = next_; i < jobs_.size() && !next; ++i)
      if (jobs_[i].state == State::kPosted) next = &jobs_[i];
    if (!next) break;
    run_here(*next, mine, lock, caller);
  }
  if (e.state != State::kDone) {
    const trace::Span span("wait(helper)");
    changed_.wait(lock, [&] { return e.state == State::kDone; });
  }
  if (e.error) std::rethrow_exception(e.error);
}

void HelperThreadCore::wait_all(void* mine) {
  std::unique_lock lock(mutex_);
  // Runs what the helper has not started (in posted order, as the helper would), then waits for
  // the helper's last job: never idle while a job is left.
  // Counted as the caller's like wait()'s, so a wait inside one of these jobs only blocks.
  const bool caller = std::this_thread::get_id() != helper_id_;
  for (size_t i = 0; i < jobs_.size(); ++i)
    if (jobs_[i].state == State::kPosted) run_here(jobs_[i], mine, lock, caller);
  const trace::Span span("wait(helper)");
  changed_.wait(lock, [&] {
    for (const Entry& e : jobs_)
      if (e.state != State::kDone) return false;
    return true;
  });
  for (const Entry& e : jobs_)
    if (e.error) std::rethrow_exception(e.error);
}

void HelperThreadCore::loop() {
  MakeTools make_tools;
  {
    std::unique_lock lock(mutex_);
    helper_id_ = std::this_thread::get_id();
    changed_.wait(lock, [&] { return stop_ || make_tools_; });
    if (!make_tools_) return;  // stopped before it was given a factory
    make_tools.swap(make_tools_);
  }
  std::shared_ptr<void> tools;  // the helper's own, reused by all its jobs; freed on the helper
  try {
    const trace::Span span("helper.tools");
    tools = make_tools();
  } catch (...) {
    // No memory or resources for them: the caller's thread runs every job when it waits for it.
  }
  if (!tools) return;
  std::unique_lock lock(mutex_);
  for (;;) {
    changed_.wait(lock, [&] { return stop_ || (!parked_ && next_ < jobs_.size()); });
    if (stop_) break;
    Entry& e = jobs_[next_++];
    if (e.state != State::kPosted) continue;  // the caller runs or ran it itself
    e.state = State::kRunning;
    helper_busy_ = true;
    {
      const trace::Span span("helper.job");  // any job, named or not (its own spans inside)
      run(e, tools.get(), lock);
    }
    helper_busy_ = false;
    changed_.notify_all();  // stop() may wait for it to park the helper
  }
  lock.unlock();
  tools.reset();  // before stop() returns: the tools may hold what the caller gives back next
}

}  // namespace bp
