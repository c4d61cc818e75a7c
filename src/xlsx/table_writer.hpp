// Writes one doc::Table onto a worksheet from a given row: title (merged, bold, larger), header
// block (left | center | right), the merged header grid and 栏次 row, the body (numbers as numbers,
// totals as SUM() formulas with their cached values), then the notes. Page setup is the caller's.
#pragma once

#include <vector>

#include "document/document.hpp"
#include "xlsx/column_widths.hpp"
#include "xlsx/workbook.hpp"

namespace bp::xlsx {

inline constexpr const char* kNumberFormat = "#,##0.00";
// Formula cells of total rows: a zero total shows blank like every other zero amount.
inline constexpr const char* kTotalFormat = "#,##0.00;-#,##0.00;";

// Where the parts of a table landed (zero-based sheet rows; -1 = not present).
struct Placement {
  int title_row = -1;
  int block_row = -1;
  int head_first = -1, head_last = -1;
  int body_first = -1, body_last = -1;
  int last_row = -1;  // last row used (notes included)
  int columns = 0;
};

// Horizontal split of the header block over the columns: [0, left_end) | [left_end, right_begin) |
// [right_begin, n). Each part gets the columns its text needs where possible.
struct BlockSplit {
  int left_end = 0, right_begin = 0;
};
BlockSplit split_header_block(const doc::HeaderBlock& hb, const std::vector<double>& widths);

// Whether the displayed parts add up exactly to the displayed total (absent = zero), so that a
// SUM() formula shows the same figure. False for a rounding gap (尾差): the cell then keeps its
// value.
bool parts_add_up(const std::optional<doc::Number>& total,
                  const std::vector<std::optional<doc::Number>>& parts);

class TableWriter {
 public:
  TableWriter(Workbook& wb, lxw_worksheet* ws, ColumnFit fit)
      : wb_(wb), ws_(ws), fit_(std::move(fit)) {}
  Placement write(const doc::Table& t, int first_row);

 private:
  void title(const doc::Table& t, int row, int ncols);
  void header_block(const doc::HeaderBlock& hb, int row, int ncols);
  void head(const std::vector<doc::Row>& rows, int first_row, int ncols);
  void body(const std::vector<doc::Row>& rows, int first_row, int ncols);
  void note(const std::string& text, int row, int ncols);
  void put(int row, int col, int last_row, int last_col, const std::string& text, lxw_format* f);
  double span_width(int first_col, int last_col) const;

  Workbook& wb_;
  lxw_worksheet* ws_;
  ColumnFit fit_;
};

// Row height in points for `lines` lines of text at `size` points (Excel's default row is 15).
double row_height(int lines, double size);

}  // namespace bp::xlsx
