// import: the 说明数据 and 各单位资产情况 sheets (issue 18, item 1) — labelled rows filled down,
// amounts in the sheet's unit, blank values not stated, unknown labels and bad cells are errors
// with their cell; a 资金来源 column of a budget system's procurement list takes exactly the
// template's words; the indicator and 品目 catalogues (config/catalog/) give the lists check and
// the template read.
#include <catch2/catch.hpp>

#include <filesystem>

#include "app/workbook_narrative.hpp"
#include "import/parts.hpp"
#include "model/catalog.hpp"

using namespace bp;
using namespace bp::import;

namespace {

void put(Sheet& s, int r, int c, const std::string& t) {
  s.set(r, c, {t, CellKind::Text});
}
void num(Sheet& s, int r, int c, const std::string& t) {
  s.set(r, c, {t, CellKind::Number});
}

const Finding* find(const Report& r, const std::string& part) {
  for (const auto& f : r.all())
    if ((f.where + ": " + f.text).find(part) != std::string::npos) return &f;
  return nullptr;
}

Sheet data_sheet(const std::string& unit) {
  Sheet s;
  s.name = "说明数据";
  put(s, 0, 0, "说明数据");
  put(s, 1, 2, "单位：" + unit);
  put(s, 2, 0, "项目");
  put(s, 2, 1, "细项");
  put(s, 2, 2, "数值");
  return s;
}

}  // namespace

TEST_CASE("import: 说明数据 rows become the narrative's figures and settings") {
  Sheet s = data_sheet("万元");
  int r = 3;
  auto row = [&](const char* g, const char* i, const char* v, bool number) {
    if (*g) put(s, r, 0, g);
    put(s, r, 1, i);
    if (number)
      num(s, r, 2, v);
    else if (*v)
      put(s, r, 2, v);
    ++r;
  };
  row("基本情况", "政府层级", "县级", false);
  row("", "收入说明列出金额为零的来源", "是", false);  // 项目 blank: the one above
  row("", "部门职责编号样式", "（一）", false);
  row("上年预算数", "基本支出", "2480", true);
  row("", "项目支出", "300.5", true);
  row("上年“三公”经费", "公务接待费", "3.5", true);
  row("", "公务用车运行维护费（政府性基金）", "1", true);
  row("", "其他会议费", "", false);  // blank: not stated
  row("机关运行经费", "用途", "办公和差旅", false);
  row("机关运行经费明细", "办公费", "20", true);
  row("", "差旅费", "12.3", true);
  row("国有资产", "说明", "已全部登记入账。", false);
  row("", "净资产", "338.6", true);
  ImportedParts out;
  Report rep;
  REQUIRE(read_narrative_data_sheet(s, out, rep));
  CHECK_FALSE(rep.has_errors());
  const NarrativeData& n = out.narrative;
  CHECK(n.present);
  CHECK(n.gov_level == std::optional<std::string>("县级"));
  CHECK(n.list_zero_income == std::optional<bool>(true));
  CHECK(n.duties_numbering == std::optional<std::string>("（一）"));
  REQUIRE(n.previous.basic);
  CHECK(n.previous.basic->value.in_fen() == 2480 * kFenPerWan);
  CHECK(n.previous.project->value.in_fen() == 3005 * kFenPerWan / 10);
  CHECK_FALSE(n.previous.running_cost);
  CHECK(n.tp_last.present);
  CHECK(n.tp_last.item(TpItem::Reception).in_fen() == 35 * kFenPerWan / 10);
  CHECK(n.tp_last.item(TpItem::VehicleOperation, 1).in_fen() == kFenPerWan);
  CHECK(n.tp_last.item(TpItem::MeetingOther).zero());
  CHECK(n.running_cost.purpose.value == "办公和差旅");
  REQUIRE(n.running_cost.items.size() == 2);
  CHECK(n.running_cost.items[1].name.value == "差旅费");
  CHECK(n.assets_note == "已全部登记入账。");
  REQUIRE(n.statement.net_assets);
  CHECK(n.statement.net_assets->value.in_fen() == 3386 * kFenPerWan / 10);
}

