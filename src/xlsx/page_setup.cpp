#include "xlsx/page_setup.hpp"

namespace bp::xlsx {

namespace {
constexpr uint8_t kPaperA4 = 9;
constexpr double kMmPerInch = 25.4;
}  // namespace

void apply_print_setup(Workbook& wb, lxw_worksheet* ws, const PrintSetup& p) {
  lxw::worksheet_set_paper(ws, kPaperA4);
  if (p.landscape)
    lxw::worksheet_set_landscape(ws);
  else
    lxw::worksheet_set_portrait(ws);
  // The PDF theme's margins: 20 mm landscape, 25 mm portrait (top/bottom a little less: the footer
  // sits inside the bottom margin).
  const double side = (p.landscape ? 20 : 25) / kMmPerInch, top = 20 / kMmPerInch,
               bottom = 22 / kMmPerInch;
  lxw::worksheet_set_margins(ws, side, side, top, bottom);
  lxw::worksheet_center_horizontally(ws);
  lxw::worksheet_fit_to_pages(ws, 1, 0);
  wb.check(lxw::worksheet_set_footer(ws, kFooter), "页脚");
  if (p.repeat_first >= 0 && p.repeat_last >= p.repeat_first)
    wb.check(lxw::worksheet_repeat_rows(ws, p.repeat_first, p.repeat_last), "打印标题行");
  wb.check(lxw::worksheet_print_area(ws, 0, 0, p.last_row, p.last_col), "打印区域");
  if (p.freeze_row > 0) lxw::worksheet_freeze_panes(ws, p.freeze_row, 0);
  // Rows a little taller than Excel's 15 pt: 五号 CJK text needs air above and below.
  lxw::worksheet_set_default_row(ws, kDefaultRowHeight, LXW_FALSE);
  if (!p.page_breaks.empty()) {
    std::vector<lxw_row_t> breaks(p.page_breaks.begin(), p.page_breaks.end());
    breaks.push_back(0);  // terminator
    wb.check(lxw::worksheet_set_h_pagebreaks(ws, breaks.data()), "分页符");
  }
  // Codes (科目编码) are text on purpose: no "number stored as text" markers.
  wb.check(lxw::worksheet_ignore_errors(ws, LXW_IGNORE_NUMBER_STORED_AS_TEXT, "A1:XFD1048576"),
           "忽略错误");
}

}  // namespace bp::xlsx
