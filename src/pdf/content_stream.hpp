// A page's content stream from its display list: rules as stroked lines, text as BT … TJ … ET with
// 2-byte hex CIDs (Identity-H) and TJ position adjustments for everything that is not the glyph's
// own /W advance (justification, Han–Latin space, punctuation compression, tabular digits).
#pragma once

#include <map>
#include <string>

#include "layout/page.hpp"
#include "pdf/font_subset.hpp"

namespace bp::pdf {

struct FontRef {
  size_t index = 0;      // order of first use; resource name "F<index+1>"
  std::string resource;  // "F1"
  const text::Font* font = nullptr;
  const FontSubset* subset = nullptr;
};

std::string page_content(const layout::Page& page,
                         const std::map<const text::Font*, FontRef>& fonts);

}  // namespace bp::pdf
