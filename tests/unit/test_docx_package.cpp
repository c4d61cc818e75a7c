// DOCX styles, 目录 field, package parts and determinism: heading styles with outline levels, the
// 2-character first-line indent, East Asian fonts from the theme, CJK line breaking; the TOC field
// with PAGEREF entries; fixed zip order and timestamps; same input → same bytes.
#include <catch2/catch.hpp>

#include <zip.h>
#include <pugixml.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "document/document.hpp"
#include "docx/bookmarks.hpp"
#include "docx/docx.hpp"
#include "docx/styles.hpp"
#include "docx/zip_package.hpp"
#include "layout/theme.hpp"

using namespace bp;

namespace {

pugi::xml_node style_node(const pugi::xml_document& d, const std::string& id) {
  return d.child("w:styles").find_child_by_attribute("w:style", "w:styleId", id.c_str());
}

std::string val(pugi::xml_node n) {
  return n.attribute("w:val").value();
}

doc::Document sample() {
  doc::Document d;
  d.meta.title = "演示部门2023年部门预算信息公开";
  d.meta.author = "演示部门";
  d.meta.epoch = 1700000000;
  doc::Toc toc;
  toc.title = "2023年部门预算信息公开目录";
  toc.entries = {{"第一部分 部门预算", 1, ""},
                 {"部门预算收支总表", 2, "t1-summary"},
                 {"一、部门职责及机构设置情况", 2, "sec-1"}};
  doc::Heading h;
  h.level = 3;
  h.text = "一、部门职责及机构设置情况";
  h.anchor = "sec-1";
  doc::Table t;
  t.title = "部门预算收支总表";
  t.anchor = "t1-summary";
  t.toc_level = 2;
  t.column_widths = {1, 1};
  t.head = {{{{"项目"}, {"金额"}}, doc::RowRole::Head, {}}};
  t.body = {{{{"合计"}, {"1.00"}}, doc::RowRole::Total, {}}};
  d.blocks = {toc, t, h};
  return d;
}

std::map<std::string, std::string> parts_of(const std::vector<docx::ZipEntry>& v) {
  std::map<std::string, std::string> m;
  for (const auto& e : v) m[e.name] = e.bytes;
  return m;
}

// Entries (name, content) read back with libzip.
struct ZipInfo {
  std::string name;
  std::string content;
};
std::vector<ZipInfo> read_zip(const std::string& bytes) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  REQUIRE(src);
  zip_t* za = zip_open_from_source(src, ZIP_RDONLY, &err);
  REQUIRE(za);
  std::vector<ZipInfo> out;
  for (zip_int64_t i = 0; i < zip_get_num_entries(za, 0); ++i) {
    ZipInfo z;
    z.name = zip_get_name(za, static_cast<zip_uint64_t>(i), 0);
    zip_stat_t st;
    zip_stat_index(za, static_cast<zip_uint64_t>(i), 0, &st);
    zip_file_t* f = zip_fopen_index(za, static_cast<zip_uint64_t>(i), 0);
    z.content.resize(st.size);
    zip_fread(f, z.content.data(), st.size);
    zip_fclose(f);
    out.push_back(z);
  }
  zip_close(za);
  zip_error_fini(&err);
  return out;
}

