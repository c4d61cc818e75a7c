// The primary facts the YAML takes from the workbook: 项-level expenditure lines split
// basic/project (and the rarer 经营/上解/对附属 columns) and by funding source.
//
// For each 7-digit code of the 支出总表:
//  * gpb / fund / soc = the code's row in the 一般公共预算 / 政府性基金 / 国有资本经营 支出表
//    (基本支出, 项目支出);
//  * the rest of the 支出总表 row (non-fiscal money) goes to the sources of the code's 收入总表
//  row:
//    财政专户 → special, 事业 → business, 经营 → operating, 上级补助 → upper, 附属单位上缴 →
//    affiliated, 其他 → other, 上年结转 → carryover (the part not explained by fiscal carry-over,
//    see below);
//  * fiscal carry-over: when the three fiscal tables hold more for a code than the 收入总表's
//    财政拨款收入, the difference is 上年财政拨款结转 (carryover_gpb/fund/soc) and comes out of the
//    收入总表's 上年结转 column.
// When several kinds meet several sources on one code, the workbook does not say which money pays
// for what: the amounts are matched in column order (经营支出 with 经营收入 first) and the line is
// flagged `guessed` (a TODO in the YAML and a warning).
#pragma once

#include <array>
#include <string>
#include <vector>

#include "import/collect.hpp"
#include "model/department.hpp"

namespace bp::import {

struct ImportedLine {
  std::string code;
  Source source = Source::Gpb;
  std::array<Money, kKindCount> amounts{};  // by Kind
  bool guessed = false;
};

// Lines in code order, then source order. Inconsistencies that make a faithful split impossible
// are errors in `report`; a difference between two 万元 tables within rounding (尾差) is a warning
// and the 支出总表 is followed, unless `strict`.
std::vector<ImportedLine> split_lines(const Collected& c, Report& report, bool strict = false);

}  // namespace bp::import
