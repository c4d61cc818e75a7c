#include <algorithm>
#include <map>
#include <set>

#include "derive/derived.hpp"
#include "derive/function_table.hpp"

namespace bp {

const DTable* Derived::table(const std::string& id) const {
  for (const auto& t : tables)
    if (t.id == id) return &t;
  return nullptr;
}

namespace {

constexpr int kBasic = static_cast<int>(Kind::Basic);
constexpr int kProject = static_cast<int>(Kind::Project);

DRow form_row(std::vector<DCell> cells, doc::RowRole role = doc::RowRole::Plain) {
  DRow r;
  r.cells = std::move(cells);
  r.role = role;
  return r;
}

// Money spent on a 类 (all sources), or by a 财政拨款 fund (0 gpb, 1 fund, 2 soc; -1 all).
Money class_total(const Budget& b, const std::string& cls, int fund = -1) {
  Money m;
  if (cls.empty()) return m;
  for (const auto& l : b.expenditure)
    if (l.code.value.compare(0, 3, cls) == 0 && (fund < 0 || fiscal_fund(l.source) == fund)) m += l.total();
  return m;
}

class Deriver {
 public:
  Deriver(const Budget& b, const Profile& p, const CodeNames& n) : b_(b), p_(p), n_(n) {}

  Derived run() {
    figures();
    Derived d;
    d.fig = f_;
    d.function_notes = function_notes();
    add(d, summary());
    add(d, income());
    add(d, expenditure());
    add(d, fiscal());
    add(d, by_fund("t5-gpb", 0));
    add(d, gpb_basic());
    add(d, by_fund("t7-fund", 1));
    add(d, by_fund("t8-soc", 2));
    add(d, three_public());
    return d;
  }

 private:
  const Budget& b_;
  const Profile& p_;
  const CodeNames& n_;
  Figures f_;

  void add(Derived& d, DTable t) {
    for (const auto& def : p_.tables)
      if (def.id == t.id) t.title = def.title;
    t.rounding_gap = has_rounding_gap(t.rows);
    d.tables.push_back(std::move(t));
  }

  static ChangeFigure change(Money now, const std::optional<Amount>& prev) {
    ChangeFigure c;
    c.now = now;
    if (!prev) return c;
    c.has_prev = true;
    c.prev = prev->value;
    c.delta = now - prev->value;
    c.rate_hundredths = change_rate_hundredths(now, prev->value);
    return c;
  }

  void figures() {
    for (const auto& l : b_.expenditure) {
      f_.income_by_source[static_cast<int>(l.source)] += l.total();
      for (int k = 0; k < kKindCount; ++k) f_.by_kind[k] += l.amounts[k].value;
      f_.expenditure_total += l.total();
    }
    f_.basic = f_.by_kind[kBasic];
    f_.project = f_.by_kind[kProject];
    for (int s = 0; s < kSourceCount; ++s) {
      auto src = static_cast<Source>(s);
      Money m = f_.income_by_source[s];
      if (is_carryover(src)) f_.carryover_total += m;
      else f_.income_total += m;
      if (is_fiscal(src)) f_.fiscal_total += m;
      if (is_unit_funds(src)) f_.unit_funds_total += m;
    }
    for (const auto& e : b_.economic) {
      auto k = n_.economic_kind(e.code.value);
      if (k == EconKind::Personnel) f_.personnel += e.amount.value;
      else if (k == EconKind::Public) f_.public_ += e.amount.value;
    }
    std::optional<Amount> prev_total;
    if (b_.previous.basic && b_.previous.project)
      prev_total = Amount{b_.previous.basic->value + b_.previous.project->value, b_.previous.basic->pos};
    f_.total_change = change(f_.expenditure_total, prev_total);
    f_.basic_change = change(f_.basic, b_.previous.basic);
    f_.project_change = change(f_.project, b_.previous.project);
    f_.running_cost_change =
        change(b_.running_cost.total ? b_.running_cost.total->value : f_.public_,
               b_.previous.running_cost);

    const auto& tp = b_.three_public;
    for (int i = 0; i < kTpItemCount; ++i) {
      f_.tp_now[i] = tp.this_year.item(static_cast<TpItem>(i));
      f_.tp_prev[i] = tp.last_year.item(static_cast<TpItem>(i));
    }
    for (int i = 0; i <= static_cast<int>(TpItem::Reception); ++i) {
      f_.tp_total_now += f_.tp_now[i];
      f_.tp_total_prev += f_.tp_prev[i];
    }
    // Group totals of last year (split unknown) count in last year's 小计.
    if (tp.last_year_outbound) f_.tp_total_prev += tp.last_year_outbound->value;
    if (tp.last_year_vehicle) f_.tp_total_prev += tp.last_year_vehicle->value;
    f_.tp_prev_known = tp.last_year.present || tp.last_year_total.has_value();
    if (tp.last_year_total) f_.tp_total_prev = tp.last_year_total->value;
    std::optional<Amount> tp_prev;
    if (f_.tp_prev_known) tp_prev = Amount{f_.tp_total_prev, {}};
    f_.tp_change = change(f_.tp_total_now, tp_prev);

    for (const auto& r : b_.procurement) {
      Money t = r.total();
      f_.procurement_total += t;
      const std::string& cc = r.catalog_code.value;
      if (!cc.empty() && cc[0] == 'B') f_.procurement_works += t;
      else if (!cc.empty() && cc[0] == 'C') f_.procurement_services += t;
      else f_.procurement_goods += t;
      if (r.sme_reserved) f_.procurement_sme += r.sme_reserved->value;
      if (r.is_fixed_asset()) f_.planned_fixed_assets += t;
    }
    const auto& a = b_.assets;
    f_.assets_total = a.total();
    for (const auto& p : b_.projects) f_.projects_total += p.budget();
    narrative_figures();
  }

