#include "json/tables_json.hpp"

#include <nlohmann/json.hpp>

#include "document/grid.hpp"

namespace bp {

namespace {

using nlohmann::ordered_json;

const char* role_name(doc::RowRole r) {
  switch (r) {
    case doc::RowRole::Total: return "total";
    case doc::RowRole::Level1: return "class";
    case doc::RowRole::Level2: return "section";
    case doc::RowRole::Item: return "item";
    default: return "row";
  }
}

ordered_json change(const ChangeFigure& c) {
  ordered_json j;
  j["current"] = format_wan(c.now);
  if (c.has_prev) {
    j["previous"] = format_wan(c.prev);
    j["change"] = format_wan(c.delta);
    j["rate_percent"] = c.rate_hundredths ? ordered_json(format_hundredths(*c.rate_hundredths)) : ordered_json();
  }
  return j;
}

}  // namespace

std::string tables_to_json(const Budget& b, const Profile& profile, const Derived& d) {
  ordered_json root;
  root["format"] = "budgetpress-tables";
  root["version"] = 1;
  root["department"] = {{"code", b.dept.code.value}, {"name", b.dept.name.value},
                        {"year", b.dept.year}, {"form", b.dept.form}};
  root["unit"] = "万元";
  ordered_json tables = ordered_json::array();
  for (const auto& t : d.tables) {
    ordered_json jt;
    jt["id"] = t.id;
    jt["title"] = t.title;
    const TableDef* def = nullptr;
    for (const auto& td : profile.tables)
      if (td.id == t.id) def = &td;
    int ncols = def ? static_cast<int>(def->widths.size()) : 0;
    if (def) jt["columns"] = doc::column_labels(def->head, ncols);
    jt["empty"] = t.empty;
    ordered_json rows = ordered_json::array();
    for (const auto& r : t.rows) {
      ordered_json cells = ordered_json::array();
      for (const auto& c : r.cells)
        cells.push_back(c.amount ? ordered_json(format_wan(*c.amount)) : ordered_json(c.text));
      rows.push_back({{"role", role_name(r.role)}, {"cells", cells}});
    }
    jt["rows"] = rows;
    tables.push_back(jt);
  }
  root["tables"] = tables;
  const Figures& f = d.fig;
  ordered_json fig;
  fig["income_total"] = format_wan(f.income_total);
  fig["carryover_total"] = format_wan(f.carryover_total);
  fig["fiscal_total"] = format_wan(f.fiscal_total);
  fig["unit_funds_total"] = format_wan(f.unit_funds_total);
  ordered_json by_source;
  for (int s = 0; s < kSourceCount; ++s)
    by_source[source_key(static_cast<Source>(s))] = format_wan(f.income_by_source[s]);
  fig["income_by_source"] = by_source;
  fig["expenditure_total"] = format_wan(f.expenditure_total);
  fig["basic"] = format_wan(f.basic);
  fig["project"] = format_wan(f.project);
  fig["personnel"] = format_wan(f.personnel);
  fig["public"] = format_wan(f.public_);
  fig["running_cost"] = change(f.running_cost_change);
  fig["total_change"] = change(f.total_change);
  fig["basic_change"] = change(f.basic_change);
  fig["project_change"] = change(f.project_change);
  fig["three_public"] = change(f.tp_change);
  fig["procurement_total"] = format_wan(f.procurement_total);
  fig["procurement_goods"] = format_wan(f.procurement_goods);
  fig["procurement_works"] = format_wan(f.procurement_works);
  fig["procurement_services"] = format_wan(f.procurement_services);
  fig["planned_fixed_assets"] = format_wan(f.planned_fixed_assets);
  fig["assets_total"] = format_wan(f.assets_total);
  root["figures"] = fig;
  return root.dump(2) + "\n";
}

}  // namespace bp
