// import: 项 lines split by funding source from 支出总表 + the fiscal tables + 收入总表, and the
// identities checked between imported tables.
#include <catch2/catch.hpp>

#include "../support/fixtures.hpp"
#include "app/context.hpp"
#include "derive/derived.hpp"
#include "import/collect.hpp"
#include "import/derived_compare.hpp"
#include "import/interpret.hpp"
#include "import/split.hpp"
#include "import/tail_gap.hpp"

using namespace bp;
using namespace bp::import;

namespace {

using Rows = std::vector<std::vector<std::string>>;

Sheet sheet(std::string title, const std::vector<std::string>& head, const Rows& body) {
  Sheet s;
  s.name = title;
  s.set(0, 0, {title, CellKind::Text});
  s.set(1, 0, {"901测试局", CellKind::Text});
  s.set(1, 2, {"预算年度：2023", CellKind::Text});
  s.set(1, 3, {"单位：万元", CellKind::Text});
  for (int c = 0; c < static_cast<int>(head.size()); ++c) s.set(2, c, {head[c], CellKind::Text});
  for (int r = 0; r < static_cast<int>(body.size()); ++r)
    for (int c = 0; c < static_cast<int>(body[r].size()); ++c)
      if (!body[r][c].empty()) s.set(3 + r, c, {body[r][c], CellKind::Text});
  return s;
}

const std::vector<std::string> kExpHead = {"科目编码", "科目名称", "合计",
                                           "基本支出", "项目支出", "经营支出"};
const std::vector<std::string> kFundHead = {"科目编码", "科目名称", "合计", "基本支出", "项目支出"};
const std::vector<std::string> kIncHead = {
    "科目编码",     "科目名称",         "合计",     "小计",
    "财政拨款收入", "财政专户收入",     "事业收入", "经营收入",
    "上级补助收入", "附属单位上缴收入", "其他收入", "上年结转"};

struct Run {
  Workbook wb;
  Report report;
  Collected c;
  std::vector<ImportedLine> lines;
};

std::unique_ptr<Run> run(std::vector<Sheet> sheets) {
  auto r = std::make_unique<Run>();
  r->wb.sheets = std::move(sheets);
  r->c = collect_tables(r->wb, r->report);
  r->lines = split_lines(r->c, r->report);
  return r;
}

Money wan(int64_t hundredths) {
  return Money::fen(hundredths * (kFenPerWan / 100));
}

bool has(const Report& r, Finding::Level level, const std::string& part) {
  for (const auto& f : r.all())
    if (f.level == level &&
        (f.text.find(part) != std::string::npos || f.where.find(part) != std::string::npos))
      return true;
  return false;
}

}  // namespace

TEST_CASE("import: fiscal money from the fund tables, the rest by the 收入总表 columns") {
  auto r = run({
      sheet("部门预算支出总表", kExpHead,
            {{"", "合计", "150.00", "120.00", "30.00"},
             {"2010301", "行政运行", "150.00", "120.00", "30.00"}}),
      sheet(
          "部门预算一般公共预算财政拨款支出表", kFundHead,
          {{"", "合计", "100.00", "100.00", ""}, {"2010301", "行政运行", "100.00", "100.00", ""}}),
      sheet("部门预算收入总表", kIncHead,
            {{"", "合计", "150.00", "150.00", "100.00", "", "50.00"},
             {"2010301", "行政运行", "150.00", "150.00", "100.00", "", "50.00"}}),
  });
  CHECK_FALSE(r->report.has_errors());
  REQUIRE(r->lines.size() == 2);
  CHECK(r->lines[0].source == Source::Gpb);
  CHECK(r->lines[0].amounts[0] == wan(10000));
  CHECK(r->lines[1].source == Source::Business);
  CHECK(r->lines[1].amounts[0] == wan(2000));  // basic 20 + project 30 from 事业收入
  CHECK(r->lines[1].amounts[1] == wan(3000));
  CHECK(r->lines[1].guessed == false);  // one source: nothing to guess
}