  // The sums the narrative quotes that are not totals of their own (see Figures).
  void narrative_figures() {
    for (const auto& row : p_.summary_income_rows) {
      Money m;
      for (auto s : row.sources) m += f_.income_by_source[static_cast<int>(s)];
      f_.summary_income.push_back(m);
    }
    f_.income_all = f_.income_total + f_.carryover_total;
    f_.income_non_fiscal = f_.income_all - f_.fiscal_total;
    f_.basic_share_hundredths = share_hundredths(f_.basic, f_.expenditure_total);
    f_.project_share_hundredths = share_hundredths(f_.project, f_.expenditure_total);
    f_.running_cost = b_.running_cost.total ? b_.running_cost.total->value : f_.public_;

    // The 基本支出表's item lines (gpb_basic) whose 公用经费 column is not zero.
    std::map<std::string, Money> items;
    for (const auto& e : b_.economic) items[e.code.value] += e.amount.value;
    for (const auto& [code, m] : items) {
      if (n_.economic_kind(code) == EconKind::Personnel || m.zero()) continue;
      const std::string* name = n_.economic(code);
      f_.public_lines.push_back({code, name ? *name : "", m});
    }

    three_public_groups();
    f_.assets_dept = asset_figures(b_.assets);
    for (const auto& u : b_.assets.units) f_.assets_units.push_back(asset_figures(u));
  }

  void three_public_groups() {
    auto groups = [](const std::array<Money, kTpItemCount>& v) {
      auto at = [&](TpItem i) { return v[static_cast<int>(i)]; };
      ThreePublicGroups g;
      g.outbound = at(TpItem::OutboundResearch) + at(TpItem::OutboundOther);
      g.vehicle = at(TpItem::VehiclePurchase) + at(TpItem::VehicleOperation);
      g.vehicle_purchase = at(TpItem::VehiclePurchase);
      g.vehicle_operation = at(TpItem::VehicleOperation);
      g.reception = at(TpItem::Reception);
      g.meeting = at(TpItem::MeetingUniversity) + at(TpItem::MeetingOther);
      g.training = at(TpItem::Training);
      return g;
    };
    const ThreePublicGroups now = groups(f_.tp_now), prev = groups(f_.tp_prev);
    f_.tp_groups_now = now;
    f_.tp_groups_prev = prev;
    f_.tp_groups_delta = {now.outbound - prev.outbound,
                          now.vehicle - prev.vehicle,
                          now.vehicle_purchase - prev.vehicle_purchase,
                          now.vehicle_operation - prev.vehicle_operation,
                          now.reception - prev.reception,
                          now.meeting - prev.meeting,
                          now.training - prev.training};

    const auto& tp = b_.three_public;
    auto line = [&](TpGroup g, Money n, Money p) { f_.tp_compare.push_back({g, n, p, n - p}); };
    line(TpGroup::Outbound, now.outbound,
         tp.last_year_outbound ? tp.last_year_outbound->value : prev.outbound);
    if (tp.last_year_vehicle) {
      line(TpGroup::Vehicle, now.vehicle, tp.last_year_vehicle->value);
    } else {
      line(TpGroup::VehiclePurchase, now.vehicle_purchase, prev.vehicle_purchase);
      line(TpGroup::VehicleOperation, now.vehicle_operation, prev.vehicle_operation);
    }
    line(TpGroup::Reception, now.reception, prev.reception);
    // Forms whose 三公 table has 会议费/培训费 rows compare those too.
    bool meeting_row = false, training_row = false;
    for (const auto& [name, rows] : p_.three_public_layouts)
      for (const auto& r : rows)
        for (auto i : r.items) {
          meeting_row = meeting_row || i == TpItem::MeetingOther || i == TpItem::MeetingUniversity;
          training_row = training_row || i == TpItem::Training;
        }
    if (meeting_row) line(TpGroup::Meeting, now.meeting, prev.meeting);
    if (training_row) line(TpGroup::Training, now.training, prev.training);
  }

