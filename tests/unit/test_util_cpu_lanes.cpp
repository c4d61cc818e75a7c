// The CPU lanes of a lone document (util/cpu_lanes.hpp): the front lane is the CPU the picking
// thread runs on, the side lane every other CPU it may run on; pinning a thread restricts it to
// its lane, and a thread it starts inherits that; with one CPU allowed there are no lanes.
// Each case runs in a thread of its own, so that the test runner's own thread is never pinned.
#include <catch2/catch.hpp>

#include <pthread.h>
#include <sched.h>

#include <optional>
#include <thread>

#include "util/cpu_lanes.hpp"

using namespace bp;

namespace {

cpu_set_t affinity() {
  cpu_set_t set;
  CPU_ZERO(&set);
  REQUIRE(pthread_getaffinity_np(pthread_self(), sizeof set, &set) == 0);
  return set;
}

int allowed_cpus() {
  cpu_set_t set = affinity();
  return CPU_COUNT(&set);
}

}  // namespace

TEST_CASE("lanes: the front CPU alone, the others beside it", "[util][lanes]") {
  if (allowed_cpus() < 2) {
    WARN("skipped: this process may run on one CPU only");
    return;
  }
  std::thread([] {
    const cpu_set_t before = affinity();
    const std::optional<CpuLanes> lanes = CpuLanes::pick();
    REQUIRE(lanes);
    CHECK(CPU_ISSET(lanes->front_cpu(), &before));
    CHECK(lanes->side_cpus() == CPU_COUNT(&before) - 1);

    lanes->pin_front();
    cpu_set_t now = affinity();
    CHECK(CPU_COUNT(&now) == 1);
    CHECK(CPU_ISSET(lanes->front_cpu(), &now));
    // A thread started by a pinned one is in the same lane until it pins itself elsewhere.
    std::thread([&] {
      cpu_set_t inherited = affinity();
      CHECK(CPU_EQUAL(&inherited, &now));
      lanes->pin_side();
      cpu_set_t side = affinity();
      cpu_set_t others = before;  // every CPU the thread could run on, but the front one
      CPU_CLR(lanes->front_cpu(), &others);
      CHECK(CPU_EQUAL(&side, &others));
      CHECK(CPU_COUNT(&side) == lanes->side_cpus());
    }).join();
  }).join();
}

TEST_CASE("lanes: none on one CPU", "[util][lanes]") {
  std::thread([] {
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(sched_getcpu(), &one);
    REQUIRE(pthread_setaffinity_np(pthread_self(), sizeof one, &one) == 0);
    CHECK_FALSE(CpuLanes::pick());
  }).join();
}
