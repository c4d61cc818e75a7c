// A table prepared for pagination: cells set in their columns (widths from Table::column_widths or
// the content), row heights, title, header block, 续表 mark and notes. Computed once per table, so
// the columns line up on every page.
#pragma once

#include <vector>

#include "document/document.hpp"
#include "layout/context.hpp"
#include "layout/page.hpp"
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
  // A project's info block set on the table's grid as its first rows (above the head, on the
  // first page only): the table of that block, whose title, header block and anchor the plan uses.
  const doc::Table* lead_table = nullptr;
  double width = 0;
  std::vector<double> col_x;  // column boundaries from the table's left edge (cols + 1)
  std::vector<TableCellBox> lead, head, body;
  std::vector<double> lead_h, head_h, body_h;
  double pad_x = 0, pad_y = 0;
  bool compact = false;  // set at the theme's compact size (a wide table)
  std::vector<text::Line> title, mark;
  Style title_style;              // the theme's table_title, or caption for a table inside the text
  std::vector<BlockPiece> block;  // header block (usually one line)
  std::vector<std::vector<text::Line>> notes;

  double title_height = 0;  // title lines + space after
  double block_height = 0;  // header block lines + space after (0 = none)
  double mark_height = 0;   // 续表 line
  double lead_height = 0;   // the lead rows (first page only)
  double head_height = 0;   // all head rows

  // The table that names it (title, header block, anchor, page break): the lead's, if any.
  const doc::Table& top() const { return lead_table ? *lead_table : *table; }
  // Height the first page needs: title, header block, lead rows, head rows and the first `rows`
  // body rows.
  double start_height(int rows) const;
  double total_height() const;
  double notes_height(const Theme& theme) const;
};

// One table of a grid group, with the info block set as its lead rows (or null).
struct GridMember {
  const doc::Table* table = nullptr;
  const doc::Table* lead = nullptr;
};
// Column widths shared by several tables (every project 绩效目标表 of a document): computed from
// all their cells at once, so that their vertical rules line up from one table to the next.
struct SharedGrid {
  std::vector<double> widths;
  bool compact = false;
};
SharedGrid shared_grid(const std::vector<GridMember>& tables, Context& ctx, double width);

// The digits amount cells are measured and set with. The PDF sets the font's tabular (tnum) or
// half-width (hwid) figures; a DOCX carries plain digits, which Word and LibreOffice set at the
// font's default advance (Noto Serif CJK's proportional digits are wider than its hwid ones), so
// the widths handed to a DOCX are measured with those (else "834.36" wraps to "834.3/6" there).
enum class Digits { Tabular, Font };

// WidthGoal (what the column widths weigh besides row heights) is in layout/page.hpp: the
// document's layout reports it per table so that the DOCX sets a table the same way.

// Sets every cell of `t` for a table `width` pt wide, on `grid` if given (else on widths from its
// own content), with `lead`'s body rows (a project's info block) above its head.
TablePlan plan_table(const doc::Table& t, Context& ctx, double width,
                     const SharedGrid* grid = nullptr, const doc::Table* lead = nullptr,
                     Digits digits = Digits::Tabular, WidthGoal goal = WidthGoal::Looks);

}  // namespace bp::layout
