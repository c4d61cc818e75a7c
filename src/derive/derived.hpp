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

// 三公 amounts by the groups the narrative names (sums of TpItem figures).
struct ThreePublicGroups {
  Money outbound;  // 因公出国（境）费 = 科研 + 其他
  Money vehicle;   // 公务用车购置及运行维护费 = 购置 + 运行维护
  Money vehicle_purchase, vehicle_operation, reception;
  Money meeting;  // 会议费 = 高校 + 其他
  Money training;
};

enum class TpGroup {
  Outbound,
  Vehicle,
  VehiclePurchase,
  VehicleOperation,
  Reception,
  Meeting,
  Training
};

// One line of the 三公 comparison with last year, at the level last year's data has: a group given
// last year only as a total (公务用车购置及运维费) is one line, never split by guess.
struct TpComparison {
  TpGroup group;
  Money now, prev, delta;
};

// 资产 figures of the department or of one unit (the narrative states them in 万元 and 元).
struct AssetFigures {
  Money total;      // the listed rows (房屋, 车辆, 设备, 其他)
  Money fixed_net;  // 固定资产净值 = 原值 − 累计折旧 (a figure not given counts 0)
  Money intangible_net;  // 无形资产净值 = 原值 − 累计摊销
};

// A 款 line of 公用经费 (the 基本支出表's non-personnel economic lines).
struct PublicCostLine {
  std::string code, name;  // name from the catalogue ("" = not listed)
  Money amount;
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

  // What the narrative quotes beyond the totals above, summed here so that the document layer
  // only formats.
  std::vector<Money> summary_income;  // one per Profile::summary_income_rows: Σ of its sources
  Money income_all;                   // 收入总计 = 本年收入合计 + 上年结转结余
  Money income_non_fiscal;            // 收入总计 − 财政拨款
  std::optional<int64_t> basic_share_hundredths, project_share_hundredths;  // of 本年支出合计
  Money running_cost;  // 机关运行经费: as stated, else 公用经费
  // 公用经费 by 款, non-zero lines in code order (the default breakdown of 机关运行经费).
  std::vector<PublicCostLine> public_lines;
  ThreePublicGroups tp_groups_now, tp_groups_prev, tp_groups_delta;
  std::vector<TpComparison> tp_compare;
  AssetFigures assets_dept;
  std::vector<AssetFigures> assets_units;  // one per Assets::units, same order
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
