// Column widths (issue 15d): the order in which columns get what they wish for. An empty column
// (blank, zero amounts, dashes) gets only its floor — its header label on 2–3 lines, split where
// the term rules allow — before a body text column (科目名称, 项目名称) gets its preferred width,
// and that comes before a header label is kept on one line.
#include <catch2/catch.hpp>

#include <algorithm>
#include <numeric>
#include <random>
#include <set>

#include "../tools/engine_support.hpp"
#include "layout/document_layout.hpp"
#include "layout/table_grid.hpp"

using namespace bp;
using namespace bp::layout;
using Catch::Detail::Approx;

namespace {

using Kind = CellExtent::Kind;

// A 收入总表 in miniature: column 0 holds long names (193 pt unwrapped, 30 pt widest word) under
// 科目名称; columns 1–4 are money columns headed like 财政专户收入 (70 pt on one line, 45 pt split
// at the seam of its terms 财政专户/收入, 20 pt at its widest word). Columns 1–3 are blank in every
// body row, column 4 holds only zero amounts (0.00, 30 pt): all four are empty.
std::vector<CellExtent> income_table(int rows) {
  std::vector<CellExtent> e;
  CellExtent name_head{0, 1, 40, 50};
  name_head.hard_min = name_head.term_min = 50;
  name_head.lines = {43};
  name_head.pad = 7;
  name_head.row = 0;
  name_head.kind = Kind::Head;
  e.push_back(name_head);
  for (int c = 1; c <= 4; ++c) {
    CellExtent label{c, 1, 20, 70};
    label.hard_min = 45;
    label.term_min = 70;
    label.lines = {63};
    label.pad = 7;
    label.row = 0;
    label.kind = Kind::Head;
    e.push_back(label);
  }
  for (int r = 1; r <= rows; ++r) {
    CellExtent name{0, 1, 30, 200};
    name.lines = {193};
    name.pad = 7;
    name.row = r;
    e.push_back(name);
    CellExtent zero{4, 1, 30, 30};
    zero.lines = {23};
    zero.pad = 7;
    zero.row = r;
    zero.kind = Kind::Filler;
    e.push_back(zero);
  }
  return e;
}

}  // namespace

TEST_CASE("column needs: a column of blanks, zeros and dashes is empty; head cells are not body",
          "[layout][table]") {
  const auto e = income_table(5);
  const ColumnNeeds needs = column_needs(5, e);
  CHECK_FALSE(needs.empty[0]);
  for (int c = 1; c <= 4; ++c) {
    CHECK(needs.empty[static_cast<size_t>(c)]);
    CHECK(needs.body[static_cast<size_t>(c)] == 0);
    CHECK(needs.hard[static_cast<size_t>(c)] == Approx(45));
    CHECK(needs.max[static_cast<size_t>(c)] == Approx(70));
  }
  CHECK(needs.body[0] == Approx(200));
  CHECK(needs.max[0] == Approx(200));
}

TEST_CASE(
    "column widths: empty columns take their header minimum before a long-name column "
    "gets its preferred width",
    "[layout][table]") {
  const auto e = income_table(10);
  const CellExtent& name = e[5];
  REQUIRE(name.kind == Kind::Body);
  REQUIRE(name.col == 0);
  auto check = [&](const std::vector<double>& w) {
    CHECK(std::accumulate(w.begin(), w.end(), 0.0) == Approx(400));
    // Every name on one line: 科目名称 has its preferred width …
    CHECK(w[0] >= 200 - 1e-6);
    CHECK(estimated_lines(name, w[0]) == Approx(1));
    // … and no label broke inside its terms to give it: every empty column keeps its floor.
    for (int c = 1; c <= 4; ++c) CHECK(w[static_cast<size_t>(c)] >= 45 - 1e-6);
  };
  // Content widths (no profile weights): the names need 200 of 400 pt, the four labels 4 × 70 pt
  // on one line but 4 × 45 pt on two lines, which leaves the names their 200 pt.
  SECTION("content widths") {
    check(column_widths(5, {}, e, 400));
  }
  // The profile's weights give the name column 3/11 of the width (109 pt) and each money column
  // 2/11 (73 pt, its label on one line). The empty columns give up all above their floor.
  SECTION("profile weights") {
    check(column_widths(5, {3, 2, 2, 2, 2}, e, 400));
  }
  // Too little room for every name on one line: the empty columns stay at their minimum and all
  // the rest goes to the names, with or without weights.
  SECTION("not enough room for the names") {
    for (const auto& w :
         {column_widths(5, {}, e, 360), column_widths(5, {3, 2, 2, 2, 2}, e, 360)}) {
      CHECK(std::accumulate(w.begin(), w.end(), 0.0) == Approx(360));
      for (int c = 1; c <= 4; ++c) CHECK(w[static_cast<size_t>(c)] == Approx(45));
      CHECK(w[0] == Approx(180));
    }
  }
  // With room to spare the labels are set on one line again: emptiness lowers a column's
  // priority, it does not forbid it width.
  SECTION("room for everything") {
    const auto w = column_widths(5, {}, e, 520);
    for (int c = 1; c <= 4; ++c) CHECK(w[static_cast<size_t>(c)] >= 70 - 1e-6);
    CHECK(w[0] >= 200 - 1e-6);
  }
}

