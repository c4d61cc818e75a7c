#include "docx/geometry.hpp"

#include <algorithm>
#include <numeric>

#include "docx/units.hpp"

namespace bp::docx {

PageGeometry page_geometry(const layout::Theme& theme, bool landscape) {
  PageGeometry g;
  g.landscape = landscape;
  const int w = twips_from_mm(theme.page_width), h = twips_from_mm(theme.page_height);
  g.width = landscape ? std::max(w, h) : std::min(w, h);
  g.height = landscape ? std::min(w, h) : std::max(w, h);
  const layout::Margins& m = theme.margins(landscape);
  g.top = twips_from_mm(m.top);
  g.bottom = twips_from_mm(m.bottom);
  g.left = twips_from_mm(m.left);
  g.right = twips_from_mm(m.right);
  // The theme gives baselines; Word wants the edge distance of the header/footer box. The
  // baseline distance is a close enough stand-in and keeps the footer inside the bottom margin.
  g.header = std::min(twips_from_mm(theme.header_baseline), g.top);
  g.footer = std::min(twips_from_mm(theme.footer_baseline), g.bottom);
  return g;
}

std::vector<int> scale_widths(const std::vector<int>& relative, int ncols, int total) {
  if (ncols <= 0) return {};
  std::vector<long long> rel(static_cast<size_t>(ncols), 1);
  long long sum = 0;
  for (int c = 0; c < ncols; ++c)
    if (c < static_cast<int>(relative.size()) && relative[c] > 0) rel[c] = relative[c];
  if (std::all_of(relative.begin(), relative.end(), [](int v) { return v <= 0; }))
    std::fill(rel.begin(), rel.end(), 1);
  sum = std::accumulate(rel.begin(), rel.end(), 0LL);
  std::vector<int> out(static_cast<size_t>(ncols));
  // Cumulative rounding: column c ends at round(total * prefix / sum), so the sum is exact and
  // no column drifts by more than one twip.
  long long prefix = 0;
  int prev = 0;
  for (int c = 0; c < ncols; ++c) {
    prefix += rel[c];
    int end = static_cast<int>((2 * total * prefix + sum) / (2 * sum));
    out[c] = end - prev;
    prev = end;
  }
  return out;
}

}  // namespace bp::docx
