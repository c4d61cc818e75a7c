// Print and view setup of a sheet: A4, orientation, one page wide, repeated header rows, page
// footer "第 &P 页 共 &N 页", print area, page breaks; frozen panes and the default row height.
#pragma once

#include <vector>

#include "xlsx/workbook.hpp"

namespace bp::xlsx {

inline constexpr const char* kFooter = "&C第 &P 页 共 &N 页";
inline constexpr double kDefaultRowHeight = 18;

struct PrintSetup {
  bool landscape = false;
  int repeat_first = -1, repeat_last = -1;  // rows printed on top of every page (-1 = none)
  int freeze_row = -1;                      // first scrolling row (-1 = no frozen pane)
  int last_row = 0, last_col = 0;           // print area A1:(last_row, last_col)
  std::vector<int> page_breaks;             // rows that start a new printed page
};

void apply_print_setup(Workbook& wb, lxw_worksheet* ws, const PrintSetup& p);

}  // namespace bp::xlsx
