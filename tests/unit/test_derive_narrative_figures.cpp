// The figures derive computes for the narrative (Figures: income rows of the form, 公用经费 by 款,
// 三公 groups and comparison, asset net values) agree with the derived tables and the model they
// come from, on every example — the document layer only formats them (issue 20, item 4).
#include <catch2/catch.hpp>

#include "../support/context.hpp"
#include "../support/fixtures.hpp"
#include "app/pipeline.hpp"
#include "derive/derived.hpp"

using namespace bp;

namespace {

const char* const kExamples[] = {"2021/512.yaml", "2021/905.yaml", "2023/434.yaml", "2023/631.yaml",
                                 "2023/633.yaml", "2024/201.yaml", "2025/718.yaml"};

CheckedBudget checked(const std::string& example) {
  auto c = check_budget_file(test::source_dir() / "examples" / example, test::context());
  INFO(example << "\n" << c.diag.format_all());
  REQUIRE(c.ok());
  return c;
}

Money amount(const DCell& c) {
  return c.amount ? *c.amount : Money();
}

}  // namespace

TEST_CASE("income rows of the form: the 收支总表's income column, row by row") {
  for (const char* example : kExamples) {
    INFO(example);
    auto c = checked(example);
    const Figures& f = c.derived->fig;
    const auto& rows = c.profile->summary_income_rows;
    REQUIRE(f.summary_income.size() == rows.size());
    const DTable* t1 = c.derived->table("t1-summary");
    REQUIRE(t1);
    for (size_t i = 0; i < rows.size() && i < c.profile->categories.size(); ++i) {
      INFO(rows[i].label);
      CHECK(t1->rows[i].cells[1].text == rows[i].label);
      CHECK(f.summary_income[i] == amount(t1->rows[i].cells[2]));
    }
    // 收入总计 is the table's 收入总计 row; what is not 财政拨款 is the rest of it.
    const size_t n = c.profile->categories.size();
    CHECK(t1->rows[n + 2].cells[1].text == "收入总计");
    CHECK(f.income_all == amount(t1->rows[n + 2].cells[2]));
    CHECK(f.income_non_fiscal + f.fiscal_total == f.income_all);
  }
}

TEST_CASE("公用经费 by 款: the 基本支出表's item rows with a 公用经费 amount, in table order") {
  size_t lines = 0;
  for (const char* example : kExamples) {
    INFO(example);
    auto c = checked(example);
    const Figures& f = c.derived->fig;
    const DTable* t6 = c.derived->table("t6-gpb-basic");
    REQUIRE(t6);
    std::vector<std::pair<std::string, Money>> from_table;
    for (const auto& r : t6->rows)
      if (r.role == doc::RowRole::Item && !amount(r.cells[5]).zero())
        from_table.emplace_back(r.cells[2].text, amount(r.cells[5]));
    REQUIRE(f.public_lines.size() == from_table.size());
    Money sum;
    for (size_t i = 0; i < from_table.size(); ++i) {
      CHECK(f.public_lines[i].name == from_table[i].first);
      CHECK(f.public_lines[i].amount == from_table[i].second);
      sum += f.public_lines[i].amount;
    }
    if (!t6->rows.empty()) CHECK(sum == amount(t6->rows[0].cells[5]));  // the 合计 row
    lines += from_table.size();
  }
  CHECK(lines > 0);  // the examples do have 公用经费 lines
}

TEST_CASE("三公 groups add up to the 小计, and the comparison keeps last year's level") {
  bool saw_group_total = false, saw_split = false;
  for (const char* example : kExamples) {
    INFO(example);
    auto c = checked(example);
    const Figures& f = c.derived->fig;
    const auto& g = f.tp_groups_now;
    CHECK(g.outbound + g.vehicle + g.reception == f.tp_total_now);
    CHECK(g.vehicle_purchase + g.vehicle_operation == g.vehicle);
    CHECK(f.tp_groups_delta.reception == g.reception - f.tp_groups_prev.reception);
    REQUIRE(!f.tp_compare.empty());
    CHECK(f.tp_compare.front().group == TpGroup::Outbound);
    bool vehicle_line = false, purchase_line = false;
    for (const auto& l : f.tp_compare) {
      CHECK(l.delta == l.now - l.prev);
      vehicle_line = vehicle_line || l.group == TpGroup::Vehicle;
      purchase_line = purchase_line || l.group == TpGroup::VehiclePurchase;
    }
    // Last year's 公务用车 as one total (633) is compared as one line, never split by guess.
    const auto& tp = c.budget->three_public;
    CHECK(vehicle_line == tp.last_year_vehicle.has_value());
    CHECK(purchase_line == !tp.last_year_vehicle.has_value());
    if (tp.last_year_vehicle) {
      saw_group_total = true;
      for (const auto& l : f.tp_compare)
        if (l.group == TpGroup::Vehicle) CHECK(l.prev == tp.last_year_vehicle->value);
    } else {
      saw_split = true;
    }
  }
  CHECK(saw_group_total);
  CHECK(saw_split);
}

TEST_CASE("asset figures: totals and net values of the department and of each unit") {
  bool saw_statement = false;
  for (const char* example : kExamples) {
    INFO(example);
    auto c = checked(example);
    const Figures& f = c.derived->fig;
    const Assets& a = c.budget->assets;
    CHECK(f.assets_dept.total == f.assets_total);
    REQUIRE(f.assets_units.size() == a.units.size());
    auto check_rows = [&](const AssetRows& rows, const AssetFigures& fig) {
      const auto& s = rows.statement;
      CHECK(fig.total == rows.buildings.value.value + rows.vehicles.value.value +
                             rows.equipment.value.value + rows.other.value.value);
      if (s.original && s.depreciation) {
        saw_statement = true;
        CHECK(fig.fixed_net == s.original->value - s.depreciation->value);
      }
      if (s.intangible_original && s.intangible_amortization)
        CHECK(fig.intangible_net ==
              s.intangible_original->value - s.intangible_amortization->value);
    };
    check_rows(a, f.assets_dept);
    for (size_t i = 0; i < a.units.size(); ++i) check_rows(a.units[i], f.assets_units[i]);
  }
  CHECK(saw_statement);  // 512 states 原值 and 折旧
}
