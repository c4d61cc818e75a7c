// The fill-in workbook's projects (src/app/workbook_template_parts.cpp): two lists instead of one
// table per project.
//   项目信息: a header row with 项目名称 and 财政资金 / 绩效目标 (no 一级指标), then one row per
//     project: 项目名称, 项目编码, 预算单位, 财政资金, 其他资金, 资金用途, n月底（%）…, 绩效目标.
//   项目绩效指标: a header row with 项目名称 and 一级指标, then one row per indicator; a blank
//     项目名称 / 一级 / 二级 cell repeats the row above (within the same project). An optional
//     项目编码 column tells apart two projects of the same name.
// Columns are found by their header words, so a clerk may move, hide or add columns. The
// 专项资金信息 and 专项资金绩效指标 sheets have the same columns; read_parts tells them apart by
// their title.
#include "import/labels.hpp"
#include "import/layout.hpp"
#include "import/number_text.hpp"
#include "import/parts.hpp"
#include "import/tables.hpp"

namespace bp::import {

namespace {

using parts_detail::cell;

enum class ListKind { None, Projects, Indicators };

struct ListHead {
  ListKind kind = ListKind::None;
  int row = -1;
  Unit unit = Unit::Wan;
};

ListHead find_list_head(const Sheet& s) {
  ListHead h;
  for (int r = s.next_row(0); r < s.rows() && r < 12; r = s.next_row(r + 1)) {
    bool name = false, level1 = false, project_cols = false;
    for (auto [c, cellp] : s.row_cells(r)) {
      const std::string t = norm_label(cellp->text);
      if (auto u = unit_from_text(t)) h.unit = *u;
      name = name || t == "项目名称";
      level1 = level1 || t == "一级指标";
      project_cols = project_cols || starts_with(t, "财政资金") || t == "绩效目标";
    }
    if (name && level1) return {ListKind::Indicators, r, h.unit};
    if (name && project_cols) return {ListKind::Projects, r, h.unit};
  }
  return h;
}

// Header words → columns: each header cell goes to the first rule it matches (a later cell of
// the same rule wins, or with `all` every matching cell is listed).
struct ColumnRule {
  bool (*matches)(const std::string& normed);
  int* col;
  std::vector<int>* all = nullptr;
};

void find_columns(const Sheet& s, int row, std::initializer_list<ColumnRule> rules) {
  for (auto [c, cellp] : s.row_cells(row)) {
    const std::string t = norm_label(cellp->text);
    for (const auto& r : rules)
      if (r.matches(t)) {
        if (r.all)
          r.all->push_back(c);
        else
          *r.col = c;
        break;
      }
  }
}

bool is_name(const std::string& t) {
  return t == "项目名称";
}
bool is_code(const std::string& t) {
  return t == "项目编码" || t == "项目代码";
}

// The sheet a list's projects are named on, for messages ("项目信息" / "专项资金信息").
std::string info_sheet(ProjectList l) {
  return l == ProjectList::SpecialFunds ? "专项资金信息" : "项目信息";
}

void read_projects_list(const Sheet& s, const ListHead& h, ImportedParts& out, Report& report,
                        ProjectList into) {
  int name = -1, code = -1, unit = -1, fiscal = -1, other = -1, purpose = -1, goals = -1;
  std::vector<int> plan;
  find_columns(s, h.row,
               {{is_name, &name},
                {is_code, &code},
                {[](const std::string& t) { return t == "预算单位"; }, &unit},
                {[](const std::string& t) { return starts_with(t, "财政资金"); }, &fiscal},
                {[](const std::string& t) { return starts_with(t, "其他资金"); }, &other},
                {[](const std::string& t) { return t == "资金用途"; }, &purpose},
                {[](const std::string& t) { return contains(t, "月底"); }, nullptr, &plan},
                {[](const std::string& t) { return t == "绩效目标"; }, &goals}});
  auto text = [&](int r, int c) { return c < 0 ? std::string() : cell(s, r, c); };
  for (int r = s.next_row(h.row + 1); r < s.rows(); r = s.next_row(r + 1)) {
    const std::string words = parts_detail::row_words(s, r);
    if (words.empty()) continue;
    Project p;
    p.name.value = text(r, name);
    if (p.name.value.empty()) {
      report.error(qualified_ref(s.name, {r, std::max(name, 0)}),
                   info_sheet(into) + "表这一行有内容但没有项目名称");
      continue;
    }
    p.code.value = text(r, code);
    p.unit.value = text(r, unit);
    for (auto [col, slot] : {std::pair{fiscal, &p.fiscal}, std::pair{other, &p.other}}) {
      if (col < 0) continue;
      Val v = read_amount(s, r, col, h.unit, report);
      if (v.present) *slot = Amount{v.m, {}};
    }
    p.purpose.value = text(r, purpose);
    bool any = false;
    for (int c : plan) {
      auto pc = parts_detail::percent(s.text(r, c));
      if (!pc) {
        report.error(qualified_ref(s.name, {r, c}),
                     "资金支出计划“" + trim_cell_text(s.text(r, c)) + "”不是百分数");
        continue;
      }
      any = any || *pc >= 0;
      p.spend_plan_hundredths.push_back(*pc);
    }
    // "25%" typed into a General cell is stored by Excel as 0.25: a plan ending at 1 (not 100)
    // was typed as percentages.
    if (any && !p.spend_plan_hundredths.empty() && p.spend_plan_hundredths.back() == 100)
      for (auto& v : p.spend_plan_hundredths)
        if (v >= 0) v *= 100;
    if (!any) p.spend_plan_hundredths.clear();
    if (goals >= 0)
      for (auto& g : parts_detail::goals_from(s.shown_text(r, goals))) {
        Text tx;
        tx.value = trim_cell_text(g);
        if (!tx.value.empty()) p.goals.push_back(tx);
      }
    out.list(into).push_back(std::move(p));
  }
}

void read_indicator_list(const Sheet& s, const ListHead& h, ImportedParts& out, ProjectList into) {
  int name = -1, code = -1, l1 = -1, l2 = -1, l3 = -1, desc = -1, value = -1, basis = -1;
  find_columns(
      s, h.row,
      {{is_name, &name},
       {is_code, &code},
       {[](const std::string& t) { return t == "一级指标"; }, &l1},
       {[](const std::string& t) { return t == "二级指标"; }, &l2},
       {[](const std::string& t) { return t == "三级指标" || t == "指标名称"; }, &l3},
       {[](const std::string& t) { return contains(t, "描述") || contains(t, "指标解释"); }, &desc},
       {[](const std::string& t) { return t == "指标值" || t == "目标值"; }, &value},
       {[](const std::string& t) { return contains(t, "依据"); }, &basis}});
  auto text = [&](int r, int c) { return c < 0 ? std::string() : cell(s, r, c); };
  std::string project, project_code, level1, level2;
  for (int r = s.next_row(h.row + 1); r < s.rows(); r = s.next_row(r + 1)) {
    if (parts_detail::row_words(s, r).empty()) continue;
    ImportedParts::ListedIndicator li;
    std::string p = text(r, name), pc = text(r, code);
    if ((!p.empty() && p != project) || (!pc.empty() && pc != project_code)) {
      if (!p.empty()) project = p;
      project_code = pc;
      level1.clear();
      level2.clear();
    }
    if (std::string v = text(r, l1); !v.empty()) {
      if (v != level1) level2.clear();
      level1 = v;
    }
    if (std::string v = text(r, l2); !v.empty()) level2 = v;
    li.project = project;
    li.code = project_code;
    li.where = qualified_ref(s.name, {r, std::max(name, 0)});
    li.list = into;
    li.indicator.level1.value = level1;
    li.indicator.level2.value = level2;
    li.indicator.name.value = text(r, l3);
    li.indicator.description.value = text(r, desc);
    li.indicator.value.value = text(r, value);
    li.indicator.basis.value = text(r, basis);
    if (li.indicator.name.value.empty() && li.indicator.description.value.empty() &&
        li.indicator.value.value.empty())
      continue;  // a row with only the names above it
    out.listed_indicators.push_back(std::move(li));
  }
}

}  // namespace

bool read_project_list_sheet(const Sheet& s, ImportedParts& out, Report& report, ProjectList into) {
  const ListHead h = find_list_head(s);
  if (h.kind == ListKind::Projects) read_projects_list(s, h, out, report, into);
  if (h.kind == ListKind::Indicators) read_indicator_list(s, h, out, into);
  return h.kind != ListKind::None;
}

void join_listed_indicators(ImportedParts& out, Report& report) {
  for (auto& li : out.listed_indicators) {
    Project* target = nullptr;
    int same = 0;
    const std::string sheet = info_sheet(li.list);
    for (auto& p : out.list(li.list))
      if (li.code.empty() ? p.name.value == li.project : p.code.value == li.code) {
        target = target ? target : &p;
        ++same;
      }
    if (!li.code.empty() && !target) {
      report.error(li.where, "项目编码“" + li.code + "”不在" + sheet + "表中");
      continue;
    }
    if (li.project.empty() && li.code.empty()) {
      report.error(li.where, "项目绩效指标表的第一行指标没有项目名称");
      continue;
    }
    if (!target) {
      report.error(li.where, "项目“" + li.project + "”不在" + sheet + "表中（项目名称要与" + sheet +
                                 "表一字不差）");
      continue;
    }
    if (same > 1) {
      report.error(li.where, sheet + "表中有 " + std::to_string(same) + " 个名为“" + li.project +
                                 "”的项目：请在这一行的“项目编码”格填写它的项目编码");
      continue;
    }
    target->indicators.push_back(std::move(li.indicator));
    out.count_indicator(li.list);
  }
  out.listed_indicators.clear();
}

}  // namespace bp::import
