// import: reading SpreadsheetML packages — shared/inline/rich strings, numbers, formulas' cached
// values, merges, implied cell positions, prefixed elements, and the errors of broken packages.
#include <catch2/catch.hpp>

#include "docx/zip_package.hpp"
#include "import/xlsx_read.hpp"

using namespace bp::import;

namespace {

const char* kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const char* kRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

std::string rels(const std::string& body) {
  return R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)" +
         body + "</Relationships>";
}
std::string rel(const std::string& id, const std::string& type, const std::string& target) {
  return R"(<Relationship Id=")" + id +
         R"(" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/)" + type +
         R"(" Target=")" + target + R"("/>)";
}

// A workbook of two sheets; the second is listed first in workbook.xml.
std::vector<bp::docx::ZipEntry> parts() {
  std::string wb =
      std::string(R"(<?xml version="1.0"?><workbook xmlns=")") + kMain + R"(" xmlns:r=")" + kRel +
      R"("><sheets><sheet name="表二" sheetId="2" r:id="rId2"/><sheet name="收入 总表" sheetId="1" r:id="rId1"/></sheets></workbook>)";
  std::string sst =
      std::string(R"(<?xml version="1.0"?><sst xmlns=")") + kMain + R"(">)" +
      R"(<si><t>部门预算收入总表</t></si>)"
      R"(<si><r><rPr><b/></rPr><t>单位：</t></r><r><t xml:space="preserve">万元</t></r><rPh sb="0" eb="1"><t>タンイ</t></rPh></si>)"
      R"(<si><t>行一_x000D_行二</t></si>)"
      R"(</sst>)";
  std::string s1 =
      std::string(R"(<?xml version="1.0"?><worksheet xmlns=")") + kMain + R"("><sheetData>)" +
      R"(<row r="1"><c r="A1" t="s"><v>0</v></c></row>)"
      R"(<row r="2"><c r="A2" t="s"><v>1</v></c><c r="C2" t="s"><v>2</v></c></row>)"
      R"(<row r="4"><c r="A4"><v>2075.3600000000001</v></c><c t="inlineStr"><is><t> 1,234.50 </t></is></c>)"
      R"(<c><f>SUM(A4:B4)</f><v>3309.86</v></c><c r="F4" t="str"><f>"a"&amp;"b"</f><v>ab</v></c></row>)"
      R"(<row><c r="A5" t="b"><v>1</v></c><c r="B5" t="e"><v>#DIV/0!</v></c><c r="C5"/><c r="D5" t="s"/></row>)"
      R"(</sheetData><mergeCells count="1"><mergeCell ref="A1:F1"/></mergeCells></worksheet>)";
  std::string s2 =
      std::string(R"(<?xml version="1.0"?><x:worksheet xmlns:x=")") + kMain +
      R"("><x:sheetData><x:row r="3"><x:c r="B3" t="inlineStr"><x:is><x:r><x:t>富</x:t></x:r><x:r><x:t>文本</x:t></x:r></x:is></x:c></x:row></x:sheetData></x:worksheet>)";
  return {
      {"[Content_Types].xml",
       R"(<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>)"},
      {"_rels/.rels", rels(rel("rId1", "officeDocument", "xl/workbook.xml"))},
      {"xl/workbook.xml", wb},
      {"xl/_rels/workbook.xml.rels",
       rels(rel("rId1", "worksheet", "worksheets/a.xml") +
            rel("rId2", "worksheet", "/xl/worksheets/../worksheets/b.xml") +
            rel("rId3", "sharedStrings", "sharedStrings.xml"))},
      {"xl/sharedStrings.xml", sst},
      {"xl/worksheets/a.xml", s1},
      {"xl/worksheets/b.xml", s2},
  };
}

Workbook read(const std::vector<bp::docx::ZipEntry>& entries) {
  return read_workbook(ZipReader::open_bytes(bp::docx::zip_entries(entries, 0), "test.xlsx"));
}

std::vector<bp::docx::ZipEntry> with(std::vector<bp::docx::ZipEntry> e, const std::string& name,
                                     std::string bytes) {
  for (auto& x : e)
    if (x.name == name) x.bytes = std::move(bytes);
  return e;
}

}  // namespace

