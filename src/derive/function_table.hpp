// Tables listed by 功能分类科目 (收入总表, 支出总表, 一般公共预算/政府性基金/国有资本经营 支出表):
// a 合计 row, then 类 → 款 → 项 rows depth-first in code order, only codes with money in that table.
#pragma once

#include <functional>
#include <vector>

#include "derive/derived.hpp"

namespace bp {

// `columns` adds one line's money into the table's amount columns (size ncols); lines that add
// nothing are left out. Returns body rows: [序号, 科目编码, 科目名称, amounts...].
std::vector<DRow> function_rows(const std::vector<ExpenditureLine>& lines, const CodeNames& names,
                                size_t ncols,
                                const std::function<void(const ExpenditureLine&, std::vector<Money>&)>& columns);

// Numbers the 序号 column (cell 0) 1..n.
void number_rows(std::vector<DRow>& rows);

// True when a displayed (rounded) sum row differs from the sum of its displayed parts.
bool has_rounding_gap(const std::vector<DRow>& rows);

}  // namespace bp
