// util/ordered_worker: the batch's publisher thread (app/batch.cpp) — jobs run one at a time in
// the order posted, drain() waits for all of them, the queue is bounded, the destructor runs what
// is still queued.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

#include "util/ordered_worker.hpp"

using bp::OrderedWorker;

TEST_CASE("OrderedWorker runs jobs in the order posted, from several threads one poster each") {
  std::mutex mu;
  std::vector<int> ran;
  {
    OrderedWorker w(2);
    for (int i = 0; i < 200; ++i)
      w.post([&, i] {
        std::lock_guard lk(mu);
        ran.push_back(i);
      });
    w.drain();
    std::lock_guard lk(mu);
    REQUIRE(ran.size() == 200);
    for (int i = 0; i < 200; ++i) REQUIRE(ran[static_cast<size_t>(i)] == i);
  }
}

TEST_CASE("OrderedWorker runs one job at a time, on one thread that is not the poster's") {
  std::atomic<int> running{0}, most{0};
  std::thread::id poster = std::this_thread::get_id(), seen{};
  std::mutex mu;
  OrderedWorker w(3);
  for (int i = 0; i < 50; ++i)
    w.post([&] {
      const int now = ++running;
      int m = most.load();
      while (now > m && !most.compare_exchange_weak(m, now)) {
      }
      {
        std::lock_guard lk(mu);
        seen = std::this_thread::get_id();
      }
      std::this_thread::sleep_for(std::chrono::microseconds(50));
      --running;
    });
  w.drain();
  REQUIRE(most.load() == 1);
  std::lock_guard lk(mu);
  REQUIRE(seen != poster);
}

TEST_CASE("OrderedWorker's post blocks while max_queued jobs wait") {
  std::mutex gate;
  std::unique_lock hold(gate);  // the first job waits here: the queue fills behind it
  std::atomic<int> posted{0}, done{0};
  OrderedWorker w(2);
  std::thread poster([&] {
    for (int i = 0; i < 5; ++i) {
      w.post([&] {
        std::lock_guard lk(gate);
        ++done;
      });
      ++posted;
    }
  });
  // One job running (blocked on the gate) and two queued: the fourth post waits.
  for (int i = 0; i < 400 && posted.load() < 3; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  CHECK(posted.load() == 3);
  CHECK(done.load() == 0);
  hold.unlock();
  poster.join();
  w.drain();
  REQUIRE(done.load() == 5);
}

TEST_CASE("OrderedWorker's destructor runs the jobs still queued") {
  std::atomic<int> done{0};
  {
    OrderedWorker w(4);
    for (int i = 0; i < 4; ++i)
      w.post([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        ++done;
      });
  }
  REQUIRE(done.load() == 4);
}
