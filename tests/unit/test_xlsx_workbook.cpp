// Writes crafted documents with the xlsx backend and reads the package back (libzip): sheet names,
// merges, formulas, the stacked project sheet, properties and byte-identical output, also when
// written on two threads at once.
#include <catch2/catch.hpp>

#include <zip.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <thread>

#include "util/libc_time.hpp"
#include "xlsx/xlsx_writer.hpp"

using namespace bp;
namespace fs = std::filesystem;

namespace {

std::string entry(const fs::path& file, const std::string& name) {
  int err = 0;
  zip_t* z = zip_open(file.c_str(), ZIP_RDONLY, &err);
  REQUIRE(z);
  zip_stat_t st;
  zip_stat_init(&st);
  std::string out;
  if (zip_stat(z, name.c_str(), 0, &st) == 0) {
    zip_file_t* f = zip_fopen(z, name.c_str(), 0);
    out.resize(st.size);
    zip_fread(f, out.data(), st.size);
    zip_fclose(f);
  }
  zip_close(z);
  return out;
}

std::string bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

doc::Cell cell(std::string text, doc::Align a = doc::Align::Left, int colspan = 1,
               int rowspan = 1) {
  doc::Cell c;
  c.text = std::move(text);
  c.align = a;
  c.colspan = colspan;
  c.rowspan = rowspan;
  return c;
}
doc::Cell amount(int64_t hundredths) {
  doc::Cell c;
  c.align = doc::Align::Right;
  if (hundredths) c.number = doc::Number{hundredths, 2};
  return c;
}
doc::Row row(std::vector<doc::Cell> cells, doc::RowRole role = doc::RowRole::Item,
             std::vector<int> sum_of = {}) {
  doc::Row r;
  r.cells = std::move(cells);
  r.role = role;
  r.sum_of = std::move(sum_of);
  return r;
}

// 序号 | 科目编码 | 科目名称 | 合计 | 基本 ; a total over two 类 rows, one 类 over two 项 rows.
doc::Table function_table(std::string id, std::string short_title, bool gap) {
  doc::Table t;
  t.id = std::move(id);
  t.title = "部门预算支出表";
  t.short_title = std::move(short_title);
  t.landscape = true;
  t.column_widths = {4, 8, 24, 9, 9};
  t.header_block = doc::HeaderBlock{"434 测试部门", "预算年度：2023", "单位：万元"};
  t.head.push_back(
      row({cell("序号", doc::Align::Center, 1, 2), cell("功能分类科目", doc::Align::Center, 2),
           cell("合计", doc::Align::Center, 1, 2), cell("基本支出", doc::Align::Center, 1, 2)},
          doc::RowRole::Head));
  t.head.push_back(row({cell("科目编码", doc::Align::Center), cell("科目名称", doc::Align::Center)},
                       doc::RowRole::Head));
  t.head.push_back(row(
      {cell("栏次", doc::Align::Center), cell("1", doc::Align::Center),
       cell("2", doc::Align::Center), cell("3", doc::Align::Center), cell("4", doc::Align::Center)},
      doc::RowRole::ColumnNumbers));
  t.body.push_back(
      row({cell("1", doc::Align::Center), cell(""), cell("合计"), amount(30000), amount(0)},
          doc::RowRole::Total, {1, 4}));
  t.body.push_back(row({cell("2", doc::Align::Center), cell("201"), cell("一般公共服务支出"),
                        amount(gap ? 20001 : 20000), amount(0)},
                       doc::RowRole::Level1, {2, 3}));
  t.body.push_back(row({cell("3", doc::Align::Center), cell("2010301"), cell("行政运行"),
                        amount(12000), amount(0)}));
  t.body.push_back(row({cell("4", doc::Align::Center), cell("2010302"), cell("一般行政管理事务"),
                        amount(8000), amount(0)}));
  t.body.push_back(row({cell("5", doc::Align::Center), cell("208"), cell("社会保障和就业支出"),
                        amount(10000), amount(0)},
                       doc::RowRole::Level1));
  t.notes.push_back("注：测试。");
  return t;
}

doc::Table project(int n, bool info) {
  doc::Table t;
  t.id = "proj-" + std::to_string(n) + (info ? "-info" : "");
  t.title = info ? std::to_string(n) + "、项目" + std::to_string(n) + "绩效目标表" : "";
  t.short_title = "项目绩效目标";
  t.column_widths = {12, 14, 16};
  if (info) {
    t.body.push_back(row({cell("绩效目标"), cell("1.完成。\n2.达标。", doc::Align::Left, 2)},
                         doc::RowRole::Plain));
  } else {
    t.head.push_back(row({cell("一级指标"), cell("二级指标"), cell("指标值")}, doc::RowRole::Head));
    t.body.push_back(row({cell("产出指标"), cell("数量指标"), cell("12", doc::Align::Center)}));
  }
  return t;
}

doc::Document document(int64_t epoch) {
  doc::Document d;
  d.meta.title = "测试部门2023年部门预算信息公开";
  d.meta.author = "测试部门";
  d.meta.epoch = epoch;
  d.blocks.push_back(doc::Heading{});
  d.blocks.push_back(function_table("t3", "支出:总表", false));
  d.blocks.push_back(function_table("t5", "目录", true));  // clashes with the 目录 sheet
  d.blocks.push_back(project(1, true));
  d.blocks.push_back(project(1, false));
  d.blocks.push_back(project(2, true));
  d.blocks.push_back(project(2, false));
  d.blocks.push_back(function_table("t9", "支出_总表", false));  // equals the sanitized first name
  return d;
}

struct TempDir {
  fs::path path = fs::temp_directory_path() / ("bp-xlsx-test-" + std::to_string(::getpid()));
  TempDir() { fs::create_directories(path); }
  ~TempDir() { fs::remove_all(path); }
};

}  // namespace

