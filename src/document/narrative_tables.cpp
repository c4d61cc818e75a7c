#include "document/narrative_tables.hpp"

#include <map>

namespace bp {

namespace {

doc::Cell cell(std::string text, doc::Align a = doc::Align::Left, int colspan = 1, int rowspan = 1) {
  doc::Cell c;
  c.text = std::move(text);
  c.align = a;
  c.colspan = colspan;
  c.rowspan = rowspan;
  return c;
}
doc::Cell head(std::string text, int colspan = 1, int rowspan = 1) {
  auto c = cell(std::move(text), doc::Align::Center, colspan, rowspan);
  c.bold = true;
  return c;
}
doc::Cell money(Money m, bool blank_zero = true) {
  doc::Cell c = cell(blank_zero ? format_wan_blank(m) : format_wan(m), doc::Align::Right);
  if (!m.zero()) c.number = doc::Number{wan_hundredths(m), 2};
  return c;
}
doc::Row row(std::vector<doc::Cell> cells, doc::RowRole role = doc::RowRole::Plain) {
  doc::Row r;
  r.cells = std::move(cells);
  r.role = role;
  return r;
}
std::string header_left(const Budget& b) { return b.dept.code.value + b.dept.header_separator + b.dept.header_name(); }

}  // namespace

doc::Table institutions_table(const Budget& b) {
  doc::Table t;
  t.id = "institutions";
  t.title = "部门机构设置情况";
  t.short_title = "机构设置";
  t.column_widths = {40, 12, 16, 20};
  t.head.push_back(row({head("单位名称"), head("单位性质"), head("单位规格"), head("经费保障形式")}, doc::RowRole::Head));
  for (const auto& i : b.dept.institutions)
    t.body.push_back(row({cell(i.name.value), cell(i.nature.value, doc::Align::Center), cell(i.rank.value, doc::Align::Center),
                          cell(i.funding.value, doc::Align::Center)}));
  return t;
}

doc::Table procurement_table(const Budget& b, const Profile& p, const Derived& d) {
  (void)d;
  // Amount columns by form: 2023 has two 结转 columns, 2024 one (上年结转结余), 2021 none and no 中小微.
  struct Col { const char* label; std::vector<ProcSource> sources; };
  std::vector<Col> cols = {{"一般公共预算拨款", {ProcSource::Gpb}}, {"基金预算拨款", {ProcSource::Fund}},
                           {"国有资本经营预算拨款", {ProcSource::Soc}}, {"财政专户核拨", {ProcSource::Special}},
                           {"单位资金", {ProcSource::Unit}}};
  const bool sme = p.id != "2021";
  if (p.id == "2023") {
    cols.push_back({"财政拨款结转", {ProcSource::CarryoverFiscal}});
    cols.push_back({"非财政拨款结转结余", {ProcSource::CarryoverOther}});
  } else if (p.id != "2021") {
    cols.push_back({"上年结转结余", {ProcSource::CarryoverFiscal, ProcSource::CarryoverOther, ProcSource::Carryover}});
  }
  doc::Table t;
  t.id = "procurement";
  t.title = "部门政府采购预算";
  t.short_title = "政府采购预算";
  t.landscape = true;
  t.header_block = doc::HeaderBlock{header_left(b), "", "单位：万元"};
  t.column_widths = {15, 8, 11, 10, 6, 5, 7, 8};
  for (size_t i = 0; i < cols.size(); ++i) t.column_widths.push_back(8);
  if (sme) t.column_widths.push_back(8);
  doc::Row h1, h2;
  h1.role = h2.role = doc::RowRole::Head;
  h1.cells = {head("政府采购项目来源", 2), head("采购物品名称", 1, 2), head("政府采购目录序号", 1, 2), head("计量单位", 1, 2),
              head("数量", 1, 2), head("单价", 1, 2), head("政府采购金额（当年部门预算安排资金）", static_cast<int>(cols.size()) + 1)};
  if (sme) h1.cells.push_back(head(std::to_string(b.dept.year) + "年预留中小微企业份额", 1, 2));
  h2.cells = {head("项目名称"), head("预算资金"), head("合计")};
  for (const auto& c : cols) h2.cells.push_back(head(c.label));
  t.head = {h1, h2};

  auto amounts_row = [&](const std::array<Money, kProcSourceCount>& a, Money sme_amt) {
    std::vector<doc::Cell> cs;
    Money total;
    for (auto m : a) total += m;
    cs.push_back(money(total));
    for (const auto& c : cols) {
      Money m;
      for (auto s : c.sources) m += a[static_cast<int>(s)];
      cs.push_back(money(m));
    }
    if (sme) cs.push_back(money(sme_amt));
    return cs;
  };
  auto sum_rows = [&](const std::vector<const ProcurementRow*>& rows, std::array<Money, kProcSourceCount>& a, Money& s) {
    for (const auto* r : rows) {
      for (int k = 0; k < kProcSourceCount; ++k) a[k] += r->amounts[k].value;
      if (r->sme_reserved) s += r->sme_reserved->value;
    }
  };
  if (b.procurement.empty()) {
    t.notes.push_back("注：无政府采购预算，空表列示。");
    return t;
  }
  // Group by budget unit (小计 rows), units in first-appearance order.
  std::vector<std::string> units;
  std::map<std::string, std::vector<const ProcurementRow*>> by_unit;
  std::vector<const ProcurementRow*> all;
  for (const auto& r : b.procurement) {
    std::string u = r.unit.value.empty() ? b.dept.name.value : r.unit.value;
    if (!by_unit.count(u)) units.push_back(u);
    by_unit[u].push_back(&r);
    all.push_back(&r);
  }
  std::map<std::string, Money> project_budget;
  for (const auto& pr : b.projects)
    if (pr.has_amount()) project_budget[pr.name.value] = pr.budget();
  std::array<Money, kProcSourceCount> ta{};
  Money ts;
  sum_rows(all, ta, ts);
  doc::Row total_row = row({cell("合  计"), cell(""), cell(""), cell(""), cell(""), cell(""), cell("")}, doc::RowRole::Total);
  for (auto& c : amounts_row(ta, ts)) total_row.cells.push_back(c);
  for (auto& c : total_row.cells) c.bold = true;
  t.body.push_back(total_row);
  for (const auto& u : units) {
    std::array<Money, kProcSourceCount> ua{};
    Money us;
    sum_rows(by_unit[u], ua, us);
    t.body[0].sum_of.push_back(static_cast<int>(t.body.size()));
    doc::Row sub = row({cell(u + "小计"), cell(""), cell(""), cell(""), cell(""), cell(""), cell("")}, doc::RowRole::Level1);
    for (auto& c : amounts_row(ua, us)) sub.cells.push_back(c);
    const size_t sub_index = t.body.size();
    t.body.push_back(sub);
    for (const auto* r : by_unit[u]) {
      Money budget = r->project_budget ? r->project_budget->value : Money();
      if (auto it = project_budget.find(r->project.value); it != project_budget.end()) budget = it->second;
      t.body[sub_index].sum_of.push_back(static_cast<int>(t.body.size()));
      doc::Row item = row({cell(r->project.value), money(budget), cell(r->item.value), cell(r->catalog_code.value),
                           cell(r->uom.value, doc::Align::Center),
                           cell(r->quantity ? std::to_string(r->quantity) : "", doc::Align::Right),
                           r->unit_price ? money(r->unit_price->value) : cell("")},
                          doc::RowRole::Item);
      // 预算资金 and 单价 are not parts of any total: keep them out of the xlsx SUM()s.
      std::array<Money, kProcSourceCount> a{};
      for (int k = 0; k < kProcSourceCount; ++k) a[k] = r->amounts[k].value;
      for (auto& c : amounts_row(a, r->sme_reserved ? r->sme_reserved->value : Money())) item.cells.push_back(c);
      t.body.push_back(item);
    }
  }
  return t;
}

doc::Table assets_table(const Budget& b) {
  doc::Table t;
  t.id = "assets";
  t.title = "部门固定资产占用情况表";
  t.short_title = "国有资产";
  t.header_block = doc::HeaderBlock{header_left(b), "", "截止时间：" + std::to_string(b.dept.year - 1) + "-12-31"};
  t.column_widths = {40, 14, 20};
  t.head.push_back(row({head("项 目"), head("数量"), head("价值（金额单位：万元）")}, doc::RowRole::Head));
  const auto& a = b.assets;
  auto qty = [](const AssetRow& r) { return cell(r.quantity ? std::to_string(r.quantity) : "", doc::Align::Right); };
  Money total = a.buildings.value.value + a.vehicles.value.value + a.equipment.value.value + a.other.value.value;
  doc::Row tr = row({cell("资产总额"), cell(""), money(total)}, doc::RowRole::Total);
  tr.sum_of = {1, 3, 4, 5};
  t.body.push_back(tr);
  t.body.push_back(row({cell("1、房屋（平方米）"), qty(a.buildings), money(a.buildings.value.value)}));
  doc::Cell office = cell("其中：办公用房（平方米）");
  office.indent_em = 2;
  t.body.push_back(row({office, qty(a.office), money(a.office.value.value)}));
  t.body.push_back(row({cell("2、车辆（台、辆）"), qty(a.vehicles), money(a.vehicles.value.value)}));
  t.body.push_back(row({cell("3、单价在20万元以上的设备"), qty(a.equipment), money(a.equipment.value.value)}));
  t.body.push_back(row({cell("4、其他固定资产"), qty(a.other), money(a.other.value.value)}));
  return t;
}

std::vector<doc::Block> project_tables(const Budget& b, const Profile& p, const std::vector<Project>& list,
                                       const std::string& id_prefix) {
  (void)b;
  std::vector<doc::Block> out;
  const bool form2024 = p.id != "2023";
  int n = 0;
  for (const auto& pr : list) {
    ++n;
    doc::Table t;
    t.id = id_prefix + std::to_string(n);
    t.title = std::to_string(n) + "、" + pr.name.value + "绩效目标表";
    t.short_title = "项目绩效目标";
    t.keep_together = true;
    doc::Row ind_head = row({head("一级指标"), head("二级指标"), head("三级指标"), head("绩效指标描述"), head("指标值"), head("指标值确定依据")},
                            doc::RowRole::Head);
    std::string goals;
    for (size_t i = 0; i < pr.goals.size(); ++i)
      goals += (i ? "\n" : "") + std::to_string(i + 1) + "." + pr.goals[i].value;
    if (form2024) {
      // 7 physical columns (LAYOUT §2.12, a design choice): indicator rows span C4–C5.
      t.column_widths = {12, 10, 12, 16, 10, 10, 16};
      t.header_block = doc::HeaderBlock{"", "", "单位：万元"};
      t.body.push_back(row({cell("项目编码", doc::Align::Center), cell(pr.code.value, doc::Align::Left, 2),
                            cell("项目名称", doc::Align::Center), cell(pr.name.value, doc::Align::Left, 3)}));
      doc::Cell label = cell("预算规模及资金用途", doc::Align::Center, 1, 2);
      t.body.push_back(row({label, cell("预算数", doc::Align::Center), money(pr.budget(), false),
                            cell("其中：财政资金", doc::Align::Center), money(pr.fiscal ? pr.fiscal->value : Money()),
                            cell("其他资金", doc::Align::Center), money(pr.other ? pr.other->value : Money())}));
      t.body.push_back(row({cell(pr.purpose.value, doc::Align::Left, 6)}));
      t.body.push_back(row({cell("资金支出计划（%）", doc::Align::Center, 1, 2), cell("3月底", doc::Align::Center, 2),
                            cell("6月底", doc::Align::Center), cell("10月底", doc::Align::Center), cell("12月底", doc::Align::Center, 2)}));
      std::vector<std::string> plan(4);
      for (size_t i = 0; i < pr.spend_plan_hundredths.size() && i < 4; ++i) {
        int64_t h = pr.spend_plan_hundredths[i];
        plan[i] = (h % 100 ? format_hundredths(h) : std::to_string(h / 100)) + "%";
      }
      t.body.push_back(row({cell(plan[0], doc::Align::Center, 2), cell(plan[1], doc::Align::Center), cell(plan[2], doc::Align::Center),
                            cell(plan[3], doc::Align::Center, 2)}));
      t.body.push_back(row({cell("绩效目标", doc::Align::Center), cell(goals, doc::Align::Left, 6)}));
      ind_head.cells[3].colspan = 2;
    } else {
      t.column_widths = {12, 14, 16, 24, 12, 16};
      t.body.push_back(row({cell("绩效目标", doc::Align::Center), cell(goals, doc::Align::Left, 5)}));
    }
    // The indicator header repeats on continuation pages (it is the table's head); the rows above it
    // belong to the first page only, so they are body rows placed before it.
    std::vector<doc::Row> pre = std::move(t.body);
    t.body.clear();
    t.head = {ind_head};
    // Indicator rows: 一级指标 merged over its run of rows; 二级 printed on every row.
    for (size_t i = 0; i < pr.indicators.size();) {
      size_t j = i;
      while (j < pr.indicators.size() && pr.indicators[j].level1.value == pr.indicators[i].level1.value) ++j;
      for (size_t k = i; k < j; ++k) {
        const auto& ind = pr.indicators[k];
        std::vector<doc::Cell> cs;
        if (k == i) cs.push_back(cell(ind.level1.value, doc::Align::Center, 1, static_cast<int>(j - i)));
        cs.push_back(cell(ind.level2.value, doc::Align::Center));
        cs.push_back(cell(ind.name.value));
        cs.push_back(cell(ind.description.value, doc::Align::Left, form2024 ? 2 : 1));
        cs.push_back(cell(ind.value.value, doc::Align::Center));
        cs.push_back(cell(ind.basis.value));
        t.body.push_back(row(std::move(cs), doc::RowRole::Item));
      }
      i = j;
    }
    // Rows above the indicator header go into a leading table without repeat (same column grid).
    if (!pre.empty()) {
      doc::Table lead = t;
      lead.id = t.id + "-info";
      lead.head.clear();
      lead.body = std::move(pre);
      lead.keep_together = true;
      lead.keep_with_next = true;  // the project's title and info never end a page alone
      out.push_back(std::move(lead));
      t.title.clear();
      t.header_block.reset();
      t.short_title = "项目绩效目标";
    }
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace bp
