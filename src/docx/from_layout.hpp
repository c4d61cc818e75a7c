// What the DOCX takes from our own layout engine: it lays the document out exactly as the PDF
// backend does and reads (1) the printed page number of every anchor — the cached results of the
// 目录's PAGEREF fields — (2) each table's column widths and compact type size, so Word shows
// the tables as the PDF does, and (3) the lines it broke each head cell's label into (written with
// explicit breaks). Word paginates on its own: the numbers stand until Word updates the
// fields (settings.xml asks it to on open); LibreOffice shows them as they are.
#pragma once

#include "document/document.hpp"
#include "docx/docx.hpp"
#include "layout/theme.hpp"
#include "text/font_set.hpp"

namespace bp::docx {

// Throws what the layout throws (text::FontError for a missing font family, layout::LayoutError).
// Characters the fonts lack do not matter here (the DOCX embeds no fonts) and are ignored.
Options options_from_layout(const doc::Document& d, const layout::Theme& theme,
                            text::FontSet& fonts);

}  // namespace bp::docx
