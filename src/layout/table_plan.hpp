// A table prepared for pagination: cells set in their columns (widths from Table::column_widths or
// the content), row heights, title, header block, 续表 mark and notes. Computed once per table, so
// the columns line up on every page.
#pragma once

#include <vector>

#include "document/document.hpp"
#include "layout/context.hpp"
#include "layout/table_grid.hpp"

namespace bp::layout {

struct TableCellBox {
  GridCell g;
  std::vector<text::Line> lines;
  double pitch = 0, base = 0;  // line pitch and baseline offset of the cell's style
};

// One item of the header block (部门 / 预算年度 / 单位) on its line.
struct BlockPiece {
  int line = 0;
  double x = 0;  // from the table's left edge
  text::Line text;
};

struct TablePlan {
  const doc::Table* table = nullptr;
  double width = 0;
  std::vector<double> col_x;  // column boundaries from the table's left edge (cols + 1)
  std::vector<TableCellBox> head, body;
  std::vector<double> head_h, body_h;
  double pad_x = 0, pad_y = 0;
  bool compact = false;  // set at the theme's compact size (a wide table)
  std::vector<text::Line> title, mark;
  std::vector<BlockPiece> block;  // header block (usually one line)
  std::vector<std::vector<text::Line>> notes;

  double title_height = 0;  // title lines + space after
  double block_height = 0;  // header block lines + space after (0 = none)
  double mark_height = 0;   // 续表 line
  double head_height = 0;   // all head rows

  // Height the first page needs: title, header block, head rows and the first `rows` body rows.
  double start_height(int rows) const;
  double total_height() const;
  double notes_height(const Theme& theme) const;
};

// Sets every cell of `t` for a table `width` pt wide.
TablePlan plan_table(const doc::Table& t, Context& ctx, double width);

}  // namespace bp::layout
