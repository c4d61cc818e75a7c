// Inputs of the DOCX writer besides the document and the theme: what our layout engine resolved
// (see from_layout.hpp). Everything is optional; an empty Options gives a complete document whose
// 目录 page numbers Word fills in.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace bp::docx {

// How our layout set a table (so Word shows the same column widths and type size as the PDF).
struct TableFit {
  std::vector<double> widths;  // column widths in pt; scaled to the DOCX text width
  double cell_size = 0;        // pt; > 0 = the table is set compact at this size (a wide table)
  // The lines our layout broke a head cell's label into, by (head row, first column): the DOCX
  // breaks the label at the same places (w:br), so Word's own wrapping cannot leave one character
  // over ("事业收/入"). Labels set on one line are not listed.
  std::map<std::pair<int, int>, std::vector<std::string>> head_lines;
  // Height of the table with its title as a share of a page's text height in our layout. A
  // keep_together table is kept whole in Word only when it takes clearly less than a page
  // (kKeepWholeShare): Word and LibreOffice set rows a little taller than we do, and a table that
  // just fits our page would otherwise push its title onto a page of its own.
  double page_share = 0;
};

inline constexpr double kKeepWholeShare = 0.85;

struct Options {
  // Printed page number of each anchor (Heading/Table::anchor) as our layout resolved it: the
  // cached results of the 目录's PAGEREF fields. Missing anchors get an empty result that Word
  // fills when it updates the fields on open.
  std::map<std::string, int> page_numbers;
  // By block index of doc::Document::blocks. A table without an entry gets its relative
  // Table::column_widths scaled to the text width and the theme's cell size.
  std::map<size_t, TableFit> tables;
};

}  // namespace bp::docx
