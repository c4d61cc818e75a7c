#include "import/consistency.hpp"

#include <map>
#include <set>

namespace bp::import {

namespace {

std::string key(std::string_view label) {
  return strip_numbering(norm_label(label));
}

// Equal as printed: exact in one unit; across units, at the coarser one (0.01 万元).
bool same(Money a, Unit ua, Money b, Unit ub) {
  if (ua == ub) return a == b;
  const int64_t step = kFenPerWan / 100;
  return round_half_up(a.in_fen(), step) == round_half_up(b.in_fen(), step);
}

struct Part {
  std::string name;
  Money m;
};

std::string parts_text(const std::vector<Part>& parts, Unit u) {
  std::string out;
  size_t shown = 0;
  for (const auto& p : parts) {
    if (shown == 8) {
      out += " + …（共 " + std::to_string(parts.size()) + " 项）";
      break;
    }
    out += (shown ? " + " : "") + (p.name.empty() ? "" : p.name + " ") + show(p.m, u);
    ++shown;
  }
  return out;
}

class Checker {
 public:
  Checker(const Collected& c, const Profile& p, const ImportedFacts& f, const CodeNames& n,
          Report& r)
      : c_(c), p_(p), f_(f), names_(n), r_(r), lines_complete_(!r.has_errors()) {}

  void run() {
    for (TableId id : {TableId::Income, TableId::Expenditure, TableId::Gpb, TableId::Fund,
                       TableId::Soc, TableId::GpbBasic})
      if (const CodeTable* t = c_.code_table(id)) {
        hierarchy(*t);
        rows(*t);
      }
    income_vs_expenditure();
    summary();
    fiscal();
    basic();
    three_public();
  }

 private:
  const Collected& c_;
  const Profile& p_;
  const ImportedFacts& f_;
  const CodeNames& names_;
  Report& r_;
  // After an error some codes have no lines: comparisons with the imported lines would mislead.
  bool lines_complete_ = true;

  Money lines_of(std::initializer_list<Source> sources) const {
    Money m;
    for (const auto& l : *f_.lines)
      for (Source s : sources)
        if (l.source == s)
          for (auto a : l.amounts) m += a;
    return m;
  }

  // ---- one code table --------------------------------------------------------------------------

  static std::string row_desc(const CodeRow& r) {
    if (r.total) return "合计行";
    return r.name.empty() ? r.code : r.code + " " + r.name;
  }

  void sum_check(const CodeTable& t, const CodeRow& total, Col col,
                 const std::vector<const CodeRow*>& kids, const char* level) {
    if (kids.empty() || !t.has(col)) return;
    Money sum;
    std::vector<Part> parts;
    for (const CodeRow* k : kids) {
      sum += (*k)[col].m;
      if (!(*k)[col].m.zero()) parts.push_back({k->code, (*k)[col].m});
    }
    const Val& v = total[col];
    if (v.m == sum) return;
    r_.warning(t.where(v.ref), std::string(col_label(col)) + " " + show(v.m, t.unit) + " ≠ Σ " +
                                   level + " " + show(sum, t.unit) + "（" + row_desc(total) +
                                   " = " + parts_text(parts, t.unit) + "）");
  }

