#include "xlsx/xlsx_writer.hpp"

#include <algorithm>
#include <map>

#include "text/word_break.hpp"
#include "util/atomic_file.hpp"
#include "util/xml_text.hpp"
#include "xlsx/cell_refs.hpp"
#include "xlsx/page_setup.hpp"
#include "xlsx/sheet_names.hpp"
#include "xlsx/table_writer.hpp"
#include "xlsx/workbook.hpp"

namespace bp::xlsx {

namespace {

struct TocLine {
  std::string text, target, sheet;
};

// The stacked sheet a table belongs on (nullptr: a sheet of its own). 专项资金 share the
// projects' table shape, so only their sheet tells an importer which list they are.
const char* stacked_sheet(const doc::Table& t) {
  if (t.id.rfind(kSpecialFundIdPrefix, 0) == 0) return kSpecialFundSheet;
  if (t.id.rfind(kProjectIdPrefix, 0) == 0) return kProjectSheet;
  return nullptr;
}

FitLimits page_limits(bool landscape) {
  FitLimits lim;
  lim.page_units = landscape ? kLandscapeUnits : kPortraitUnits;
  return lim;
}

// A sheet holding a single table: frozen below its header, header repeated on every printed page.
void write_single(Workbook& wb, lxw_worksheet* ws, const SheetPlan& plan,
                  std::vector<TocLine>& toc) {
  const doc::Table& t = *plan.tables.front();
  ColumnFit fit = fit_columns(t, page_limits(t.landscape));
  for (size_t c = 0; c < fit.widths.size(); ++c)
    wb.check(lxw::worksheet_set_column(ws, c, c, wb.type().column_width(fit.widths[c]), nullptr),
             "列宽");
  TableWriter w(wb, ws, fit);
  const Placement p = w.write(t, 0);
  PrintSetup ps;
  ps.landscape = t.landscape;
  ps.repeat_first = p.block_row >= 0 ? p.block_row : p.head_first;
  ps.repeat_last = p.head_last >= 0 ? p.head_last : p.block_row;
  ps.freeze_row = p.body_first > 0 ? p.body_first : -1;
  ps.last_row = p.last_row;
  ps.last_col = p.columns - 1;
  apply_print_setup(wb, ws, ps);
  toc.push_back({t.title.empty() ? plan.name : t.title, internal_link(plan.name), plan.name});
}

// Project tables one after another, each starting a printed page (keep_together), a blank row
// between.
void write_stacked(Workbook& wb, lxw_worksheet* ws, const SheetPlan& plan,
                   std::vector<TocLine>& toc) {
  const bool landscape = std::any_of(plan.tables.begin(), plan.tables.end(),
                                     [](const doc::Table* t) { return t->landscape; });
  ColumnFit fit = fit_columns(plan.tables, page_limits(landscape));
  for (size_t c = 0; c < fit.widths.size(); ++c)
    wb.check(lxw::worksheet_set_column(ws, c, c, wb.type().column_width(fit.widths[c]), nullptr),
             "列宽");
  TableWriter w(wb, ws, fit);
  PrintSetup ps;
  int row = 0, cols = 1;
  for (const doc::Table* t : plan.tables) {
    // A table without a title continues the one above it (a project's indicator grid under its
    // info rows): no gap, no page break, no 目录 line of its own.
    const bool continues = t->title.empty() && row > 0;
    if (row > 0 && !continues) {
      ++row;  // blank row between projects
      ps.page_breaks.push_back(row);
    }
    const Placement p = w.write(*t, row);
    if (!continues)
      toc.push_back({t->title.empty() ? plan.name : t->title,
                     internal_link(plan.name, cell_ref(row, 0)), plan.name});
    cols = std::max(cols, p.columns);
    row = p.last_row + 1;
  }
  ps.landscape = landscape;
  ps.last_row = std::max(0, row - 1);
  ps.last_col = cols - 1;
  apply_print_setup(wb, ws, ps);
}

// "返回目录" beside the table, outside the print area.
void back_link(Workbook& wb, lxw_worksheet* ws, int col) {
  Style s;
  s.link = true;
  wb.check(lxw::worksheet_write_url_opt(ws, 0, col, internal_link(kTocSheet).c_str(), wb.format(s),
                                        "返回目录", nullptr),
           "链接");
  wb.check(lxw::worksheet_set_column(ws, col, col, wb.type().column_width(10), nullptr), "列宽");
}

void write_toc(Workbook& wb, lxw_worksheet* ws, const doc::Document& d,
               const std::vector<TocLine>& lines) {
  doc::Table t;
  t.title = d.meta.title.empty() ? kTocSheet : d.meta.title + " 目录";
  doc::Row head;
  head.role = doc::RowRole::Head;
  for (const char* h : {"序号", "表名", "工作表"}) {
    doc::Cell c;
    c.text = h;
    c.align = doc::Align::Center;
    c.bold = true;
    head.cells.push_back(c);
  }
  t.head.push_back(head);
  for (size_t i = 0; i < lines.size(); ++i) {
    doc::Row r;
    r.cells.resize(3);
    r.cells[0].text = std::to_string(i + 1);
    r.cells[0].align = doc::Align::Center;
    r.cells[1].text = lines[i].text;
    r.cells[2].text = lines[i].sheet;
    t.body.push_back(r);
  }
  t.column_widths = {1, 1, 1};
  FitLimits lim = page_limits(false);
  lim.max_width = 60;
  ColumnFit fit = fit_columns(t, lim);
  for (size_t c = 0; c < fit.widths.size(); ++c)
    wb.check(lxw::worksheet_set_column(ws, c, c, wb.type().column_width(fit.widths[c]), nullptr),
             "列宽");
  TableWriter w(wb, ws, fit);
  const Placement p = w.write(t, 0);
  // The names become links to their sheets.
  Style s;
  s.border = true;
  s.link = true;
  for (size_t i = 0; i < lines.size(); ++i)
    wb.check(lxw::worksheet_write_url_opt(ws, p.body_first + static_cast<int>(i), 1,
                                          lines[i].target.c_str(), wb.format(s),
                                          xml_safe(lines[i].text).c_str(), nullptr),
             "目录链接");
  PrintSetup ps;
  ps.repeat_first = p.head_first;
  ps.repeat_last = p.head_last;
  ps.freeze_row = p.body_first > 0 ? p.body_first : -1;
  ps.last_row = p.last_row;
  ps.last_col = 2;
  apply_print_setup(wb, ws, ps);
}

}  // namespace

std::vector<SheetPlan> plan_sheets(const doc::Document& d) {
  SheetNamer namer;
  namer.reserve(kTocSheet);
  std::vector<SheetPlan> plans;
  std::map<std::string, size_t> stacks;  // stacked sheet → its plan
  for (const auto& b : d.blocks) {
    const auto* t = std::get_if<doc::Table>(&b);
    if (!t) continue;
    if (const char* sheet = stacked_sheet(*t)) {
      auto [it, fresh] = stacks.emplace(sheet, plans.size());
      if (fresh) plans.push_back({namer.unique(sheet), {}, true});
      plans[it->second].tables.push_back(t);
      continue;
    }
    const std::string& want = !t->short_title.empty() ? t->short_title
                              : !t->title.empty()     ? t->title
                                                      : t->id;
    plans.push_back({namer.unique(want), {t}, false});
  }
  return plans;
}

void write_workbook(const doc::Document& d, const std::filesystem::path& path, const XlsxOptions& o,
                    bool staged, SyncFile sync_file) {
  const auto plans = plan_sheets(d);
  produce_file_atomic(
      path,
      [&](const std::filesystem::path& tmp) {
        Workbook wb(tmp, o.font, o.type);
        text::WordBreaker words(o.terms);  // one per workbook: a breaker keeps ICU state
        wb.set_words(&words);
        Properties props;
        props.title = d.meta.title;
        props.subject = d.meta.subject;
        props.author = d.meta.author;
        props.keywords = d.meta.keywords;
        props.comments = "BudgetPress";
        props.created = creation_time(d.meta.epoch);
        wb.set_properties(props);
        lxw_worksheet* toc_ws = wb.add_sheet(kTocSheet);
        std::vector<TocLine> toc;
        for (const auto& plan : plans) {
          lxw_worksheet* ws = wb.add_sheet(plan.name);
          if (plan.stacked)
            write_stacked(wb, ws, plan, toc);
          else
            write_single(wb, ws, plan, toc);
          int cols = 1;
          for (const auto* t : plan.tables) cols = std::max(cols, table_columns(*t));
          back_link(wb, ws, cols);
        }
        write_toc(wb, toc_ws, d, toc);
        lxw::worksheet_activate(toc_ws);
        wb.close();
      },
      staged ? SyncDirectory::no : SyncDirectory::yes, sync_file);
}

}  // namespace bp::xlsx
