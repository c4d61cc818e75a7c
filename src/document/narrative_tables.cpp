#include "document/narrative_tables.hpp"

#include <map>

namespace bp {

namespace {

doc::Cell cell(std::string text, doc::Align a = doc::Align::Left, int colspan = 1,
               int rowspan = 1) {
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
std::string header_left(const Budget& b) {
  return b.dept.code.value + b.dept.header_separator + b.dept.header_name();
}

}  // namespace

std::string purpose_amount_sentence(const Project& pr) {
  std::string s = "项目预算" + format_wan(pr.budget()) + "万元";
  const Money fiscal = pr.fiscal ? pr.fiscal->value : Money();
  const Money other = pr.other ? pr.other->value : Money();
  if (!fiscal.zero() && !other.zero())
    s += "，其中财政资金" + format_wan(fiscal) + "万元，其他资金" + format_wan(other) + "万元";
  else if (!other.zero())
    s += "，全部为其他资金";
  else
    s += "，全部为财政资金";
  return s + "。";
}

// 资金用途: with `department.purpose_amounts` the amounts come from the data, so the sentence can
// never contradict the table; the clerk's free text follows.
static std::string purpose_text(const Budget& b, const Project& pr) {
  if (!b.dept.purpose_amounts || !pr.has_amount()) return pr.purpose.value;
  return purpose_amount_sentence(pr) + pr.purpose.value;
}

doc::Table institutions_table(const Budget& b) {
  doc::Table t;
  t.id = "institutions";
  t.title = "部门机构设置情况";
  t.short_title = "机构设置";
  // Budget units with codes get a 单位编码 column (several units: 本级 and 下属单位).
  bool codes = false;
  for (const auto& i : b.dept.institutions) codes = codes || !i.code.value.empty();
  t.column_widths = {40, 12, 16, 20};
  t.head.push_back(row({head("单位名称"), head("单位性质"), head("单位规格"), head("经费保障形式")},
                       doc::RowRole::Head));
  if (codes) {
    t.column_widths.insert(t.column_widths.begin(), 12);
    t.head.back().cells.insert(t.head.back().cells.begin(), head("单位编码"));
  }
  for (const auto& i : b.dept.institutions) {
    doc::Row r =
        row({cell(i.name.value), cell(i.nature.value, doc::Align::Center),
             cell(i.rank.value, doc::Align::Center), cell(i.funding.value, doc::Align::Center)});
    if (codes) r.cells.insert(r.cells.begin(), cell(i.code.value, doc::Align::Center));
    t.body.push_back(std::move(r));
  }
  return t;
}

doc::Table procurement_table(const Budget& b, const Profile& p, const Derived& d) {
  (void)d;
  // Amount columns by form: 2023 has two 结转 columns, 2024 one (上年结转结余), 2021 none and no
  // 中小微.
  struct Col {
    const char* label;
    std::vector<ProcSource> sources;
  };
  std::vector<Col> cols = {{"一般公共预算拨款", {ProcSource::Gpb}},
                           {"基金预算拨款", {ProcSource::Fund}},
                           {"国有资本经营预算拨款", {ProcSource::Soc}},
                           {"财政专户核拨", {ProcSource::Special}},
                           {"单位资金", {ProcSource::Unit}}};
  const bool sme = p.id != "2021";
  if (p.id == "2023") {
    cols.push_back({"财政拨款结转", {ProcSource::CarryoverFiscal}});
    cols.push_back({"非财政拨款结转结余", {ProcSource::CarryoverOther}});
  } else if (p.id != "2021") {
    cols.push_back(
        {"上年结转结余",
         {ProcSource::CarryoverFiscal, ProcSource::CarryoverOther, ProcSource::Carryover}});
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
  h1.cells = {head("政府采购项目来源", 2),
              head("采购物品名称", 1, 2),
              head("政府采购目录序号", 1, 2),
              head("计量单位", 1, 2),
              head("数量", 1, 2),
              head("单价", 1, 2),
              head("政府采购金额（当年部门预算安排资金）", static_cast<int>(cols.size()) + 1)};
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
  auto sum_rows = [&](const std::vector<const ProcurementRow*>& rows,
                      std::array<Money, kProcSourceCount>& a, Money& s) {
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
  doc::Row total_row =
      row({cell("合  计"), cell(""), cell(""), cell(""), cell(""), cell(""), cell("")},
          doc::RowRole::Total);
  for (auto& c : amounts_row(ta, ts)) total_row.cells.push_back(c);
  for (auto& c : total_row.cells) c.bold = true;
  t.body.push_back(total_row);
  for (const auto& u : units) {
    std::array<Money, kProcSourceCount> ua{};
    Money us;
    sum_rows(by_unit[u], ua, us);
    t.body[0].sum_of.push_back(static_cast<int>(t.body.size()));
    doc::Row sub =
        row({cell(u + "小计"), cell(""), cell(""), cell(""), cell(""), cell(""), cell("")},
            doc::RowRole::Level1);
    for (auto& c : amounts_row(ua, us)) sub.cells.push_back(c);
    const size_t sub_index = t.body.size();
    t.body.push_back(sub);
    for (const auto* r : by_unit[u]) {
      Money budget = r->project_budget ? r->project_budget->value : Money();
      if (auto it = project_budget.find(r->project.value); it != project_budget.end())
        budget = it->second;
      t.body[sub_index].sum_of.push_back(static_cast<int>(t.body.size()));
      doc::Row item = row({cell(r->project.value), money(budget), cell(r->item.value),
                           cell(r->catalog_code.value), cell(r->uom.value, doc::Align::Center),
                           cell(r->quantity ? std::to_string(r->quantity) : "", doc::Align::Right),
                           r->unit_price ? money(r->unit_price->value) : cell("")},
                          doc::RowRole::Item);
      // 预算资金 and 单价 are not parts of any total: keep them out of the xlsx SUM()s.
      std::array<Money, kProcSourceCount> a{};
      for (int k = 0; k < kProcSourceCount; ++k) a[k] = r->amounts[k].value;
      for (auto& c : amounts_row(a, r->sme_reserved ? r->sme_reserved->value : Money()))
        item.cells.push_back(c);
      t.body.push_back(item);
    }
  }
  return t;
}

namespace {

doc::Table asset_rows_table(const Budget& b, const AssetRows& a, std::string id, std::string title,
                            std::string left) {
  doc::Table t;
  t.id = std::move(id);
  t.title = std::move(title);
  t.short_title = "国有资产";
  t.header_block =
      doc::HeaderBlock{std::move(left), "", "截止时间：" + b.assets.as_of_or(b.dept.year)};
  t.column_widths = {40, 14, 20};
  t.head.push_back(
      row({head("项 目"), head("数量"), head("价值（金额单位：万元）")}, doc::RowRole::Head));
  auto qty = [](const AssetRow& r) {
    return cell(r.quantity ? std::to_string(r.quantity) : "", doc::Align::Right);
  };
  Money total = a.buildings.value.value + a.vehicles.value.value + a.equipment.value.value +
                a.other.value.value;
  doc::Row tr = row({cell("资产总额"), cell(""), money(total)}, doc::RowRole::Total);
  tr.sum_of = {1, 3, 4, 5};
  t.body.push_back(tr);
  t.body.push_back(
      row({cell("1、房屋（平方米）"), qty(a.buildings), money(a.buildings.value.value)}));
  doc::Cell office = cell("其中：办公用房（平方米）");
  office.indent_em = 2;
  t.body.push_back(row({office, qty(a.office), money(a.office.value.value)}));
  t.body.push_back(
      row({cell("2、车辆（台、辆）"), qty(a.vehicles), money(a.vehicles.value.value)}));
  t.body.push_back(
      row({cell("3、单价在20万元以上的设备"), qty(a.equipment), money(a.equipment.value.value)}));
  t.body.push_back(row({cell("4、其他固定资产"), qty(a.other), money(a.other.value.value)}));
  return t;
}

}  // namespace

doc::Table assets_table(const Budget& b) {
  return asset_rows_table(b, b.assets, "assets", "部门固定资产占用情况表", header_left(b));
}

std::vector<doc::Block> unit_assets_tables(const Budget& b) {
  std::vector<doc::Block> out;
  int n = 0;
  for (const auto& u : b.assets.units) {
    const Institution* inst = b.dept.find_unit(u.unit.value);
    std::string name = inst ? inst->name.value : u.unit.value;
    std::string left = inst && !inst->code.value.empty()
                           ? inst->code.value + b.dept.header_separator + name
                           : name;
    out.emplace_back(asset_rows_table(b, u, "assets-unit-" + std::to_string(++n),
                                   name + "固定资产占用情况表", left));
  }
  return out;
}

doc::Table function_glossary_table(const Derived& d) {
  doc::Table t;
  t.id = "function-glossary";
  t.title = "支出功能分类科目名词解释";
  t.short_title = "功能分类名词解释";
  t.column_widths = {12, 24, 52};
  t.head.push_back(row({head("科目编码"), head("科目名称"), head("名词解释")}, doc::RowRole::Head));
  for (const auto& r : d.function_notes) {
    doc::Row rr = row({cell(r.code, doc::Align::Left), cell(r.name), cell(r.note)},
                      r.code.size() == 3 ? doc::RowRole::Level1 : doc::RowRole::Item);
    if (r.code.size() > 3) rr.cells[1].indent_em = r.code.size() == 5 ? 1 : 2;
    t.body.push_back(std::move(rr));
  }
  return t;
}

std::vector<doc::Block> project_tables(const Budget& b, const Profile& p,
                                       const std::vector<Project>& list,
                                       const std::string& id_prefix) {
  std::vector<doc::Block> out;
  const bool form2024 = p.id != "2023";
  // Several budget units: each project table names its unit ("预算单位：code name").
  auto unit_line = [&](const Project& pr) -> std::string {
    if (pr.unit.value.empty()) return "";
    const Institution* inst = b.dept.find_unit(pr.unit.value);
    if (!inst) return "预算单位：" + pr.unit.value;
    return "预算单位：" +
           (inst->code.value.empty() ? "" : inst->code.value + b.dept.header_separator) +
           inst->name.value;
  };
  int n = 0;
  for (const auto& pr : list) {
    ++n;
    doc::Table t;
    t.id = id_prefix + std::to_string(n);
    t.title = std::to_string(n) + "、" + pr.name.value + "绩效目标表";
    t.short_title = "项目绩效目标";
    t.keep_together = true;
    t.grid = form2024 ? "project-2024" : "project-2023";  // one grid for every project table
    doc::Row ind_head = row({head("一级指标"), head("二级指标"), head("三级指标"),
                             head("绩效指标描述"), head("指标值"), head("指标值确定依据")},
                            doc::RowRole::Head);
    std::string goals;
    for (size_t i = 0; i < pr.goals.size(); ++i)
      goals += (i ? "\n" : "") + std::to_string(i + 1) + "." + pr.goals[i].value;
    if (form2024) {
      // 7 physical columns (LAYOUT §2.12, a design choice): indicator rows span C4–C5.
      t.column_widths = {12, 10, 12, 16, 10, 10, 16};
      t.header_block = doc::HeaderBlock{unit_line(pr), "", "单位：万元"};
      t.body.push_back(
          row({cell("项目编码", doc::Align::Center), cell(pr.code.value, doc::Align::Left, 2),
               cell("项目名称", doc::Align::Center), cell(pr.name.value, doc::Align::Left, 3)}));
      doc::Cell label = cell("预算规模及资金用途", doc::Align::Center, 1, 2);
      t.body.push_back(
          row({label, cell("预算数", doc::Align::Center), money(pr.budget(), false),
               cell("其中：财政资金", doc::Align::Center),
               money(pr.fiscal ? pr.fiscal->value : Money()), cell("其他资金", doc::Align::Center),
               money(pr.other ? pr.other->value : Money())}));
      t.body.push_back(row({cell(purpose_text(b, pr), doc::Align::Left, 6)}));
      t.body.push_back(
          row({cell("资金支出计划（%）", doc::Align::Center, 1, 2),
               cell("3月底", doc::Align::Center, 2), cell("6月底", doc::Align::Center),
               cell("10月底", doc::Align::Center), cell("12月底", doc::Align::Center, 2)}));
      std::vector<std::string> plan(4);
      for (size_t i = 0; i < pr.spend_plan_hundredths.size() && i < 4; ++i) {
        int64_t h = pr.spend_plan_hundredths[i];
        if (h < 0) continue;  // left blank on purpose
        plan[i] = (h % 100 ? format_hundredths(h) : std::to_string(h / 100)) + "%";
      }
      t.body.push_back(
          row({cell(plan[0], doc::Align::Center, 2), cell(plan[1], doc::Align::Center),
               cell(plan[2], doc::Align::Center), cell(plan[3], doc::Align::Center, 2)}));
      t.body.push_back(
          row({cell("绩效目标", doc::Align::Center), cell(goals, doc::Align::Left, 6)}));
      ind_head.cells[3].colspan = 2;
    } else {
      t.column_widths = {12, 14, 16, 24, 12, 16};
      // The 2023 form has no 项目编码 row: projects of the same name are told apart by the code
      // line.
      std::string u = unit_line(pr);
      std::string code = pr.code.value.empty() ? "" : "项目编码：" + pr.code.value;
      if (!u.empty() || !code.empty()) t.header_block = doc::HeaderBlock{u, "", code};
      t.body.push_back(
          row({cell("绩效目标", doc::Align::Center), cell(goals, doc::Align::Left, 5)}));
    }
    // The indicator header repeats on continuation pages (it is the table's head); the rows above
    // it belong to the first page only, so they are body rows placed before it.
    std::vector<doc::Row> pre = std::move(t.body);
    t.body.clear();
    t.head = {ind_head};
    // Indicator rows: 一级指标 merged over its run of rows; 二级 printed on every row.
    for (size_t i = 0; i < pr.indicators.size();) {
      size_t j = i;
      while (j < pr.indicators.size() &&
             pr.indicators[j].level1.value == pr.indicators[i].level1.value)
        ++j;
      for (size_t k = i; k < j; ++k) {
        const auto& ind = pr.indicators[k];
        std::vector<doc::Cell> cs;
        cs.reserve(6);
        if (k == i)
          cs.push_back(cell(ind.level1.value, doc::Align::Center, 1, static_cast<int>(j - i)));
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
      // A copy of the table's settings only: its head and indicator rows stay out of the copy.
      std::vector<doc::Row> head = std::move(t.head), body = std::move(t.body);
      t.head.clear();
      t.body.clear();
      doc::Table lead = t;
      t.head = std::move(head);
      t.body = std::move(body);
      lead.id = t.id + "-info";
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
