#include "document/narrative_data.hpp"

#include <algorithm>

#include "document/build.hpp"
#include "document/numbering.hpp"

namespace bp {

using kainjow::mustache::data;

std::string wan_text(Money m) { return format_wan(m) + "万元"; }
std::string yuan_text(Money m) { return format_hundredths(m.in_fen()) + "元"; }

std::string change_phrase(Money delta) {
  if (delta.zero()) return "持平";
  return (delta.negative() ? "减少" : "增加") + wan_text(delta.negative() ? -delta : delta);
}

std::string rate_phrase(const ChangeFigure& c) {
  if (!c.has_prev || !c.rate_hundredths || *c.rate_hundredths == 0) return "";
  int64_t r = *c.rate_hundredths;
  return (r < 0 ? "下降" : "增长") + format_hundredths(r < 0 ? -r : r) + "%";
}

namespace {

data change_data(const ChangeFigure& c) {
  data d;
  d.set("now", wan_text(c.now));
  d.set("prev", wan_text(c.prev));
  d.set("phrase", change_phrase(c.delta));
  d.set("rate", rate_phrase(c));
  d.set("known", c.has_prev ? data::type::bool_true : data::type::bool_false);
  d.set("same", c.has_prev && c.delta.zero() ? data::type::bool_true : data::type::bool_false);
  return d;
}

data flag(bool b) { return b ? data::type::bool_true : data::type::bool_false; }

// Free text is only set when present: an unset key makes {{#key}}…{{/key}} disappear.
void set_text(data& d, const std::string& key, const std::string& value) {
  if (!value.empty()) d.set(key, value);
}

std::string text_of(const std::map<std::string, Text>& m, const char* key) {
  auto it = m.find(key);
  return it == m.end() ? std::string() : it->second.value;
}

// A text written over several lines keeps its paragraphs: a line break becomes a paragraph break
// (the template text joins single lines into one paragraph).
std::string paragraphs(const std::string& s) {
  std::string out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t nl = s.find('\n', start);
    std::string line = s.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    start = nl == std::string::npos ? s.size() + 1 : nl + 1;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (line.empty()) continue;
    out += (out.empty() ? "" : "\n\n") + line;
  }
  return out;
}

void perf_items(const std::vector<PerformanceItem>& items, const std::string& style, int depth,
                data& list) {
  int n = 0;
  for (const auto& it : items) {
    data d;
    d.set("title", numbered(depth == 0 ? style : "1.", ++n, it.title.value));
    d.set("goal", paragraphs(it.goal.value));
    d.set("indicators", paragraphs(it.indicators.value));
    d.set("standard", paragraphs(it.standard.value));
    d.set("has_goal", flag(!it.goal.value.empty()));
    d.set("has_indicators", flag(!it.indicators.value.empty()));
    d.set("has_standard", flag(!it.standard.value.empty()));
    list.push_back(d);
    perf_items(it.children, style, depth + 1, list);
  }
}

// 资产 figures of the department or of one unit, in 万元 and in 元 (the 2021 form's prose).
data asset_data(const AssetRows& a, const AssetFigures& fig) {
  data d;
  auto both = [&](const std::string& key, Money m) {
    d.set(key, wan_text(m));
    d.set(key + "_yuan", yuan_text(m));
  };
  both("total", fig.total);
  both("buildings", a.buildings.value.value);
  both("office", a.office.value.value);
  both("vehicles", a.vehicles.value.value);
  both("equipment", a.equipment.value.value);
  both("other", a.other.value.value);
  d.set("vehicles_n", std::to_string(a.vehicles.quantity));
  d.set("has_office", flag(!a.office.value.value.zero()));
  d.set("has_buildings", flag(!a.buildings.value.value.zero()));
  d.set("has_vehicles", flag(!a.vehicles.value.value.zero() || a.vehicles.quantity));
  d.set("has_equipment", flag(!a.equipment.value.value.zero()));
  d.set("has_other", flag(!a.other.value.value.zero()));
  d.set("buildings_area", std::to_string(a.buildings.quantity));
  const auto& s = a.statement;
  auto get = [](const std::optional<Amount>& x) { return x ? x->value : Money(); };
  d.set("has_original", flag(s.original.has_value()));
  both("original", get(s.original));
  d.set("has_depreciation", flag(s.depreciation.has_value()));
  both("depreciation", get(s.depreciation));
  both("net_value", fig.fixed_net);
  d.set("has_intangible", flag(s.intangible_original.has_value()));
  both("intangible_original", get(s.intangible_original));
  d.set("has_amortization", flag(s.intangible_amortization.has_value()));
  both("intangible_amortization", get(s.intangible_amortization));
  both("intangible_net", fig.intangible_net);
  d.set("has_net_assets", flag(s.net_assets.has_value()));
  both("net_assets", get(s.net_assets));
  d.set("has_statement", flag(s.any()));
  // The 资产情况 sentence in both units: "固定资产原值…，累计折旧…，净值…；无形资产原值…；净资产…".
  for (bool yuan : {false, true}) {
    auto m = [&](Money x) { return yuan ? yuan_text(x) : wan_text(x); };
    std::vector<std::string> parts;
    // "<kind>原值…[，<reduction>…，净值…]": fixed assets with 折旧, intangibles with 摊销.
    auto held = [&](const char* kind, const auto& original, const char* reduction, const auto& less,
                    Money net) {
      if (!original) return;
      std::string p = std::string(kind) + "原值" + m(original->value);
      if (less) p += "，" + std::string(reduction) + m(less->value) + "，净值" + m(net);
      parts.push_back(p);
    };
    held("固定资产", s.original, "累计折旧", s.depreciation, fig.fixed_net);
    held("无形资产", s.intangible_original, "累计摊销", s.intangible_amortization,
         fig.intangible_net);
    if (s.net_assets) parts.push_back("净资产" + m(s.net_assets->value));
    std::string text;
    for (const auto& p : parts) text += (text.empty() ? "" : "；") + p;
    d.set(yuan ? "statement_yuan" : "statement", text);
  }
  return d;
}

// The 三公 comparison's line names, and the key of each line's reason in three_public.reasons.
const char* tp_group_name(TpGroup g) {
  switch (g) {
    case TpGroup::Outbound:
      return "因公出国（境）费";
    case TpGroup::Vehicle:
      return "公务用车购置及运维费";
    case TpGroup::VehiclePurchase:
      return "公务用车购置费";
    case TpGroup::VehicleOperation:
      return "公务用车运行维护费";
    case TpGroup::Reception:
      return "公务接待费";
    case TpGroup::Meeting:
      return "会议费";
    case TpGroup::Training:
      return "培训费";
  }
  return "";
}

const char* tp_group_reason_key(TpGroup g) {
  switch (g) {
    case TpGroup::Outbound:
      return "outbound";
    case TpGroup::Vehicle:
      return "vehicle";
    case TpGroup::VehiclePurchase:
      return "vehicle_purchase";
    case TpGroup::VehicleOperation:
      return "vehicle_operation";
    case TpGroup::Reception:
      return "reception";
    case TpGroup::Meeting:
      return "meeting";
    case TpGroup::Training:
      return "training";
  }
  return "";
}

// "2020-12-31" → "2020年12月31日" (no leading zeros, as printed).
std::string date_text(const std::string& iso) {
  if (iso.size() != 10) return iso;
  auto num = [&](size_t at, size_t len) {
    std::string x = iso.substr(at, len);
    while (x.size() > 1 && x[0] == '0') x.erase(0, 1);
    return x;
  };
  return iso.substr(0, 4) + "年" + num(5, 2) + "月" + num(8, 2) + "日";
}

}  // namespace

