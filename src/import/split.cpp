#include "import/split.hpp"

#include <algorithm>
#include <map>

namespace bp::import {

namespace {

constexpr int kBasic = static_cast<int>(Kind::Basic), kProject = static_cast<int>(Kind::Project);

// North-west-corner matching of `rows` against `cols` (equal sums); out[i][j] the amount of row i
// paid by column j. Returns whether the matching was forced (at most one non-zero row or column).
template <size_t R, size_t C>
bool match(std::array<Money, R> rows, std::array<Money, C> cols,
           std::array<std::array<Money, C>, R>& out) {
  int nz_rows = 0, nz_cols = 0;
  for (auto m : rows) nz_rows += !m.zero();
  for (auto m : cols) nz_cols += !m.zero();
  size_t i = 0, j = 0;
  while (i < R && j < C) {
    if (rows[i].zero()) {
      ++i;
      continue;
    }
    if (cols[j].zero()) {
      ++j;
      continue;
    }
    Money take = std::min(rows[i], cols[j]);
    out[i][j] += take;
    rows[i] -= take;
    cols[j] -= take;
  }
  return nz_rows <= 1 || nz_cols <= 1;
}

struct Fiscal {
  std::array<std::array<Money, 2>, 3> v{};  // [fund 0 gpb, 1 fund, 2 soc][0 basic, 1 project]
  Money total() const {
    Money t;
    for (const auto& f : v) t += f[0] + f[1];
    return t;
  }
};

std::string code_desc(const std::string& code, const std::string& name) {
  return name.empty() ? code : code + " " + name;
}

}  // namespace

std::vector<ImportedLine> split_lines(const Collected& c, Report& report, bool strict) {
  std::vector<ImportedLine> lines;
  if (!c.expenditure) return lines;
  const CodeTable& t3 = *c.expenditure;
  const CodeTable* funds[3] = {c.gpb ? &*c.gpb : nullptr, c.fund ? &*c.fund : nullptr,
                               c.soc ? &*c.soc : nullptr};
  const CodeTable* t2 = c.income ? &*c.income : nullptr;
  if (!t3.has(Col::Basic) && !t3.has(Col::Project))
    report.error(qualified_ref(t3.layout->sheet->name, {t3.layout->header_first, 0}),
                 "支出总表没有“基本支出”“项目支出”列");

  // A code in a fund table but not in the 支出总表 cannot be placed.
  for (const CodeTable* f : funds)
    if (f)
      for (const auto& r : f->rows)
        if (!r.total && r.code.size() == 7 && !t3.find(r.code))
          report.error(
              f->where({r.row, f->code_col}),
              "科目 " + code_desc(r.code, r.name) + " 不在支出总表中（支出总表是全部资金的合计）");

  for (const auto& row : t3.rows) {
    if (row.total || row.code.size() != 7) continue;
    const std::string desc = code_desc(row.code, row.name);
    std::array<Money, kKindCount> kinds{};
    const Col kind_cols[kKindCount] = {Col::Basic, Col::Project, Col::Operating, Col::Upper,
                                       Col::Subsidiary};
    bool any = false;
    for (int k = 0; k < kKindCount; ++k) {
      kinds[k] = row[kind_cols[k]].m;
      any = any || row[kind_cols[k]].present;
    }
    if (!any) {
      if (row[Col::Total].present && !row[Col::Total].m.zero())
        report.error(t3.where(row.row, Col::Total),
                     desc + " 只有合计，没有基本支出/项目支出，无法判断支出类型");
      continue;
    }
    // Fiscal money of the code, by fund and kind.
    Fiscal fiscal;
    for (int f = 0; f < 3; ++f)
      if (funds[f])
        if (const CodeRow* fr = funds[f]->find(row.code)) {
          fiscal.v[f][0] = (*fr)[Col::Basic].m;
          fiscal.v[f][1] = (*fr)[Col::Project].m;
          if (!funds[f]->has(Col::Basic) && !funds[f]->has(Col::Project) &&
              (*fr)[Col::Total].present)
            report.error(funds[f]->where(fr->row, Col::Total),
                         std::string(table_name(funds[f]->layout->id)) + "没有基本支出/项目支出列");
        }
    // Two 万元 tables printing the same money can differ by rounding only (each cell rounded from
    // 元 on its own): at most half a unit of the last place per printed part. Such a gap is a
    // 尾差 (warned, the 支出总表 is followed) unless --strict.
    auto rounding = [&](Money gap, int parts) {
      if (strict || t3.unit != Unit::Wan || (t2 && t2->unit != Unit::Wan)) return false;
      const int64_t g = gap.negative() ? -gap.in_fen() : gap.in_fen();
      return g * 2 <= (kFenPerWan / 100) * std::max(parts, 2);
    };
    // The rest of the 支出总表 row is non-fiscal.
    std::array<Money, kKindCount> rest = kinds;
    bool negative = false;
    for (int k : {kBasic, kProject}) {
      Money fsum = fiscal.v[0][k] + fiscal.v[1][k] + fiscal.v[2][k];
      rest[k] -= fsum;
      if (rest[k].negative() && rounding(rest[k], 4)) {
        report.warning(t3.where(row.row, kind_cols[k]),
                       desc + " 的" + col_label(kind_cols[k]) + " " + show(kinds[k], t3.unit) +
                           " 比三张财政拨款支出表之和 " + show(fsum, t3.unit) +
                           " 少一个尾差，按财政拨款支出表导入");
        rest[k] = Money();
      }
      if (rest[k].negative()) {
        negative = true;
        report.error(t3.where(row.row, kind_cols[k]),
                     desc + " 的" + col_label(kind_cols[k]) + " " + show(kinds[k], t3.unit) +
                         " 小于三张财政拨款支出表中该科目的" + col_label(kind_cols[k]) + "之和 " +
                         show(fsum, t3.unit));
      }
    }
    if (negative) continue;
    Money rest_total;
    for (auto m : rest) rest_total += m;

    // Sources of the non-fiscal rest, and fiscal carry-over, from the 收入总表.
    constexpr int kNonFiscal = 7;  // special business operating upper affiliated other carryover
    const Source nf_sources[kNonFiscal] = {Source::Special,  Source::Business,   Source::Operating,
                                           Source::Upper,    Source::Affiliated, Source::Other,
                                           Source::Carryover};
    std::array<Money, kNonFiscal> sources{};
    Money fiscal_carry;
    const CodeRow* ir = t2 ? t2->find(row.code) : nullptr;
    if (ir) {
      Money fiscal_now = (*ir)[Col::Fiscal].m, carry = (*ir)[Col::Carry].m;
      fiscal_carry = fiscal.total() - fiscal_now;
      if (fiscal_carry.negative() && rounding(fiscal_carry, 4)) {
        report.warning(t2->where(ir->row, Col::Fiscal),
                       desc + " 的财政拨款收入 " + show(fiscal_now, t2->unit) +
                           " 与三张财政拨款支出表中该科目的合计 " + show(fiscal.total(), t3.unit) +
                           " 相差一个尾差，按支出表导入");
        fiscal_carry = Money();
      }
      if (fiscal_carry.negative() || fiscal_carry > carry) {
        report.error(
            t2->where(ir->row, Col::Fiscal),
            desc + " 的财政拨款收入 " + show(fiscal_now, t2->unit) +
                (fiscal_carry.negative() ? " 大于"
                                         : "（加上年结转 " + show(carry, t2->unit) + "）小于") +
                "三张财政拨款支出表中该科目的合计 " + show(fiscal.total(), t3.unit));
        continue;
      }
      const Col cols[6] = {Col::Special,     Col::Business,   Col::OpIncome,
                           Col::UpperIncome, Col::Affiliated, Col::Other};
      for (int s = 0; s < 6; ++s) sources[s] = (*ir)[cols[s]].m;
      sources[6] = carry - fiscal_carry;
      Money src_total;
      int parts = 0;
      for (auto m : sources) src_total += m, parts += !m.zero();
      for (auto m : rest) parts += !m.zero();
      if (src_total != rest_total && rounding(src_total - rest_total, parts + 2)) {
        // The 支出总表's non-fiscal money is split; the difference goes to the largest source.
        int big = 0;
        for (int s = 1; s < kNonFiscal; ++s)
          if (sources[s] > sources[big]) big = s;
        static const char* kNames[kNonFiscal] = {"财政专户收入", "事业收入",         "经营收入",
                                                 "上级补助收入", "附属单位上缴收入", "其他收入",
                                                 "上年结转"};
        report.warning(t2->where({ir->row, t2->code_col}),
                       desc + "：收入总表中非财政拨款资金 " + show(src_total, t2->unit) +
                           " 与支出总表中非财政拨款支出 " + show(rest_total, t3.unit) +
                           " 相差一个尾差，按支出总表拆分，差额计入" + kNames[big]);
        sources[big] += rest_total - src_total;
        src_total = rest_total;
      }
      if (src_total != rest_total) {
        report.error(t2->where({ir->row, t2->code_col}),
                     desc + "：收入总表中非财政拨款资金 " + show(src_total, t2->unit) +
                         " 与支出总表中非财政拨款支出 " + show(rest_total, t3.unit) +
                         "（支出总表减三张财政拨款支出表）不一致，无法按来源拆分");
        continue;
      }
    } else if (!rest_total.zero()) {
      report.error(t3.where({row.row, t3.code_col}),
                   desc + " 有非财政拨款支出 " + show(rest_total, t3.unit) +
                       (t2 ? "，但收入总表没有这一科目" : "，但工作簿中没有收入总表") +
                       "，无法确定资金来源");
      continue;
    }

    std::map<Source, ImportedLine> by_source;
    auto add = [&](Source s, int kind, Money m, bool guessed) {
      if (m.zero()) return;
      auto& l = by_source[s];
      l.code = row.code;
      l.source = s;
      l.amounts[kind] += m;
      l.guessed = l.guessed || guessed;
    };
    // Fiscal: this year's money and, when there is fiscal carry-over, 上年结转 (project money
    // first).
    std::array<Money, 6>
        pairs{};  // gpb.project, gpb.basic, fund.project, fund.basic, soc.project, soc.basic
    for (int f = 0; f < 3; ++f) {
      pairs[2 * f] = fiscal.v[f][1];
      pairs[2 * f + 1] = fiscal.v[f][0];
    }
    std::array<std::array<Money, 1>, 6> carry_of{};
    bool carry_forced = true;
    if (!fiscal_carry.zero()) {
      match(pairs, std::array<Money, 1>{fiscal_carry}, carry_of);
      int nonzero = 0;
      for (auto m : pairs) nonzero += !m.zero();
      carry_forced = nonzero <= 1 || fiscal_carry == fiscal.total();
    }
    if (!carry_forced)
      report.warning(t2->where(ir->row, Col::Carry),
                     desc + " 的上年财政拨款结转 " + show(fiscal_carry, t2->unit) +
                         " 分属哪一资金、基本还是项目支出，工作簿中看不出；已按 项目支出在先 "
                         "的顺序拆分，请核对");
    const Source now_src[3] = {Source::Gpb, Source::Fund, Source::Soc};
    const Source carry_src[3] = {Source::CarryGpb, Source::CarryFund, Source::CarrySoc};
    for (int f = 0; f < 3; ++f)
      for (int k : {kProject, kBasic}) {
        int p = 2 * f + (k == kProject ? 0 : 1);
        add(now_src[f], k, pairs[p] - carry_of[p][0], false);
        add(carry_src[f], k, carry_of[p][0], !carry_forced);
      }
    // Non-fiscal: 经营支出 with 经营收入 first, then in column order.
    std::array<std::array<Money, kNonFiscal>, kKindCount> paid{};
    const int op_kind = static_cast<int>(Kind::Operating), op_src = 2;
    Money both = std::min(rest[op_kind], sources[op_src]);
    paid[op_kind][op_src] = both;
    rest[op_kind] -= both;
    sources[op_src] -= both;
    bool forced = match(rest, sources, paid);
    if (!forced)
      report.warning(t3.where({row.row, t3.code_col}),
                     desc +
                         " 的非财政拨款支出涉及多种支出类型和多个资金来源，工作簿中看不出对应关系；"
                         "已按列的顺序拆分，请核对导入文件中标有 TODO 的行");
    for (int k = 0; k < kKindCount; ++k)
      for (int s = 0; s < kNonFiscal; ++s) add(nf_sources[s], k, paid[k][s], !forced);
    for (auto& [s, l] : by_source) lines.push_back(std::move(l));
  }
  std::stable_sort(lines.begin(), lines.end(), [](const ImportedLine& a, const ImportedLine& b) {
    return a.code != b.code ? a.code < b.code
                            : static_cast<int>(a.source) < static_cast<int>(b.source);
  });
  return lines;
}

}  // namespace bp::import
