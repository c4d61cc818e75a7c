#include "docx/table_xml.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <vector>

#include "document/grid.hpp"
#include "docx/geometry.hpp"
#include "docx/props.hpp"
#include "docx/runs.hpp"
#include "docx/styles.hpp"
#include "docx/units.hpp"
#include "docx/xml.hpp"
#include "util/utf8.hpp"

namespace bp::docx {

using xml::add;
using xml::add_val;
using xml::attr;

namespace {

using Grid = std::vector<std::vector<doc::GridSlot>>;

bool is_head(doc::RowRole r) {
  return r == doc::RowRole::Head || r == doc::RowRole::ColumnNumbers;
}

void border(pugi::xml_node parent, const char* side, const char* kind, int eighths) {
  auto b = add_val(parent, side, kind);
  if (std::string(kind) != "nil") {
    attr(b, "w:sz", eighths);
    attr(b, "w:space", 0);
    attr(b, "w:color", "000000");
  }
}

void width(pugi::xml_node parent, const char* name, int w) {
  auto n = add(parent, name);
  attr(n, "w:w", w);
  attr(n, "w:type", "dxa");
}

struct Ctx {
  const doc::Table& t;
  const layout::Theme& theme;
  std::vector<int> cols;  // twips
  int ncols = 0;
  double compact = 0;             // pt: cell size of a compact table, 0 = the theme's sizes
  const TableFit* fit = nullptr;  // of the table whose rows are being written (may be null)
};

// The theme style of a cell, at the compact size when the layout set the table compact.
layout::Style cell_style(const Ctx& c, doc::RowRole role) {
  // The 栏次 row (column numbers) repeats with the head but is set like the cells, as in the PDF.
  layout::Style s = role == doc::RowRole::Head ? c.theme.table.head : c.theme.table.cell;
  if (c.compact > 0) s.size = c.compact;
  return s;
}

void write_tbl_pr(pugi::xml_node tbl, const Ctx& c) {
  const auto& tt = c.theme.table;
  auto pr = add(tbl, "w:tblPr");
  width(pr, "w:tblW", std::accumulate(c.cols.begin(), c.cols.end(), 0));
  add_val(pr, "w:jc", "center");
  auto b = add(pr, "w:tblBorders");
  const int frame = std::max(2, border_eighths(tt.frame)),
            rule = std::max(2, border_eighths(tt.rule));
  for (const char* side : {"w:top", "w:left", "w:bottom", "w:right"})
    border(b, side, "single", frame);
  for (const char* side : {"w:insideH", "w:insideV"}) border(b, side, "single", rule);
  attr(add(pr, "w:tblLayout"), "w:type", "fixed");
  auto mar = add(pr, "w:tblCellMar");
  const int px = twips_from_mm(tt.padding_x), py = twips_from_mm(tt.padding_y);
  width(mar, "w:top", py);
  width(mar, "w:left", px);
  width(mar, "w:bottom", py);
  width(mar, "w:right", px);
  auto grid = add(tbl, "w:tblGrid");
  for (int w : c.cols) attr(add(grid, "w:gridCol"), "w:w", w);
}

pugi::xml_node new_row(pugi::xml_node tbl, int min_height, bool header) {
  auto tr = add(tbl, "w:tr");
  auto pr = add(tr, "w:trPr");
  add(pr, "w:cantSplit");
  auto h = add(pr, "w:trHeight");
  attr(h, "w:val", min_height);
  attr(h, "w:hRule", "atLeast");
  if (header) add(pr, "w:tblHeader");
  return tr;
}

// A width estimate for placing tab stops: CJK and full-width characters 1 em, others 0.55 em.
int estimated_width(const std::string& s, double em) {
  double w = 0;
  for (size_t i = 0; i < s.size();) {
    const utf8::Decoded d = utf8::decode(s, i);
    w += d.valid() && d.cp >= 0x800 ? 1.0 : 0.55;  // U+0800 and up: CJK, punctuation, full-width
    i += d.len;
  }
  return static_cast<int>(w * em + 0.5);
}

// The header block: one cell across the grid, no rules except the frame below it, with
// left / centre / right parts at tab stops.
void write_header_block(pugi::xml_node tbl, const Ctx& c) {
  const auto& hb = *c.t.header_block;
  const auto& st = c.theme.table.header_block;
  const int w = std::accumulate(c.cols.begin(), c.cols.end(), 0);
  auto tr = new_row(tbl, twips_from_pt(st.size * st.leading), true);
  auto tc = add(tr, "w:tc");
  auto pr = add(tc, "w:tcPr");
  width(pr, "w:tcW", w);
  if (c.ncols > 1) add_val(pr, "w:gridSpan", c.ncols);
  auto b = add(pr, "w:tcBorders");
  border(b, "w:top", "nil", 0);
  border(b, "w:left", "nil", 0);
  border(b, "w:bottom", "single", std::max(2, border_eighths(c.theme.table.frame)));
  border(b, "w:right", "nil", 0);
  auto mar = add(pr, "w:tcMar");
  width(mar, "w:left", 0);
  width(mar, "w:right", 0);
  add_val(pr, "w:vAlign", "bottom");
  auto p = add(tc, "w:p");
  ParaProps pp;
  pp.style = style_id::kHeaderBlock;
  pp.keep_next = true;
  // The centre part sits at the middle unless a long left part reaches it; then it follows the
  // left part after a two-character gap (a centre tab stop that the left text has passed would
  // glue the two together).
  const double em = twips_from_pt(st.size);
  const int left_w = estimated_width(hb.left, em), center_w = estimated_width(hb.center, em);
  const int gap = static_cast<int>(2 * em);
  int center = w / 2;
  if (center - center_w / 2 < left_w + gap) center = left_w + gap + center_w / 2;
  center = std::min(center, std::max(0, w - center_w / 2 - 1));
  pp.tabs = {{"center", "", center}, {"right", "", w}};
  write_ppr(p, pp);
  std::string line = hb.left;
  if (!hb.center.empty() || !hb.right.empty()) line += "\t" + hb.center;
  if (!hb.right.empty()) line += "\t" + hb.right;
  add_run(p, line);
}

// The paragraph look of a cell, as the PDF layout does it: head rows centred (style bold), numbers
// right, 合计 / 类 rows bold by theme, text flush on both sides with the last line left.
void write_cell_content(pugi::xml_node tc, const doc::Cell& cell, doc::RowRole role, bool keep_next,
                        const Ctx& c, const std::vector<std::string>* lines) {
  const auto& tt = c.theme.table;
  const layout::Style st = cell_style(c, role);
  ParaProps pp;
  pp.style = role == doc::RowRole::Head ? style_id::kTableHead : style_id::kTableText;
  pp.keep_next = keep_next;
  if (is_head(role))
    pp.align = doc::Align::Center;
  else if (cell.number || cell.align == doc::Align::Right)
    pp.align = doc::Align::Right;
  else if (cell.align == doc::Align::Left)
    pp.align = doc::Align::Justify;
  else
    pp.align = cell.align;
  if (cell.indent_em > 0) {
    pp.left_chars = cell.indent_em * 100;
    pp.left = twips_from_pt(cell.indent_em * st.size);
  }
  const bool bold = cell.bold || (role == doc::RowRole::Total && tt.bold_total) ||
                    (role == doc::RowRole::Level1 && tt.bold_level1);
  RunProps rp;
  if (bold && !is_head(role)) rp.bold = true;
  if (c.compact > 0) {
    pp.line = twips_from_pt(st.size * st.leading);
    rp.half_points = half_points(st.size);
  }
  const bool direct = rp.bold || rp.half_points;
  if (lines && lines->size() > 1) {  // a head label broken where our layout broke it
    std::string joined;
    for (const auto& l : *lines) joined += (joined.empty() ? "" : "\n") + l;
    auto p = add(tc, "w:p");
    write_ppr(p, pp);
    add_run(p, joined, direct ? &rp : nullptr);
    return;
  }
  // Line feeds inside a cell start new paragraphs (multi-paragraph cells).
  const std::string& text = cell.text;
  size_t start = 0;
  do {
    size_t nl = text.find('\n', start);
    std::string_view part = std::string_view(text).substr(
        start, nl == std::string::npos ? std::string::npos : nl - start);
    auto p = add(tc, "w:p");
    write_ppr(p, pp);
    if (!part.empty()) add_run(p, part, direct ? &rp : nullptr);
    start = nl == std::string::npos ? text.size() + 1 : nl + 1;
  } while (start <= text.size());
}

// How many body rows of `t` keep with the next row: the first rows stay with the head (theme
// min_rows_after_head); a keep_together table stays whole (all but its last row); a keep_with_next
// table (a project's info rows) stays with what follows (all rows).
// `whole`: the table is kept together and small enough for that (TableFit::page_share).
size_t body_rows_kept(const doc::Table& t, const layout::TableTheme& tt, bool whole) {
  const size_t n = t.body.size();
  if (t.keep_with_next) return n;
  const size_t first = std::min(n, static_cast<size_t>(std::max(0, tt.min_rows_after_head - 1)));
  return whole && n > 0 ? std::max(first, n - 1) : first;
}

// `repeat`: the rows are w:tblHeader (the table's leading head rows). The first `kept` rows keep
// with the next row (w:keepNext on their paragraphs), and so do all but the last of the last `tail`
// rows: a page break in the table leaves at least `tail` rows to the continuation page (theme
// min_rows_continued), as the PDF's layout does — Word and LibreOffice set rows a little taller
// than our layout, and a table that just fits in the PDF could otherwise leave one row alone.
void write_rows(pugi::xml_node tbl, const Ctx& c, const std::vector<doc::Row>& rows, bool head,
                bool repeat, size_t kept, size_t tail = 0) {
  const auto& tt = c.theme.table;
  const Grid g = doc::resolve_grid(rows, c.ncols);
  // Only where the rows allow both rules: a table of fewer rows than the head's and the tail's
  // keeps together anyway or breaks where Word must.
  if (rows.size() <= kept + tail) tail = 0;
  for (size_t r = 0; r < rows.size(); ++r) {
    const doc::Row& row = rows[r];
    const layout::Style st = cell_style(c, row.role);
    const int min_h = twips_from_pt(tt.min_row_height * st.size);
    const bool keep_next = r < kept || (r + tail >= rows.size() && r + 1 < rows.size());
    auto tr = new_row(tbl, min_h, repeat);
    for (int col = 0; col < c.ncols;) {
      const doc::GridSlot& s = g[r][static_cast<size_t>(col)];
      int span = 1;
      while (col + span < c.ncols && s.cell && g[r][static_cast<size_t>(col + span)].cell == s.cell)
        ++span;
      auto tc = add(tr, "w:tc");
      auto pr = add(tc, "w:tcPr");
      width(pr, "w:tcW", std::accumulate(c.cols.begin() + col, c.cols.begin() + col + span, 0));
      if (span > 1) add_val(pr, "w:gridSpan", span);
      const bool origin = s.cell && s.row == static_cast<int>(r);
      if (s.cell && !origin) {
        add(pr, "w:vMerge");  // continues the cell above
      } else if (origin && r + 1 < rows.size() &&
                 g[r + 1][static_cast<size_t>(col)].cell == s.cell) {
        add_val(pr, "w:vMerge", "restart");
      }
      add_val(pr, "w:vAlign", "center");
      if (origin) {
        const std::vector<std::string>* lines = nullptr;
        if (head && c.fit)
          if (auto it = c.fit->head_lines.find({static_cast<int>(r), col});
              it != c.fit->head_lines.end())
            lines = &it->second;
        write_cell_content(tc, *s.cell, row.role, keep_next, c, lines);
      } else {
        ParaProps pp;
        pp.style = head ? style_id::kTableHead : style_id::kTableText;
        pp.keep_next = keep_next;
        if (c.compact > 0) pp.line = twips_from_pt(st.size * st.leading);
        write_ppr(add(tc, "w:p"), pp);
      }
      col += span;
    }
  }
}

}  // namespace

int column_count(const doc::Table& t) {
  if (!t.column_widths.empty()) return static_cast<int>(t.column_widths.size());
  int n = 0;
  for (const auto* rows : {&t.head, &t.body})
    for (const auto& row : *rows) {
      int w = 0;
      for (const auto& cell : row.cells) w += std::max(1, cell.colspan);
      n = std::max(n, w);
    }
  return std::max(n, 1);
}

pugi::xml_node write_table(pugi::xml_node body, const doc::Table& t, const layout::Theme& theme,
                           int text_width, const TableFit* fit, const JoinedTable* next) {
  Ctx c{t, theme, {}, column_count(t)};
  // A joined pair takes the grid of the table with the head labels (the indicator grid): its
  // label lines were broken for those widths.
  const TableFit* grid = next && next->fit ? next->fit : fit;
  if (grid && static_cast<int>(grid->widths.size()) == c.ncols) {
    std::vector<int> rel;  // hundredths of a point keep the proportions exact enough
    for (double w : grid->widths)
      rel.push_back(static_cast<int>(std::lround(std::max(w, 0.01) * 100)));
    c.cols = scale_widths(rel, c.ncols, text_width);
  } else {
    c.cols = scale_widths(t.column_widths, c.ncols, text_width);
  }
  if (fit && fit->cell_size > 0) c.compact = fit->cell_size;
  c.fit = fit;
  auto tbl = add(body, "w:tbl");
  write_tbl_pr(tbl, c);
  if (t.header_block) write_header_block(tbl, c);
  const auto& tt = theme.table;
  // Kept whole: every row but the last keeps with the next, when the table (both tables of a
  // joined pair) takes clearly less than a page in our layout; else only the head, the first
  // rows and a joined pair's info rows keep together.
  const double share =
      (fit ? fit->page_share : 0) + (next && next->fit ? next->fit->page_share : 0);
  const bool whole =
      (next ? next->table.keep_together : t.keep_together) && share <= kKeepWholeShare;
  write_rows(tbl, c, t.head, true, true, t.head.size());
  const size_t tail = static_cast<size_t>(std::max(0, tt.min_rows_continued));
  write_rows(tbl, c, t.body, false, false, body_rows_kept(t, tt, whole), next ? 0 : tail);
  if (next) {
    // The next table continues this one on the same grid: its head rows follow our rows (Word
    // repeats only a table's leading rows, so they do not repeat) and keep with its first rows.
    Ctx n{next->table, theme, c.cols, c.ncols, c.compact, next->fit};
    write_rows(tbl, n, next->table.head, true, false, next->table.head.size());
    write_rows(tbl, n, next->table.body, false, false, body_rows_kept(next->table, tt, whole),
               tail);
  }
  if (!tbl.child("w:tr")) {  // Word cannot open a table without rows
    doc::Row empty;
    empty.cells.resize(static_cast<size_t>(c.ncols));
    write_rows(tbl, c, {empty}, false, false, 0);
  }
  return tbl;
}

}  // namespace bp::docx
