#include "layout/table_grid.hpp"

#include <algorithm>
#include <numeric>

namespace bp::layout {

Grid build_grid(const std::vector<doc::Row>& rows, int cols, const std::string& what) {
  Grid g;
  g.rows = static_cast<int>(rows.size());
  std::vector<std::vector<char>> used(rows.size());
  auto mark = [&](int r, int c) {
    auto& u = used[static_cast<size_t>(r)];
    if (static_cast<int>(u.size()) <= c) u.resize(static_cast<size_t>(c) + 1, 0);
    u[static_cast<size_t>(c)] = 1;
  };
  auto is_used = [&](int r, int c) {
    const auto& u = used[static_cast<size_t>(r)];
    return c < static_cast<int>(u.size()) && u[static_cast<size_t>(c)];
  };
  for (int r = 0; r < g.rows; ++r) {
    int c = 0;
    for (const doc::Cell& cell : rows[static_cast<size_t>(r)].cells) {
      while (is_used(r, c)) ++c;
      int cs = std::max(1, cell.colspan), rs = std::max(1, cell.rowspan);
      rs = std::min(rs, g.rows - r);
      if (cols > 0 && c + cs > cols)
        throw LayoutError(what + ": row " + std::to_string(r + 1) + " has more cells than the " +
                          std::to_string(cols) + " columns of the table");
      for (int dr = 0; dr < rs; ++dr)
        for (int dc = 0; dc < cs; ++dc) mark(r + dr, c + dc);
      g.cells.push_back({r, c, rs, cs, &cell, rows[static_cast<size_t>(r)].role});
      c += cs;
    }
  }
  g.cols = cols;
  if (cols == 0)
    for (const auto& u : used) g.cols = std::max(g.cols, static_cast<int>(u.size()));
  // A row with fewer cells than columns still gets its grid: blank cells fill the free slots.
  static const doc::Cell kBlank;
  for (int r = 0; r < g.rows; ++r)
    for (int c = 0; c < g.cols; ++c)
      if (!is_used(r, c))
        g.cells.push_back({r, c, 1, 1, &kBlank, rows[static_cast<size_t>(r)].role});
  return g;
}

int column_count(const doc::Table& t) {
  if (!t.column_widths.empty()) return static_cast<int>(t.column_widths.size());
  return std::max(build_grid(t.head, 0, t.id).cols, build_grid(t.body, 0, t.id).cols);
}

namespace {

// Raises columns below their minimum, taking the difference from columns above theirs.
void respect_mins(std::vector<double>& w, const std::vector<double>& mins, double total) {
  const double sum_min = std::accumulate(mins.begin(), mins.end(), 0.0);
  if (sum_min >= total) {  // cannot fit: proportional to the minimums
    for (size_t c = 0; c < w.size(); ++c)
      w[c] = sum_min > 0 ? mins[c] * total / sum_min : total / w.size();
    return;
  }
  for (int round = 0; round < 8; ++round) {
    double deficit = 0, slack = 0;
    for (size_t c = 0; c < w.size(); ++c) {
      if (w[c] < mins[c])
        deficit += mins[c] - w[c];
      else
        slack += w[c] - mins[c];
    }
    if (deficit <= 1e-6 || slack <= 1e-6) return;
    const double take = std::min(1.0, deficit / slack);
    for (size_t c = 0; c < w.size(); ++c) {
      if (w[c] < mins[c])
        w[c] = mins[c];
      else
        w[c] -= (w[c] - mins[c]) * take;
    }
  }
}

// Columns whose content would wrap borrow from columns wider than their content (each keeps a
// quarter of its spare width), so that given proportions do not wrap a label needlessly.
void relieve_wrapping(std::vector<double>& w, const std::vector<double>& maxs) {
  double need = 0, spare = 0;
  for (size_t c = 0; c < w.size(); ++c) {
    if (maxs[c] > w[c])
      need += maxs[c] - w[c];
    else
      spare += (w[c] - maxs[c]) * 0.75;
  }
  const double give = std::min(need, spare);
  if (give <= 1e-6) return;
  for (size_t c = 0; c < w.size(); ++c) {
    if (maxs[c] > w[c])
      w[c] += (maxs[c] - w[c]) / need * give;
    else
      w[c] -= (w[c] - maxs[c]) * 0.75 / spare * give;
  }
}

}  // namespace

double ColumnNeeds::min_total() const {
  return std::accumulate(min.begin(), min.end(), 0.0);
}

ColumnNeeds column_needs(int cols, const std::vector<CellExtent>& extents) {
  const size_t n = static_cast<size_t>(std::max(cols, 1));
  ColumnNeeds cn{std::vector<double>(n, 0), std::vector<double>(n, 0)};
  auto& mins = cn.min;
  auto& maxs = cn.max;
  for (const auto& e : extents)
    if (e.colspan == 1) {
      mins[static_cast<size_t>(e.col)] = std::max(mins[static_cast<size_t>(e.col)], e.min);
      maxs[static_cast<size_t>(e.col)] = std::max(maxs[static_cast<size_t>(e.col)], e.max);
    }
  for (const auto& e : extents) {
    if (e.colspan == 1) continue;
    auto first = mins.begin() + e.col, last = first + e.colspan;
    double have_min = std::accumulate(first, last, 0.0);
    if (e.min > have_min)
      for (auto it = first; it != last; ++it) *it += (e.min - have_min) / e.colspan;
    auto mfirst = maxs.begin() + e.col, mlast = mfirst + e.colspan;
    double have_max = std::accumulate(mfirst, mlast, 0.0);
    if (e.max > have_max)
      for (auto it = mfirst; it != mlast; ++it) *it += (e.max - have_max) / e.colspan;
  }
  for (size_t c = 0; c < n; ++c) maxs[c] = std::max(maxs[c], mins[c]);
  return cn;
}

std::vector<double> column_widths(int cols, const std::vector<int>& relative,
                                  const std::vector<CellExtent>& extents, double total) {
  const auto [mins, maxs] = column_needs(cols, extents);
  const size_t n = mins.size();

  std::vector<double> w(n, total / n);
  const long rel_sum = std::accumulate(relative.begin(), relative.end(), 0L);
  if (relative.size() == n && rel_sum > 0) {
    for (size_t c = 0; c < n; ++c) w[c] = total * relative[c] / static_cast<double>(rel_sum);
  } else {
    const double sum_max = std::accumulate(maxs.begin(), maxs.end(), 0.0);
    const double sum_min = std::accumulate(mins.begin(), mins.end(), 0.0);
    if (sum_max <= 0) {
      // no content: equal widths
    } else if (sum_max <= total) {  // everything fits on one line: share the rest equally
      for (size_t c = 0; c < n; ++c) w[c] = maxs[c] + (total - sum_max) / n;
    } else if (sum_min < total) {
      const double f = (total - sum_min) / (sum_max - sum_min);
      for (size_t c = 0; c < n; ++c) w[c] = mins[c] + (maxs[c] - mins[c]) * f;
    }
  }
  respect_mins(w, mins, total);
  relieve_wrapping(w, maxs);
  return w;
}

}  // namespace bp::layout
