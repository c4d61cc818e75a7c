// render_sample: renders a synthetic department budget disclosure with the PDF engine, for
// tests/e2e/test_pdf_engine.sh and for looking at the typesetting (pdftoppm).
//
//   render_sample OUT.pdf [--repeat N] [--theme FILE] [--manifest FILE] [--append TEXT]
//                 [--preprocess 0|1]
//
// --append adds a paragraph (e.g. with a character no font covers, to see the error).
// --preprocess 1 prepares the fonts for subsetting once (the batch mode of FontSet).
// --manifest writes what the document contains, for the e2e test to look for in the PDF's text:
// "H<TAB>text" per heading and table title, "C<TAB>table-id<TAB>text" per non-empty table cell,
// "T<TAB>text" per 目录 entry with a target.
//
// The document has a title page, a 目录, a 34-row 收支总表 with a two-level header, a 60-row table
// with a three-level header and a rowspan column that runs over three pages, a landscape table, an
// empty table with its note, and narrative paragraphs full of numbers and punctuation. Prints
// statistics (pages, bytes, cold/warm times, glyphs per font) as "key: value" lines.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

#include "../support/doc_rows.hpp"
#include "layout/theme.hpp"
#include "pdf/render.hpp"
#include "text/font_set.hpp"

namespace {

using namespace bp;

// 万元 amount from an integer count of hundredths (no floating point for money).
std::string amount(long long hundredths) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%lld.%02lld", hundredths / 100, hundredths % 100);
  return buf;
}

doc::Cell text(std::string s, doc::Align a = doc::Align::Left, int rowspan = 1, int colspan = 1) {
  doc::Cell c;
  c.text = std::move(s);
  c.align = a;
  c.rowspan = rowspan;
  c.colspan = colspan;
  return c;
}

doc::Cell money(long long hundredths) {
  doc::Cell c;
  c.align = doc::Align::Right;
  if (hundredths != 0) {
    c.text = amount(hundredths);
    c.number = doc::Number{hundredths, 2};
  }
  return c;
}

using test::row;

doc::Row column_numbers(int data_columns, int leading_blank = 0) {
  std::vector<doc::Cell> cells{text("栏次", doc::Align::Center)};
  for (int i = 0; i < leading_blank; ++i) cells.push_back(text(""));
  for (int i = 1; i <= data_columns; ++i)
    cells.push_back(text(std::to_string(i), doc::Align::Center));
  return row(doc::RowRole::ColumnNumbers, cells);
}

doc::HeaderBlock header_block() {
  return {"901示例市示例局", "预算年度：2023", "单位：万元"};
}

