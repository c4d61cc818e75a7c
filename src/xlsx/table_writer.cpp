#include "xlsx/table_writer.hpp"

#include <algorithm>
#include <cmath>

#include "document/grid.hpp"
#include "util/xml_text.hpp"
#include "xlsx/cell_refs.hpp"
#include "xlsx/label_lines.hpp"

namespace bp::xlsx {

namespace {

// A centred or right-aligned body cell holding a plain count (序号, 数量): numeric in the sheet.
// Digits in a left-aligned cell are codes (科目编码) and stay text.
bool is_count(const doc::Cell& c) {
  if (c.align == doc::Align::Left || c.text.empty() || c.text.size() > 15) return false;
  if (c.text.size() > 1 && c.text[0] == '0') return false;
  return std::all_of(c.text.begin(), c.text.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

double to_double(const doc::Number& n) {
  return static_cast<double>(n.scaled) / std::pow(10.0, n.decimals);
}

// n expressed with `decimals` places; nullopt if that loses digits.
std::optional<int64_t> rescale(const doc::Number& n, int decimals) {
  int64_t v = n.scaled;
  for (int d = n.decimals; d < decimals; ++d) v *= 10;
  for (int d = n.decimals; d > decimals; --d) {
    if (v % 10) return std::nullopt;
    v /= 10;
  }
  return v;
}

// A row gets its own height when its text wraps or is larger than fits Excel's default row.
bool needs_height(int lines, double size) {
  return lines > 1 || size > kUnitsSize;
}

// What failed, for the error message only.
std::string cell_message(int row, int col) {
  return "写入单元格 " + cell_ref(row, col);
}

int clamp_span(int start, int span, int limit) {
  return std::max(1, std::min(span, limit - start));
}

}  // namespace

double row_height(int lines, double size) {
  return std::round((lines * size * 1.35 + 4) * 4) / 4;
}

bool parts_add_up(const std::optional<doc::Number>& total,
                  const std::vector<std::optional<doc::Number>>& parts) {
  const int dec = total ? total->decimals : 2;
  int64_t sum = 0;
  for (const auto& p : parts) {
    if (!p) continue;
    auto v = rescale(*p, dec);
    if (!v) return false;
    sum += *v;
  }
  return sum == (total ? total->scaled : 0);
}

BlockSplit split_header_block(const doc::HeaderBlock& hb, const std::vector<double>& widths) {
  const int n = static_cast<int>(widths.size());
  if (n < 3) return {1, 1};
  auto need = [](const std::string& s) { return text_units(s) * 1.05 + 2; };
  const double left_need = need(hb.left), right_need = need(hb.right);
  int left_end = 1;
  for (double w = widths[0]; left_end < n - 2 && w < left_need; ++left_end) w += widths[left_end];
  // Without a centre part the right part may take every column the left part leaves
  // ("截止时间：2022-12-31" over 数量 and 价值 of the asset table instead of one narrow column).
  const int keep_center = hb.center.empty() ? 0 : 1;
  int right_begin = n - 1;
  for (double w = widths[n - 1]; right_begin > left_end + keep_center && w < right_need;
       --right_begin)
    w += widths[right_begin - 1];
  return {left_end, right_begin};
}

double TableWriter::span_width(int first_col, int last_col) const {
  double w = 0;
  for (int c = first_col; c <= last_col && c < static_cast<int>(fit_.widths.size()); ++c)
    w += fit_.widths[c];
  return w;
}

void TableWriter::put(int row, int col, int last_row, int last_col, const std::string& raw,
                      lxw_format* f) {
  // libxlsxwriter escapes markup, not control characters; almost every text is clean already.
  std::string cleaned;
  const std::string& text = is_xml_safe(raw) ? raw : (cleaned = xml_safe(raw));
  if (row == last_row && col == last_col) {
    const lxw_error e = text.empty() ? lxw::worksheet_write_blank(ws_, row, col, f)
                                     : lxw::worksheet_write_string(ws_, row, col, text.c_str(), f);
    wb_.check_with(e, [&] { return cell_message(row, col); });
    return;
  }
  wb_.check_with(lxw::worksheet_merge_range(ws_, row, col, last_row, last_col, text.c_str(), f),
                 [&] { return "合并单元格 " + range_ref(row, col, last_row, last_col); });
}

void TableWriter::title(const doc::Table& t, int row, int ncols) {
  const TypeSizes& type = wb_.type();
  Style s;
  s.bold = type.title_bold;
  s.size = type.title;
  s.align = doc::Align::Center;
  s.wrap = true;
  put(row, 0, row, ncols - 1, t.title, wb_.format(s));
  // Column widths count characters of the body size.
  const int lines = wrapped_lines(t.title, span_width(0, ncols - 1) * type.body / type.title);
  wb_.check(lxw::worksheet_set_row(ws_, row, row_height(lines, type.title) + 6, nullptr),
            "设置行高");
}

void TableWriter::header_block(const doc::HeaderBlock& hb, int row, int ncols) {
  std::vector<double> widths(fit_.widths.begin(), fit_.widths.begin() + ncols);
  const BlockSplit sp = split_header_block(hb, widths);
  struct Part {
    std::string text;
    doc::Align align;
    int first, last;
  };
  std::vector<Part> parts;
  if (ncols < 3) {
    std::string joined = hb.left;
    for (const auto* s : {&hb.center, &hb.right})
      if (!s->empty()) joined += (joined.empty() ? "" : "    ") + *s;
    parts.push_back({joined, doc::Align::Left, 0, ncols - 1});
  } else {
    parts.push_back({hb.left, doc::Align::Left, 0, sp.left_end - 1});
    parts.push_back({hb.center, doc::Align::Center, sp.left_end, sp.right_begin - 1});
    parts.push_back({hb.right, doc::Align::Right, sp.right_begin, ncols - 1});
  }
  // Column widths count characters of the body size; the block may be set at another size.
  const double scale = wb_.type().body / wb_.type().block;
  int lines = 1;
  for (const auto& p : parts) {
    if (p.last < p.first) continue;  // an empty centre part the right part took over
    Style s;
    s.size = wb_.type().block;
    s.align = p.align;
    s.wrap = true;
    // The centre and right parts are "label：value" (预算年度：2023, 截止时间：2022-12-31): broken
    // by us, after the colon and never inside the value. The left part (the department) wraps as
    // the viewer likes.
    const std::string& text = p.align == doc::Align::Left
                                  ? p.text
                                  : wb_.label_lines(p.text, span_width(p.first, p.last) * scale);
    put(row, p.first, row, p.last, text, wb_.format(s));
    lines = std::max(lines, wrapped_lines(text, span_width(p.first, p.last) * scale));
  }
  if (needs_height(lines, wb_.type().block))
    wb_.check(lxw::worksheet_set_row(ws_, row, row_height(lines, wb_.type().block), nullptr),
              "设置行高");
}

void TableWriter::head(const std::vector<doc::Row>& rows, int first_row, int ncols) {
  auto g = doc::resolve_grid(rows, ncols);
  const int nrows = static_cast<int>(rows.size());
  const TypeSizes& type = wb_.type();
  const double scale = type.body / type.head;  // column widths count body-size characters
  std::vector<int> lines(nrows, 1);
  struct Tall {
    int row, rows, lines;
  };
  std::vector<Tall> tall;
  for (int r = 0; r < nrows; ++r)
    for (int c = 0; c < ncols; ++c) {
      const auto& slot = g[r][c];
      Style s;
      s.size = type.head;
      s.border = true;
      s.wrap = true;
      s.align = doc::Align::Center;
      if (!slot.cell) {  // ragged header row: keep the frame closed
        put(first_row + r, c, first_row + r, c, "", wb_.format(s));
        continue;
      }
      if (slot.row != r || slot.col != c) continue;
      const doc::Cell& cell = *slot.cell;
      const int rs = clamp_span(r, cell.rowspan, nrows), cs = clamp_span(c, cell.colspan, ncols);
      s.bold = cell.bold || (type.head_bold && rows[r].role == doc::RowRole::Head);
      s.align = cell.align;
      // Broken by us at the typesetter's opportunities (label_lines.hpp): no viewer re-wraps it.
      const std::string& label = wb_.label_lines(cell.text, span_width(c, c + cs - 1) * scale);
      put(first_row + r, c, first_row + r + rs - 1, c + cs - 1, label, wb_.format(s));
      const int l = wrapped_lines(label, span_width(c, c + cs - 1) * scale);
      if (rs == 1)
        lines[r] = std::max(lines[r], l);
      else
        tall.push_back({r, rs, l});
    }
  // A cell spanning rows may need more lines than its rows give: the last row takes the rest.
  for (const auto& t : tall) {
    int have = 0;
    for (int k = 0; k < t.rows; ++k) have += lines[t.row + k];
    if (have < t.lines) lines[t.row + t.rows - 1] += t.lines - have;
  }
  for (int r = 0; r < nrows; ++r)
    if (needs_height(lines[r], type.head))
      wb_.check(
          lxw::worksheet_set_row(ws_, first_row + r, row_height(lines[r], type.head), nullptr),
          "设置行高");
}

void TableWriter::body(const std::vector<doc::Row>& rows, int first_row, int ncols) {
  auto g = doc::resolve_grid(rows, ncols);
  const int nrows = static_cast<int>(rows.size());
  std::vector<int> lines(nrows, 1);
  for (int r = 0; r < nrows; ++r) {
    const doc::Row& row = rows[r];
    const int R = first_row + r;
    for (int c = 0; c < ncols; ++c) {
      const auto& slot = g[r][c];
      Style s;
      s.border = true;
      s.size = wb_.type().body;
      if (!slot.cell) {
        put(R, c, R, c, "", wb_.format(s));
        continue;
      }
      if (slot.row != r || slot.col != c) continue;
      const doc::Cell& cell = *slot.cell;
      const int rs = clamp_span(r, cell.rowspan, nrows), cs = clamp_span(c, cell.colspan, ncols);
      s.bold = cell.bold || (wb_.type().total_bold && row.role == doc::RowRole::Total);
      s.align = cell.align;
      s.indent = cell.indent_em;
      const bool merged = rs > 1 || cs > 1;
      auto where = [&] { return cell_message(R, c); };

      // Totals and 类/款 subtotals: a SUM() over the rows they add up, with the value cached.
      const bool amount_slot =
          cell.number || (cell.align == doc::Align::Right && cell.text.empty());
      if (!row.sum_of.empty() && !merged && amount_slot) {
        std::vector<std::optional<doc::Number>> parts;
        std::vector<int> refs;
        bool ok = true;
        for (int i : row.sum_of) {
          if (i < 0 || i >= nrows || i == r) {
            ok = false;
            break;
          }
          const auto& ps = g[i][c];
          parts.push_back(ps.cell && ps.row == i && ps.col == c ? ps.cell->number : std::nullopt);
          refs.push_back(first_row + i);
        }
        if (ok && parts_add_up(cell.number, parts)) {
          if (auto f = sum_formula(c, refs)) {
            s.num_format = kTotalFormat;
            wb_.check_with(
                lxw::worksheet_write_formula_num(ws_, R, c, f->c_str(), wb_.format(s),
                                                 cell.number ? to_double(*cell.number) : 0.0),
                where);
            continue;
          }
        }
      }
      if (cell.number) {
        s.num_format = kNumberFormat;
        lxw_format* f = wb_.format(s);
        if (merged) put(R, c, R + rs - 1, c + cs - 1, "", f);
        wb_.check_with(lxw::worksheet_write_number(ws_, R, c, to_double(*cell.number), f), where);
        continue;
      }
      s.wrap = fit_.wrap[c] || cell.text.find('\n') != std::string::npos || merged;
      lxw_format* f = wb_.format(s);
      if (is_count(cell) && !merged) {
        wb_.check_with(lxw::worksheet_write_number(ws_, R, c, std::stod(cell.text), f), where);
        continue;
      }
      put(R, c, R + rs - 1, c + cs - 1, cell.text, f);
      if (rs == 1 && s.wrap)
        lines[r] = std::max(
            lines[r], wrapped_lines(cell.text, span_width(c, c + cs - 1) - 2.0 * cell.indent_em));
    }
  }
  for (int r = 0; r < nrows; ++r)
    if (needs_height(lines[r], wb_.type().body))
      wb_.check(lxw::worksheet_set_row(ws_, first_row + r, row_height(lines[r], wb_.type().body),
                                       nullptr),
                "设置行高");
}

void TableWriter::note(const std::string& text, int row, int ncols) {
  const TypeSizes& type = wb_.type();
  Style s;
  s.size = type.note;
  s.wrap = true;
  put(row, 0, row, ncols - 1, text, wb_.format(s));
  const int lines = wrapped_lines(text, span_width(0, ncols - 1) * type.body / type.note);
  if (needs_height(lines, type.note))
    wb_.check(lxw::worksheet_set_row(ws_, row, row_height(lines, type.note), nullptr), "设置行高");
}

Placement TableWriter::write(const doc::Table& t, int first_row) {
  Placement p;
  const int ncols = std::min(table_columns(t), static_cast<int>(fit_.widths.size()));
  p.columns = ncols;
  int row = first_row;
  if (!t.title.empty()) title(t, p.title_row = row++, ncols);
  if (t.header_block) header_block(*t.header_block, p.block_row = row++, ncols);
  if (!t.head.empty()) {
    p.head_first = row;
    head(t.head, row, ncols);
    row += static_cast<int>(t.head.size());
    p.head_last = row - 1;
  }
  if (!t.body.empty()) {
    p.body_first = row;
    body(t.body, row, ncols);
    row += static_cast<int>(t.body.size());
    p.body_last = row - 1;
  }
  for (const auto& n : t.notes) note(n, row++, ncols);
  p.last_row = std::max(first_row, row - 1);
  return p;
}

}  // namespace bp::xlsx
