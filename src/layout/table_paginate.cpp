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
  double offset = 0;  // part of row r already placed on earlier pages
  while (r < n) {
    const double rest = heights[static_cast<size_t>(r)] - offset;
    if (used + rest <= room + kEps) {
      chunks.back().pieces.push_back({r, offset, heights[static_cast<size_t>(r)]});
      used += rest;
      ++r;
      offset = 0;
      continue;
    }
    if (chunks.back().pieces.empty()) {
      // Taller than the room of an empty page: cut at the last line boundary that fits.
      const RowCut c = cuts.empty() ? RowCut{} : cuts[static_cast<size_t>(r)];
      double to = offset + (room - used);
      if (c.pitch > 0) {
        double lines = std::floor((to - c.pad) / c.pitch + kEps);
        double at_line = c.pad + std::max(0.0, lines) * c.pitch;
        if (at_line > offset + kEps) to = at_line;
      }
      to = std::min(to, heights[static_cast<size_t>(r)]);
      if (to <= offset + kEps) to = heights[static_cast<size_t>(r)];  // cannot cut: overflow
      chunks.back().pieces.push_back({r, offset, to});
      offset = to;
      if (offset >= heights[static_cast<size_t>(r)] - kEps) {
        ++r;
        offset = 0;
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