  void hierarchy(const CodeTable& t) {
    const bool economic = t.layout->id == TableId::GpbBasic;
    const size_t leaf_len = economic ? 5 : 7;
    std::vector<const CodeRow*> classes, all;
    for (const auto& r : t.rows)
      if (!r.total) {
        all.push_back(&r);
        if (r.code.size() == 3) classes.push_back(&r);
      }
    // Rows by (parent prefix, code length), built once: "201"+5 → its 款, "20103"+7 → its 项.
    std::map<std::pair<std::string, size_t>, std::vector<const CodeRow*>> children;
    for (const CodeRow* r : all) {
      children[{"", r->code.size()}].push_back(r);
      for (size_t plen : {size_t{3}, size_t{5}})
        if (r->code.size() > plen) children[{r->code.substr(0, plen), r->code.size()}].push_back(r);
    }
    static const std::vector<const CodeRow*> kNone;
    auto under = [&](const std::string& prefix, size_t len) -> const std::vector<const CodeRow*>& {
      auto it = children.find({prefix, len});
      return it == children.end() ? kNone : it->second;
    };
    std::set<std::string> missing_reported;
    for (const CodeRow* r : all) {
      // A row whose parent is not printed (the table lists 类, 款, 项 depth-first).
      for (size_t plen : {size_t{3}, size_t{5}}) {
        if (r->code.size() <= plen) continue;
        std::string parent = r->code.substr(0, plen);
        if (!t.find(parent) && missing_reported.insert(parent).second)
          r_.warning(t.where({r->row, t.code_col}),
                     "科目 " + r->code + " 的上级科目 " + parent + " 没有列出（无法核对该级合计）");
      }
    }
    for (int k = 0; k < kColCount; ++k) {
      Col col = static_cast<Col>(k);
      if (!t.has(col)) continue;
      if (const CodeRow* total = t.total_row()) {
        if (!classes.empty())
          sum_check(t, *total, col, classes, "类");
        else
          sum_check(t, *total, col, under("", leaf_len), economic ? "款" : "项");
      }
      for (const CodeRow* r : all) {
        if (r->code.size() == 3) {
          const auto& kuan = under(r->code, 5);
          if (!economic && kuan.empty())
            sum_check(t, *r, col, under(r->code, 7), "项");
          else
            sum_check(t, *r, col, kuan, "款");
        } else if (r->code.size() == 5 && !economic) {
          sum_check(t, *r, col, under(r->code, 7), "项");
        }
      }
    }
  }

  void row_identity(const CodeTable& t, const CodeRow& r, Col total,
                    std::initializer_list<Col> parts) {
    if (!t.has(total)) return;
    Money sum;
    std::string values;
    bool any = false;
    for (Col p : parts) {
      if (!t.has(p)) continue;
      any = true;
      sum += r[p].m;
      if (!r[p].m.zero())
        values +=
            std::string(values.empty() ? "" : " + ") + col_label(p) + " " + show(r[p].m, t.unit);
    }
    if (!any || r[total].m == sum) return;
    r_.warning(t.where(r[total].ref), std::string(col_label(total)) + " " +
                                          show(r[total].m, t.unit) + " ≠ 各列之和 " +
                                          show(sum, t.unit) + "（" + row_desc(r) + "：" +
                                          (values.empty() ? "各列均为空" : values) + "）");
  }

  void rows(const CodeTable& t) {
    for (const auto& r : t.rows) {
      switch (t.layout->id) {
        case TableId::Expenditure:
          row_identity(t, r, Col::Total,
                       {Col::Basic, Col::Project, Col::Operating, Col::Upper, Col::Subsidiary});
          break;
        case TableId::Income:
          if (t.has(Col::Subtotal)) {
            row_identity(t, r, Col::Total, {Col::Subtotal, Col::Carry});
            row_identity(t, r, Col::Subtotal,
                         {Col::Fiscal, Col::Special, Col::Business, Col::OpIncome, Col::UpperIncome,
                          Col::Affiliated, Col::Other});
          } else {
            row_identity(t, r, Col::Total,
                         {Col::Fiscal, Col::Special, Col::Business, Col::OpIncome, Col::UpperIncome,
                          Col::Affiliated, Col::Other, Col::Carry});
          }
          break;
        case TableId::GpbBasic:
          row_identity(t, r, Col::Total, {Col::Personnel, Col::Public});
          break;
        default:
          row_identity(t, r, Col::Total, {Col::Basic, Col::Project});
      }
    }
  }

  // ---- across tables
  // -----------------------------------------------------------------------------

