// The derived tables of the three examples equal the seeds' printed tables cell by cell.
// Expected values come from tests/fixtures/<code>/*.tsv, transcribed from the seeds independently of
// the code. Seed 631 was rounded cell by cell from unknown 元 figures: each printed total that differs
// from the sum of its printed parts (尾差) is named below, so any other mismatch still fails.
#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <sstream>

#include "../support/fixtures.hpp"
#include "app/context.hpp"
#include "app/pipeline.hpp"

using namespace bp;

namespace {

struct Mismatch {
  std::string table;
  std::string row;  // 序号 as printed
  int col;          // physical column, 0-based
  std::string printed, derived;
  bool operator<(const Mismatch& o) const {
    return std::tie(table, row, col, printed, derived) < std::tie(o.table, o.row, o.col, o.printed, o.derived);
  }
  bool operator==(const Mismatch& o) const { return !(*this < o) && !(o < *this); }
};

std::string show(const Mismatch& m) {
  return m.table + " 序号" + m.row + " 列" + std::to_string(m.col) + ": printed " + m.printed + " derived " + m.derived;
}

const char* kTables[] = {"t1-summary", "t2-income", "t3-expenditure", "t4-fiscal", "t5-gpb",
                         "t6-gpb-basic", "t7-fund", "t8-soc", "t9-three-public"};

std::set<Mismatch> compare_example(const std::string& example, const std::string& code) {
  Context ctx(test::config_dir());
  auto c = check_budget_file(test::source_dir() / "examples" / example, ctx);
  INFO(c.diag.format_all());
  REQUIRE(c.ok());
  std::set<Mismatch> out;
  for (const char* id : kTables) {
    INFO("table " << id);
    const DTable* t = c.derived->table(id);
    REQUIRE(t != nullptr);
    auto expected = test::read_tsv(test::source_dir() / "tests/fixtures" / code / (std::string(id) + ".tsv"));
    // Structure must match exactly: same rows, same columns.
    REQUIRE(t->rows.size() == expected.size());
    for (size_t r = 0; r < expected.size(); ++r) {
      REQUIRE(t->rows[r].cells.size() == expected[r].size());
      for (size_t col = 0; col < expected[r].size(); ++col) {
        const std::string& got = t->rows[r].cells[col].text;
        if (got != expected[r][col]) out.insert({id, expected[r][0], static_cast<int>(col), expected[r][col], got});
      }
    }
  }
  return out;
}

}  // namespace

TEST_CASE("seed 000 (434, 2023 form): every cell of the 9 tables") {
  auto diff = compare_example("2023/434.yaml", "434");
  for (const auto& m : diff) UNSCOPED_INFO(show(m));
  CHECK(diff.empty());
}

TEST_CASE("seed 003 (201, 2024 form): every cell of the 9 tables") {
  auto diff = compare_example("2024/201.yaml", "201");
  for (const auto& m : diff) UNSCOPED_INFO(show(m));
  CHECK(diff.empty());
}