TEST_CASE("import: sheets in workbook order with their names") {
  Workbook wb = read(parts());
  REQUIRE(wb.sheets.size() == 2);
  CHECK(wb.sheets[0].name == "表二");
  CHECK(wb.sheets[1].name == "收入 总表");
  CHECK(wb.sheets[0].text(2, 1) == "富文本");  // x: prefixes and rich inline runs
}

TEST_CASE("import: cell values as stored") {
  Workbook wb = read(parts());
  const Sheet& s = wb.sheets[1];
  CHECK(s.text(0, 0) == "部门预算收入总表");
  CHECK(s.text(1, 0) == "单位：万元");  // runs joined, phonetic run skipped
  CHECK(s.text(1, 2) == "行一\r行二");  // _x000D_
  REQUIRE(s.at(3, 0));
  CHECK(s.at(3, 0)->kind == CellKind::Number);
  CHECK(s.text(3, 0) == "2075.3600000000001");  // the <v> text, not a double
  CHECK(s.text(3, 1) == " 1,234.50 ");          // no r=: the column after A4
  CHECK(s.text(3, 2) == "3309.86");             // a formula's cached value
  CHECK(s.text(3, 5) == "ab");
  CHECK(s.at(4, 0)->kind == CellKind::Bool);  // row without r= follows row 4
  CHECK(s.at(4, 1)->kind == CellKind::Error);
  CHECK(s.text(4, 1) == "#DIV/0!");
  CHECK_FALSE(s.at(4, 2));  // styled but empty
  CHECK_FALSE(s.at(4, 3));
  CHECK(s.rows() == 5);
  CHECK(s.cols() == 6);
}

TEST_CASE("import: merged cells show their top-left cell") {
  Workbook wb = read(parts());
  const Sheet& s = wb.sheets[1];
  CHECK(s.text(0, 4).empty());
  CHECK(s.shown_text(0, 4) == "部门预算收入总表");
  CHECK(s.shown_text(1, 4).empty());
  REQUIRE(s.merge_at(0, 5));
  CHECK_FALSE(s.merge_at(0, 6));
  CHECK(decode_ooxml_escapes("_x0041__x4E2D_") == "A中");
  CHECK(decode_ooxml_escapes("_x00ZZ_") == "_x00ZZ_");
  // Beyond the BMP: a UTF-16 surrogate pair in two escapes is one character; lone halves are U+FFFD.
  CHECK(decode_ooxml_escapes("_xD83D__xDE00_") == "\xF0\x9F\x98\x80");
  CHECK(decode_ooxml_escapes("a_xD83D_b") == "a\xEF\xBF\xBD" "b");
  CHECK(decode_ooxml_escapes("_xDE00_") == "\xEF\xBF\xBD");
}

TEST_CASE("import: broken packages are I/O errors naming the part") {
  CHECK_THROWS_AS(ZipReader::open_bytes("not a zip at all", "x.xlsx"), WorkbookIoError);
  auto no_wb = parts();
  no_wb.erase(no_wb.begin() + 2);
  CHECK_THROWS_WITH(read(no_wb), Catch::Contains("xl/workbook.xml"));
  CHECK_THROWS_WITH(read(with(parts(), "xl/worksheets/a.xml", "<worksheet><sheetData>")),
                    Catch::Contains("不是有效的 XML"));
  std::string bad_index =
      std::string(R"(<worksheet xmlns=")") + kMain +
      R"("><sheetData><row r="1"><c r="A1" t="s"><v>99</v></c></row></sheetData></worksheet>)";
  CHECK_THROWS_WITH(read(with(parts(), "xl/worksheets/a.xml", bad_index)),
                    Catch::Contains("收入 总表'!A1"));
  std::string bad_ref =
      std::string(R"(<worksheet xmlns=")") + kMain +
      R"("><sheetData><row r="1"><c r="1A"><v>1</v></c></row></sheetData></worksheet>)";
  CHECK_THROWS_WITH(read(with(parts(), "xl/worksheets/a.xml", bad_ref)), Catch::Contains("1A"));
  CHECK_THROWS_AS(read_workbook_file("/nonexistent/budget.xlsx"), WorkbookIoError);
}
