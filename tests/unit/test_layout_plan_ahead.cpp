// Tables planned ahead on a second thread (layout/plan_ahead.hpp, util/helper_thread.hpp): the
// pages, the layout JSON, the PDF and the Coverage report of a document are the same whether its
// tables were planned inline or ahead (by a helper started at the layout or before it); errors come
// out the same; and the generic helper runs jobs that wait for earlier jobs, with each thread's own
// tools.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "../support/context.hpp"
#include "../support/example_document.hpp"
#include "../support/fixtures.hpp"
#include "../tools/engine_support.hpp"
#include "app/context.hpp"
#include "app/document_for.hpp"
#include "app/pipeline.hpp"
#include "json/layout_json.hpp"
#include "layout/document_layout.hpp"
#include "layout/table_grid.hpp"
#include "pdf/pdf_writer.hpp"
#include "util/helper_thread.hpp"

using namespace bp;

namespace {

doc::Document doc_of(const std::string& example) {
  return test::example_document(example);
}

// Everything a layout gives its readers: the layout JSON, the PDF (its fonts subset, its structure
// tree), the Coverage report and what stays in the context's Coverage afterwards.
struct Laid {
  std::string json, pdf, missing;
  std::vector<std::string> fallbacks;
  size_t pages = 0;
};

// `early`: the helper started before the layout, without tools (app/outputs.cpp starts it before
// the document tree is built).
Laid lay_out(const doc::Document& d, bool ahead, const layout::Theme& theme, bool early = false) {
  testing::Engine e(theme);
  std::optional<HelperThread<layout::Context>> started;
  if (early) started.emplace(true);
  const layout::DocumentLayout pages = layout::layout_document(
      d, e.ctx, ahead ? &testing::shared_fonts() : nullptr, started ? &*started : nullptr);
  Laid out;
  out.pages = pages.pages.size();
  out.json = layout_to_json(d, pages, {"434", "测试", "department", 2023});
  pdf::WriteOptions o;
  o.parallel_fonts = false;
  if (e.coverage.ok()) out.pdf = pdf::write_pdf(pages, d.meta, nullptr, o);
  out.missing = e.coverage.report();
  out.fallbacks = e.coverage.fallback_report();
  return out;
}

void check_same(const doc::Document& d, const layout::Theme& theme = testing::default_theme()) {
  const Laid inline_ = lay_out(d, false, theme);
  REQUIRE(inline_.pages > 0);
  // Several times: which thread plans which table differs from run to run.
  for (int run = 0; run < 4; ++run) {
    const Laid ahead = lay_out(d, true, theme, run % 2 == 1);
    CHECK(ahead.pages == inline_.pages);
    CHECK(ahead.json == inline_.json);
    CHECK(ahead.pdf == inline_.pdf);
    CHECK(ahead.missing == inline_.missing);
    CHECK(ahead.fallbacks == inline_.fallbacks);
  }
}

doc::Cell cell(std::string text) {
  doc::Cell c;
  c.text = std::move(text);
  return c;
}

// Tables in a grid group (one set of column widths), tables of their own, paragraphs between them.
doc::Table table(const std::string& id, const std::string& grid, const std::string& label) {
  doc::Table t;
  t.id = id;
  t.title = grid.empty() ? "表" + id : "";
  t.grid = grid;
  t.head = {doc::Row{{cell("项目名称"), cell("绩效指标"), cell("金额")}, doc::RowRole::Head, {}}};
  for (int i = 0; i < 12; ++i)
    t.body.push_back(doc::Row{{cell(label + std::to_string(i)), cell("满意度指标不低于百分之九十"),
                               cell(std::to_string(1000 + i) + ".25")},
                              doc::RowRole::Item,
                              {}});
  return t;
}

doc::Paragraph paragraph(const std::string& text) {
  doc::Paragraph p;
  p.style = doc::ParaStyle::Body;
  p.spans.push_back({text});
  return p;
}

}  // namespace

TEST_CASE("examples laid out with tables planned ahead are the same as inline", "[layout][ahead]") {
  for (const char* example : {"2023/434.yaml", "2023/631.yaml", "2024/201.yaml"}) {
    INFO(example);
    check_same(doc_of(example));
  }
}

TEST_CASE("a gongwen-themed example is the same planned ahead", "[layout][ahead]") {
  const layout::Theme gongwen = layout::Theme::load(test::config_dir() / "themes/gongwen.yaml");
  for (const auto& dir : gongwen.font_dirs) testing::shared_fonts().add_dir(dir);
  check_same(doc_of("2023/434.yaml"), gongwen);
}

