// A1 cell references of the workbooks we read: "D12" ⇄ zero-based (row, column), ranges "A1:M1",
// and sheet-qualified references for messages ("收入总表!D12", "'My sheet'!A1").
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace bp::import {

struct CellRef {
  int row = 0;  // zero-based
  int col = 0;  // zero-based
  friend bool operator==(const CellRef&, const CellRef&) = default;
};

struct RangeRef {
  CellRef first, last;  // inclusive, first ≤ last
  bool contains(int row, int col) const {
    return row >= first.row && row <= last.row && col >= first.col && col <= last.col;
  }
};

// Excel's limits: 1 048 576 rows, 16 384 columns (XFD).
inline constexpr int kMaxRows = 1 << 20;
inline constexpr int kMaxCols = 1 << 14;

// "A" → 0, "Z" → 25, "AA" → 26, "XFD" → 16383; nullopt for anything else (lower case is accepted).
std::optional<int> parse_column(std::string_view letters);
// "D12" → {11, 3}. Accepts "$D$12". nullopt when malformed or outside Excel's grid.
std::optional<CellRef> parse_cell_ref(std::string_view a1);
// "A1:M1" → the range (corners put in order); a single cell "B2" is a 1×1 range.
std::optional<RangeRef> parse_range_ref(std::string_view a1);

// {11, 3} → "D12".
std::string format_cell_ref(CellRef ref);
// "收入总表!D12"; the name is quoted when Excel would quote it ("'My sheet'!A1", quotes doubled).
std::string qualified_ref(std::string_view sheet, CellRef ref);

}  // namespace bp::import
