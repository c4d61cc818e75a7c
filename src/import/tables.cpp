#include "import/tables.hpp"

#include <climits>
#include <map>

#include "import/number_text.hpp"
#include "import/xlsx_read.hpp"

namespace bp::import {

namespace {

struct Spec {
  Col col;
  std::vector<std::string_view> patterns;
  bool exact = false;
};

const std::vector<Spec>& specs_for(TableId id) {
  static const Spec kTotal{Col::Total, {"合计", "总计"}, true};
  static const Spec kBasic{Col::Basic, {"基本支出"}};
  static const Spec kProject{Col::Project, {"项目支出"}};
  static const std::vector<Spec> kIncome = {
      kTotal,
      {Col::Subtotal, {"小计"}, true},
      {Col::Fiscal, {"财政拨款"}},
      {Col::Special, {"财政专户"}},
      {Col::Business, {"事业收入"}},
      {Col::OpIncome, {"经营收入"}},
      {Col::UpperIncome, {"上级补助"}},
      {Col::Affiliated, {"附属单位上缴", "附属单位缴款"}},
      {Col::Other, {"其他收入"}},
      {Col::Carry, {"上年结转", "结转"}},
  };
  static const std::vector<Spec> kExpenditure = {
      kTotal,
      kBasic,
      kProject,
      {Col::Operating, {"经营支出"}},
      {Col::Upper, {"上解上级", "上缴上级"}},
      {Col::Subsidiary, {"对附属单位补助"}},
  };
  static const std::vector<Spec> kFunds = {kTotal, kBasic, kProject};
  static const std::vector<Spec> kBasicTable = {
      kTotal, {Col::Personnel, {"人员经费"}}, {Col::Public, {"公用经费"}}};
  switch (id) {
    case TableId::Income:
      return kIncome;
    case TableId::Expenditure:
      return kExpenditure;
    case TableId::GpbBasic:
      return kBasicTable;
    default:
      return kFunds;
  }
}

bool matches(const Spec& s, std::string_view label) {
  for (auto p : s.patterns)
    if (s.exact ? label == p : contains(label, p)) return true;
  return false;
}

bool is_note(std::string_view normed) {
  return starts_with(normed, "注:") || starts_with(normed, "注");
}

bool is_total_label(std::string_view normed) {
  return normed == "合计" || normed == "总计";
}

}  // namespace

const char* col_label(Col c) {
  static constexpr std::array<const char*, kColCount> kLabels = {"合计",
                                                                 "基本支出",
                                                                 "项目支出",
                                                                 "经营支出",
                                                                 "上解上级支出",
                                                                 "对附属单位补助支出",
                                                                 "小计",
                                                                 "财政拨款收入",
                                                                 "财政专户收入",
                                                                 "事业收入",
                                                                 "经营收入",
                                                                 "上级补助收入",
                                                                 "附属单位上缴收入",
                                                                 "其他收入",
                                                                 "上年结转",
                                                                 "人员经费",
                                                                 "公用经费"};
  return kLabels[static_cast<int>(c)];
}

std::string show(Money m, Unit unit) {
  if (unit == Unit::Wan) return format_wan(m);
  return format_hundredths_text(m.in_fen());
}

const CodeRow* CodeTable::total_row() const {
  for (const auto& r : rows)
    if (r.total) return &r;
  return nullptr;
}

const CodeRow* CodeTable::find(const std::string& code) const {
  auto it = index.find(code);
  return it == index.end() ? nullptr : &rows[it->second];
}

Val read_amount(const Sheet& sheet, int row, int col, Unit unit, Report& report) {
  Val v;
  v.ref = {row, col};
  if (col < 0) return v;
  std::string where = qualified_ref(sheet.name, {row, col});
  // An amount merged over several rows belongs to none of them alone.
  if (const RangeRef* m = sheet.merge_at(row, col); m && m->first.row != m->last.row) {
    if (m->first.row == row && m->first.col == col)
      report.error(where, "金额单元格与下面 " + std::to_string(m->last.row - m->first.row) +
                              " 行合并（" + format_cell_ref(m->first) + ":" +
                              format_cell_ref(m->last) + "），分不清是哪一行的数：请取消合并");
    return v;
  }
  const Cell* cell = sheet.at(row, col);
  if (!cell) return v;
  if (cell->kind == CellKind::Error) {
    if (cell->text == kNoCachedValue)
      report.error(where,
                   "公式没有保存计算结果（工作簿由程序生成、未在 Excel 中保存过？），金额未知："
                   "请在 Excel 或 WPS 中打开、保存后再导入");
    else
      report.error(where, "单元格是错误值 " + cell->text + "（公式出错？）");
    return v;
  }
  if (cell->kind == CellKind::Bool) {
    report.error(where, "金额单元格是逻辑值 " + cell->text);
    return v;
  }
  auto n = parse_number_text(cell->text);
  if (n.status == NumberText::Status::Invalid) {
    report.error(where, n.error);
    return v;
  }
  if (n.status == NumberText::Status::Blank) return v;
  const int64_t step = unit == Unit::Wan ? kFenPerWan / 100 : 1;  // 分 per hundredth of the unit
  if (n.hundredths > INT64_MAX / step || n.hundredths < -(INT64_MAX / step)) {
    report.error(where, "金额“" + trim_cell_text(cell->text) + "”过大");
    return v;
  }
  v.m = Money::fen(n.hundredths * step);
  v.present = true;
  if (n.rounded)
    report.warning(where, "“" + trim_cell_text(cell->text) + "”超过两位小数，按四舍五入取 " +
                              format_hundredths_text(n.hundredths));
  if (v.m.negative()) report.warning(where, "负数金额 " + format_hundredths_text(n.hundredths));
  return v;
}

CodeTable read_code_table(const SheetLayout& l, Unit unit, Report& report) {
  const Sheet& s = *l.sheet;
  CodeTable t;
  t.layout = &l;
  t.unit = unit;
  t.cols.fill(-1);
  const int ncols = static_cast<int>(l.labels.size());
  std::vector<bool> taken(static_cast<size_t>(ncols), false);
  // Code and name columns.
  for (int c = 0; c < ncols; ++c) {
    std::string leaf = l.leaf(c);
    if (t.code_col < 0 && (contains(leaf, "编码") || contains(leaf, "代码"))) {
      t.code_col = c;
      taken[c] = true;
    } else if (t.name_col < 0 && contains(leaf, "名称")) {
      t.name_col = c;
      taken[c] = true;
    }
  }
  if (t.code_col < 0 && t.name_col < 0)
    for (int c = 0; c < ncols; ++c) {
      std::string leaf = l.leaf(c);
      if (contains(leaf, "科目") || leaf == "项目") {  // one column "201 一般公共服务支出"
        t.code_col = t.name_col = c;
        taken[c] = true;
        break;
      }
    }
  if (t.code_col < 0 && t.name_col < 0) {
    report.error(qualified_ref(s.name, {l.header_first, 0}),
                 std::string(table_name(l.id)) + "：表头中没有“科目编码”或“科目名称”列");
    return t;
  }
  if (t.code_col < 0) t.code_col = t.name_col;
  // Amount columns: by the bottom label; then, for columns no bottom label matched, by the path.
  const auto& specs = specs_for(l.id);
  for (bool by_path : {false, true})
    for (const auto& spec : specs) {
      if (t.cols[static_cast<int>(spec.col)] >= 0) continue;
      for (int c = 0; c < ncols; ++c) {
        if (taken[c]) continue;
        bool hit = false;
        if (!by_path) {
          hit = matches(spec, l.leaf(c));
        } else {
          for (const auto& lab : l.labels[c]) hit = hit || matches(spec, lab);
        }
        if (hit) {
          t.cols[static_cast<int>(spec.col)] = c;
          taken[c] = true;
          break;
        }
      }
    }
  const bool economic = l.id == TableId::GpbBasic;
  std::map<std::string, int> seen;
  for (int r = s.next_row(l.data_first); r < s.rows(); r = s.next_row(r + 1)) {
    std::string code_text = trim_cell_text(s.shown_text(r, t.code_col));
    std::string name_text = t.name_col >= 0 ? trim_cell_text(s.shown_text(r, t.name_col)) : "";
    if (t.name_col == t.code_col) name_text.clear();
    if (is_note(first_text(s, r))) continue;
    CodeRow row;
    row.row = r;
    bool any_amount = false;
    for (int k = 0; k < kColCount; ++k) {
      if (t.cols[k] < 0) {
        row.v[k].ref = {r, -1};
        continue;
      }
      row.v[k] = read_amount(s, r, t.cols[k], unit, report);
      any_amount = any_amount || row.v[k].present;
    }
    if (is_total_label(norm_label(name_text)) || is_total_label(norm_label(code_text))) {
      row.total = true;
      if (t.total_row()) {
        report.error(qualified_ref(s.name, {r, t.code_col}), "第二个“合计”行");
        continue;
      }
      t.rows.push_back(row);
      continue;
    }
    if (code_text.empty() && name_text.empty() && !any_amount) continue;  // blank row
    std::optional<std::string> code = parse_code(code_text);
    if (!code) {
      auto split = split_code_name(code_text);
      if (!split && !name_text.empty()) split = split_code_name(name_text);
      if (split) {
        code = split->code;
        if (name_text.empty() || split_code_name(name_text)) name_text = split->name;
      }
    }
    if (!code) {
      if (!any_amount) continue;  // a row with only a 序号 or a stray label
      report.error(
          qualified_ref(s.name, {r, t.code_col}),
          code_text.empty() ? "有金额但没有科目编码" : "无法识别科目编码“" + code_text + "”");
      continue;
    }
    size_t len = code->size();
    bool ok_len = economic ? (len == 3 || len == 5) : (len == 3 || len == 5 || len == 7);
    if (!ok_len) {
      report.error(
          qualified_ref(s.name, {r, t.code_col}),
          "科目编码“" + *code + "”的位数不对（" +
              (economic ? "经济分类应为 3 位类或 5 位款" : "功能分类应为 3 位类、5 位款或 7 位项") +
              "）");
      continue;
    }
    if (auto [it, fresh] = seen.emplace(*code, r); !fresh) {
      report.error(
          qualified_ref(s.name, {r, t.code_col}),
          "科目 " + *code + " 重复（第一次在第 " + std::to_string(it->second + 1) + " 行）");
      continue;
    }
    row.code = *code;
    row.name = name_text;
    t.index.emplace(row.code, t.rows.size());
    t.rows.push_back(std::move(row));
  }
  return t;
}

LabelTable read_label_table(const SheetLayout& l, Unit unit, Report& report) {
  const Sheet& s = *l.sheet;
  LabelTable t;
  t.layout = &l;
  t.unit = unit;
  t.cols.fill(-1);
  const int ncols = static_cast<int>(l.labels.size());
  auto side = [&](int c) -> int {  // 'I' 收入, 'E' 支出, 0 unknown (from the top header label)
    if (c < 0 || l.labels[c].size() < 2) return 0;
    if (l.labels[c].front() == "收入") return 'I';
    if (l.labels[c].front() == "支出") return 'E';
    return 0;
  };
  std::vector<int> label_cols;
  for (int c = 0; c < ncols; ++c)
    if (l.leaf(c) == "项目") label_cols.push_back(c);
  auto set = [&](LCol k, int c) { t.cols[static_cast<int>(k)] = c; };
  if (l.id == TableId::ThreePublic) {
    if (!label_cols.empty()) set(LCol::ExpLabel, label_cols.front());
  } else {
    for (int c : label_cols) {
      if (side(c) == 'I' && !t.has(LCol::IncLabel))
        set(LCol::IncLabel, c);
      else if (side(c) == 'E' && !t.has(LCol::ExpLabel))
        set(LCol::ExpLabel, c);
    }
    for (int c : label_cols) {
      if (t.has(LCol::IncLabel) && t.has(LCol::ExpLabel)) break;
      if (c == t.cols[0] || c == t.cols[2]) continue;
      set(t.has(LCol::IncLabel) ? LCol::ExpLabel : LCol::IncLabel, c);
    }
  }
  if (!t.has(LCol::ExpLabel) || (l.id != TableId::ThreePublic && !t.has(LCol::IncLabel))) {
    report.error(qualified_ref(s.name, {l.header_first, 0}),
                 std::string(table_name(l.id)) + "：表头中找不到“项目”列");
    return t;
  }
  const int inc = t.cols[static_cast<int>(LCol::IncLabel)];
  const int exp = t.cols[static_cast<int>(LCol::ExpLabel)];
  // The first column right of `from` (and left of `to`) whose bottom label satisfies `pred`.
  auto right_of = [&](int from, int to, auto pred) {
    for (int c = from + 1; c < (to < 0 ? ncols : to); ++c)
      if (pred(l.leaf(c))) return c;
    return -1;
  };
  auto amount_word = [](const std::string& x) {
    return x == "预算数" || x == "金额" || x == "预算" || x == "本年预算" || x == "预算金额";
  };
  int exp_end = -1;
  if (l.id == TableId::Summary) {
    set(LCol::IncAmount, right_of(inc, exp > inc ? exp : -1, amount_word));
    set(LCol::ExpAmount, right_of(exp, inc > exp ? inc : -1, amount_word));
  } else {
    if (l.id == TableId::Fiscal)
      set(LCol::IncAmount, right_of(inc, exp > inc ? exp : -1, amount_word));
    exp_end = l.id == TableId::Fiscal && inc > exp ? inc : -1;
    set(LCol::ExpAmount,
        right_of(exp, exp_end, [](const std::string& x) { return x == "合计" || x == "小计"; }));
    set(LCol::Gpb,
        right_of(exp, exp_end, [](const std::string& x) { return contains(x, "一般公共预算"); }));
    set(LCol::Fund,
        right_of(exp, exp_end, [](const std::string& x) { return contains(x, "基金"); }));
    set(LCol::Soc,
        right_of(exp, exp_end, [](const std::string& x) { return contains(x, "国有资本"); }));
  }
  for (int r = s.next_row(l.data_first); r < s.rows(); r = s.next_row(r + 1)) {
    LabelRow row;
    row.row = r;
    if (inc >= 0) row.inc_raw = trim_cell_text(s.shown_text(r, inc));
    row.exp_raw = trim_cell_text(s.shown_text(r, exp));
    row.inc_label = strip_numbering(norm_label(row.inc_raw));
    row.exp_label = strip_numbering(norm_label(row.exp_raw));
    if (is_note(first_text(s, r))) continue;
    bool any = !row.inc_raw.empty() || !row.exp_raw.empty();
    for (int k = 0; k < kLColCount; ++k) {
      if (k == static_cast<int>(LCol::IncLabel) || k == static_cast<int>(LCol::ExpLabel)) continue;
      row.v[k] = read_amount(s, r, t.cols[k], unit, report);
      if (t.cols[k] < 0) row.v[k].ref = {r, -1};
      any = any || row.v[k].present;
    }
    if (any) t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace bp::import
