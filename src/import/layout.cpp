#include "import/layout.hpp"

#include <set>

#include "import/number_text.hpp"

namespace bp::import {

namespace {

// Rows searched for a title and header block above the column headers.
constexpr int kTopRows = 30;

const std::set<std::string, std::less<>>& header_words() {
  static const std::set<std::string, std::less<>> w = {"序号",
                                                       "科目编码",
                                                       "功能分类科目",
                                                       "科目名称",
                                                       "项目",
                                                       "支出部门经济分类科目",
                                                       "部门经济分类科目",
                                                       "经济分类科目",
                                                       "功能科目",
                                                       "收入",
                                                       "支出",
                                                       "资金性质",
                                                       "编码"};
  return w;
}

bool is_header_row(const Sheet& s, int r) {
  for (auto [c, cell] : s.row_cells(r))
    if (header_words().count(norm_label(cell->text))) return true;
  return false;
}

// The 栏次 row: a cell "栏次", or the numbers 1, 2, 3 … (at least 3) left to right and nothing but
// 甲/乙/丙 besides them.
bool is_lanci_row(const Sheet& s, int r) {
  int expect = 1;
  for (auto [c, cell] : s.row_cells(r)) {
    std::string t = norm_label(cell->text);
    if (t == "栏次") return true;
    if (t.empty() || t == "甲" || t == "乙" || t == "丙" || t == "丁") continue;
    auto n = parse_number_text(t);
    if (n.status != NumberText::Status::Ok || n.hundredths != expect * 100) return false;
    ++expect;
  }
  return expect > 3;
}

bool row_has_number(const Sheet& s, int r) {
  for (auto [c, cell] : s.row_cells(r)) {
    if (cell->kind == CellKind::Number) return true;
    if (parse_number_text(cell->text).status == NumberText::Status::Ok) return true;
  }
  return false;
}

std::optional<int> year_after(std::string_view s, size_t from) {
  for (size_t i = from; i + 4 <= s.size(); ++i) {
    bool four = true;
    for (size_t k = 0; k < 4; ++k) four = four && s[i + k] >= '0' && s[i + k] <= '9';
    if (four && (i + 4 == s.size() || s[i + 4] < '0' || s[i + 4] > '9'))
      return (s[i] - '0') * 1000 + (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 +
             (s[i + 3] - '0');
  }
  return std::nullopt;
}

}  // namespace

std::string first_text(const Sheet& s, int row) {
  for (auto [c, cell] : s.row_cells(row))
    if (std::string t = norm_label(cell->text); !t.empty()) return t;
  return {};
}

std::string SheetLayout::leaf(int col) const {
  if (col < 0 || col >= static_cast<int>(labels.size()) || labels[col].empty()) return {};
  return labels[col].back();
}

std::string SheetLayout::joined(int col) const {
  std::string out;
  if (col < 0 || col >= static_cast<int>(labels.size())) return out;
  for (const auto& l : labels[col]) out += (out.empty() ? "" : "/") + l;
  return out;
}

std::optional<Unit> unit_from_text(std::string_view s) {
  auto p = s.find("单位:");
  if (p == std::string_view::npos) return std::nullopt;
  std::string_view rest = s.substr(p + std::string_view("单位:").size());
  if (starts_with(rest, "万元")) return Unit::Wan;
  if (starts_with(rest, "元")) return Unit::Yuan;
  return std::nullopt;
}

std::optional<DeptText> dept_from_text(std::string_view text) {
  std::string t = trim_cell_text(text);
  std::string_view v = t;
  // "编制单位：631临港部门", "部门：…"
  bool labelled = false;
  for (std::string_view sep : {"：", ":"}) {
    auto p = v.find(sep);
    if (p == std::string_view::npos) continue;
    std::string head = norm_label(v.substr(0, p));
    if (head == "编制单位" || head == "单位名称" || head == "部门名称" || head == "预算单位" ||
        head == "部门" || head == "单位" || head == "编制部门" || head == "部门(单位)") {
      v = v.substr(p + sep.size());
      labelled = true;
    }
    break;
  }
  std::string body = trim_cell_text(v);
  size_t n = 0;
  while (n < body.size() && body[n] >= '0' && body[n] <= '9') ++n;
  if (n == 0 && labelled && !body.empty() && !unit_from_text("单位:" + norm_label(body)))
    return DeptText{"", body, ""};  // "编制单位：示范区文化和旅游局": a name without a code
  if (n < 3 || n > 12) return std::nullopt;
  DeptText d;
  d.code = body.substr(0, n);
  size_t m = n;
  while (m < body.size() && (body[m] == ' ' || body[m] == '\t')) ++m;
  if (body.compare(m, 3, "\xE3\x80\x80") == 0) {  // 　 (ideographic space)
    while (body.compare(m, 3, "\xE3\x80\x80") == 0) m += 3;
  }
  d.separator = body.substr(n, m - n);
  d.name = trim_cell_text(std::string_view(body).substr(m));
  if (d.name.empty() || starts_with(d.name, "年")) return std::nullopt;  // "2023年…" is a year
  if (d.name[0] >= '0' && d.name[0] <= '9') return std::nullopt;
  return d;
}

std::optional<SheetLayout> identify_sheet(const Sheet& sheet) {
  SheetLayout l;
  l.sheet = &sheet;
  for (int r = 0; r < std::min(sheet.rows(), kTopRows); ++r) {
    if (is_header_row(sheet, r)) break;
    for (auto [c, cell] : sheet.row_cells(r)) {
      if (auto id = classify_title(norm_label(cell->text))) {
        l.id = *id;
        l.title = trim_cell_text(cell->text);
        l.titled_by_cell = true;
        return l;
      }
    }
  }
  if (auto id = classify_title(norm_label(sheet.name))) {
    l.id = *id;
    l.title = sheet.name;
    return l;
  }
  return std::nullopt;
}

bool analyse_layout(SheetLayout& l, Report& report) {
  const Sheet& s = *l.sheet;
  int top = std::min(s.rows(), kTopRows);
  for (int r = 0; r < top; ++r)
    if (is_header_row(s, r)) {
      l.header_first = r;
      break;
    }
  if (l.header_first < 0) {
    report.error(qualified_ref(s.name, {0, 0}), std::string("找到了") + table_name(l.id) +
                                                    "，但前 " + std::to_string(kTopRows) +
                                                    " 行中没有表头（序号、科目编码、项目 等）");
    return false;
  }
  // Header block: above the column headers.
  for (int r = 0; r < l.header_first; ++r)
    for (auto [c, cell] : s.row_cells(r)) {
      if (cell->kind != CellKind::Text) continue;
      std::string n = norm_label(cell->text);
      if (classify_title(n)) {
        if (!l.block.year)
          if (auto p = n.find("年"); p != std::string::npos && p >= 4)
            if (auto y = year_after(n.substr(p - 4, 4), 0)) {
              l.block.year = y;
              l.block.year_ref = {r, c};
            }
        continue;
      }
      if (auto p = n.find("预算年度"); p != std::string::npos) {
        if (auto y = year_after(n, p)) {
          l.block.year = y;
          l.block.year_ref = {r, c};
        }
        continue;
      }
      if (auto u = unit_from_text(n)) {
        l.block.unit = u;
        l.block.unit_ref = {r, c};
        continue;
      }
      if (!l.block.dept_code)
        if (auto d = dept_from_text(cell->text)) {
          l.block.dept_code = d->code;
          l.block.dept_name = d->name;
          l.block.dept_separator = d->separator;
          l.block.dept_ref = {r, c};
        }
    }
  // Column headers end at the 栏次 row or at the first row holding a number (a code or amount).
  for (int r = s.next_row(l.header_first + 1); r < s.rows(); r = s.next_row(r + 1)) {
    if (is_lanci_row(s, r)) {
      l.header_last = r - 1;
      l.data_first = r + 1;
      break;
    }
    if (row_has_number(s, r)) {
      l.header_last = r - 1;
      l.data_first = r;
      break;
    }
  }
  if (l.data_first < 0) {  // an empty table: headers to the end (trailing blank/note rows ignored)
    l.header_last = l.header_first;
    for (int k = s.next_row(l.header_first + 1); k < s.rows(); k = s.next_row(k + 1))
      if (std::string t = first_text(s, k); !t.empty() && !starts_with(t, "注")) l.header_last = k;
    l.data_first = l.header_last + 1;
  }
  // Column labels, merged cells resolved to their top-left cell, for the columns that hold cells.
  std::set<int> used;
  for (int k = s.next_row(l.header_first); k < s.rows(); k = s.next_row(k + 1))
    for (auto [c, cell] : s.row_cells(k)) used.insert(c);
  l.labels.assign(static_cast<size_t>(s.cols()), {});
  for (int c : used)
    for (int k = l.header_first; k <= l.header_last; ++k) {
      std::string t = norm_label(s.shown_text(k, c));
      if (!t.empty() && (l.labels[c].empty() || l.labels[c].back() != t)) l.labels[c].push_back(t);
    }
  return true;
}

}  // namespace bp::import
