// The department YAML (docs/schema.md) written from imported facts: the primary facts, a comment
// with the name of every code, `# TODO(import): …` where a clerk must add what a workbook cannot
// hold (duties, institutions, last year's figures, projects, narrative texts), `expect:` with the
// workbook's printed totals that agree with the leaves, and the 尾差 ones as comments.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "import/interpret.hpp"
#include "import/parts.hpp"
#include "import/split.hpp"
#include "model/profile.hpp"
#include "model/validate.hpp"

namespace bp::import {

// A printed total of the workbook and what BudgetPress will derive from the imported leaves.
struct PrintedTotal {
  std::string key;    // expect key: income_total …
  std::string label;  // 本年收入合计 …
  std::string where;  // the cell
  Money printed, derived;
  Unit printed_unit = Unit::Wan;
  bool agrees = false;
};

struct YamlInput {
  std::string source;  // workbook file name for the header comment
  DeptInfo dept;
  int year = 0;
  FormChoice form;
  Unit unit = Unit::Wan;
  const std::vector<ImportedLine>* lines = nullptr;
  const std::vector<ImportedEconomic>* economic = nullptr;
  const ImportedThreePublic* three_public = nullptr;
  const CatalogAdditions* catalog = nullptr;
  const CodeNames* names = nullptr;
  std::vector<PrintedTotal> totals;
  const ImportedParts* parts = nullptr;
  size_t tail_gaps = 0;  // printed cells kept as published totals (尾差 settled in 元)
  // 机关运行经费明细 written as data (they add up to the 公用经费 or stated total to the 分);
  // else as a comment for the clerk to settle.
  bool running_items = true;
};

std::string write_yaml(const YamlInput& in);

// The sections of the parts beyond the 9 tables (yaml_parts.cpp).
void write_institutions_yaml(std::ostream& y, const ImportedParts& parts);
// projects and special_funds (each only when the workbook has it).
void write_projects_yaml(std::ostream& y, const ImportedParts& parts, Unit u);
void write_procurement_yaml(std::ostream& y, const ImportedParts& parts, Unit u);
void write_assets_yaml(std::ostream& y, const ImportedParts& parts, Unit u, int year);
// The 说明数据 sections (yaml_narrative.cpp).
void write_last_year_three_public_yaml(std::ostream& y, const NarrativeData& n, Unit u);
void write_previous_year_yaml(std::ostream& y, const NarrativeData& n, Unit u);
void write_running_cost_yaml(std::ostream& y, const NarrativeData& n, Unit u, bool items);

// A YAML scalar: plain when that reads back as the same string, else double-quoted.
std::string yaml_string(std::string_view s);
// An amount in the file's unit: 2 decimals ("2075.36", "58.00").
std::string yaml_money(Money m, Unit unit);

}  // namespace bp::import