TEST_CASE("column widths: a column with one real amount is not empty", "[layout][table]") {
  auto e = income_table(10);
  CellExtent amount{2, 1, 50, 50};
  amount.lines = {43};
  amount.pad = 7;
  amount.row = 3;
  e.push_back(amount);
  const ColumnNeeds needs = column_needs(5, e);
  CHECK_FALSE(needs.empty[2]);
  CHECK(needs.body[2] == Approx(50));
  const auto w = column_widths(5, {3, 2, 2, 2, 2}, e, 400);
  CHECK(w[2] >= 50 - 1e-6);
  CHECK(w[0] >= 200 - 1e-6);
}

namespace {

doc::Cell text_cell(std::string s) {
  doc::Cell c;
  c.text = std::move(s);
  return c;
}

}  // namespace

TEST_CASE(
    "a 收入总表 with empty money columns: the names stay on one line, the labels split "
    "only at the seam of their terms",
    "[layout][table]") {
  // Portrait (453 pt): 科目名称 with names of 17 characters (185 pt with padding), four money
  // columns headed 财政专户收入 that are blank in every row, and 合计 with amounts. The
  // profile-like weights give the names 22/62 of the width (161 pt): before issue 15d the empty
  // columns kept their labels on one line (70 pt each) and every name wrapped.
  const std::string name = "党委办公厅（室）及相关机构事务管理";
  doc::Table t;
  t.id = "income";
  t.title = "收入总表";
  t.column_widths = {22, 8, 8, 8, 8, 8};
  doc::Row head;
  head.role = doc::RowRole::Head;
  head.cells.push_back(text_cell("科目名称"));
  for (int c = 0; c < 4; ++c) head.cells.push_back(text_cell("财政专户收入"));
  head.cells.push_back(text_cell("合计"));
  t.head.push_back(head);
  for (int r = 0; r < 10; ++r) {
    doc::Row row;
    row.role = doc::RowRole::Item;
    row.cells.push_back(text_cell(name));
    for (int c = 0; c < 4; ++c) row.cells.push_back(text_cell(""));
    doc::Cell a = text_cell("834.36");
    a.number = doc::Number{83436, 2};
    a.align = doc::Align::Right;
    row.cells.push_back(a);
    t.body.push_back(row);
  }
  doc::Document d;
  d.blocks.push_back(t);
  testing::Engine engine;
  const DocumentLayout out = layout_document(d, engine.ctx);
  REQUIRE(engine.coverage.ok());
  REQUIRE(out.pages.size() == 1);
  int whole_names = 0;
  std::set<std::string> labels;
  for (const auto& it : out.pages[0].text) {
    const std::string s = testing::glyph_text(it.glyphs);
    if (s == name) ++whole_names;
    if (s.rfind("财政", 0) == 0 || s == "收入") labels.insert(s);
  }
  CHECK(whole_names == 10);  // every name on one line
  // The labels: whole, or split between 财政专户 and 收入 — never inside a term.
  for (const auto& l : labels) CHECK((l == "财政专户收入" || l == "财政专户" || l == "收入"));
  CHECK(labels.count("财政专户") == 1);
}

TEST_CASE(
    "column widths on random tables: the measure filled, floors kept, empty columns capped, "
    "deterministic",
    "[layout][table]") {
  std::mt19937 rng(15);  // fixed seed: the same tables on every run
  auto real = [&](double a, double b) { return std::uniform_real_distribution<double>(a, b)(rng); };
  auto whole = [&](int a, int b) { return std::uniform_int_distribution<int>(a, b)(rng); };
  int capped = 0;
  for (int round = 0; round < 300; ++round) {
    const int cols = whole(2, 9), rows = whole(2, 25);
    std::vector<CellExtent> e;
    for (int r = 0; r < rows; ++r)
      for (int c = 0; c < cols; ++c) {
        const bool head = r == 0;
        if (!head && c % 3 == 2 && round % 2 == 0) continue;  // blank body: an empty column
        const double min = real(10, 40), max = min + (whole(0, 2) ? real(0, 250) : 0);
        CellExtent x{c, 1, min, max};
        x.hard_min = head ? real(min, max) : 0;
        x.term_min = head ? max : 0;
        x.lines = {max - 7};
        x.pad = 7;
        x.row = r;
        x.kind = head ? Kind::Head : (whole(0, 5) == 0 ? Kind::Filler : Kind::Body);
        e.push_back(x);
      }
    std::vector<int> weights;
    if (round % 3 == 0)
      for (int c = 0; c < cols; ++c) weights.push_back(whole(1, 20));
    const double total = real(150, 700);
    const auto w = column_widths(cols, weights, e, total);
    CHECK(column_widths(cols, weights, e, total) == w);
    CHECK(std::accumulate(w.begin(), w.end(), 0.0) == Approx(total));
    const ColumnNeeds needs = column_needs(cols, e);
    if (needs.min_total() >= total) continue;  // below every minimum: proportional, no floors
    const bool hard_fits = needs.hard_total() <= total;
    double wish = 0;  // every body cell unwrapped, every column at its hard minimum at least
    for (size_t c = 0; c < w.size(); ++c) {
      CHECK(w[c] >= (hard_fits ? needs.hard[c] : needs.min[c]) - 1e-6);
      wish += std::max({needs.hard[c], needs.body_term[c], needs.body[c]});
    }
    if (!hard_fits || wish <= total) continue;
    for (size_t c = 0; c < w.size(); ++c)
      if (needs.empty[c]) {
        CHECK(w[c] <= needs.hard[c] + 1e-6);
        ++capped;
      }
  }
  CHECK(capped > 20);  // the cap was exercised
}
