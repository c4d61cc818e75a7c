// Tables: span model, column widths, pagination on synthetic tables (header repeated on every page,
// keep-with-next, rows never split, rowspan cells continued with their label, 续表, rules closed).
#include <catch2/catch.hpp>

#include <numeric>
#include <regex>

#include "../support/doc_rows.hpp"
#include "../tools/engine_support.hpp"
#include "layout/document_layout.hpp"
#include "layout/table_grid.hpp"
#include "layout/table_paginate.hpp"

using namespace bp;
using namespace bp::layout;
using Catch::Detail::Approx;

namespace {

using test::cell;
using test::row;

// A table with a two-row header + 栏次 and `n` body rows "行k" / "k.00" (k = 1..n).
doc::Table synthetic(int n, int tall_row = -1, int rowspan_at = -1, int rowspan = 0) {
  doc::Table t;
  t.id = "syn";
  t.title = "测试表";
  t.header_block = doc::HeaderBlock{"901示例局", "预算年度：2023", "单位：万元"};
  t.column_widths = {8, 10, 40, 20, 20};
  t.head.push_back(row(doc::RowRole::Head,
                       {cell("序号", 2), cell("分组", 2), cell("项目", 2), cell("金额", 1, 2)}));
  t.head.push_back(row(doc::RowRole::Head, {cell("上年数"), cell("本年数")}));
  t.head.push_back(
      row(doc::RowRole::ColumnNumbers, {cell("栏次"), cell(""), cell(""), cell("1"), cell("2")}));
  for (int k = 1; k <= n; ++k) {
    doc::Row r = row(k == 1 ? doc::RowRole::Total : doc::RowRole::Item, {cell(std::to_string(k))});
    if (k - 1 == rowspan_at)
      r.cells.push_back(cell("跨页分组", rowspan));
    else if (rowspan_at < 0 || k - 1 < rowspan_at || k - 1 >= rowspan_at + rowspan)
      r.cells.push_back(cell(""));
    std::string label = "行" + std::to_string(k);
    if (k - 1 == tall_row)
      for (int i = 0; i < 300; ++i) label += "很长的说明文字";
    r.cells.push_back(cell(label));
    doc::Cell a = cell(std::to_string(k) + ".00");
    a.number = doc::Number{k * 100, 2};
    a.align = doc::Align::Right;
    r.cells.push_back(a);
    r.cells.push_back(cell(std::to_string(k) + ".50"));
    t.body.push_back(r);
  }
  return t;
}

doc::Paragraph para(std::string s) {
  doc::Paragraph p;
  p.spans.push_back({std::move(s), false});
  return p;
}

DocumentLayout lay(const doc::Document& d) {
  static testing::Engine e;  // fonts and shaping cache shared by the layouts of this file
  auto out = layout_document(d, e.ctx);
  REQUIRE(e.coverage.ok());
  return out;
}

// Labels 行k on a page, as numbers.
std::vector<int> rows_on(const Page& p) {
  std::vector<int> out;
  static const std::regex re("^行(\\d+)");
  for (const auto& it : p.text) {
    std::smatch m;
    std::string s = testing::glyph_text(it.glyphs);
    if (std::regex_search(s, m, re)) out.push_back(std::stoi(m[1]));
  }
  return out;
}

bool has(const Page& p, const std::string& s) {
  for (const auto& it : p.text)
    if (testing::glyph_text(it.glyphs) == s) return true;
  return false;
}

}  // namespace

TEST_CASE("HTML span model: cells skip slots covered from above", "[layout][table]") {
  std::vector<doc::Row> rows{row(doc::RowRole::Head, {cell("A", 2), cell("B", 1, 2)}),
                             row(doc::RowRole::Head, {cell("C"), cell("D")})};
  Grid g = build_grid(rows, 3, "t");
  REQUIRE(g.cells.size() == 4);
  CHECK(g.cells[2].row == 1);
  CHECK(g.cells[2].col == 1);  // C goes right of A's rowspan
  CHECK(g.cells[3].col == 2);
  CHECK(build_grid(rows, 0, "t").cols == 3);
  // A short row gets blank cells in its free slots (the grid stays ruled).
  std::vector<doc::Row> short_rows{row(doc::RowRole::Plain, {cell("1")})};
  Grid s = build_grid(short_rows, 3, "t");
  REQUIRE(s.cells.size() == 3);
  CHECK(s.cells[2].col == 2);
  CHECK(s.cells[2].cell->text.empty());
  std::vector<doc::Row> bad{row(doc::RowRole::Plain, {cell("1"), cell("2"), cell("3"), cell("4")})};
  CHECK_THROWS_AS(build_grid(bad, 3, "table x"), LayoutError);
}

