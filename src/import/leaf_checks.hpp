// What the imported leaves must satisfy before they can become a department file, checked on the
// leaves themselves (no totals are added up here — derive does that, see derived_compare.hpp):
//  * Σ 基本支出表 5-digit lines = Σ 基本支出 of the 一般公共预算 lines (check rejects it: E041);
//  * a 5-digit line printed under 人员经费 / 公用经费 against the catalogue's kind of its class.
#pragma once

#include <vector>

#include "import/collect.hpp"
#include "import/interpret.hpp"
#include "import/split.hpp"

namespace bp::import {

void check_leaves(const Collected& c, const std::vector<ImportedLine>& lines,
                  const std::vector<ImportedEconomic>& economic, const CodeNames& names,
                  Report& report);

}  // namespace bp::import
