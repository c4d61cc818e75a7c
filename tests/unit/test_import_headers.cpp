// import: recognising tables, header blocks and column headers by their words.
#include <catch2/catch.hpp>

#include "import/layout.hpp"
#include "import/tables.hpp"

using namespace bp;
using namespace bp::import;

namespace {

// A sheet from rows of cell texts ("" = no cell).
Sheet sheet(std::string name, const std::vector<std::vector<std::string>>& rows) {
  Sheet s;
  s.name = std::move(name);
  for (int r = 0; r < static_cast<int>(rows.size()); ++r)
    for (int c = 0; c < static_cast<int>(rows[r].size()); ++c)
      if (!rows[r][c].empty()) s.set(r, c, {rows[r][c], CellKind::Text});
  return s;
}

void merge(Sheet& s, const char* range) {
  s.add_merge(*parse_range_ref(range));
}

}  // namespace

TEST_CASE("import: labels are compared without spaces, quotes and numbering") {
  CHECK(norm_label("项 目") == "项目");
  CHECK(norm_label(" 资 金 性 质 ") == "资金性质");
  CHECK(norm_label("部门预算财政拨款“三公”经费支出表") == "部门预算财政拨款三公经费支出表");
  CHECK(norm_label("其他因公出国（境）费") == "其他因公出国(境)费");
  CHECK(norm_label("单位：万元") == "单位:万元");
  CHECK(norm_label("合\xE3\x80\x80\xE3\x80\x80计") == "合计");
  CHECK(strip_numbering("一、一般公共服务支出") == "一般公共服务支出");
  CHECK(strip_numbering("三十一、人行科目") == "人行科目");
  CHECK(strip_numbering("其中:公务用车购置费") == "公务用车购置费");
  CHECK(strip_numbering("(一)办公费") == "办公费");
  CHECK(strip_numbering("1.办公费") == "办公费");
  CHECK(strip_numbering("2、办公费") == "办公费");
  CHECK(strip_numbering("一般公共预算拨款收入") == "一般公共预算拨款收入");
  CHECK(strip_numbering("2023年预算") == "2023年预算");
}

TEST_CASE("import: titles and sheet names name the 9 tables") {
  auto id = [](const char* t) { return classify_title(norm_label(t)); };
  CHECK(id("部门预算收支总表") == TableId::Summary);
  CHECK(id("2023年部门预算收入总表") == TableId::Income);
  CHECK(id("部门预算支出总表") == TableId::Expenditure);
  CHECK(id("部门预算财政拨款收支总表") == TableId::Fiscal);
  CHECK(id("部门预算一般公共预算财政拨款支出表") == TableId::Gpb);
  CHECK(id("一般公共预算支出表") == TableId::Gpb);
  CHECK(id("部门预算一般公共预算财政拨款基本支出表") == TableId::GpbBasic);
  CHECK(id("部门预算政府基金预算财政拨款支出表") == TableId::Fund);
  CHECK(id("部门预算政府性基金预算财政拨款支出表") == TableId::Fund);
  CHECK(id("国有资本经营支出表") == TableId::Soc);
  CHECK(id("部门预算财政拨款“三公”经费支出表") == TableId::ThreePublic);
  CHECK(id("三公经费支出表") == TableId::ThreePublic);
  CHECK_FALSE(id("目录"));
  CHECK_FALSE(id("2023年部门预算公开表目录"));
  CHECK_FALSE(id("注：无国有资本经营预算财政拨款预算，空表列示。"));
  CHECK_FALSE(id("机构设置"));
  CHECK_FALSE(id("Sheet1"));
}

TEST_CASE("import: header block — department, year, unit") {
  auto d = dept_from_text("631临港部门");
  REQUIRE(d);
  CHECK(d->code == "631");
  CHECK(d->name == "临港部门");
  CHECK(d->separator.empty());
  auto e = dept_from_text("434 秦皇岛经济技术开发区管理委员会办公室");
  REQUIRE(e);
  CHECK(e->separator == " ");
  CHECK(e->name == "秦皇岛经济技术开发区管理委员会办公室");
  auto f = dept_from_text("编制单位：918 示范区文化和旅游局");
  REQUIRE(f);
  CHECK(f->code == "918");
  auto g = dept_from_text("编制单位：示范区文化和旅游局");  // a name without a code
  REQUIRE(g);
  CHECK(g->code.empty());
  CHECK(g->name == "示范区文化和旅游局");
  CHECK_FALSE(dept_from_text("2023年部门预算收支总表"));
  CHECK_FALSE(dept_from_text("临港部门"));
  CHECK(unit_from_text(norm_label("单位：万元")) == Unit::Wan);
  CHECK(unit_from_text(norm_label("金额单位: 元")) == Unit::Yuan);
  CHECK_FALSE(unit_from_text(norm_label("编制单位：临港部门")));
}

