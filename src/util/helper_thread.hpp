// A second thread for one document's work (the layout's tables planned ahead, the PDF writer's
// fonts and streams): jobs posted to it run on the helper in the order posted, and a job the helper
// has not started yet when the caller needs its result runs on the caller's own thread instead
// (wait). So both cores work while there is work, neither waits for a job nobody runs, and with
// `parallel` false (a batch whose other documents keep the cores busy) every job simply runs on the
// caller's thread when waited for. Each job writes only its own result; what it computes must not
// depend on which thread ran it.
//
// A job gets the tools of the thread that runs it (`Tools&`: a compressor, a typesetting context —
// objects that are not thread-safe): the helper makes its own set when it starts (make_tools, on
// the helper), the caller passes its own to wait(). A job may wait() for an earlier job with the
// tools it was given (a table's plan for its group's column widths): waits only ever point back to
// earlier jobs, so the two threads cannot wait for each other.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "util/cpu_lanes.hpp"
#include "util/lane_thread.hpp"

namespace bp {

// The type-free core of HelperThread<Tools> (util/helper_thread.cpp).
class HelperThreadCore {
 public:
  using Job = std::function<void(void* tools)>;
  // Made on the helper when it starts; null or an exception: the helper ends at once, and every
  // job runs on the caller's thread when waited for.
  using MakeTools = std::function<std::shared_ptr<void>()>;

  // `make_tools` empty: the helper starts at once but makes its tools only when set_tools() gives
  // the factory (a thread started before its jobs' inputs exist: a new thread took 1.5–3 ms to run
  // its first line in the traces, bench/pdf/README.md "Round 9, 20G").
  // `lanes`: the helper thread runs on the side lane (a lone document, util/cpu_lanes.hpp), from
  // its first instruction (util/lane_thread.hpp).
  HelperThreadCore(bool parallel, MakeTools make_tools,
                   const std::optional<CpuLanes>& lanes = std::nullopt);
  ~HelperThreadCore();
  HelperThreadCore(const HelperThreadCore&) = delete;
  HelperThreadCore& operator=(const HelperThreadCore&) = delete;

  bool parallel() const { return worker_.joinable(); }
  size_t post(Job job);
  void wait(size_t ticket, void* mine);
  void wait_all(void* mine);
  void stop();
  void park(void* mine);
  void park_at_stop();
  // The factory of a helper started without one; once only.
  void set_tools(MakeTools make_tools);

 private:
  enum class State { kPosted, kRunning, kDone };
  struct Entry {
    Job job;
    State state = State::kPosted;
    std::exception_ptr error;
  };
  void run(Entry& e, void* tools, std::unique_lock<std::mutex>& lock);
  // Runs a posted job on the calling thread (`caller`: not the helper).
  void run_here(Entry& e, void* mine, std::unique_lock<std::mutex>& lock, bool caller);
  void loop();

  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Entry> jobs_;  // stable addresses while jobs are added
  size_t next_ = 0;         // the first job the helper has not looked at
  int caller_depth_ = 0;    // jobs the caller's thread is running (nested in its waits)
  bool stop_ = false;
  bool parked_ = false;   // park(): stop() leaves the helper waiting; the destructor ends it
  bool park_at_stop_ = false;  // park_at_stop(): stop() parks the helper instead of ending it
  bool helper_busy_ = false;   // the helper runs a job (loop)
  MakeTools make_tools_;  // until the helper takes it
  std::thread::id helper_id_;  // set by the helper when it starts (under mutex_)
  LaneThread worker_;
};

template <class Tools>
class HelperThread {
  static HelperThreadCore::MakeTools wrap(std::function<std::shared_ptr<Tools>()> make) {
    return [make = std::move(make)]() -> std::shared_ptr<void> { return make(); };
  }

 public:
  using Job = std::function<void(Tools&)>;
  using MakeTools = std::function<std::shared_ptr<Tools>()>;

  // Starts the helper when `parallel` and the machine has a second core; on the side lane of
  // `lanes` if given.
  HelperThread(bool parallel, MakeTools make_tools,
               const std::optional<CpuLanes>& lanes = std::nullopt)
      : core_(parallel, wrap(std::move(make_tools)), lanes) {}
  // Starts the helper now; it makes its tools when set_tools() gives the factory, and runs no
  // job before (jobs waited for meanwhile run on the caller's thread).
  explicit HelperThread(bool parallel, const std::optional<CpuLanes>& lanes = std::nullopt)
      : core_(parallel, nullptr, lanes) {}
  void set_tools(MakeTools make_tools) { core_.set_tools(wrap(std::move(make_tools))); }

  bool parallel() const { return core_.parallel(); }
  // Queues a job; returns its ticket for wait().
  size_t post(Job job) {
    return core_.post([job = std::move(job)](void* tools) { job(*static_cast<Tools*>(tools)); });
  }
  // Returns when the job is done: runs it here with `mine` if no thread has started it; while the
  // helper runs it, the caller runs the next jobs the helper has not started (at its outermost
  // wait only). Rethrows the job's exception.
  void wait(size_t ticket, Tools& mine) { core_.wait(ticket, &mine); }
  // wait() for every job posted so far, running those not started on this thread.
  void wait_all(Tools& mine) { core_.wait_all(&mine); }
  // Lets the helper finish the job it runs and ends it; jobs it has not started run on the
  // caller's thread if waited for. For leaving early with an exception: a job must not outlive
  // what it writes to (StopGuard).
  void stop() { core_.stop(); }
  // wait_all(), then leaves the helper thread idle for good: stop() (the guards below) returns at
  // once instead of ending it, and jobs posted later run on the caller's thread. For an object
  // handed to leave_to_exit (util/process_end.hpp) with the last document of a process: ending the
  // thread costs ≈ 2 M instructions of the allocator's per-thread teardown (mimalloc abandons the
  // thread's heap), which the caller would wait for in stop(); the process's end takes the thread
  // instead. Destroying the object still ends and joins the thread.
  void park(Tools& mine) { core_.park(&mine); }
  // From now on stop() parks the helper instead of ending it: it lets the helper finish the job it
  // runs, and jobs it has not started are left to the caller's thread (as after stop()), but the
  // thread stays, idle, for the process's end. For a helper whose stop() is called where the
  // owner cannot park() it (the layout's PlanAhead, at the end of a lone department's layout),
  // when the owner then hands it to leave_to_exit. Destroying the object still ends and joins
  // the thread.
  void park_at_stop() { core_.park_at_stop(); }

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
  HelperThreadCore core_;
};

}  // namespace bp
