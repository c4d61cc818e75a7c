#include "layout/table_layout.hpp"

#include <algorithm>

#include "layout/blocks.hpp"
#include "layout/table_draw.hpp"
#include "layout/table_paginate.hpp"
#include "layout/table_structure.hpp"

namespace bp::layout {

void layout_table(const TablePlan& plan, Context& ctx, PageFlow& flow, DocumentLayout& out,
                  const Placement& placement) {
  const doc::Table& t = *plan.table;
  const doc::Table& top = plan.top();  // title, anchor, page break: the info block's when merged
  const Theme& theme = ctx.theme();
  const TableTheme& tt = theme.table;
  const bool land = t.landscape;
  const double page_h = flow.height_for(land);
  const int keep = std::min<int>(tt.min_rows_after_head, static_cast<int>(plan.body_h.size()));

  if (top.new_page) flow.request_break();
  const double whole = plan.total_height() + plan.notes_height(theme);
  const bool together = t.keep_together && !placement.after_lead && whole <= page_h;
  // A title keeps its distance from a table or text above it (not at the top of a page).
  const double title_gap =
      plan.title.empty() ? 0 : plan.title_style.space_before * plan.title_style.size;
  flow.need(title_gap + (together ? whole : plan.start_height(keep)) +
                (t.keep_with_next ? placement.next_start : 0),
            land);
  flow.space(title_gap);

  TableTags tags = tag_table(plan, flow.structure(), placement.table_node, placement.parent_node);
  flow.set_tag(tags.caption);
  const Anchor at = flow.here();
  if (!top.anchor.empty()) out.anchors[top.anchor] = at;
  if (top.toc_level > 0 && !top.title.empty())
    out.outline.push_back({top.title, top.toc_level, at});
  for (const auto& line : plan.title)
    flow.put_line(line, flow.left(), ctx.pitch(plan.title_style), ctx.baseline(plan.title_style));
  flow.advance(plan.title_height - plan.title.size() * ctx.pitch(plan.title_style));

  const double first_room =
      flow.remaining() - plan.block_height - plan.lead_height - plan.head_height;
  const double next_room = page_h - plan.mark_height - plan.block_height - plan.head_height;
  std::vector<RowCut> cuts(plan.body_h.size(), RowCut{plan.pad_y, 0});
  for (const auto& b : plan.body)
    if (b.g.rowspan == 1)
      cuts[static_cast<size_t>(b.g.row)].pitch =
          std::max(cuts[static_cast<size_t>(b.g.row)].pitch, b.pitch);
  // Keep rules: a 类/款 row stays with its first child row; a continuation page holds at least
  // three rows where the table has them (taken from the page before if it can spare them).
  RowKeeps keeps;
  keeps.with_next.assign(plan.body_h.size(), 0);
  for (size_t r = 0; r + 1 < t.body.size() && r < keeps.with_next.size(); ++r) {
    const doc::RowRole a = t.body[r].role, b = t.body[r + 1].role;
    keeps.with_next[r] =
        (a == doc::RowRole::Level1 && b != doc::RowRole::Level1 && b != doc::RowRole::Total) ||
        (a == doc::RowRole::Level2 && b == doc::RowRole::Item);
  }
  keeps.min_last = tt.min_rows_continued;
  keeps.min_first = std::max(1, keep);
  const auto chunks = paginate_rows(plan.body_h, cuts, first_room, next_room, keeps);

  const Style& hb = tt.header_block;
  for (size_t i = 0; i < chunks.size(); ++i) {
    // A continuation page repeats the header block and head rows: pagination artifacts.
    flow.set_tag(i == 0 ? tags.caption : kArtifactPagination);
    if (i > 0) {
      flow.request_break();
      flow.need(page_h, land);
      for (const auto& line : plan.mark)
        flow.put_line(line, flow.left(), ctx.pitch(hb), ctx.baseline(hb));
    }
    if (top.header_block) {
      const double base = flow.y() + ctx.baseline(hb);
      for (const auto& piece : plan.block)
        flow.put_line_at(piece.text, flow.left() + piece.x, base + piece.line * ctx.pitch(hb));
      flow.advance(plan.block_height);
    }
    const double y0 = flow.y();
    flow.advance(draw_table_part(plan, chunks[i].pieces, flow.left(), y0, tt, flow, &tags, i > 0) -
                 y0);
  }

  const Style& ns = tt.note;
  for (const auto& lines : plan.notes) {
    flow.set_tag(flow.structure().add(Role::P, placement.parent_node));
    flow.space(ns.space_before * ns.size);
    place_lines(lines, ns, ctx, flow, land);
  }
}

}  // namespace bp::layout
