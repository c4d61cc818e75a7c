#include "import/a1.hpp"

#include "xlsx/cell_refs.hpp"

namespace bp::import {

std::optional<int> parse_column(std::string_view letters) {
  if (letters.empty() || letters.size() > 3) return std::nullopt;
  int col = 0;
  for (char ch : letters) {
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    if (ch < 'A' || ch > 'Z') return std::nullopt;
    col = col * 26 + (ch - 'A' + 1);
  }
  if (col > kMaxCols) return std::nullopt;
  return col - 1;
}

std::optional<CellRef> parse_cell_ref(std::string_view a1) {
  size_t i = 0;
  if (i < a1.size() && a1[i] == '$') ++i;
  size_t letters_begin = i;
  while (i < a1.size() && ((a1[i] >= 'A' && a1[i] <= 'Z') || (a1[i] >= 'a' && a1[i] <= 'z'))) ++i;
  auto col = parse_column(a1.substr(letters_begin, i - letters_begin));
  if (!col) return std::nullopt;
  if (i < a1.size() && a1[i] == '$') ++i;
  if (i >= a1.size() || a1[i] == '0') return std::nullopt;
  long row = 0;
  for (; i < a1.size(); ++i) {
    if (a1[i] < '0' || a1[i] > '9') return std::nullopt;
    row = row * 10 + (a1[i] - '0');
    if (row > kMaxRows) return std::nullopt;
  }
  return CellRef{static_cast<int>(row - 1), *col};
}

std::optional<RangeRef> parse_range_ref(std::string_view a1) {
  auto colon = a1.find(':');
  auto a = parse_cell_ref(a1.substr(0, colon));
  if (!a) return std::nullopt;
  if (colon == std::string_view::npos) return RangeRef{*a, *a};
  auto b = parse_cell_ref(a1.substr(colon + 1));
  if (!b) return std::nullopt;
  RangeRef r;
  r.first = {std::min(a->row, b->row), std::min(a->col, b->col)};
  r.last = {std::max(a->row, b->row), std::max(a->col, b->col)};
  return r;
}

std::string format_cell_ref(CellRef ref) {
  return xlsx::cell_ref(ref.row, ref.col);
}

std::string qualified_ref(std::string_view sheet, CellRef ref) {
  // Excel quotes a name that is not a plain identifier; CJK names are written bare.
  bool plain = !sheet.empty();
  for (unsigned char ch : sheet)
    if (ch < 0x80 && !((ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') ||
                       (ch >= 'a' && ch <= 'z') || ch == '_' || ch == '.'))
      plain = false;
  if (!sheet.empty() && sheet[0] >= '0' && sheet[0] <= '9') plain = false;
  std::string out;
  if (plain) {
    out = std::string(sheet);
  } else {
    out = "'";
    for (char ch : sheet) {
      out += ch;
      if (ch == '\'') out += '\'';
    }
    out += "'";
  }
  return out + "!" + format_cell_ref(ref);
}

}  // namespace bp::import
