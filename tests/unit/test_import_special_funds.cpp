// import: 专项资金 (special_funds) read back by read_parts — our workbook's 专项资金 sheet
// (2024-layout 绩效目标表 stacked like the projects') and the fill-in workbook's 专项资金信息 /
// 专项资金绩效指标 lists — into their own list, never into projects; a fund's indicator is joined
// within the funds only (a project's name there is an error at its cell).
#include <catch2/catch.hpp>

#include "import/parts.hpp"

using namespace bp;
using namespace bp::import;

namespace {

void put(Sheet& s, int r, int c, const std::string& t, CellKind k = CellKind::Text) {
  s.set(r, c, {t, k});
}

const Finding* find(const Report& r, const std::string& part) {
  for (const auto& f : r.all())
    if ((f.where + ": " + f.text).find(part) != std::string::npos) return &f;
  return nullptr;
}

// A 2024-layout 绩效目标表 at `row` (7 columns): code, name, amounts, purpose, plan, goal, one
// indicator.
void table_2024(Sheet& s, int row, int n, const std::string& code, const std::string& name,
                const std::string& fiscal, const std::string& plan3) {
  put(s, row, 0, std::to_string(n) + "、" + name + "绩效目标表");
  put(s, row + 1, 6, "单位：万元");
  put(s, row + 2, 0, "项目编码");
  put(s, row + 2, 1, code);
  put(s, row + 2, 3, "项目名称");
  put(s, row + 2, 4, name);
  put(s, row + 3, 0, "预算规模及资金用途");
  s.add_merge({{row + 3, 0}, {row + 4, 0}});
  put(s, row + 3, 1, "预算数");
  put(s, row + 3, 2, fiscal);
  put(s, row + 3, 3, "其中：财政资金");
  put(s, row + 3, 4, fiscal);
  put(s, row + 3, 5, "其他资金");
  put(s, row + 4, 1, "补助基层单位。");
  put(s, row + 5, 0, "资金支出计划（%）");
  put(s, row + 5, 1, "3月底");
  put(s, row + 5, 3, "6月底");
  put(s, row + 5, 4, "10月底");
  put(s, row + 5, 5, "12月底");
  put(s, row + 6, 1, plan3);
  put(s, row + 6, 3, "50%");
  put(s, row + 6, 4, "75%");
  put(s, row + 6, 5, "100%");
  put(s, row + 7, 0, "绩效目标");
  put(s, row + 7, 1, "1.完成检查。\n2.配备设备。");
  const char* heads[] = {"一级指标",     "二级指标", "三级指标",
                         "绩效指标描述", "指标值",   "指标值确定依据"};
  for (int c = 0; c < 6; ++c) put(s, row + 8, c, heads[c]);
  put(s, row + 9, 0, "产出指标");
  put(s, row + 9, 1, "数量指标");
  put(s, row + 9, 2, "检查场所数");
  put(s, row + 9, 3, "年度检查场所");
  put(s, row + 9, 4, "≥40个");
  put(s, row + 9, 5, "年度工作计划");
}

}  // namespace

TEST_CASE("import: our workbook's 专项资金 sheet fills special_funds, 项目绩效目标 the projects") {
  Workbook wb;
  wb.sheets.resize(2);
  Sheet& p = wb.sheets[0];
  p.name = "项目绩效目标";
  table_2024(p, 0, 1, "201P001", "网络运行维护费", "38", "25%");
  Sheet& f = wb.sheets[1];
  f.name = "专项资金";
  // Numbered from 1 again, as the document numbers the 专项资金 tables.
  table_2024(f, 0, 1, "201S001", "保密技术防护专项资金", "45", "20%");
  table_2024(f, 11, 2, "201S002", "档案数字化专项资金", "30", "");
  Report rep;
  ImportedParts out = read_parts(wb, "区委办", 2024, nullptr, rep);
  CHECK_FALSE(rep.has_errors());
  REQUIRE(out.projects.size() == 1);
  CHECK(out.projects[0].name.value == "网络运行维护费");
  CHECK(out.indicator_rows == 1);
  REQUIRE(out.special_funds.size() == 2);
  CHECK(out.special_indicator_rows == 2);
  const Project& a = out.special_funds[0];
  CHECK(a.code.value == "201S001");
  CHECK(a.name.value == "保密技术防护专项资金");
  REQUIRE(a.fiscal);
  CHECK(a.fiscal->value == Money::fen(45LL * kFenPerWan));
  CHECK(a.spend_plan_hundredths == std::vector<int64_t>{2000, 5000, 7500, 10000});
  REQUIRE(a.goals.size() == 2);
  CHECK(a.goals[1].value == "配备设备。");
  REQUIRE(a.indicators.size() == 1);
  CHECK(a.indicators[0].value.value == "≥40个");
  // A quarter left blank stays blank (~), as for projects.
  CHECK(out.special_funds[1].spend_plan_hundredths == std::vector<int64_t>{-1, 5000, 7500, 10000});
}

