// Issue 20K's memos of table planning: cells of one class share their fits (FitClasses), and a
// table's measuring measures each prepared text once (table_plan.cpp's MeasureMemo). A hit must
// return exactly what the miss computed: the same column widths bit for bit, the same lines.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <random>

#include "../support/doc_rows.hpp"
#include "../tools/engine_support.hpp"
#include "layout/fit_classes.hpp"
#include "layout/table_grid.hpp"
#include "layout/table_plan.hpp"
#include "text/prepared_cache.hpp"

using namespace bp;
using namespace bp::layout;

namespace {

uint64_t bits(double x) {
  uint64_t b;
  std::memcpy(&b, &x, sizeof b);
  return b;
}

// A cost that depends on the class's "text" (its hard lines) and the width only.
CellFit class_cost(const CellExtent& e, double width) {
  const double lines = estimated_lines(e, width);
  return {lines + 0.1 * std::floor(width) / 100.0,
          lines > 1 && std::fmod(width, 7.0) < 1 ? 2.0 : 0};
}

}  // namespace

TEST_CASE("FitClasses: a hit returns the class's value at exactly that width", "[layout][20K]") {
  FitClasses classes({0, 1, 0, 2, -1, 1, 0});
  int calls = 0;
  auto make = [&](double v) {
    return [&calls, v] {
      ++calls;
      return CellFit{v, v / 2};
    };
  };
  CHECK(classes.get(0, 10.0, make(1.5)).lines == 1.5);
  CHECK(calls == 1);
  // Cell 2 is of cell 0's class: the stored value, not make()'s.
  CHECK(classes.get(2, 10.0, make(99)).lines == 1.5);
  CHECK(calls == 1);
  // One ulp wider is another width.
  CHECK(classes.get(6, std::nextafter(10.0, 20.0), make(2.5)).lines == 2.5);
  CHECK(calls == 2);
  // Another class at the same width is another entry.
  CHECK(classes.get(1, 10.0, make(3.5)).penalty == 1.75);
  CHECK(calls == 3);
  // A class of one (3) and no class (-1) are never memoised.
  CHECK(classes.get(3, 10.0, make(4)).lines == 4);
  CHECK(classes.get(3, 10.0, make(5)).lines == 5);
  CHECK(classes.get(4, 10.0, make(6)).lines == 6);
  CHECK(calls == 6);
  CHECK(classes.hits() == 1);
  // Many widths (the table grows and keeps what it stored).
  for (int i = 0; i < 5000; ++i) classes.get(0, 20.0 + i * 0.125, make(i));
  for (int i = 0; i < 5000; ++i) CHECK(classes.get(2, 20.0 + i * 0.125, make(-1)).lines == i);
  CHECK(classes.hits() == 5001);
}

TEST_CASE("FitClasses: column widths with shared fits equal those without", "[layout][20K]") {
  std::mt19937 rng(20);
  int shared_calls = 0, own_calls = 0;
  for (int table = 0; table < 200; ++table) {
    const int cols = 2 + static_cast<int>(rng() % 6), rows = 3 + static_cast<int>(rng() % 40);
    // A few "texts" (hard lines), drawn again and again: cells of one text are one class.
    std::vector<std::vector<double>> texts;
    for (int k = 0; k < 6; ++k) {
      std::vector<double> lines;
      for (int l = 0, n = 1 + static_cast<int>(rng() % 2); l < n; ++l)
        lines.push_back(10 + static_cast<double>(rng() % 300));
      texts.push_back(lines);
    }
    std::vector<CellExtent> extents;
    std::vector<int> ids;
    for (int r = 0; r < rows; ++r)
      for (int c = 0; c < cols; ++c) {
        const int text = static_cast<int>(rng() % texts.size());
        CellExtent e;
        e.col = c;
        e.row = r;
        e.lines = texts[static_cast<size_t>(text)];
        e.pad = 4;
        e.min = 14 + e.pad;
        e.max = *std::max_element(e.lines.begin(), e.lines.end()) + e.pad;
        e.em = 10.5;
        extents.push_back(e);
        // The class of a (text, column): cells of one text in other columns are alike too.
        ids.push_back(text);
      }
    const double total = 60.0 * cols;
    const CellCost own = [&](size_t k, double w) {
      ++own_calls;
      return class_cost(extents[k], w);
    };
    FitClasses classes(ids);
    const CellCost shared = [&](size_t k, double w) {
      return classes.get(k, w, [&] {
        ++shared_calls;
        return class_cost(extents[k], w);
      });
    };
    const auto a = column_widths(cols, {}, extents, total, own);
    const auto b = column_widths(cols, {}, extents, total, shared);
    REQUIRE(a.size() == b.size());
    for (size_t c = 0; c < a.size(); ++c) CHECK(bits(a[c]) == bits(b[c]));
  }
  CHECK(shared_calls < own_calls);
}

