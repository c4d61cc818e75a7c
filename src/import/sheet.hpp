// A worksheet as the importer sees it: the cells that hold something (text exactly as stored) and
// the merged ranges. No styles, no formulas — a formula cell is its cached value.
#pragma once

#include <map>
#include <string>
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
  std::vector<RangeRef> merges;

  void set(int row, int col, Cell cell);
  // The cell itself, nullptr when empty.
  const Cell* at(int row, int col) const;
  // What a reader sees at (row, col): inside a merged range, the range's top-left cell.
  const Cell* shown(int row, int col) const;
  // The merged range containing (row, col), if any.
  const RangeRef* merge_at(int row, int col) const;
  // Text of at()/shown(), empty when there is no cell.
  std::string text(int row, int col) const;
  std::string shown_text(int row, int col) const;
  // One past the last row / column that holds a cell.
  int rows() const { return rows_; }
  int cols() const { return cols_; }
  size_t cell_count() const { return cells_.size(); }

 private:
  std::map<std::pair<int, int>, Cell> cells_;
  int rows_ = 0, cols_ = 0;
};

struct Workbook {
  std::string file;           // for messages
  std::vector<Sheet> sheets;  // in workbook order
};

}  // namespace bp::import
