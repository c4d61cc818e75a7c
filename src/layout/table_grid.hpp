// The table's geometry before pagination: the HTML span model resolved into grid slots, and the
// physical column widths (from Table::column_widths, or from the cells' min/max content widths).
#pragma once

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

// Width needs of one cell (padding included).
struct CellExtent {
  int col = 0, colspan = 1;
  double min = 0, max = 0;
};

// Per-column min- and max-content widths (spanning cells spread their excess evenly).
struct ColumnNeeds {
  std::vector<double> min, max;
  double min_total() const;
};
ColumnNeeds column_needs(int cols, const std::vector<CellExtent>& extents);

// Column widths in pt summing to `total`. With `relative` (one entry per column) they are scaled to
// `total`; otherwise the widths follow the content (HTML auto layout: max-content plus an equal
// share of the rest when it fits, else between min- and max-content). Either way no column is
// narrower than its widest unbreakable content while the mins fit in `total`, and a column whose
// content would wrap borrows from columns wider than their content.
std::vector<double> column_widths(int cols, const std::vector<int>& relative,
                                  const std::vector<CellExtent>& extents, double total);

}  // namespace bp::layout
