// Runs inside a paragraph: text (tabs and line feeds become <w:tab/> and <w:br/>), complex fields
// (fldChar begin / instrText / separate / cached result / end) and bookmarks.
#pragma once

#include <pugixml.hpp>

#include <string_view>

#include "docx/props.hpp"

namespace bp::docx {

// One run holding `text`; `props` may be null.
void add_run(pugi::xml_node parent, std::string_view text, const RunProps* props = nullptr);

// The parts of a complex field, so a field may span paragraphs (the TOC field does).
void add_field_begin(pugi::xml_node parent, std::string_view instr);
void add_field_separate(pugi::xml_node parent);
void add_field_end(pugi::xml_node parent);
// A whole field in `parent` with its cached result ("" = empty result, filled when Word updates).
void add_field(pugi::xml_node parent, std::string_view instr, std::string_view cached,
               const RunProps* props = nullptr);

void add_bookmark_start(pugi::xml_node parent, int id, std::string_view name);
void add_bookmark_end(pugi::xml_node parent, int id);

}  // namespace bp::docx
