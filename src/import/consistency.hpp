// Every identity between the imported tables, checked in exact decimal arithmetic: 类 = Σ 款 = Σ 项
// and 合计 = Σ 类 per column, the row identities (合计 = 基本 + 项目 …), and across tables
// (收支总表 vs 支出总表 by category, 一般公共预算表 vs 基本支出表, 财政拨款收支总表 vs the fund
// tables, the income rows vs the imported lines). A disagreement is a warning naming the cell —
// never "fixed": the YAML takes the leaf rows, and BudgetPress derives every total from them.
#pragma once

#include <vector>

#include "import/collect.hpp"
#include "import/interpret.hpp"
#include "import/split.hpp"
#include "model/profile.hpp"

namespace bp::import {

struct ImportedFacts {
  const std::vector<ImportedLine>* lines = nullptr;
  const std::vector<ImportedEconomic>* economic = nullptr;
  const ImportedThreePublic* three_public = nullptr;
  std::string three_public_layout;
};

void check_consistency(const Collected& c, const Profile& profile, const ImportedFacts& facts,
                       const CodeNames& names, Report& report);

}  // namespace bp::import
