#include "xlsx/summary.hpp"

#include <algorithm>
#include <array>
#include <tuple>

#include "text/word_break.hpp"
#include "util/atomic_file.hpp"
#include "util/out_dir.hpp"
#include "xlsx/cell_refs.hpp"
#include "xlsx/page_setup.hpp"
#include "xlsx/table_writer.hpp"
#include "xlsx/workbook.hpp"

namespace bp::xlsx {

namespace {

constexpr int kAmountColumns = 5;
constexpr const char* kAmountHeads[kAmountColumns] = {"收入合计", "支出合计", "基本支出",
                                                      "项目支出", "“三公”经费"};

doc::Cell text_cell(std::string text, doc::Align a = doc::Align::Left, bool bold = false) {
  doc::Cell c;
  c.text = std::move(text);
  c.align = a;
  c.bold = bold;
  return c;
}

doc::Cell amount_cell(int64_t hundredths) {
  doc::Cell c;
  c.align = doc::Align::Right;
  if (hundredths != 0) {
    c.number = doc::Number{hundredths, 2};
    c.text = format_number(*c.number);
  }
  return c;
}

doc::Table summary_table(int year, const std::vector<SummaryRow>& rows) {
  doc::Table t;
  t.id = "summary";
  t.title = std::to_string(year) + "年部门预算汇总表";
  t.header_block = doc::HeaderBlock{"", "预算年度：" + std::to_string(year), "单位：万元"};
  doc::Row head;
  head.role = doc::RowRole::Head;
  for (const char* h : {"序号", "部门编码", "部门名称"})
    head.cells.push_back(text_cell(h, doc::Align::Center, true));
  for (const char* h : kAmountHeads) head.cells.push_back(text_cell(h, doc::Align::Center, true));
  t.head.push_back(head);
  for (size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    doc::Row row;
    row.role = doc::RowRole::Item;
    row.cells = {text_cell(std::to_string(i + 1), doc::Align::Center), text_cell(r.code),
                 text_cell(r.name)};
    for (int64_t v : {r.income_total, r.expenditure_total, r.basic, r.project, r.three_public})
      row.cells.push_back(amount_cell(v));
    t.body.push_back(row);
  }
  // The 合计 row is written separately (SUBTOTAL formulas); it is here for the width estimate.
  doc::Row total;
  total.role = doc::RowRole::Total;
  total.cells = {text_cell(""), text_cell(""), text_cell("合计", doc::Align::Center, true)};
  for (int k = 0; k < kAmountColumns; ++k) {
    int64_t sum = 0;
    for (const auto& r : rows)
      sum += std::array{r.income_total, r.expenditure_total, r.basic, r.project, r.three_public}[k];
    total.cells.push_back(amount_cell(sum));
  }
  t.body.push_back(total);
  t.column_widths.assign(3 + kAmountColumns, 1);
  return t;
}

}  // namespace

SummaryRow summary_row(const Budget& b, const Derived& d) {
  const Figures& f = d.fig;
  return {b.dept.code.value,
          b.dept.name.value,
          wan_hundredths(f.income_total),
          wan_hundredths(f.expenditure_total),
          wan_hundredths(f.basic),
          wan_hundredths(f.project),
          wan_hundredths(f.tp_total_now)};
}

void write_summary(const std::filesystem::path& path, int year, std::vector<SummaryRow> rows,
                   const XlsxOptions& o) {
  std::stable_sort(rows.begin(), rows.end(), [](const SummaryRow& a, const SummaryRow& b) {
    return std::tie(a.code, a.name) < std::tie(b.code, b.name);
  });
  const doc::Table t = summary_table(year, rows);
  produce_file_atomic(path, [&](const std::filesystem::path& tmp) {
    Workbook wb(tmp, o.font, o.type);
    text::WordBreaker words(o.terms);  // one per workbook: a breaker keeps ICU state
    wb.set_words(&words);
    Properties props;
    props.title = t.title;
    props.subject = "部门预算信息公开";
    props.author = "BudgetPress";
    props.keywords = "部门预算," + std::to_string(year) + ",汇总";
    props.comments = "BudgetPress";
    props.created = creation_time(o.epoch);
    wb.set_properties(props);
    lxw_worksheet* ws = wb.add_sheet("汇总");
    FitLimits lim;
    lim.page_units = kPortraitUnits;
    ColumnFit fit = fit_columns(t, lim);
    for (size_t c = 0; c < fit.widths.size(); ++c)
      wb.check(lxw::worksheet_set_column(ws, c, c, wb.type().column_width(fit.widths[c]), nullptr),
               "列宽");
    TableWriter w(wb, ws, fit);
    const Placement p = w.write(t, 0);
    // 合计: SUBTOTAL(109, …) sums only the rows the autofilter shows.
    const int total_row = p.body_last, first = p.body_first, last = p.body_last - 1;
    Style s;
    s.border = true;
    s.bold = true;
    s.align = doc::Align::Right;
    s.num_format = kTotalFormat;
    for (int k = 0; k < kAmountColumns && last >= first; ++k) {
      const int col = 3 + k;
      const auto& cell = t.body.back().cells[col];
      const std::string f = "=SUBTOTAL(109," + range_ref(first, col, last, col) + ")";
      wb.check(lxw::worksheet_write_formula_num(
                   ws, total_row, col, f.c_str(), wb.format(s),
                   cell.number ? static_cast<double>(cell.number->scaled) / 100.0 : 0.0),
               "写入单元格 " + cell_ref(total_row, col));
    }
    wb.check(lxw::worksheet_autofilter(ws, p.head_first, 0, std::max(p.head_first, last),
                                       2 + kAmountColumns),
             "自动筛选");
    PrintSetup ps;
    ps.repeat_first = p.head_first;
    ps.repeat_last = p.head_last;
    ps.freeze_row = p.body_first;
    ps.last_row = p.last_row;
    ps.last_col = 2 + kAmountColumns;
    apply_print_setup(wb, ws, ps);
    wb.close();
  });
}

void SummaryCollector::add(const Budget& b, const Derived& d) {
  by_year_[b.dept.year].push_back(summary_row(b, d));
}

std::vector<std::filesystem::path> SummaryCollector::write(const std::filesystem::path& out_dir,
                                                           const XlsxOptions& o) const {
  std::vector<std::filesystem::path> written;
  for (const auto& [year, rows] : by_year_) {
    if (rows.size() < 2) continue;
    // OUT/<year> is opened without following a symlink (util/out_dir.hpp) and written through
    // its descriptor, like the departments' files.
    const OutDir out(out_dir);
    const UniqueFd dir = out.subdir(std::to_string(year));
    write_summary(OutDir::fd_path(dir.get()) / kSummaryFile, year, rows, o);
    written.push_back(out_dir / std::to_string(year) / kSummaryFile);
  }
  return written;
}

}  // namespace bp::xlsx