TEST_CASE("import: 说明数据 in 元, unknown labels and bad cells are errors at their cell") {
  Sheet s = data_sheet("元");
  put(s, 3, 0, "上年预算数");
  put(s, 3, 1, "基本支出");
  num(s, 3, 2, "1380000.25");
  put(s, 4, 0, "上年预算数");
  put(s, 4, 1, "事业支出");  // not a row of the sheet
  num(s, 4, 2, "5");
  put(s, 5, 0, "基本情况");
  put(s, 5, 1, "收入说明列出金额为零的来源");
  put(s, 5, 2, "对");
  put(s, 6, 0, "机关运行经费明细");
  put(s, 6, 1, "办公费");  // no amount
  put(s, 7, 0, "上年预算数");
  put(s, 7, 1, "项目支出");
  put(s, 7, 2, "三百");
  ImportedParts out;
  Report rep;
  REQUIRE(read_narrative_data_sheet(s, out, rep));
  REQUIRE(out.narrative.previous.basic);
  CHECK(out.narrative.previous.basic->value.in_fen() == 138000025);
  CHECK(find(rep, "说明数据!B5: 说明数据中不认识“上年预算数 / 事业支出”"));
  CHECK(find(rep, "说明数据!C6: “收入说明列出金额为零的来源”应填“是”或“否”"));
  CHECK(find(rep, "说明数据!C7: 机关运行经费明细“办公费”没有填写金额"));
  CHECK(find(rep, "说明数据!C8"));
  // Every amount is offered to the 元-or-万元 decision: 0.25 元 needs a file in 元.
  bool cents = false;
  for (Money m : out.narrative.amounts()) cents = cents || m.in_fen() % (kFenPerWan / 100) != 0;
  CHECK(cents);
}

TEST_CASE("import: 各单位资产情况 rows, blank rows not stated, a fractional quantity is an error") {
  Sheet s;
  s.name = "各单位资产情况";
  put(s, 0, 0, "各单位资产情况");
  put(s, 1, 0, "单位：万元");
  const std::vector<std::string> head = {
      "单位",         "房屋数量",         "房屋价值",         "办公用房数量",
      "办公用房价值", "车辆数量",         "车辆价值",         "设备数量",
      "设备价值",     "其他固定资产数量", "其他固定资产价值", "固定资产原值",
      "累计折旧",     "无形资产原值",     "无形资产累计摊销", "净资产"};
  for (size_t c = 0; c < head.size(); ++c) put(s, 2, static_cast<int>(c), head[c]);
  put(s, 3, 0, "512001");
  num(s, 3, 1, "1200");
  num(s, 3, 2, "360");
  num(s, 3, 11, "483.8");
  put(s, 4, 0, "512002");
  num(s, 4, 5, "1.5");
  ImportedParts out;
  Report rep;
  REQUIRE(read_unit_assets_sheet(s, out, rep));
  REQUIRE(out.narrative.units.size() == 2);
  const UnitAssets& u = out.narrative.units[0];
  CHECK(u.unit.value == "512001");
  CHECK(u.buildings.present);
  CHECK(u.buildings.quantity == 1200);
  CHECK_FALSE(u.office.present);
  REQUIRE(u.statement.original);
  CHECK(u.statement.original->value.in_fen() == 4838 * kFenPerWan / 10);
  CHECK_FALSE(u.statement.net_assets);
  CHECK(find(rep, "各单位资产情况!F5: 数量“1.5”不是整数"));
}

TEST_CASE("export: the 说明数据 table carries what the importer reads back") {
  Budget b;
  b.dept.code.value = "512";
  b.dept.name.value = "示例县教育局";
  b.dept.gov_level = "县级";
  b.previous.basic = Amount{Money::fen(2480 * kFenPerWan), {}};
  b.three_public.last_year.present = true;
  b.three_public.last_year.v[static_cast<int>(TpItem::Reception)][0].value =
      Money::fen(35 * kFenPerWan / 10);
  b.dept.duties.push_back(Text{"负责全县教育工作。", {}});
  const auto tables = narrative_sheet::narrative_tables(b);
  REQUIRE(tables.size() == 2);  // 部门职责, 说明数据 (no per-unit assets)
  CHECK(tables[0].title == "部门职责");
  const doc::Table& t = tables[1];
  std::vector<std::string> rows;
  for (const auto& r : t.body)
    rows.push_back(r.cells[0].text + "|" + r.cells[1].text + "|" + r.cells[2].text);
  CHECK(std::find(rows.begin(), rows.end(), "基本情况|政府层级|县级") != rows.end());
  CHECK(std::find(rows.begin(), rows.end(), "上年预算数|基本支出|2480.00") != rows.end());
  CHECK(std::find(rows.begin(), rows.end(), "上年“三公”经费|公务接待费|3.50") != rows.end());
}

