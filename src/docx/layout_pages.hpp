// The 目录 page numbers of the DOCX from our own layout engine: lays the document out exactly as
// the PDF backend does and reads the printed page number of every anchor. Word paginates on its
// own; these numbers are the cached field results until Word updates the fields (settings.xml
// asks it to on open), and they are what LibreOffice shows when it converts without updating.
#pragma once

#include <map>
#include <string>

#include "document/document.hpp"
#include "layout/theme.hpp"
#include "text/font_set.hpp"

namespace bp::docx {

// anchor → printed page number (the 目录 page is 1, as in the PDF). Characters the fonts lack do
// not matter here (the DOCX embeds no fonts) and are ignored.
std::map<std::string, int> layout_page_numbers(const doc::Document& d, const layout::Theme& theme,
                                               text::FontSet& fonts);

}  // namespace bp::docx
