#include <catch2/catch.hpp>

#include "xlsx/cell_refs.hpp"
#include "xlsx/table_writer.hpp"

using namespace bp::xlsx;
using bp::doc::Number;

TEST_CASE("column letters and A1 references", "[xlsx]") {
  CHECK(column_letters(0) == "A");
  CHECK(column_letters(25) == "Z");
  CHECK(column_letters(26) == "AA");
  CHECK(column_letters(27) == "AB");
  CHECK(column_letters(701) == "ZZ");
  CHECK(column_letters(702) == "AAA");
  CHECK(column_letters(16383) == "XFD");
  CHECK(cell_ref(5, 3) == "D6");
  CHECK(range_ref(5, 3, 8, 3) == "D6:D9");
  CHECK(range_ref(0, 0, 0, 0) == "A1");
}

TEST_CASE("SUM formulas list single rows and turn runs into ranges", "[xlsx]") {
  CHECK(sum_formula(3, {5, 8}) == "=SUM(D6,D9)");
  CHECK(sum_formula(3, {5, 6, 7, 8}) == "=SUM(D6:D9)");
  CHECK(sum_formula(3, {6, 14, 19, 24}) == "=SUM(D7,D15,D20,D25)");
  CHECK(sum_formula(12, {10, 8, 9, 20, 9}) == "=SUM(M9:M11,M21)");  // unsorted, duplicate
  CHECK(sum_formula(0, {0}) == "=SUM(A1)");
  CHECK_FALSE(sum_formula(0, {}).has_value());
  std::vector<int> scattered;
  for (int i = 0; i < 3000; ++i) scattered.push_back(i * 2);
  CHECK_FALSE(sum_formula(0, scattered).has_value());  // longer than Excel's 8192 characters
}

TEST_CASE("internal links quote the sheet name", "[xlsx]") {
  CHECK(internal_link("收支总表") == "internal:'收支总表'!A1");
  CHECK(internal_link("O'Brien", "B7") == "internal:'O''Brien'!B7");
}

TEST_CASE("a formula replaces a total only when the displayed parts add up", "[xlsx]") {
  using Parts = std::vector<std::optional<Number>>;
  CHECK(parts_add_up(Number{207536, 2}, Parts{Number{151416, 2}, Number{56120, 2}}));
  CHECK(parts_add_up(Number{100, 2}, Parts{Number{100, 2}, std::nullopt}));
  CHECK(parts_add_up(std::nullopt, Parts{std::nullopt, std::nullopt}));  // blank total of blanks
  CHECK_FALSE(
      parts_add_up(Number{100, 2}, Parts{Number{33, 2}, Number{33, 2}, Number{33, 2}}));  // 尾差
  CHECK_FALSE(parts_add_up(std::nullopt, Parts{Number{1, 2}}));
  CHECK(parts_add_up(Number{150, 2}, Parts{Number{1, 0}, Number{5, 1}}));  // decimals differ
  CHECK_FALSE(parts_add_up(Number{1, 0}, Parts{Number{101, 2}}));          // would lose digits
}

TEST_CASE("the header block gets the columns its texts need", "[xlsx]") {
  bp::doc::HeaderBlock hb{"434 秦皇岛经济技术开发区管理委员会办公室", "预算年度：2023",
                          "单位：万元"};
  // 13 columns like 收入总表: code and name columns hold the long left text.
  std::vector<double> w = {7, 12, 40, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11};
  auto s = split_header_block(hb, w);
  CHECK(s.left_end == 3);
  CHECK(s.right_begin == 11);  // 单位：万元 (10 units + padding) needs two number columns
  std::vector<double> three = {40, 14, 20};
  auto t = split_header_block(hb, three);
  CHECK(t.left_end == 1);
  CHECK(t.right_begin == 2);
  // Never leaves the center without a column.
  std::vector<double> narrow = {4, 4, 4, 4};
  auto u = split_header_block(hb, narrow);
  CHECK(u.left_end == 2);
  CHECK(u.right_begin == 3);
  // Without a centre part the right part takes the columns it needs next to the left part
  // (固定资产占用情况表: 截止时间：2022-12-31 over 数量 and 价值).
  bp::doc::HeaderBlock asset{"434 秦皇岛经济技术开发区管理委员会办公室", "",
                             "截止时间：2022-12-31"};
  std::vector<double> assets = {32, 7, 11};
  auto a = split_header_block(asset, assets);
  CHECK(a.left_end == 1);
  CHECK(a.right_begin == 1);
}
