// The laid-out document: pages as display lists (positioned glyph lines, rules, link areas), the
// outline and the anchor positions. Coordinates are points from the page's top-left corner, y down;
// the PDF writer flips them. Fonts are referenced, not owned (they live in the FontSet).
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "layout/structure.hpp"
#include "text/typeset.hpp"

namespace bp::layout {

struct TextItem {
  double x = 0, y = 0;                    // baseline origin
  std::vector<text::PlacedGlyph> glyphs;  // glyph x relative to `x`
  int tag = kArtifactLayout;  // structure element (Structure::nodes index) or an artifact kind
  int box = -1;               // Page::boxes index of the table cell the line is set in (-1 = none)
};

// The rectangle a table cell occupies on a page (its part on this page when it runs over pages).
// Not drawn: a layout fact for readers of the layout (layout JSON); the rules draw the grid.
struct BoxItem {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  int node = -1;        // the cell's structure element (TH/TD), even where its text is an artifact
  bool repeat = false;  // a continuation page's repeated head cell or rowspan label
};

struct RuleItem {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double width = 0.5;
};

// A raster image (the title page's logo): a PNG file drawn into the box (top-left corner x, y).
struct ImageItem {
  std::string file;
  double x = 0, y = 0, width = 0, height = 0;
};

struct LinkItem {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // the clickable area
  size_t target_page = 0;
  double target_y = 0;
  int tag = -1;  // the Link structure element the annotation belongs to (-1 = none)
};

struct Page {
  double width = 0, height = 0;  // pt
  bool landscape = false;
  int number = 0;  // printed page number; 0 = unnumbered (title page)
  std::vector<TextItem> text;
  std::vector<RuleItem> rules;
  std::vector<LinkItem> links;
  std::vector<ImageItem> images;  // drawn below the rules and text; artifacts when tagged
  std::vector<BoxItem> boxes;
};

struct Anchor {
  size_t page = 0;
  double y = 0;
};

struct OutlineItem {
  std::string title;
  int level = 1;
  Anchor at;
};

// What the column widths weigh besides the height of the rows: also the looks of the header labels
// (a compound split at the seam of its terms, 一般公共预算/财政拨款, costs half a line), or the
// height alone, at the table's size or at the theme's compact size (小五) — for a table that fits
// on one page only so: a table must not spill onto a second page for its labels' looks (issue 15d).
enum class WidthGoal { Looks, Height, CompactHeight };

struct DocumentLayout {
  std::vector<Page> pages;
  std::vector<OutlineItem> outline;       // document order; levels may skip
  std::map<std::string, Anchor> anchors;  // Heading::anchor / Table::anchor → position
  Structure structure;                    // logical structure (tagged PDF), in reading order
  // Tables set for their height rather than their looks (block index → goal; absent = Looks): a
  // table that fits its page only so. The DOCX plans such a table with the same goal.
  std::map<size_t, WidthGoal> table_goals;
};

}  // namespace bp::layout
