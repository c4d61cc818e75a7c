#include "layout/table_plan.hpp"

#include <algorithm>
#include <array>
#include <numeric>

#include "layout/blocks.hpp"
#include "layout/units.hpp"

namespace bp::layout {

namespace {

bool is_head(doc::RowRole r) {
  return r == doc::RowRole::Head || r == doc::RowRole::ColumnNumbers;
}

// The style a cell is set in: head rows bold and centred, 合计/类 rows bold (theme), numbers
// right-aligned with tabular figures, wrapped text flush on both sides.
struct CellLook {
  Style style;
  bool bold = false;
  bool tabular = false;
};

CellLook look(const doc::Cell& c, doc::RowRole role, const Theme& t, bool compact) {
  const TableTheme& tt = t.table;
  CellLook l{role == doc::RowRole::Head ? tt.head : tt.cell};
  if (compact) l.style.size = tt.compact_size;
  l.bold = c.bold || (role == doc::RowRole::Total && tt.bold_total) ||
           (role == doc::RowRole::Level1 && tt.bold_level1);
  l.tabular = c.number.has_value();
  l.style.indent = 0;
  if (is_head(role))
    l.style.align = text::Align::Center;
  else if (c.number)
    l.style.align = text::Align::Right;
  else if (c.align == doc::Align::Left)
    l.style.align = text::Align::Justify;  // last line flush left
  else
    l.style.align = to_text_align(c.align);
  return l;
}

std::string where(const doc::Table& t, const GridCell& g, bool head) {
  std::string s = "table " + t.id + (head ? " head" : "") + " row " + std::to_string(g.row + 1) +
                  " column " + std::to_string(g.col + 1);
  if (!g.cell->source.empty()) s += " (" + g.cell->source + ")";
  return s;
}

std::vector<TableCellBox> make_boxes(const Grid& g) {
  std::vector<TableCellBox> out;
  out.reserve(g.cells.size());
  for (const GridCell& gc : g.cells) out.push_back({gc, {}, 0, 0});
  return out;
}

text::StyledText run_of(const TableCellBox& b, const CellLook& l, Context& ctx) {
  return {b.g.cell->text, ctx.text_style(l.style, l.bold, l.tabular)};
}

text::ParagraphFormat format_of(const TableCellBox& b, const CellLook& l, Context& ctx, double w) {
  auto f = ctx.format(l.style, w);
  f.indent = b.g.cell->indent_em * l.style.size;
  f.max_stretch_em = ctx.theme().table.max_stretch;
  return f;
}

// Row heights: the tallest single-row cell (at least the minimum row height); a rowspan cell that
// needs more than its rows give it enlarges its last row.
std::vector<double> row_heights(const std::vector<TableCellBox>& cells, int rows, double pad_y,
                                double min_h) {
  std::vector<double> h(static_cast<size_t>(rows), min_h);
  auto need = [&](const TableCellBox& b) { return b.lines.size() * b.pitch + 2 * pad_y; };
  for (const auto& b : cells)
    if (b.g.rowspan == 1)
      h[static_cast<size_t>(b.g.row)] = std::max(h[static_cast<size_t>(b.g.row)], need(b));
  for (const auto& b : cells) {
    if (b.g.rowspan == 1) continue;
    auto first = h.begin() + b.g.row, last = first + b.g.rowspan;
    double have = std::accumulate(first, last, 0.0);
    if (need(b) > have) *(last - 1) += need(b) - have;
  }
  return h;
}

// The header block's left / centre / right items on one line when they fit with an em between them
// (the centre item moving right of a long left item if need be); an item that does not fit starts
// the next line at its own position.
std::vector<BlockPiece> arrange_header_block(const std::array<std::vector<text::Line>, 3>& items,
                                             double width, double gap, int& lines) {
  std::vector<BlockPiece> out;
  int line = 0;
  double end = -1;  // right end of what is on the current line; < 0: nothing yet
  for (size_t k = 0; k < items.size(); ++k) {
    const auto& item = items[k];
    for (size_t j = 0; j < item.size(); ++j) {
      const text::Line& l = item[j];
      const double w = l.right - l.left;
      const double ideal = k == 0 ? 0 : k == 1 ? (width - w) / 2 : width - w;
      double x = ideal;
      if (end >= 0) {
        if (k == 1) x = std::max(ideal, end + gap);
        if (j > 0 || x < end + gap - 1e-6 || x + w > width + 1e-6) {
          ++line;
          x = ideal;
        }
      }
      out.push_back({line, x - l.left, l});
      end = x + w;
    }
  }
  lines = out.empty() ? 0 : line + 1;
  return out;
}

}  // namespace

double TablePlan::start_height(int rows) const {
  double h = title_height + block_height + head_height;
  for (int r = 0; r < rows && r < static_cast<int>(body_h.size()); ++r)
    h += body_h[static_cast<size_t>(r)];
  return h;
}

double TablePlan::total_height() const {
  return start_height(static_cast<int>(body_h.size()));
}

double TablePlan::notes_height(const Theme& theme) const {
  const Style& s = theme.table.note;
  double h = 0;
  for (const auto& n : notes) h += s.space_before * s.size + n.size() * s.size * s.leading;
  return h;
}

TablePlan plan_table(const doc::Table& t, Context& ctx, double width) {
  const Theme& theme = ctx.theme();
  const TableTheme& tt = theme.table;
  TablePlan p;
  p.table = &t;
  p.width = width;
  p.pad_x = mm(tt.padding_x);
  p.pad_y = mm(tt.padding_y);

  const int cols = column_count(t);
  const Grid head = build_grid(t.head, cols, "table " + t.id);
  const Grid body = build_grid(t.body, cols, "table " + t.id);
  p.head = make_boxes(head);
  p.body = make_boxes(body);

  // Column widths from the relative widths or the content, never below the widest unbreakable
  // piece. A table whose unbreakable content (numbers, codes) nearly fills the measure is set
  // compact.
  // Each cell is prepared (fonts, shaping, break opportunities) once per size, measured for the
  // column widths, then set in its column.
  std::vector<text::Prepared> prepared;
  auto extents_at = [&](bool compact) {
    std::vector<CellExtent> extents;
    prepared.clear();
    for (auto* group : {&p.head, &p.body}) {
      for (const TableCellBox& b : *group) {
        prepared.emplace_back();
        if (b.g.cell->text.empty()) continue;
        ctx.check_time();
        ctx.coverage().set_context(where(t, b.g, group == &p.head));
        CellLook l = look(*b.g.cell, b.g.role, theme, compact);
        auto run = run_of(b, l, ctx);
        const auto f = format_of(b, l, ctx, 1e9);
        prepared.back() = ctx.typesetter().prepare({&run, 1}, f);
        auto e = ctx.typesetter().measure(prepared.back(), f);
        extents.push_back({b.g.col, b.g.colspan, e.min + 2 * p.pad_x, e.max + 2 * p.pad_x});
      }
    }
    return extents;
  };
  auto extents = extents_at(false);
  p.compact = tt.compact_size < tt.cell.size &&
              column_needs(cols, extents).min_total() > tt.compact_when * width;
  if (p.compact) extents = extents_at(true);
  auto widths = column_widths(cols, t.column_widths, extents, width);
  p.col_x.assign(1, 0.0);
  for (double w : widths) p.col_x.push_back(p.col_x.back() + w);

  size_t k = 0;
  for (auto* group : {&p.head, &p.body}) {
    for (TableCellBox& b : *group) {
      const text::Prepared& text = prepared[k++];
      CellLook l = look(*b.g.cell, b.g.role, theme, p.compact);
      b.pitch = ctx.pitch(l.style);
      b.base = ctx.baseline(l.style);
      if (b.g.cell->text.empty()) continue;
      ctx.check_time();
      const double w = p.col_x[static_cast<size_t>(b.g.col + b.g.colspan)] -
                       p.col_x[static_cast<size_t>(b.g.col)] - 2 * p.pad_x;
      b.lines = ctx.typesetter().set(text, format_of(b, l, ctx, w));
    }
  }
  const double min_h = tt.min_row_height * (p.compact ? tt.compact_size : tt.cell.size);
  p.head_h = row_heights(p.head, head.rows, p.pad_y, min_h);
  p.body_h = row_heights(p.body, body.rows, p.pad_y, min_h);
  p.head_height = std::accumulate(p.head_h.begin(), p.head_h.end(), 0.0);

  ctx.coverage().set_context("table " + t.id + " title");
  if (!t.title.empty()) {
    p.title = ctx.set(t.title, theme.table_title, width);
    p.title_height = p.title.size() * ctx.pitch(theme.table_title) +
                     theme.table_title.space_after * theme.table_title.size;
  }
  const Style& hb = tt.header_block;
  if (t.header_block) {
    ctx.coverage().set_context("table " + t.id + " header block");
    Style s = hb;
    s.align = text::Align::Left;
    int lines = 0;
    p.block = arrange_header_block(
        {ctx.set(t.header_block->left, s, width), ctx.set(t.header_block->center, s, width),
         ctx.set(t.header_block->right, s, width)},
        width, hb.size, lines);
    p.block_height = lines * ctx.pitch(hb) + hb.space_after * hb.size;
  }
  if (!tt.continued_mark.empty()) {
    Style s = hb;
    s.align = text::Align::Right;
    p.mark = ctx.set(tt.continued_mark, s, width);
    p.mark_height = ctx.pitch(hb);
  }
  for (const auto& note : t.notes) {
    ctx.coverage().set_context("table " + t.id + " note");
    p.notes.push_back(ctx.set(note, tt.note, width));
  }
  return p;
}

}  // namespace bp::layout
