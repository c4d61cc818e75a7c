// Resolves the HTML span model of a table's header rows into a rectangular grid, so backends can ask
// "which cell covers (row, col)" and name each physical column by its header path.
#pragma once

#include <string>
#include <vector>

#include "document/document.hpp"

namespace bp::doc {

struct GridSlot {
  int row = -1, col = -1;  // the origin of the covering cell, or -1 if nothing covers the slot
  const Cell* cell = nullptr;
};

// A rows × ncols grid of the given rows (spans resolved).
std::vector<std::vector<GridSlot>> resolve_grid(const std::vector<Row>& rows, int ncols);

// The label of each physical column: the header texts above it from top to bottom, joined by "/"
// (repeated spanning labels once), e.g. "本年收入/小计". Spaces used for letter-spacing are removed.
std::vector<std::string> column_labels(const std::vector<Row>& head, int ncols);

}  // namespace bp::doc