TEST_CASE("import: a sheet titled with 专项资金 fills special_funds whatever its name") {
  Workbook wb;
  wb.sheets.resize(1);
  Sheet& f = wb.sheets[0];
  f.name = "表12";
  put(f, 0, 0, "部门主管专项资金绩效目标表");
  table_2024(f, 2, 1, "201S001", "保密技术防护专项资金", "45", "20%");
  Report rep;
  ImportedParts out = read_parts(wb, "区委办", 2024, nullptr, rep);
  CHECK(out.projects.empty());
  REQUIRE_FALSE(out.special_funds.empty());
  CHECK(out.special_funds.back().name.value == "保密技术防护专项资金");
}

TEST_CASE("import: the fill-in workbook's 专项资金信息 / 专项资金绩效指标 lists") {
  auto info = [](const char* name, const char* title, const char* row_name) {
    Sheet s;
    s.name = name;
    put(s, 0, 0, title);
    put(s, 1, 0, "单位：万元");
    const char* heads[] = {"项目名称",         "项目编码",         "预算单位",
                           "财政资金（万元）", "其他资金（万元）", "绩效目标"};
    for (int c = 0; c < 6; ++c) put(s, 2, c, heads[c]);
    put(s, 3, 0, row_name);
    put(s, 3, 3, "45", CellKind::Number);
    put(s, 3, 5, "完成检查。");
    return s;
  };
  auto indicators = [](const char* name, const char* title, const char* row_name) {
    Sheet s;
    s.name = name;
    put(s, 0, 0, title);
    const char* heads[] = {"项目名称", "项目编码",     "一级指标", "二级指标",
                           "三级指标", "绩效指标描述", "指标值",   "指标值确定依据"};
    for (int c = 0; c < 8; ++c) put(s, 2, c, heads[c]);
    put(s, 3, 0, row_name);
    put(s, 3, 2, "产出指标");
    put(s, 3, 3, "数量指标");
    put(s, 3, 4, "检查场所数");
    put(s, 3, 6, "≥40个");
    return s;
  };
  Workbook wb;
  wb.sheets.push_back(info("项目信息", "项目信息（每个项目一行）", "网络运行维护费"));
  wb.sheets.push_back(indicators("项目绩效指标", "项目绩效指标（每个指标一行）", "网络运行维护费"));
  wb.sheets.push_back(
      info("专项资金信息", "专项资金信息（每项专项资金一行）", "保密技术防护专项资金"));
  wb.sheets.push_back(
      indicators("专项资金绩效指标", "专项资金绩效指标（每个指标一行）", "保密技术防护专项资金"));
  Report rep;
  ImportedParts out = read_parts(wb, "区委办", 2024, nullptr, rep);
  CHECK_FALSE(rep.has_errors());
  REQUIRE(out.projects.size() == 1);
  REQUIRE(out.projects[0].indicators.size() == 1);
  REQUIRE(out.special_funds.size() == 1);
  const Project& a = out.special_funds[0];
  CHECK(a.name.value == "保密技术防护专项资金");
  REQUIRE(a.fiscal);
  CHECK(a.fiscal->value == Money::fen(45LL * kFenPerWan));
  REQUIRE(a.indicators.size() == 1);
  CHECK(a.indicators[0].name.value == "检查场所数");
  CHECK(out.indicator_rows == 1);
  CHECK(out.special_indicator_rows == 1);

  // A fund's indicator naming a project: the names are joined within the funds only.
  put(wb.sheets[3], 3, 0, "网络运行维护费");
  Report rep2;
  ImportedParts bad = read_parts(wb, "区委办", 2024, nullptr, rep2);
  const Finding* f = find(rep2, "专项资金绩效指标!A4: 项目“网络运行维护费”不在专项资金信息表中");
  REQUIRE(f);
  CHECK(f->level == Finding::Level::Error);
  CHECK(bad.projects[0].indicators.size() == 1);  // not given to the project either
}