TEST_CASE("column widths: relative widths scaled, minimums kept, wrapping relieved",
          "[layout][table]") {
  auto w = column_widths(3, {1, 2, 1}, {}, 400);
  CHECK(w[0] == Approx(100));
  CHECK(w[1] == Approx(200));
  CHECK(std::accumulate(w.begin(), w.end(), 0.0) == Approx(400));
  // A number column whose unbreakable content needs 120 pt gets it, from the others.
  auto w2 = column_widths(3, {1, 2, 1}, {{0, 1, 120, 120}}, 400);
  CHECK(w2[0] >= 120 - 1e-6);
  CHECK(std::accumulate(w2.begin(), w2.end(), 0.0) == Approx(400));
  // Column 1 would wrap (needs 260) while column 2 has spare width (needs 20 of 100).
  auto w3 = column_widths(3, {1, 2, 1}, {{1, 1, 20, 260}, {2, 1, 10, 20}, {0, 1, 10, 50}}, 400);
  CHECK(w3[1] > 200);
  CHECK(w3[2] >= 20);
  CHECK(std::accumulate(w3.begin(), w3.end(), 0.0) == Approx(400));
  // Content widths: everything fits → max-content plus shares in proportion to it (issue 15: an
  // empty column keeps its minimum instead of an equal share).
  auto w4 = column_widths(2, {}, {{0, 1, 10, 100}, {1, 1, 10, 50}}, 250);
  CHECK(w4[0] == Approx(100 + 100 * 2 / 3.0));
  CHECK(w4[1] == Approx(50 + 100 / 3.0));
  auto w5 = column_widths(3, {}, {{0, 1, 10, 100}, {1, 1, 8, 8}, {2, 1, 10, 100}}, 300);
  CHECK(w5[1] == Approx(8 * 300 / 208.0));
}

TEST_CASE("paginate_rows: whole rows per page, a too-tall row cut at line boundaries",
          "[layout][table]") {
  auto chunks = paginate_rows({10, 10, 10, 10, 10}, {}, 25, 30);
  REQUIRE(chunks.size() == 2);
  CHECK(chunks[0].pieces.size() == 2);
  CHECK(chunks[1].pieces.size() == 3);
  // Row 1 is 70 pt on 30 pt pages: cut after whole lines (pad 2, pitch 12), each slice with its
  // own padding: 2 + 2·12 + 2 = 28 pt.
  std::vector<RowCut> cuts(3, RowCut{2, 12});
  auto tall = paginate_rows({10, 70, 10}, cuts, 40, 30);
  REQUIRE(tall.size() >= 3);
  CHECK(tall[0].pieces.size() == 2);  // row 0, then row 1 starts here: it fits on no page anyway
  CHECK(tall[0].pieces[1].row == 1);
  CHECK(tall[0].pieces[1].to - tall[0].pieces[1].from == Approx(28));  // 2 + 2 lines + 2
  CHECK(tall[1].pieces[0].row == 1);
  CHECK(tall[1].pieces[0].to - tall[1].pieces[0].from == Approx(28));
  double total = 0;
  int slices = 0;
  for (const auto& c : tall)
    for (const auto& p : c.pieces)
      if (p.row == 1) {
        total += p.to - p.from;
        ++slices;
      }
  CHECK(total == Approx(70 + 2 * 2 * (slices - 1)));  // each cut adds a bottom and a top padding
  // A row that fits on a page is never cut: it moves to the next page. Nor does a too-tall row
  // start on a page where fewer than two of its lines fit.
  auto late = paginate_rows({10, 70, 10}, cuts, 30, 30);
  CHECK(late[0].pieces.size() == 1);
  auto moved = paginate_rows({10, 25, 5}, cuts, 30, 30);
  REQUIRE(moved.size() == 2);
  CHECK(moved[0].pieces.size() == 1);
  CHECK(moved[1].pieces[0].from == 0);
  CHECK(moved[1].pieces[0].to == 25);
}

