#include "import/importer.hpp"

#include "import/collect.hpp"
#include "import/consistency.hpp"
#include "import/interpret.hpp"
#include "import/split.hpp"
#include "import/xlsx_read.hpp"
#include "import/yaml_writer.hpp"

namespace bp::import {

namespace {

const LabelRow* find_inc(const std::optional<LabelTable>& t,
                         std::initializer_list<std::string_view> labels) {
  if (!t) return nullptr;
  for (const auto& r : t->rows)
    for (auto l : labels)
      if (r.inc_label == l) return &r;
  return nullptr;
}

const LabelRow* find_exp(const std::optional<LabelTable>& t,
                         std::initializer_list<std::string_view> labels) {
  if (!t) return nullptr;
  for (const auto& r : t->rows)
    for (auto l : labels)
      if (r.exp_label == l) return &r;
  return nullptr;
}

// The workbook's printed totals next to what BudgetPress derives from the imported leaves. Kept:
// those that agree exactly (→ expect:) and those that differ as printed (尾差 → a comment).
std::vector<PrintedTotal> printed_totals(const Collected& c, const Profile& p,
                                         const std::string& layout,
                                         const std::vector<ImportedLine>& lines,
                                         const std::vector<ImportedEconomic>& econ,
                                         const ImportedThreePublic& tp, const CodeNames& names) {
  std::array<Money, kSourceCount> income{};
  Money all, basic, project;
  for (const auto& l : lines) {
    for (auto a : l.amounts) {
      income[static_cast<int>(l.source)] += a;
      all += a;
    }
    basic += l.amounts[static_cast<int>(Kind::Basic)];
    project += l.amounts[static_cast<int>(Kind::Project)];
  }
  Money this_year;
  for (int s = 0; s < kSourceCount; ++s)
    if (!is_carryover(static_cast<Source>(s))) this_year += income[s];
  Money personnel, pub;
  for (const auto& e : econ)
    if (auto k = names.economic_kind(e.code))
      (*k == EconKind::Personnel ? personnel : pub) += e.amount;
  Money tp_total;
  if (auto it = p.three_public_layouts.find(layout);
      it != p.three_public_layouts.end() && !it->second.empty())
    for (auto item : it->second.front().items) tp_total += tp.item(item);

  std::vector<PrintedTotal> out;
  auto add = [&](const char* key, const char* label, const LabelTable* lt, const CodeTable* ct,
                 const Val* v, Money derived) {
    if (!v || !v->present || v->ref.col < 0) return;
    PrintedTotal t;
    t.key = key;
    t.label = label;
    t.where = lt ? lt->where(v->ref) : ct->where(v->ref);
    t.printed = v->m;
    t.printed_unit = lt ? lt->unit : ct->unit;
    t.derived = derived;
    t.agrees = v->m == derived;
    const int64_t step = kFenPerWan / 100;
    bool differs_as_printed = t.printed_unit == c.unit ? !t.agrees
                                                       : round_half_up(v->m.in_fen(), step) !=
                                                             round_half_up(derived.in_fen(), step);
    if (t.agrees || differs_as_printed) out.push_back(t);
  };
  const LabelTable* t1 = c.summary ? &*c.summary : nullptr;
  const LabelTable* t4 = c.fiscal ? &*c.fiscal : nullptr;
  if (auto* r = find_inc(c.summary, {"本年收入合计"}))
    add("income_total", "本年收入合计", t1, nullptr, &(*r)[LCol::IncAmount], this_year);
  if (const CodeRow* r = c.expenditure ? c.expenditure->total_row() : nullptr) {
    const CodeTable* t3 = &*c.expenditure;
    add("expenditure_total", "本年支出合计", nullptr, t3, &(*r)[Col::Total], all);
    add("basic_total", "基本支出", nullptr, t3, &(*r)[Col::Basic], basic);
    add("project_total", "项目支出", nullptr, t3, &(*r)[Col::Project], project);
  } else if (auto* r2 = find_exp(c.summary, {"本年支出合计"})) {
    add("expenditure_total", "本年支出合计", t1, nullptr, &(*r2)[LCol::ExpAmount], all);
  }
  if (auto* r = find_inc(c.fiscal, {"一般公共预算拨款", "一般公共预算拨款收入"}))
    add("gpb_total", "一般公共预算拨款", t4, nullptr, &(*r)[LCol::IncAmount], income[0]);
  else if (auto* r1 = find_inc(c.summary, {"一般公共预算拨款收入", "一般公共预算拨款"}))
    add("gpb_total", "一般公共预算拨款", t1, nullptr, &(*r1)[LCol::IncAmount], income[0]);
  if (auto* r = find_inc(c.fiscal, {"本年收入合计"}))
    add("fiscal_total", "财政拨款收入合计", t4, nullptr, &(*r)[LCol::IncAmount],
        income[0] + income[1] + income[2]);
  if (const CodeRow* r = c.basic ? c.basic->total_row() : nullptr) {
    add("personnel_total", "人员经费", nullptr, &*c.basic, &(*r)[Col::Personnel], personnel);
    add("public_total", "公用经费", nullptr, &*c.basic, &(*r)[Col::Public], pub);
  }
  if (c.three_public) {
    if (auto it = p.three_public_layouts.find(layout);
        it != p.three_public_layouts.end() && !it->second.empty()) {
      std::string first = strip_numbering(norm_label(it->second.front().label));
      for (const auto& r : c.three_public->rows)
        if (r.exp_label == first) {
          add("three_public_total", "“三公”经费", &*c.three_public, nullptr, &r[LCol::ExpAmount],
              tp_total);
          break;
        }
    }
  }
  return out;
}

}  // namespace

ImportResult import_workbook(const ImportOptions& opt, const Context& ctx) {
  ImportResult res;
  Report& rep = res.report;
  Workbook wb = read_workbook_file(opt.workbook);
  Collected c = collect_tables(wb, rep);
  if (!c.expenditure) return res;
  DeptInfo dept = read_dept(c, rep);
  int year = 0;
  if (opt.year) {
    year = *opt.year;
    if (dept.year && *dept.year != year)
      rep.warning(dept.year_where, "工作簿的预算年度是 " + std::to_string(*dept.year) +
                                       "，按 --year 导入为 " + std::to_string(year));
  } else if (dept.year) {
    year = *dept.year;
  } else {
    rep.error("", "工作簿的表头中没有预算年度（如“预算年度：2023”），请用 --year 指定");
  }
  if (year == 0) return res;

  FormChoice form = choose_form(c, ctx, opt.form, year, rep);
  res.form = form.form;
  const Profile& profile = *ctx.profile(form.form);
  CodeNames names;
  names.catalog = ctx.catalog().for_year(year);

  std::vector<ImportedLine> lines = split_lines(c, rep);
  std::vector<ImportedEconomic> econ = read_economic(c, rep);
  ImportedThreePublic tp = read_three_public(c, profile, form.three_public_layout, rep);
  ImportedFacts facts{&lines, &econ, &tp, form.three_public_layout};
  check_consistency(c, profile, facts, names, rep);
  CatalogAdditions additions = catalog_additions(c, names, rep);
  res.lines = lines.size();
  res.economic_lines = econ.size();
  if (rep.has_errors()) return res;

  YamlInput in;
  in.source = opt.workbook.filename().string();
  in.dept = dept;
  in.year = year;
  in.form = form;
  in.unit = c.unit;
  in.lines = &lines;
  in.economic = &econ;
  in.three_public = &tp;
  in.catalog = &additions;
  in.names = &names;
  in.totals = printed_totals(c, profile, form.three_public_layout, lines, econ, tp, names);
  res.yaml = write_yaml(in);
  res.check = check_budget_text(res.yaml, opt.yaml_name, ctx);
  return res;
}

}  // namespace bp::import