TEST_CASE("sheet plan: 目录 first, sanitized unique names, project tables on one sheet", "[xlsx]") {
  auto d = document(1700000000);
  auto plans = xlsx::plan_sheets(d);
  REQUIRE(plans.size() == 4);
  CHECK(plans[0].name == "支出_总表");
  CHECK(plans[1].name == "目录(2)");
  CHECK(plans[2].name == "项目绩效目标");
  CHECK(plans[2].stacked);
  CHECK(plans[2].tables.size() == 4);
  CHECK(plans[3].name == "支出_总表(2)");
}

TEST_CASE("workbook content: merges, SUM formulas with cached values, values where a gap is",
          "[xlsx]") {
  TempDir tmp;
  const auto file = tmp.path / "a.xlsx";
  xlsx::write_workbook(document(1700000000), file, {"测试字体", 1700000000});
  const std::string wb = entry(file, "xl/workbook.xml");
  CHECK(wb.find("<sheet name=\"目录\" sheetId=\"1\"") != std::string::npos);
  CHECK(wb.find("name=\"项目绩效目标\"") != std::string::npos);
  CHECK(wb.find("_xlnm.Print_Titles") != std::string::npos);
  CHECK(wb.find("'支出_总表'!$2:$5") != std::string::npos);  // header block + 2 header rows + 栏次
  CHECK(wb.find("'支出_总表'!$A$1:$E$11") != std::string::npos);  // print area incl. the note

  const std::string s = entry(file, "xl/worksheets/sheet2.xml");
  for (const char* m : {"A1:E1", "A3:A4", "B3:C3", "D3:D4", "E3:E4"})
    CHECK(s.find(std::string("<mergeCell ref=\"") + m + "\"/>") != std::string::npos);
  CHECK(s.find("<f>SUM(D7,D10)</f><v>300</v>") != std::string::npos);
  CHECK(s.find("<f>SUM(D8:D9)</f><v>200</v>") != std::string::npos);
  CHECK(s.find("<f>SUM(E8:E9)</f><v>0</v>") !=
        std::string::npos);  // zero total: formula, shown blank
  CHECK(std::regex_search(s, std::regex("<c r=\"B7\" s=\"[0-9]+\" t=\"s\">")));  // code 201 as text
  CHECK(std::regex_search(s, std::regex("<c r=\"A6\" s=\"[0-9]+\"><v>1</v>")));  // 序号 as a number
  CHECK(s.find("<pane ySplit=\"5\" topLeftCell=\"A6\"") != std::string::npos);
  CHECK(s.find("orientation=\"landscape\"") != std::string::npos);
  CHECK(s.find("fitToHeight=\"0\"") != std::string::npos);
  CHECK(s.find("第 &amp;P 页 共 &amp;N 页") != std::string::npos);

  // 类 row with a rounding gap (200.01 ≠ 120 + 80): the value, not a formula; the total still sums.
  const std::string gap = entry(file, "xl/worksheets/sheet3.xml");
  CHECK(gap.find("SUM(D8:D9)") == std::string::npos);
  CHECK(std::regex_search(gap, std::regex("<c r=\"D7\" s=\"[0-9]+\"><v>200.01</v>")));
  CHECK(gap.find("<f>SUM(D7,D10)</f>") == std::string::npos);  // 300 ≠ 200.01 + 100 either

  const std::string styles = entry(file, "xl/styles.xml");
  CHECK(styles.find("formatCode=\"#,##0.00\"") != std::string::npos);
  CHECK(styles.find("<name val=\"测试字体\"/>") != std::string::npos);

  // Project sheet: the untitled indicator table follows its info table without a gap; the next
  // project starts on a new printed page.
  const std::string p = entry(file, "xl/worksheets/sheet4.xml");
  CHECK(p.find("<rowBreaks count=\"1\"") != std::string::npos);
  CHECK(p.find("<brk id=\"5\"") !=
        std::string::npos);  // rows 1–4 project 1, 5 blank, 6 starts a page
  const std::string toc = entry(file, "xl/worksheets/sheet1.xml");
  CHECK(toc.find("location=\"'项目绩效目标'!A6\"") != std::string::npos);
  CHECK(toc.find("location=\"'目录(2)'!A1\"") != std::string::npos);
}