TEST_CASE("missing characters and fallback faces are reported as inline, in document order",
          "[layout][ahead]") {
  doc::Document d;
  d.meta.title = "覆盖";
  d.meta.epoch = 1700000000;
  d.blocks.push_back(doc::Heading{1, "第一部分", "p1"});
  d.blocks.push_back(paragraph("正文里没有的字\U000F0001在段落中"));
  d.blocks.push_back(table("a", "", "经费\U000F0001项目"));
  d.blocks.push_back(paragraph("两表之间的段落"));
  d.blocks.push_back(table("g1", "projects", "甲项目\U000F0002"));
  d.blocks.push_back(paragraph("组内表格之间\U000F0002的说明"));
  d.blocks.push_back(table("g2", "projects", "乙项目"));
  d.blocks.push_back(table("b", "", "丙\U000F0001"));
  const Laid inline_ = lay_out(d, false, testing::default_theme());
  REQUIRE(!inline_.missing.empty());
  CHECK(inline_.missing.find("table a") != std::string::npos);
  for (int run = 0; run < 5; ++run) {
    const Laid ahead = lay_out(d, true, testing::default_theme());
    CHECK(ahead.missing == inline_.missing);
    CHECK(ahead.fallbacks == inline_.fallbacks);
    CHECK(ahead.json == inline_.json);
  }
}

TEST_CASE("a table that cannot be planned fails the same way ahead", "[layout][ahead]") {
  doc::Document d;
  d.meta.title = "错误";
  d.blocks.push_back(table("ok", "", "项目"));
  doc::Table bad = table("bad", "", "项目");
  bad.column_widths = {1, 1};  // three cells in a row of two columns
  d.blocks.push_back(bad);
  std::vector<std::string> messages;
  for (const bool ahead : {false, true}) {
    testing::Engine e;
    try {
      layout::layout_document(d, e.ctx, ahead ? &testing::shared_fonts() : nullptr);
    } catch (const layout::LayoutError& x) {
      messages.push_back(x.what());
    }
  }
  REQUIRE(messages.size() == 2);
  CHECK(messages[0].find("table bad") != std::string::npos);
  CHECK(messages[1] == messages[0]);
}

TEST_CASE("helper thread: jobs wait for earlier jobs, each with its thread's tools",
          "[util][helper]") {
  struct Tools {
    std::thread::id owner = std::this_thread::get_id();
  };
  for (const bool parallel : {false, true}) {
    HelperThread<Tools> helper(parallel, [] { return std::make_shared<Tools>(); });
    Tools mine;
    std::vector<int> value(100, 0);
    std::atomic<int> wrong_tools = 0;
    std::vector<size_t> tickets(value.size());  // sized first: jobs read it while more are posted
    for (size_t i = 0; i < value.size(); ++i)
      tickets[i] = (helper.post([&, i](Tools& t) {
        if (t.owner != std::this_thread::get_id()) ++wrong_tools;
        // Every fourth job needs the one before it (a table needs its group's grid).
        const int before = i % 4 == 3 ? (helper.wait(tickets.at(i - 1), t), value[i - 1]) : 0;
        value[i] = static_cast<int>(i) + before;
      }));
    for (size_t i = value.size(); i-- > 0;)
      if (i % 7 == 0) helper.wait(tickets[i], mine);  // out of order, as a lookahead asks
    helper.wait_all(mine);
    CHECK(wrong_tools == 0);
    for (size_t i = 0; i < value.size(); ++i)
      CHECK(value[i] == static_cast<int>(i) + (i % 4 == 3 ? static_cast<int>(i) - 1 : 0));
  }
}

TEST_CASE("helper thread: tools that cannot be made leave every job to the caller",
          "[util][helper]") {
  struct Tools {};
  HelperThread<Tools> helper(
      true, []() -> std::shared_ptr<Tools> { throw std::runtime_error("没有资源"); });
  Tools mine;
  std::atomic<int> ran = 0;
  for (int i = 0; i < 20; ++i) helper.post([&](Tools& t) { ran += &t == &mine; });
  helper.wait_all(mine);
  CHECK(ran == 20);
}

TEST_CASE("helper thread: started without tools, it runs no job until given them",
          "[util][helper]") {
  struct Tools {
    std::thread::id owner = std::this_thread::get_id();
  };
  Tools mine;
  {
    // Stopped before any factory: it ends; jobs waited for run on the caller.
    HelperThread<Tools> helper(true);
    std::atomic<int> ran_here = 0;
    helper.post([&](Tools& t) { ran_here += &t == &mine; });
    helper.stop();
    helper.wait_all(mine);
    CHECK(ran_here == 1);
  }
  HelperThread<Tools> helper(true);
  std::atomic<int> done = 0;
  std::atomic<bool> given = false, early = false;
  std::vector<size_t> tickets;
  for (int i = 0; i < 10; ++i)
    tickets.push_back(helper.post([&](Tools& t) {
      if (&t != &mine && !given) early = true;  // the helper ran a job before its tools
      ++done;
    }));
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  CHECK(done == 0);  // nothing ran: no factory yet
  given = true;
  helper.set_tools([] { return std::make_shared<Tools>(); });
  helper.wait_all(mine);
  CHECK(done == 10);
  CHECK(!early);
}