data narrative_data(const Budget& b, const Profile& p, const Derived& d) {
  const Figures& f = d.fig;
  data ctx;
  ctx.set("dept", b.dept.name.value);
  ctx.set("Y", std::to_string(b.dept.year));
  ctx.set("Y1", std::to_string(b.dept.year - 1));
  ctx.set("gov_level", b.dept.gov_level);

  // 一、职责与机构
  set_text(ctx, "duties_intro", b.dept.duties_intro.value);
  data duties{data::type::list};
  int n = 0;
  for (const auto& t : b.dept.duties)
    duties.push_back(data("text", paragraphs(numbered(b.dept.duties_numbering, ++n, t.value))));
  ctx.set("duties", duties);

  // 二、收支总体情况
  auto src = [&](Source s) { return f.income_by_source[static_cast<int>(s)]; };
  ctx.set("income_total", wan_text(f.income_total));
  ctx.set("income_all", wan_text(f.income_all));
  ctx.set("income_gpb", wan_text(src(Source::Gpb)));
  ctx.set("income_fund", wan_text(src(Source::Fund)));
  ctx.set("income_soc", wan_text(src(Source::Soc)));
  ctx.set("income_special", wan_text(src(Source::Special)));
  ctx.set("income_unit", wan_text(f.unit_funds_total));
  ctx.set("income_fiscal", wan_text(f.fiscal_total));
  ctx.set("income_carryover", wan_text(f.carryover_total));
  // Sources with 0 are left out unless the department or the form lists them
  // ("国有资本经营预算拨款收入0.00万元").
  const bool list_zero = b.dept.list_zero_income || p.list_zero_income;
  ctx.set("income_listed", flag(list_zero));
  std::vector<data> income_rows;
  for (size_t i = 0; i < p.summary_income_rows.size(); ++i) {
    const auto& row = p.summary_income_rows[i];
    const Money m = f.summary_income[i];
    if (m.zero() && !list_zero) continue;
    // Row labels carry their Chinese ordinal ("一、…收入"); the sentence wants the plain name.
    std::string name = row.label.substr(row.label.find("、") == std::string::npos ? 0 : row.label.find("、") + 3);
    data item;
    item.set("name", name);
    item.set("amount", wan_text(m));
    income_rows.push_back(item);
  }
  data nonzero{data::type::list};
  for (size_t i = 0; i < income_rows.size(); ++i) {
    income_rows[i].set("last", flag(i + 1 == income_rows.size()));
    nonzero.push_back(income_rows[i]);
  }
  ctx.set("income_items", nonzero);
  set_text(ctx, "income_note", paragraphs(text_of(b.texts, "income_note")));
  ctx.set("has_carryover", flag(!f.carryover_total.zero()));
  ctx.set("expenditure_total", wan_text(f.expenditure_total));
  ctx.set("basic", wan_text(f.basic));
  ctx.set("personnel", wan_text(f.personnel));
  ctx.set("public", wan_text(f.public_));
  ctx.set("project", wan_text(f.project));
  if (auto s = f.basic_share_hundredths) ctx.set("basic_share", format_hundredths(*s) + "%");
  if (auto s = f.project_share_hundredths) ctx.set("project_share", format_hundredths(*s) + "%");
  ctx.set("has_projects_amounts", flag(!b.projects.empty() && std::all_of(b.projects.begin(), b.projects.end(), [](const Project& p) { return p.has_amount(); })));
  data projects{data::type::list};
  std::string names;
  for (size_t i = 0; i < b.projects.size(); ++i) {
    const auto& pr = b.projects[i];
    data item;
    item.set("name", pr.name.value);
    item.set("amount", wan_text(pr.budget()));
    item.set("last", flag(i + 1 == b.projects.size()));
    projects.push_back(item);
    names += (names.empty() ? "" : "、") + pr.name.value;
  }
  ctx.set("projects", projects);
  ctx.set("project_names", names);
  ctx.set("has_project_list", flag(!b.projects.empty()));
  set_text(ctx, "project_summary", text_of(b.texts, "project_summary"));
  ctx.set("has_project_summary", flag(!text_of(b.texts, "project_summary").empty()));
  ctx.set("total_change", change_data(f.total_change));
  ctx.set("basic_change", change_data(f.basic_change));
  ctx.set("project_change", change_data(f.project_change));
  set_text(ctx, "reason_basic", text_of(b.previous.reasons, "basic"));
  set_text(ctx, "reason_project", text_of(b.previous.reasons, "project"));
  set_text(ctx, "reason_total", text_of(b.previous.reasons, "total"));
  set_text(ctx, "reason_running_cost", text_of(b.previous.reasons, "running_cost"));

  // 三、机关运行经费
  // 机关运行经费 covers the 行政 units; stated explicitly when some units are 事业 units.
  const Money running = f.running_cost;
  ctx.set("running_cost", wan_text(running));
  ctx.set("running_admin_only", flag(running != f.public_));
  ctx.set("running_change", change_data(f.running_cost_change));
  set_text(ctx, "running_purpose", b.running_cost.purpose.value);
  set_text(ctx, "running_cost_note", paragraphs(text_of(b.texts, "running_cost_note")));
  std::vector<std::pair<std::string, Money>> rc;
  if (!b.running_cost.items.empty()) {
    for (const auto& it : b.running_cost.items) rc.emplace_back(it.name.value, it.amount.value);
  } else if (running == f.public_) {
    // (When 机关运行经费 is less than 公用经费 the economic lines are not its breakdown.)
    // Default: the 302xx lines of the 基本支出表 (公用经费 by economic classification).
    for (const auto& l : f.public_lines) rc.emplace_back(l.name, l.amount);
  }
  data rc_items{data::type::list};
  for (size_t i = 0; i < rc.size(); ++i) {
    data item;
    item.set("name", rc[i].first);
    item.set("amount", wan_text(rc[i].second));
    item.set("last", flag(i + 1 == rc.size()));
    rc_items.push_back(item);
  }
  ctx.set("running_items", rc_items);
  ctx.set("has_running_items", flag(!rc.empty()));

  // 四、三公
  for (bool prev : {false, true}) {
    std::string sfx = prev ? "_prev" : "";
    const ThreePublicGroups& g = prev ? f.tp_groups_prev : f.tp_groups_now;
    ctx.set("tp_outbound" + sfx, wan_text(g.outbound));
    ctx.set("tp_vehicle" + sfx, wan_text(g.vehicle));
    ctx.set("tp_vehicle_purchase" + sfx, wan_text(g.vehicle_purchase));
    ctx.set("tp_vehicle_operation" + sfx, wan_text(g.vehicle_operation));
    ctx.set("tp_reception" + sfx, wan_text(g.reception));
    ctx.set("tp_meeting" + sfx, wan_text(g.meeting));
    ctx.set("tp_training" + sfx, wan_text(g.training));
  }
  ctx.set("tp_total", wan_text(f.tp_total_now));
  ctx.set("tp_total_prev", wan_text(f.tp_total_prev));
  ctx.set("tp_change", change_data(f.tp_change));
  ctx.set("tp_items_known", flag(b.three_public.last_year.present));
  ctx.set("tp_outbound_change", change_phrase(f.tp_groups_delta.outbound));
  ctx.set("tp_vehicle_purchase_change", change_phrase(f.tp_groups_delta.vehicle_purchase));
  ctx.set("tp_vehicle_operation_change", change_phrase(f.tp_groups_delta.vehicle_operation));
  ctx.set("tp_reception_change", change_phrase(f.tp_groups_delta.reception));
  for (const char* k : {"total", "outbound", "vehicle_purchase", "vehicle_operation", "reception"})
    set_text(ctx, std::string("tp_reason_") + k, text_of(b.three_public.reasons, k));
  set_text(ctx, "three_public_note", paragraphs(text_of(b.texts, "three_public_note")));
  // Item comparison at the level last year's data has (derive's tp_compare).
  {
    data list{data::type::list};
    for (size_t i = 0; i < f.tp_compare.size(); ++i) {
      const TpComparison& c = f.tp_compare[i];
      data item;
      item.set("name", tp_group_name(c.group));
      item.set("now", wan_text(c.now));
      item.set("prev", wan_text(c.prev));
      item.set("change", change_phrase(c.delta));
      set_text(item, "reason", text_of(b.three_public.reasons, tp_group_reason_key(c.group)));
      item.set("last", flag(i + 1 == f.tp_compare.size()));
      list.push_back(item);
    }
    ctx.set("tp_compare", list);
  }

  // 五、绩效
  data overall{data::type::list};
  for (const auto& t : b.performance.overall) overall.push_back(data("text", paragraphs(t.value)));
  ctx.set("perf_overall", overall);
  set_text(ctx, "perf_items_intro", b.performance.items_intro.value);
  data items{data::type::list};
  perf_items(b.performance.items, b.performance.numbering, 0, items);
  ctx.set("perf_items", items);
  data measures{data::type::list};
  for (const auto& t : b.performance.measures)
    measures.push_back(data("text", paragraphs(t.value)));
  ctx.set("perf_measures", measures);
  ctx.set("has_special_funds", flag(!b.special_funds.empty()));
  ctx.set("has_projects", flag(!b.projects.empty()));

  // 六、采购 七、资产
  ctx.set("procurement_total", wan_text(f.procurement_total));
  ctx.set("procurement_goods", wan_text(f.procurement_goods));
  ctx.set("procurement_works", wan_text(f.procurement_works));
  ctx.set("procurement_services", wan_text(f.procurement_services));
  ctx.set("procurement_sme", wan_text(f.procurement_sme));
  ctx.set("has_procurement", flag(!b.procurement.empty()));
  ctx.set("assets_total", wan_text(f.assets_total));
  ctx.set("planned_assets", wan_text(f.planned_fixed_assets));
  ctx.set("has_planned_assets", flag(!f.planned_fixed_assets.zero()));
  set_text(ctx, "assets_note", paragraphs(b.assets.note.value));
  ctx.set("assets_as_of", date_text(b.assets.as_of_or(b.dept.year)));
  ctx.set("assets_as_of_given", flag(!b.assets.as_of.value.empty()));
  ctx.set("assets_dept", asset_data(b.assets, f.assets_dept));
  data asset_units{data::type::list};
  for (size_t i = 0; i < b.assets.units.size(); ++i) {
    const auto& u = b.assets.units[i];
    data ud = asset_data(u, f.assets_units[i]);
    const Institution* inst = b.dept.find_unit(u.unit.value);
    ud.set("unit", inst ? inst->name.value : u.unit.value);
    asset_units.push_back(ud);
  }
  ctx.set("asset_units", asset_units);
  ctx.set("has_asset_units", flag(!b.assets.units.empty()));
  ctx.set("vehicles", std::to_string(b.assets.vehicles.quantity));
  // The 2021 form states assets in 元.
  ctx.set("assets_total_yuan", yuan_text(f.assets_total));
  ctx.set("buildings_yuan", yuan_text(b.assets.buildings.value.value));
  ctx.set("vehicles_yuan", yuan_text(b.assets.vehicles.value.value));
  ctx.set("equipment_yuan", yuan_text(b.assets.equipment.value.value));
  ctx.set("other_assets_yuan", yuan_text(b.assets.other.value.value));
  ctx.set("income_other_sources", wan_text(f.income_non_fiscal));

  // 九
  set_text(ctx, "other_matters", paragraphs(text_of(b.texts, "other_matters")));
  ctx.set("has_other_matters", flag(!text_of(b.texts, "other_matters").empty()));
  return ctx;
}

}  // namespace bp
