// import: A1 references of the workbooks we read.
#include <catch2/catch.hpp>

#include "import/a1.hpp"

using namespace bp::import;

TEST_CASE("import: column letters both ways") {
  CHECK(parse_column("A") == 0);
  CHECK(parse_column("Z") == 25);
  CHECK(parse_column("AA") == 26);
  CHECK(parse_column("AZ") == 51);
  CHECK(parse_column("BA") == 52);
  CHECK(parse_column("XFD") == 16383);
  CHECK(parse_column("xfd") == 16383);
  CHECK_FALSE(parse_column("XFE"));  // beyond Excel's 16 384 columns
  CHECK_FALSE(parse_column(""));
  CHECK_FALSE(parse_column("AAAA"));
  CHECK_FALSE(parse_column("A1"));
  for (int c : {0, 1, 25, 26, 27, 701, 702, 16383}) {
    std::string a1 = format_cell_ref({0, c});
    CHECK(parse_column(a1.substr(0, a1.size() - 1)) == c);
  }
}

TEST_CASE("import: cell references") {
  CHECK(parse_cell_ref("A1") == CellRef{0, 0});
  CHECK(parse_cell_ref("D12") == CellRef{11, 3});
  CHECK(parse_cell_ref("$D$12") == CellRef{11, 3});
  CHECK(parse_cell_ref("XFD1048576") == CellRef{1048575, 16383});
  CHECK_FALSE(parse_cell_ref("A0"));
  CHECK_FALSE(parse_cell_ref("A01"));
  CHECK_FALSE(parse_cell_ref("A1048577"));
  CHECK_FALSE(parse_cell_ref("12"));
  CHECK_FALSE(parse_cell_ref("D"));
  CHECK_FALSE(parse_cell_ref("D1x"));
  CHECK_FALSE(parse_cell_ref("D-1"));
  CHECK(format_cell_ref({11, 3}) == "D12");
  CHECK(format_cell_ref({0, 26}) == "AA1");
}

TEST_CASE("import: ranges are put in order") {
  auto r = parse_range_ref("M3:A1");
  REQUIRE(r);
  CHECK(r->first == CellRef{0, 0});
  CHECK(r->last == CellRef{2, 12});
  CHECK(r->contains(1, 5));
  CHECK_FALSE(r->contains(3, 0));
  auto one = parse_range_ref("B2");
  REQUIRE(one);
  CHECK(one->first == one->last);
  CHECK_FALSE(parse_range_ref("A1:"));
  CHECK_FALSE(parse_range_ref("A1:B"));
}

TEST_CASE("import: sheet-qualified references for messages") {
  CHECK(qualified_ref("收入总表", {11, 3}) == "收入总表!D12");
  CHECK(qualified_ref("Sheet1", {0, 0}) == "Sheet1!A1");
  CHECK(qualified_ref("My sheet", {0, 0}) == "'My sheet'!A1");
  CHECK(qualified_ref("表(2)", {0, 1}) == "'表(2)'!B1");
  CHECK(qualified_ref("O'Neil", {0, 0}) == "'O''Neil'!A1");
  CHECK(qualified_ref("2023", {0, 0}) == "'2023'!A1");
}
