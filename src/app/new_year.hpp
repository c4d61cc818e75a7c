// `budgetpress new-year`: next year's department file from this year's (docs/batch.md#new-year).
//
// The file is edited as text, not re-serialised, so the clerk's layout and comments survive:
//   - department.year + 1; the form becomes next year's own form where that profile `continues`
//     this one unchanged (2024 → 2025), else it is kept;
//   - every amount of this year becomes 0 — income, expenditure lines, basic_economic,
//     running_cost items, project/special-fund amounts, procurement amounts and prices, asset
//     values — while codes, sources, names, quantities, texts and structure stay: `check` then
//     lists each line still to fill (E023 for an expenditure line, E072 for a procurement row);
//   - previous_year is rewritten with this year's derived 基本支出 / 项目支出 / 公用经费
//   (机关运行经费);
//   - three_public is rewritten: last_year = this year's this_year, this_year with every item 0;
//   - reasons (this year's explanations) and expect (this year's totals) are dropped.
#pragma once

#include <filesystem>
#include <string>

#include "app/pipeline.hpp"

namespace bp {

struct NextYearFile {
  std::string yaml;
  int year = 0;           // the new budget year
  std::string form;       // the form the new file names (department.form)
  std::string file_name;  // "<code>.yaml", sanitized
};

// `text` are the exact bytes that `c` was checked from; `c.ok()` must hold (the derived figures
// fill previous_year). `source` names the file in the generated header comment. `next_form` is
// the profile of the new year (Context::profile_for_year), nullptr to keep the form.
// Throws std::runtime_error when the text cannot be edited safely.
NextYearFile next_year_file(const std::string& text, const CheckedBudget& c,
                            const std::string& source, const Profile* next_form = nullptr);

// Where next year's file goes without --out: for a file in a directory named after its year
// (depts/2023/434.yaml), the sibling directory of the next year (depts/2024/); empty otherwise.
std::filesystem::path default_next_year_dir(const std::filesystem::path& file, int year);

}  // namespace bp
