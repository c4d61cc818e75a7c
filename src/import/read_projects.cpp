// 项目绩效目标表, one per sheet or stacked on one sheet: each starts at a title ending in
// 绩效目标表 ("1、X绩效目标表", "X项目绩效目标表") and runs to the next title. Inside, rows are
// recognised by their label cells, so the 2021/2024 layout (项目编码 / 预算规模及资金用途 /
// 资金支出计划 rows), the 2023 layout (预算单位 and 项目编码 above the table) and budget-system
// variants (without 项目编码, with 项目名称 only in the title) all read the same way. Indicator
// rows follow the header with 一级指标; merged (or blank) 一级/二级 cells are filled down.
#include "import/labels.hpp"
#include "import/layout.hpp"
#include "import/number_text.hpp"
#include "import/parts.hpp"
#include "import/tables.hpp"

namespace bp::import {

namespace {

using parts_detail::cell;
using parts_detail::value_col_after;

// "1、X绩效目标表" / "X项目绩效目标表" → X; nullopt when the text is no project title.
std::optional<std::string> project_title(const std::string& raw) {
  std::string n = norm_label(raw);
  static constexpr std::string_view kSuffix = "绩效目标表";
  if (n.size() <= kSuffix.size() || n.compare(n.size() - kSuffix.size(), kSuffix.size(), kSuffix))
    return std::nullopt;
  if (contains(n, "部门整体") || contains(n, "整体支出")) return std::nullopt;
  // Cut the suffix and the list number from the text as written (quotes and spaces kept).
  std::string t = trim_cell_text(raw);
  auto pos = t.rfind("绩效目标表");
  t = trim_cell_text(t.substr(0, pos));
  // "12、" / "3." / "三、" (byte-wise: the numerals and separators are whole UTF-8 sequences).
  size_t i = 0;
  static constexpr std::string_view kNumerals[] = {"一", "二", "三", "四", "五",
                                                   "六", "七", "八", "九", "十"};
  for (bool more = true; more && i < t.size();) {
    more = false;
    if (t[i] >= '0' && t[i] <= '9') {
      ++i;
      more = true;
      continue;
    }
    for (auto n : kNumerals)
      if (t.compare(i, n.size(), n) == 0) {
        i += n.size();
        more = true;
        break;
      }
  }
  if (i > 0)
    for (std::string_view sep : {"、", ".", "．"})
      if (t.compare(i, sep.size(), sep) == 0) {
        t = trim_cell_text(t.substr(i + sep.size()));
        break;
      }
  if (t.empty()) return std::nullopt;
  return t;
}

struct IndicatorCols {
  int level1 = -1, level2 = -1, name = -1, description = -1, value = -1, basis = -1;
};

}  // namespace

namespace parts_detail {

// "25%" → 2500; blank → -1; nullopt when unreadable.
std::optional<int64_t> percent(const std::string& text) {
  std::string t = trim_cell_text(text);
  if (t.empty()) return -1;
  for (std::string_view pc : {"%", "％"})
    if (t.size() >= pc.size() && t.compare(t.size() - pc.size(), pc.size(), pc) == 0)
      t = t.substr(0, t.size() - pc.size());
  auto n = parse_number_text(t);
  if (n.status != NumberText::Status::Ok) return std::nullopt;
  return n.hundredths;
}

// "1.A\n2.B" → {"A", "B"}; a line without the next number continues the goal above it.
std::vector<std::string> goals_from(const std::string& text) {
  std::vector<std::string> out;
  std::vector<std::string> lines;
  size_t from = 0;
  while (true) {
    size_t nl = text.find('\n', from);
    lines.push_back(text.substr(from, nl == std::string::npos ? std::string::npos : nl - from));
    if (nl == std::string::npos) break;
    from = nl + 1;
  }
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& l = lines[i];
    std::string num = std::to_string(out.size() + 1) + ".";
    if (l.compare(0, num.size(), num) == 0) {
      out.push_back(l.substr(num.size()));
    } else if (out.empty()) {
      out.push_back(l);
    } else {
      out.back() += "\n" + l;
    }
  }
  // Numbered 1. only on the first line and text without numbers: one goal as written.
  if (out.size() == 1 && out[0].empty()) out.clear();
  return out;
}

}  // namespace parts_detail

using parts_detail::goals_from;
using parts_detail::percent;

