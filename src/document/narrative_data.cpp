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

void perf_items(const std::vector<PerformanceItem>& items, int depth, data& list) {
  int n = 0;
  for (const auto& it : items) {
    data d;
    d.set("title", numbered(depth == 0 ? "（1）" : "1.", ++n, it.title.value));
    d.set("goal", it.goal.value);
    d.set("indicators", it.indicators.value);
    d.set("standard", it.standard.value);
    d.set("has_goal", flag(!it.goal.value.empty()));
    d.set("has_indicators", flag(!it.indicators.value.empty()));
    d.set("has_standard", flag(!it.standard.value.empty()));
    list.push_back(d);
    perf_items(it.children, depth + 1, list);
  }
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
  for (const auto& t : b.dept.duties) duties.push_back(data("text", numbered(b.dept.duties_numbering, ++n, t.value)));
  ctx.set("duties", duties);

  // 二、收支总体情况
  auto src = [&](Source s) { return f.income_by_source[static_cast<int>(s)]; };
  ctx.set("income_total", wan_text(f.income_total));
  ctx.set("income_all", wan_text(f.income_total + f.carryover_total));
  ctx.set("income_gpb", wan_text(src(Source::Gpb)));
  ctx.set("income_fund", wan_text(src(Source::Fund)));
  ctx.set("income_soc", wan_text(src(Source::Soc)));
  ctx.set("income_special", wan_text(src(Source::Special)));
  ctx.set("income_unit", wan_text(f.unit_funds_total));
  ctx.set("income_fiscal", wan_text(f.fiscal_total));
  ctx.set("income_carryover", wan_text(f.carryover_total));
  data nonzero{data::type::list};
  for (const auto& row : p.summary_income_rows) {
    Money m;
    for (auto s : row.sources) m += src(s);
    if (m.zero()) continue;
    // Row labels carry their Chinese ordinal ("一、…收入"); the sentence wants the plain name.
    std::string name = row.label.substr(row.label.find("、") == std::string::npos ? 0 : row.label.find("、") + 3);
    data item;
    item.set("name", name);
    item.set("amount", wan_text(m));
    nonzero.push_back(item);
  }
  ctx.set("income_items", nonzero);
  ctx.set("has_carryover", flag(!f.carryover_total.zero()));
  ctx.set("expenditure_total", wan_text(f.expenditure_total));
  ctx.set("basic", wan_text(f.basic));
  ctx.set("personnel", wan_text(f.personnel));
  ctx.set("public", wan_text(f.public_));
  ctx.set("project", wan_text(f.project));
  if (auto s = share_hundredths(f.basic, f.expenditure_total)) ctx.set("basic_share", format_hundredths(*s) + "%");
  if (auto s = share_hundredths(f.project, f.expenditure_total)) ctx.set("project_share", format_hundredths(*s) + "%");
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

  // 三、机关运行经费
  ctx.set("running_cost", wan_text(f.public_));
  ctx.set("running_change", change_data(f.running_cost_change));
  set_text(ctx, "running_purpose", b.running_cost.purpose.value);
  std::vector<std::pair<std::string, Money>> rc;
  if (!b.running_cost.items.empty()) {
    for (const auto& it : b.running_cost.items) rc.emplace_back(it.name.value, it.amount.value);
  } else if (const DTable* t6 = d.table("t6-gpb-basic")) {
    // Default: the 302xx lines of the 基本支出表 (公用经费 by economic classification).
    for (const auto& r : t6->rows)
      if (r.role == doc::RowRole::Item && r.cells[5].amount && !r.cells[5].amount->zero())
        rc.emplace_back(r.cells[2].text, *r.cells[5].amount);
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

  // 四、三公
  auto tp = [&](std::initializer_list<TpItem> items, bool prev) {
    Money m;
    for (auto i : items) m += prev ? f.tp_prev[static_cast<int>(i)] : f.tp_now[static_cast<int>(i)];
    return m;
  };
  for (bool prev : {false, true}) {
    std::string sfx = prev ? "_prev" : "";
    ctx.set("tp_outbound" + sfx, wan_text(tp({TpItem::OutboundResearch, TpItem::OutboundOther}, prev)));
    ctx.set("tp_vehicle" + sfx, wan_text(tp({TpItem::VehiclePurchase, TpItem::VehicleOperation}, prev)));
    ctx.set("tp_vehicle_purchase" + sfx, wan_text(tp({TpItem::VehiclePurchase}, prev)));
    ctx.set("tp_vehicle_operation" + sfx, wan_text(tp({TpItem::VehicleOperation}, prev)));
    ctx.set("tp_reception" + sfx, wan_text(tp({TpItem::Reception}, prev)));
    ctx.set("tp_meeting" + sfx, wan_text(tp({TpItem::MeetingUniversity, TpItem::MeetingOther}, prev)));
    ctx.set("tp_training" + sfx, wan_text(tp({TpItem::Training}, prev)));
  }
  ctx.set("tp_total", wan_text(f.tp_total_now));
  ctx.set("tp_total_prev", wan_text(f.tp_total_prev));
  ctx.set("tp_change", change_data(f.tp_change));
  ctx.set("tp_items_known", flag(b.three_public.last_year.present));
  auto tp_item_change = [&](std::initializer_list<TpItem> items) { return change_phrase(tp(items, false) - tp(items, true)); };
  ctx.set("tp_outbound_change", tp_item_change({TpItem::OutboundResearch, TpItem::OutboundOther}));
  ctx.set("tp_vehicle_purchase_change", tp_item_change({TpItem::VehiclePurchase}));
  ctx.set("tp_vehicle_operation_change", tp_item_change({TpItem::VehicleOperation}));
  ctx.set("tp_reception_change", tp_item_change({TpItem::Reception}));
  for (const char* k : {"total", "outbound", "vehicle_purchase", "vehicle_operation", "reception"})
    set_text(ctx, std::string("tp_reason_") + k, text_of(b.three_public.reasons, k));

  // 五、绩效
  data overall{data::type::list};
  for (const auto& t : b.performance.overall) overall.push_back(data("text", t.value));
  ctx.set("perf_overall", overall);
  set_text(ctx, "perf_items_intro", b.performance.items_intro.value);
  data items{data::type::list};
  perf_items(b.performance.items, 0, items);
  ctx.set("perf_items", items);
  data measures{data::type::list};
  for (const auto& t : b.performance.measures) measures.push_back(data("text", t.value));
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
  set_text(ctx, "assets_note", b.assets.note.value);
  ctx.set("vehicles", std::to_string(b.assets.vehicles.quantity));
  // The 2021 form states assets in 元.
  ctx.set("assets_total_yuan", yuan_text(f.assets_total));
  ctx.set("buildings_yuan", yuan_text(b.assets.buildings.value.value));
  ctx.set("vehicles_yuan", yuan_text(b.assets.vehicles.value.value));
  ctx.set("equipment_yuan", yuan_text(b.assets.equipment.value.value));
  ctx.set("other_assets_yuan", yuan_text(b.assets.other.value.value));
  ctx.set("income_other_sources", wan_text(f.income_total + f.carryover_total - f.fiscal_total));

  // 九
  set_text(ctx, "other_matters", text_of(b.texts, "other_matters"));
  ctx.set("has_other_matters", flag(!text_of(b.texts, "other_matters").empty()));
  return ctx;
}

}  // namespace bp
