#include "import/derived_compare.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <span>

#include "import/labels.hpp"

namespace bp::import {

namespace {

std::string key(std::string_view label) {
  std::string k = strip_numbering(norm_label(label));
  // Wording differences between budget systems and the profile.
  if (k.size() > 6 && k.compare(k.size() - 6, 6, "收入") == 0 && k != "本年收入" &&
      k != "事业收入" && k != "经营收入" && k != "其他收入")
    k = k.substr(0, k.size() - 6);
  if (k == "上年结转") k = "上年结转结余";
  if (k == "年末结转结余") k = "年终结转结余";
  return k;
}

// Amount column in a derived code table (after 序号, 编码, 名称) for a printed column: its place in
// the table's amount columns, in derive's order; -1 when the table has no such column.
int code_col_index(TableId id, Col col) {
  static constexpr Col kIncome[] = {Col::Total,    Col::Subtotal, Col::Fiscal,      Col::Special,
                                    Col::Business, Col::OpIncome, Col::UpperIncome, Col::Affiliated,
                                    Col::Other,    Col::Carry};
  static constexpr Col kExpenditure[] = {Col::Total,     Col::Basic, Col::Project,
                                         Col::Operating, Col::Upper, Col::Subsidiary};
  static constexpr Col kGpbBasic[] = {Col::Total, Col::Personnel, Col::Public};
  static constexpr Col kOther[] = {Col::Total, Col::Basic, Col::Project};
  const std::span<const Col> cols = id == TableId::Income ? std::span<const Col>(kIncome)
                                    : id == TableId::Expenditure
                                        ? std::span<const Col>(kExpenditure)
                                    : id == TableId::GpbBasic ? std::span<const Col>(kGpbBasic)
                                                              : std::span<const Col>(kOther);
  const auto it = std::find(cols.begin(), cols.end(), col);
  return it == cols.end() ? -1 : static_cast<int>(it - cols.begin());
}

const char* derived_id(TableId id) {
  switch (id) {
    case TableId::Summary:
      return "t1-summary";
    case TableId::Income:
      return "t2-income";
    case TableId::Expenditure:
      return "t3-expenditure";
    case TableId::Fiscal:
      return "t4-fiscal";
    case TableId::Gpb:
      return "t5-gpb";
    case TableId::GpbBasic:
      return "t6-gpb-basic";
    case TableId::Fund:
      return "t7-fund";
    case TableId::Soc:
      return "t8-soc";
    case TableId::ThreePublic:
      return "t9-three-public";
  }
  return "";
}

Money at(const Derived& d, const std::string& table, int row, int col) {
  const DTable* t = d.table(table);
  if (!t || row < 0 || row >= static_cast<int>(t->rows.size())) return {};
  const auto& cells = t->rows[row].cells;
  if (col < 0 || col >= static_cast<int>(cells.size()) || !cells[col].amount) return {};
  return *cells[col].amount;
}

class Linker {
 public:
  Linker(const Collected& c, const Derived& d,
         std::vector<std::pair<std::string, std::string>>* missing, bool entry_rows_only)
      : c_(c), d_(d), missing_(missing), entry_rows_only_(entry_rows_only) {}

  std::vector<CellLink> run() {
    for (TableId id : {TableId::Income, TableId::Expenditure, TableId::Gpb, TableId::GpbBasic,
                       TableId::Fund, TableId::Soc})
      if (const CodeTable* t = c_.code_table(id)) code_table(*t, id);
    if (c_.summary) label_table(*c_.summary, TableId::Summary);
    if (c_.fiscal) label_table(*c_.fiscal, TableId::Fiscal);
    if (c_.three_public) label_table(*c_.three_public, TableId::ThreePublic);
    return std::move(out_);
  }

 private:
  const Collected& c_;
  const Derived& d_;
  std::vector<std::pair<std::string, std::string>>* missing_;
  bool entry_rows_only_;
  std::vector<CellLink> out_;