doc::Table summary_table() {
  doc::Table t;
  t.id = "t1-summary";
  t.anchor = "t1";
  t.title = "部门预算收支总表";
  t.short_title = "收支总表";
  t.toc_level = 2;
  t.header_block = header_block();
  t.column_widths = {6, 30, 12, 30, 12};
  t.head.push_back(row(doc::RowRole::Head,
                       {text("序号", doc::Align::Center, 2), text("收入", doc::Align::Center, 1, 2),
                        text("支出", doc::Align::Center, 1, 2)}));
  t.head.push_back(
      row(doc::RowRole::Head, {text("项 目"), text("预算数"), text("项 目"), text("预算数")}));
  t.head.push_back(column_numbers(4));
  const char* income[] = {"一、一般公共预算拨款收入",
                          "二、政府性基金预算拨款收入",
                          "三、国有资本经营预算拨款收入",
                          "四、财政专户管理资金收入",
                          "五、事业收入",
                          "六、事业单位经营收入",
                          "七、上级补助收入",
                          "八、附属单位上缴收入",
                          "九、其他收入"};
  const char* spend[] = {"一、一般公共服务支出",
                         "二、外交支出",
                         "三、国防支出",
                         "四、公共安全支出",
                         "五、教育支出",
                         "六、科学技术支出",
                         "七、文化旅游体育与传媒支出",
                         "八、社会保障和就业支出",
                         "九、社会保险基金支出",
                         "十、卫生健康支出",
                         "十一、节能环保支出",
                         "十二、城乡社区支出",
                         "十三、农林水支出",
                         "十四、交通运输支出",
                         "十五、资源勘探工业信息等支出",
                         "十六、商业服务业等支出",
                         "十七、金融支出",
                         "十八、援助其他地区支出",
                         "十九、自然资源海洋气象等支出",
                         "二十、住房保障支出",
                         "二十一、粮油物资储备支出",
                         "二十二、国有资本经营预算支出",
                         "二十三、灾害防治及应急管理支出",
                         "二十四、预备费",
                         "二十五、其他支出",
                         "二十六、转移性支出",
                         "二十七、债务还本支出",
                         "二十八、债务付息支出",
                         "二十九、债务发行费用支出",
                         "三十、抗疫特别国债安排的支出",
                         "三十一、人行科目"};
  const long long spend_amt[31] = {151416, 0, 0, 0,    0, 0, 0, 33832, 0, 14491, 0, 0, 0, 0, 0, 0,
                                   0,      0, 0, 7797, 0, 0, 0, 0,     0, 0,     0, 0, 0, 0, 0};
  for (int i = 0; i < 31; ++i) {
    long long in = i == 0 ? 207536 : 0;
    t.body.push_back(row(doc::RowRole::Plain, {text(std::to_string(i + 1), doc::Align::Center),
                                               text(i < 9 ? income[i] : ""), money(in),
                                               text(spend[i]), money(spend_amt[i])}));
  }
  t.body.push_back(row(doc::RowRole::Total, {text("32", doc::Align::Center), text("本年收入合计"),
                                             money(207536), text("本年支出合计"), money(207536)}));
  t.body.push_back(row(doc::RowRole::Plain, {text("33", doc::Align::Center), text("上年结转结余"),
                                             money(0), text("年终结转结余"), money(0)}));
  t.body.push_back(row(doc::RowRole::Total, {text("34", doc::Align::Center), text("收入总计"),
                                             money(207536), text("支出总计"), money(207536)}));
  return t;
}

// 60 body rows, a three-level header (项目支出 → 一般项目 → 本级/下级), a 资金分组 column whose
// cells span 20 rows each (they cross page breaks), 类/款/项 rows.
doc::Table long_table() {
  doc::Table t;
  t.id = "t3-expenditure";
  t.anchor = "t3";
  t.title = "部门预算支出总表";
  t.short_title = "支出总表";
  t.toc_level = 2;
  t.new_page = true;
  t.header_block = header_block();
  t.column_widths = {6, 6, 9, 25, 10, 9, 9, 9, 8, 9};
  auto H = [](std::string s, int rs = 1, int cs = 1) {
    return text(std::move(s), doc::Align::Center, rs, cs);
  };
  t.head.push_back(
      row(doc::RowRole::Head, {H("序号", 3), H("资金分组", 3), H("科目编码", 3), H("科目名称", 3),
                               H("合计", 3), H("基本支出", 1, 2), H("项目支出", 1, 3)}));
  t.head.push_back(row(doc::RowRole::Head, {H("人员经费", 2), H("公用经费", 2), H("一般项目", 1, 2),
                                            H("专项资金", 2)}));
  t.head.push_back(row(doc::RowRole::Head, {H("本级"), H("对下转移支付")}));
  t.head.push_back(column_numbers(6, 3));
  const char* kuan[] = {"政府办公厅（室）及相关机构事务",
                        "发展与改革事务",
                        "统计信息事务",
                        "财政事务",
                        "税收事务",
                        "审计事务"};
  const char* xiang[] = {"行政运行",
                         "一般行政管理事务",
                         "机关服务",
                         "专项统计业务",
                         "信息化建设",
                         "事业运行（含“三公”经费以外的日常公用支出）",
                         "其他政府办公厅（室）及相关机构事务支出"};
  int n = 0;
  long long seed = 12345;
  auto next_amount = [&] {
    seed = (seed * 1103515245 + 12345) % 2147483648LL;
    return 1000 + seed % 900000;  // 10.00 … 9009.99 万元
  };
  while (n < 60) {
    int k = n / 9 % 6;
    doc::RowRole role = n % 9 == 0   ? doc::RowRole::Level1
                        : n % 9 == 1 ? doc::RowRole::Level2
                                     : doc::RowRole::Item;
    std::string code = role == doc::RowRole::Level1 ? "201"
                       : role == doc::RowRole::Level2
                           ? "201" + std::to_string(k + 10)
                           : "201" + std::to_string(k + 10) + "0" + std::to_string(n % 9 - 1);
    std::string name = role == doc::RowRole::Level1   ? "一般公共服务支出"
                       : role == doc::RowRole::Level2 ? kuan[k]
                                                      : xiang[(n % 9 - 2) % 7];
    long long a = next_amount(), b = next_amount(), c = n % 3 == 0 ? next_amount() : 0;
    doc::Row r = row(role, {text(std::to_string(n + 1), doc::Align::Center)});
    if (n % 20 == 0)
      r.cells.push_back(text(n < 20   ? "一般公共预算"
                             : n < 40 ? "政府性基金"
                                      : "财政专户",
                             doc::Align::Center, 20));
    r.cells.push_back(text(code));
    doc::Cell nm = text(name);
    nm.indent_em = role == doc::RowRole::Item ? 2 : role == doc::RowRole::Level2 ? 1 : 0;
    r.cells.push_back(nm);
    for (doc::Cell c2 :
         {money(a + b + c), money(a), money(b), money(c), money(0), money(n % 5 == 0 ? 5000 : 0)})
      r.cells.push_back(c2);
    t.body.push_back(r);
    ++n;
  }
  t.notes.push_back("注：本表按功能分类科目列示，金额单位为万元；“资金分组”一栏仅为版式测试而设。");
  return t;
}

