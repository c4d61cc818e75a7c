// DOCX tables: spans of a synthetic 2-level header become w:gridSpan / w:vMerge, head rows (incl.
// the header block and 栏次) repeat (w:tblHeader), no row splits (w:cantSplit), numbers go right,
// fixed layout with the relative widths scaled to the text width, landscape sections.
#include <catch2/catch.hpp>

#include <pugixml.hpp>

#include <cstdlib>
#include <numeric>
#include <string>
#include <vector>

#include "document/document.hpp"
#include "docx/body.hpp"
#include "docx/geometry.hpp"
#include "docx/parts.hpp"
#include "layout/theme.hpp"

using namespace bp;

namespace {

doc::Cell cell(std::string text, int colspan = 1, int rowspan = 1) {
  doc::Cell c;
  c.text = std::move(text);
  c.colspan = colspan;
  c.rowspan = rowspan;
  c.align = doc::Align::Center;
  return c;
}

doc::Cell amount(std::string text, int64_t scaled) {
  doc::Cell c = cell(std::move(text));
  c.align = doc::Align::Right;
  c.number = doc::Number{scaled, 2};
  return c;
}

// 序号(rowspan 2) | 收入 (colspan 2) | 合计 (rowspan 2)
//                 | 项目 | 金额      |
// 栏次 | 1 | 2 | 3
doc::Table two_level_table(bool landscape = false) {
  doc::Table t;
  t.id = "t-demo";
  t.anchor = "t-demo";
  t.title = "演示表";
  t.toc_level = 2;
  t.landscape = landscape;
  t.column_widths = {1, 3, 2, 2};
  t.header_block = doc::HeaderBlock{"434 演示部门", "预算年度：2023", "单位：万元"};
  doc::Row r1{{cell("序号", 1, 2), cell("收入", 2), cell("合计", 1, 2)}, doc::RowRole::Head, {}};
  doc::Row r2{{cell("项目"), cell("金额")}, doc::RowRole::Head, {}};
  doc::Row r3{{cell("栏次"), cell("1"), cell("2"), cell("3")}, doc::RowRole::ColumnNumbers, {}};
  t.head = {r1, r2, r3};
  doc::Row b1{{cell("1"), cell("一般公共预算拨款收入"), amount("2075.36", 207536),
               amount("2075.36", 207536)},
              doc::RowRole::Total,
              {}};
  doc::Row b2{{cell("2"), cell("其他收入"), cell(""), cell("")}, doc::RowRole::Item, {}};
  t.body = {b1, b2};
  t.notes = {"注：本表为演示。"};
  return t;
}

doc::Document doc_with(std::vector<doc::Block> blocks) {
  doc::Document d;
  d.meta.title = "演示";
  d.blocks = std::move(blocks);
  return d;
}

struct Parsed {
  pugi::xml_document xml;
  pugi::xml_node body;
};

void parse(Parsed& p, const doc::Document& d, const layout::Theme& theme = layout::Theme{}) {
  const std::string s = docx::document_xml(d, theme, {}, {"rId4", ""});
  REQUIRE(p.xml.load_string(s.c_str()));
  p.body = p.xml.child("w:document").child("w:body");
  REQUIRE(p.body);
}

std::vector<pugi::xml_node> children(pugi::xml_node n, const char* name) {
  std::vector<pugi::xml_node> out;
  for (auto c : n.children(name)) out.push_back(c);
  return out;
}

}  // namespace

