// Page geometry of a DOCX section (from the theme, in twips) and table column widths scaled to it.
#pragma once

#include <vector>

#include "layout/theme.hpp"

namespace bp::docx {

struct PageGeometry {
  bool landscape = false;
  int width = 0, height = 0;                     // w:pgSz (landscape: width > height)
  int top = 0, bottom = 0, left = 0, right = 0;  // w:pgMar
  int header = 0, footer = 0;                    // distance of header/footer from the page edge
  int text_width() const { return width - left - right; }
  int text_height() const { return height - top - bottom; }
};

PageGeometry page_geometry(const layout::Theme& theme, bool landscape);

// Integer twips per column, proportional to `relative` and summing exactly to `total`. Empty or
// all-zero `relative` gives `ncols` equal columns.
std::vector<int> scale_widths(const std::vector<int>& relative, int ncols, int total);

}  // namespace bp::docx