doc::Table landscape_table() {
  doc::Table t;
  t.id = "t6-basic";
  t.anchor = "t6";
  t.title = "部门预算一般公共预算财政拨款基本支出表";
  t.short_title = "基本支出表";
  t.toc_level = 2;
  t.new_page = true;
  t.landscape = true;
  t.header_block = header_block();
  t.column_widths = {5, 9, 20, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8};
  auto H = [](std::string s, int rs = 1, int cs = 1) {
    return text(std::move(s), doc::Align::Center, rs, cs);
  };
  t.head.push_back(row(doc::RowRole::Head, {H("序号", 2), H("部门经济分类科目", 1, 2), H("合计", 2),
                                            H("人员经费", 1, 4), H("公用经费", 1, 5)}));
  t.head.push_back(row(doc::RowRole::Head,
                       {H("科目编码"), H("科目名称"), H("工资福利支出"), H("对个人和家庭的补助"),
                        H("社会保障缴费"), H("住房公积金"), H("办公费"), H("印刷费"), H("水电费"),
                        H("差旅费"), H("公务用车运行维护费")}));
  t.head.push_back(column_numbers(10, 2));
  const char* names[] = {"工资福利支出",
                         "基本工资",
                         "津贴补贴",
                         "奖金",
                         "机关事业单位基本养老保险缴费",
                         "职工基本医疗保险缴费",
                         "商品和服务支出",
                         "办公费",
                         "印刷费",
                         "水电费",
                         "差旅费",
                         "维修(护)费",
                         "公务接待费",
                         "对个人和家庭的补助",
                         "退休费"};
  const char* codes[] = {"301",   "30101", "30102", "30103", "30108", "30110", "302",  "30201",
                         "30202", "30205", "30211", "30213", "30217", "303",   "30302"};
  for (int i = 0; i < 15; ++i) {
    bool cls = std::string(codes[i]).size() == 3;
    doc::Row r =
        row(cls ? doc::RowRole::Level1 : doc::RowRole::Item,
            {text(std::to_string(i + 1), doc::Align::Center), text(codes[i]), text(names[i])});
    long long base = 1000 + 733 * i;
    r.cells.push_back(money(base * 9));
    for (int c = 0; c < 9; ++c) r.cells.push_back(money((c + i) % 4 == 0 ? 0 : base + c * 11));
    t.body.push_back(r);
  }
  return t;
}