TEST_CASE("a long table repeats header block, every head row and 栏次 on each page",
          "[layout][table]") {
  doc::Document d;
  d.blocks.push_back(synthetic(120));
  auto out = lay(d);
  REQUIRE(out.pages.size() >= 3);
  std::vector<int> seen;
  for (size_t i = 0; i < out.pages.size(); ++i) {
    const Page& p = out.pages[i];
    INFO("page " << i);
    for (const char* h : {"序号", "分组", "项目", "金额", "上年数", "本年数", "栏次", "901示例局",
                          "预算年度：2023", "单位：万元"})
      CHECK(has(p, h));
    CHECK(has(p, "续表") == (i > 0));
    CHECK(has(p, "测试表") == (i == 0));  // the title is never repeated
    auto r = rows_on(p);
    CHECK_FALSE(r.empty());
    seen.insert(seen.end(), r.begin(), r.end());
    // The grid is closed: the frame's four sides are drawn at the frame width on every page.
    int frame = 0;
    for (const auto& rule : p.rules)
      frame += rule.width == testing::default_theme().table.frame ? 1 : 0;
    CHECK(frame == 4);
  }
  // Every row exactly once, in order: rows never split or duplicated.
  std::vector<int> want(120);
  std::iota(want.begin(), want.end(), 1);
  CHECK(seen == want);
}

TEST_CASE("keep-with-next: a header never ends a page without body rows", "[layout][table]") {
  // Fill the first page until only the title, header and about one row would still fit.
  for (int fill = 30; fill <= 36; ++fill) {
    doc::Document d;
    for (int i = 0; i < fill; ++i)
      d.blocks.push_back(para("填充段落第" + std::to_string(i) + "行。"));
    d.blocks.push_back(synthetic(40));
    auto out = lay(d);
    for (size_t i = 0; i < out.pages.size(); ++i) {
      const Page& p = out.pages[i];
      if (!has(p, "栏次")) continue;
      INFO("fill " << fill << " page " << i);
      CHECK(rows_on(p).size() >= 2);  // theme: min_rows_after_head = 2
    }
  }
}

TEST_CASE("a rowspan cell crossing a page break is continued with its label", "[layout][table]") {
  doc::Document d;
  d.blocks.push_back(synthetic(80, -1, 20, 40));  // rows 21..60 grouped
  auto out = lay(d);
  int pages_with_label = 0;
  for (const Page& p : out.pages) {
    auto r = rows_on(p);
    bool group_rows = std::any_of(r.begin(), r.end(), [](int k) { return k >= 21 && k <= 60; });
    CHECK(has(p, "跨页分组") == group_rows);
    pages_with_label += group_rows ? 1 : 0;
  }
  CHECK(pages_with_label >= 2);
}

TEST_CASE("a row taller than a page is split; other rows never are", "[layout][table]") {
  doc::Document d;
  d.blocks.push_back(synthetic(10, 4));
  auto out = lay(d);
  int pages_with_tall = 0;
  for (const Page& p : out.pages) {
    auto r = rows_on(p);
    for (int k : r)
      if (k != 5) CHECK(std::count(r.begin(), r.end(), k) == 1);
    for (const auto& it : p.text)
      if (testing::glyph_text(it.glyphs).find("很长的说明文字") != std::string::npos) {
        ++pages_with_tall;
        break;
      }
  }
  CHECK(pages_with_tall >= 2);
}

TEST_CASE("landscape and new_page tables get their own pages", "[layout][table]") {
  doc::Document d;
  d.blocks.push_back(para("前文。"));
  doc::Table t = synthetic(5);
  t.landscape = true;
  d.blocks.push_back(t);
  d.blocks.push_back(para("后文。"));
  auto out = lay(d);
  REQUIRE(out.pages.size() == 3);
  CHECK_FALSE(out.pages[0].landscape);
  CHECK(out.pages[1].landscape);
  CHECK(out.pages[1].width > out.pages[1].height);
  CHECK_FALSE(out.pages[2].landscape);
}

TEST_CASE("keep_together moves a table that would break to the next page", "[layout][table]") {
  doc::Document d;
  for (int i = 0; i < 30; ++i) d.blocks.push_back(para("填充段落。"));
  doc::Table t = synthetic(8);
  t.keep_together = true;
  d.blocks.push_back(t);
  auto out = lay(d);
  int pages_with_rows = 0;
  for (const Page& p : out.pages) pages_with_rows += rows_on(p).empty() ? 0 : 1;
  CHECK(pages_with_rows == 1);
}