TEST_CASE("catalogue: indicator levels and 品目 门类 from config/catalog/") {
  const auto dir = std::filesystem::path(BP_SOURCE_DIR) / "config" / "catalog";
  const Catalog c = Catalog::load(dir);
  const CatalogYear* y = c.for_year(2024);
  REQUIRE(y);
  const auto l1 = y->level1_indicators();
  CHECK(l1 == std::vector<std::string>{"产出指标", "成本指标", "效益指标", "满意度指标"});
  const auto l2 = y->level2_indicators();
  CHECK(std::find(l2.begin(), l2.end(), "服务对象满意度指标") != l2.end());
  CHECK(std::find(l2.begin(), l2.end(), "满意度指标") == l2.end());
  // A year before the catalogue's own (2021) takes the earliest: the 2022 catalogue.
  const CatalogYear* old = c.for_year(2021);
  REQUIRE(old);
  REQUIRE(old->procurement_entry("A02010105"));
  CHECK(old->procurement_entry("A02010105")->second == "信息化设备");
  REQUIRE(old->procurement_entry("C16060000"));
  CHECK(old->procurement_entry("C16060000")->second == "信息技术服务");
  CHECK_FALSE(old->procurement_entry("A99000000"));
  CHECK_FALSE(old->procurement_entry("D01"));
  CHECK_FALSE(old->procurement_entry(""));
}

TEST_CASE("import: a procurement list with a 资金来源 column takes exactly the template's words") {
  Sheet s;
  s.name = "政府采购预算";
  put(s, 0, 0, "部门政府采购预算");
  put(s, 1, 6, "单位：万元");
  const std::vector<std::string> head = {"预算单位", "项目名称", "采购物品名称", "品目编码",
                                         "数量",     "资金来源", "金额"};
  for (size_t c = 0; c < head.size(); ++c) put(s, 2, static_cast<int>(c), head[c]);
  auto row = [&](int r, const char* item, const char* code, const char* source, const char* amt) {
    put(s, r, 1, "办公设备购置");
    put(s, r, 2, item);
    put(s, r, 3, code);
    num(s, r, 4, "1");
    put(s, r, 5, source);
    num(s, r, 6, amt);
  };
  row(3, "台式计算机", "A02010105", "政府性基金预算拨款", "0.6");
  row(4, "打印机", "A99021001", "一般公共预算", "0.2");  // not the template's word; unknown 门类
  const Catalog cat =
      Catalog::load(std::filesystem::path(BP_SOURCE_DIR) / "config" / "catalog");
  ImportedParts out;
  out.catalog = cat.for_year(2024);
  Report rep;
  read_procurement_sheet(s, "示例局", out, rep);
  REQUIRE(out.procurement.size() == 2);
  CHECK(out.procurement[0].amounts[static_cast<int>(ProcSource::Fund)].value.in_fen() ==
        6 * kFenPerWan / 10);
  CHECK(out.procurement[0].total().in_fen() == 6 * kFenPerWan / 10);
  const Finding* f = find(rep, "政府采购预算!F5: 资金来源“一般公共预算”不是以下之一：一般公共预算拨款、");
  REQUIRE(f);
  CHECK(f->level == Finding::Level::Error);
  const Finding* w = find(rep, "政府采购预算!D5: 品目编码 A99021001 不在政府采购品目分类目录中");
  REQUIRE(w);
  CHECK(w->level == Finding::Level::Warning);
  CHECK_FALSE(find(rep, "A02010105"));
}
