// One doc::Table as a <w:tbl>: fixed layout, column widths scaled to the text width, the header
// block as a borderless first row (left / centre / right by tab stops), the head rows (incl. 栏次)
// as repeating header rows (w:tblHeader), spans as w:gridSpan / w:vMerge, no row split across pages
// (w:cantSplit), numbers right-aligned. The title and the notes are paragraphs the caller writes.
#pragma once

#include <pugixml.hpp>

#include "document/document.hpp"
#include "docx/options.hpp"
#include "layout/theme.hpp"

namespace bp::docx {

// Physical column count: column_widths, else the widest row.
int column_count(const doc::Table& t);

// A table written as the continuation of the one before it, in the same <w:tbl> (a project's
// indicator grid after its info rows: one table, one grid, kept together by keepNext).
struct JoinedTable {
  const doc::Table& table;
  const TableFit* fit = nullptr;
};

// Appends the <w:tbl> of `t` (and of `next`, when given, on t's grid) to `body`, `text_width`
// twips wide. `fit` (may be null): the column widths, compact size and head label lines our layout
// chose.
pugi::xml_node write_table(pugi::xml_node body, const doc::Table& t, const layout::Theme& theme,
                           int text_width, const TableFit* fit = nullptr,
                           const JoinedTable* next = nullptr);

}  // namespace bp::docx
