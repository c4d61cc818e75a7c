#include "layout/table_paginate.hpp"

#include <algorithm>
#include <cmath>

namespace bp::layout {

std::vector<TableChunk> paginate_rows(const std::vector<double>& heights,
                                      const std::vector<RowCut>& cuts, double first_room,
                                      double next_room) {
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
      chunks.emplace_back();
      room = next_room;
      used = 0;
    }
  }
  return chunks;
}

}  // namespace bp::layout