TEST_CASE("same document, same bytes; the epoch is the creation time", "[xlsx]") {
  TempDir tmp;
  xlsx::write_workbook(document(1700000000), tmp.path / "a.xlsx", {});
  xlsx::write_workbook(document(1700000000), tmp.path / "b.xlsx", {});
  xlsx::write_workbook(document(0), tmp.path / "c.xlsx", {});
  CHECK(bytes(tmp.path / "a.xlsx") == bytes(tmp.path / "b.xlsx"));
  CHECK(bytes(tmp.path / "a.xlsx") != bytes(tmp.path / "c.xlsx"));
  CHECK(entry(tmp.path / "a.xlsx", "docProps/core.xml").find("2023-11-14T22:13:20Z") !=
        std::string::npos);
  CHECK(entry(tmp.path / "c.xlsx", "docProps/core.xml").find("1980-01-01T00:00:00Z") !=
        std::string::npos);
  CHECK(entry(tmp.path / "a.xlsx", "docProps/core.xml").find("<dc:creator>测试部门</dc:creator>") !=
        std::string::npos);
}

TEST_CASE("errors name the file and leave nothing behind", "[xlsx]") {
  TempDir tmp;
  const auto file = tmp.path / "missing-dir" / "x.xlsx";
  try {
    xlsx::write_workbook(document(1), file, {});
    FAIL("no exception");
  } catch (const std::runtime_error& e) {
    CHECK(std::string(e.what()).find("x.xlsx") != std::string::npos);
  }
  CHECK_FALSE(fs::exists(file));
}

TEST_CASE("gmtime is the program's, one result per thread", "[xlsx][threads]") {
  // libxlsxwriter's workbook_close calls gmtime(): with the C library's one static struct tm, the
  // batch's workers had to take a lock around it (util/libc_time.hpp).
  REQUIRE(libc_time_is_thread_safe());
  const time_t t = 1700000000;
  const struct tm* here = gmtime(&t);
  const struct tm* there = nullptr;
  int year_there = 0;
  std::thread other([&] {
    const time_t u = 0;
    there = gmtime(&u);
    year_there = there->tm_year;
  });
  other.join();
  CHECK(here != there);
  CHECK(year_there == 70);
  CHECK(here->tm_year == 123);  // not overwritten by the other thread's call
  CHECK(here->tm_hour == 22);
}

TEST_CASE("workbooks written on two threads at once equal the ones written one after the other",
          "[xlsx][threads]") {
  // workbook_close runs without a lock: its gmtime() must not mix the two workbooks' dates.
  TempDir tmp;
  const int64_t epochs[2] = {1700000000, 1500000000};  // 2023-11-14T22:13:20Z, 2017-07-14T02:40:00Z
  std::string expected[2];
  for (int i = 0; i < 2; ++i) {
    const auto file = tmp.path / ("seq" + std::to_string(i) + ".xlsx");
    xlsx::write_workbook(document(epochs[i]), file, {});
    expected[i] = bytes(file);
  }
  REQUIRE(expected[0] != expected[1]);
  CHECK(entry(tmp.path / "seq1.xlsx", "docProps/core.xml").find("2017-07-14T02:40:00Z") !=
        std::string::npos);
  constexpr int kRounds = 12;
  int same[2] = {0, 0};
  std::vector<std::thread> workers;
  for (int i = 0; i < 2; ++i)
    workers.emplace_back([&, i] {
      for (int r = 0; r < kRounds; ++r) {
        const auto file =
            tmp.path / ("par" + std::to_string(i) + "-" + std::to_string(r) + ".xlsx");
        xlsx::write_workbook(document(epochs[i]), file, {});
        if (bytes(file) == expected[i]) ++same[i];
      }
    });
  for (auto& w : workers) w.join();
  CHECK(same[0] == kRounds);
  CHECK(same[1] == kRounds);
}
