// The importer's consistency check is the engine itself: the imported facts become a Budget, derive
// computes the 9 tables exactly as `build` prints them, and every amount cell the workbook prints
// is compared with the derived cell it stands for (rows by 科目编码 or label, columns by header
// words). A difference names the printed cell (收入总表!D7) — never "fixed" here (see tail_gap.hpp
// for the 尾差 policy).
#pragma once

#include <string>
#include <vector>

#include "derive/derived.hpp"
#include "import/collect.hpp"

namespace bp::import {

// One printed amount cell and the derived cell it stands for.
struct CellLink {
  std::string where;  // 收入总表!D7
  std::string what;   // "合计（201 一般公共服务支出）"
  Money printed;      // blank = 0
  Unit unit = Unit::Wan;
  std::string table;  // derived table id, "" when the derived table has no such row
  int row = -1, col = -1;
  std::string parts;  // "20103 61.66 + 20106 366.75": the printed parts of a derived total row
};

// Every amount cell of the collected tables, linked to `d`. Rows the derived table holds but the
// workbook does not print (with a non-zero amount) are reported to `missing` as "表: 行".
// `entry_rows_only` (the fill-in workbook of `workbook-template`): a table that prints no row of a
// level at all (类, 款) leaves that level to the program and is not missing its rows.
std::vector<CellLink> link_cells(
    const Collected& c, const Derived& d,
    std::vector<std::pair<std::string, std::string>>* missing = nullptr,
    bool entry_rows_only = false);

// The derived value of a link (0 when the derived table has no such row).
Money derived_value(const CellLink& l, const Derived& d);
// Printed and derived agree as printed: exactly in 元, at 0.01 万元 in 万元.
bool agrees(const CellLink& l, const Derived& d);

// Warnings for every cell that differs: "收入总表!D7: 合计 428.40 ≠ 按明细计算 428.41（…）".
size_t report_differences(const std::vector<CellLink>& links, const Derived& d, Report& report,
                          Finding::Level level = Finding::Level::Warning);

}  // namespace bp::import