  void income_vs_expenditure() {
    if (!c_.income || !c_.expenditure) return;
    const CodeTable& t2 = *c_.income;
    const CodeTable& t3 = *c_.expenditure;
    if (!t2.has(Col::Total) || !t3.has(Col::Total)) return;
    for (const auto& r3 : t3.rows) {
      const CodeRow* r2 = r3.total ? t2.total_row() : t2.find(r3.code);
      if (!r2) {
        if (!r3[Col::Total].m.zero())
          r_.warning(t3.where(r3[Col::Total].ref),
                     "收入总表中没有" + (r3.total ? std::string("合计行") : "科目 " + r3.code) +
                         "（支出总表为 " + show(r3[Col::Total].m, t3.unit) + "）");
        continue;
      }
      if (!same((*r2)[Col::Total].m, t2.unit, r3[Col::Total].m, t3.unit))
        r_.warning(t2.where((*r2)[Col::Total].ref),
                   "合计 " + show((*r2)[Col::Total].m, t2.unit) + " ≠ 支出总表 " +
                       t3.where(r3[Col::Total].ref) + " 的 " + show(r3[Col::Total].m, t3.unit) +
                       "（" + row_desc(r3) + "）");
    }
    for (const auto& r2 : t2.rows)
      if (!r2.total && !t3.find(r2.code) && !r2[Col::Total].m.zero())
        r_.warning(t2.where(r2[Col::Total].ref), "支出总表中没有科目 " + r2.code + "（收入总表为 " +
                                                     show(r2[Col::Total].m, t2.unit) + "）");
  }

  // The category code of a 收支总表 / 财政拨款收支总表 支出 label ("一般公共服务支出" → 201).
  std::optional<std::string> category(const std::string& label) const {
    for (const auto& cat : p_.categories)
      if (key(cat.label) == label) return cat.code;
    return std::nullopt;
  }

  Money class_total(const CodeTable* t, const std::string& code) const {
    if (!t || code.empty()) return {};
    if (const CodeRow* r = t->find(code)) return (*r)[Col::Total].m;
    // No 类 row printed: the sum of its 项.
    Money m;
    for (const auto& r : t->rows)
      if (!r.total && r.code.size() == 7 && r.code.compare(0, 3, code) == 0) m += r[Col::Total].m;
    return m;
  }

  void compare(const LabelTable& t, const Val& v, const std::string& what, Money expected, Unit eu,
               const std::string& against) {
    if (!v.present && expected.zero()) return;
    if (same(v.m, t.unit, expected, eu)) return;
    r_.warning(t.where(v.ref),
               what + " " + show(v.m, t.unit) + " ≠ " + against + " " + show(expected, eu));
  }