TEST_CASE("an empty table prints its header and note", "[layout][table]") {
  doc::Document d;
  doc::Table t = synthetic(0);
  t.notes.push_back("注：无政府基金预算财政拨款预算，空表列示。");
  d.blocks.push_back(t);
  auto out = lay(d);
  REQUIRE(out.pages.size() == 1);
  CHECK(has(out.pages[0], "栏次"));
  CHECK(testing::page_text(out.pages[0]).find("空表列示") != std::string::npos);
}

TEST_CASE("header block items never overlap: a long name pushes or wraps the others",
          "[layout][table]") {
  auto x_range = [](const Page& p, const std::string& s) {
    for (const auto& it : p.text)
      if (testing::glyph_text(it.glyphs) == s)
        return std::make_pair(it.x + it.glyphs.front().x, it.y);
    FAIL("item not found: " << s);
    return std::make_pair(0.0, 0.0);
  };
  for (std::string name :
       {"434秦皇岛经济技术开发区管理委员会办公室",
        "434秦皇岛经济技术开发区管理委员会办公室秦皇岛经济技术开发区管理委员会"}) {
    INFO(name);
    doc::Document d;
    doc::Table t = synthetic(3);
    t.header_block->left = name;
    d.blocks.push_back(t);
    auto out = lay(d);
    const Page& p = out.pages[0];
    auto [lx, ly] = x_range(p, name);
    auto [cx, cy] = x_range(p, "预算年度：2023");
    auto [rx, ry] = x_range(p, "单位：万元");
    double left_end = 0;
    for (const auto& it : p.text)
      if (testing::glyph_text(it.glyphs) == name) left_end = it.x + it.glyphs.back().x + 10.5;
    if (cy == ly)
      CHECK(cx >= left_end);  // same line: the centre item moved right of the name
    else
      CHECK(cy > ly);  // or it went to the next line
    CHECK(rx > cx);
    CHECK(ry >= cy);
  }
}

TEST_CASE("a caption before a landscape table goes on the landscape page with it",
          "[layout][table]") {
  doc::Document d;
  d.blocks.push_back(para("前文。"));
  doc::Paragraph caption = para("部门政府采购预算");
  caption.style = doc::ParaStyle::TableTitle;
  d.blocks.push_back(caption);
  doc::Table t = synthetic(3);
  t.title.clear();
  t.landscape = true;
  d.blocks.push_back(t);
  auto out = lay(d);
  REQUIRE(out.pages.size() == 2);
  CHECK(out.pages[1].landscape);
  CHECK(has(out.pages[1], "部门政府采购预算"));
}

TEST_CASE("paginate_rows keep rules: a 类 row never ends a page; a continuation holds 3 rows",
          "[layout][table]") {
  // Rows of 10 pt, 45 pt for the first page: rows 0–3 fit; row 3 is a 类 row (keeps with row 4).
  RowKeeps keeps;
  keeps.with_next = {0, 0, 0, 1, 0, 0};
  auto c = paginate_rows({10, 10, 10, 10, 10, 10}, {}, 45, 100, keeps);
  REQUIRE(c.size() == 2);
  CHECK(c[0].pieces.size() == 3);  // row 3 moved on with its first child
  CHECK(c[1].pieces.front().row == 3);
  // Without keeps the last page would hold one row; min_last takes two from the page before.
  RowKeeps three;
  three.min_last = 3;
  three.min_first = 2;
  auto d = paginate_rows({10, 10, 10, 10, 10, 10}, {}, 55, 100, three);
  REQUIRE(d.size() == 2);
  CHECK(d[1].pieces.size() == 3);
  CHECK(d[0].pieces.size() == 3);
  // Not when the page before would keep fewer than it must.
  auto e = paginate_rows({10, 10, 10}, {}, 25, 100, three);
  REQUIRE(e.size() == 2);
  CHECK(e[0].pieces.size() == 2);
}

TEST_CASE("column widths move width to the column whose text wraps", "[layout][table]") {
  // Column 0 holds a long text (300 pt unwrapped), column 1 an empty money column (min 40 pt);
  // equal weights would give each 200 pt and wrap column 0 on every row.
  std::vector<CellExtent> e;
  for (int r = 0; r < 5; ++r) {
    CellExtent a{0, 1, 30, 300};
    a.lines = {300};
    a.row = r;
    CellExtent b{1, 1, 40, 40};
    b.lines = {40};
    b.row = r;
    e.push_back(a);
    e.push_back(b);
  }
  auto w = column_widths(2, {1, 1}, e, 400);
  CHECK(w[1] >= 40 - 1e-6);
  CHECK(w[0] >= 300 - 1e-6);  // the long text fits on one line now
  CHECK(estimated_lines(e[0], w[0]) == Approx(1));
  CHECK(std::accumulate(w.begin(), w.end(), 0.0) == Approx(400));
}

