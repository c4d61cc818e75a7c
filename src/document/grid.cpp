#include "document/grid.hpp"

namespace bp::doc {

std::vector<std::vector<GridSlot>> resolve_grid(const std::vector<Row>& rows, int ncols) {
  std::vector<std::vector<GridSlot>> g(rows.size(), std::vector<GridSlot>(ncols));
  for (size_t r = 0; r < rows.size(); ++r) {
    int c = 0;
    for (const auto& cell : rows[r].cells) {
      while (c < ncols && g[r][c].cell) ++c;
      if (c >= ncols) break;
      for (int dr = 0; dr < cell.rowspan && r + dr < rows.size(); ++dr)
        for (int dc = 0; dc < cell.colspan && c + dc < ncols; ++dc)
          g[r + dr][c + dc] = {static_cast<int>(r), c, &cell};
      c += cell.colspan;
    }
  }
  return g;
}

std::vector<std::string> column_labels(const std::vector<Row>& head, int ncols) {
  auto g = resolve_grid(head, ncols);
  std::vector<std::string> out(ncols);
  for (int c = 0; c < ncols; ++c) {
    const Cell* last = nullptr;
    for (size_t r = 0; r < g.size(); ++r) {
      const Cell* cell = g[r][c].cell;
      if (!cell || cell == last) continue;
      last = cell;
      std::string t;
      for (char ch : cell->text)
        if (ch != ' ') t.push_back(ch);
      if (!t.empty()) out[c] += (out[c].empty() ? "" : "/") + t;
    }
  }
  return out;
}

}  // namespace bp::doc
