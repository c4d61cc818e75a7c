// Column widths and row heights estimated from the text, the way someone sizing an Excel sheet by
// hand would: a CJK (wide) character counts as 2 width units, any other character as 1 (Excel's
// column width unit is one digit of the default font; a 10.5 pt CJK glyph is two of them).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "document/document.hpp"

namespace bp::xlsx {

// Width units of one character: 2 for East Asian wide/full-width characters (incl. CJK punctuation
// and the “”…— a CJK font sets full-width), else 1; control characters 0.
int char_units(char32_t cp);
// Width of the widest line of `text` ('\n' separates lines).
int text_units(std::string_view text);

// "11,203.50": a number as `#,##0.00` shows it (thousands separators, `decimals` places).
std::string format_number(const doc::Number& n);
// text_units(format_number(n)), counted without building the text.
int number_units(const doc::Number& n);

struct FitLimits {
  double min_width = 4;   // Excel width units
  double max_width = 40;  // long names wrap beyond this
  double header_cap = 8;  // header text wraps: it asks for at most this much per column
  double padding = 2;     // cell margins
  // Total width the printed page takes at a readable scale (0 = no limit). When the columns want
  // more, the widest text columns are narrowed (water-filling) and wrap; numbers never shrink.
  double page_units = 0;
  double min_text_width = 8;
};

// Page budgets for A4 with the theme margins, allowing fit-to-width to scale to about 80 %.
inline constexpr double kPortraitUnits = 105;
inline constexpr double kLandscapeUnits = 170;

struct ColumnFit {
  std::vector<double> widths;  // one per physical column, Excel width units
  std::vector<bool> wrap;      // the column is narrower than its text: body text wraps there
};

// Physical column count of a table: its column_widths, else the widest row.
int table_columns(const doc::Table& t);

// Widths fitted to the content of the head and body rows (spans resolved; a spanning cell widens
// the columns under it evenly only when they are too narrow together), clamped to the limits and
// narrowed to the page budget.
ColumnFit fit_columns(const doc::Table& t, const FitLimits& lim = {});
// The same over several tables stacked on one sheet (each column as wide as the widest needs).
ColumnFit fit_columns(const std::vector<const doc::Table*>& tables, const FitLimits& lim = {});

// Lines `text` takes in a cell `width` units wide when wrapped (at least 1; each '\n' starts a
// line).
int wrapped_lines(std::string_view text, double width, double padding = 2);

}  // namespace bp::xlsx
