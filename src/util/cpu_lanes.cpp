#include "util/cpu_lanes.hpp"

#include <pthread.h>

namespace bp {

namespace {

void pin(const cpu_set_t& set) {
  // Best effort (cpu_lanes.hpp): a refusal leaves the thread where it may run now.
  (void)pthread_setaffinity_np(pthread_self(), sizeof set, &set);
}

}  // namespace

std::optional<CpuLanes> CpuLanes::pick() {
  cpu_set_t allowed;
  CPU_ZERO(&allowed);
  if (pthread_getaffinity_np(pthread_self(), sizeof allowed, &allowed) != 0) return std::nullopt;
  const int front = sched_getcpu();
  if (front < 0 || front >= CPU_SETSIZE || !CPU_ISSET(front, &allowed)) return std::nullopt;
  cpu_set_t side = allowed;
  CPU_CLR(front, &side);
  if (CPU_COUNT(&side) == 0) return std::nullopt;
  return CpuLanes(front, side);
}

void CpuLanes::pin_front() const {
  cpu_set_t set;
  CPU_ZERO(&set);
  CPU_SET(front_, &set);
  pin(set);
}

void CpuLanes::pin_side() const {
  pin(side_);
}

}  // namespace bp
