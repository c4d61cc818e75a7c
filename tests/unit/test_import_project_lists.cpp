// import: the fill-in workbook's 项目信息 / 项目绩效指标 lists (src/import/read_project_lists.cpp):
// columns by header words, blank 项目名称 / 一级 / 二级 cells repeat the row above, indicators
// joined to projects by name, a spend plan typed as percentages (0.25), unknown and duplicated
// names.
#include <catch2/catch.hpp>

#include "import/parts.hpp"

using namespace bp;
using namespace bp::import;

namespace {

void put(Sheet& s, int r, int c, const std::string& t, CellKind k = CellKind::Text) {
  s.set(r, c, {t, k});
}

Sheet project_sheet() {
  Sheet s;
  s.name = "项目信息";
  put(s, 0, 0, "项目信息（每个项目一行）");
  put(s, 1, 0, "单位：万元");
  const char* heads[] = {"项目名称",         "项目编码",    "预算单位",   "财政资金（万元）",
                         "其他资金（万元）", "资金用途",    "3月底（%）", "6月底（%）",
                         "10月底（%）",      "12月底（%）", "绩效目标"};
  for (int c = 0; c < 11; ++c) put(s, 2, c, heads[c]);
  put(s, 3, 0, "设备更新");
  put(s, 3, 1, "512002P0001");
  put(s, 3, 2, "示例县第一中学");
  put(s, 3, 3, "180", CellKind::Number);
  put(s, 3, 4, "120", CellKind::Number);
  put(s, 3, 5, "更新实验室设备。");
  put(s, 3, 7, "0.4", CellKind::Number);  // typed as 40%: Excel keeps 0.4
  put(s, 3, 8, "0.8", CellKind::Number);
  put(s, 3, 9, "1", CellKind::Number);
  put(s, 3, 10, "1.完成12间实验室。\n2.完成20间教室。");
  put(s, 5, 0, "课后服务");  // a blank row between projects is skipped
  put(s, 5, 3, "95", CellKind::Number);
  put(s, 5, 6, "25", CellKind::Number);
  put(s, 5, 7, "50", CellKind::Number);
  put(s, 5, 8, "75", CellKind::Number);
  put(s, 5, 9, "100", CellKind::Number);
  put(s, 5, 10, "为全校学生提供课后服务。");
  return s;
}

Sheet indicator_sheet() {
  Sheet s;
  s.name = "项目绩效指标";
  put(s, 0, 0, "项目绩效指标（每个指标一行）");
  const char* heads[] = {"项目名称",     "一级指标", "二级指标",      "三级指标",
                         "绩效指标描述", "指标值",   "指标值确定依据"};
  for (int c = 0; c < 7; ++c) put(s, 2, c, heads[c]);
  put(s, 3, 0, "设备更新");
  put(s, 3, 1, "产出指标");
  put(s, 3, 2, "数量指标");
  put(s, 3, 3, "更新教室数");
  put(s, 3, 5, "32间");
  put(s, 4, 3, "实验室数");  // project, 一级, 二级 as above
  put(s, 4, 5, "12间");
  put(s, 5, 1, "效益指标");  // a new 一级 starts without the old 二级
  put(s, 5, 3, "实验开出率");
  put(s, 5, 5, "100%");
  put(s, 6, 0, "课后服务");
  put(s, 6, 1, "满意度指标");
  put(s, 6, 2, "服务对象满意度指标");
  put(s, 6, 3, "家长满意度");
  put(s, 6, 5, "≥95%");
  return s;
}

}  // namespace