TEST_CASE("docx: a 2-level header becomes gridSpan and vMerge", "[docx]") {
  Parsed p;
  parse(p, doc_with({two_level_table()}));
  auto tbl = p.body.child("w:tbl");
  REQUIRE(tbl);
  auto rows = children(tbl, "w:tr");
  REQUIRE(rows.size() == 1 + 3 + 2);  // header block, 2 head rows, 栏次, 2 body rows

  // Row 0: the header block, one cell across the 4 columns, without rules except below.
  auto hb = children(rows[0], "w:tc");
  REQUIRE(hb.size() == 1);
  CHECK(hb[0].child("w:tcPr").child("w:gridSpan").attribute("w:val").as_int() == 4);
  CHECK(std::string(
            hb[0].child("w:tcPr").child("w:tcBorders").child("w:top").attribute("w:val").value()) ==
        "nil");
  CHECK(std::string(hb[0]
                        .child("w:tcPr")
                        .child("w:tcBorders")
                        .child("w:bottom")
                        .attribute("w:val")
                        .value()) == "single");
  std::string hb_text;
  for (auto t : hb[0].select_nodes(".//w:t")) hb_text += t.node().text().get();
  CHECK(hb_text == "434 演示部门预算年度：2023单位：万元");
  CHECK(hb[0].select_nodes(".//w:r/w:tab").size() == 2);

  // Row 1: 序号 (restart) | 收入 (gridSpan 2) | 合计 (restart)
  auto r1 = children(rows[1], "w:tc");
  REQUIRE(r1.size() == 3);
  CHECK(std::string(r1[0].child("w:tcPr").child("w:vMerge").attribute("w:val").value()) ==
        "restart");
  CHECK(r1[1].child("w:tcPr").child("w:gridSpan").attribute("w:val").as_int() == 2);
  CHECK_FALSE(r1[1].child("w:tcPr").child("w:vMerge"));
  CHECK(std::string(r1[2].child("w:tcPr").child("w:vMerge").attribute("w:val").value()) ==
        "restart");

  // Row 2: continuation | 项目 | 金额 | continuation — 4 cells, the covered ones empty.
  auto r2 = children(rows[2], "w:tc");
  REQUIRE(r2.size() == 4);
  for (int i : {0, 3}) {
    auto vm = r2[i].child("w:tcPr").child("w:vMerge");
    REQUIRE(vm);
    CHECK(std::string(vm.attribute("w:val").value()).empty());  // "continue" is the default
    CHECK_FALSE(r2[i].select_node(".//w:t"));
  }
  CHECK(std::string(r2[1].select_node(".//w:t").node().text().get()) == "项目");
  CHECK_FALSE(r2[1].child("w:tcPr").child("w:vMerge"));

  // Row 3: 栏次 with 4 plain cells.
  CHECK(children(rows[3], "w:tc").size() == 4);
}

TEST_CASE("docx: head rows repeat, no row splits, numbers right, fixed widths", "[docx]") {
  const layout::Theme theme;
  Parsed p;
  parse(p, doc_with({two_level_table()}), theme);
  auto tbl = p.body.child("w:tbl");
  auto rows = children(tbl, "w:tr");
  for (size_t r = 0; r < rows.size(); ++r) {
    INFO("row " << r);
    CHECK(rows[r].child("w:trPr").child("w:cantSplit"));
    const bool head = r < 4;  // header block + 2 head rows + 栏次
    CHECK(static_cast<bool>(rows[r].child("w:trPr").child("w:tblHeader")) == head);
  }
  // Repeating header rows must be the first rows, contiguous.
  CHECK(tbl.select_nodes("w:tr[w:trPr/w:tblHeader]").size() == 4);

  // The amount cell of the first body row: right-aligned and bold (合计 row).
  auto body_cells = children(rows[4], "w:tc");
  auto para = body_cells[2].child("w:p");
  CHECK(std::string(para.child("w:pPr").child("w:jc").attribute("w:val").value()) == "right");
  CHECK(para.select_node(".//w:r/w:rPr/w:b"));
  CHECK(std::string(para.select_node(".//w:t").node().text().get()) == "2075.36");

  CHECK(std::string(tbl.child("w:tblPr").child("w:tblLayout").attribute("w:type").value()) ==
        "fixed");
  auto cols = children(tbl.child("w:tblGrid"), "w:gridCol");
  REQUIRE(cols.size() == 4);
  std::vector<int> w;
  for (auto c : cols) w.push_back(c.attribute("w:w").as_int());
  const int text_width = docx::page_geometry(theme, false).text_width();
  CHECK(std::accumulate(w.begin(), w.end(), 0) == text_width);
  CHECK(w[1] == Approx(3 * w[0]).margin(2));
  CHECK(w[2] == Approx(2 * w[0]).margin(2));

  // Notes follow the table as paragraphs.
  auto after = tbl.next_sibling();
  CHECK(std::string(after.name()) == "w:p");
  CHECK(std::string(after.select_node(".//w:t").node().text().get()) == "注：本表为演示。");
}

