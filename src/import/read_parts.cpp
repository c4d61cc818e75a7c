#include "app/workbook_narrative.hpp"
#include "document/narrative_tables.hpp"
#include "import/labels.hpp"
#include "import/number_text.hpp"
#include "import/parts.hpp"

namespace bp::import {

namespace parts_detail {

std::string cell(const Sheet& s, int row, int col) {
  return trim_cell_text(s.shown_text(row, col));
}

std::optional<int> value_col_after(const Sheet& s, int row, int col) {
  int from = col + 1;
  if (const RangeRef* m = s.merge_at(row, col)) from = m->last.col + 1;
  for (auto [c, cellp] : s.row_cells(row)) {
    if (c < from) continue;
    // Inside a merge, only its top-left cell counts.
    if (const RangeRef* m = s.merge_at(row, c); m && (m->first.col != c || m->first.row != row))
      continue;
    if (!trim_cell_text(cellp->text).empty()) return c;
  }
  return std::nullopt;
}

std::string row_words(const Sheet& s, int row) {
  std::string out;
  for (auto [c, cellp] : s.row_cells(row)) out += norm_label(cellp->text);
  return out;
}

}  // namespace parts_detail

namespace {

using parts_detail::cell;

constexpr std::string_view kSpecialFunds = "专项资金", kDeptSpecialFunds = "部门主管专项资金";

// The title of a sheet: the first non-blank text of its first rows.
std::pair<int, std::string> sheet_title(const Sheet& s) {
  for (int r = s.next_row(0); r < s.rows() && r < 6; r = s.next_row(r + 1)) {
    for (auto [c, cellp] : s.row_cells(r)) {
      std::string t = norm_label(cellp->text);
      if (!t.empty() && t != "返回目录") return {r, t};
    }
  }
  return {-1, ""};
}

int find_row_with(const Sheet& s, std::string_view word, int from = 0, int limit = 40) {
  for (int r = s.next_row(from); r < s.rows() && r < from + limit; r = s.next_row(r + 1))
    for (auto [c, cellp] : s.row_cells(r))
      if (norm_label(cellp->text) == word) return r;
  return -1;
}

// Project and procurement units as the YAML names them: an institution's code when it has one
// ("预算单位：512001示例县教育局(本级)" → "512001"), else its name; the 资金用途 sentence generated
// from the amounts (department.purpose_amounts) taken off the purpose text.
void resolve_units(ImportedParts& out, const std::string& dept_name) {
  auto key_of = [&](const std::string& text) -> std::string {
    for (const auto& i : out.institutions) {
      const std::string& code = i.code.value;
      std::string rest = text;
      if (!code.empty() && rest.compare(0, code.size(), code) == 0)
        rest = trim_cell_text(rest.substr(code.size()));
      if (rest == i.name.value || (!code.empty() && text == code))
        return code.empty() ? i.name.value : code;
    }
    return text;
  };
  for (auto* list : {&out.projects, &out.special_funds})
    for (auto& p : *list) p.unit.value = key_of(p.unit.value);
  for (auto& u : out.narrative.units) u.unit.value = key_of(u.unit.value);
  for (auto& r : out.procurement)
    if (r.unit.value == dept_name || (out.full_name && r.unit.value == *out.full_name))
      r.unit.value.clear();
  // 资金用途 with the generated amount sentence (every project and 专项资金 that has amounts
  // starts with it: department.purpose_amounts covers both lists).
  size_t with_amounts = 0, generated = 0;
  for (const auto* list : {&out.projects, &out.special_funds})
    for (const auto& p : *list) {
      if (!p.has_amount()) continue;
      ++with_amounts;
      if (p.purpose.value.rfind(purpose_amount_sentence(p), 0) == 0) ++generated;
    }
  if (with_amounts > 0 && generated == with_amounts) {
    out.purpose_amounts = true;
    for (auto* list : {&out.projects, &out.special_funds})
      for (auto& p : *list)
        if (p.has_amount())
          p.purpose.value = p.purpose.value.substr(purpose_amount_sentence(p).size());
  }
}

}  // namespace

void read_duties_sheet(const Sheet& s, int title_row, ImportedParts& out) {
  for (int r = s.next_row(title_row + 1); r < s.rows(); r = s.next_row(r + 1)) {
    for (auto [c, cellp] : s.row_cells(r)) {
      std::string t = trim_cell_text(cellp->text);
      if (t.empty() || norm_label(t) == "返回目录") continue;
      std::string n = norm_label(t);
      std::string stripped = strip_numbering(n);
      // Drop the list number as written ("1、", "（一）"): the shortest prefix after which the
      // normalised rest is the stripped text; the clerk's own wording stays as written.
      if (stripped.size() < n.size())
        for (size_t k = 1; k < t.size(); ++k)
          if ((static_cast<unsigned char>(t[k]) & 0xC0) != 0x80 &&
              strip_numbering(norm_label(t.substr(k))) == stripped &&
              norm_label(t.substr(k)) == stripped) {
            t = trim_cell_text(t.substr(k));
            break;
          }
      out.duties.push_back(t);
      break;  // one duty per row
    }
  }
}

ImportedParts read_parts(const Workbook& wb, const std::string& dept_name, int year,
                         const CatalogYear* catalog, Report& report) {
  ImportedParts out;
  out.catalog = catalog;
  for (const Sheet& s : wb.sheets) {
    auto [title_row, title] = sheet_title(s);
    if (title_row < 0) continue;
    if (contains(title, "目录") && !out.full_name) {
      // "X2023年部门预算信息公开 目录" → X (the full name of titles and narrative).
      std::string raw = cell(s, title_row, 0);
      if (raw.empty())
        for (auto [c, cellp] : s.row_cells(title_row))
          if (!trim_cell_text(cellp->text).empty()) {
            raw = trim_cell_text(cellp->text);
            break;
          }
      std::string y = std::to_string(year) + "年";
      if (auto pos = raw.find(y); pos != std::string::npos && pos > 0)
        out.full_name = trim_cell_text(raw.substr(0, pos));
      continue;
    }
    if (contains(title, "机构设置")) {
      int h = find_row_with(s, "单位名称", title_row);
      if (h >= 0)
        read_institutions_sheet(s, h, out, report);
      else
        report.warning(qualified_ref(s.name, {title_row, 0}),
                       "机构设置表中没有“单位名称”列，未导入机构设置");
      continue;
    }
    if (contains(title, norm_label(narrative_sheet::kDataTitle))) {
      if (!read_narrative_data_sheet(s, out, report))
        report.warning(qualified_ref(s.name, {title_row, 0}),
                       "说明数据表中没有“项目”“细项”“数值”列，未导入");
      continue;
    }
    if (contains(title, norm_label(narrative_sheet::kUnitAssetsTitle))) {
      if (!read_unit_assets_sheet(s, out, report))
        report.warning(qualified_ref(s.name, {title_row, 0}),
                       "各单位资产情况表中没有“单位”列，未导入");
      continue;
    }
    if (contains(title, "部门职责") || contains(title, "主要职责")) {
      read_duties_sheet(s, title_row, out);
      continue;
    }
    if (contains(title, "政府采购预算") || contains(title, "政府采购")) {
      out.procurement_sheet = true;
      read_procurement_sheet(s, dept_name, out, report);
      continue;
    }
    if (contains(title, "固定资产占用") || contains(title, "国有资产占用")) {
      read_assets_sheet(s, out, report);
      continue;
    }
    // 专项资金 have the projects' shape: the sheet's name or title says which list it fills (our
    // workbook's 专项资金 sheet; the fill-in workbook's 专项资金信息 / 专项资金绩效指标; a budget
    // system's 部门主管专项资金… heading). Only at the start: a project's own name often ends in
    // 专项资金 ("1、城市维护专项资金绩效目标表", a sheet named after it).
    const std::string sheet = norm_label(s.name);
    const ProjectList into = starts_with(sheet, kSpecialFunds) ||
                                     starts_with(title, kSpecialFunds) ||
                                     starts_with(title, kDeptSpecialFunds)
                                 ? ProjectList::SpecialFunds
                                 : ProjectList::Projects;
    if (read_project_list_sheet(s, out, report, into)) continue;
    read_project_tables(s, out, report, into);
  }
  join_listed_indicators(out, report);
  resolve_units(out, dept_name);
  return out;
}

}  // namespace bp::import
