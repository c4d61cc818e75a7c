// import: 项 lines split by funding source from 支出总表 + the fiscal tables + 收入总表, and the
// identities checked between imported tables.
#include <catch2/catch.hpp>

#include "../support/fixtures.hpp"
#include "app/context.hpp"
#include "import/collect.hpp"
#include "import/consistency.hpp"
#include "import/interpret.hpp"
#include "import/split.hpp"

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

TEST_CASE("import: 尾差 are warnings with the cell, the leaves stay primary") {
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
  std::vector<ImportedEconomic> econ;
  ImportedThreePublic tp;
  ImportedFacts facts{&r->lines, &econ, &tp, "full"};
  check_consistency(r->c, p, facts, names, r->report);
  CHECK(has(r->report, Finding::Level::Warning, "合计 7.44 ≠ Σ 项 7.43"));
  bool at_cell = false;
  for (const auto& f : r->report.all())
    at_cell = at_cell ||
              (f.where == "部门预算支出总表!C6" && f.text.find("Σ 项 7.43") != std::string::npos);
  CHECK(at_cell);
  // Missing parent rows in the fund table are reported once each.
  CHECK(has(r->report, Finding::Level::Warning, "上级科目 210 没有列出"));
  REQUIRE(r->lines.size() == 2);
  CHECK(r->lines[0].amounts[0] + r->lines[1].amounts[0] == wan(743));
}