TEST_CASE("import: several kinds against several sources is a flagged guess") {
  auto r = run({
      sheet("部门预算支出总表", kExpHead, {{"2010301", "行政运行", "50.00", "20.00", "30.00"}}),
      sheet("部门预算收入总表", kIncHead,
            {{"2010301", "行政运行", "50.00", "50.00", "", "", "25.00", "", "", "", "25.00"}}),
  });
  CHECK_FALSE(r->report.has_errors());
  CHECK(has(r->report, Finding::Level::Warning, "看不出对应关系"));
  REQUIRE(r->lines.size() == 2);
  CHECK(r->lines[0].source == Source::Business);
  CHECK(r->lines[0].amounts[0] == wan(2000));
  CHECK(r->lines[0].amounts[1] == wan(500));
  CHECK(r->lines[1].source == Source::Other);
  CHECK(r->lines[1].amounts[1] == wan(2500));
  CHECK(r->lines[0].guessed);
}

TEST_CASE("import: 经营支出 is paid by 经营收入 first") {
  auto r = run({
      sheet("部门预算支出总表", kExpHead, {{"2010350", "事业运行", "50.00", "30.00", "", "20.00"}}),
      sheet("部门预算收入总表", kIncHead,
            {{"2010350", "事业运行", "50.00", "50.00", "", "", "30.00", "20.00"}}),
  });
  CHECK_FALSE(r->report.has_errors());
  REQUIRE(r->lines.size() == 2);
  CHECK(r->lines[0].source == Source::Business);
  CHECK(r->lines[0].amounts[static_cast<int>(Kind::Basic)] == wan(3000));
  CHECK(r->lines[1].source == Source::Operating);
  CHECK(r->lines[1].amounts[static_cast<int>(Kind::Operating)] == wan(2000));
  CHECK_FALSE(r->lines[0].guessed);
}

TEST_CASE("import: fiscal money beyond 财政拨款收入 is 上年财政拨款结转") {
  auto r = run({
      sheet("部门预算支出总表", kExpHead,
            {{"2010302", "一般行政管理事务", "100.00", "", "100.00"}}),
      sheet("部门预算一般公共预算财政拨款支出表", kFundHead,
            {{"2010302", "一般行政管理事务", "100.00", "", "100.00"}}),
      sheet("部门预算收入总表", kIncHead,
            {{"2010302", "一般行政管理事务", "100.00", "60.00", "60.00", "", "", "", "", "", "",
              "40.00"}}),
  });
  CHECK_FALSE(r->report.has_errors());
  REQUIRE(r->lines.size() == 2);
  CHECK(r->lines[0].source == Source::Gpb);
  CHECK(r->lines[0].amounts[1] == wan(6000));
  CHECK(r->lines[1].source == Source::CarryGpb);
  CHECK(r->lines[1].amounts[1] == wan(4000));
}

TEST_CASE("import: what cannot be split is an error naming the cell") {
  // 支出总表 smaller than the fund table.
  auto a = run({
      sheet("部门预算支出总表", kExpHead, {{"2010301", "行政运行", "50.00", "50.00", ""}}),
      sheet("部门预算一般公共预算财政拨款支出表", kFundHead,
            {{"2010301", "行政运行", "60.00", "60.00", ""}}),
  });
  CHECK(has(a->report, Finding::Level::Error, "部门预算支出总表!D4"));
  // Non-fiscal money and no 收入总表.
  auto b =
      run({sheet("部门预算支出总表", kExpHead, {{"2010301", "行政运行", "50.00", "50.00", ""}})});
  CHECK(has(b->report, Finding::Level::Error, "没有收入总表"));
  // A code of the fund table missing from the 支出总表.
  auto c = run({
      sheet("部门预算支出总表", kExpHead, {{"2010301", "行政运行", "50.00", "50.00", ""}}),
      sheet("部门预算一般公共预算财政拨款支出表", kFundHead,
            {{"2010301", "行政运行", "50.00", "50.00", ""},
             {"2010302", "一般行政管理事务", "5.00", "", "5.00"}}),
  });
  CHECK(has(c->report, Finding::Level::Error, "不在支出总表中"));
  // No 支出总表 at all.
  auto d = run({sheet("部门预算一般公共预算财政拨款支出表", kFundHead,
                      {{"2010301", "行政运行", "5.00", "5.00", ""}})});
  CHECK(has(d->report, Finding::Level::Error, "没有找到部门预算支出总表"));
}

namespace {
// The imported lines as the Budget the importer builds (the YAML round trip adds nothing to them).
Budget budget_of(const std::vector<ImportedLine>& lines) {
  Budget b;
  b.dept.year = 2023;
  b.dept.form = "2023";
  for (const auto& l : lines) {
    ExpenditureLine e;
    e.code.value = l.code;
    e.source = l.source;
    for (int k = 0; k < kKindCount; ++k) e.amounts[k].value = l.amounts[k];
    b.expenditure.push_back(e);
    b.income[static_cast<int>(l.source)].value += e.total();
  }
  return b;
}
}  // namespace

