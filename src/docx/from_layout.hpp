// What the DOCX takes from our own layout engine: the department's layout (the very pages the PDF
// is written from, app/layout_output) gives (1) the printed page number of every anchor — the
// cached results of the 目录's PAGEREF fields — (2) each table's column widths and compact type
// size, so Word shows the tables as the PDF does, and (3) the lines it broke each head cell's label
// into (written with explicit breaks). Word paginates on its own: the numbers stand until Word
// updates the fields (settings.xml asks it to on open); LibreOffice shows them as they are.
#pragma once

#include "document/document.hpp"
#include "docx/docx.hpp"
#include "layout/context.hpp"
#include "layout/page.hpp"
#include "layout/theme.hpp"
#include "text/font_set.hpp"

namespace bp::docx {

// Throws what the layout throws (text::FontError for a missing font family, layout::LayoutError).
// Characters the fonts lack do not matter here (the DOCX embeds no fonts) and are ignored.
Options options_from_layout(const doc::Document& d, const layout::Theme& theme,
                            text::FontSet& fonts);

// The same from `d`'s layout `lay`, made with `ctx` (whose theme is the DOCX's): the page numbers
// are read from `lay`; each table's widths are planned again with the digits the DOCX shows
// (layout::Digits::Font, which the PDF's tabular figures do not share), with ctx's shape cache.
Options options_from_layout(const doc::Document& d, const layout::DocumentLayout& lay,
                            layout::Context& ctx);

}  // namespace bp::docx
