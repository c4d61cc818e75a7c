// A1-style references and the SUM() formulas of total rows.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bp::xlsx {

// 0 → "A", 25 → "Z", 26 → "AA", 16383 → "XFD".
std::string column_letters(int col);
// Zero-based row and column → "D6".
std::string cell_ref(int row, int col);
// "A1:D9" (a single cell gives "A1").
std::string range_ref(int first_row, int first_col, int last_row, int last_col);

// "=SUM(D6,D9)" / "=SUM(D6:D9,D12)": the cells of column `col` in the given zero-based sheet rows,
// runs of consecutive rows written as ranges. Rows are sorted and deduplicated first. nullopt when
// there are no rows or the formula would exceed Excel's 8192-character limit.
std::optional<std::string> sum_formula(int col, std::vector<int> rows);

// The target of an internal hyperlink to a cell of a sheet: "internal:'收支总表'!A1"
// (apostrophes in the name doubled).
std::string internal_link(std::string_view sheet_name, std::string_view cell = "A1");

}  // namespace bp::xlsx