TEST_CASE("docx: a table title is an outline paragraph with the anchor's bookmark", "[docx]") {
  Parsed p;
  parse(p, doc_with({two_level_table()}));
  auto title = p.body.child("w:p");
  CHECK(std::string(title.child("w:pPr").child("w:pStyle").attribute("w:val").value()) ==
        "TableTitle");
  CHECK(title.child("w:pPr").child("w:outlineLvl").attribute("w:val").as_int() == 1);
  CHECK(std::string(title.child("w:bookmarkStart").attribute("w:name").value()) == "_Toc_t_demo");
  CHECK(title.child("w:bookmarkEnd").attribute("w:id").as_int() ==
        title.child("w:bookmarkStart").attribute("w:id").as_int());
}

TEST_CASE("docx: landscape tables get a landscape section", "[docx]") {
  const layout::Theme theme;
  doc::Paragraph before{{{"前文", false}}, doc::ParaStyle::Body};
  doc::Paragraph after{{{"后文", false}}, doc::ParaStyle::Body};
  doc::Heading h;
  h.level = 2;
  h.text = "宽表之前的标题";
  Parsed p;
  parse(p, doc_with({before, h, two_level_table(true), after}), theme);

  // Sections end in a paragraph's pPr; the last one is the body's own sectPr.
  std::vector<pugi::xml_node> sects;
  for (auto x : p.body.select_nodes(".//w:sectPr")) sects.push_back(x.node());
  REQUIRE(sects.size() == 3);  // portrait (前文) | landscape (heading + table) | portrait (后文)
  auto orient = [](pugi::xml_node s) {
    return std::string(s.child("w:pgSz").attribute("w:orient").value());
  };
  auto w = [](pugi::xml_node s) { return s.child("w:pgSz").attribute("w:w").as_int(); };
  auto h_ = [](pugi::xml_node s) { return s.child("w:pgSz").attribute("w:h").as_int(); };
  CHECK(orient(sects[0]).empty());
  CHECK(w(sects[0]) < h_(sects[0]));
  CHECK(orient(sects[1]) == "landscape");
  CHECK(w(sects[1]) > h_(sects[1]));
  CHECK(w(sects[1]) == h_(sects[0]));
  CHECK(orient(sects[2]).empty());
  CHECK(sects[2].parent() == p.body);

  // The heading before the wide table is on the landscape page: the first sectPr sits in 前文.
  CHECK(std::string(sects[0].parent().parent().select_node(".//w:t").node().text().get()) ==
        "前文");
  // The landscape table is scaled to the landscape text width.
  int sum = 0;
  for (auto c : p.body.child("w:tbl").child("w:tblGrid").children("w:gridCol"))
    sum += c.attribute("w:w").as_int();
  CHECK(sum == docx::page_geometry(theme, true).text_width());
  // A section break already starts the page: no extra page break on the heading.
  CHECK(p.body.select_nodes(".//w:pageBreakBefore").empty());
}

