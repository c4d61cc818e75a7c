// The derived side of a budget: the 9 tables of the year's form as data, and the figures the narrative
// quotes. Everything here is computed from the primary facts by exact integer sums; nothing is typed in.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "model/catalog.hpp"
#include "model/department.hpp"
#include "model/profile.hpp"
#include "model/table_rows.hpp"
#include "model/validate.hpp"

namespace bp {

// One cell of a derived table: a text (codes, names, labels) or an amount.
struct DCell {
  std::string text;             // label text; for amounts the display text (blank for zero)
  std::optional<Money> amount;  // set for amount columns (zero included)
  int indent_em = 0;
  static DCell label(std::string t, int indent = 0) { return {std::move(t), std::nullopt, indent}; }
  static DCell money(Money m) { return {format_wan_blank(m), m, 0}; }
};

struct DRow {
  std::vector<DCell> cells;  // one per physical column (序号 first where the table has one)
  doc::RowRole role = doc::RowRole::Item;
  std::vector<int> sum_of;   // indices of the rows this row sums (column-wise)
};

struct DTable {
  std::string id;       // t1-summary …
  std::string title;    // as printed in the year's form
  std::vector<DRow> rows;
  bool empty = false;   // no data: printed with header and the empty-table note
  // Display differences: rows whose displayed total differs from the sum of displayed parts (尾差).
  bool rounding_gap = false;
};

struct ChangeFigure {
  Money now, prev, delta;
  std::optional<int64_t> rate_hundredths;  // 增减率
  bool has_prev = false;
};

struct Figures {
  std::array<Money, kSourceCount> income_by_source{};
  Money income_total;        // 本年收入合计 (excluding 上年结转)
  Money carryover_total;     // 上年结转结余
  Money fiscal_total;        // 财政拨款 (gpb + fund + soc)
  Money unit_funds_total;    // 单位资金
  Money expenditure_total;   // 本年支出合计
  Money basic, project;
  std::array<Money, kKindCount> by_kind{};
  Money personnel, public_;  // 人员经费 / 公用经费 (一般公共预算基本支出)
  ChangeFigure total_change, basic_change, project_change, running_cost_change;
  // 三公: this year / last year per item, totals.
  std::array<Money, kTpItemCount> tp_now{}, tp_prev{};
  Money tp_total_now, tp_total_prev;  // “三公”经费小计 (出国 + 车 + 接待)
  bool tp_prev_known = false;
  ChangeFigure tp_change;
  Money procurement_total, procurement_goods, procurement_works, procurement_services, procurement_sme;
  Money planned_fixed_assets;  // 拟购置固定资产 = Σ procurement rows that are fixed assets
  Money assets_total;
  Money projects_total;
};

// One row of the 功能分类名词解释 table: every 类/款/项 the department spends on, by code.
struct FunctionNoteRow {
  std::string code, name, note;  // note empty: the catalogue has no explanation (W113)
};

struct Derived {
  std::vector<DTable> tables;  // the 9 tables in form order
  Figures fig;
  std::vector<FunctionNoteRow> function_notes;
  const DTable* table(const std::string& id) const;
};

Derived derive(const Budget& b, const Profile& profile, const CodeNames& names);

}  // namespace bp