  static AssetFigures asset_figures(const AssetRows& a) {
    const auto& s = a.statement;
    auto get = [](const std::optional<Amount>& x) { return x ? x->value : Money(); };
    return {a.total(), get(s.original) - get(s.depreciation),
            get(s.intangible_original) - get(s.intangible_amortization)};
  }

  std::vector<FunctionNoteRow> function_notes() const {
    std::set<std::string> codes;
    for (const auto& l : b_.expenditure)
      for (size_t len : {3, 5, 7})
        if (l.code.value.size() >= len) codes.insert(l.code.value.substr(0, len));
    std::vector<FunctionNoteRow> out;
    for (const auto& c : codes) {
      const std::string* name = n_.function(c);
      const std::string* note = n_.function_note(c);
      out.push_back({c, name ? *name : "", note ? *note : ""});
    }
    return out;
  }

  // 部门预算收支总表: 31 fixed category rows, then 本年合计, 结转, 总计.
  DTable summary() {
    DTable t{"t1-summary"};
    const auto& inc = p_.summary_income_rows;
    const auto& cats = p_.categories;
    for (size_t i = 0; i < cats.size(); ++i) {
      std::vector<DCell> c{DCell::label("")};
      if (i < inc.size()) {
        c.push_back(DCell::label(inc[i].label));
        c.push_back(DCell::money(f_.summary_income[i]));
      } else {
        c.push_back(DCell::label(""));
        c.push_back(DCell::label(""));
      }
      c.push_back(DCell::label(cats[i].label));
      c.push_back(DCell::money(class_total(b_, cats[i].code)));
      t.rows.push_back(form_row(std::move(c)));
    }
    t.rows.push_back(form_row({DCell::label(""), DCell::label("本年收入合计"), DCell::money(f_.income_total),
                               DCell::label("本年支出合计"), DCell::money(f_.expenditure_total)},
                              doc::RowRole::Total));
    t.rows.push_back(form_row({DCell::label(""), DCell::label("上年结转结余"), DCell::money(f_.carryover_total),
                               DCell::label("年终结转结余"), DCell::money(Money())}));
    t.rows.push_back(
        form_row({DCell::label(""), DCell::label("收入总计"), DCell::money(f_.income_all),
                  DCell::label("支出总计"), DCell::money(f_.expenditure_total)},
                 doc::RowRole::Total));
    // 本年合计 sums the category rows; 总计 = 本年合计 + 结转 (the xlsx writes these as formulas).
    const int n = static_cast<int>(cats.size());
    for (int i = 0; i < n; ++i) t.rows[n].sum_of.push_back(i);
    t.rows[n + 2].sum_of = {n, n + 1};
    number_rows(t.rows);
    return t;
  }

  // 部门预算收入总表: 合计 = 小计 + 上年结转; 小计 = the 7 本年收入 columns.
  DTable income() {
    DTable t{"t2-income"};
    t.rows = function_rows(b_.expenditure, n_, 10, [](const ExpenditureLine& l, std::vector<Money>& v) {
      const Money m = l.total();
      int col;
      switch (l.source) {
        case Source::Gpb: case Source::Fund: case Source::Soc: col = 2; break;
        case Source::Special: col = 3; break;
        case Source::Business: col = 4; break;
        case Source::Operating: col = 5; break;
        case Source::Upper: col = 6; break;
        case Source::Affiliated: col = 7; break;
        case Source::Other: col = 8; break;
        default: col = 9; break;  // 上年结转
      }
      v[col] += m;
      if (col != 9) v[1] += m;
      v[0] += m;
    });
    return t;
  }

  DTable expenditure() {
    DTable t{"t3-expenditure"};
    t.rows = function_rows(b_.expenditure, n_, 6, [](const ExpenditureLine& l, std::vector<Money>& v) {
      v[0] += l.total();
      for (int k = 0; k < kKindCount; ++k) v[1 + k] += l.amounts[k].value;
    });
    return t;
  }