doc::Table empty_table() {
  doc::Table t;
  t.id = "t7-fund";
  t.anchor = "t7";
  t.title = "部门预算政府性基金预算财政拨款支出表";
  t.short_title = "政府性基金";
  t.toc_level = 2;
  t.new_page = true;
  t.header_block = header_block();
  t.column_widths = {6, 12, 30, 12, 12, 12};
  auto H = [](std::string s, int rs = 1, int cs = 1) {
    return text(std::move(s), doc::Align::Center, rs, cs);
  };
  t.head.push_back(row(doc::RowRole::Head, {H("序号", 2), H("功能分类科目", 1, 2), H("合计", 2),
                                            H("基本支出", 2), H("项目支出", 2)}));
  t.head.push_back(row(doc::RowRole::Head, {H("科目编码"), H("科目名称")}));
  t.head.push_back(column_numbers(3, 2));
  t.notes.push_back("注：无政府基金预算财政拨款预算，空表列示。");
  return t;
}

doc::Paragraph para(std::string s, doc::ParaStyle style = doc::ParaStyle::Body) {
  doc::Paragraph p;
  p.spans.push_back({std::move(s), false});
  p.style = style;
  return p;
}

doc::Heading heading(int level, std::string s, std::string anchor = "", bool new_page = false) {
  doc::Heading h;
  h.level = level;
  h.text = std::move(s);
  h.anchor = std::move(anchor);
  h.new_page = new_page;
  return h;
}

