// `budgetpress import`: one workbook → one department YAML (docs/import.md).
//   read the package (xlsx_read) → find and read the 9 tables (collect, tables) → department, year
//   and form (interpret) → 项 lines by source (split), 5-digit economic lines, 三公 → the other
//   parts (parts: 机构设置, projects, 政府采购, 国有资产, 部门职责) → the leaves become a Budget
//   and derive computes every table, each printed cell compared with its derived cell
//   (derived_compare) → 尾差 of a 万元 export settled (tail_gap) → YAML (yaml_writer) → the YAML
//   checked like any department file.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "app/context.hpp"
#include "app/pipeline.hpp"
#include "import/report.hpp"

namespace bp::import {

struct ImportOptions {
  std::filesystem::path workbook;
  std::optional<int> year;             // --year: overrides (and is checked against) 预算年度
  std::optional<std::string> form;     // --form: profile id instead of the detected one
  std::string yaml_name = "<stdout>";  // how diagnostics of the written YAML name it
  bool strict = false;  // --strict: a printed cell that differs from the derived one is an error
};

struct ImportResult {
  Report report;     // findings in the workbook
  std::string yaml;  // empty when the workbook could not be imported (report has errors)
  std::optional<CheckedBudget> check;  // `budgetpress check` of `yaml`
  std::string form;
  size_t lines = 0, economic_lines = 0, projects = 0, indicators = 0;
  size_t special_funds = 0, special_indicators = 0;  // 专项资金 and their indicator rows
};

// Throws WorkbookIoError (unreadable workbook) and std::invalid_argument (unknown --form): both
// are usage/IO problems (exit 2); everything about the data is in the result.
ImportResult import_workbook(const ImportOptions& opt, const Context& ctx);

}  // namespace bp::import