// Children of a properties element must follow the schema's sequence (ECMA-376 Part 1, §17):
// Word refuses or ignores out-of-order properties.
const std::map<std::string, std::vector<std::string>> kOrder = {
    {"w:pPr",
     {"w:pStyle",
      "w:keepNext",
      "w:keepLines",
      "w:pageBreakBefore",
      "w:framePr",
      "w:widowControl",
      "w:numPr",
      "w:suppressLineNumbers",
      "w:pBdr",
      "w:shd",
      "w:tabs",
      "w:suppressAutoHyphens",
      "w:kinsoku",
      "w:wordWrap",
      "w:overflowPunct",
      "w:topLinePunct",
      "w:autoSpaceDE",
      "w:autoSpaceDN",
      "w:bidi",
      "w:adjustRightInd",
      "w:snapToGrid",
      "w:spacing",
      "w:ind",
      "w:contextualSpacing",
      "w:mirrorIndents",
      "w:suppressOverlap",
      "w:jc",
      "w:textDirection",
      "w:textAlignment",
      "w:textboxTightWrap",
      "w:outlineLvl",
      "w:divId",
      "w:cnfStyle",
      "w:rPr",
      "w:sectPr",
      "w:pPrChange"}},
    {"w:rPr",
     {"w:rStyle",         "w:rFonts",    "w:b",       "w:bCs",        "w:i",        "w:iCs",
      "w:caps",           "w:smallCaps", "w:strike",  "w:dstrike",    "w:outline",  "w:shadow",
      "w:emboss",         "w:imprint",   "w:noProof", "w:snapToGrid", "w:vanish",   "w:webHidden",
      "w:color",          "w:spacing",   "w:w",       "w:kern",       "w:position", "w:sz",
      "w:szCs",           "w:highlight", "w:u",       "w:effect",     "w:bdr",      "w:shd",
      "w:fitText",        "w:vertAlign", "w:rtl",     "w:cs",         "w:em",       "w:lang",
      "w:eastAsianLayout"}},
    {"w:tblPr",
     {"w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
      "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders",
      "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook"}},
    {"w:tcPr",
     {"w:cnfStyle", "w:tcW", "w:gridSpan", "w:hMerge", "w:vMerge", "w:tcBorders", "w:shd",
      "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark"}},
    {"w:tcBorders", {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"}},
    {"w:tblBorders", {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"}},
    {"w:tblCellMar", {"w:top", "w:left", "w:bottom", "w:right"}},
    {"w:tcMar", {"w:top", "w:left", "w:bottom", "w:right"}},
    {"w:sectPr",
     {"w:headerReference",
      "w:footerReference",
      "w:footnotePr",
      "w:endnotePr",
      "w:type",
      "w:pgSz",
      "w:pgMar",
      "w:paperSrc",
      "w:pgBorders",
      "w:lnNumType",
      "w:pgNumType",
      "w:cols",
      "w:formProt",
      "w:vAlign",
      "w:noEndnote",
      "w:titlePg",
      "w:textDirection",
      "w:bidi",
      "w:rtlGutter",
      "w:docGrid"}},
    {"w:style",
     {"w:name", "w:aliases", "w:basedOn", "w:next", "w:link", "w:autoRedefine", "w:hidden",
      "w:uiPriority", "w:semiHidden", "w:unhideWhenUsed", "w:qFormat", "w:locked", "w:personal",
      "w:rsid", "w:pPr", "w:rPr", "w:tblPr", "w:trPr", "w:tcPr"}},
    {"w:tc", {"w:tcPr", "w:p", "w:tbl"}},
    {"w:tbl", {"w:tblPr", "w:tblGrid", "w:tr"}},
    {"w:tr", {"w:trPr", "w:tc"}},
};

// Every element listed in kOrder has its children in schema order, and only known children.
void check_order(pugi::xml_node n) {
  auto it = kOrder.find(n.name());
  if (it != kOrder.end()) {
    const auto& seq = it->second;
    size_t pos = 0;
    for (auto c : n.children()) {
      if (c.type() != pugi::node_element) continue;
      auto at = std::find(seq.begin(), seq.end(), std::string(c.name()));
      INFO(n.name() << " > " << c.name());
      REQUIRE(at != seq.end());
      const size_t k = static_cast<size_t>(at - seq.begin());
      CHECK(k >= pos);
      pos = k;
    }
  }
  for (auto c : n.children())
    if (c.type() == pugi::node_element) check_order(c);
}

}  // namespace

TEST_CASE("docx styles: headings with outline levels, body indent, CJK fonts and breaking",
          "[docx]") {
  layout::Theme theme;
  theme.serif = "Test Serif SC";
  theme.sans = "Test Sans SC";
  pugi::xml_document d;
  REQUIRE(d.load_string(docx::styles_xml(theme).c_str()));

  for (int level = 1; level <= 4; ++level) {
    INFO("heading " << level);
    auto s = style_node(d, "Heading" + std::to_string(level));
    REQUIRE(s);
    CHECK(std::string(s.child("w:name").attribute("w:val").value()) ==
          "heading " + std::to_string(level));
    CHECK(s.child("w:pPr").child("w:outlineLvl").attribute("w:val").as_int() == level - 1);
    CHECK(s.child("w:pPr").child("w:keepNext"));
    const std::string expect =
        theme.heading(level).font == layout::FontRole::Sans ? "Test Sans SC" : "Test Serif SC";
    CHECK(std::string(s.child("w:rPr").child("w:rFonts").attribute("w:eastAsia").value()) ==
          expect);
    CHECK(s.child("w:rPr").child("w:sz").attribute("w:val").as_int() ==
          static_cast<int>(theme.heading(level).size * 2 + 0.5));
  }
  auto body = style_node(d, "BodyText");
  REQUIRE(body);
  CHECK(body.child("w:pPr").child("w:ind").attribute("w:firstLineChars").as_int() == 200);
  CHECK(val(body.child("w:pPr").child("w:jc")) == "both");
  CHECK(std::string(body.child("w:rPr").child("w:rFonts").attribute("w:eastAsia").value()) ==
        "Test Serif SC");

  auto defaults = d.child("w:styles").child("w:docDefaults");
  auto fonts = defaults.child("w:rPrDefault").child("w:rPr").child("w:rFonts");
  CHECK(std::string(fonts.attribute("w:eastAsia").value()) == "Test Serif SC");
  CHECK(std::string(fonts.attribute("w:ascii").value()) == "Test Serif SC");
  CHECK(std::string(defaults.select_node(".//w:lang").node().attribute("w:eastAsia").value()) ==
        "zh-CN");
  auto ppr = defaults.child("w:pPrDefault").child("w:pPr");
  CHECK(ppr.child("w:kinsoku"));
  CHECK(ppr.child("w:autoSpaceDE"));
  CHECK(ppr.child("w:autoSpaceDN"));

  for (const char* id : {"TableTitle", "TableNote", "HeaderBlock", "TableHead", "TableText", "TOC1",
                         "TOC2", "TOCHeading", "Footer", "Caption", "Note"})
    CHECK(style_node(d, id));
  // Exactly one default paragraph style.
  CHECK(d.select_nodes("//w:style[@w:default='1']").size() == 1);
  // TOC entries: right tab with dot leader at the text width.
  auto tab = style_node(d, "TOC2").child("w:pPr").child("w:tabs").child("w:tab");
  CHECK(val(tab) == "right");
  CHECK(std::string(tab.attribute("w:leader").value()) == "dot");
}

TEST_CASE("docx 目录: entries with live PAGEREF fields and cached page numbers", "[docx]") {
  const doc::Document d = sample();
  docx::Options o;
  o.page_numbers = {{"t1-summary", 2}};  // sec-1 unknown: empty cached result
  auto parts = parts_of(docx::build_parts(d, layout::Theme{}, o));
  pugi::xml_document x;
  REQUIRE(x.load_string(parts.at("word/document.xml").c_str()));

  std::vector<std::string> instr;
  for (auto n : x.select_nodes("//w:instrText")) instr.push_back(n.node().text().get());
  // No TOC field around the entries: LibreOffice would show a TOC field's cached numbers (our
  // PDF's pages) instead of computing the PAGEREFs from its own layout (toc_xml.hpp).
  REQUIRE(instr.size() == 2);
  CHECK(instr[0] == " PAGEREF _Toc_t1_summary \\h ");
  CHECK(instr[1] == " PAGEREF _Toc_sec_1 \\h ");
  // begin/separate/end balanced: 2 fields, each inside its entry's hyperlink.
  CHECK(x.select_nodes("//w:fldChar[@w:fldCharType='begin']").size() == 2);
  CHECK(x.select_nodes("//w:fldChar[@w:fldCharType='separate']").size() == 2);
  CHECK(x.select_nodes("//w:fldChar[@w:fldCharType='end']").size() == 2);
  CHECK(x.select_nodes("//w:hyperlink//w:fldChar").size() == 6);

  auto links = x.select_nodes("//w:hyperlink");
  REQUIRE(links.size() == 2);
  CHECK(std::string(links[0].node().attribute("w:anchor").value()) == "_Toc_t1_summary");
  // Cached number of the first entry is our layout's 2; the second is empty but updatable.
  std::string first;
  for (auto t : links[0].node().select_nodes(".//w:t")) first += t.node().text().get();
  CHECK(first == "部门预算收支总表2");
  std::string second;
  for (auto t : links[1].node().select_nodes(".//w:t")) second += t.node().text().get();
  CHECK(second == "一、部门职责及机构设置情况");
  // The group line has no link and no number.
  auto group = x.select_node("//w:p[w:pPr/w:pStyle/@w:val='TOCGroup']").node();
  REQUIRE(group);
  CHECK_FALSE(group.child("w:hyperlink"));
  // Every PAGEREF target is a bookmark in the body.
  for (const char* name : {"_Toc_t1_summary", "_Toc_sec_1"}) {
    INFO(name);
    CHECK(
        x.select_nodes((std::string("//w:bookmarkStart[@w:name='") + name + "']").c_str()).size() ==
        1);
  }

  pugi::xml_document settings;
  REQUIRE(settings.load_string(parts.at("word/settings.xml").c_str()));
  CHECK(val(settings.child("w:settings").child("w:updateFields")) == "1");
}

TEST_CASE("docx bookmarks: Word-safe, unique names", "[docx]") {
  CHECK(docx::Bookmarks::word_name("t1-summary") == "_Toc_t1_summary");
  CHECK(docx::Bookmarks::word_name(std::string(60, 'a')).size() == 40);
  doc::Document d;
  doc::Heading a, b;
  a.anchor = "x-1";
  b.anchor = "x_1";
  d.blocks = {a, b};
  docx::Bookmarks bm(d);
  CHECK(bm.name("x-1") == "_Toc_x_1");
  CHECK(bm.name("x_1") == "_Toc_x_1_2");
  CHECK(bm.name("nope").empty());
}

TEST_CASE("docx package: parts, core properties, footer PAGE field", "[docx]") {
  const doc::Document d = sample();
  auto list = docx::build_parts(d, layout::Theme{}, {});
  REQUIRE(list.front().name == "[Content_Types].xml");
  auto parts = parts_of(list);
  for (const auto& [name, bytes] : parts) {
    INFO(name);
    pugi::xml_document x;
    CHECK(x.load_string(bytes.c_str()));
    CHECK(bytes.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>", 0) == 0);
  }
  pugi::xml_document core;
  REQUIRE(core.load_string(parts.at("docProps/core.xml").c_str()));
  auto cp = core.child("cp:coreProperties");
  CHECK(std::string(cp.child_value("dc:title")) == "演示部门2023年部门预算信息公开");
  CHECK(std::string(cp.child_value("dc:creator")) == "演示部门");
  CHECK(std::string(cp.child_value("dcterms:created")) == "2023-11-14T22:13:20Z");

  pugi::xml_document footer;
  REQUIRE(footer.load_string(parts.at("word/footer1.xml").c_str()));
  CHECK(std::string(footer.select_node("//w:instrText").node().text().get()) == " PAGE ");
  CHECK(val(footer.select_node("//w:jc").node()) == "center");
  // Every override in [Content_Types].xml names a part that exists, and vice versa for XML parts.
  pugi::xml_document ct;
  REQUIRE(ct.load_string(parts.at("[Content_Types].xml").c_str()));
  int overrides = 0;
  for (auto o : ct.child("Types").children("Override")) {
    ++overrides;
    CHECK(parts.count(std::string(o.attribute("PartName").value()).substr(1)) == 1);
  }
  CHECK(overrides == static_cast<int>(parts.size()) - 3);  // not: content types, 2 × .rels
}

TEST_CASE("docx XML: properties in schema order in every part", "[docx]") {
  doc::Document d = sample();
  doc::TitlePage tp;
  tp.lines = {"封面"};
  tp.department = "演示部门";
  doc::Table wide = std::get<doc::Table>(d.blocks[1]);
  wide.landscape = true;
  wide.header_block = doc::HeaderBlock{"左", "中", "右"};
  wide.notes = {"注"};
  wide.head[0].cells[0].rowspan = 2;
  wide.head.push_back({{{"栏次1"}}, doc::RowRole::ColumnNumbers, {}});
  wide.body[0].cells[0].indent_em = 2;
  d.blocks.insert(d.blocks.begin(), tp);
  d.blocks.push_back(doc::Paragraph{{{"正文", true}}, doc::ParaStyle::Body});
  d.blocks.push_back(doc::PageBreak{});
  d.blocks.push_back(wide);
  layout::Theme theme;
  theme.header_text = "{title}";
  for (const auto& e : docx::build_parts(d, theme, {})) {
    INFO(e.name);
    pugi::xml_document x;
    REQUIRE(x.load_string(e.bytes.c_str()));
    check_order(x.document_element());
  }
}

TEST_CASE("docx determinism: same input → same bytes; entries in fixed order", "[docx]") {
  const doc::Document d = sample();
  docx::Options o;
  o.page_numbers = {{"t1-summary", 2}, {"sec-1", 3}};
  const std::string a = docx::render_docx(d, layout::Theme{}, o);
  const std::string b = docx::render_docx(d, layout::Theme{}, o);
  CHECK(a == b);
  doc::Document later = d;
  later.meta.epoch += 86400;
  CHECK(docx::render_docx(later, layout::Theme{}, o) != a);

  auto entries = read_zip(a);
  std::vector<std::string> names;
  for (const auto& e : entries) names.push_back(e.name);
  CHECK(names == std::vector<std::string>{
                     "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
                     "word/document.xml", "word/styles.xml", "word/settings.xml",
                     "word/fontTable.xml", "word/footer1.xml", "word/_rels/document.xml.rels"});
  auto parts = parts_of(docx::build_parts(d, layout::Theme{}, o));
  for (const auto& e : entries) CHECK(e.content == parts.at(e.name));
}

TEST_CASE("docx zip: DOS timestamps from the epoch in UTC, clamped to 1980", "[docx]") {
  auto t = docx::dos_time(1700000000);  // 2023-11-14 22:13:20 UTC
  CHECK(t.date == (((2023 - 1980) << 9) | (11 << 5) | 14));
  CHECK(t.time == ((22 << 11) | (13 << 5) | (20 / 2)));
  auto z = docx::dos_time(0);
  CHECK(z.date == ((0 << 9) | (1 << 5) | 1));
  CHECK(z.time == 0);
  // The local headers carry exactly these values (offsets 10..13 of each "PK\3\4" header).
  const std::string bytes = docx::zip_entries({{"a.xml", "<a/>"}, {"b.xml", "<b/>"}}, 1700000000);
  size_t headers = 0;
  for (size_t p = bytes.find("PK\x03\x04"); p != std::string::npos;
       p = bytes.find("PK\x03\x04", p + 4)) {
    auto u16 = [&](size_t off) {
      return static_cast<uint16_t>(static_cast<unsigned char>(bytes[p + off]) |
                                   (static_cast<unsigned char>(bytes[p + off + 1]) << 8));
    };
    CHECK(u16(10) == t.time);
    CHECK(u16(12) == t.date);
    ++headers;
  }
  CHECK(headers == 2);
}