doc::Document sample(int64_t epoch) {
  doc::Document d;
  d.meta = {"示例市示例局2023年部门预算信息公开", "示例市示例局", "部门预算信息公开",
            "部门预算, 2023, 示例市示例局",       "zh-CN",        epoch};
  d.blocks.push_back(
      doc::TitlePage{{"示例市示例局", "2023年部门预算信息公开"}, "示例市示例局", "2023年2月"});
  doc::Toc toc;
  toc.title = "2023 年部门预算信息公开目录";
  toc.entries = {{"第一部分 部门预算", 1, ""},
                 {"部门预算公开表", 1, ""},
                 {"部门预算收支总表", 2, "t1"},
                 {"部门预算支出总表", 2, "t3"},
                 {"部门预算一般公共预算财政拨款基本支出表", 2, "t6"},
                 {"部门预算政府性基金预算财政拨款支出表", 2, "t7"},
                 {"第二部分 部门预算信息公开情况说明", 1, ""},
                 {"一、部门职责及机构设置情况", 2, "s1"},
                 {"二、部门预算安排的总体情况", 2, "s2"},
                 {"三、机关运行经费安排情况", 2, "s3"},
                 {"四、财政拨款“三公”经费预算情况及增减变化原因", 2, "s4"},
                 {"五、名词解释", 2, "s5"}};
  d.blocks.push_back(toc);
  d.blocks.push_back(heading(1, "第一部分 部门预算", "part1"));
  d.blocks.push_back(summary_table());
  d.blocks.push_back(long_table());
  d.blocks.push_back(landscape_table());
  d.blocks.push_back(empty_table());

  d.blocks.push_back(heading(1, "第二部分 部门预算信息公开情况说明", "part2", true));
  d.blocks.push_back(
      para("根据《中华人民共和国预算法》《地方预决算公开操作规程》（财预〔2016〕143号）等规定，现将"
           "示例市示例局2023年部门预算"
           "信息公开如下："));
  d.blocks.push_back(heading(3, "一、部门职责及机构设置情况", "s1"));
  d.blocks.push_back(para("部门职责：", doc::ParaStyle::Label));
  d.blocks.push_back(
      para("（一）贯彻执行国家、省、市有关方针政策和法律法规，拟订全市相关中长期规划和年度计划，并"
           "组织实施；"
           "（二）负责统筹协调全市GDP核算、统计调查和信息化建设工作，发布统计公报；"
           "（三）承办市委、市政府交办的其他事项。"));
  d.blocks.push_back(para("机构设置：", doc::ParaStyle::Label));
  d.blocks.push_back(
      para("本部门内设办公室、综合科、统计科等6个科室，下属事业单位2个。2023年末实有人员编制45名，"
           "其中行政编制32名、"
           "事业编制13名；实有人数43人。"));
  d.blocks.push_back(heading(3, "二、部门预算安排的总体情况", "s2"));
  d.blocks.push_back(heading(4, "1、收入说明"));
  d.blocks.push_back(
      para("2023年收入预算合计2075.36万元，其中：一般公共预算拨款收入2075.36万元，占100%"
           "；政府性基金预算拨款收入0万元；"
           "上年结转结余0万元。与上年相比，收入预算增加354.58万元，增长20.6%"
           "，主要原因是人员调整和信息化项目（项目编码2010301）"
           "增加——具体见下表。"));
  d.blocks.push_back(heading(4, "2、支出说明"));
  d.blocks.push_back(
      para("2023年支出预算合计2,075.36万元，其中：基本支出1,514.16万元，占72.96%；项目支出561."
           "20万元，占27.04%。"
           "按功能分类：一般公共服务支出1514.16万元，社会保障和就业支出338.32万元，卫生健康支出144."
           "91万元，"
           "住房保障支出77.97万元。项目支出比上年减少5.20万元，下降0.92%……主要是压减一般性支出。"));
  d.blocks.push_back(heading(3, "三、机关运行经费安排情况", "s3"));
  d.blocks.push_back(
      para("2023年机关运行经费预算为183.45万元，比上年减少12.30万元，下降6.28%"
           "。主要原因是：严格落实过“紧日子”要求，"
           "压减办公费、差旅费等日常公用支出（“三公”经费除外）。"));
  d.blocks.push_back(heading(3, "四、财政拨款“三公”经费预算情况及增减变化原因", "s4"));
  d.blocks.push_back(
      para("2023年“三公”经费预算为5.00万元，其中：因公出国（境）费0万元；公务用车购置及运行维护费3."
           "50万元"
           "（其中，公务用车购置费0万元，公务用车运行维护费3.50万元）；公务接待费1."
           "50万元。比上年减少0.80万元，"
           "下降13.79%。"));
  doc::Paragraph caption = para("部门财政拨款“三公”经费预算明细", doc::ParaStyle::TableTitle);
  d.blocks.push_back(caption);
  doc::Table small;
  small.id = "s4-three";
  small.keep_together = true;
  small.header_block = doc::HeaderBlock{"", "", "单位：万元"};
  auto H = [](std::string s, int rs = 1, int cs = 1) {
    return text(std::move(s), doc::Align::Center, rs, cs);
  };
  small.head.push_back(
      row(doc::RowRole::Head, {H("合计", 2), H("因公出国（境）费", 2),
                               H("公务用车购置及运行维护费", 1, 3), H("公务接待费", 2)}));
  small.head.push_back(
      row(doc::RowRole::Head, {H("小计"), H("公务用车购置费"), H("公务用车运行维护费")}));
  small.body.push_back(row(doc::RowRole::Total,
                           {money(500), money(0), money(350), money(0), money(350), money(150)}));
  d.blocks.push_back(small);
  d.blocks.push_back(heading(3, "五、名词解释", "s5"));
  const char* terms[] = {
      "1、财政拨款收入：指本级财政当年拨付的资金。",
      "2、基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。",
      "3、项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。",
      "4、“三公”经费：指用财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。其"
      "中，因公出国（境）费"
      "反映单位公务出国（境）的国际旅费、国外城市间交通费、住宿费、伙食费、培训费、公杂费等支出；"
      "公务用车购置及运行维护费反映单位公务用车购置支出（含车辆购置税）及租用费、燃料费、维修费、过"
      "路过桥费、保险费等支出。",
      "5、机关运行经费：指为保障行政单位（含参照公务员法管理的事业单位）运行用于购买货物和服务的各"
      "项资金。"};
  for (const char* s : terms) d.blocks.push_back(para(s, doc::ParaStyle::Plain));
  return d;
}

