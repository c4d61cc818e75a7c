// The 目录 as a real Word TOC field: the title paragraph, then the field
//   fldChar begin · instrText TOC \o "1-3" \h \z \u · fldChar separate · cached entries · fldChar
//   end
// spanning the entry paragraphs. Each cached entry links to its bookmark and carries a PAGEREF
// field whose cached result is the page number our layout resolved (empty when unknown; Word fills
// it when it updates fields). Entries without a target are group lines without a page number.
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
