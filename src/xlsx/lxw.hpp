// libxlsxwriter, loaded when the first workbook is written (util/shared_library.hpp).
//
// Call it as lxw::worksheet_write_string(…): budgetpress does not link libxlsxwriter (a PDF-only
// run never needs it — nor the libcrypto and libminizip it brings), so the library's own
// worksheet_write_string is a link error. The first call in the process loads
// libxlsxwriter.so.4; when it cannot be loaded, every call throws LibraryError 错误[E990] naming
// the Debian package (libxlsxwriter4). The types and constants (lxw_worksheet, LXW_ALIGN_LEFT …)
// are the header's own.
#pragma once

#include <xlsxwriter.h>

#include "util/shared_library.hpp"

// Every libxlsxwriter function budgetpress calls, once: the table's members and the wrappers below.
#define BP_LXW_FUNCTIONS(X)          \
  X(format_set_align)                \
  X(format_set_bold)                 \
  X(format_set_border)               \
  X(format_set_font_color)           \
  X(format_set_font_name)            \
  X(format_set_font_size)            \
  X(format_set_indent)               \
  X(format_set_num_format)           \
  X(format_set_text_wrap)            \
  X(format_set_underline)            \
  X(format_set_unlocked)             \
  X(lxw_rowcol_to_cell)              \
  X(lxw_rowcol_to_cell_abs)          \
  X(lxw_strerror)                    \
  X(lxw_workbook_free)               \
  X(workbook_add_format)             \
  X(workbook_add_worksheet)          \
  X(workbook_close)                  \
  X(workbook_new_opt)                \
  X(workbook_set_properties)         \
  X(workbook_validate_sheet_name)    \
  X(worksheet_activate)              \
  X(worksheet_autofilter)            \
  X(worksheet_center_horizontally)   \
  X(worksheet_data_validation_cell)  \
  X(worksheet_data_validation_range) \
  X(worksheet_fit_to_pages)          \
  X(worksheet_freeze_panes)          \
  X(worksheet_ignore_errors)         \
  X(worksheet_merge_range)           \
  X(worksheet_print_area)            \
  X(worksheet_protect)               \
  X(worksheet_repeat_rows)           \
  X(worksheet_set_column)            \
  X(worksheet_set_default_row)       \
  X(worksheet_set_footer)            \
  X(worksheet_set_h_pagebreaks)      \
  X(worksheet_set_landscape)         \
  X(worksheet_set_margins)           \
  X(worksheet_set_paper)             \
  X(worksheet_set_portrait)          \
  X(worksheet_set_row)               \
  X(worksheet_write_blank)           \
  X(worksheet_write_formula_num)     \
  X(worksheet_write_formula_str)     \
  X(worksheet_write_number)          \
  X(worksheet_write_string)          \
  X(worksheet_write_url_opt)

namespace bp::lxw {

// The table of the functions above (util/shared_library.hpp).
BP_DECLARE_LIBRARY_TABLE(BP_LXW_FUNCTIONS)

}  // namespace bp::lxw
