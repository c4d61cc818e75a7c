// util/helper_thread.hpp: while the helper runs the job the caller waits for, the caller runs the
// next jobs the helper has not started (instead of idling), but never inside a job it runs itself
// (its waits there only block, so that waits cannot form a cycle).
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>

#include "util/helper_thread.hpp"

using namespace bp;
using namespace std::chrono_literals;

namespace {
struct Tools {
  std::thread::id owner = std::this_thread::get_id();
};
HelperThread<Tools>::MakeTools make_tools() {
  return [] { return std::make_shared<Tools>(); };
}
// Waits (at most `limit`) until `flag` is set; true if it was.
bool await(const std::atomic<bool>& flag, std::chrono::milliseconds limit) {
  const auto end = std::chrono::steady_clock::now() + limit;
  while (!flag && std::chrono::steady_clock::now() < end) std::this_thread::sleep_for(1ms);
  return flag;
}
}  // namespace

TEST_CASE("helper thread: the caller runs the next jobs while it waits", "[util][helper]") {
  if (std::thread::hardware_concurrency() < 2) return;  // no helper without a second core
  HelperThread<Tools> helper(true, make_tools());
  REQUIRE(helper.parallel());
  Tools mine;
  std::atomic<bool> a_started{false}, b_done{false};
  std::thread::id b_ran_on;
  bool a_saw_b = false;
  // A runs on the helper and ends only when B has run (or after 5 s): B must be run by the caller
  // while it waits for A, else the caller would idle for those 5 s and B would run after A.
  const size_t a = helper.post([&](Tools&) {
    a_started = true;
    a_saw_b = await(b_done, 5000ms);
  });
  REQUIRE(await(a_started, 5000ms));
  helper.post([&](Tools& t) {
    b_ran_on = t.owner;
    b_done = true;
  });
  const auto t0 = std::chrono::steady_clock::now();
  helper.wait(a, mine);
  CHECK(a_saw_b);
  CHECK(b_ran_on == std::this_thread::get_id());  // with the caller's tools, on its thread
  CHECK(std::chrono::steady_clock::now() - t0 < 4000ms);
  helper.wait_all(mine);
}

TEST_CASE("helper thread: a wait inside a job the caller runs only blocks", "[util][helper]") {
  if (std::thread::hardware_concurrency() < 2) return;
  HelperThread<Tools> helper(true, make_tools());
  REQUIRE(helper.parallel());
  Tools mine;
  std::atomic<bool> a_started{false}, release_a{false}, in_b{false}, c_nested{false};
  std::atomic<int> c_runs{0};
  const size_t a = helper.post([&](Tools&) {
    a_started = true;
    await(release_a, 5000ms);
  });
  REQUIRE(await(a_started, 5000ms));
  // B, run by the caller while it waits for A, itself waits for A: that wait must not take C (C
  // would then run nested inside B); it blocks until A ends.
  const auto caller = std::this_thread::get_id();
  const size_t b = helper.post([&](Tools& t) {
    in_b = true;
    release_a = true;
    helper.wait(a, t);
    in_b = false;
  });
  helper.post([&](Tools&) {
    ++c_runs;
    if (in_b && std::this_thread::get_id() == caller) c_nested = true;
  });
  helper.wait(b, mine);
  helper.wait_all(mine);
  CHECK(c_runs == 1);
  CHECK_FALSE(c_nested);
}

TEST_CASE("helper thread: parked, it runs no more jobs and stop() does not end it",
          "[util][helper]") {
  if (std::thread::hardware_concurrency() < 2) return;
  Tools mine;
  std::atomic<int> on_helper{0}, on_caller{0};
  {
    HelperThread<Tools> helper(true, make_tools());
    REQUIRE(helper.parallel());
    for (int i = 0; i < 20; ++i)
      helper.post([&](Tools& t) { ++(t.owner == mine.owner ? on_caller : on_helper); });
    helper.park(mine);  // waits for all 20 first
    CHECK(on_helper + on_caller == 20);
    helper.stop();  // what the writer's guards call: returns at once, the thread stays
    CHECK(helper.parallel());
    const int before = on_helper;
    const size_t late =
        helper.post([&](Tools& t) { ++(t.owner == mine.owner ? on_caller : on_helper); });
    std::this_thread::sleep_for(20ms);
    helper.wait(late, mine);  // not taken by the parked helper: run here
    CHECK(on_helper == before);
    CHECK(on_helper + on_caller == 21);
  }  // the destructor ends and joins the parked thread (a hang here would fail the test run)
  CHECK(on_helper + on_caller == 21);
}

TEST_CASE("helper thread: park_at_stop, stop() lets the running job end and keeps the thread",
          "[util][helper]") {
  if (std::thread::hardware_concurrency() < 2) return;
  Tools mine;
  std::atomic<bool> running{false}, release{false};
  std::atomic<int> on_helper{0}, on_caller{0};
  bool first_done = false;
  {
    HelperThread<Tools> helper(true, make_tools());
    REQUIRE(helper.parallel());
    helper.park_at_stop();
    // The first job holds the helper until released; the second is queued behind it.
    helper.post([&](Tools&) {
      running = true;
      while (!release) std::this_thread::sleep_for(1ms);
      std::this_thread::sleep_for(20ms);  // still running when stop() is called
      first_done = true;
    });
    const size_t second =
        helper.post([&](Tools& t) { ++(t.owner == mine.owner ? on_caller : on_helper); });
    REQUIRE(await(running, 5000ms));
    release = true;
    helper.stop();  // waits for the running job only: what it writes to may go after this
    CHECK(first_done);
    CHECK(helper.parallel());  // the thread stays (parked), not joined
    std::this_thread::sleep_for(20ms);
    CHECK(on_helper + on_caller == 0);  // the parked helper started no other job
    helper.wait(second, mine);          // left to the caller, as after stop()
    CHECK(on_caller == 1);
    CHECK(on_helper == 0);
  }  // the destructor ends and joins the parked thread (a hang here would fail the test run)
}
