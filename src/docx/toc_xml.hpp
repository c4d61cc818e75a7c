// The 目录: the title paragraph, then one paragraph per entry that links to its bookmark and
// carries a PAGEREF field, whose cached result is the page number our layout resolved (empty when
// unknown). Entries without a target are group lines without a page number.
//
// The entries are not wrapped in a TOC field: LibreOffice imports a TOC field as a static index
// and shows its cached numbers, which are our PDF's pages, not the pages LibreOffice lays the
// headings out on (its line breaking differs). A PAGEREF outside a TOC field is a live reference
// in LibreOffice (computed from its own layout) and in Word (updated with the other fields when the
// file is opened, settings.xml w:updateFields). A document without entries gets an empty TOC field
// that Word fills.
#pragma once

#include <pugixml.hpp>

#include <map>
#include <string>

#include "document/document.hpp"
#include "docx/bookmarks.hpp"

namespace bp::docx {

inline constexpr const char* kTocInstruction = "TOC \\o \"1-3\" \\h \\z \\u";

// Appends the title and entry paragraphs to `body`. `page_break_before`: the title starts a page.
void write_toc(pugi::xml_node body, const doc::Toc& toc, const Bookmarks& bookmarks,
               const std::map<std::string, int>& page_numbers, bool page_break_before);

}  // namespace bp::docx