TEST_CASE(
    "column widths: a header label's terms are the column's floor; a table too wide for them "
    "falls back to words",
    "[layout][table]") {
  // Column 0: an empty money column whose head is 事业收入 (word minimum 2 em, whole term 4 em);
  // column 1: long names that would take any width. The head's term is kept whole.
  std::vector<CellExtent> e;
  CellExtent head{0, 1, 27, 47};
  head.hard_min = 47;
  head.term_min = 47;
  head.lines = {40};
  head.pad = 7;
  head.row = 0;
  e.push_back(head);
  for (int r = 1; r < 6; ++r) {
    CellExtent name{1, 1, 30, 400};
    name.lines = {393};
    name.pad = 7;
    name.row = r;
    e.push_back(name);
  }
  auto w = column_widths(2, {}, e, 300);
  CHECK(w[0] >= 47 - 1e-6);
  CHECK(std::accumulate(w.begin(), w.end(), 0.0) == Approx(300));
  // A crafted wide table: eight such heads need 376 pt of 300. The floors fall back to the widest
  // words (27 pt: 事业/收入 breaks between its words, never inside one), the widths still fill
  // exactly the measure and no column goes below its word minimum. (plan_table sets such a table
  // at the theme's compact size first; only a table too wide for that comes here.)
  std::vector<CellExtent> wide;
  for (int c = 0; c < 8; ++c) {
    CellExtent h{c, 1, 27, 47};
    h.hard_min = 47;
    h.term_min = 47;
    h.lines = {40};
    h.pad = 7;
    h.row = 0;
    wide.push_back(h);
  }
  const auto needs = column_needs(8, wide);
  CHECK(needs.hard_total() == Approx(376));
  auto ww = column_widths(8, {}, wide, 300);
  CHECK(std::accumulate(ww.begin(), ww.end(), 0.0) == Approx(300));
  for (double x : ww) CHECK(x >= 27 - 1e-6);
}

namespace {
// A portrait table of `cols` columns headed 上级补助收入 (a term without inner terms) over one row
// of amounts: the lines its head labels are set in, and the type size of the first of them.
std::vector<std::string> head_lines(int cols, double& size) {
  doc::Table t;
  t.id = "wide";
  doc::Row head = row(doc::RowRole::Head, {});
  doc::Row body = row(doc::RowRole::Item, {});
  for (int c = 0; c < cols; ++c) {
    head.cells.push_back(cell("上级补助收入"));
    doc::Cell a = cell("1.00");
    a.number = doc::Number{100, 2};
    body.cells.push_back(a);
  }
  t.head.push_back(head);
  t.body.push_back(body);
  doc::Document d;
  d.blocks.push_back(t);
  auto out = lay(d);
  std::vector<std::string> lines;
  size = 0;
  for (const auto& it : out.pages.at(0).text) {
    std::string s = testing::glyph_text(it.glyphs);
    if (it.box < 0 || s.find("1.00") != std::string::npos) continue;  // head cells only
    if (size == 0 && !it.glyphs.empty()) size = it.glyphs.front().size;
    lines.push_back(s);
  }
  return lines;
}
}  // namespace

TEST_CASE("a table too wide for its header terms: compact size first, then breaks between words",
          "[layout][table]") {
  double size = 0;
  // Seven labels need 7 × (6 em + padding) = 489 pt at 五号, more than the 453 pt of a portrait
  // page, and 426 pt at 小五: the table is set compact and every label stays whole.
  auto seven = head_lines(7, size);
  CHECK(size == Approx(9));
  REQUIRE(seven.size() == 7);
  for (const auto& l : seven) CHECK(l == "上级补助收入");
  // Twelve do not fit even at 小五: the labels break, between ICU's words only (上级|补助|收入).
  auto twelve = head_lines(12, size);
  CHECK(size == Approx(9));
  CHECK(twelve.size() > 12);
  const std::vector<std::string> words{"上级", "补助", "收入", "上级补助", "补助收入"};
  for (const auto& l : twelve) CHECK(std::find(words.begin(), words.end(), l) != words.end());
}
