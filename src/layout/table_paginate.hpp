// Pagination of a table's body rows: which rows (or, for a row taller than a page, which slices of
// a row) go on each page. A pure function of the heights, so that it can be tested on its own.
#pragma once

#include <vector>

namespace bp::layout {

// A row (or, for a row taller than a page, a slice [from, to) of it) laid out on one page. Slices
// of a cut row overlap by twice the padding: each slice has its own top and bottom padding, so it
// is `to - from` tall and shows the lines that lie in [from + pad, to - pad].
struct RowPiece {
  int row = 0;
  double from = 0, to = 0;  // pt within the row
};

struct TableChunk {
  std::vector<RowPiece> pieces;
};

// How a row too tall for a page may be cut: at line boundaries (pad + k * pitch).
struct RowCut {
  double pad = 0;
  double pitch = 0;
};

// Keep rules of a table's body (TYPOGRAPHY: keep rules).
struct RowKeeps {
  std::vector<char> with_next;  // row r never ends a page (a 类/款 row before its first child)
  int min_last = 0;             // the last continuation page holds at least this many rows, taken
                                // from the page before when that page keeps as many (or, the
                                // first page, min_first)
  int min_first = 1;
};

// `first_room` = height for body rows on the first page (after title, header block and head rows);
// `next_room` = the same on each continuation page. Whole rows only, except a row taller than the
// room of an empty page, which is cut at line boundaries (a row taller than any page starts on the
// current page if two of its lines fit). Always returns at least one chunk; every chunk holds at
// least one piece when there are rows.
std::vector<TableChunk> paginate_rows(const std::vector<double>& heights,
                                      const std::vector<RowCut>& cuts, double first_room,
                                      double next_room, const RowKeeps& keeps = {});

}  // namespace bp::layout