  void summary() {
    if (!c_.summary) return;
    const LabelTable& t = *c_.summary;
    const CodeTable* t3 = c_.code_table(TableId::Expenditure);
    const Unit u = c_.unit;
    Money income_rows, cat_rows;
    const Val *income_total = nullptr, *exp_total = nullptr, *carry_in = nullptr,
              *carry_out = nullptr, *grand_in = nullptr, *grand_out = nullptr;
    std::set<std::string> unknown;
    for (const auto& r : t.rows) {
      // 收入 side
      if (!r.inc_label.empty()) {
        bool known = false;
        for (const auto& def : p_.summary_income_rows)
          if (key(def.label) == r.inc_label || key(def.label) == r.inc_label + "收入") {
            known = true;
            Money derived;
            for (Source s : def.sources) derived += lines_of({s});
            income_rows += r[LCol::IncAmount].m;
            if (lines_complete_)
              compare(t, r[LCol::IncAmount], r.inc_raw, derived, u, "项级明细之和");
          }
        if (r.inc_label == "本年收入合计")
          income_total = &r[LCol::IncAmount], known = true;
        else if (r.inc_label == "上年结转结余" || r.inc_label == "上年结转")
          carry_in = &r[LCol::IncAmount], known = true;
        else if (r.inc_label == "收入总计")
          grand_in = &r[LCol::IncAmount], known = true;
        if (!known && r[LCol::IncAmount].present)
          r_.warning(t.where({r.row, t.cols[static_cast<int>(LCol::IncLabel)]}),
                     "收支总表中无法识别的收入行“" + r.inc_raw + "”，未核对");
      }
      // 支出 side
      if (!r.exp_label.empty()) {
        if (auto code = category(r.exp_label)) {
          cat_rows += r[LCol::ExpAmount].m;
          if (t3)
            compare(t, r[LCol::ExpAmount], r.exp_raw, class_total(t3, *code), t3->unit,
                    "支出总表 " + *code + " 合计");
        } else if (r.exp_label == "本年支出合计") {
          exp_total = &r[LCol::ExpAmount];
        } else if (r.exp_label == "年终结转结余" || r.exp_label == "年末结转结余") {
          carry_out = &r[LCol::ExpAmount];
        } else if (r.exp_label == "支出总计") {
          grand_out = &r[LCol::ExpAmount];
        } else if (r[LCol::ExpAmount].present) {
          r_.warning(t.where({r.row, t.cols[static_cast<int>(LCol::ExpLabel)]}),
                     "收支总表中无法识别的支出行“" + r.exp_raw + "”，未核对");
        }
      }
    }
    if (income_total) {
      compare(t, *income_total, "本年收入合计", income_rows, t.unit, "Σ 收入各行");
    }
    if (exp_total) {
      compare(t, *exp_total, "本年支出合计", cat_rows, t.unit, "Σ 支出各类");
      if (t3)
        if (const CodeRow* tot = t3->total_row())
          compare(t, *exp_total, "本年支出合计", (*tot)[Col::Total].m, t3->unit,
                  "支出总表 " + t3->where((*tot)[Col::Total].ref));
      if (income_total)
        compare(t, *income_total, "本年收入合计", exp_total->m, t.unit, "本年支出合计");
    }
    if (carry_in && lines_complete_)
      compare(t, *carry_in, "上年结转结余",
              lines_of({Source::CarryGpb, Source::CarryFund, Source::CarrySoc, Source::Carryover}),
              u, "项级明细中上年结转资金之和");
    if (grand_in && income_total)
      compare(t, *grand_in, "收入总计", income_total->m + (carry_in ? carry_in->m : Money()),
              t.unit, "本年收入合计 + 上年结转结余");
    if (grand_out && exp_total)
      compare(t, *grand_out, "支出总计", exp_total->m + (carry_out ? carry_out->m : Money()),
              t.unit, "本年支出合计 + 年终结转结余");
    if (grand_in && grand_out) compare(t, *grand_out, "支出总计", grand_in->m, t.unit, "收入总计");
  }

