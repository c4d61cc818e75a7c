// Where a table sits on its sheet: the title, the header block (部门 / 预算年度 / 单位), the column
// header rows (merged, multi-level), the 栏次 row, the first body row — found by their words, so
// extra blank rows and columns, a missing 栏次 row or an unmerged header do not matter.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "import/labels.hpp"
#include "import/report.hpp"
#include "import/sheet.hpp"
#include "model/money.hpp"

namespace bp::import {

struct HeaderBlock {
  std::optional<std::string> dept_code, dept_name, dept_separator;
  CellRef dept_ref;
  std::optional<int> year;
  CellRef year_ref;
  std::optional<Unit> unit;
  CellRef unit_ref;
};

struct SheetLayout {
  const Sheet* sheet = nullptr;
  TableId id = TableId::Summary;
  std::string title;            // as written (or the sheet name when there is no title cell)
  bool titled_by_cell = false;  // false: recognised by the sheet name only
  HeaderBlock block;
  int header_first = -1, header_last = -1;  // column header rows (栏次 excluded)
  int data_first = -1;                      // first body row
  std::vector<std::vector<std::string>>
      labels;  // per column: normalised header labels, top → bottom

  // The bottom label of a column ("" when the column has none).
  std::string leaf(int col) const;
  std::string joined(int col) const;  // "本年收入/小计"
};

// The table a sheet holds (title cell above the column headers, else the sheet name), or nullopt.
std::optional<SheetLayout> identify_sheet(const Sheet& sheet);
// Header block, header rows and body start. False (with an error in `report`) when no column
// header can be found.
bool analyse_layout(SheetLayout& layout, Report& report);

// The first non-blank text of a row, normalised ("" for a blank row).
std::string first_text(const Sheet& sheet, int row);

// "单位：万元" / "金额单位:元" → the unit; nullopt for other text.
std::optional<Unit> unit_from_text(std::string_view normed);
// "631临港部门", "434 秦皇岛…", "编制单位：631临港部门" → code, name, separator.
struct DeptText {
  std::string code, name, separator;
};
std::optional<DeptText> dept_from_text(std::string_view text);

}  // namespace bp::import
