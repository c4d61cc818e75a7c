#include "docx/styles.hpp"

#include <algorithm>
#include <cmath>

#include "docx/geometry.hpp"
#include "docx/props.hpp"
#include "docx/units.hpp"
#include "docx/xml.hpp"

namespace bp::docx {

using xml::add;
using xml::add_val;
using xml::attr;

std::string heading_style(int level) {
  return "Heading" + std::to_string(std::clamp(level, 1, 4));
}
std::string toc_style(int level) {
  return "TOC" + std::to_string(std::clamp(level, 1, 9));
}

const char* para_style(doc::ParaStyle s) {
  switch (s) {
    case doc::ParaStyle::Body:
      return style_id::kBody;
    case doc::ParaStyle::Plain:
      return style_id::kPlain;
    case doc::ParaStyle::Label:
      return style_id::kLabel;
    case doc::ParaStyle::TableTitle:
      return style_id::kCaption;
    case doc::ParaStyle::Note:
      return style_id::kNote;
    case doc::ParaStyle::Right:
      return style_id::kRight;
  }
  return style_id::kBody;
}

namespace {

struct StyleDef {
  std::string id;
  std::string name;  // built-in styles keep Word's canonical (English) name
  std::string based_on = style_id::kNormal;
  std::string next;
  int priority = 0;    // w:uiPriority, 0 = not written
  bool quick = false;  // shown in the style gallery
  ParaProps para;
  RunProps run;
};

const char* leader_value(const std::string& theme_leader) {
  if (theme_leader.empty()) return "";
  if (theme_leader == "·" || theme_leader == "•") return "middleDot";
  if (theme_leader == "-") return "hyphen";
  if (theme_leader == "_") return "underscore";
  return "dot";
}

void write_style(pugi::xml_node styles, const StyleDef& d) {
  auto s = add(styles, "w:style");
  attr(s, "w:type", "paragraph");
  if (d.id == style_id::kNormal) attr(s, "w:default", 1);
  attr(s, "w:styleId", d.id);
  add_val(s, "w:name", d.name);
  if (d.id != style_id::kNormal && !d.based_on.empty()) add_val(s, "w:basedOn", d.based_on);
  if (!d.next.empty()) add_val(s, "w:next", d.next);
  if (d.priority) add_val(s, "w:uiPriority", d.priority);
  if (d.quick) add(s, "w:qFormat");
  auto p = fill_ppr(add(s, "w:pPr"), d.para);
  if (!p.first_child()) s.remove_child(p);
  auto r = write_rpr(s, d.run);
  if (!r.first_child()) s.remove_child(r);
}

StyleDef from_theme(const layout::Theme& t, const layout::Style& st, std::string id,
                    std::string name) {
  StyleDef d;
  d.id = std::move(id);
  d.name = std::move(name);
  d.para = para_props(st);
  d.run = run_props(t, st);
  return d;
}

}  // namespace

std::string styles_xml(const layout::Theme& t) {
  pugi::xml_document doc;
  auto root = xml::start(doc, "w:styles");
  attr(root, "xmlns:w", xml::kW);
  attr(root, "xmlns:r", xml::kR);

  // Defaults: the serif family for every script, zh-CN, CJK line breaking (禁则), Han–Latin
  // spacing.
  auto defaults = add(root, "w:docDefaults");
  RunProps base = run_props(t, t.plain);
  base.east_asia_hint = true;
  base.lang = true;
  base.bold.reset();
  write_rpr(add(defaults, "w:rPrDefault"), base);
  ParaProps pbase;
  pbase.widow_control = true;
  pbase.cjk_breaking = true;
  write_ppr(add(defaults, "w:pPrDefault"), pbase);

  std::vector<StyleDef> defs;
  {
    StyleDef normal = from_theme(t, t.plain, style_id::kNormal, "Normal");
    normal.para.widow_control = true;
    normal.para.cjk_breaking = true;
    normal.run.east_asia_hint = true;
    normal.run.lang = true;
    normal.quick = true;
    defs.push_back(normal);
  }
  for (int level = 1; level <= 4; ++level) {
    StyleDef h =
        from_theme(t, t.heading(level), heading_style(level), "heading " + std::to_string(level));
    h.next = style_id::kBody;
    h.priority = 9;
    h.quick = true;
    h.para.keep_next = true;
    h.para.keep_lines = true;
    h.para.outline = level - 1;
    defs.push_back(h);
  }
  {
    // Chinese body text: the first line indented as the theme says (styles.body.indent, in
    // characters of the paragraph's own size; 2 in the shipped themes), as in the PDF.
    StyleDef b = from_theme(t, t.body, style_id::kBody, "Body Text");
    b.quick = true;
    defs.push_back(b);
  }
  defs.push_back(from_theme(t, t.plain, style_id::kPlain, "正文无缩进"));
  defs.push_back(from_theme(t, t.label, style_id::kLabel, "小标签"));
  {
    StyleDef c = from_theme(t, t.caption, style_id::kCaption, "caption");
    c.para.keep_next = true;
    defs.push_back(c);
  }
  defs.push_back(from_theme(t, t.note, style_id::kNote, "注释"));
  defs.push_back(from_theme(t, t.right, style_id::kRight, "右对齐行"));
  {
    StyleDef tt = from_theme(t, t.table_title, style_id::kTableTitle, "表格标题");
    tt.para.keep_next = true;
    tt.para.keep_lines = true;
    tt.quick = true;
    defs.push_back(tt);
  }
  {
    StyleDef hb = from_theme(t, t.table.header_block, style_id::kHeaderBlock, "表头信息行");
    hb.para.align = doc::Align::Left;
    hb.para.keep_next = true;
    defs.push_back(hb);
  }
  for (auto [st, id, name] : {std::tuple{&t.table.head, style_id::kTableHead, "表格表头"},
                              std::tuple{&t.table.cell, style_id::kTableText, "表格文字"}}) {
    StyleDef c = from_theme(t, *st, id, name);
    c.para.widow_control = false;
    c.para.first_line_chars = 0;
    c.para.first_line = 0;
    c.para.before = 0;
    c.para.after = 0;
    defs.push_back(c);
  }
  defs.push_back(from_theme(t, t.table.note, style_id::kTableNote, "表格注释"));
  {
    StyleDef h = from_theme(t, t.toc.title, style_id::kTocHeading, "TOC Heading");
    h.para.outline = 9;  // never in the outline or the TOC itself
    h.next = toc_style(1);
    defs.push_back(h);
  }
  const PageGeometry portrait = page_geometry(t, false);
  const int tab = portrait.text_width();
  for (int level = 1; level <= 3; ++level) {
    StyleDef e = from_theme(t, t.toc.entry, toc_style(level), "toc " + std::to_string(level));
    const double indent_em = (level - 1) * t.toc.level_indent;
    e.para.first_line_chars.reset();
    e.para.first_line.reset();
    if (indent_em > 0) {
      e.para.left_chars = static_cast<int>(std::lround(indent_em * 100));
      e.para.left = twips_from_pt(indent_em * t.toc.entry.size);
    }
    e.para.tabs.push_back({"right", leader_value(t.toc.leader), tab});
    e.priority = 39;
    e.next = style_id::kNormal;
    defs.push_back(e);
  }
  {
    StyleDef g = from_theme(t, t.toc.group, style_id::kTocGroup, "目录分组行");
    g.based_on = toc_style(1);
    g.para.keep_next = true;
    defs.push_back(g);
  }
  defs.push_back(from_theme(t, t.title_page, style_id::kTitlePage, "封面标题"));
  defs.push_back(from_theme(t, t.title_page_small, style_id::kTitlePageSmall, "封面文字"));
  {
    StyleDef h = from_theme(t, t.header, style_id::kHeader, "header");
    h.para.tabs.push_back({"center", "", portrait.text_width() / 2});
    h.para.tabs.push_back({"right", "", portrait.text_width()});
    defs.push_back(h);
    StyleDef f = from_theme(t, t.footer, style_id::kFooter, "footer");
    f.para.tabs = h.para.tabs;
    defs.push_back(f);
  }
  for (const auto& d : defs) write_style(root, d);
  return xml::to_string(doc);
}

}  // namespace bp::docx
