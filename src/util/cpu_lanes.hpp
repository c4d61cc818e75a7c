// Two lanes of CPUs for the threads of a lone document: the department's own thread (and the
// thread that started it) on one CPU, its helpers (the fonts loaded beside it, the layout's
// tables planned ahead, the PDF writer's second thread) on the others.
//
// Why pin at all: a lone `build` is ≈ 40 ms of work for two cores, and on the virtual machines
// this project is measured on the kernel packs the threads of such a short process onto one vCPU
// (`perf sched timehist`: the worker and the PDF helper taking turns of 4 ms on one CPU for up to
// 20 ms while the other CPU was idle; bench/pdf/README.md "Round 13, CPU lanes"). Pinned, each
// lane keeps its own CPU. A batch is never pinned: its workers keep every core busy, and the
// kernel balances them.
//
// Best effort: a thread that cannot be pinned (a cpuset that changed, a kernel that refuses) runs
// where the kernel puts it, as before.
#pragma once

#include <sched.h>
#include <optional>

namespace bp {

class CpuLanes {
 public:
  // The CPU the calling thread runs on now as the front lane, the other CPUs the process may run
  // on as the side lane; nothing when the process may run on one CPU only or the system does not
  // say where the thread runs.
  static std::optional<CpuLanes> pick();

  // Pins the calling thread to its lane. A thread inherits the pinning of the thread that
  // creates it, so a thread started by a pinned one starts in the same lane.
  void pin_front() const;
  void pin_side() const;

  int front_cpu() const { return front_; }
  // How many CPUs the side lane holds.
  int side_cpus() const { return CPU_COUNT(&side_); }
  // The side lane's CPUs (for a thread created there, util/lane_thread.hpp).
  const cpu_set_t& side_set() const { return side_; }

 private:
  CpuLanes(int front, const cpu_set_t& side) : front_(front), side_(side) {}
  int front_;
  cpu_set_t side_;
};

}  // namespace bp
