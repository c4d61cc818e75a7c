#include "import/sheet.hpp"

namespace bp::import {

void Sheet::set(int row, int col, Cell cell) {
  rows_ = std::max(rows_, row + 1);
  cols_ = std::max(cols_, col + 1);
  cells_[{row, col}] = std::move(cell);
}

const Cell* Sheet::at(int row, int col) const {
  auto it = cells_.find({row, col});
  return it == cells_.end() ? nullptr : &it->second;
}

const RangeRef* Sheet::merge_at(int row, int col) const {
  for (const auto& m : merges)
    if (m.contains(row, col)) return &m;
  return nullptr;
}

const Cell* Sheet::shown(int row, int col) const {
  if (const auto* m = merge_at(row, col)) return at(m->first.row, m->first.col);
  return at(row, col);
}

std::string Sheet::text(int row, int col) const {
  const Cell* c = at(row, col);
  return c ? c->text : std::string();
}

std::string Sheet::shown_text(int row, int col) const {
  const Cell* c = shown(row, col);
  return c ? c->text : std::string();
}

}  // namespace bp::import