TEST_CASE("docx: page breaks, title page section and numbering restart", "[docx]") {
  doc::TitlePage tp;
  tp.lines = {"2023年部门预算信息公开"};
  tp.department = "演示部门";
  doc::Toc toc;
  toc.title = "目录";
  doc::Heading h1;
  h1.level = 1;
  h1.text = "第一部分";
  h1.new_page = true;
  doc::Paragraph para{{{"正文", false}, {"加粗", true}}, doc::ParaStyle::Body};
  doc::Heading h3;
  h3.level = 3;
  h3.text = "一、小节";
  h3.outline = false;
  Parsed p;
  parse(p, doc_with({tp, toc, h1, para, doc::PageBreak{}, h3}));

  auto sects = p.body.select_nodes(".//w:sectPr");
  REQUIRE(sects.size() == 2);
  auto title_sect = sects[0].node();
  CHECK_FALSE(title_sect.child("w:footerReference"));  // no page number on the title page
  auto main_sect = sects[1].node();
  CHECK(std::string(main_sect.child("w:footerReference").attribute("r:id").value()) == "rId4");
  CHECK(main_sect.child("w:pgNumType").attribute("w:start").as_int() == 1);

  // The 目录 starts the new section (no page break); 第一部分 (new_page) and 一、 (after PageBreak)
  // do.
  auto breaks = p.body.select_nodes(".//w:p[w:pPr/w:pageBreakBefore]");
  REQUIRE(breaks.size() == 2);
  CHECK(std::string(breaks[0].node().select_node(".//w:t").node().text().get()) == "第一部分");
  CHECK(std::string(breaks[1].node().select_node(".//w:t").node().text().get()) == "一、小节");
  // Heading styles by level; outline=false takes the heading out of the navigation pane.
  CHECK(std::string(breaks[0].node().child("w:pPr").child("w:pStyle").attribute("w:val").value()) ==
        "Heading1");
  CHECK(std::string(breaks[1].node().child("w:pPr").child("w:pStyle").attribute("w:val").value()) ==
        "Heading3");
  CHECK(breaks[1].node().child("w:pPr").child("w:outlineLvl").attribute("w:val").as_int() == 9);
  // Bold spans are bold runs.
  auto body_para = p.body.select_node(".//w:p[w:pPr/w:pStyle/@w:val='BodyText']").node();
  REQUIRE(body_para);
  auto runs = children(body_para, "w:r");
  REQUIRE(runs.size() == 2);
  CHECK_FALSE(runs[0].child("w:rPr").child("w:b"));
  CHECK(runs[1].child("w:rPr").child("w:b"));
}

TEST_CASE("docx: two untitled tables in a row stay two tables", "[docx]") {
  doc::Table a = two_level_table(), b = two_level_table();
  a.title.clear();
  b.title.clear();
  a.anchor.clear();
  b.anchor.clear();
  a.notes.clear();
  Parsed p;
  parse(p, doc_with({a, b}));
  for (auto t : p.body.children("w:tbl")) CHECK(std::string(t.next_sibling().name()) == "w:p");
  CHECK(p.body.select_nodes("w:tbl").size() == 2);
}

TEST_CASE("docx: column widths scale exactly", "[docx]") {
  auto w = docx::scale_widths({5, 30, 12, 30, 12}, 5, 9071);
  CHECK(std::accumulate(w.begin(), w.end(), 0) == 9071);
  CHECK(std::abs(w[1] - w[3]) <= 1);
  auto eq = docx::scale_widths({}, 3, 100);
  CHECK(eq == std::vector<int>{33, 34, 33});
}

TEST_CASE("docx: the layout's column widths and compact size are used when given", "[docx]") {
  const layout::Theme theme;
  docx::Options o;
  o.tables[0] = docx::TableFit{{10, 20, 30, 40}, 9};
  const std::string s = docx::document_xml(doc_with({two_level_table()}), theme, o, {"", ""});
  pugi::xml_document x;
  REQUIRE(x.load_string(s.c_str()));
  auto tbl = x.select_node("//w:tbl").node();
  std::vector<int> w;
  for (auto c : tbl.child("w:tblGrid").children("w:gridCol"))
    w.push_back(c.attribute("w:w").as_int());
  REQUIRE(w.size() == 4);
  CHECK(w[3] == Approx(4 * w[0]).margin(2));
  CHECK(w[1] == Approx(2 * w[0]).margin(2));
  // Compact: every text run of the grid at 9 pt, exact pitch 9 × leading; the header block keeps
  // its size.
  auto rows = children(tbl, "w:tr");
  for (size_t r = 1; r < rows.size(); ++r)
    for (auto run : rows[r].select_nodes(".//w:r")) {
      INFO("row " << r);
      CHECK(run.node().child("w:rPr").child("w:sz").attribute("w:val").as_int() == 18);
    }
  CHECK_FALSE(rows[0].select_node(".//w:r/w:rPr/w:sz"));
  auto line = rows[4].select_node(".//w:pPr/w:spacing").node().attribute("w:line").as_int();
  CHECK(line == static_cast<int>(9 * theme.table.cell.leading * 20 + 0.5));
}

