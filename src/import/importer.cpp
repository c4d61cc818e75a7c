#include "import/importer.hpp"

#include "derive/derived.hpp"
#include "import/collect.hpp"
#include "import/derived_compare.hpp"
#include "import/interpret.hpp"
#include "import/labels.hpp"
#include "import/leaf_checks.hpp"
#include "import/number_text.hpp"
#include "import/parts.hpp"
#include "import/split.hpp"
#include "import/tail_gap.hpp"
#include "import/xlsx_read.hpp"
#include "import/yaml_writer.hpp"

namespace bp::import {

namespace {

// The fill-in workbook of `budgetpress workbook-template` (src/app/workbook_template.cpp): its
// first sheet 说明 is titled "…部门预算录入表…". Its tables have 项/款 rows only.
bool is_fill_in_workbook(const Workbook& wb) {
  for (const auto& s : wb.sheets)
    if (s.name == "说明" && s.shown_text(0, 0).find("部门预算录入表") != std::string::npos)
      return true;
  return false;
}

// The form a workbook says it was made for: the fill-in workbook's 说明 title
// "…录入表（2021年格式） 填写说明", or the note under the tables our workbook of a form without
// printed tables carries
// ("注：2021年格式的公开文件不印本表…", src/app/workbook_document.hpp). Such a form cannot be
// recognised from the table titles, which are the same in every form.
std::optional<std::string> stated_form(const Workbook& wb) {
  for (const auto& s : wb.sheets) {
    if (s.name != "说明") continue;
    const std::string t = s.shown_text(0, 0);
    const std::string open = "（", close = "年格式）";
    auto a = t.find(open), b = t.find(close);
    if (t.find("部门预算录入表") != std::string::npos && a != std::string::npos &&
        b != std::string::npos && b > a + open.size())
      return t.substr(a + open.size(), b - a - open.size());
  }
  static const std::string kNote = "年格式的公开文件不印本表";
  for (const auto& s : wb.sheets)
    for (int r = s.next_row(0); r < s.rows(); r = s.next_row(r + 1))
      for (auto [c, cellp] : s.row_cells(r)) {
        const std::string& t = cellp->text;
        auto at = t.find(kNote);
        if (at == std::string::npos) continue;
        size_t from = at;
        while (from > 0 && t[from - 1] >= '0' && t[from - 1] <= '9') --from;
        if (from < at) return t.substr(from, at - from);
      }
  return std::nullopt;
}

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

// The workbook's printed totals next to the figures derive computes from the imported leaves.
// Kept: those that agree as printed (→ expect:, with the exact derived value) and those that
// differ (尾差 → a comment).
std::vector<PrintedTotal> printed_totals(const Collected& c, const Derived& d) {
  const Figures& f = d.fig;
  Money tp_total;
  if (const DTable* t9 = d.table("t9-three-public");
      t9 && !t9->rows.empty() && t9->rows[0].cells.size() > 2 && t9->rows[0].cells[2].amount)
    tp_total = *t9->rows[0].cells[2].amount;
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
    const int64_t step = kFenPerWan / 100;
    t.agrees = t.printed_unit == Unit::Yuan
                   ? v->m == derived
                   : round_half_up(v->m.in_fen(), step) == round_half_up(derived.in_fen(), step);
    out.push_back(t);
  };
  const LabelTable* t1 = c.summary ? &*c.summary : nullptr;
  const LabelTable* t4 = c.fiscal ? &*c.fiscal : nullptr;
  if (auto* r = find_inc(c.summary, {"本年收入合计"}))
    add("income_total", "本年收入合计", t1, nullptr, &(*r)[LCol::IncAmount], f.income_total);
  if (const CodeRow* r = c.expenditure ? c.expenditure->total_row() : nullptr) {
    const CodeTable* t3 = &*c.expenditure;
    add("expenditure_total", "本年支出合计", nullptr, t3, &(*r)[Col::Total], f.expenditure_total);
    add("basic_total", "基本支出", nullptr, t3, &(*r)[Col::Basic], f.basic);
    add("project_total", "项目支出", nullptr, t3, &(*r)[Col::Project], f.project);
  } else if (auto* r2 = find_exp(c.summary, {"本年支出合计"})) {
    add("expenditure_total", "本年支出合计", t1, nullptr, &(*r2)[LCol::ExpAmount],
        f.expenditure_total);
  }
  const Money gpb = f.income_by_source[static_cast<int>(Source::Gpb)];
  if (auto* r = find_inc(c.fiscal, {"一般公共预算拨款", "一般公共预算拨款收入"}))
    add("gpb_total", "一般公共预算拨款", t4, nullptr, &(*r)[LCol::IncAmount], gpb);
  else if (auto* r1 = find_inc(c.summary, {"一般公共预算拨款收入", "一般公共预算拨款"}))
    add("gpb_total", "一般公共预算拨款", t1, nullptr, &(*r1)[LCol::IncAmount], gpb);
  if (auto* r = find_inc(c.fiscal, {"本年收入合计"}))
    add("fiscal_total", "财政拨款收入合计", t4, nullptr, &(*r)[LCol::IncAmount], f.fiscal_total);
  if (const CodeRow* r = c.basic ? c.basic->total_row() : nullptr) {
    add("personnel_total", "人员经费", nullptr, &*c.basic, &(*r)[Col::Personnel], f.personnel);
    add("public_total", "公用经费", nullptr, &*c.basic, &(*r)[Col::Public], f.public_);
  }
  if (c.three_public && !c.three_public->rows.empty()) {
    // The first row of the 三公 table is its 合计.
    add("three_public_total", "“三公”经费", &*c.three_public, nullptr,
        &c.three_public->rows.front()[LCol::ExpAmount], tp_total);
  }
  return out;
}

// The leaves of a settled budget back into the imported lines (same order as written).
bool take_leaves(const Budget& b, std::vector<ImportedLine>& lines,
                 std::vector<ImportedEconomic>& econ, ImportedThreePublic& tp,
                 std::vector<Project>& projects) {
  if (b.expenditure.size() != lines.size() || b.economic.size() != econ.size() ||
      b.projects.size() != projects.size())
    return false;
  for (size_t i = 0; i < projects.size(); ++i) {
    if (projects[i].fiscal && b.projects[i].fiscal)
      projects[i].fiscal->value = b.projects[i].fiscal->value;
    if (projects[i].other && b.projects[i].other)
      projects[i].other->value = b.projects[i].other->value;
  }
  for (size_t i = 0; i < lines.size(); ++i) {
    if (b.expenditure[i].code.value != lines[i].code || b.expenditure[i].source != lines[i].source)
      return false;
    for (int k = 0; k < kKindCount; ++k) lines[i].amounts[k] = b.expenditure[i].amounts[k].value;
  }
  for (size_t i = 0; i < econ.size(); ++i) {
    if (b.economic[i].code.value != econ[i].code) return false;
    econ[i].amount = b.economic[i].amount.value;
  }
  for (int i = 0; i < kTpItemCount; ++i)
    for (int s = 0; s < 3; ++s) tp.v[i][s] = b.three_public.this_year.v[i][s].value;
  return true;
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

  // A workbook that says which form it was made for is taken at its word; --form still wins.
  const std::optional<std::string> stated = opt.form ? std::nullopt : stated_form(wb);
  FormChoice form =
      choose_form(c, ctx, opt.form ? opt.form : stated, year, rep, stated.has_value());
  res.form = form.form;
  const Profile& profile = *ctx.profile(form.form);
  CodeNames names;
  names.catalog = ctx.catalog().for_year(year);

  std::vector<ImportedLine> lines = split_lines(c, rep, opt.strict);
  std::vector<ImportedEconomic> econ = read_economic(c, rep);
  ImportedThreePublic tp = read_three_public(c, profile, form.three_public_layout, rep);
  check_leaves(c, lines, econ, names, rep);
  CatalogAdditions additions = catalog_additions(c, names, rep);
  ImportedParts parts = read_parts(wb, dept.name.value_or(""), year, names.catalog, rep);
  if (is_fill_in_workbook(wb))  // 说明!C6: the full name when the headers print a short one
    for (const auto& s : wb.sheets)
      if (s.name == "说明") {
        if (std::string full = trim_cell_text(s.shown_text(5, 2)); !full.empty())
          parts.full_name = full;
        else if (dept.name)  // blank: the same as the name of the headers
          parts.full_name = *dept.name;
      }
  res.lines = lines.size();
  res.economic_lines = econ.size();
  res.projects = parts.projects.size();
  res.indicators = parts.indicator_rows;
  res.special_funds = parts.special_funds.size();
  res.special_indicators = parts.special_indicator_rows;
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
  in.parts = &parts;
  in.running_items = false;  // decided below, against the 公用经费 derive computes
  std::optional<Money> public_total;

  // The leaves become a Budget; derive computes every table; each printed cell is compared.
  CheckedBudget draft = check_budget_text(write_yaml(in), opt.yaml_name, ctx);
  if (draft.budget && draft.profile) {
    auto derive_fn = [&](const Budget& b) { return derive(b, *draft.profile, draft.names); };
    Derived d = derive_fn(*draft.budget);
    std::vector<std::pair<std::string, std::string>> missing;
    std::vector<CellLink> links = link_cells(c, d, &missing, is_fill_in_workbook(wb));
    for (const auto& [where, text] : missing) rep.warning(where, text);
    size_t differing = 0;
    for (const auto& l : links) differing += !agrees(l, d);
    if (differing > 0) {
      Budget settled = *draft.budget;
      TailGapResult tg =
          c.unit == Unit::Wan ? settle_tail_gaps(settled, links, derive_fn) : TailGapResult{};
      const Finding::Level level = opt.strict ? Finding::Level::Error : Finding::Level::Warning;
      report_differences(links, d, rep, level);
      if (opt.strict) {
        rep.error("",
                  "有 " + std::to_string(differing) +
                      " 处印出的数与按明细计算的数不同（见上）；--strict 不接受尾差，未生成 YAML");
        return res;
      }
      if (tg.settled && take_leaves(settled, lines, econ, tp, parts.projects)) {
        rep.warning("", "以上 " + std::to_string(differing) +
                            " 处都是万元表的尾差（各格分别四舍五入）：按预算系统印出的合计公开，"
                            "明细按元记录（每项与工作簿印出的数相差不到 0.005 万元），"
                            "公开表下加尾差说明");
        in.unit = Unit::Yuan;
        in.tail_gaps = differing;
        d = derive_fn(settled);
      } else if (c.unit == Unit::Wan) {
        rep.warning("",
                    "以上差额不全是尾差，无法保留印出的合计：按明细重新计算合计（公开表印出"
                    "明细之和），请在预算系统中核对");
      }
    }
    in.totals = printed_totals(c, d);
    public_total = d.fig.public_;
  }
  // 机关运行经费明细 must add up to the stated total or the 公用经费 to the 分 (E051). A 万元
  // workbook of a file kept in 元 gives the 公用经费 only as found from 万元 figures: the items are
  // then left as a comment for the clerk.
  if (const RunningCost& rc = parts.narrative.running_cost; !rc.items.empty() && public_total) {
    Money sum;
    for (const auto& i : rc.items) sum += i.amount.value;
    in.running_items = sum == (rc.total ? rc.total->value : *public_total);
    // After a settled 尾差 the difference is expected (a note); otherwise the clerk's items miss
    // the total (a warning).
    const std::string text =
        "机关运行经费明细之和 " + show(sum, parts.narrative.unit) + " 与" +
        (rc.total ? "机关运行经费 " : "公用经费 ") +
        show(rc.total ? rc.total->value : *public_total, parts.narrative.unit) + " 不等" +
        (in.tail_gaps > 0 ? "（万元表的尾差）" : "") + "，明细作为注释写入，请核对";
    if (!in.running_items && in.tail_gaps > 0)
      rep.note(parts.narrative.running_where, text);
    else if (!in.running_items)
      rep.warning(parts.narrative.running_where, text);
  }
  // E041 must hold exactly (a 尾差 that could not be settled leaves it open).
  {
    Money e, g;
    for (const auto& x : econ) e += x.amount;
    for (const auto& l : lines)
      if (l.source == Source::Gpb || l.source == Source::CarryGpb)
        g += l.amounts[static_cast<int>(Kind::Basic)];
    if (const CodeTable* t6 = c.code_table(TableId::GpbBasic); t6 && e != g) {
      rep.error(t6->where({t6->layout->data_first, t6->code_col}),
                "基本支出表各款（5 位科目）之和 " + show(e, c.unit) +
                    " ≠ 一般公共预算支出表各项的基本支出之和 " + show(g, c.unit) +
                    "；导入的文件将通不过检查（E041）");
      return res;
    }
  }
  // Amounts to the 分 that a 万元 file cannot hold (the 2021 form states assets in 元): the file is
  // kept in 元, as for a settled 尾差.
  if (in.unit == Unit::Wan) {
    const Assets& a = parts.assets;
    bool cents = false;
    for (const AssetRow* r : {&a.buildings, &a.office, &a.vehicles, &a.equipment, &a.other})
      cents = cents || r->value.value.in_fen() % (kFenPerWan / 100) != 0;
    bool narrative_cents = false;
    for (Money m : parts.narrative.amounts())
      narrative_cents = narrative_cents || m.in_fen() % (kFenPerWan / 100) != 0;
    if (cents) {
      rep.note("", "国有资产的价值有不足 0.01 万元的零头：导入的文件以元为单位");
      in.unit = Unit::Yuan;
    } else if (narrative_cents) {
      rep.note("", "说明数据中有不足 0.01 万元的零头：导入的文件以元为单位");
      in.unit = Unit::Yuan;
    }
  }
  res.yaml = write_yaml(in);
  res.check = check_budget_text(res.yaml, opt.yaml_name, ctx);
  return res;
}

}  // namespace bp::import