namespace {

using test::cell;
using test::row;

// A project table: labels and amounts that recur down its columns (a 绩效目标表's indicators).
doc::Table project_table(int n, int seed) {
  doc::Table t;
  t.id = "p" + std::to_string(seed);
  t.grid = "projects";
  t.head.push_back(row(doc::RowRole::Head, {cell("一级指标"), cell("二级指标"), cell("三级指标"),
                                            cell("指标值"), cell("金额")}));
  const char* first[] = {"产出指标", "效益指标", "满意度指标"};
  const char* second[] = {"数量指标", "质量指标", "时效指标", "成本指标", "社会效益指标"};
  for (int k = 0; k < n; ++k) {
    const int v = (k * 7 + seed) % 5;
    doc::Cell amount = cell(v == 0 ? "0.00" : std::to_string(v * 1000 + 3) + ".50");
    amount.number = doc::Number{v == 0 ? 0 : v * 100000 + 350, 2};
    amount.align = doc::Align::Right;
    t.body.push_back(row(doc::RowRole::Item, {cell(first[k % 3]), cell(second[(k + seed) % 5]),
                                              cell(k % 4 == 0 ? "完成政府购买服务项目的数量和质量"
                                                              : "按时完成年度工作任务"),
                                              cell(v < 2 ? "≥95%" : "100%"), amount}));
  }
  return t;
}

std::vector<std::string> all_lines(const TablePlan& p) {
  std::vector<std::string> out;
  for (const auto* group : {&p.lead, &p.head, &p.body})
    for (const auto& b : *group) {
      std::string s;
      for (const auto& l : b.lines) s += testing::line_text(l) + "|";
      out.push_back(s);
    }
  return out;
}

}  // namespace

TEST_CASE("Table planning: the same plan with the memos hitting (prepared memo) and missing",
          "[layout][20K]") {
  // Without a prepared memo every cell gets its own Units: no MeasureMemo or FitClasses hit.
  testing::Engine plain;
  text::ShapeCache shaper;
  text::Coverage coverage;
  text::PreparedCache memo;
  Context cached(testing::default_theme(), testing::shared_fonts(), shaper, coverage, &memo);

  std::vector<doc::Table> tables;
  for (int s = 0; s < 4; ++s) tables.push_back(project_table(12 + 5 * s, s));
  std::vector<GridMember> members;
  for (const auto& t : tables) members.push_back({&t, nullptr});
  for (double width : {300.0, 420.0, 520.0}) {
    const SharedGrid a = shared_grid(members, plain.ctx, width);
    const SharedGrid b = shared_grid(members, cached, width);
    REQUIRE(a.widths.size() == b.widths.size());
    CHECK(a.compact == b.compact);
    for (size_t c = 0; c < a.widths.size(); ++c) CHECK(bits(a.widths[c]) == bits(b.widths[c]));
    for (const auto& t : tables) {
      for (WidthGoal goal : {WidthGoal::Looks, WidthGoal::Height, WidthGoal::CompactHeight}) {
        const TablePlan p =
            plan_table(t, plain.ctx, width, nullptr, nullptr, Digits::Tabular, goal);
        const TablePlan q = plan_table(t, cached, width, nullptr, nullptr, Digits::Tabular, goal);
        REQUIRE(p.col_x.size() == q.col_x.size());
        for (size_t c = 0; c < p.col_x.size(); ++c) CHECK(bits(p.col_x[c]) == bits(q.col_x[c]));
        CHECK(p.compact == q.compact);
        CHECK(all_lines(p) == all_lines(q));
      }
    }
  }
}

TEST_CASE("Table planning: a cell's place in the coverage report", "[layout][20K]") {
  // where() writes the place into one buffer (issue 20K): the text is as before.
  testing::Engine e;
  doc::Table t;
  t.id = "w-1";
  t.head.push_back(row(doc::RowRole::Head, {cell("名称\U000F0001"), cell("金额")}));
  doc::Cell odd = cell("经费\U000F0002");
  odd.source = "dept.yaml:17:9";
  t.body.push_back(row(doc::RowRole::Item, {cell("甲"), cell("1.00")}));
  t.body.push_back(row(doc::RowRole::Item, {cell("乙"), cell("2.00")}));
  t.body.push_back(row(doc::RowRole::Item, {cell("丙"), odd}));
  plan_table(t, e.ctx, 300, nullptr, nullptr);
  const std::string report = e.coverage.report();
  INFO(report);
  CHECK(report.find("table w-1 head row 1 column 1") != std::string::npos);
  CHECK(report.find("table w-1 row 3 column 2 (dept.yaml:17:9)") != std::string::npos);
}
