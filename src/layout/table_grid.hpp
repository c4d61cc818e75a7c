// The table's geometry before pagination: the HTML span model resolved into grid slots, and the
// physical column widths (from Table::column_widths, or from the cells' min/max content widths).
#pragma once

#include <functional>
#include <stdexcept>
#include <vector>

#include "document/document.hpp"

namespace bp::layout {

class LayoutError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct GridCell {
  int row = 0, col = 0, rowspan = 1, colspan = 1;
  const doc::Cell* cell = nullptr;
  doc::RowRole role = doc::RowRole::Plain;
};

struct Grid {
  int rows = 0, cols = 0;
  std::vector<GridCell> cells;  // the rows' cells in order, then blank cells for free slots
};

// Places the cells like HTML: each row's cells go left to right into the first free slot, skipping
// slots covered by a rowspan from above. Spans are clipped at the grid's last row. `cols` = 0
// infers the column count; with `cols` > 0 a row that overflows it is a LayoutError naming `what`.
Grid build_grid(const std::vector<doc::Row>& rows, int cols, const std::string& what);

// Number of physical columns: column_widths.size(), or inferred from the rows.
int column_count(const doc::Table& t);

// Width needs of one cell (padding included). For estimating how many lines a cell takes at a
// width: `lines` are the widths of its hard lines (padding excluded), `pad` its padding left +
// right, `em` its type size; `row` numbers the cell's row among all rows the widths serve (-1 =
// not counted, e.g. a cell spanning rows).
struct CellExtent {
  // What the cell is to the width distribution: a body cell; a head cell (its label on one line
  // comes after every body cell's preferred width); or a body cell that says nothing (a zero
  // amount, a dash): a column whose body holds nothing else is empty and gets its floor first.
  enum class Kind : unsigned char { Body, Head, Filler };
  int col = 0, colspan = 1;
  double min = 0, max = 0;
  double term_min = 0;  // widest piece with every budget term whole (≥ min; 0 = min)
  // What the column must give the cell (≥ min; 0 = min): a header label's widest whole term of the
  // budget list (compounds may split between their terms), so 事业收入 is never cut to 事业/收入.
  double hard_min = 0;
  std::vector<double> lines;
  double pad = 0, em = 10.5;
  int row = -1, rowspan = 1;
  Kind kind = Kind::Body;
};

// Per-column min-, hard-, term- and max-content widths (spanning cells spread their excess
// evenly). min ≤ hard ≤ term ≤ max. `body_term` and `body` are the term- and max-content widths
// of the body cells alone (0 in an empty column): hard ≤ max(hard, body_term) ≤ term and
// body ≤ max. `empty`: no body cell of the column says anything (blank, zero amounts, dashes).
struct ColumnNeeds {
  std::vector<double> min, max, term, hard;
  std::vector<double> body_term, body;
  std::vector<char> empty;
  double min_total() const;
  double hard_total() const;
};
ColumnNeeds column_needs(int cols, const std::vector<CellExtent>& extents);

// Column widths in pt summing to `total`, in the manner of CSS automatic table layout and TeX's
// tabulary. The floor of every column: its hard minimum (header labels' whole terms, a compound
// split only between the terms it is made of; body cells' widest word, or more where that would
// strand one character on a last line) when the hard minimums fit in `total`, else its widest word
// (a header term then breaks at a word inside it: the table is too wide for its page). Above the
// floors the columns' wishes are granted in this order (issue 15d): body terms whole; the body
// unwrapped (an EMPTY column — blank, zero amounts, dashes in every body row — wishes no more than
// its floor, its header label on 2–3 lines); header compounds whole; everything on one line. The
// start: `relative` (one entry per column, the profile's weights) scaled to `total`, an empty
// column's share above its floor going to the others; or else the content (the highest level of
// wishes that fits, plus a share of the next). Then no column goes below its floor; a column whose
// body would wrap borrows from columns wider than their body, then a header label that would wrap
// from columns wider than all their content; and width moves between columns while that lowers
// the estimated height of the rows (the sum over rows of their tallest cell's line count), which
// also avoids widths leaving one character on a cell's last line. While the body cannot all have
// its preferred width, an empty column never gets more than its floor. Deterministic.
// `cost`, if given, tells exactly what a cell costs at a width (padding included): its line count
// plus penalties for a line ending inside a term or a word and for a single-character last line
// (the typesetter's Fit); without it the line count is estimated from the hard lines' widths.
// `lines`: the cell's height in lines with the penalties that matter only when the cell is its
// row's tallest; `penalty`: what counts whether or not it is (a single-character last line).
struct CellFit {
  double lines = 0;
  double penalty = 0;
};
using CellCost = std::function<CellFit(size_t extent, double width)>;
std::vector<double> column_widths(int cols, const std::vector<int>& relative,
                                  const std::vector<CellExtent>& extents, double total,
                                  const CellCost& cost = {});

// column_widths with every move of the height descent evaluated (it skips the moves whose change
// of height it knows without evaluating them): the same widths bit for bit, slower. For tests.
std::vector<double> column_widths_full_scan(int cols, const std::vector<int>& relative,
                                            const std::vector<CellExtent>& extents, double total,
                                            const CellCost& cost = {});

// Estimated line count of a cell `width` pt wide (padding included), from its hard lines.
double estimated_lines(const CellExtent& e, double width);

}  // namespace bp::layout
