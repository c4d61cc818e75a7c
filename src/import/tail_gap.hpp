// 尾差 of a 万元 export (docs/import.md “尾差”): the budget system keeps 元; exporting in 万元
// rounds every cell on its own, so a printed total can differ from the sum of its printed parts
// by rounding only. The printed totals are authoritative (they come from the 元 figures). This
// finds 元 values for the leaves — each within half a unit of the last printed place of its own
// printed value, so every part still prints as published — for which derive reproduces every
// printed cell, totals included. The document then prints the published totals, and derive marks
// the tables whose rounded parts miss their total, which prints the profile's 尾差 note.
//
// The search is a repair loop on the linear map leaves → printed cells, measured with derive
// itself (one derive per leaf, +1 分): move leaves of a violated cell within their own bounds and
// the slack of the cells they also feed. It fails (false) when the gaps are not rounding.
#pragma once

#include <functional>
#include <vector>

#include "derive/derived.hpp"
#include "import/derived_compare.hpp"

namespace bp::import {

struct TailGapResult {
  bool settled = false;
  std::vector<std::string> cells;  // the printed cells that differ from the sum of their parts
};

// `budget` holds the leaves as printed (万元 values, exact); on success its expenditure, economic
// and 三公 amounts are the 元 values found. `derive_fn` derives the 9 tables of a budget.
TailGapResult settle_tail_gaps(Budget& budget, const std::vector<CellLink>& links,
                               const std::function<Derived(const Budget&)>& derive_fn);

}  // namespace bp::import
