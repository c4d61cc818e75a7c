// The parts of a workbook beyond the 9 tables, read into the model's own types so that the YAML
// writer and `check` see exactly what a hand-written file would hold:
//   目录 title → the department's full name; 部门职责 → duties; 机构设置 → institutions;
//   every 项目绩效目标表 (2021 / 2023 / 2024 layouts, one per sheet or stacked on one sheet; merged
//   一级/二级指标 filled down; 预算单位 / 项目编码 / 预算 / 资金用途 / 支出计划 rows where the form
//   has them) → projects, or special_funds when the sheet is the 专项资金 one (by its name or
//   title); 政府采购预算 → procurement; 固定资产占用情况表 → assets.
// Sheets are found by their title (or header) words, never by position or sheet name alone.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "import/report.hpp"
#include "import/sheet.hpp"
#include "model/catalog.hpp"
#include "model/department.hpp"

namespace bp::import {

// The 说明数据 and 各单位资产情况 sheets (read_narrative_data.cpp): what the 说明 uses and no
// published table prints. Unset = the workbook does not state it.
struct NarrativeData {
  bool present = false;   // a 说明数据 sheet was found
  Unit unit = Unit::Wan;  // of its 单位 line
  std::optional<std::string> gov_level, duties_intro, duties_numbering;
  std::optional<bool> list_zero_income;
  PreviousYear previous;
  TpAmounts tp_last;
  std::optional<Amount> tp_last_total, tp_last_outbound, tp_last_vehicle;
  RunningCost running_cost;
  std::string running_where;  // the first 机关运行经费明细 cell
  std::string assets_note;
  AssetStatement statement;       // the department's (no 各单位 rows)
  std::vector<UnitAssets> units;  // 各单位资产情况
  bool previous_any() const { return previous.basic || previous.project || previous.running_cost; }
  bool running_any() const {
    return running_cost.total || !running_cost.purpose.value.empty() || !running_cost.items.empty();
  }
  // Every amount, for the 元-or-万元 decision of the file.
  std::vector<Money> amounts() const;
};

// The two lists of 绩效目标表 a department file has: projects and 专项资金 (same shape).
enum class ProjectList { Projects, SpecialFunds };

struct ImportedParts {
  std::optional<std::string> full_name;  // from the 目录 title "X2023年部门预算信息公开 目录"
  std::vector<std::string> duties;
  std::vector<Institution> institutions;
  std::vector<Project> projects;
  std::vector<Project> special_funds;  // 专项资金: the 专项资金 sheets (tables or fill-in lists)
  bool purpose_amounts = false;        // 资金用途 begins with the generated amount sentence
  std::vector<ProcurementRow> procurement;
  bool procurement_sheet = false;  // a 政府采购预算 sheet was found (possibly empty)
  Assets assets;
  size_t indicator_rows = 0;          // of projects
  size_t special_indicator_rows = 0;  // of special_funds
  std::vector<Project>& list(ProjectList l) {
    return l == ProjectList::SpecialFunds ? special_funds : projects;
  }
  void count_indicator(ProjectList l) {
    ++(l == ProjectList::SpecialFunds ? special_indicator_rows : indicator_rows);
  }
  // Rows of a 项目绩效指标 list (the fill-in workbook): joined to `projects` (or `special_funds`)
  // by name at the end.
  struct ListedIndicator {
    std::string project, code, where;  // code: only where two projects share a name
    Indicator indicator;
    ProjectList list = ProjectList::Projects;
  };
  std::vector<ListedIndicator> listed_indicators;
  NarrativeData narrative;
  // The year's catalogue (品目编码 are checked against its 政府采购品目分类目录); may be null.
  const CatalogYear* catalog = nullptr;
};

// `dept_name`: the name printed in the header blocks (procurement rows of that unit need no
// `unit:`); `year`: for the 目录 title. Unreadable cells are errors with their cell in `report`.
ImportedParts read_parts(const Workbook& wb, const std::string& dept_name, int year,
                         const CatalogYear* catalog, Report& report);

// One-line helpers shared by the part readers.
namespace parts_detail {
// The cell text as a reader sees it (merged cells through their top-left), trimmed.
std::string cell(const Sheet& s, int row, int col);
// The first non-empty cell right of `col` on `row` (skipping the cells of `col`'s own merge).
std::optional<int> value_col_after(const Sheet& s, int row, int col);
// Normalised text of a row's cells joined ("" for a blank row).
std::string row_words(const Sheet& s, int row);
// A 资金支出计划 cell: "25%" / "25" → 2500 (hundredths); blank → -1; nullopt when unreadable.
std::optional<int64_t> percent(const std::string& text);
// 绩效目标 text "1.A\n2.B" → {"A", "B"}; a line without the next number continues the goal above.
std::vector<std::string> goals_from(const std::string& text);
}  // namespace parts_detail

// The readers (one file each).
void read_institutions_sheet(const Sheet& s, int header_row, ImportedParts& out, Report& report);
void read_duties_sheet(const Sheet& s, int title_row, ImportedParts& out);
// `into`: the list the sheet's tables fill (SpecialFunds for the 专项资金 sheet).
void read_project_tables(const Sheet& s, ImportedParts& out, Report& report,
                         ProjectList into = ProjectList::Projects);
void read_procurement_sheet(const Sheet& s, const std::string& dept_name, ImportedParts& out,
                            Report& report);
void read_assets_sheet(const Sheet& s, ImportedParts& out, Report& report);
// 说明数据 / 各单位资产情况 (read_narrative_data.cpp); false when `s` has not their header.
bool read_narrative_data_sheet(const Sheet& s, ImportedParts& out, Report& report);
bool read_unit_assets_sheet(const Sheet& s, ImportedParts& out, Report& report);
// The fill-in workbook's lists (read_project_lists.cpp): 项目信息 (one row per project) and
// 项目绩效指标 (one row per indicator, its project named in a column); with `into` SpecialFunds
// the 专项资金信息 / 专项资金绩效指标 sheets of the same shape. False when `s` is neither.
bool read_project_list_sheet(const Sheet& s, ImportedParts& out, Report& report,
                             ProjectList into = ProjectList::Projects);
// Appends the listed indicators to their projects or 专项资金 (by 项目编码 when the row has one,
// else by name, within the list the row came from); unknown and ambiguous names are errors.
void join_listed_indicators(ImportedParts& out, Report& report);

}  // namespace bp::import