  void fiscal() {
    if (!c_.fiscal) return;
    const LabelTable& t = *c_.fiscal;
    const Unit u = c_.unit;
    const CodeTable* funds[3] = {c_.code_table(TableId::Gpb), c_.code_table(TableId::Fund),
                                 c_.code_table(TableId::Soc)};
    const LCol fund_cols[3] = {LCol::Gpb, LCol::Fund, LCol::Soc};
    const char* fund_names[3] = {"一般公共预算拨款", "政府性基金预算拨款", "国有资本经营预算拨款"};
    const Source now[3] = {Source::Gpb, Source::Fund, Source::Soc};
    const Source carry[3] = {Source::CarryGpb, Source::CarryFund, Source::CarrySoc};
    bool after_carry_header = false;
    Money income_rows, carry_rows;
    std::array<Money, 4> cat_sum{};  // 合计, gpb, fund, soc
    const LabelRow *income_total = nullptr, *exp_total = nullptr, *carry_head = nullptr,
                   *grand_in = nullptr, *grand_out = nullptr, *carry_out = nullptr;
    for (const auto& r : t.rows) {
      if (!r.inc_label.empty()) {
        if (r.inc_label == "本年收入合计")
          income_total = &r;
        else if (r.inc_label == "收入总计")
          grand_in = &r;
        else if (contains(r.inc_label, "结转"))
          carry_head = &r, after_carry_header = true;
        for (int f = 0; f < 3; ++f)
          if (r.inc_label == fund_names[f] || r.inc_label == std::string(fund_names[f]) + "收入") {
            Money derived = lines_of({after_carry_header ? carry[f] : now[f]});
            (after_carry_header ? carry_rows : income_rows) += r[LCol::IncAmount].m;
            if (lines_complete_)
              compare(t, r[LCol::IncAmount], r.inc_raw, derived, u,
                      after_carry_header ? "项级明细中上年结转资金之和" : "项级明细之和");
          }
      }
      if (!r.exp_label.empty()) {
        if (auto code = category(r.exp_label)) {
          cat_sum[0] += r[LCol::ExpAmount].m;
          for (int f = 0; f < 3; ++f) {
            cat_sum[f + 1] += r[fund_cols[f]].m;
            if (funds[f] && t.has(fund_cols[f]))
              compare(t, r[fund_cols[f]], r.exp_raw + "（" + fund_names[f] + "）",
                      class_total(funds[f], *code), funds[f]->unit,
                      std::string(table_name(funds[f]->layout->id)) + " " + *code + " 合计");
          }
        } else if (r.exp_label == "本年支出合计") {
          exp_total = &r;
        } else if (r.exp_label == "支出总计") {
          grand_out = &r;
        } else if (contains(r.exp_label, "结转")) {
          carry_out = &r;
        }
        // 合计 = 一般公共预算 + 政府性基金 + 国有资本经营 on every 支出 row.
        if (t.has(LCol::ExpAmount) && (t.has(LCol::Gpb) || t.has(LCol::Fund) || t.has(LCol::Soc)))
          compare(t, r[LCol::ExpAmount], r.exp_raw + " 合计",
                  r[LCol::Gpb].m + r[LCol::Fund].m + r[LCol::Soc].m, t.unit, "三种财政拨款之和");
      }
    }
    if (income_total)
      compare(t, (*income_total)[LCol::IncAmount], "本年收入合计", income_rows, t.unit,
              "Σ 收入各行");
    if (exp_total) {
      compare(t, (*exp_total)[LCol::ExpAmount], "本年支出合计", cat_sum[0], t.unit, "Σ 支出各类");
      for (int f = 0; f < 3; ++f)
        compare(t, (*exp_total)[fund_cols[f]], std::string("本年支出合计（") + fund_names[f] + "）",
                cat_sum[f + 1], t.unit, "Σ 支出各类");
      if (income_total)
        compare(t, (*income_total)[LCol::IncAmount], "本年收入合计",
                (*exp_total)[LCol::ExpAmount].m, t.unit, "本年支出合计");
    }
    if (grand_in && income_total) {
      Money carry_in =
          carry_rows.zero() && carry_head ? (*carry_head)[LCol::IncAmount].m : carry_rows;
      compare(t, (*grand_in)[LCol::IncAmount], "收入总计",
              (*income_total)[LCol::IncAmount].m + carry_in, t.unit,
              "本年收入合计 + 年初财政拨款结转和结余");
    }
    if (grand_out && exp_total)
      compare(
          t, (*grand_out)[LCol::ExpAmount], "支出总计",
          (*exp_total)[LCol::ExpAmount].m + (carry_out ? (*carry_out)[LCol::ExpAmount].m : Money()),
          t.unit, "本年支出合计 + 年末财政拨款结转和结余");
  }

