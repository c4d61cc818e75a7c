#include "import/interpret.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

namespace bp::import {

const char* profile_table_id(TableId id) {
  static constexpr std::array<const char*, kTableCount> kIds = {
      "t1-summary",   "t2-income", "t3-expenditure", "t4-fiscal",      "t5-gpb",
      "t6-gpb-basic", "t7-fund",   "t8-soc",         "t9-three-public"};
  return kIds[static_cast<int>(id)];
}

DeptInfo read_dept(const Collected& c, Report& report) {
  DeptInfo d;
  std::string dept_where;
  for (int i = 0; i < kTableCount; ++i) {
    const SheetLayout* l = c.layout[i].get();
    if (!l) continue;
    const HeaderBlock& b = l->block;
    if (b.dept_code) {
      std::string where = qualified_ref(l->sheet->name, b.dept_ref);
      if (!d.code) {
        if (!b.dept_code->empty()) d.code = b.dept_code;
        d.name = b.dept_name;
        d.separator = b.dept_separator;
        dept_where = where;
      } else if ((!b.dept_code->empty() && *d.code != *b.dept_code) || *d.name != *b.dept_name) {
        report.warning(where, "部门“" + *b.dept_code + *b.dept_separator + *b.dept_name + "”与 " +
                                  dept_where + " 的“" + *d.code + *d.separator + *d.name +
                                  "”不同，采用后者");
      }
    }
    if (b.year) {
      std::string where = qualified_ref(l->sheet->name, b.year_ref);
      if (!d.year) {
        d.year = b.year;
        d.year_where = where;
      } else if (*d.year != *b.year) {
        report.warning(where, "预算年度 " + std::to_string(*b.year) + " 与 " + d.year_where +
                                  " 的 " + std::to_string(*d.year) + " 不同，采用后者");
      }
    }
  }
  return d;
}

namespace {

std::string key(std::string_view label) {
  return strip_numbering(norm_label(label));
}

int form_score(const Profile& p, const Collected& c) {
  if (!p.has_tables) return -1000000;
  int score = 0;
  for (int i = 0; i < kTableCount; ++i) {
    const SheetLayout* l = c.layout[i].get();
    if (!l || !l->titled_by_cell) continue;
    for (const auto& t : p.tables)
      if (t.id == profile_table_id(static_cast<TableId>(i)))
        score += contains(norm_label(l->title), norm_label(t.title)) ? 1 : -1;
  }
  if (c.summary) {
    std::set<std::string> labels = {"本年收入合计", "上年结转结余", "收入总计"};
    for (const auto& r : p.summary_income_rows) labels.insert(key(r.label));
    for (const auto& r : c.summary->rows)
      if (!r.inc_label.empty())
        score += labels.count(r.inc_label) || labels.count(r.inc_label + "收入") ? 1 : -1;
  }
  if (c.three_public) {
    std::set<std::string> labels;
    for (const auto& [name, rows] : p.three_public_layouts)
      for (const auto& r : rows) labels.insert(key(r.label));
    for (const auto& r : c.three_public->rows)
      if (!r.exp_label.empty()) score += labels.count(r.exp_label) ? 1 : -1;
  }
  return score;
}

}  // namespace

FormChoice choose_form(const Collected& c, const Context& ctx,
                       const std::optional<std::string>& form_flag, int year, Report& report,
                       bool stated) {
  FormChoice out;
  const Profile* chosen = nullptr;
  if (form_flag) {
    chosen = ctx.profile(*form_flag);
    if (!chosen)
      throw std::invalid_argument("没有公开格式“" + *form_flag +
                                  "”（config/profiles/ 中没有该文件）");
    if (!chosen->has_tables && !stated)
      report.warning("", "公开格式 " + *form_flag + " 不含 9 张公开表，导入的数字只用于情况说明");
  } else {
    int best = 0;
    for (const auto& id : list_profiles(ctx.config_dir())) {
      const Profile* p = ctx.profile(id);
      if (!p || !p->has_tables) continue;
      int s = form_score(*p, c);
      auto num = [](const std::string& x) { return std::atoi(x.c_str()); };
      auto rank =
          [&](const Profile* q) {  // tie-break: the year's own form, then the latest before it
            int n = num(q->id);
            return n == year ? 1000000 : n <= year ? n : -n;
          };
      if (!chosen || s > best || (s == best && rank(p) > rank(chosen))) {
        chosen = p;
        best = s;
      }
    }
    if (!chosen) throw std::invalid_argument("配置中没有含公开表的年度格式（config/profiles/）");
  }
  out.form = chosen->id;
  // 三公 layout: the row set the table matches best.
  out.three_public_layout = chosen->three_public_layouts.count("full") ? "full" : "";
  if (c.three_public && !chosen->three_public_layouts.empty()) {
    std::set<std::string> printed;
    for (const auto& r : c.three_public->rows)
      if (!r.exp_label.empty()) printed.insert(r.exp_label);
    int best = 0;
    bool first = true;
    for (const auto& [name, rows] : chosen->three_public_layouts) {
      std::set<std::string> want;
      for (const auto& r : rows) want.insert(key(r.label));
      int s = 0;
      for (const auto& l : printed) s += want.count(l) ? 1 : -1;
      for (const auto& w : want) s -= printed.count(w) ? 0 : 1;
      if (first || s > best || (s == best && name == "full")) {
        best = s;
        out.three_public_layout = name;
        first = false;
      }
    }
  }
  if (out.three_public_layout.empty() && !chosen->three_public_layouts.empty())
    out.three_public_layout = chosen->three_public_layouts.begin()->first;
  return out;
}

ImportedThreePublic read_three_public(const Collected& c, const Profile& p,
                                      const std::string& layout, Report& report) {
  ImportedThreePublic out;
  if (!c.three_public) return out;
  const LabelTable& t = *c.three_public;
  out.present = true;
  // Row definitions by label: the chosen layout first, then the profile's other layouts.
  std::map<std::string, const ThreePublicRowDef*> defs;
  if (auto it = p.three_public_layouts.find(layout); it != p.three_public_layouts.end())
    for (const auto& r : it->second) defs.emplace(key(r.label), &r);
  for (const auto& [name, rows] : p.three_public_layouts)
    for (const auto& r : rows) defs.emplace(key(r.label), &r);
  const bool has_sources = t.has(LCol::Gpb) || t.has(LCol::Fund) || t.has(LCol::Soc);
  struct Printed {
    const LabelRow* row;
    const ThreePublicRowDef* def;
    std::array<Money, 3> by_source;
  };
  std::vector<Printed> printed;
  for (const auto& r : t.rows) {
    auto it = defs.find(r.exp_label);
    bool any = r[LCol::ExpAmount].present || r[LCol::Gpb].present || r[LCol::Fund].present ||
               r[LCol::Soc].present;
    if (it == defs.end()) {
      if (any)
        report.warning(t.where({r.row, t.cols[static_cast<int>(LCol::ExpLabel)]}),
                       "三公经费表中无法识别的行“" + r.exp_raw + "”，已忽略");
      continue;
    }
    std::array<Money, 3> src = {r[LCol::Gpb].m, r[LCol::Fund].m, r[LCol::Soc].m};
    if ((src[0] + src[1] + src[2]).zero() && !r[LCol::ExpAmount].m.zero()) {
      src[0] = r[LCol::ExpAmount].m;
      if (has_sources)
        report.warning(
            t.where(r[LCol::ExpAmount].ref),
            "“" + r.exp_raw + "”只有合计，没有按资金性质列示，按一般公共预算财政拨款导入");
    }
    printed.push_back({&r, it->second, src});
  }
  std::set<TpItem> set_items;
  for (const auto& pr : printed)
    if (pr.def->items.size() == 1) {
      int i = static_cast<int>(pr.def->items[0]);
      out.v[i] = pr.by_source;
      set_items.insert(pr.def->items[0]);
    }
  // Rows that sum items none of which is printed on its own: the amount goes to the last item.
  std::vector<const Printed*> groups;
  for (const auto& pr : printed)
    if (pr.def->items.size() > 1) groups.push_back(&pr);
  std::stable_sort(groups.begin(), groups.end(), [](const Printed* a, const Printed* b) {
    return a->def->items.size() < b->def->items.size();
  });
  for (const Printed* g : groups) {
    bool none = true;
    for (auto item : g->def->items) none = none && !set_items.count(item);
    if (!none || (g->by_source[0] + g->by_source[1] + g->by_source[2]).zero()) continue;
    TpItem last = g->def->items.back();
    out.v[static_cast<int>(last)] = g->by_source;
    for (auto item : g->def->items) set_items.insert(item);
    if (g->def->items.size() > 2)
      report.warning(
          t.where({g->row->row, t.cols[static_cast<int>(LCol::ExpLabel)]}),
          "“" + g->row->exp_raw + "”没有分项，全部计入 " + tp_item_key(last) + "，请核对");
  }
  return out;
}

std::vector<ImportedEconomic> read_economic(const Collected& c, Report& report) {
  std::vector<ImportedEconomic> out;
  if (!c.basic) return out;
  const CodeTable& t = *c.basic;
  for (const auto& r : t.rows) {
    if (r.total || r.code.size() != 5) continue;
    Money m = r[Col::Total].present ? r[Col::Total].m : r[Col::Personnel].m + r[Col::Public].m;
    if (m.zero()) continue;
    out.push_back({r.code, r.name, m});
  }
  // A class row without any 5-digit row under it cannot be imported (the schema holds 款 lines).
  for (const auto& r : t.rows) {
    if (r.total || r.code.size() != 3) continue;
    bool kids = false;
    for (const auto& k : t.rows)
      kids = kids || (k.code.size() == 5 && k.code.compare(0, 3, r.code) == 0);
    if (!kids && !r[Col::Total].m.zero())
      report.error(t.where({r.row, t.code_col}),
                   "经济分类 " + r.code + " 只有类级金额，没有款级（5 位）科目，无法导入");
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.code < b.code; });
  return out;
}

