#include "layout/table_paginate.hpp"

#include <algorithm>
#include <cmath>

namespace bp::layout {

namespace {

bool whole(const RowPiece& p, const std::vector<double>& heights) {
  return p.from <= 1e-6 && p.to >= heights[static_cast<size_t>(p.row)] - 1e-6;
}

bool keeps_with_next(const RowKeeps& k, int row) {
  return static_cast<size_t>(row) < k.with_next.size() && k.with_next[static_cast<size_t>(row)];
}

// A short last page takes rows from the page before (the last rows there, and a 类 row that would
// then end that page with them), when they fit and that page keeps enough rows.
void fill_last_page(std::vector<TableChunk>& chunks, const std::vector<double>& heights,
                    double next_room, const RowKeeps& keeps) {
  if (chunks.size() < 2 || keeps.min_last <= 0) return;
  auto& last = chunks.back().pieces;
  auto& prev = chunks[chunks.size() - 2].pieces;
  const size_t prev_min =
      static_cast<size_t>(std::max(1, chunks.size() == 2 ? keeps.min_first : keeps.min_last));
  double used = 0;
  for (const auto& p : last) used += p.to - p.from;
  for (const auto& p : last)
    if (!whole(p, heights)) return;  // a cut row's slices: the page is full anyway
  while (static_cast<int>(last.size()) < keeps.min_last ||
         (!prev.empty() && keeps_with_next(keeps, prev.back().row))) {
    if (prev.size() <= prev_min || !whole(prev.back(), heights)) return;
    const double h = prev.back().to - prev.back().from;
    if (used + h > next_room + 1e-6) return;
    used += h;
    last.insert(last.begin(), prev.back());
    prev.pop_back();
  }
}

}  // namespace

std::vector<TableChunk> paginate_rows(const std::vector<double>& heights,
                                      const std::vector<RowCut>& cuts, double first_room,
                                      double next_room, const RowKeeps& keeps) {
  constexpr double kEps = 1e-6;
  std::vector<TableChunk> chunks(1);
  double room = first_room;
  double used = 0;
  const int n = static_cast<int>(heights.size());
  int r = 0;
  double offset = 0;  // where the rest of row r starts (0, or a cut minus the padding)
  while (r < n) {
    const double h = heights[static_cast<size_t>(r)];
    const double rest = h - offset;
    if (used + rest <= room + kEps) {
      chunks.back().pieces.push_back({r, offset, h});
      used += rest;
      ++r;
      offset = 0;
      continue;
    }
    const RowCut c = cuts.empty() ? RowCut{} : cuts[static_cast<size_t>(r)];
    const double free = room - used;
    // Cut the row here when the page is empty, or when the row fits on no page anyway and at
    // least two of its lines fit here (no half-empty page before a very tall row).
    const bool cut_here = chunks.back().pieces.empty() || (rest > next_room + kEps && c.pitch > 0 &&
                                                           free >= 2 * c.pad + 2 * c.pitch);
    if (cut_here) {
      double to = offset + free;
      if (c.pitch > 0) {  // whole lines, each piece with its own top and bottom padding
        const double lines = std::floor((free - 2 * c.pad) / c.pitch + kEps);
        if (lines >= 1) to = offset + 2 * c.pad + lines * c.pitch;
      }
      if (to >= h - kEps || to <= offset + kEps) to = h;  // the rest fits, or cannot be cut
      chunks.back().pieces.push_back({r, offset, to});
      if (to >= h) {
        ++r;
        offset = 0;
      } else {
        offset = to - (c.pitch > 0 ? 2 * c.pad : 0);
      }
    }
    if (r < n) {
      // A 类/款 row does not end the page: it moves on with its first child row.
      auto& placed = chunks.back().pieces;
      while (offset <= kEps && placed.size() > 1 && whole(placed.back(), heights) &&
             placed.back().row == r - 1 && keeps_with_next(keeps, placed.back().row)) {
        placed.pop_back();
        --r;
      }
      chunks.emplace_back();
      room = next_room;
      used = 0;
    }
  }
  fill_last_page(chunks, heights, next_room, keeps);
  return chunks;
}

}  // namespace bp::layout