TEST_CASE("docx: a caption paragraph above a landscape table goes onto the landscape page",
          "[docx]") {
  doc::Paragraph intro{{{"说明文字", false}}, doc::ParaStyle::Body};
  doc::Paragraph caption{{{"部门政府采购预算", false}}, doc::ParaStyle::TableTitle};
  doc::Table t = two_level_table(true);
  t.title.clear();
  Parsed p;
  parse(p, doc_with({intro, caption, t}));
  // The portrait section ends with the intro, not with the caption.
  auto first = p.body.select_node(".//w:p[w:pPr/w:sectPr]").node();
  REQUIRE(first);
  CHECK(std::string(first.select_node(".//w:t").node().text().get()) == "说明文字");
  CHECK(std::string(p.body.child("w:sectPr").child("w:pgSz").attribute("w:orient").value()) ==
        "landscape");
}

namespace {

// A project's 绩效目标表 as the document tree has it: info rows (keep_with_next) and the indicator
// table (head + rows, kept together) on the same 3 columns.
std::vector<doc::Block> project_pair() {
  doc::Table info;
  info.id = "proj-1-info";
  info.title = "1、示例项目绩效目标表";
  info.column_widths = {1, 1, 2};
  info.keep_together = info.keep_with_next = true;
  info.body = {doc::Row{{cell("项目名称"), cell("示例项目", 2)}, doc::RowRole::Plain, {}},
               doc::Row{{cell("绩效目标"), cell("完成示例", 2)}, doc::RowRole::Plain, {}}};
  doc::Table grid;
  grid.id = "proj-1";
  grid.column_widths = {1, 1, 2};
  grid.keep_together = true;
  grid.head = {
      doc::Row{{cell("一级指标"), cell("指标值"), cell("指标值确定依据")}, doc::RowRole::Head, {}}};
  for (int i = 0; i < 3; ++i)
    grid.body.push_back(
        doc::Row{{cell("产出指标"), cell("100%"), cell("年度计划")}, doc::RowRole::Item, {}});
  return {info, grid};
}

bool keeps_next(pugi::xml_node tr) {
  for (auto p : tr.select_nodes(".//w:p"))
    if (!p.node().child("w:pPr").child("w:keepNext")) return false;
  return true;
}

}  // namespace

TEST_CASE("docx: a project's info rows and indicator grid are one table, kept together", "[docx]") {
  Parsed p;
  parse(p, doc_with(project_pair()));
  auto tables = children(p.body, "w:tbl");
  REQUIRE(tables.size() == 1);  // one w:tbl, no paragraph between the two parts
  auto rows = children(tables[0], "w:tr");
  REQUIRE(rows.size() == 2 + 1 + 3);
  for (size_t r = 0; r < rows.size(); ++r) {
    CHECK(rows[r].child("w:trPr").child("w:cantSplit"));
    CHECK(keeps_next(rows[r]) ==
          (r + 1 < rows.size()));  // every row but the last keeps with the next
    CHECK_FALSE(rows[r].child("w:trPr").child("w:tblHeader"));  // the head is not a leading row
  }
  CHECK(children(tables[0].child("w:tblGrid"), "w:gridCol").size() == 3);
}

TEST_CASE("docx: a project table taller than most of a page keeps only its start together",
          "[docx]") {
  auto blocks = project_pair();
  docx::Options o;
  o.tables[0].page_share = 0.2;
  o.tables[1].page_share = 0.75;  // together 0.95 of a page: Word's taller rows would not fit
  const std::string s = docx::document_xml(doc_with(blocks), layout::Theme{}, o, {"", ""});
  pugi::xml_document x;
  REQUIRE(x.load_string(s.c_str()));
  auto rows = children(x.child("w:document").child("w:body").child("w:tbl"), "w:tr");
  REQUIRE(rows.size() == 6);
  for (size_t r = 0; r < 3; ++r) CHECK(keeps_next(rows[r]));  // info rows and the indicator head
  CHECK(keeps_next(rows[3]));        // the first indicator row stays with the second (theme: 2)
  CHECK_FALSE(keeps_next(rows[4]));  // then the table may break
}

