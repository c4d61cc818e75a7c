#include "util/trace.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace bp::trace {

namespace {

using Clock = std::chrono::steady_clock;

struct Event {
  const char* name;
  int thread;
  long long start, end;
};

// Collects the spans of the whole process and writes them at its end (static destruction).
class Recorder {
 public:
  Recorder() {
    if (const char* f = std::getenv("BUDGETPRESS_TRACE"); f && *f) file_ = f;
  }
  ~Recorder() {
    if (file_.empty()) return;
    std::lock_guard lk(mu_);
    if (FILE* out = std::fopen(file_.c_str(), "w")) {
      // The origin on the wall clock too: a bench's own clock around the process then tells the
      // time before the origin (exec, the dynamic loader) and after the last span (the exit).
      std::fprintf(out, "# origin_unix_us\t%lld\n", origin_unix_us_);
      std::fprintf(out, "# thread\tspan\tstart_us\tend_us\n");
      for (const Event& e : events_)
        std::fprintf(out, "%d\t%s\t%lld\t%lld\n", e.thread, e.name, e.start, e.end);
      std::fclose(out);
    }
  }
  bool on() const { return !file_.empty(); }
  long long since_origin(Clock::time_point t) const {
    return std::chrono::duration_cast<std::chrono::microseconds>(t - origin_).count();
  }
  void add(const char* name, long long start, long long end) {
    std::lock_guard lk(mu_);
    // Threads numbered in order of their first finished span (0 is usually the main thread's).
    auto [it, fresh] = threads_.try_emplace(std::this_thread::get_id(), int(threads_.size()));
    events_.push_back({name, it->second, start, end});
  }

 private:
  const Clock::time_point origin_ = Clock::now();
  const long long origin_unix_us_ = std::chrono::duration_cast<std::chrono::microseconds>(
                                        std::chrono::system_clock::now().time_since_epoch())
                                        .count();
  std::string file_;
  std::mutex mu_;
  std::map<std::thread::id, int> threads_;
  std::vector<Event> events_;
};

Recorder& recorder() {
  static Recorder r;
  return r;
}

// The origin as early as the process's static initialisation, not at the first span.
[[maybe_unused]] const bool kStarted = (recorder(), true);

}  // namespace

bool enabled() {
  static const bool on = recorder().on();
  return on;
}

long long Span::now_us() {
  return recorder().since_origin(Clock::now());
}

void Span::record(const char* name, long long start, long long end) {
  recorder().add(name, start, end);
}

}  // namespace bp::trace
