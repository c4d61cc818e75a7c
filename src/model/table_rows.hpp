// The cells and rows of a printed table. A year profile writes its header grids in them (model), the
// derived tables give each row its role (derive), and the document tree is built of them (document).
// They live here, in the lowest layer that needs them, so that neither model nor derive includes the
// document layer (docs/architecture.md, "Layers"); the namespace stays `doc`, where readers look.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace bp::doc {

enum class Align { Left, Center, Right, Justify };

// A number as displayed: value = scaled / 10^decimals (e.g. 2075.36 → {207536, 2}). Exact; no double.
struct Number {
  int64_t scaled = 0;
  int decimals = 2;
};

struct Cell {
  std::string text;               // what is printed (numbers already formatted; "" = blank)
  std::optional<Number> number;   // set for numeric cells with a value (xlsx writes a numeric cell)
  int colspan = 1;
  int rowspan = 1;
  Align align = Align::Left;
  bool bold = false;
  int indent_em = 0;              // leading indent in em (其中 rows)
  std::string source;             // optional "file:line:col" of the YAML value behind the cell
};

enum class RowRole {
  Head,           // column header row (repeats on every page)
  ColumnNumbers,  // the 栏次 row (part of the repeated header)
  Total,          // 合计 / 总计 rows
  Level1,         // 类 rows (3-digit codes), 小计 rows
  Level2,         // 款 rows (5-digit codes)
  Item,           // 项 rows and other leaf rows
  Plain,          // fixed rows of form tables (收支总表 lines) and text tables
};

// Cells follow the HTML model: a cell covered by a span from above or from the left is not listed.
struct Row {
  std::vector<Cell> cells;
  RowRole role = RowRole::Plain;
  // Body-row indices (within Table::body) whose numeric cells this row sums, column by column.
  // Lets the xlsx backend write =SUM() formulas instead of constants. Empty = not a sum row.
  std::vector<int> sum_of;
};

}  // namespace bp::doc