  // 财政拨款收支总表: fixed rows; 财政拨款 only (incl. 财政拨款结转).
  DTable fiscal() {
    DTable t{"t4-fiscal"};
    static const char* kIncome[3] = {"一、一般公共预算拨款", "二、政府性基金预算拨款", "三、国有资本经营预算拨款"};
    const Source cur[3] = {Source::Gpb, Source::Fund, Source::Soc};
    const Source carry[3] = {Source::CarryGpb, Source::CarryFund, Source::CarrySoc};
    Money inc_sum, carry_sum;
    std::array<Money, 3> exp_by_fund{};
    for (size_t i = 0; i < p_.categories.size(); ++i) {
      std::vector<DCell> c{DCell::label("")};
      if (i < 3) {
        Money m = f_.income_by_source[static_cast<int>(cur[i])];
        inc_sum += m;
        c.push_back(DCell::label(kIncome[i]));
        c.push_back(DCell::money(m));
      } else {
        c.push_back(DCell::label(""));
        c.push_back(DCell::label(""));
      }
      c.push_back(DCell::label(p_.categories[i].label));
      Money all;
      std::array<Money, 3> fund{};
      for (int k = 0; k < 3; ++k) {
        fund[k] = class_total(b_, p_.categories[i].code, k);
        all += fund[k];
        exp_by_fund[k] += fund[k];
      }
      c.push_back(DCell::money(all));
      for (int k = 0; k < 3; ++k) c.push_back(DCell::money(fund[k]));
      t.rows.push_back(form_row(std::move(c)));
    }
    for (int k = 0; k < 3; ++k) carry_sum += f_.income_by_source[static_cast<int>(carry[k])];
    const Money exp_all = exp_by_fund[0] + exp_by_fund[1] + exp_by_fund[2];
    auto blank4 = [] { return std::vector<DCell>{DCell::label(""), DCell::label(""), DCell::label(""), DCell::label(""), DCell::label("")}; };
    {
      std::vector<DCell> c{DCell::label(""), DCell::label("本年收入合计"), DCell::money(inc_sum),
                           DCell::label("本年支出合计"), DCell::money(exp_all)};
      for (int k = 0; k < 3; ++k) c.push_back(DCell::money(exp_by_fund[k]));
      t.rows.push_back(form_row(std::move(c), doc::RowRole::Total));
    }
    {
      std::vector<DCell> c{DCell::label(""), DCell::label("年初财政拨款结转和结余"), DCell::money(carry_sum),
                           DCell::label("年末财政拨款结转和结余")};
      for (int k = 0; k < 4; ++k) c.push_back(DCell::money(Money()));
      t.rows.push_back(form_row(std::move(c)));
    }
    for (int k = 0; k < 3; ++k) {
      std::vector<DCell> c{DCell::label(""), DCell::label(kIncome[k]),
                           DCell::money(f_.income_by_source[static_cast<int>(carry[k])])};
      auto b = blank4();
      c.insert(c.end(), b.begin(), b.end());
      t.rows.push_back(form_row(std::move(c)));
    }
    {
      std::vector<DCell> c{DCell::label(""), DCell::label("收入总计"), DCell::money(inc_sum + carry_sum),
                           DCell::label("支出总计"), DCell::money(exp_all)};
      for (int k = 0; k < 3; ++k) c.push_back(DCell::money(exp_by_fund[k]));
      t.rows.push_back(form_row(std::move(c), doc::RowRole::Total));
    }
    const int n = static_cast<int>(p_.categories.size());
    for (int i = 0; i < n; ++i) t.rows[n].sum_of.push_back(i);  // 本年收入/支出合计
    t.rows[n + 1].sum_of = {n + 2, n + 3, n + 4};                // 年初结转 = its three funds
    t.rows[n + 5].sum_of = {n, n + 1};                           // 总计 = 本年合计 + 结转
    number_rows(t.rows);
    return t;
  }

  // 一般公共预算 / 政府性基金 / 国有资本经营 财政拨款支出表: 合计 = all kinds; 基本; 项目.
  DTable by_fund(const char* id, int fund) {
    DTable t{id};
    t.rows = function_rows(b_.expenditure, n_, 3, [fund](const ExpenditureLine& l, std::vector<Money>& v) {
      if (fiscal_fund(l.source) != fund) return;
      v[0] += l.total();
      v[1] += l.amounts[kBasic].value;
      v[2] += l.amounts[kProject].value;
    });
    t.empty = t.rows.empty();
    return t;
  }

