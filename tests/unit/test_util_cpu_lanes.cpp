// The CPU lanes of a lone document (util/cpu_lanes.hpp): the front lane is the CPU the picking
// thread runs on, the side lane every other CPU it may run on; pinning a thread restricts it to
// its lane, and a thread it starts inherits that; with one CPU allowed there are no lanes.
// A thread given the side lane runs there from its first instruction (util/lane_thread.hpp: its
// affinity is set at creation, not by itself), one without lanes keeps its creator's; the owner
// of a ParkingThread (util/parking_thread.hpp) returns only once the work is done.
// Each case runs in a thread of its own, so that the test runner's own thread is never pinned.
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
