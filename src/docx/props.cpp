#include "docx/props.hpp"

#include <cmath>

#include "docx/units.hpp"
#include "docx/xml.hpp"

namespace bp::docx {

using xml::add;
using xml::add_val;
using xml::attr;

const char* jc_value(doc::Align a) {
  switch (a) {
    case doc::Align::Left:
      return "left";
    case doc::Align::Center:
      return "center";
    case doc::Align::Right:
      return "right";
    case doc::Align::Justify:
      return "both";
  }
  return "left";
}

pugi::xml_node write_ppr(pugi::xml_node p, const ParaProps& pp) {
  auto pPr = p.first_child() ? p.insert_child_before("w:pPr", p.first_child()) : add(p, "w:pPr");
  return fill_ppr(pPr, pp);
}

pugi::xml_node fill_ppr(pugi::xml_node pPr, const ParaProps& pp) {
  if (!pp.style.empty()) add_val(pPr, "w:pStyle", pp.style);
  if (pp.keep_next) add(pPr, "w:keepNext");
  if (pp.keep_lines) add(pPr, "w:keepLines");
  if (pp.page_break_before) add(pPr, "w:pageBreakBefore");
  if (pp.widow_control) add(pPr, "w:widowControl");
  if (!pp.tabs.empty()) {
    auto tabs = add(pPr, "w:tabs");
    for (const auto& t : pp.tabs) {
      auto tab = add_val(tabs, "w:tab", t.kind);
      if (!t.leader.empty()) attr(tab, "w:leader", t.leader);
      attr(tab, "w:pos", t.pos);
    }
  }
  if (pp.cjk_breaking) {
    add(pPr, "w:kinsoku");
    add_val(pPr, "w:overflowPunct", 0);
    add(pPr, "w:autoSpaceDE");
    add(pPr, "w:autoSpaceDN");
  }
  if (pp.before || pp.after || pp.line) {
    auto sp = add(pPr, "w:spacing");
    if (pp.before) attr(sp, "w:before", *pp.before);
    if (pp.after) attr(sp, "w:after", *pp.after);
    if (pp.line) {
      attr(sp, "w:line", *pp.line);
      attr(sp, "w:lineRule", "exact");
    }
  }
  if (pp.first_line_chars || pp.first_line || pp.left_chars || pp.left) {
    auto ind = add(pPr, "w:ind");
    if (pp.left_chars) attr(ind, "w:leftChars", *pp.left_chars);
    if (pp.left) attr(ind, "w:left", *pp.left);
    if (pp.first_line_chars) attr(ind, "w:firstLineChars", *pp.first_line_chars);
    if (pp.first_line) attr(ind, "w:firstLine", *pp.first_line);
  }
  if (pp.align) add_val(pPr, "w:jc", jc_value(*pp.align));
  if (pp.outline) add_val(pPr, "w:outlineLvl", *pp.outline);
  return pPr;
}

pugi::xml_node write_rpr(pugi::xml_node parent, const RunProps& rp) {
  auto rPr = add(parent, "w:rPr");
  if (!rp.style.empty()) add_val(rPr, "w:rStyle", rp.style);
  if (!rp.font.empty()) {
    auto f = add(rPr, "w:rFonts");
    for (const char* a : {"w:ascii", "w:eastAsia", "w:hAnsi", "w:cs"}) attr(f, a, rp.font);
    if (rp.east_asia_hint) attr(f, "w:hint", "eastAsia");
  }
  if (rp.bold) {
    add_val(rPr, "w:b", *rp.bold ? 1 : 0);
    add_val(rPr, "w:bCs", *rp.bold ? 1 : 0);
  }
  if (rp.half_points) {
    add_val(rPr, "w:sz", *rp.half_points);
    add_val(rPr, "w:szCs", *rp.half_points);
  }
  if (rp.lang) {
    auto l = add_val(rPr, "w:lang", "en-US");
    attr(l, "w:eastAsia", "zh-CN");
  }
  return rPr;
}

const std::string& family(const layout::Theme& t, const layout::FontRole& role, bool bold) {
  return t.family(role, bold);
}

namespace {
doc::Align to_doc_align(text::Align a) {
  switch (a) {
    case text::Align::Left:
      return doc::Align::Left;
    case text::Align::Center:
      return doc::Align::Center;
    case text::Align::Right:
      return doc::Align::Right;
    case text::Align::Justify:
      return doc::Align::Justify;
  }
  return doc::Align::Left;
}
}  // namespace

ParaProps para_props(const layout::Style& s) {
  ParaProps pp;
  pp.before = twips_from_pt(s.space_before * s.size);
  pp.after = twips_from_pt(s.space_after * s.size);
  pp.line = twips_from_pt(s.size * s.leading);
  if (s.indent != 0) {
    pp.first_line_chars = static_cast<int>(std::lround(s.indent * 100));
    pp.first_line = twips_from_pt(s.indent * s.size);
  } else {
    pp.first_line_chars = 0;
    pp.first_line = 0;
  }
  pp.align = to_doc_align(s.align);
  return pp;
}

RunProps run_props(const layout::Theme& t, const layout::Style& s) {
  RunProps rp;
  rp.font = family(t, s.font, s.bold);
  // A role's bold family is the bold as it is (as in the PDF): Word must not embolden it again.
  rp.bold = s.bold && !t.bold_families.count(s.font.name);
  rp.half_points = half_points(s.size);
  return rp;
}

}  // namespace bp::docx
