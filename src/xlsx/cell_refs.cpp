#include "xlsx/cell_refs.hpp"

#include <algorithm>

namespace bp::xlsx {

std::string column_letters(int col) {
  std::string s;
  for (int c = col + 1; c > 0; c = (c - 1) / 26)
    s.insert(s.begin(), static_cast<char>('A' + (c - 1) % 26));
  return s;
}

std::string cell_ref(int row, int col) {
  return column_letters(col) + std::to_string(row + 1);
}

std::string range_ref(int first_row, int first_col, int last_row, int last_col) {
  std::string a = cell_ref(first_row, first_col), b = cell_ref(last_row, last_col);
  return a == b ? a : a + ":" + b;
}

std::optional<std::string> sum_formula(int col, std::vector<int> rows) {
  std::sort(rows.begin(), rows.end());
  rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
  if (rows.empty()) return std::nullopt;
  std::string f = "=SUM(";
  for (size_t i = 0; i < rows.size();) {
    size_t j = i;
    while (j + 1 < rows.size() && rows[j + 1] == rows[j] + 1) ++j;
    if (i) f += ",";
    f += range_ref(rows[i], col, rows[j], col);
    i = j + 1;
  }
  f += ")";
  if (f.size() > 8192) return std::nullopt;
  return f;
}

std::string internal_link(std::string_view sheet_name, std::string_view cell) {
  std::string s = "internal:'";
  for (char c : sheet_name) {
    if (c == '\'') s += '\'';
    s += c;
  }
  return s + "'!" + std::string(cell);
}

}  // namespace bp::xlsx
