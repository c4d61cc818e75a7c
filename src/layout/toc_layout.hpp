// The 目录 (ARCHITECTURE hard part 1): entries are laid out first with a reserved page-number
// width, the rest of the document after them; once every anchor has its page, the numbers, dot
// leaders and link areas are filled in. If a number turns out wider than the reservation, the
// caller lays the document out again with more digits reserved.
#pragma once

#include <vector>

#include "document/document.hpp"
#include "layout/flow.hpp"

namespace bp::layout {

struct TocSlot {
  const doc::TocEntry* entry = nullptr;
  size_t page = 0;
  double baseline = 0;                           // of the entry's last line
  double text_end = 0;                           // x where the entry's text ends on that line
  double right = 0;                              // x of the right edge (numbers end here)
  double link_x0 = 0, link_y0 = 0, link_y1 = 0;  // clickable area (to `right`)
  int link = -1;                                 // its Link structure element
};

// Places the 目录 (on a new page) with `reserve_digits` digits kept free for each page number.
std::vector<TocSlot> layout_toc(const doc::Toc& toc, Context& ctx, PageFlow& flow,
                                DocumentLayout& out, int reserve_digits);

// Writes page numbers, dot leaders and links. Returns the number of digits the widest page number
// needs (compare with the reservation). A target that no Heading/Table carries is a LayoutError.
int fill_toc(const std::vector<TocSlot>& slots, Context& ctx, DocumentLayout& out);

}  // namespace bp::layout
