// What the xlsx backend takes from outside the document: the font and type sizes and the budget
// terms of the department's style (the theme PDF and DOCX are set in: one style source), and the
// creation time (SOURCE_DATE_EPOCH), so that the same input gives the same bytes.
#pragma once

#include <cstdint>
#include <string>

#include "style/theme.hpp"
#include "text/word_break.hpp"
#include "xlsx/type_sizes.hpp"

namespace bp::xlsx {

// The family of a workbook written without a style (the fill-in template).
inline constexpr const char* kDefaultFont = "宋体";
// Written as the creation time when SOURCE_DATE_EPOCH is unset: 1980-01-01T00:00:00Z, the earliest
// time a zip entry can carry (libxlsxwriter reads 0 as "now", so 0 itself cannot be used).
inline constexpr int64_t kFixedCreated = 315532800;

struct XlsxOptions {
  std::string font = kDefaultFont;  // every cell's family
  TypeSizes type;
  int64_t epoch = 0;     // SOURCE_DATE_EPOCH, 0 = unset
  text::TermList terms;  // budget terms header labels do not break inside (text.terms_file)
};

// Creation time to write: the epoch, or kFixedCreated when it is 0 or negative.
int64_t creation_time(int64_t epoch);

// The options of a workbook set in style `s` (a department's theme for its workbook, the run's
// theme for 汇总.xlsx), as loaded and checked once by the caller: the body style's family for every
// cell, sizes and weights of the table styles, the theme's term list; `epoch` as given.
XlsxOptions options_from_style(const style::Theme& s, int64_t epoch);

}  // namespace bp::xlsx
