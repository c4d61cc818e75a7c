#include "layout/table_plan.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <numeric>
#include <string_view>

#include "layout/blocks.hpp"
#include "layout/fit_classes.hpp"
#include "layout/units.hpp"
#include "util/mix64.hpp"

namespace bp::layout {

namespace {

bool is_head(doc::RowRole r) {
  return r == doc::RowRole::Head || r == doc::RowRole::ColumnNumbers;
}

// The style a cell is set in: head rows bold and centred, 合计/类 rows bold (theme), numbers
// right-aligned with tabular figures, wrapped text ragged right (as bureau tables set it: a narrow
// cell justified letter by letter reads "参 加 培 训 的 人").
struct CellLook {
  Style style;
  bool bold = false;
  bool tabular = false;
};

CellLook look(const doc::Cell& c, doc::RowRole role, const Theme& t, bool compact, Digits digits) {
  const TableTheme& tt = t.table;
  CellLook l{role == doc::RowRole::Head ? tt.head : tt.cell};
  if (compact) l.style.size = tt.compact_size;
  l.bold = c.bold || (role == doc::RowRole::Total && tt.bold_total) ||
           (role == doc::RowRole::Level1 && tt.bold_level1);
  l.tabular = c.number.has_value() && digits == Digits::Tabular;
  l.style.indent = 0;
  if (is_head(role))
    l.style.align = text::Align::Center;
  else if (c.number)
    l.style.align = text::Align::Right;
  else if (c.align == doc::Align::Left)
    l.style.align = text::Align::Left;
  else
    l.style.align = to_text_align(c.align);
  if (l.style.align == text::Align::Justify) l.style.align = text::Align::Left;
  return l;
}

// "table ID[ head] row R column C[ (SOURCE)]": Coverage's place for a cell. Set for every cell
// prepared (some 3 500 a document), so written into one buffer (issue 20K: the chain of operator+
// made five strings per cell).
std::string where(const doc::Table& t, const GridCell& g, bool head) {
  const std::string& source = g.cell->source;
  std::string s;
  s.reserve(t.id.size() + source.size() + 48);
  s += "table ";
  s += t.id;
  if (head) s += " head";
  char num[16];
  s += " row ";
  s.append(num, std::to_chars(num, num + sizeof num, g.row + 1).ptr);
  s += " column ";
  s.append(num, std::to_chars(num, num + sizeof num, g.col + 1).ptr);
  if (!source.empty()) {
    s += " (";
    s += source;
    s += ')';
  }
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
  f.word_aware = true;  // lines end between words; no single character on a last line
  f.keep_terms = b.g.role == doc::RowRole::Head;  // header labels never break inside a term
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
  double h = title_height + block_height + lead_height + head_height;
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

namespace {

// The narrowest width from `from` (padding excluded) at which the cell's last line holds more
// than one character ("≥1500/人", "序/号"): up to 8 steps of a quarter em, else `from` (a long
// text whose last line the line filler can still mend by itself at other widths).
double no_single_last(Context& ctx, const text::Prepared& text, text::ParagraphFormat f,
                      double from, double natural, double em) {
  for (int step = 0; step <= 8; ++step) {
    f.width = std::min(from + step * 0.25 * em, natural);
    if (!ctx.typesetter().fit(text, f).single_last) return f.width;
    if (f.width >= natural) break;
  }
  return from;
}

// A body cell that carries no information for the column widths: a zero amount or a dash (－, —,
// –, -). A column of such cells (and blanks) is empty: it gets its floor before any other column
// its preferred width.
bool says_nothing(const doc::Cell& c) {
  if (c.number) return c.number->scaled == 0;
  std::string_view t = c.text;
  for (bool more = true; more;) {
    more = false;
    for (std::string_view dash : {"-", "－", "—", "–", " "})
      if (t.starts_with(dash)) {
        t.remove_prefix(dash.size());
        more = true;
      }
  }
  return t.empty();
}

// What measure_cells asks of a cell's prepared text: its extent and its hard minimum (the width
// from which its last line holds more than one character; padding excluded).
struct Measured {
  text::Extent extent;
  double hard_min = 0;
};

// Measured, once per prepared text, format, kind of minimum and size within one measuring of a
// table or grid (issue 20K): 合计, 0.00, －, 数量指标 recur down a table's columns and through a
// grid's tables, and the prepared memo gives them one Units. Both are pure functions of those
// inputs. Keyed by Prepared::identity, so the prepared texts must outlive the memo (the Cells that
// hold them do). Its entries also name the cells' fit classes (layout/fit_classes.hpp): the same
// text, format and padding cost the same at every width.
class MeasureMemo {
 public:
  // Room for `more` entries without growing the look-up table (the entries grow geometrically: a
  // grid asks once per member table).
  void reserve(size_t more) {
    if (entries_.capacity() < entries_.size() + more)
      entries_.reserve(std::max(2 * entries_.capacity(), entries_.size() + more));
    size_t n = 64;
    while (n < 2 * (entries_.size() + more)) n *= 2;
    if (n > slots_.size()) rehash(n);
  }
  // The entry of (text, f, label, em), measured on first ask.
  size_t get(const text::Prepared& text, const text::ParagraphFormat& f, bool label, double em,
             Context& ctx) {
    if (2 * (entries_.size() + 1) > slots_.size()) rehash(slots_.empty() ? 64 : 2 * slots_.size());
    const void* id = text.identity();
    size_t i = slot(id);
    while (slots_[i].text && slots_[i].text != id) i = (i + 1) & (slots_.size() - 1);
    const size_t latest = slots_[i].text ? slots_[i].entry : kNone;
    for (size_t e = latest; e != kNone; e = entries_[e].next)
      if (entries_[e].label == label && entries_[e].em == em && entries_[e].format == f) return e;
    Entry e{f, label, em, {}, latest};
    e.value.extent = ctx.typesetter().measure(text, f);
    const text::Extent& x = e.value.extent;
    e.value.hard_min = no_single_last(ctx, text, f, label ? x.seam_min : x.min, x.max, em);
    slots_[i] = {id, entries_.size()};
    entries_.push_back(std::move(e));
    return entries_.size() - 1;
  }
  const Measured& operator[](size_t e) const { return entries_[e].value; }

 private:
  static constexpr size_t kNone = ~size_t{0};
  struct Entry {
    text::ParagraphFormat format;
    bool label = false;
    double em = 0;
    Measured value;
    size_t next = kNone;  // the entry of the same text made before
  };
  struct Slot {
    const void* text = nullptr;
    size_t entry = kNone;  // its latest entry
  };
  size_t slot(const void* p) const {
    return static_cast<size_t>(mix64(reinterpret_cast<uintptr_t>(p))) & (slots_.size() - 1);
  }
  void rehash(size_t n) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(n, Slot{});
    for (const Slot& s : old) {
      if (!s.text) continue;
      size_t i = slot(s.text);
      while (slots_[i].text) i = (i + 1) & (n - 1);
      slots_[i] = s;
    }
  }
  std::vector<Slot> slots_;  // open addressing, by text
  std::vector<Entry> entries_;
};

// Whether a table is set compact is known before all its cells are measured at the normal size
// (issue 20K): wants_compact compares the sums of the columns' widest words and hard minimums with
// the width, and every cell only raises them (a column's value is the largest of its cells',
// spanning cells add to it, never take away). Once the sums over the cells measured so far exceed
// the limits the table is compact, and its other cells need no measuring at the normal size (they
// are still prepared: the same Coverage reports in the same order).
class CompactWatch {
 public:
  CompactWatch(const TableTheme& tt, int cols, double width)
      : limit_min_(tt.compact_when * width),
        width_(width),
        can_(tt.compact_size < tt.cell.size),
        min_(static_cast<size_t>(std::max(cols, 1)), 0),
        hard_(min_) {}
  void add(const CellExtent& e) {
    if (!can_ || certain_ || e.colspan != 1 || e.col < 0 ||
        static_cast<size_t>(e.col) >= min_.size())
      return;
    const auto c = static_cast<size_t>(e.col);
    if (e.min <= min_[c] && std::max(e.min, e.hard_min) <= hard_[c]) return;
    min_[c] = std::max(min_[c], e.min);
    hard_[c] = std::max(hard_[c], std::max(e.min, e.hard_min));
    // Summed in column order as ColumnNeeds::min_total and hard_total sum: rounding is monotone,
    // so these sums are at most theirs.
    certain_ = std::accumulate(min_.begin(), min_.end(), 0.0) > limit_min_ ||
               std::accumulate(hard_.begin(), hard_.end(), 0.0) > width_;
  }
  // The table is compact whatever its other cells measure.
  bool certain() const { return certain_; }

 private:
  double limit_min_, width_;
  bool can_;
  std::vector<double> min_, hard_;
  bool certain_ = false;
};

// The cells of a table (lead rows of a project's info block, head, body) as grid boxes, and the
// measuring of their text. Each cell is prepared (fonts, shaping, break opportunities) once per
// size, measured for the column widths, then set in its column.
struct Cells {
  std::vector<TableCellBox> lead, head, body;
  int lead_rows = 0, head_rows = 0, body_rows = 0;
  std::vector<text::Prepared> prepared;  // lead, head, body cells in order
  // Per extent measure() returned: its prepared text and paragraph format (for exact fits), and
  // its fit class (the MeasureMemo entry of its text, or -1 for a padding of its own).
  std::vector<std::pair<size_t, text::ParagraphFormat>> fit_of;
  std::vector<int> fit_class;

  Cells(const doc::Table& t, const doc::Table* lead_table, int cols) {
    const std::string what = "table " + t.id;
    if (lead_table) {
      const Grid g = build_grid(lead_table->body, cols, "table " + lead_table->id);
      lead = make_boxes(g);
      lead_rows = g.rows;
    }
    const Grid h = build_grid(t.head, cols, what), b = build_grid(t.body, cols, what);
    head = make_boxes(h);
    body = make_boxes(b);
    head_rows = h.rows;
    body_rows = b.rows;
  }
  std::array<std::vector<TableCellBox>*, 3> groups() { return {&lead, &head, &body}; }

  // Width needs of every cell; rows numbered from `first_row` (lead, head, body in turn).
  // `watch` (measuring at the normal size): told every extent; once it is certain the table is
  // compact, the cells after are only prepared (their extents would be thrown away).
  // `memo`: measured texts, shared by the tables of a grid (it must not outlive the Cells whose
  // texts it measured, nor meet those of another size).
  std::vector<CellExtent> measure(const doc::Table& t, Context& ctx, bool compact, double pad_x,
                                  int first_row, Digits digits, MeasureMemo& memo,
                                  CompactWatch* watch = nullptr) {
    return measure_cells(t, ctx, compact, pad_x, first_row, digits, &memo, watch);
  }
  // The cells prepared for setting only (the widths are given: a shared grid's).
  void prepare(const doc::Table& t, Context& ctx, bool compact, Digits digits) {
    measure_cells(t, ctx, compact, 0, 0, digits, nullptr, nullptr);
  }

 private:
  std::vector<CellExtent> measure_cells(const doc::Table& t, Context& ctx, bool compact,
                                        double pad_x, int first_row, Digits digits,
                                        MeasureMemo* memo, CompactWatch* watch) {
    const Theme& theme = ctx.theme();
    const bool want_extents = memo != nullptr;
    std::vector<CellExtent> extents;
    prepared.clear();
    fit_of.clear();
    fit_class.clear();
    if (memo) memo->reserve(lead.size() + head.size() + body.size());
    int row0 = first_row;
    for (auto* group : groups()) {
      for (const TableCellBox& b : *group) {
        prepared.emplace_back();
        if (b.g.cell->text.empty()) continue;
        ctx.check_time();
        ctx.coverage().set_context(where(t, b.g, group == &head));
        CellLook l = look(*b.g.cell, b.g.role, theme, compact, digits);
        auto run = run_of(b, l, ctx);
        const auto f = format_of(b, l, ctx, 1e9);
        prepared.back() = ctx.typesetter().prepare({&run, 1}, f);
        if (!want_extents || (watch && watch->certain())) continue;
        const bool label = group == &head && b.g.role == doc::RowRole::Head;
        const size_t entry = memo->get(prepared.back(), f, label, l.style.size, ctx);
        const Measured& m = (*memo)[entry];
        text::Extent e = m.extent;
        // An amount measured for another program's layout (Digits::Font) gets a quarter em of
        // slack: Word and LibreOffice round widths to twips and may set the digits a little wider.
        const double pad =
            2 * pad_x + (digits == Digits::Font && b.g.cell->number ? 0.25 * l.style.size : 0);
        CellExtent x{b.g.col, b.g.colspan, e.min + pad, e.max + pad};
        x.term_min = e.term_min + pad;
        // A header label's hard minimum: its widest whole term (a compound may split between the
        // terms it is made of); a body cell's is its widest word.
        x.hard_min = m.hard_min + pad;
        x.lines = std::move(e.hard_lines);
        x.pad = pad;
        x.em = l.style.size;
        x.row = row0 + b.g.row;
        x.rowspan = b.g.rowspan;
        x.kind = group == &head            ? CellExtent::Kind::Head
                 : says_nothing(*b.g.cell) ? CellExtent::Kind::Filler
                                           : CellExtent::Kind::Body;
        if (watch) watch->add(x);
        extents.push_back(std::move(x));
        fit_of.push_back({prepared.size() - 1, f});
        fit_class.push_back(pad == 2 * pad_x ? static_cast<int>(entry) : -1);
      }
      row0 += group == &lead ? lead_rows : group == &head ? head_rows : body_rows;
    }
    return extents;
  }

 public:
  int rows() const { return lead_rows + head_rows + body_rows; }
};

// What a cell costs in a column `width` pt wide (padding included): its lines, plus a third of a
// line for each line ending inside a term or word, and a penalty of two lines for a
// single-character last line, so that widths that break words or strand a character are avoided
// where others do as well. A wrapped cell adds up to a quarter line the less of its text fits on
// one line: line counts are steps, and this slope leads width towards the cells that need much more
// of it to lose a line.
CellFit fit_cost(Context& ctx, const text::Prepared& text, text::ParagraphFormat f, double width,
                 double pad, double natural, WidthGoal goal = WidthGoal::Looks) {
  f.width = std::max(1.0, width - pad);
  const text::Fit fit = ctx.typesetter().fit(text, f);
  const double slope = natural > width ? 0.25 * (natural - width) / natural : 0;
  // A single character on the last line costs two lines whether or not the cell sets its row's
  // height (序/号 beside a taller cell would otherwise cost nothing); a header label split between
  // the terms of a compound (一般公共预算/财政拨款) half a line: the compound stays whole unless
  // that costs the rows more.
  const double seams = f.keep_terms && goal == WidthGoal::Looks ? 0.5 * fit.seam_breaks : 0.0;
  return {fit.lines + fit.inner_breaks / 3.0 + slope, (fit.single_last ? 2.0 : 0.0) + seams};
}

// Exact fits cost a line filling per cell and width tried: for tables with more text than this
// (pt of unwrapped text, about 20 000 characters) the line counts are estimated instead.
constexpr double kExactFitText = 200000;
double text_total(const std::vector<CellExtent>& extents) {
  double t = 0;
  for (const auto& e : extents) t += e.max;
  return t;
}

// A table whose unbreakable content (numbers, codes) nearly fills the measure is set compact, and
// so is one whose header labels cannot all keep their terms whole at the normal size.
bool wants_compact(const TableTheme& tt, int cols, const std::vector<CellExtent>& extents,
                   double width) {
  const ColumnNeeds needs = column_needs(cols, extents);
  return tt.compact_size < tt.cell.size &&
         (needs.min_total() > tt.compact_when * width || needs.hard_total() > width);
}

}  // namespace

SharedGrid shared_grid(const std::vector<GridMember>& tables, Context& ctx, double width) {
  SharedGrid g;
  if (tables.empty()) return g;
  const TableTheme& tt = ctx.theme().table;
  const double pad_x = mm(tt.padding_x);
  const doc::Table& first = *tables.front().table;
  const int cols = column_count(first);
  std::vector<Cells> cells;                      // kept for the exact fits
  std::vector<std::pair<size_t, size_t>> owner;  // extent → (table, its extent index)
  CompactWatch watch(tt, cols, width);
  MeasureMemo memo;  // of the Cells in `cells`
  auto all_extents = [&](bool compact) {
    std::vector<CellExtent> all;
    memo = MeasureMemo{};
    cells.clear();
    owner.clear();
    int row = 0;
    for (const GridMember& m : tables) {
      cells.emplace_back(*m.table, m.lead, cols);
      auto e = cells.back().measure(*m.table, ctx, compact, pad_x, row, Digits::Tabular, memo,
                                    compact ? nullptr : &watch);
      row += cells.back().rows();
      for (size_t k = 0; k < e.size(); ++k) owner.push_back({cells.size() - 1, k});
      all.insert(all.end(), std::make_move_iterator(e.begin()), std::make_move_iterator(e.end()));
    }
    return all;
  };
  auto extents = all_extents(false);
  g.compact = watch.certain() || wants_compact(tt, cols, extents, width);
  if (g.compact) extents = all_extents(true);
  const bool exact = text_total(extents) <= kExactFitText;
  std::vector<int> ids(exact ? extents.size() : 0);
  for (size_t k = 0; k < ids.size(); ++k) ids[k] = cells[owner[k].first].fit_class[owner[k].second];
  FitClasses classes(std::move(ids));
  const CellCost cost = [&](size_t k, double w) {
    return classes.get(k, w, [&] {
      const auto [t, e] = owner[k];
      const auto& [idx, f] = cells[t].fit_of[e];
      return fit_cost(ctx, cells[t].prepared[idx], f, w, extents[k].pad, extents[k].max);
    });
  };
  g.widths = column_widths(cols, first.column_widths, extents, width, exact ? cost : CellCost{});
  return g;
}

TablePlan plan_table(const doc::Table& t, Context& ctx, double width, const SharedGrid* grid,
                     const doc::Table* lead, Digits digits, WidthGoal goal) {
  const Theme& theme = ctx.theme();
  const TableTheme& tt = theme.table;
  TablePlan p;
  p.table = &t;
  p.lead_table = lead;
  p.width = width;
  p.pad_x = mm(tt.padding_x);
  p.pad_y = mm(tt.padding_y);
  const doc::Table& top = lead ? *lead : t;  // title and header block
  // A table on its own page titles it like a part; one inside the text (a project's 绩效目标表)
  // has a caption, smaller than the headings above it.
  p.title_style = top.new_page || top.toc_level > 0 ? theme.table_title : theme.caption;

  const int cols =
      grid && !grid->widths.empty() ? static_cast<int>(grid->widths.size()) : column_count(t);
  Cells cells(t, lead, cols);

  // Column widths from the content and the relative widths (column_widths), or those shared
  // with the document's other tables of the same grid.
  std::vector<double> widths;
  if (grid && !grid->widths.empty()) {
    p.compact = grid->compact;
    cells.prepare(t, ctx, p.compact, digits);  // measuring would be for widths not asked for
    widths = grid->widths;
  } else {
    std::vector<CellExtent> extents;
    MeasureMemo memo;
    if (goal == WidthGoal::CompactHeight && tt.compact_size < tt.cell.size) {
      // Compact whatever the cells measure: their text is still prepared at the normal size
      // first, as before (the same Coverage reports, in the same order), but not measured there.
      cells.prepare(t, ctx, false, digits);
      p.compact = true;
    } else {
      CompactWatch watch(tt, cols, width);
      extents = cells.measure(t, ctx, false, p.pad_x, 0, digits, memo, &watch);
      p.compact = watch.certain() || wants_compact(tt, cols, extents, width);
    }
    if (p.compact) {
      memo = MeasureMemo{};  // its texts (the normal size's) are gone with the measuring below
      extents = cells.measure(t, ctx, true, p.pad_x, 0, digits, memo);
    }
    const bool exact = text_total(extents) <= kExactFitText;
    FitClasses classes(exact ? cells.fit_class : std::vector<int>{});
    const CellCost cost = [&](size_t k, double w) {
      return classes.get(k, w, [&] {
        const auto& [idx, f] = cells.fit_of[k];
        return fit_cost(ctx, cells.prepared[idx], f, w, extents[k].pad, extents[k].max, goal);
      });
    };
    widths = column_widths(cols, t.column_widths, extents, width, exact ? cost : CellCost{});
  }
  p.col_x.assign(1, 0.0);
  for (double w : widths) p.col_x.push_back(p.col_x.back() + w);

  size_t k = 0;
  for (auto* group : cells.groups()) {
    for (TableCellBox& b : *group) {
      const text::Prepared& text = cells.prepared[k++];
      CellLook l = look(*b.g.cell, b.g.role, theme, p.compact, digits);
      b.pitch = ctx.pitch(l.style);
      b.base = ctx.baseline(l.style);
      if (b.g.cell->text.empty()) continue;
      ctx.check_time();
      const double w = p.col_x[static_cast<size_t>(b.g.col + b.g.colspan)] -
                       p.col_x[static_cast<size_t>(b.g.col)] - 2 * p.pad_x;
      b.lines = ctx.typesetter().set(text, format_of(b, l, ctx, w));
    }
  }
  p.lead = std::move(cells.lead);
  p.head = std::move(cells.head);
  p.body = std::move(cells.body);
  const double min_h = tt.min_row_height * (p.compact ? tt.compact_size : tt.cell.size);
  p.lead_h = row_heights(p.lead, cells.lead_rows, p.pad_y, min_h);
  p.head_h = row_heights(p.head, cells.head_rows, p.pad_y, min_h);
  p.body_h = row_heights(p.body, cells.body_rows, p.pad_y, min_h);
  p.lead_height = std::accumulate(p.lead_h.begin(), p.lead_h.end(), 0.0);
  p.head_height = std::accumulate(p.head_h.begin(), p.head_h.end(), 0.0);

  ctx.coverage().set_context("table " + t.id + " title");
  if (!top.title.empty()) {
    p.title = ctx.set(top.title, p.title_style, width);
    p.title_height =
        p.title.size() * ctx.pitch(p.title_style) + p.title_style.space_after * p.title_style.size;
  }
  const Style& hb = tt.header_block;
  if (top.header_block) {
    ctx.coverage().set_context("table " + t.id + " header block");
    Style s = hb;
    s.align = text::Align::Left;
    int lines = 0;
    p.block = arrange_header_block(
        {ctx.set(top.header_block->left, s, width), ctx.set(top.header_block->center, s, width),
         ctx.set(top.header_block->right, s, width)},
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
