#include "layout/table_draw.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace bp::layout {

namespace {

constexpr double kEps = 1e-6;

// Rules of one page's part of a table, merged so that every shared edge is drawn once.
class Rules {
 public:
  void box(double x0, double y0, double x1, double y1) {
    h_[key(y0)].push_back({x0, x1});
    h_[key(y1)].push_back({x0, x1});
    v_[key(x0)].push_back({y0, y1});
    v_[key(x1)].push_back({y0, y1});
  }
  // Inner rules at `inner` width; the outer frame [x0,x1]×[y0,y1] at `frame` width.
  void emit(PageFlow& flow, double x0, double y0, double x1, double y1, double inner,
            double frame) const {
    for (const auto& [k, segs] : h_) {
      double y = k / 100.0;
      if (std::abs(y - y0) < 0.02 || std::abs(y - y1) < 0.02) continue;
      for (auto [a, b] : merged(segs)) flow.rule(a, y, b, y, inner);
    }
    for (const auto& [k, segs] : v_) {
      double x = k / 100.0;
      if (std::abs(x - x0) < 0.02 || std::abs(x - x1) < 0.02) continue;
      for (auto [a, b] : merged(segs)) flow.rule(x, a, x, b, inner);
    }
    flow.rule(x0, y0, x1, y0, frame);
    flow.rule(x1, y0, x1, y1, frame);
    flow.rule(x1, y1, x0, y1, frame);
    flow.rule(x0, y1, x0, y0, frame);
  }

 private:
  using Segs = std::vector<std::pair<double, double>>;
  static long long key(double v) { return std::llround(v * 100); }
  static Segs merged(Segs s) {
    std::sort(s.begin(), s.end());
    Segs out;
    for (auto seg : s) {
      if (!out.empty() && seg.first <= out.back().second + 0.01)
        out.back().second = std::max(out.back().second, seg.second);
      else
        out.push_back(seg);
    }
    return out;
  }
  std::map<long long, Segs> h_, v_;
};

// Draws the cells of one row group (head or body) that meet the pieces placed on this page.
// Cell i's tag: its element, or an artifact where the group is repeated (`repeat`) or where a
// whole (not cut) cell was placed on an earlier page already (`placed`).
struct GroupTags {
  const std::vector<int>* node = nullptr;
  std::vector<char>* placed = nullptr;
  bool repeat = false;
};

void draw_group(const std::vector<TableCellBox>& cells, const std::vector<double>& heights,
                const std::vector<RowPiece>& pieces, const TablePlan& plan, double x0, double y0,
                PageFlow& flow, Rules& rules, const GroupTags& tags) {
  const size_t n = heights.size();
  std::vector<double> top(n, 0), bot(n, 0);
  std::vector<const RowPiece*> piece_of(n, nullptr);
  double y = y0;
  for (const RowPiece& p : pieces) {
    top[static_cast<size_t>(p.row)] = y;
    y += p.to - p.from;
    bot[static_cast<size_t>(p.row)] = y;
    piece_of[static_cast<size_t>(p.row)] = &p;
  }
  for (size_t ci = 0; ci < cells.size(); ++ci) {
    const TableCellBox& b = cells[ci];
    int first = -1, last = -1;
    for (int r = b.g.row; r < b.g.row + b.g.rowspan; ++r)
      if (piece_of[static_cast<size_t>(r)]) {
        if (first < 0) first = r;
        last = r;
      }
    if (first < 0) continue;
    const double yt = top[static_cast<size_t>(first)], yb = bot[static_cast<size_t>(last)];
    const double xl = x0 + plan.col_x[static_cast<size_t>(b.g.col)];
    const double xr = x0 + plan.col_x[static_cast<size_t>(b.g.col + b.g.colspan)];
    rules.box(xl, yt, xr, yb);
    const RowPiece& p = *piece_of[static_cast<size_t>(first)];
    const double row_h = heights[static_cast<size_t>(first)];
    const bool partial = b.g.rowspan == 1 && (p.from > kEps || p.to < row_h - kEps);
    if (tags.node) {
      const bool repeated = tags.repeat || (tags.placed && (*tags.placed)[ci] && !partial);
      flow.set_tag(repeated ? kArtifactPagination : (*tags.node)[ci]);
      flow.open_box({xl, yt, xr, yb, (*tags.node)[ci], repeated});
      if (tags.placed) (*tags.placed)[ci] = 1;
    }
    if (partial) {  // a row cut across pages: the lines that fall in this slice, top-aligned
      for (size_t k = 0; k < b.lines.size(); ++k) {
        double lt = plan.pad_y + k * b.pitch;
        if (lt < p.from + plan.pad_y - kEps || lt + b.pitch > p.to - plan.pad_y + kEps) continue;
        flow.put_line_at(b.lines[k], xl + plan.pad_x, yt + (lt - p.from) + b.base);
      }
    } else {  // centred vertically; a rowspan cell crossing a page repeats its label here
      const double block = b.lines.size() * b.pitch;
      const double ty = yt + std::max(plan.pad_y, (yb - yt - block) / 2);
      for (size_t k = 0; k < b.lines.size(); ++k)
        flow.put_line_at(b.lines[k], xl + plan.pad_x, ty + k * b.pitch + b.base);
    }
    flow.close_box();
  }
}

std::vector<RowPiece> whole_rows(const std::vector<double>& h) {
  std::vector<RowPiece> out;
  for (size_t r = 0; r < h.size(); ++r) out.push_back({static_cast<int>(r), 0, h[r]});
  return out;
}

}  // namespace

double draw_table_part(const TablePlan& plan, const std::vector<RowPiece>& body, double x0,
                       double y0, const TableTheme& tt, PageFlow& flow, TableTags* tags,
                       bool continuation) {
  Rules rules;
  const GroupTags head_tags{tags ? &tags->head : nullptr, nullptr, continuation};
  const GroupTags body_tags{tags ? &tags->body : nullptr, tags ? &tags->body_placed : nullptr,
                            false};
  const double top = y0;
  if (!continuation && !plan.lead_h.empty()) {  // a project's info block, on the first page only
    const GroupTags lead_tags{tags ? &tags->lead : nullptr, nullptr, false};
    draw_group(plan.lead, plan.lead_h, whole_rows(plan.lead_h), plan, x0, y0, flow, rules,
               lead_tags);
    y0 += plan.lead_height;
  }
  draw_group(plan.head, plan.head_h, whole_rows(plan.head_h), plan, x0, y0, flow, rules, head_tags);
  const double body_top = y0 + plan.head_height;
  draw_group(plan.body, plan.body_h, body, plan, x0, body_top, flow, rules, body_tags);
  double body_h = 0;
  for (const auto& piece : body) body_h += piece.to - piece.from;
  const double y1 = body_top + body_h;
  if (y1 > top + kEps) rules.emit(flow, x0, top, x0 + plan.width, y1, tt.rule, tt.frame);
  return y1;
}

}  // namespace bp::layout
