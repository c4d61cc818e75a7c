#include <catch2/catch.hpp>

#include "xlsx/column_widths.hpp"

using namespace bp::xlsx;
namespace doc = bp::doc;

namespace {

doc::Cell text(std::string t, int colspan = 1, doc::Align a = doc::Align::Left) {
  doc::Cell c;
  c.text = std::move(t);
  c.colspan = colspan;
  c.align = a;
  return c;
}
doc::Cell num(int64_t scaled) {
  doc::Cell c;
  c.number = doc::Number{scaled, 2};
  c.text = "ignored";
  c.align = doc::Align::Right;
  return c;
}
doc::Row row(std::vector<doc::Cell> cells) {
  doc::Row r;
  r.cells = std::move(cells);
  return r;
}

}  // namespace

TEST_CASE("a CJK character counts as two units", "[xlsx]") {
  CHECK(char_units(U'A') == 1);
  CHECK(char_units(U'表') == 2);
  CHECK(char_units(U'（') == 2);
  CHECK(char_units(U'“') == 2);
  CHECK(char_units(U'\n') == 0);
  CHECK(text_units("合计") == 4);
  CHECK(text_units("2010301 行政运行") == 16);
  CHECK(text_units("第一行很长很长\nab") == 14);  // widest line
  CHECK(text_units("") == 0);
}

TEST_CASE("numbers are measured as #,##0.00 shows them", "[xlsx]") {
  CHECK(format_number({207536, 2}) == "2,075.36");
  CHECK(format_number({1120350, 2}) == "11,203.50");
  CHECK(format_number({7, 2}) == "0.07");
  CHECK(format_number({-520, 2}) == "-5.20");
  CHECK(format_number({123456789, 0}) == "123,456,789");
  CHECK(format_number({100000000, 2}) == "1,000,000.00");
}

TEST_CASE("a number's width is counted as wide as its shown text", "[xlsx]") {
  // number_units spares building the text; it must agree with it for every length, sign, scale.
  std::vector<int64_t> values = {0, 1, -1, INT64_MIN, INT64_MAX};
  int64_t p = 1;
  for (int e = 0; e <= 18; ++e) {  // p = 10^e; 10^19 does not fit in int64_t
    if (e > 0) p *= 10;
    for (int64_t v : {p - 1, p, p + 1, 7 * p}) {
      values.push_back(v);
      values.push_back(-v);
    }
  }
  for (int64_t v : values)
    for (int dec : {-1, 0, 1, 2, 4, 19}) {
      const doc::Number n{v, dec};
      INFO(v << " with " << dec << " decimals: " << format_number(n));
      CHECK(number_units(n) == text_units(format_number(n)));
    }
}

TEST_CASE("column widths follow the content, CJK doubled, clamped", "[xlsx]") {
  doc::Table t;
  t.column_widths = {1, 1, 1};
  t.head.push_back(row({text("序号"), text("科目名称"), text("一般公共预算财政拨款")}));
  t.body.push_back(row({text("1"), text("行政运行"), num(66103)}));
  t.body.push_back(row({text("2"), text("其他政府办公厅（室）及相关机构事务支出"), num(1120350)}));
  FitLimits lim;
  auto f = fit_columns(t, lim);
  REQUIRE(f.widths.size() == 3);
  CHECK(f.widths[0] == Approx(std::ceil(4 * 1.05) + 2));  // 序号 header (4 units)
  CHECK(f.widths[1] == Approx(40));                       // 42 units of name: clamped …
  CHECK(f.wrap[1]);                                       // … and wrapped
  // The header asks for at most header_cap units (it wraps); the number 11,203.50 asks for 9.
  CHECK(f.widths[2] == Approx(std::ceil(9 * 1.05) + 2));
  CHECK_FALSE(f.wrap[0]);
}

TEST_CASE("a spanning cell widens the columns under it only when they are too narrow", "[xlsx]") {
  doc::Table t;
  t.column_widths = {1, 1};
  t.body.push_back(row({text("这是一段横跨两列的很长的说明文字", 2)}));  // 32 units
  t.body.push_back(row({text("a"), text("b")}));
  FitLimits lim;
  auto f = fit_columns(t, lim);
  CHECK(f.widths[0] == Approx(f.widths[1]));
  CHECK(f.widths[0] + f.widths[1] >= 32);
  t.body.push_back(row({text(std::string(30, 'x')), text(std::string(30, 'y'))}));
  auto g = fit_columns(t, lim);
  CHECK(g.widths[0] == Approx(std::ceil(30 * 1.05) + 2));  // wide enough already: no extra
}

TEST_CASE("the page budget narrows the widest text columns, never numbers", "[xlsx]") {
  doc::Table t;
  t.column_widths = {1, 1, 1, 1};
  t.body.push_back(
      row({text(std::string(38, 'a')), text(std::string(38, 'b')), text("短"), num(123456789)}));
  FitLimits lim;
  lim.page_units = 60;
  auto f = fit_columns(t, lim);
  const double number_width = std::ceil(12 * 1.05) + 2;  // "1,234,567.89"
  CHECK(f.widths[3] == Approx(number_width));
  CHECK(f.widths[2] == Approx(std::ceil(2 * 1.05) + 2));  // narrow column untouched
  CHECK(f.widths[0] == Approx(f.widths[1]));
  CHECK(f.widths[0] + f.widths[1] + f.widths[2] + f.widths[3] <= 60.0 + 1e-9);
  CHECK(f.wrap[0]);
  CHECK(f.wrap[1]);
  CHECK_FALSE(f.wrap[3]);
}

TEST_CASE("stacked tables share the widest need per column", "[xlsx]") {
  doc::Table a, b;
  a.column_widths = {1, 1};
  b.column_widths = {1, 1, 1};
  a.body.push_back(row({text("短"), text(std::string(20, 'x'))}));
  b.body.push_back(row({text(std::string(10, 'y')), text("z"), text("三列")}));
  auto f = fit_columns(std::vector<const doc::Table*>{&a, &b});
  REQUIRE(f.widths.size() == 3);
  CHECK(f.widths[0] == Approx(std::ceil(10 * 1.05) + 2));
  CHECK(f.widths[1] == Approx(std::ceil(20 * 1.05) + 2));
}

TEST_CASE("wrapped line estimate", "[xlsx]") {
  CHECK(wrapped_lines("合计", 10) == 1);
  CHECK(wrapped_lines("", 10) == 1);
  CHECK(wrapped_lines("一二三四五六七八九十", 12) == 2);  // 20 units, 10 usable
  CHECK(wrapped_lines("1.第一\n2.第二\n3.第三", 40) == 3);
}
