// The type of a workbook's cells, taken from the department's style (xlsx/options.hpp,
// options_from_style): which style key drives which part is listed in docs/themes.md. The
// defaults equal config/themes/default.yaml, so a workbook written without a style looks the same.
#pragma once

namespace bp::xlsx {

struct TypeSizes {
  double title = 16;  // pt, a table's title row (styles.table_title.size)
  double block = 10.5;  // pt, the header block line 编制单位 … 单位：万元 (table.header_block.size)
  double head = 10.5;      // pt, the header grid (table.head.size)
  double body = 10.5;      // pt, body cells and every other cell (table.cell.size)
  double note = 9;         // pt, the notes under a table (table.note.size)
  bool title_bold = true;  // styles.table_title.bold
  bool head_bold = true;   // table.head.bold: the rows of the header grid
  bool total_bold = true;  // table.bold_total: 合计 rows
};

}  // namespace bp::xlsx
