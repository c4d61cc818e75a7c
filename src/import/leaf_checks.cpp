#include "import/leaf_checks.hpp"

namespace bp::import {

void check_leaves(const Collected& c, const std::vector<ImportedLine>& lines,
                  const std::vector<ImportedEconomic>& economic, const CodeNames& names,
                  Report& report) {
  const CodeTable* t6 = c.code_table(TableId::GpbBasic);
  if (!t6 || report.has_errors()) return;  // after an error some codes have no lines
  Money econ, gpb_basic;
  for (const auto& e : economic) econ += e.amount;
  for (const auto& l : lines)
    if (l.source == Source::Gpb || l.source == Source::CarryGpb)
      gpb_basic += l.amounts[static_cast<int>(Kind::Basic)];
  if (econ != gpb_basic) {
    // Within rounding (a 万元 export: each part rounded on its own) this is a 尾差, which the
    // tail-gap policy settles; a larger gap is an error in the workbook.
    const Money gap = econ > gpb_basic ? econ - gpb_basic : gpb_basic - econ;
    const bool rounding =
        t6->unit == Unit::Wan &&
        gap.in_fen() * 2 <=
            (kFenPerWan / 100) * static_cast<int64_t>(economic.size() + lines.size());
    if (!rounding)
      report.error(t6->where({t6->layout->data_first, t6->code_col}),
                   "基本支出表各款（5 位科目）之和 " + show(econ, c.unit) +
                       " ≠ 一般公共预算支出表各项的基本支出之和 " + show(gpb_basic, c.unit) +
                       "；导入的文件将通不过检查（E041）");
  }
  // 人员经费 / 公用经费 columns against the catalogue's kind of each class.
  if (t6->has(Col::Personnel) && t6->has(Col::Public))
    for (const auto& r : t6->rows) {
      if (r.total) continue;
      auto kind = names.economic_kind(r.code);
      if (!kind) continue;
      Col wrong = *kind == EconKind::Personnel ? Col::Public : Col::Personnel;
      if (!r[wrong].m.zero())
        report.warning(t6->where(r[wrong].ref),
                       (r.name.empty() ? r.code : r.code + " " + r.name) + " 列在" +
                           col_label(wrong) + "，科目目录中 " + r.code.substr(0, 3) + " 属于" +
                           (*kind == EconKind::Personnel ? "人员经费" : "公用经费") +
                           "（BudgetPress 按科目目录归类）");
    }
}

}  // namespace bp::import
