// The figures and settings the 说明 (narrative) uses that no published table prints, as sheets of
// our workbook (export and the fill-in template alike), so that `import` carries them into the YAML
// instead of leaving them to be typed (docs/import.md, “说明数据”):
//   部门职责   — one duty per row (no number; the numbering style is a 说明数据 row);
//   说明数据   — labelled rows 项目 | 细项 | 数值: 政府层级, 上年预算数, 上年“三公”经费 by item,
//                机关运行经费 and its items, the 国有资产 note and statement figures;
//   各单位资产 — one row per budget unit: the asset rows and statement figures of the 2021 form.
// The words below are the one definition the writers and the importer (src/import/
// read_narrative_data.cpp) share; amounts are in the department's own unit (元 to the 分 for a
// file kept in 元), stated on the sheet's 单位 line.
#pragma once

#include <string>
#include <vector>

#include "document/document.hpp"
#include "model/department.hpp"

namespace bp::narrative_sheet {

inline constexpr const char* kDutiesTitle = "部门职责";
inline constexpr const char* kDataTitle = "说明数据";
inline constexpr const char* kUnitAssetsTitle = "各单位资产情况";

// 说明数据 header words.
inline constexpr const char* kHeadGroup = "项目";
inline constexpr const char* kHeadItem = "细项";
inline constexpr const char* kHeadValue = "数值";

// Groups (column A) and their fixed items (column B).
inline constexpr const char* kBasics = "基本情况";
inline constexpr const char* kGovLevel = "政府层级";
inline constexpr const char* kListZero = "收入说明列出金额为零的来源";
inline constexpr const char* kDutyIntro = "部门职责导语";
inline constexpr const char* kDutyNumbering = "部门职责编号样式";
inline constexpr const char* kPrevious = "上年预算数";
inline constexpr const char* kPrevBasic = "基本支出";
inline constexpr const char* kPrevProject = "项目支出";
inline constexpr const char* kPrevRunning = "机关运行经费";
inline constexpr const char* kTpLast = "上年“三公”经费";
inline constexpr const char* kTpLastTotal = "合计（只知合计时填）";
inline constexpr const char* kTpLastOutbound = "因公出国（境）费（只知合计时填）";
inline constexpr const char* kTpLastVehicle = "公务用车购置及运维费（只知合计时填）";
inline constexpr const char* kRunning = "机关运行经费";
inline constexpr const char* kRunningTotal = "合计（只计行政单位时填）";
inline constexpr const char* kRunningPurpose = "用途";
inline constexpr const char* kRunningItems = "机关运行经费明细";
inline constexpr const char* kAssets = "国有资产";
inline constexpr const char* kAssetsNote = "说明";

// 上年“三公”经费 item labels, by TpItem; a 政府性基金 / 国有资本经营 amount adds a suffix.
const char* tp_item_label(TpItem i);
inline constexpr const char* kTpSourceSuffix[3] = {"", "（政府性基金）", "（国有资本经营）"};

// 资产 statement figures (AssetStatement), in order, with their labels.
struct StatementField {
  const char* label;
  std::optional<Amount> AssetStatement::*field;
};
const std::vector<StatementField>& statement_fields();

// 各单位资产情况 columns after 单位: the five rows' 数量 and 价值, then the statement figures.
struct AssetRowField {
  const char* label;  // 房屋, 办公用房, 车辆, 设备, 其他固定资产
  AssetRow AssetRows::*row;
};
const std::vector<AssetRowField>& asset_row_fields();
inline constexpr const char* kQuantitySuffix = "数量";
inline constexpr const char* kValueSuffix = "价值";
inline constexpr const char* kUnitHead = "单位";

// 是/否 for a yes-no row.
inline constexpr const char* kYes = "是";
inline constexpr const char* kNo = "否";

// The amount as the sheet shows it in `u` ("2480.00"; 元 to the 分).
std::string sheet_amount(Money m, Unit u);

// The three sheets of a department's workbook (empty tables are left out).
std::vector<doc::Table> narrative_tables(const Budget& b);

}  // namespace bp::narrative_sheet
