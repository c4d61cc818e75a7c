// util/lane_thread.hpp: a thread given the side lane runs there from its first instruction (its
// affinity is set at creation, not by itself), a thread without lanes keeps its creator's
// affinity; util/parking_thread.hpp: the owner's destructor returns only once the work is done.
// The lane cases run in a thread of their own, so that the test runner's thread is never pinned.
#include <catch2/catch.hpp>

#include <pthread.h>
#include <sched.h>

#include <atomic>
#include <chrono>
#include <optional>
#include <thread>

#include "util/cpu_lanes.hpp"
#include "util/lane_thread.hpp"
#include "util/parking_thread.hpp"

using namespace bp;
using namespace std::chrono_literals;

namespace {

cpu_set_t affinity() {
  cpu_set_t set;
  CPU_ZERO(&set);
  REQUIRE(pthread_getaffinity_np(pthread_self(), sizeof set, &set) == 0);
  return set;
}

}  // namespace

TEST_CASE("lane thread: on the side lane from its first instruction", "[util][lanes]") {
  cpu_set_t all = affinity();
  if (CPU_COUNT(&all) < 2) {
    WARN("skipped: this process may run on one CPU only");
    return;
  }
  std::thread([] {
    const std::optional<CpuLanes> lanes = CpuLanes::pick();
    REQUIRE(lanes);
    lanes->pin_front();
    const cpu_set_t front = affinity();
    cpu_set_t first{}, plain{};
    int cpu = -1;
    LaneThread side([&] {
      first = affinity();  // before anything else could have pinned it
      cpu = sched_getcpu();
    },
                    lanes);
    side.join();
    CHECK(CPU_EQUAL(&first, &lanes->side_set()));
    CHECK(CPU_ISSET(cpu, &lanes->side_set()));
    CHECK_FALSE(side.joinable());
    // Without lanes: a plain thread, in its creator's lane.
    LaneThread same([&] { plain = affinity(); }, std::nullopt);
    same.join();
    CHECK(CPU_EQUAL(&plain, &front));
  }).join();
}

TEST_CASE("lane thread: moved, detached", "[util][lanes]") {
  std::atomic<bool> ran{false};
  LaneThread a([&] { ran = true; }, std::nullopt);
  LaneThread b = std::move(a);
  CHECK_FALSE(a.joinable());
  REQUIRE(b.joinable());
  b.join();
  CHECK(ran);
  std::atomic<bool> ran2{false};
  LaneThread c([&] { ran2 = true; }, std::nullopt);
  c.detach();
  CHECK_FALSE(c.joinable());
  for (int i = 0; i < 5000 && !ran2; ++i) std::this_thread::sleep_for(1ms);
  CHECK(ran2);
}

TEST_CASE("parking thread: the destructor waits for the work", "[util][lanes]") {
  std::atomic<int> steps{0};
  {
    ParkingThread t([&] {
      std::this_thread::sleep_for(30ms);
      ++steps;
    });
  }  // returns only when the work is done (the thread is then parked, or joined under ASan)
  CHECK(steps == 1);
}
