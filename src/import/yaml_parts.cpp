#include <sstream>

#include "import/number_text.hpp"
#include "import/yaml_writer.hpp"

#include "app/workbook_narrative.hpp"

namespace bp::import {

namespace {

std::string qstr(std::string_view s) {
  return "\"" + std::string(s) + "\"";
}

// Comment text on one line.
std::string comment_text(std::string_view s) {
  std::string out;
  for (char c : s) out += (c == '\n' || c == '\r') ? ' ' : c;
  return out;
}

std::string percent_text(int64_t h) {
  if (h < 0) return "~";
  return h % 100 ? format_hundredths_text(h) : std::to_string(h / 100);
}

}  // namespace

void write_institutions_yaml(std::ostream& y, const ImportedParts& parts) {
  if (parts.institutions.empty()) {
    y << "  # 机构设置：工作簿中没有机构设置表。每个预算单位一项（本级在前），例如\n"
      << "  #   - {name: 单位全称(本级), nature: 行政, rank: 正科级, funding: 财政拨款}\n"
      << "  institutions: []\n";
    return;
  }
  y << "  # 机构设置（取自工作簿的机构设置表）：每个预算单位一项，本级在前\n"
    << "  institutions:\n";
  for (const auto& i : parts.institutions) {
    y << "    - name: " << yaml_string(i.name.value) << "\n";
    if (!i.code.value.empty()) y << "      code: " << qstr(i.code.value) << "\n";
    if (!i.nature.value.empty()) y << "      nature: " << yaml_string(i.nature.value) << "\n";
    if (!i.rank.value.empty()) y << "      rank: " << yaml_string(i.rank.value) << "\n";
    if (!i.funding.value.empty()) y << "      funding: " << yaml_string(i.funding.value) << "\n";
  }
}

namespace {

// One list of 绩效目标表 (projects or special_funds) under its key, each entry headed by a
// comment with its table's title.
void write_project_list(std::ostream& y, const std::vector<Project>& list, Unit u) {
  int n = 0;
  for (const auto& p : list) {
    y << "  # " << ++n << "、" << comment_text(p.name.value) << "绩效目标表\n";
    y << "  - ";
    const char* lead = "";
    if (!p.code.value.empty()) {
      y << "code: " << qstr(p.code.value) << "\n";
      lead = "    ";
    }
    y << lead << "name: " << yaml_string(p.name.value) << "\n";
    if (!p.unit.value.empty())
      y << "    unit: "
        << (parse_code(p.unit.value) ? qstr(p.unit.value) : yaml_string(p.unit.value)) << "\n";
    if (p.fiscal) y << "    fiscal: " << yaml_money(p.fiscal->value, u) << "\n";
    if (p.other) y << "    other: " << yaml_money(p.other->value, u) << "\n";
    if (!p.purpose.value.empty()) y << "    purpose: " << yaml_string(p.purpose.value) << "\n";
    if (!p.spend_plan_hundredths.empty()) {
      y << "    spend_plan: [";
      for (size_t i = 0; i < p.spend_plan_hundredths.size(); ++i)
        y << (i ? ", " : "") << percent_text(p.spend_plan_hundredths[i]);
      y << "]\n";
    }
    if (!p.goals.empty()) {
      y << "    goals:\n";
      for (const auto& g : p.goals) y << "      - " << yaml_string(g.value) << "\n";
    }
    if (!p.indicators.empty()) {
      y << "    indicators:\n";
      for (const auto& i : p.indicators)
        y << "      - {level1: " << yaml_string(i.level1.value)
          << ", level2: " << yaml_string(i.level2.value) << ", name: " << yaml_string(i.name.value)
          << ", description: " << yaml_string(i.description.value)
          << ", value: " << yaml_string(i.value.value) << ", basis: " << yaml_string(i.basis.value)
          << "}\n";
    }
  }
}

}  // namespace

void write_projects_yaml(std::ostream& y, const ImportedParts& parts, Unit u) {
  if (!parts.projects.empty()) {
    y << "# 项目绩效目标表（取自工作簿，共 " << parts.projects.size() << " 个项目、"
      << parts.indicator_rows << " 行绩效指标），按工作簿中的先后顺序\n"
      << "projects:\n";
    write_project_list(y, parts.projects, u);
    y << "\n";
  }
  if (!parts.special_funds.empty()) {
    y << "# 专项资金绩效目标表（取自工作簿的专项资金表，共 " << parts.special_funds.size()
      << " 项专项资金、" << parts.special_indicator_rows
      << " 行绩效指标），写法与项目相同，按工作簿中的先后顺序\n"
      << "special_funds:\n";
    write_project_list(y, parts.special_funds, u);
    y << "\n";
  }
}

void write_procurement_yaml(std::ostream& y, const ImportedParts& parts, Unit u) {
  if (!parts.procurement_sheet) return;
  if (parts.procurement.empty()) {
    y << "# 政府采购预算：工作簿中的政府采购预算表没有采购项目\n"
      << "procurement: []\n\n";
    return;
  }
  y << "# 政府采购预算（取自工作簿，每个采购品目一行；小计、合计由 BudgetPress 计算）\n"
    << "procurement:\n";
  for (const auto& r : parts.procurement) {
    y << "  - ";
    const char* lead = "";
    auto key = [&](const char* k) -> std::ostream& {
      y << lead << k << ": ";
      lead = "    ";
      return y;
    };
    if (!r.unit.value.empty()) key("unit") << yaml_string(r.unit.value) << "\n";
    if (!r.project.value.empty()) key("project") << yaml_string(r.project.value) << "\n";
    if (!r.project_code.value.empty()) {
      key("project_code") << qstr(r.project_code.value) << "\n";
    } else {
      // Several projects of this name: the row must say which (E103). A project whose budget is
      // the printed 预算资金 is the one; else the workbook does not tell (the first is taken).
      std::vector<const Project*> same;
      for (const auto& p : parts.projects)
        if (p.name.value == r.project.value && !p.code.value.empty()) same.push_back(&p);
      if (same.size() > 1) {
        const Project* pick = nullptr;
        for (const Project* p : same)
          if (p->has_amount() && r.project_budget &&
              wan_hundredths(p->budget()) == wan_hundredths(r.project_budget->value))
            pick = pick ? pick : p;
        key("project_code") << qstr((pick ? pick : same.front())->code.value);
        if (!pick)
          y << "   # TODO(import): 有 " << same.size()
            << " 个同名项目，工作簿的采购表没有项目编码，请核对是哪一个";
        y << "\n";
      }
    }
    // 预算资金 is derived from the project of that name when it has amounts.
    bool derived_budget = false;
    for (const auto& p : parts.projects)
      if (p.name.value == r.project.value && p.has_amount() && r.project_budget &&
          wan_hundredths(p.budget()) == wan_hundredths(r.project_budget->value))
        derived_budget = true;
    if (r.project_budget && !derived_budget)
      key("project_budget") << yaml_money(r.project_budget->value, u) << "\n";
    key("item") << yaml_string(r.item.value) << "\n";
    if (!r.catalog_code.value.empty())
      key("catalog_code") << yaml_string(r.catalog_code.value) << "\n";
    if (!r.uom.value.empty()) key("uom") << yaml_string(r.uom.value) << "\n";
    key("quantity") << r.quantity << "\n";
    if (r.unit_price) key("unit_price") << yaml_money(r.unit_price->value, u) << "\n";
    key("amounts") << "{";
    bool first = true;
    for (int s = 0; s < kProcSourceCount; ++s)
      if (!r.amounts[s].value.zero()) {
        y << (first ? "" : ", ") << proc_source_key(static_cast<ProcSource>(s)) << ": "
          << yaml_money(r.amounts[s].value, u);
        first = false;
      }
    y << "}\n";
    if (r.sme_reserved) key("sme_reserved") << yaml_money(r.sme_reserved->value, u) << "\n";
  }
  y << "\n";
}

void write_assets_yaml(std::ostream& y, const ImportedParts& parts, Unit u, int year) {
  const Assets& a = parts.assets;
  if (!a.present && parts.narrative.units.empty()) return;
  y << "# 国有资产：固定资产占用情况（取自工作簿；资产总额由 BudgetPress 计算）\n"
    << "assets:\n";
  // The default date (31 Dec of last year) is not written: the narrative then says 上年末.
  if (!a.as_of.value.empty() && a.as_of.value != std::to_string(year - 1) + "-12-31")
    y << "  as_of: " << qstr(a.as_of.value) << "\n";
  const NarrativeData& n = parts.narrative;
  if (!n.assets_note.empty())
    y << "  note: " << yaml_string(n.assets_note) << "   # 资产说明（取自工作簿的说明数据）\n";
  auto stmt = [&](const std::string& ind, const AssetStatement& st) {
    static const char* kKeys[] = {"original", "depreciation", "intangible_original",
                                  "intangible_amortization", "net_assets"};
    size_t k = 0;
    for (const auto& f : narrative_sheet::statement_fields()) {
      if (const auto& v = st.*f.field)
        y << ind << kKeys[k] << ": " << yaml_money(v->value, u) << "   # " << f.label << "\n";
      ++k;
    }
  };
  if (!n.units.empty()) {
    // 各单位资产情况: the department rows are their sums (BudgetPress adds them up).
    y << "  units:   # 各单位（取自工作簿的各单位资产情况表；部门合计由 BudgetPress 计算）\n";
    static const char* kRowKeys[] = {"buildings", "office", "vehicles", "equipment", "other"};
    for (const auto& ua : n.units) {
      y << "    - unit: " << yaml_string(ua.unit.value) << "\n";
      size_t k = 0;
      for (const auto& f : narrative_sheet::asset_row_fields()) {
        const AssetRow& r = ua.*f.row;
        if (r.present)
          y << "      " << kRowKeys[k] << ": {quantity: " << r.quantity
            << ", value: " << yaml_money(r.value.value, u) << "}\n";
        ++k;
      }
      stmt("      ", ua.statement);
    }
    y << "\n";
    return;
  }
  auto row = [&](const char* key, const AssetRow& r, const char* label) {
    y << "  " << key << ": {quantity: " << r.quantity << ", value: " << yaml_money(r.value.value, u)
      << "}   # " << label << "\n";
  };
  row("buildings", a.buildings, "房屋（平方米）");
  row("office", a.office, "其中：办公用房（平方米）");
  row("vehicles", a.vehicles, "车辆（台、辆）");
  row("equipment", a.equipment, "单价在20万元以上的设备");
  row("other", a.other, "其他固定资产");
  stmt("  ", n.statement);
  y << "\n";
}

}  // namespace bp::import
