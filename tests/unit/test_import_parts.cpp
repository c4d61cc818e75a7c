// import: the parts beyond the 9 tables — project tables stacked on one sheet in the 2023 layout
// (budget-system style: no 项目编码 row, merged 一级指标, blank 二级指标 filled down) and the
// 2024 layout, 机构设置, 政府采购 with 品目编码 and 小计 groups, 固定资产.
#include <catch2/catch.hpp>

#include "document/narrative_tables.hpp"
#include "import/parts.hpp"

using namespace bp;
using namespace bp::import;

namespace {

void put(Sheet& s, int r, int c, const std::string& t) {
  s.set(r, c, {t, CellKind::Text});
}

const Finding* find(const Report& r, const std::string& part) {
  for (const auto& f : r.all())
    if ((f.where + ": " + f.text).find(part) != std::string::npos) return &f;
  return nullptr;
}

}  // namespace

TEST_CASE("import: stacked 2023-layout project tables, merged and blank labels filled down") {
  Sheet s;
  s.name = "表10";
  put(s, 0, 0, "1、政务公开专项经费绩效目标表");
  put(s, 1, 0, "预算单位：633001示例区人民政府办公室(本级)");
  put(s, 1, 4, "项目编码：633001P2301");
  put(s, 2, 0, "绩效目标");
  put(s, 2, 1, "1.完成平台维护。\n2.编印公报12期。");
  for (int c = 0; c < 6; ++c)
    put(s, 3, c,
        std::vector<std::string>{"一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值",
                                 "指标值确定依据"}[c]);
  put(s, 4, 0, "产出指标");
  s.add_merge({{4, 0}, {5, 0}});
  put(s, 4, 1, "数量指标");
  put(s, 4, 2, "公开条数");
  put(s, 4, 3, "全年主动公开");
  put(s, 4, 4, "≥3000条");
  put(s, 4, 5, "上年完成情况");
  put(s, 5, 2, "公报期数");  // 二级 blank: the one above
  put(s, 5, 4, "12期");
  put(s, 7, 0, "2、“国家级绿色园区”资料收集绩效目标表");
  put(s, 8, 0, "绩效目标");
  put(s, 8, 1, "按时完成年度报告。");
  for (int c = 0; c < 6; ++c)
    put(s, 9, c,
        std::vector<std::string>{"一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值",
                                 "指标值确定依据"}[c]);
  put(s, 10, 0, "满意度指标");
  put(s, 10, 1, "服务对象满意度指标");
  put(s, 10, 2, "满意度");
  put(s, 10, 4, "≥90%");
  ImportedParts out;
  Report rep;
  read_project_tables(s, out, rep);
  CHECK_FALSE(rep.has_errors());
  REQUIRE(out.projects.size() == 2);
  const Project& a = out.projects[0];
  CHECK(a.name.value == "政务公开专项经费");
  CHECK(a.code.value == "633001P2301");
  CHECK(a.unit.value == "633001示例区人民政府办公室(本级)");
  REQUIRE(a.goals.size() == 2);
  CHECK(a.goals[1].value == "编印公报12期。");
  REQUIRE(a.indicators.size() == 2);
  CHECK(a.indicators[1].level1.value == "产出指标");  // merged
  CHECK(a.indicators[1].level2.value == "数量指标");  // blank, filled down
  CHECK(a.indicators[1].value.value == "12期");
  // Quotes in a title are kept as written; no code: the project is known by its name.
  CHECK(out.projects[1].name.value == "“国家级绿色园区”资料收集");
  CHECK(out.projects[1].code.value.empty());
  CHECK(out.indicator_rows == 3);
}