void write_manifest(const doc::Document& d, const std::filesystem::path& file) {
  std::ofstream out(file);
  for (const auto& b : d.blocks) {
    if (auto* h = std::get_if<doc::Heading>(&b)) out << "H\t" << h->text << "\n";
    if (auto* toc = std::get_if<doc::Toc>(&b))
      for (const auto& e : toc->entries)
        if (!e.target.empty()) out << "T\t" << e.text << "\n";
    if (auto* t = std::get_if<doc::Table>(&b)) {
      if (!t->title.empty()) out << "H\t" << t->title << "\n";
      for (const auto* rows : {&t->head, &t->body})
        for (const auto& r : *rows)
          for (const auto& c : r.cells)
            if (!c.text.empty()) out << "C\t" << t->id << "\t" << c.text << "\n";
    }
  }
  if (!out) throw std::runtime_error("cannot write " + file.string());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: render_sample OUT.pdf [--repeat N] [--theme FILE] [--manifest FILE] "
                 "[--append TEXT]\n";
    return 2;
  }
  std::filesystem::path out = argv[1];
  int repeat = 1;
  std::filesystem::path manifest;
  std::string append;
  bool preprocess = false;
  std::filesystem::path theme_file =
      std::filesystem::path(BP_SOURCE_DIR) / "config/themes/default.yaml";
  for (int i = 2; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--repeat") {
      repeat = std::max(1, std::atoi(argv[i + 1]));
    } else if (a == "--theme") {
      theme_file = argv[i + 1];
    } else if (a == "--manifest") {
      manifest = argv[i + 1];
    } else if (a == "--preprocess") {
      preprocess = std::string(argv[i + 1]) == "1";
    } else if (a == "--append") {
      append = argv[i + 1];
    } else {
      std::cerr << "render_sample: unknown option " << a << "\n";
      return 2;
    }
  }
  int64_t epoch = 0;
  if (const char* e = std::getenv("SOURCE_DATE_EPOCH")) epoch = std::atoll(e);
  try {
    using Clock = std::chrono::steady_clock;
    auto t0 = Clock::now();
    text::FontSet fonts({std::filesystem::path(BP_SOURCE_DIR) / "fonts"}, preprocess);
    layout::Theme theme = layout::Theme::load(theme_file);
    doc::Document d = sample(epoch);
    if (!append.empty()) d.blocks.push_back(para(append));
    if (!manifest.empty()) write_manifest(d, manifest);
    pdf::RenderStats s = pdf::render(d, theme, fonts, out);
    double cold = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    double warm_best = 0;
    for (int i = 1; i < repeat; ++i) {
      auto t1 = Clock::now();
      s = pdf::render(d, theme, fonts, out);
      double ms = std::chrono::duration<double, std::milli>(Clock::now() - t1).count();
      warm_best = i == 1 ? ms : std::min(warm_best, ms);
    }
    std::printf("pages: %d\nbytes: %zu\ncold_ms: %.1f\n", s.pages, s.bytes, cold);
    if (repeat > 1) std::printf("warm_ms: %.1f\n", warm_best);
    std::printf("layout_ms: %.1f\nwrite_ms: %.1f\nsubset_ms: %.1f\n", s.layout_ms, s.write_ms,
                s.subset_ms);
    std::printf("shaped_runs: %zu\nshape_cache_hits: %zu\n", s.shaped_runs, s.shape_cache_hits);
    for (const auto& f : s.fonts)
      std::printf("font: %s glyphs=%d cff_bytes=%zu cid_equals_gid=%s\n", f.name.c_str(), f.glyphs,
                  f.cff_bytes, f.cid_equals_gid ? "yes" : "no");
  } catch (const std::exception& e) {
    std::cerr << "render_sample: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