TEST_CASE("docx: a table's last rows keep together so a continuation page holds at least three",
          "[docx]") {
  doc::Table t;
  t.id = "long";
  t.title = "长表";
  t.column_widths = {1, 2};
  t.head = {doc::Row{{cell("项目"), cell("金额")}, doc::RowRole::Head, {}}};
  for (int i = 0; i < 10; ++i)
    t.body.push_back(doc::Row{{cell("行"), cell("1.00")}, doc::RowRole::Item, {}});
  const std::string s =
      docx::document_xml(doc_with({t}), layout::Theme{}, docx::Options{}, {"", ""});
  pugi::xml_document x;
  REQUIRE(x.load_string(s.c_str()));
  auto rows = children(x.child("w:document").child("w:body").child("w:tbl"), "w:tr");
  REQUIRE(rows.size() == 11);
  const size_t tail = static_cast<size_t>(layout::Theme{}.table.min_rows_continued);
  REQUIRE(tail == 3);
  CHECK(keeps_next(rows[0]));        // the head
  CHECK(keeps_next(rows[1]));        // the first body row stays with the second (theme: 2)
  CHECK_FALSE(keeps_next(rows[2]));  // the middle may break …
  CHECK_FALSE(keeps_next(rows[7]));
  CHECK(keeps_next(rows[8]));  // … but not inside the last three rows
  CHECK(keeps_next(rows[9]));
  CHECK_FALSE(keeps_next(rows[10]));
}

TEST_CASE("docx: head labels break where our layout broke them", "[docx]") {
  docx::Options o;
  o.tables[0].head_lines[{1, 1}] = {"收", "入"};  // 收入 over the 项目 column: two lines
  o.tables[0].head_lines[{0, 0}] = {"序号"};      // one line: written as is
  const std::string s =
      docx::document_xml(doc_with({two_level_table()}), layout::Theme{}, o, {"", ""});
  pugi::xml_document x;
  REQUIRE(x.load_string(s.c_str()));
  auto rows = children(x.child("w:document").child("w:body").child("w:tbl"), "w:tr");
  auto r2 = children(rows[2], "w:tc");  // second head row: (序号 continued) | 项目 | 金额 | (合计)
  REQUIRE(r2.size() == 4);
  CHECK(r2[1].select_nodes(".//w:br").size() == 1);
  std::string text;
  for (auto t : r2[1].select_nodes(".//w:t")) text += t.node().text().get();
  CHECK(text == "收入");
  CHECK(children(r2[1], "w:p").size() == 1);
  CHECK(r2[2].select_nodes(".//w:br").empty());
}

TEST_CASE("docx font table: office stand-ins as altName with their PANOSE", "[docx]") {
  layout::Theme theme;
  pugi::xml_document x;
  REQUIRE(x.load_string(docx::font_table_xml(theme).c_str()));
  auto font = [&](const std::string& name) {
    for (auto f : x.child("w:fonts").children("w:font"))
      if (name == f.attribute("w:name").value()) return f;
    return pugi::xml_node();
  };
  auto val = [](pugi::xml_node n, const char* child) {
    return std::string(n.child(child).attribute("w:val").value());
  };
  auto serif = font("Noto Serif CJK SC");
  REQUIRE(serif);
  CHECK(val(serif, "w:altName") == "宋体");
  CHECK(val(serif, "w:panose1") == "02010600030101010101");
  CHECK(val(serif, "w:charset") == "86");
  auto sans = font("Noto Sans CJK SC");
  REQUIRE(sans);
  CHECK(val(sans, "w:altName") == "黑体");
  CHECK(val(font("宋体"), "w:altName") == "SimSun");
  CHECK(val(font("黑体"), "w:altName") == "SimHei");

  theme.office_serif = "FangSong";  // the theme names another stand-in, in English
  REQUIRE(x.load_string(docx::font_table_xml(theme).c_str()));
  CHECK(val(font("Noto Serif CJK SC"), "w:altName") == "FangSong");
  CHECK(val(font("仿宋"), "w:altName") == "FangSong");
}
