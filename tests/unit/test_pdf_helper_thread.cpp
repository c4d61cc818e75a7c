// The PDF writer's second thread (pdf/helper_thread.hpp): every job runs exactly once, on the
// helper or on the thread that waits for it; a job's exception reaches the waiter; without a
// helper the jobs run when waited for. And the writer's output does not depend on it: a document
// of many pages and several object streams, written with and without the helper, tagged and not,
// packed and plain.
#include <catch2/catch.hpp>

#include <atomic>
#include <stdexcept>
#include <vector>

#include "../support/long_table.hpp"
#include "../tools/engine_support.hpp"
#include "layout/document_layout.hpp"
#include "pdf/helper_thread.hpp"
#include "pdf/pdf_writer.hpp"

using namespace bp;

TEST_CASE("helper thread: every job runs once, on either thread", "[pdf][helper]") {
  for (const bool parallel : {false, true}) {
    pdf::HelperThread helper(parallel);
    pdf::Flate mine;
    std::vector<std::atomic<int>> runs(200);
    std::vector<std::string> packed(runs.size());
    for (size_t i = 0; i < runs.size(); ++i)
      helper.post([&, i](pdf::Flate& f) {
        ++runs[i];
        packed[i] = f.compress(std::string(1000 + i, static_cast<char>('a' + i % 26)));
      });
    helper.wait(3, mine);
    CHECK(runs[3] == 1);
    helper.wait_all(mine);
    pdf::Flate check;
    for (size_t i = 0; i < runs.size(); ++i) {
      CHECK(runs[i] == 1);
      CHECK(packed[i] == check.compress(std::string(1000 + i, static_cast<char>('a' + i % 26))));
    }
  }
}

TEST_CASE("helper thread: a job's exception reaches the waiter", "[pdf][helper]") {
  for (const bool parallel : {false, true}) {
    pdf::HelperThread helper(parallel);
    pdf::Flate mine;
    std::atomic<int> ran = 0;
    const size_t bad = helper.post([](pdf::Flate&) { throw std::runtime_error("坏的作业"); });
    helper.post([&](pdf::Flate&) { ++ran; });
    CHECK_THROWS_WITH(helper.wait(bad, mine), "坏的作业");
    CHECK_THROWS_WITH(helper.wait_all(mine), "坏的作业");
    CHECK(ran == 1);
  }
}

TEST_CASE("helper thread: stopped early, the jobs left run on the waiter", "[pdf][helper]") {
  pdf::HelperThread helper(true);
  pdf::Flate mine;
  std::atomic<int> ran = 0;
  for (int i = 0; i < 50; ++i) helper.post([&](pdf::Flate&) { ++ran; });
  helper.stop();
  helper.wait_all(mine);
  CHECK(ran == 50);
  CHECK(!helper.parallel());
}

TEST_CASE("a long document is the same with and without the helper thread", "[pdf][helper]") {
  // 400 table rows: several pages (content streams in runs on both threads) and more than 500
  // structure elements (several object streams compressed on both threads).
  doc::Document d = test::long_table_document(400);
  d.meta.title = "长表";
  d.meta.epoch = 1700000000;
  const auto& theme = testing::default_theme();
  testing::Engine e(theme);
  const layout::DocumentLayout laid_out = layout::layout_document(d, e.ctx);
  REQUIRE(laid_out.pages.size() >= 8);
  for (const bool tagged : {true, false})
    for (const bool object_streams : {true, false}) {
      pdf::WriteOptions o;
      o.tagged = tagged;
      o.object_streams = object_streams;
      o.parallel_fonts = false;
      const std::string serial = pdf::write_pdf(laid_out, d.meta, nullptr, o);
      o.parallel_fonts = true;
      const std::string parallel = pdf::write_pdf(laid_out, d.meta, nullptr, o);
      CHECK(serial == parallel);
      if (tagged && object_streams)  // more than one object stream
        CHECK(serial.find("/Type/ObjStm/N 500") != std::string::npos);
    }
}
