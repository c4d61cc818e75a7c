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

// Appends the <w:tbl> of `t` to `body`, `text_width` twips wide. `fit` (may be null): the column
// widths and compact size our layout chose.
pugi::xml_node write_table(pugi::xml_node body, const doc::Table& t, const layout::Theme& theme,
                           int text_width, const TableFit* fit = nullptr);

}  // namespace bp::docx