TEST_CASE("import: 2024-layout project rows, spend plan with a blank quarter, a bad percentage") {
  Sheet s;
  s.name = "项目绩效目标";
  put(s, 0, 0, "1、教育管理信息化运维绩效目标表");
  put(s, 1, 6, "单位：万元");
  put(s, 2, 0, "项目编码");
  put(s, 2, 1, "512001P0001");
  put(s, 2, 3, "项目名称");
  put(s, 2, 4, "教育管理信息化运维");
  put(s, 3, 0, "预算规模及资金用途");
  s.add_merge({{3, 0}, {4, 0}});
  put(s, 3, 1, "预算数");
  put(s, 3, 2, "300");
  put(s, 3, 3, "其中：财政资金");
  put(s, 3, 4, "180");
  put(s, 3, 5, "其他资金");
  put(s, 3, 6, "120");
  put(s, 4, 1, "项目预算300.00万元，其中财政资金180.00万元，其他资金120.00万元。更新设备。");
  put(s, 5, 0, "资金支出计划（%）");
  put(s, 5, 1, "3月底");
  put(s, 5, 3, "6月底");
  put(s, 5, 4, "10月底");
  put(s, 5, 5, "12月底");
  put(s, 6, 3, "40%");
  put(s, 6, 4, "70.5%");
  put(s, 6, 5, "100%");
  ImportedParts out;
  Report rep;
  read_project_tables(s, out, rep);
  REQUIRE(out.projects.size() == 1);
  const Project& p = out.projects[0];
  CHECK(p.code.value == "512001P0001");
  REQUIRE(p.fiscal);
  CHECK(p.fiscal->value == Money::fen(180LL * kFenPerWan));
  REQUIRE(p.other);
  CHECK(p.other->value == Money::fen(120LL * kFenPerWan));
  CHECK(p.spend_plan_hundredths == std::vector<int64_t>{-1, 4000, 7050, 10000});
  CHECK(purpose_amount_sentence(p) == "项目预算300.00万元，其中财政资金180.00万元，其他资金120.00万元。");

  put(s, 6, 3, "四成");
  ImportedParts bad;
  Report rep2;
  read_project_tables(s, bad, rep2);
  const Finding* f = find(rep2, "项目绩效目标!D7: 资金支出计划“四成”不是百分数");
  REQUIRE(f);
  CHECK(f->level == Finding::Level::Error);
}

TEST_CASE("import: procurement with 品目编码 and 小计 groups; assets; institutions") {
  Sheet p;
  p.name = "表12";
  put(p, 0, 0, "部门政府采购预算");
  put(p, 1, 11, "单位：万元");
  const std::vector<std::string> head = {"项目名称",         "预算资金", "采购物品名称", "品目编码",
                                         "计量单位",         "数量",     "单价",         "合计",
                                         "一般公共预算拨款", "单位资金"};
  for (int c = 0; c < static_cast<int>(head.size()); ++c) put(p, 2, c, head[c]);
  put(p, 3, 0, "合  计");
  put(p, 4, 0, "示例县第一中学小计");
  std::vector<std::string> row = {
      "初中教学设备更新", "300", "实验室设备", "A02100301", "套", "12", "5", "60", "50", "10"};
  for (int c = 0; c < static_cast<int>(row.size()); ++c) put(p, 5, c, row[c]);
  ImportedParts out;
  Report rep;
  read_procurement_sheet(p, "示例县教育局", out, rep);
  CHECK_FALSE(rep.has_errors());
  REQUIRE(out.procurement.size() == 1);
  const ProcurementRow& r = out.procurement[0];
  CHECK(r.unit.value == "示例县第一中学");
  CHECK(r.catalog_code.value == "A02100301");
  CHECK(r.quantity == 12);
  CHECK(r.amounts[static_cast<int>(ProcSource::Gpb)].value == Money::fen(50LL * kFenPerWan));
  CHECK(r.amounts[static_cast<int>(ProcSource::Unit)].value == Money::fen(10LL * kFenPerWan));

  Sheet a;
  a.name = "国有资产";
  put(a, 0, 0, "部门固定资产占用情况表");
  put(a, 1, 2, "截止时间：2023-12-31");
  put(a, 2, 0, "项 目");
  put(a, 2, 1, "数量");
  put(a, 2, 2, "价值（金额单位：万元）");
  put(a, 3, 0, "资产总额");
  put(a, 4, 0, "1、房屋（平方米）");
  put(a, 4, 1, "2600");
  put(a, 4, 2, "583.45");
  put(a, 5, 0, "其中：办公用房（平方米）");
  put(a, 5, 1, "400");
  put(a, 5, 2, "89.76");
  put(a, 6, 0, "4、其他固定资产");
  put(a, 6, 1, "1.5");  // not an integer
  read_assets_sheet(a, out, rep);
  CHECK(out.assets.as_of.value == "2023-12-31");
  CHECK(out.assets.buildings.quantity == 2600);
  CHECK(out.assets.office.value.value == Money::fen(8976LL * kFenPerWan / 100));
  CHECK(find(rep, "国有资产!B7: 数量“1.5”不是整数"));

  Sheet i;
  i.name = "机构设置";
  put(i, 0, 0, "部门机构设置情况");
  put(i, 1, 0, "单位编码");
  put(i, 1, 1, "单位名称");
  put(i, 1, 2, "单位性质");
  put(i, 2, 0, "512001");
  put(i, 2, 1, "示例县教育局(本级)");
  put(i, 2, 2, "行政");
  ImportedParts inst;
  Report r3;
  read_institutions_sheet(i, 1, inst, r3);
  REQUIRE(inst.institutions.size() == 1);
  CHECK(inst.institutions[0].code.value == "512001");
  CHECK(inst.institutions[0].nature.value == "行政");
}