  void code_table(const CodeTable& t, TableId id) {
    const char* tid = derived_id(id);
    const DTable* dt = d_.table(tid);
    std::map<std::string, int> by_code;
    int total_row = -1;
    if (dt)
      for (size_t i = 0; i < dt->rows.size(); ++i) {
        const auto& cells = dt->rows[i].cells;
        if (cells.size() < 3) continue;
        if (dt->rows[i].role == doc::RowRole::Total || cells[1].text.empty())
          total_row = static_cast<int>(i);
        else
          by_code[cells[1].text] = static_cast<int>(i);
      }
    // A 类/款 row of the fill-in workbook with a name and no amount names a code the catalogue
    // lacks (docs/import.md): nothing is printed on it to compare.
    auto name_only = [&](const CodeRow& r) {
      if (!entry_rows_only_ || r.total) return false;
      for (const auto& v : r.v)
        if (v.present) return false;
      return true;
    };
    std::map<int, const CodeRow*> printed_of;  // derived row → printed row
    for (const auto& r : t.rows) {
      if (name_only(r)) continue;
      int drow = -1;
      if (r.total) {
        drow = total_row;
      } else if (auto it = by_code.find(r.code); it != by_code.end()) {
        drow = it->second;
      }
      if (drow >= 0) printed_of[drow] = &r;
    }
    for (const auto& r : t.rows) {
      if (name_only(r)) continue;
      int drow = r.total ? total_row : (by_code.count(r.code) ? by_code[r.code] : -1);
      std::string desc = r.total ? "合计行" : (r.name.empty() ? r.code : r.code + " " + r.name);
      for (int k = 0; k < kColCount; ++k) {
        Col col = static_cast<Col>(k);
        if (!t.has(col)) continue;
        int dcol = code_col_index(id, col);
        if (dcol < 0) continue;
        CellLink l;
        l.where = t.where(r[col].ref);
        l.what = std::string(col_label(col)) + "（" + desc + "）";
        l.printed = r[col].m;
        l.unit = t.unit;
        if (drow >= 0 && dt) {
          l.table = tid;
          l.row = drow;
          l.col = 3 + dcol;
          // The printed parts of a total, for the message.
          size_t shown = 0;
          for (int part : dt->rows[drow].sum_of) {
            auto pit = printed_of.find(part);
            if (pit == printed_of.end()) continue;
            const Val& pv = (*pit->second)[col];
            if (pv.m.zero()) continue;
            if (++shown > 8) {
              l.parts += " + …";
              break;
            }
            l.parts +=
                (l.parts.empty() ? "" : " + ") + pit->second->code + " " + show(pv.m, t.unit);
          }
        }
        out_.push_back(std::move(l));
      }
    }
    // The fill-in template prints 项 (款) rows only: its 类/款 totals are the program's.
    std::set<size_t> printed_levels;
    for (const auto& r : t.rows)
      if (!r.total && !name_only(r)) printed_levels.insert(r.code.size());
    if (missing_ && dt)
      for (const auto& [code, i] : by_code)
        if (!printed_of.count(i) && (!entry_rows_only_ || printed_levels.count(code.size()))) {
          bool nonzero = false;
          for (const auto& cell : dt->rows[i].cells)
            nonzero = nonzero || (cell.amount && !cell.amount->zero());
          if (nonzero)
            missing_->emplace_back(qualified_ref(t.layout->sheet->name, {t.layout->data_first, 0}),
                                   std::string(table_name(id)) + "中没有科目 " + code +
                                       " 的行（按明细计算不为零），无法逐格核对");
        }
  }

