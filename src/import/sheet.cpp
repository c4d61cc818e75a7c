#include "import/sheet.hpp"

#include <climits>

namespace bp::import {

namespace {
constexpr int64_t kIndexedMergeCells = 100'000;  // a merge larger than this is checked linearly
constexpr size_t kIndexedCellsTotal =
    4'000'000;  // and so is any merge beyond this many indexed cells
}  // namespace

void Sheet::set(int row, int col, Cell cell) {
  rows_ = std::max(rows_, row + 1);
  cols_ = std::max(cols_, col + 1);
  cells_[{row, col}] = std::move(cell);
}

void Sheet::add_merge(const RangeRef& r) {
  const auto index = static_cast<uint32_t>(merges_.size());
  merges_.push_back(r);
  int64_t area =
      static_cast<int64_t>(r.last.row - r.first.row + 1) * (r.last.col - r.first.col + 1);
  if (area > kIndexedMergeCells ||
      covered_.size() + static_cast<size_t>(area) > kIndexedCellsTotal) {
    big_merges_.push_back(index);
    return;
  }
  for (int row = r.first.row; row <= r.last.row; ++row)
    for (int col = r.first.col; col <= r.last.col; ++col) covered_.emplace(key(row, col), index);
}

const Cell* Sheet::at(int row, int col) const {
  auto it = cells_.find({row, col});
  return it == cells_.end() ? nullptr : &it->second;
}

const RangeRef* Sheet::merge_at(int row, int col) const {
  if (auto it = covered_.find(key(row, col)); it != covered_.end()) return &merges_[it->second];
  for (uint32_t i : big_merges_)
    if (merges_[i].contains(row, col)) return &merges_[i];
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

std::vector<std::pair<int, const Cell*>> Sheet::row_cells(int row) const {
  std::vector<std::pair<int, const Cell*>> out;
  for (auto it = cells_.lower_bound({row, INT_MIN}); it != cells_.end() && it->first.first == row;
       ++it)
    out.emplace_back(it->first.second, &it->second);
  return out;
}

int Sheet::next_row(int row) const {
  auto it = cells_.lower_bound({row, INT_MIN});
  return it == cells_.end() ? rows_ : it->first.first;
}

}  // namespace bp::import
