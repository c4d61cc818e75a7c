// The type of a workbook's cells, taken from the department's style (xlsx/options.hpp,
// options_from_style): which style key drives which part is listed in docs/themes.md. The
// defaults equal config/themes/default.yaml, so a workbook written without a style looks the same.
#pragma once

namespace bp::xlsx {

// The size column widths are counted at (xlsx/column_widths.hpp: a CJK glyph of this size is two
// of Excel's width units); text up to this size fits Excel's default row height on one line.
inline constexpr double kUnitsSize = 10.5;

struct TypeSizes {
  double title = 16;  // pt, a table's title row (styles.table_title.size)
  double block = 10.5;  // pt, the header block line 编制单位 … 单位：万元 (table.header_block.size)
  double head = 10.5;      // pt, the header grid (table.head.size)
  double body = 10.5;      // pt, body cells and every other cell (table.cell.size)
  double note = 9;         // pt, the notes under a table (table.note.size)
  bool title_bold = true;  // styles.table_title.bold
  bool head_bold = true;   // table.head.bold: the rows of the header grid
  bool total_bold = true;  // table.bold_total: 合计 rows

  // Excel width of a column `units` characters wide at the body size: as many characters fit at
  // a larger size when the column grows with it (units as fit_columns counts them).
  // (The ratio first: at the default size it is exactly 1 and the width exactly `units`.)
  double column_width(double units) const { return units * (body / kUnitsSize); }
};

}  // namespace bp::xlsx
