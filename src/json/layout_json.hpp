// The layout as JSON (format in docs/layout-json.md): what the layout engine decided, page by page
// — every table cell with its grid position, rectangle and the text of each of its lines, every
// heading, caption and paragraph with its lines and rectangle. It is read from the laid-out
// document (page items, their structure elements and the cell boxes the table drawer records),
// never recomputed, so tests and tools check layout facts instead of guessing them from pdftotext.
#pragma once

#include <string>

#include "document/document.hpp"
#include "layout/page.hpp"

namespace bp {

struct LayoutJsonSource {
  std::string code, name, form;  // the department
  int year = 0;
};

// Byte-deterministic: lengths are rounded to 0.01 pt, everything is in document order.
std::string layout_to_json(const doc::Document& d, const layout::DocumentLayout& lay,
                           const LayoutJsonSource& dept);

}  // namespace bp