  void basic() {
    const CodeTable* t6 = c_.code_table(TableId::GpbBasic);
    const CodeTable* t5 = c_.code_table(TableId::Gpb);
    if (t6 && t5 && t6->has(Col::Total) && t5->has(Col::Basic))
      if (const CodeRow* a = t6->total_row(), *b = t5->total_row(); a && b)
        if (!same((*a)[Col::Total].m, t6->unit, (*b)[Col::Basic].m, t5->unit))
          r_.warning(t6->where((*a)[Col::Total].ref),
                     "合计 " + show((*a)[Col::Total].m, t6->unit) + " ≠ 一般公共预算支出表 " +
                         t5->where((*b)[Col::Basic].ref) + " 的基本支出 " +
                         show((*b)[Col::Basic].m, t5->unit));
    // What the YAML will hold must agree (check: E041).
    if (t6 && lines_complete_) {
      Money econ, gpb_basic;
      for (const auto& e : *f_.economic) econ += e.amount;
      for (const auto& l : *f_.lines)
        if (l.source == Source::Gpb || l.source == Source::CarryGpb)
          gpb_basic += l.amounts[static_cast<int>(Kind::Basic)];
      if (econ != gpb_basic)
        r_.error(t6->where({t6->layout->data_first, t6->code_col}),
                 "基本支出表各款（5 位科目）之和 " + show(econ, c_.unit) +
                     " ≠ 一般公共预算支出表各项的基本支出之和 " + show(gpb_basic, c_.unit) +
                     "；导入的文件将通不过检查（E041）");
      // 人员经费 / 公用经费 columns against the catalogue's kind of each class.
      if (t6->has(Col::Personnel) && t6->has(Col::Public))
        for (const auto& r : t6->rows) {
          if (r.total) continue;
          auto kind = names_.economic_kind(r.code);
          if (!kind) continue;
          Col wrong = *kind == EconKind::Personnel ? Col::Public : Col::Personnel;
          if (!r[wrong].m.zero())
            r_.warning(t6->where(r[wrong].ref),
                       row_desc(r) + " 列在" + col_label(wrong) + "，科目目录中 " +
                           r.code.substr(0, 3) + " 属于" +
                           (*kind == EconKind::Personnel ? "人员经费" : "公用经费") +
                           "（BudgetPress 按科目目录归类）");
        }
    }
  }

  void three_public() {
    if (!c_.three_public || !f_.three_public) return;
    const LabelTable& t = *c_.three_public;
    std::map<std::string, const ThreePublicRowDef*> defs;
    if (auto it = p_.three_public_layouts.find(f_.three_public_layout);
        it != p_.three_public_layouts.end())
      for (const auto& r : it->second) defs.emplace(key(r.label), &r);
    for (const auto& [name, rows] : p_.three_public_layouts)
      for (const auto& r : rows) defs.emplace(key(r.label), &r);
    const LCol cols[4] = {LCol::ExpAmount, LCol::Gpb, LCol::Fund, LCol::Soc};
    const char* names[4] = {"合计", "一般公共预算", "政府性基金", "国有资本经营"};
    for (const auto& r : t.rows) {
      if (t.has(LCol::ExpAmount) && (t.has(LCol::Gpb) || t.has(LCol::Fund) || t.has(LCol::Soc)) &&
          (r[LCol::Gpb].present || r[LCol::Fund].present || r[LCol::Soc].present))
        compare(t, r[LCol::ExpAmount], r.exp_raw + " 合计",
                r[LCol::Gpb].m + r[LCol::Fund].m + r[LCol::Soc].m, t.unit, "各资金性质之和");
      auto it = defs.find(r.exp_label);
      if (it == defs.end() || it->second->items.size() < 2) continue;
      for (int k = 0; k < 4; ++k) {
        if (!t.has(cols[k])) continue;
        Money sum;
        for (TpItem item : it->second->items)
          sum += k == 0 ? f_.three_public->item(item)
                        : f_.three_public->v[static_cast<int>(item)][k - 1];
        compare(t, r[cols[k]], r.exp_raw + "（" + names[k] + "）", sum, c_.unit, "Σ 所含各项");
      }
    }
  }
};

}  // namespace

void check_consistency(const Collected& c, const Profile& profile, const ImportedFacts& facts,
                       const CodeNames& names, Report& report) {
  Checker(c, profile, facts, names, report).run();
}

}  // namespace bp::import
