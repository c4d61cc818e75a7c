// A worksheet as the importer sees it: the cells that hold something (text exactly as stored) and
// the merged ranges. No styles, no formulas — a formula cell is its cached value.
//
// Lookups stay cheap on hostile sheets (a stray value in XFD1048576, thousands of merges): rows are
// walked through the cells they hold, and merged cells are found through an index of the covered
// cells (ranges too large to index are few and checked one by one).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "import/a1.hpp"

namespace bp::import {

enum class CellKind { Text, Number, Bool, Error };

struct Cell {
  std::string text;  // shared/inline string, or the <v> text of a number ("2075.3600000000001")
  CellKind kind = CellKind::Text;
};

class Sheet {
 public:
  std::string name;

  void set(int row, int col, Cell cell);
  void add_merge(const RangeRef& range);
  const std::vector<RangeRef>& merges() const { return merges_; }

  // The cell itself, nullptr when empty.
  const Cell* at(int row, int col) const;
  // What a reader sees at (row, col): inside a merged range, the range's top-left cell.
  const Cell* shown(int row, int col) const;
  // The merged range containing (row, col), if any.
  const RangeRef* merge_at(int row, int col) const;
  // Text of at()/shown(), empty when there is no cell.
  std::string text(int row, int col) const;
  std::string shown_text(int row, int col) const;
  // The cells of a row, left to right.
  std::vector<std::pair<int, const Cell*>> row_cells(int row) const;
  // The first row ≥ `row` that holds a cell, or rows() when there is none.
  int next_row(int row) const;
  // One past the last row / column that holds a cell.
  int rows() const { return rows_; }
  int cols() const { return cols_; }
  size_t cell_count() const { return cells_.size(); }

 private:
  static uint64_t key(int row, int col) {
    return (static_cast<uint64_t>(row) << 16) | static_cast<uint32_t>(col);
  }
  std::map<std::pair<int, int>, Cell> cells_;
  int rows_ = 0, cols_ = 0;
  std::vector<RangeRef> merges_;
  std::unordered_map<uint64_t, uint32_t> covered_;  // cell → index in merges_
  std::vector<uint32_t> big_merges_;                // not in covered_
};

struct Workbook {
  std::string file;           // for messages
  std::vector<Sheet> sheets;  // in workbook order
};

}  // namespace bp::import
