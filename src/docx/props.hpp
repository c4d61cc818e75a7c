// Paragraph and run properties (w:pPr, w:rPr) as plain structs, written in the element order the
// WordprocessingML schema prescribes (Word rejects or silently drops out-of-order properties).
// Used for style definitions and for direct formatting in the body alike.
#pragma once

#include <pugixml.hpp>

#include <optional>
#include <string>
#include <vector>

#include "document/document.hpp"
#include "layout/theme.hpp"

namespace bp::docx {

struct TabStop {
  std::string kind = "left";  // left | center | right
  std::string leader;         // "" | dot | middleDot | hyphen | underscore
  int pos = 0;                // twips from the paragraph's left edge
};

struct ParaProps {
  std::string style;  // w:pStyle
  bool keep_next = false;
  bool keep_lines = false;
  bool page_break_before = false;
  bool widow_control = false;  // writes <w:widowControl/> when set
  std::vector<TabStop> tabs;
  bool cjk_breaking = false;  // kinsoku on, no hanging punctuation, Han–Latin/digit auto spacing
  std::optional<int> before, after;                 // twips
  std::optional<int> line;                          // exact line pitch, twips
  std::optional<int> first_line_chars, first_line;  // first-line indent: 1/100 character, twips
  std::optional<int> left_chars, left;              // left indent: 1/100 character, twips
  std::optional<doc::Align> align;
  std::optional<int> outline;  // w:outlineLvl (0-based; 9 = body text)
};

struct RunProps {
  std::string style;  // w:rStyle
  std::string font;   // one family for ascii, hAnsi, eastAsia and cs
  bool east_asia_hint = false;
  std::optional<bool> bold;
  std::optional<int> half_points;
  bool lang = false;  // w:lang en-US / eastAsia zh-CN
};

// Adds <w:pPr> as the first child of `p` (where the schema wants it) and fills it. Returns it.
pugi::xml_node write_ppr(pugi::xml_node p, const ParaProps& pp);
// Writes the children of an existing <w:pPr> (style definitions). Returns it.
pugi::xml_node fill_ppr(pugi::xml_node pPr, const ParaProps& pp);
// Appends <w:rPr> to `parent` (a run, or a style / pPr / rPrDefault). Returns it.
pugi::xml_node write_rpr(pugi::xml_node parent, const RunProps& rp);

const char* jc_value(doc::Align a);

// Properties of a theme style: spacing (em of its size), exact line pitch, first-line indent,
// align.
ParaProps para_props(const layout::Style& s);
RunProps run_props(const layout::Theme& t, const layout::Style& s);
// The family of a role (bold: the role's bold family when the theme names one; Word emboldens a
// family without a bold face itself).
const std::string& family(const layout::Theme& t, const layout::FontRole& role, bool bold = false);

}  // namespace bp::docx