TEST_CASE("import: printed cells are compared with the derived tables, at their cell") {
  auto r = run({
      sheet("部门预算支出总表", kExpHead,
            {{"", "合计", "7.44", "7.44", ""},
             {"210", "卫生健康支出", "7.44", "7.44", ""},
             {"21011", "行政事业单位医疗", "7.44", "7.44", ""},
             {"2101102", "事业单位医疗", "3.30", "3.30", ""},
             {"2101103", "公务员医疗补助", "4.13", "4.13", ""}}),
      sheet("部门预算一般公共预算财政拨款支出表", kFundHead,
            {{"", "合计", "7.43", "7.43", ""},
             {"2101102", "事业单位医疗", "3.30", "3.30", ""},
             {"2101103", "公务员医疗补助", "4.13", "4.13", ""}}),
  });
  Context ctx(test::config_dir());
  const Profile& p = *ctx.profile("2023");
  CodeNames names;
  names.catalog = ctx.catalog().for_year(2023);
  Budget b = budget_of(r->lines);
  Derived d = derive(b, p, names);
  std::vector<std::pair<std::string, std::string>> missing;
  auto links = link_cells(r->c, d, &missing);
  CHECK(report_differences(links, d, r->report) >= 4);
  bool at_cell = false;
  for (const auto& f : r->report.all())
    at_cell =
        at_cell || (f.where == "部门预算支出总表!C4" &&
                    f.text.find("合计（合计行） 7.44 ≠ 按明细计算 7.43") != std::string::npos &&
                    f.text.find("210 7.44") != std::string::npos);
  CHECK(at_cell);
  // The 款 row: its own cell, its printed parts.
  CHECK(has(r->report, Finding::Level::Warning,
            "7.44 ≠ 按明细计算 7.43（= 2101102 3.30 + 2101103 4.13）"));
  // The fund table's consistent cells give nothing; its missing 类/款 rows are named once each.
  for (const auto& f : r->report.all()) CHECK(f.where.find("一般公共预算") == std::string::npos);
  REQUIRE(missing.size() == 2);
  CHECK(missing[0].second.find("没有科目 210 的行") != std::string::npos);
  // The fill-in template (workbook-template) prints 项 rows only: no level is missing there.
  std::vector<std::pair<std::string, std::string>> missing_entry;
  link_cells(r->c, d, &missing_entry, true);
  CHECK(missing_entry.empty());
  REQUIRE(r->lines.size() == 2);
  CHECK(r->lines[0].amounts[0] + r->lines[1].amounts[0] == wan(743));

  SECTION("the 尾差 is settled in 元: every printed cell reproduced, each part within rounding") {
    Budget settled = b;
    auto derive_fn = [&](const Budget& x) { return derive(x, p, names); };
    // Links without the fund table's 7.43 合计, which contradicts the 支出总表's 7.44 beyond one
    // rounding (the same leaves, printed twice).
    std::vector<CellLink> t3_links;
    for (const auto& l : links)
      if (l.where.find("支出总表") != std::string::npos) t3_links.push_back(l);
    TailGapResult tg = settle_tail_gaps(settled, t3_links, derive_fn);
    CHECK(tg.settled);
    CHECK(tg.cells.size() >= 3);
    Derived after = derive_fn(settled);
    for (const auto& l : t3_links) CHECK(agrees(l, after));
    for (size_t i = 0; i < b.expenditure.size(); ++i) {
      const int64_t moved =
          settled.expenditure[i].total().in_fen() - b.expenditure[i].total().in_fen();
      CHECK(moved >= -5000);
      CHECK(moved < 5000);
    }
    // The derived 合计 is now the printed 7.44, and the table is marked for the 尾差 note.
    CHECK(after.fig.expenditure_total.in_fen() >= 7435000);
    CHECK(after.table("t3-expenditure")->rounding_gap);
  }
  SECTION("a gap larger than rounding is not settled") {
    Budget settled = b;
    auto derive_fn = [&](const Budget& x) { return derive(x, p, names); };
    TailGapResult tg = settle_tail_gaps(settled, links, derive_fn);
    // 7.44 and 7.43 for the same leaves cannot both be reproduced.
    CHECK_FALSE(tg.settled);
    CHECK(settled.expenditure[0].total() == b.expenditure[0].total());
  }
}
