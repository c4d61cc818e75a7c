// word/document.xml: every block of the document tree, in order, with sections. A section ends
// where the page orientation changes (landscape tables get landscape pages; a heading or a
// caption paragraph directly above such a table goes with it, as in the PDF) and after the title
// page (which has no page number; numbering starts at 1 on the next page, as in the PDF). Page
// breaks (Heading/Table::new_page, PageBreak) become w:pageBreakBefore on the next paragraph,
// except where a section break already starts a page.
#pragma once

#include <map>
#include <string>

#include "document/document.hpp"
#include "docx/options.hpp"
#include "layout/theme.hpp"

namespace bp::docx {

struct BodyRefs {
  std::string footer_rel;  // relationship id of the footer part ("" = no footer)
  std::string header_rel;  // relationship id of the header part ("" = no header)
  std::string logo_rel;    // relationship id of the title page's logo image ("" = none)
};

std::string document_xml(const doc::Document& d, const layout::Theme& theme, const Options& o,
                         const BodyRefs& refs);

}  // namespace bp::docx