CatalogAdditions catalog_additions(const Collected& c, const CodeNames& names, Report& report) {
  CatalogAdditions out;
  std::set<std::string> warned;
  auto visit = [&](const CodeTable& t, bool economic) {
    for (const auto& r : t.rows) {
      if (r.total) continue;
      const std::string* known = economic ? names.economic(r.code) : names.function(r.code);
      auto& add = economic ? out.economic : out.function;
      if (!known) {
        if (r.name.empty()) {
          if (warned.insert(r.code).second)
            report.warning(t.where({r.row, t.code_col}),
                           "科目目录中没有 " + r.code +
                               "，工作簿也没有写名称；请在导入文件的 catalog 中补上名称");
          continue;
        }
        add.emplace(r.code, r.name);
      } else if (!r.name.empty() && norm_label(*known) != norm_label(r.name) &&
                 warned.insert(r.code).second) {
        report.note(t.where({r.row, t.name_col >= 0 ? t.name_col : t.code_col}),
                    r.code + " 的名称“" + r.name + "”与科目目录的“" + *known +
                        "”不同，公开表按科目目录印出");
      }
    }
  };
  for (TableId id :
       {TableId::Expenditure, TableId::Income, TableId::Gpb, TableId::Fund, TableId::Soc})
    if (const CodeTable* t = c.code_table(id)) visit(*t, false);
  if (c.basic) visit(*c.basic, true);
  return out;
}

}  // namespace bp::import