  void label_table(const LabelTable& t, TableId id) {
    const char* tid = derived_id(id);
    const DTable* dt = d_.table(tid);
    if (!dt) return;
    // Derived label columns: t1 [序号, 收入项目, 金额, 支出项目, 金额]; t4 [序号, 收入项目, 金额,
    // 支出项目, 合计, 一般公共预算, 基金, 国有资本]; t9 [序号, 项目, 合计, 一般, 基金, 国有].
    const bool tp = id == TableId::ThreePublic;
    const int inc_label = tp ? -1 : 1, inc_amount = tp ? -1 : 2;
    const int exp_label = tp ? 1 : 3, exp_amount = tp ? 2 : 4;
    // label → derived rows in order (a label can repeat: t4's fund rows under 结转).
    std::map<std::string, std::vector<int>> inc_rows, exp_rows;
    for (size_t i = 0; i < dt->rows.size(); ++i) {
      const auto& cells = dt->rows[i].cells;
      if (inc_label >= 0 && inc_label < static_cast<int>(cells.size()) &&
          !cells[inc_label].text.empty())
        inc_rows[key(cells[inc_label].text)].push_back(static_cast<int>(i));
      if (exp_label < static_cast<int>(cells.size()) && !cells[exp_label].text.empty())
        exp_rows[key(cells[exp_label].text)].push_back(static_cast<int>(i));
    }
    std::map<std::string, size_t> inc_seen, exp_seen;
    auto take = [](std::map<std::string, std::vector<int>>& rows,
                   std::map<std::string, size_t>& seen, const std::string& k) -> int {
      auto it = rows.find(k);
      if (it == rows.end()) return -1;
      size_t n = seen[k]++;
      return n < it->second.size() ? it->second[n] : -1;
    };
    for (const auto& r : t.rows) {
      if (!tp && !r.inc_raw.empty()) {
        int drow = take(inc_rows, inc_seen, key(r.inc_raw));
        link(t, tid, r, LCol::IncAmount, drow, inc_amount, r.inc_raw);
      }
      if (!r.exp_raw.empty()) {
        int drow = take(exp_rows, exp_seen, key(r.exp_raw));
        link(t, tid, r, LCol::ExpAmount, drow, exp_amount, r.exp_raw);
        if (id != TableId::Summary) {
          link(t, tid, r, LCol::Gpb, drow, exp_amount + 1, r.exp_raw + "（一般公共预算）");
          link(t, tid, r, LCol::Fund, drow, exp_amount + 2, r.exp_raw + "（政府性基金）");
          link(t, tid, r, LCol::Soc, drow, exp_amount + 3, r.exp_raw + "（国有资本经营）");
        }
      } else if (tp) {
        continue;
      }
    }
  }

  void link(const LabelTable& t, const char* tid, const LabelRow& r, LCol col, int drow, int dcol,
            const std::string& what) {
    if (!t.has(col)) return;
    const Val& v = r[col];
    // An unknown label with nothing printed is a heading ("支出功能分类" …), not a figure.
    if (drow < 0 && !v.present) return;
    CellLink l;
    l.where = t.where(v.ref);
    l.what = what;
    l.printed = v.m;
    l.unit = t.unit;
    if (drow >= 0) {
      l.table = tid;
      l.row = drow;
      l.col = dcol;
    }
    out_.push_back(std::move(l));
  }
};

}  // namespace

std::vector<CellLink> link_cells(const Collected& c, const Derived& d,
                                 std::vector<std::pair<std::string, std::string>>* missing,
                                 bool entry_rows_only) {
  return Linker(c, d, missing, entry_rows_only).run();
}

Money derived_value(const CellLink& l, const Derived& d) {
  if (l.table.empty()) return {};
  return at(d, l.table, l.row, l.col);
}

bool agrees(const CellLink& l, const Derived& d) {
  Money m = derived_value(l, d);
  if (l.unit == Unit::Yuan) return m == l.printed;
  const int64_t step = kFenPerWan / 100;
  return round_half_up(m.in_fen(), step) == round_half_up(l.printed.in_fen(), step);
}

size_t report_differences(const std::vector<CellLink>& links, const Derived& d, Report& report,
                          Finding::Level level) {
  size_t n = 0;
  for (const auto& l : links) {
    if (agrees(l, d)) continue;
    ++n;
    Money m = derived_value(l, d);
    if (l.unit == Unit::Wan)
      m = Money::fen(round_half_up(m.in_fen(), kFenPerWan / 100) * (kFenPerWan / 100));
    std::string text = l.what + " " + show(l.printed, l.unit) + " ≠ 按明细计算 " + show(m, l.unit);
    if (l.table.empty())
      text += "（BudgetPress 的表中没有这一行）";
    else if (!l.parts.empty())
      text += "（= " + l.parts + "）";
    if (level == Finding::Level::Error)
      report.error(l.where, text);
    else
      report.warning(l.where, text);
  }
  return n;
}

}  // namespace bp::import
