// Finding the 9 tables among a workbook's sheets (any order, by title or sheet name), and reading
// each into typed rows in its own unit (单位：万元 or 元 from its header block).
#pragma once

#include <array>
#include <memory>
#include <optional>

#include "import/report.hpp"
#include "import/sheet.hpp"
#include "import/tables.hpp"

namespace bp::import {

struct Collected {
  std::array<std::unique_ptr<SheetLayout>, kTableCount> layout;  // stable addresses for the tables
  std::optional<LabelTable> summary, fiscal, three_public;
  std::optional<CodeTable> income, expenditure, gpb, basic, fund, soc;
  Unit unit = Unit::Wan;  // of the YAML: 元 when any table is in 元 (every value stays exact)

  const SheetLayout* find(TableId id) const { return layout[static_cast<int>(id)].get(); }
  const CodeTable* code_table(TableId id) const;
};

// Size of a sheet holding one of the 9 tables that we read (the real ones: < 100 rows, < 20
// columns).
inline constexpr int kMaxTableRows = 20000;
inline constexpr int kMaxTableCols = 256;

// The workbook must outlive the result. Problems go to `report`.
Collected collect_tables(const Workbook& wb, Report& report);

}  // namespace bp::import
