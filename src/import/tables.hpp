// The body rows of the 9 tables, read into typed rows with exact amounts and the cell each came
// from. Nothing is added up here (see derived_compare.hpp) and nothing is interpreted (see
// split.hpp).
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "import/layout.hpp"
#include "import/report.hpp"
#include "model/money.hpp"

namespace bp::import {

// One amount cell. `present` = the cell holds a number (a blank cell is zero, not present).
struct Val {
  Money m;
  bool present = false;
  CellRef ref{-1, -1};  // col -1: the table has no such column
};

// Amount columns of the code tables (收入总表, 支出总表, 一般公共预算/基金/国有资本经营支出表,
// 基本支出表).
enum class Col {
  Total,        // 合计
  Basic,        // 基本支出
  Project,      // 项目支出
  Operating,    // 经营支出
  Upper,        // 上解上级支出
  Subsidiary,   // 对附属单位补助支出
  Subtotal,     // 小计 (本年收入)
  Fiscal,       // 财政拨款收入
  Special,      // 财政专户收入
  Business,     // 事业收入
  OpIncome,     // 经营收入
  UpperIncome,  // 上级补助收入
  Affiliated,   // 附属单位上缴收入
  Other,        // 其他收入
  Carry,        // 上年结转
  Personnel,    // 人员经费
  Public,       // 公用经费
};
inline constexpr int kColCount = 17;
const char* col_label(Col c);

struct CodeRow {
  int row = 0;
  std::string code, name;  // code empty on the 合计 row
  bool total = false;
  std::array<Val, kColCount> v{};
  const Val& operator[](Col c) const { return v[static_cast<int>(c)]; }
};

// A table of 科目 rows: 合计, 类/款/项 (功能分类) or 类/款 (经济分类).
struct CodeTable {
  const SheetLayout* layout = nullptr;
  Unit unit = Unit::Wan;
  std::array<int, kColCount> cols{};  // sheet column per Col, -1 = absent
  int code_col = -1, name_col = -1;
  std::vector<CodeRow> rows;
  std::map<std::string, size_t> index;  // code → position in rows
  bool has(Col c) const { return cols[static_cast<int>(c)] >= 0; }
  const CodeRow* total_row() const;
  const CodeRow* find(const std::string& code) const;
  std::string where(CellRef ref) const { return qualified_ref(layout->sheet->name, ref); }
  std::string where(int row, Col c) const { return where(CellRef{row, cols[static_cast<int>(c)]}); }
};

// Tables of labelled rows: 收支总表, 财政拨款收支总表, 三公.
enum class LCol {
  IncLabel,
  IncAmount,  // 收入 项目 / 预算数 (金额)
  ExpLabel,
  ExpAmount,  // 支出 项目 / 预算数 (收支总表) or 合计 (财政拨款收支总表, 三公)
  Gpb,
  Fund,
  Soc,  // 一般公共预算 / 政府性基金 / 国有资本经营 columns
};
inline constexpr int kLColCount = 7;

struct LabelRow {
  int row = 0;
  std::string inc_label, exp_label;  // normalised, numbering stripped
  std::string inc_raw, exp_raw;      // as written
  std::array<Val, kLColCount> v{};
  const Val& operator[](LCol c) const { return v[static_cast<int>(c)]; }
};

struct LabelTable {
  const SheetLayout* layout = nullptr;
  Unit unit = Unit::Wan;
  std::array<int, kLColCount> cols{};
  std::vector<LabelRow> rows;
  bool has(LCol c) const { return cols[static_cast<int>(c)] >= 0; }
  std::string where(CellRef ref) const { return qualified_ref(layout->sheet->name, ref); }
};

// Reads a code table (layout.id ∈ 收入总表, 支出总表, 一般公共预算/基金/国有资本经营, 基本支出表).
// Amount cells that are not numbers and rows without a usable code are errors in `report`.
CodeTable read_code_table(const SheetLayout& layout, Unit unit, Report& report);
// Reads 收支总表, 财政拨款收支总表 or the 三公 table.
LabelTable read_label_table(const SheetLayout& layout, Unit unit, Report& report);

// An amount cell → Money in `unit` (exact; see number_text.hpp for the rounding rule).
Val read_amount(const Sheet& sheet, int row, int col, Unit unit, Report& report);

// "2075.36" in the table's unit (what the sheet shows).
std::string show(Money m, Unit unit);

}  // namespace bp::import