TEST_CASE("import: a table with merged two-level headers and a 栏次 row") {
  Sheet s = sheet(
      "收入",
      {
          {"部门预算收入总表"},
          {"631临港部门", "", "预算年度：2023", "", "", "", "", "", "", "", "", "", "单位：万元"},
          {"序号", "功能分类科目", "", "合计", "本年收入", "", "", "", "", "", "", "", "上年结转"},
          {"", "科目编码", "科目名称", "", "小计", "财政拨款收入", "财政专户收入", "事业收入",
           "经营收入", "上级补助收入", "附属单位上缴收入", "其他收入", ""},
          {"栏次", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"},
          {"1", "", "合计", "100.00", "100.00", "80.00", "", "20.00"},
          {"2", "201", "一般公共服务支出", "100.00", "100.00", "80.00", "", "20.00"},
          {"3", "20103", "政府办公厅（室）及相关机构事务", "100.00", "100.00", "80.00", "",
           "20.00"},
          {"4", "2010301", "行政运行", "100.00", "100.00", "80.00", "", "20.00"},
      });
  for (const char* m : {"A1:M1", "A3:A4", "B3:C3", "D3:D4", "E3:L3", "M3:M4"}) merge(s, m);
  auto l = identify_sheet(s);
  REQUIRE(l);
  CHECK(l->id == TableId::Income);
  CHECK(l->titled_by_cell);
  Report rep;
  REQUIRE(analyse_layout(*l, rep));
  CHECK(l->header_first == 2);
  CHECK(l->header_last == 3);
  CHECK(l->data_first == 5);
  CHECK(l->block.dept_code == "631");
  CHECK(l->block.year == 2023);
  CHECK(l->block.unit == Unit::Wan);
  CHECK(l->joined(4) == "本年收入/小计");
  CHECK(l->joined(3) == "合计");  // the vertical merge gives one label, not two
  CHECK(l->joined(1) == "功能分类科目/科目编码");
  CodeTable t = read_code_table(*l, Unit::Wan, rep);
  CHECK(rep.all().empty());
  CHECK(t.code_col == 1);
  CHECK(t.name_col == 2);
  CHECK(t.cols[static_cast<int>(Col::Total)] == 3);
  CHECK(t.cols[static_cast<int>(Col::Subtotal)] == 4);
  CHECK(t.cols[static_cast<int>(Col::Fiscal)] == 5);
  CHECK(t.cols[static_cast<int>(Col::Business)] == 7);
  CHECK(t.cols[static_cast<int>(Col::OpIncome)] == 8);
  CHECK(t.cols[static_cast<int>(Col::Affiliated)] == 10);
  CHECK(t.cols[static_cast<int>(Col::Carry)] == 12);
  REQUIRE(t.rows.size() == 4);
  CHECK(t.rows[0].total);
  CHECK(t.rows[3].code == "2010301");
  CHECK(t.rows[3][Col::Business].m == Money::fen(20 * kFenPerWan));
  CHECK(t.rows[3][Col::Business].ref == CellRef{8, 7});
}

TEST_CASE("import: an unmerged header, a blank column, a 备注 column, no 栏次, a blank row") {
  Sheet s = sheet("Sheet3",
                  {
                      {"示范区2024年部门预算公开表"},
                      {"部门预算支出总表"},
                      {},
                      {"编制单位：918 示范区文化和旅游局", "", "", "", "", "单位：元"},
                      {"序号", "", "科目编码", "科目名称", "合计", "基本支出", "项目支出", "备注"},
                      {"1", "", "", "合计", "1,500.00", "1,000.00", "500.00"},
                      {"2", "", "201", "一般公共服务支出", "1,500.00", "1,000.00", "500.00"},
                      {},
                      {"3", "", "20103", "政府办公厅（室）及相关机构事务", "1,500.00", "1,000.00",
                       "500.00", "注意"},
                      {"4", "", "2010301", "行政运行", " 1,500.00 ", "1,000.00", "500.00"},
                      {"注：本表为示例。"},
                  });
  auto l = identify_sheet(s);
  REQUIRE(l);
  CHECK(l->id == TableId::Expenditure);
  Report rep;
  REQUIRE(analyse_layout(*l, rep));
  CHECK(l->header_first == 4);
  CHECK(l->data_first == 5);
  CHECK(l->block.unit == Unit::Yuan);
  CHECK(l->block.dept_separator == " ");
  CHECK_FALSE(l->block.year);
  CodeTable t = read_code_table(*l, Unit::Yuan, rep);
  CHECK(rep.all().empty());
  CHECK(t.code_col == 2);
  CHECK_FALSE(t.has(Col::Operating));
  REQUIRE(t.rows.size() == 4);
  CHECK(t.rows[3][Col::Total].m == Money::fen(150000));  // 元: 1500.00 元 = 150000 分
}

TEST_CASE("import: code and name in one cell; the 目录 sheet is not a table") {
  Sheet s = sheet("一般", {
                              {"部门预算一般公共预算财政拨款支出表"},
                              {"功能分类科目", "合计", "基本支出", "项目支出"},
                              {"合计", "10.00", "10.00", ""},
                              {"[201]一般公共服务支出", "10.00", "10.00", ""},
                              {"2010301 行政运行", "10.00", "10.00", ""},
                          });
  auto l = identify_sheet(s);
  REQUIRE(l);
  Report rep;
  REQUIRE(analyse_layout(*l, rep));
  CodeTable t = read_code_table(*l, Unit::Wan, rep);
  CHECK(rep.all().empty());
  REQUIRE(t.rows.size() == 3);
  CHECK(t.rows[1].code == "201");
  CHECK(t.rows[2].code == "2010301");
  CHECK(t.rows[2].name == "行政运行");

  Sheet toc = sheet(
      "目录", {{"目录"}, {"序号", "表名"}, {"1", "部门预算收支总表"}, {"2", "部门预算收入总表"}});
  CHECK_FALSE(identify_sheet(toc));
}

TEST_CASE("import: bad cells are errors naming the cell") {
  Sheet s = sheet("支出总表", {
                                  {"部门预算支出总表"},
                                  {"科目编码", "科目名称", "合计", "基本支出", "项目支出"},
                                  {"2010301", "行政运行", "12,34.5", "1", ""},
                                  {"20103a", "事务", "1.00", "1.00", ""},
                                  {"201030", "事务", "1.00", "1.00", ""},
                                  {"2010301", "行政运行", "1.00", "1.00", ""},
                              });
  auto l = identify_sheet(s);
  REQUIRE(l);
  Report rep;
  REQUIRE(analyse_layout(*l, rep));
  read_code_table(*l, Unit::Wan, rep);
  REQUIRE(rep.count(Finding::Level::Error) == 4);
  CHECK(rep.all()[0].where == "支出总表!C3");
  CHECK(rep.all()[0].text.find("千位分隔符") != std::string::npos);
  CHECK(rep.all()[1].where == "支出总表!A4");
  CHECK(rep.all()[2].text.find("位数") != std::string::npos);
  CHECK(rep.all()[3].text.find("重复") != std::string::npos);
}

TEST_CASE("import: a stray cell at XFD1048576 and a huge merge cost nothing") {
  Sheet s = sheet("支出总表", {
                                  {"部门预算支出总表"},
                                  {"科目编码", "科目名称", "合计", "基本支出", "项目支出"},
                                  {"2010301", "行政运行", "1.00", "1.00", ""},
                              });
  s.set(1048575, 16383, {"x", CellKind::Text});
  merge(s, "A200:XFD1048576");
  merge(s, "A1:E1");
  auto l = identify_sheet(s);
  REQUIRE(l);
  Report rep;
  REQUIRE(analyse_layout(*l, rep));
  CodeTable t = read_code_table(*l, Unit::Wan, rep);
  CHECK(t.rows.size() == 1);
  CHECK(s.shown_text(5000, 300) == "");  // inside the big merge, whose top-left cell is empty
  CHECK(s.shown_text(0, 4) == "部门预算支出总表");
}