TEST_CASE("import: 项目信息 and 项目绩效指标 lists of the fill-in workbook") {
  ImportedParts out;
  Report rep;
  Sheet p = project_sheet(), i = indicator_sheet();
  REQUIRE(read_project_list_sheet(p, out, rep));
  REQUIRE(read_project_list_sheet(i, out, rep));
  join_listed_indicators(out, rep);
  CHECK_FALSE(rep.has_errors());
  REQUIRE(out.projects.size() == 2);
  const Project& a = out.projects[0];
  CHECK(a.code.value == "512002P0001");
  CHECK(a.unit.value == "示例县第一中学");
  REQUIRE(a.fiscal);
  CHECK(a.fiscal->value == Money::fen(180'000'000));  // 180 万元
  REQUIRE(a.other);
  CHECK(a.purpose.value == "更新实验室设备。");
  CHECK(a.spend_plan_hundredths == std::vector<int64_t>{-1, 4000, 8000, 10000});
  REQUIRE(a.goals.size() == 2);
  CHECK(a.goals[1].value == "完成20间教室。");
  REQUIRE(a.indicators.size() == 3);
  CHECK(a.indicators[1].level1.value == "产出指标");
  CHECK(a.indicators[1].level2.value == "数量指标");
  CHECK(a.indicators[1].name.value == "实验室数");
  CHECK(a.indicators[2].level1.value == "效益指标");
  CHECK(a.indicators[2].level2.value.empty());
  const Project& b = out.projects[1];
  CHECK_FALSE(b.other);
  CHECK(b.spend_plan_hundredths == std::vector<int64_t>{2500, 5000, 7500, 10000});
  REQUIRE(b.goals.size() == 1);
  REQUIRE(b.indicators.size() == 1);
  CHECK(b.indicators[0].level2.value == "服务对象满意度指标");
  CHECK(out.indicator_rows == 4);
}

TEST_CASE("import: an indicator of an unknown or duplicated project is an error at its cell") {
  ImportedParts out;
  Report rep;
  Sheet p = project_sheet(), i = indicator_sheet();
  put(p, 6, 0, "课后服务");  // a second project of the same name
  put(i, 7, 0, "没有的项目");
  put(i, 7, 1, "产出指标");
  put(i, 7, 3, "某指标");
  read_project_list_sheet(p, out, rep);
  read_project_list_sheet(i, out, rep);
  join_listed_indicators(out, rep);
  bool unknown = false, duplicate = false;
  for (const auto& f : rep.all()) {
    unknown = unknown || (f.where == "项目绩效指标!A8" &&
                          f.text.find("“没有的项目”不在项目信息表中") != std::string::npos);
    duplicate = duplicate || (f.where == "项目绩效指标!A7" &&
                              f.text.find("2 个名为“课后服务”") != std::string::npos);
  }
  CHECK(unknown);
  CHECK(duplicate);
}

TEST_CASE("import: a sheet that is neither list is left to the other readers") {
  Sheet s;
  s.name = "表10";
  put(s, 0, 0, "1、某项目绩效目标表");
  put(s, 1, 0, "项目名称");
  put(s, 1, 1, "某项目");
  ImportedParts out;
  Report rep;
  CHECK_FALSE(read_project_list_sheet(s, out, rep));
  CHECK(out.projects.empty());
}

TEST_CASE("import: the fill-in workbook's 国有资产 sheet — 截止时间 in its own cell, blank sheet") {
  auto sheet = [] {
    Sheet s;
    s.name = "国有资产";
    put(s, 0, 0, "部门固定资产占用情况表");
    put(s, 1, 0, "截止时间：");
    put(s, 2, 0, "项 目");
    put(s, 2, 1, "数量");
    put(s, 2, 2, "价值（单位：元）");
    const char* rows[] = {
        "资产总额",          "1、房屋（平方米）",         "其中：办公用房（平方米）",
        "2、车辆（台、辆）", "3、单价在20万元以上的设备", "4、其他固定资产"};
    for (int i = 0; i < 6; ++i) put(s, 3 + i, 0, rows[i]);
    return s;
  };
  {
    Sheet s = sheet();  // nothing filled: no assets
    ImportedParts out;
    Report rep;
    read_assets_sheet(s, out, rep);
    CHECK_FALSE(out.assets.present);
    CHECK_FALSE(rep.has_errors());
  }
  {
    Sheet s = sheet();
    put(s, 1, 1, "2023-12-31");
    put(s, 6, 1, "1", CellKind::Number);
    put(s, 6, 2, "180000.5", CellKind::Number);
    ImportedParts out;
    Report rep;
    read_assets_sheet(s, out, rep);
    CHECK(out.assets.present);
    CHECK(out.assets.as_of.value == "2023-12-31");
    CHECK(out.assets.vehicles.quantity == 1);
    CHECK(out.assets.vehicles.value.value == Money::fen(18'000'050));  // 180000.50 元
  }
}