void read_project_tables(const Sheet& s, ImportedParts& out, Report& report, ProjectList into) {
  // Titles first: every block runs to the next title.
  std::vector<std::pair<int, std::string>> titles;
  for (int r = s.next_row(0); r < s.rows(); r = s.next_row(r + 1))
    for (auto [c, cellp] : s.row_cells(r)) {
      if (cellp->kind != CellKind::Text) continue;
      if (auto t = project_title(cellp->text)) {
        titles.emplace_back(r, *t);
        break;
      }
      break;  // only the first cell of a row can be a title
    }
  for (size_t b = 0; b < titles.size(); ++b) {
    const int first = titles[b].first + 1;
    const int end = b + 1 < titles.size() ? titles[b + 1].first : s.rows();
    Project p;
    p.name.value = titles[b].second;
    Unit unit = Unit::Wan;
    IndicatorCols ic;
    int indicator_header = -1;
    std::string level1, level2;
    for (int r = s.next_row(first); r < end; r = s.next_row(r + 1)) {
      if (indicator_header >= 0) {
        // An indicator row.
        auto get = [&](int c) { return c < 0 ? std::string() : cell(s, r, c); };
        Indicator ind;
        std::string l1 = get(ic.level1), l2 = get(ic.level2);
        if (!l1.empty()) level1 = l1;
        if (!l2.empty() || !l1.empty()) level2 = l2.empty() ? level2 : l2;
        ind.level1.value = level1;
        ind.level2.value = level2;
        ind.name.value = get(ic.name);
        ind.description.value = get(ic.description);
        ind.value.value = get(ic.value);
        ind.basis.value = get(ic.basis);
        if (ind.name.value.empty() && ind.description.value.empty() && ind.value.value.empty())
          continue;
        if (starts_with(norm_label(ind.level1.value), "注")) break;
        p.indicators.push_back(std::move(ind));
        out.count_indicator(into);
        continue;
      }
      for (auto [c, cellp] : s.row_cells(r)) {
        if (const RangeRef* m = s.merge_at(r, c); m && m->first.row != r) continue;
        std::string raw = trim_cell_text(cellp->text);
        std::string t = norm_label(raw);
        if (t.empty()) continue;
        auto after_colon = [&]() {
          for (std::string_view colon : {"：", ":"})
            if (auto p2 = raw.find(colon); p2 != std::string::npos)
              return trim_cell_text(raw.substr(p2 + colon.size()));
          return std::string();
        };
        // `c` copied into the capture: clang 14 (fuzz build) cannot capture a structured binding.
        auto value_after = [&, col = c]() -> std::optional<int> {
          return value_col_after(s, r, col);
        };
        if (starts_with(t, "预算单位")) {
          p.unit.value = after_colon();
        } else if (auto u = unit_from_text(t)) {
          unit = *u;
        } else if (starts_with(t, "项目编码:") || starts_with(t, "项目代码:")) {
          p.code.value = after_colon();
        } else if (t == "项目编码" || t == "项目代码") {
          if (auto vc = value_after()) p.code.value = cell(s, r, *vc);
        } else if (t == "项目名称") {
          if (auto vc = value_after()) p.name.value = cell(s, r, *vc);
        } else if (t == "其中:财政资金" || t == "财政资金") {
          if (auto vc = value_after();
              vc && *vc == (s.merge_at(r, c) ? s.merge_at(r, c)->last.col : c) + 1) {
            Val v = read_amount(s, r, *vc, unit, report);
            if (v.present) p.fiscal = Amount{v.m, {}};
          }
        } else if (t == "其他资金") {
          if (auto vc = value_after();
              vc && *vc == (s.merge_at(r, c) ? s.merge_at(r, c)->last.col : c) + 1) {
            Val v = read_amount(s, r, *vc, unit, report);
            if (v.present) p.other = Amount{v.m, {}};
          }
        } else if (t == "预算规模及资金用途" || t == "资金用途") {
          // The purpose is the text of the next row (the label is merged over both rows).
          int nr = s.next_row(r + 1);
          if (nr < end)
            for (auto [c2, cell2] : s.row_cells(nr)) {
              if (c2 == c) continue;
              std::string v = trim_cell_text(cell2->text);
              if (!v.empty()) {
                p.purpose.value = v;
                break;
              }
            }
        } else if (starts_with(t, "资金支出计划")) {
          // The percentages sit under the 3月底 … 12月底 labels of this row, on the next row.
          int nr = s.next_row(r + 1);
          std::vector<int> cols;
          for (auto [c2, cell2] : s.row_cells(r))
            if (contains(norm_label(cell2->text), "月底")) cols.push_back(c2);
          bool any = false;
          for (int c2 : cols) {
            auto pc = percent(nr < end ? s.text(nr, c2) : "");
            if (!pc) {
              report.error(qualified_ref(s.name, {nr, c2}),
                           "资金支出计划“" + trim_cell_text(s.text(nr, c2)) + "”不是百分数");
              continue;
            }
            any = any || *pc >= 0;
            p.spend_plan_hundredths.push_back(*pc);
          }
          if (!any) p.spend_plan_hundredths.clear();
        } else if (t == "绩效目标" || t == "年度绩效目标") {
          if (auto vc = value_after()) {
            for (auto& g : goals_from(s.shown_text(r, *vc))) {
              Text tx;
              tx.value = g;
              p.goals.push_back(tx);
            }
          }
        } else if (t == "一级指标") {
          indicator_header = r;
          for (auto [c2, cell2] : s.row_cells(r)) {
            std::string h = norm_label(cell2->text);
            if (h == "一级指标")
              ic.level1 = c2;
            else if (h == "二级指标")
              ic.level2 = c2;
            else if (h == "三级指标" || h == "指标名称")
              ic.name = c2;
            else if (contains(h, "描述") || contains(h, "指标解释"))
              ic.description = c2;
            else if (h == "指标值" || h == "目标值")
              ic.value = c2;
            else if (contains(h, "依据"))
              ic.basis = c2;
          }
        }
        if (indicator_header >= 0) break;
      }
    }
    out.list(into).push_back(std::move(p));
  }
}

}  // namespace bp::import