  // 一般公共预算财政拨款基本支出表 by 经济分类: 合计, 类 (3-digit), 款 (5-digit).
  DTable gpb_basic() {
    DTable t{"t6-gpb-basic"};
    std::map<std::string, Money> items;
    for (const auto& e : b_.economic) items[e.code.value] += e.amount.value;
    std::map<std::string, Money> classes;
    for (const auto& [code, m] : items) classes[code.substr(0, 3)] += m;
    auto row = [&](std::string code, std::string name, Money m, doc::RowRole role) {
      const bool personnel = code.empty() ? false : n_.economic_kind(code) == EconKind::Personnel;
      DRow r;
      r.role = role;
      r.cells = {DCell::label(""), DCell::label(std::move(code)), DCell::label(std::move(name)), DCell::money(m)};
      if (role == doc::RowRole::Total) {
        r.cells.push_back(DCell::money(f_.personnel));
        r.cells.push_back(DCell::money(f_.public_));
      } else {
        r.cells.push_back(DCell::money(personnel ? m : Money()));
        r.cells.push_back(DCell::money(personnel ? Money() : m));
      }
      return r;
    };
    if (items.empty()) {
      t.empty = true;
      return t;
    }
    Money total;
    for (const auto& [c, m] : classes) total += m;
    t.rows.push_back(row("", "合计", total, doc::RowRole::Total));
    for (const auto& [cls, cm] : classes) {
      t.rows[0].sum_of.push_back(static_cast<int>(t.rows.size()));
      const std::string* cn = n_.economic(cls);
      t.rows.push_back(row(cls, cn ? *cn : "", cm, doc::RowRole::Level1));
      const size_t cr = t.rows.size() - 1;
      for (auto it = items.lower_bound(cls); it != items.end() && it->first.compare(0, 3, cls) == 0; ++it) {
        t.rows[cr].sum_of.push_back(static_cast<int>(t.rows.size()));
        const std::string* nn = n_.economic(it->first);
        t.rows.push_back(row(it->first, nn ? *nn : "", it->second, doc::RowRole::Item));
      }
    }
    number_rows(t.rows);
    return t;
  }

  DTable three_public() {
    DTable t{"t9-three-public"};
    auto it = p_.three_public_layouts.find(b_.dept.three_public_layout);
    if (it == p_.three_public_layouts.end()) it = p_.three_public_layouts.find("full");
    if (it == p_.three_public_layouts.end()) return t;
    const auto& tp = b_.three_public.this_year;
    for (const auto& def : it->second) {
      std::array<Money, 3> by{};
      for (auto item : def.items)
        for (int s = 0; s < 3; ++s) by[s] += tp.item(item, s);
      DRow r;
      r.role = def.role;
      r.cells = {DCell::label(""), DCell::label(def.label, def.indent), DCell::money(by[0] + by[1] + by[2])};
      for (int s = 0; s < 3; ++s) r.cells.push_back(DCell::money(by[s]));
      t.rows.push_back(r);
    }
    link_item_sums(t.rows, it->second);
    number_rows(t.rows);
    return t;
  }

  // A 三公 row sums the rows below it whose item sets are the largest ones inside its own set, when
  // they cover it exactly (合计 → 小计 + 会议费 + 培训费; 一、因公出国 → its two 其中 rows).
  static void link_item_sums(std::vector<DRow>& rows, const std::vector<ThreePublicRowDef>& defs) {
    auto subset = [](const std::vector<TpItem>& a, const std::vector<TpItem>& b) {
      for (auto x : a)
        if (std::find(b.begin(), b.end(), x) == b.end()) return false;
      return true;
    };
    for (size_t i = 0; i < defs.size(); ++i) {
      std::vector<size_t> cands;
      for (size_t j = i + 1; j < defs.size(); ++j)
        if (subset(defs[j].items, defs[i].items)) cands.push_back(j);
      std::vector<int> children;
      size_t covered = 0;
      for (size_t j : cands) {
        bool inside_other = false;
        for (size_t k : cands)
          if (k != j && k < j && subset(defs[j].items, defs[k].items)) inside_other = true;
        if (!inside_other) {
          children.push_back(static_cast<int>(j));
          covered += defs[j].items.size();
        }
      }
      if (!children.empty() && covered == defs[i].items.size() && !(children.size() == 1 && defs[children[0]].items.size() != defs[i].items.size()))
        rows[i].sum_of = children;
    }
  }
};

}  // namespace

Derived derive(const Budget& b, const Profile& profile, const CodeNames& names) {
  return Deriver(b, profile, names).run();
}

}  // namespace bp
