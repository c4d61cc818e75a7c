// Validation rules that the bad-input corpus does not reach on its own, checked on crafted text:
// warnings (they never block a build) and the rarer identity rules.
#include <catch2/catch.hpp>

#include <regex>

#include "../support/context.hpp"
#include "../support/fixtures.hpp"
#include "app/context.hpp"
#include "app/pipeline.hpp"

using namespace bp;

namespace {

std::string minimal() {
  std::ifstream in(test::source_dir() / "tests/data/minimal.yaml");
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// minimal.yaml with `extra` appended (top-level sections) and optional replacements.
CheckedBudget run(const std::string& extra,
                  std::vector<std::pair<std::string, std::string>> repl = {}) {
  std::string text = minimal();
  for (auto& [a, b] : repl) {
    auto p = text.find(a);
    REQUIRE(p != std::string::npos);
    text.replace(p, a.size(), b);
  }
  return check_budget_text(text + extra, "t.yaml", test::context());
}

bool has(const CheckedBudget& c, const std::string& code) {
  for (const auto& d : c.diag.all())
    if (d.code == code) return true;
  return false;
}

}  // namespace

TEST_CASE("the minimal file is valid and derives its tables") {
  auto c = run("");
  INFO(c.diag.format_all());
  REQUIRE(c.ok());
  CHECK(c.derived->fig.expenditure_total == *parse_money("100", Unit::Wan).value);
  CHECK(c.derived->fig.personnel == *parse_money("70", Unit::Wan).value);
  CHECK(c.derived->fig.public_ == *parse_money("10", Unit::Wan).value);
}

TEST_CASE("W101 flags a 元/万元 slip against last year") {
  auto c = run("previous_year:\n  basic: 0.08\n  project: 20.00\n");
  CHECK(has(c, "W101"));
  CHECK(c.ok());  // a warning does not block the build
  auto fine = run("previous_year:\n  basic: 75.00\n  project: 20.00\n");
  CHECK_FALSE(has(fine, "W101"));
}

TEST_CASE("W102 when 三公 is smaller than the matching basic economic line") {
  auto c = run("three_public:\n  this_year: {reception: 1.00}\n",
               {{"{code: \"30201\", amount: 10.00}",
                 "{code: \"30201\", amount: 8.00}\n  - {code: \"30217\", amount: 2.00}"}});
  INFO(c.diag.format_all());
  CHECK(has(c, "W102"));
}

TEST_CASE("W074 when quantity × unit price is far from the amount") {
  auto c =
      run("procurement:\n  - {project: p, item: 台式机, quantity: 10, unit_price: 0.50, amounts: "
          "{gpb: 1.00}}\n");
  CHECK(has(c, "W074"));
  // Seed 003's 复印纸: 150 × 0.01 = 1.50 vs 1.88 — within 150 × 0.005 万元 of print rounding of
  // 单价.
  auto ok =
      run("procurement:\n  - {project: p, item: 复印纸, quantity: 150, unit_price: 0.01, amounts: "
          "{gpb: 1.88}}\n");
  CHECK_FALSE(has(ok, "W074"));
}

TEST_CASE("E071 / E073: procurement against its project budget") {
  auto c =
      run("projects:\n  - {name: 项目甲, fiscal: 20.00}\nprocurement:\n  - {project: 项目甲, "
          "project_budget: 15.00, item: x, amounts: {gpb: 16.00}}\n");
  CHECK(has(c, "E071"));
  CHECK(has(c, "E073"));
}

TEST_CASE("E022: a 项 whose 款 is not in the catalogue") {
  auto c = run("catalog:\n  function: {\"2019901\": 新项目}\n",
               {{"code: \"2010302\"", "code: \"2019901\""}});
  CHECK(has(c, "E022"));
  // With the 款 named too, the same file is valid.
  auto ok = run("catalog:\n  function: {\"20199\": 新款, \"2019901\": 新项目}\n",
                {{"code: \"2010302\"", "code: \"2019901\""}});
  INFO(ok.diag.format_all());
  CHECK(ok.ok());
}

TEST_CASE("E043: an economic code whose 类 has no 人员/公用 kind") {
  auto c = run("catalog:\n  economic: {\"39801\": 新科目}\n",
               {{"{code: \"30201\", amount: 10.00}", "{code: \"39801\", amount: 10.00}"}});
  CHECK(has(c, "E043"));
}

TEST_CASE("E014: limits on list sizes and text length") {
  std::string longtext(30000, 'x');
  auto c = run("texts:\n  other_matters: " + longtext + "\n");
  CHECK(has(c, "E014"));
}

TEST_CASE("amounts in 元 are exact and display in 万元") {
  auto c = check_budget_text(
      "schema: 1\ndepartment: {code: \"902\", name: 元局, year: 2023, form: \"2023\", unit: 元}\n"
      "income: {gpb: 1000000.05}\nexpenditure:\n  - {code: \"2010301\", basic: 600000.03}\n"
      "  - {code: \"2010302\", project: 400000.02}\n"
      "basic_economic:\n  - {code: \"30101\", amount: 600000.03}\n",
      "y.yaml", test::context());
  INFO(c.diag.format_all());
  REQUIRE(c.ok());
  CHECK(c.derived->fig.expenditure_total.in_fen() == 100000005);
  CHECK(format_wan(c.derived->fig.expenditure_total) == "100.00");
}

TEST_CASE("displayed parts that miss a displayed total are detected as 尾差") {
  // 3 × 0.004 万元 = 3 × 40 元: each shows 0.00, the total 120 元 shows 0.01.
  auto c = check_budget_text(
      "schema: 1\ndepartment: {code: \"903\", name: 尾差局, year: 2023, form: \"2023\", unit: 元}\n"
      "income: {gpb: 120}\nexpenditure:\n  - {code: \"2010301\", basic: 40}\n  - {code: "
      "\"2010302\", basic: 40}\n"
      "  - {code: \"2010350\", basic: 40}\nbasic_economic:\n  - {code: \"30101\", amount: 120}\n",
      "w.yaml", test::context());
  INFO(c.diag.format_all());
  REQUIRE(c.ok());
  CHECK(c.derived->table("t3-expenditure")->rounding_gap);
  CHECK_FALSE(c.derived->table("t6-gpb-basic")->rounding_gap);
}

TEST_CASE("diagnostics are formatted FILE:LINE:COL: 错误[Exxx]: message") {
  auto c = run("", {{"basic: 80.00", "basic: 80.001"}});
  auto all = c.diag.format_all();
  CHECK(std::regex_search(all, std::regex("^t\\.yaml:[0-9]+:[0-9]+: 错误\\[E010\\]: ")));
}