TEST_CASE("seed 001 (631, 2023 form): every cell, with the seed's 尾差 named one by one") {
  // {table, 序号, column, printed, derived}: printed totals that differ by 0.01 from the exact sum of
  // the printed 项/款 values (tests/fixtures/631/README.md §尾差).
  const std::set<Mismatch> known = {
      // 收支总表: 本年支出合计 and 支出总计; income 一般公共预算 556.79 vs lines 556.80
      {"t1-summary", "1", 2, "556.79", "556.80"},
      {"t1-summary", "1", 4, "428.40", "428.41"},    // 201 一般公共服务支出
      {"t1-summary", "10", 4, "7.44", "7.43"},       // 210 卫生健康支出
      {"t1-summary", "32", 2, "11288.54", "11288.55"},
      {"t1-summary", "32", 4, "11288.54", "11288.55"},
      {"t1-summary", "34", 2, "11288.54", "11288.55"},
      {"t1-summary", "34", 4, "11288.54", "11288.55"},
      // 收入总表: 合计 row, 201, 21011 (合计 / 小计 / 财政拨款收入)
      {"t2-income", "1", 3, "11288.54", "11288.55"},
      {"t2-income", "1", 4, "11288.54", "11288.55"},
      {"t2-income", "1", 5, "11288.54", "11288.55"},
      {"t2-income", "2", 3, "428.40", "428.41"},
      {"t2-income", "2", 4, "428.40", "428.41"},
      {"t2-income", "2", 5, "428.40", "428.41"},
      {"t2-income", "14", 3, "7.44", "7.43"},  // 210
      {"t2-income", "14", 4, "7.44", "7.43"},
      {"t2-income", "14", 5, "7.44", "7.43"},
      {"t2-income", "15", 3, "7.44", "7.43"},  // 21011
      {"t2-income", "15", 4, "7.44", "7.43"},
      {"t2-income", "15", 5, "7.44", "7.43"},
      // 支出总表
      {"t3-expenditure", "1", 3, "11288.54", "11288.55"},
      {"t3-expenditure", "2", 3, "428.40", "428.41"},
      {"t3-expenditure", "14", 3, "7.44", "7.43"},
      {"t3-expenditure", "14", 4, "7.44", "7.43"},
      {"t3-expenditure", "15", 3, "7.44", "7.43"},
      {"t3-expenditure", "15", 4, "7.44", "7.43"},
      // 财政拨款收支总表
      {"t4-fiscal", "1", 2, "556.79", "556.80"},
      {"t4-fiscal", "1", 4, "428.40", "428.41"},
      {"t4-fiscal", "1", 5, "428.40", "428.41"},
      {"t4-fiscal", "10", 4, "7.44", "7.43"},
      {"t4-fiscal", "10", 5, "7.44", "7.43"},
      {"t4-fiscal", "32", 2, "11288.54", "11288.55"},
      {"t4-fiscal", "32", 4, "11288.54", "11288.55"},
      {"t4-fiscal", "32", 5, "556.79", "556.80"},
      {"t4-fiscal", "37", 2, "11288.54", "11288.55"},
      {"t4-fiscal", "37", 4, "11288.54", "11288.55"},
      {"t4-fiscal", "37", 5, "556.79", "556.80"},
      // 一般公共预算财政拨款支出表
      {"t5-gpb", "1", 3, "556.79", "556.80"},
      {"t5-gpb", "2", 3, "428.40", "428.41"},
      {"t5-gpb", "14", 3, "7.44", "7.43"},
      {"t5-gpb", "14", 4, "7.44", "7.43"},
      {"t5-gpb", "15", 3, "7.44", "7.43"},
      {"t5-gpb", "15", 4, "7.44", "7.43"},
      // 基本支出表
      {"t6-gpb-basic", "1", 5, "3.85", "3.86"},
      {"t6-gpb-basic", "12", 3, "3.85", "3.86"},
      {"t6-gpb-basic", "12", 5, "3.85", "3.86"},
      {"t6-gpb-basic", "23", 3, "1.25", "1.24"},
      {"t6-gpb-basic", "23", 4, "1.25", "1.24"},
  };
  auto diff = compare_example("2023/631.yaml", "631");
  for (const auto& m : diff)
    if (!known.count(m)) UNSCOPED_INFO("unexpected: " << show(m));
  for (const auto& m : known)
    if (!diff.count(m)) UNSCOPED_INFO("listed but not found: " << show(m));
  CHECK(diff == known);
  // Every listed difference is a 0.01 尾差, nothing larger.
  for (const auto& m : known) {
    auto cents = [](const std::string& s) { return std::stoll(s.substr(0, s.find('.'))) * 100 + std::stoll(s.substr(s.find('.') + 1)); };
    CHECK(std::llabs(cents(m.printed) - cents(m.derived)) == 1);
  }
}

TEST_CASE("form tables link their totals to the rows they sum (for live Excel formulas)") {
  Context ctx(test::config_dir());
  auto c = check_budget_file(test::source_dir() / "examples/2024/201.yaml", ctx);
  REQUIRE(c.ok());
  const DTable* t9 = c.derived->table("t9-three-public");
  REQUIRE(t9->rows.size() == 13);
  CHECK(t9->rows[0].sum_of == std::vector<int>{1, 9, 12});  // 合计 = 小计 + 四、会议费 + 五、培训费
  CHECK(t9->rows[1].sum_of == std::vector<int>{2, 5, 8});   // 小计 = 一 + 二 + 三
  CHECK(t9->rows[5].sum_of == std::vector<int>{6, 7});      // 二 = 购置 + 运维
  CHECK(t9->rows[8].sum_of.empty());                        // 三、公务接待费 is a leaf
  const DTable* t1 = c.derived->table("t1-summary");
  CHECK(t1->rows[31].sum_of.size() == 31);                  // 本年合计 = the 31 category rows
  CHECK(t1->rows[33].sum_of == std::vector<int>{31, 32});   // 总计 = 本年合计 + 结转
  for (const auto& t : c.derived->tables) CHECK_FALSE(t.rounding_gap);
}
