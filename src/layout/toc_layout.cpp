#include "layout/toc_layout.hpp"

#include <algorithm>
#include <cmath>

#include "layout/table_grid.hpp"

namespace bp::layout {

namespace {
const Style& entry_style(const Theme& t, const doc::TocEntry& e) {
  return e.target.empty() ? t.toc.group : t.toc.entry;
}
double line_width(const std::vector<text::Line>& lines) {
  return lines.empty() ? 0 : lines.front().right - lines.front().left;
}
}  // namespace

std::vector<TocSlot> layout_toc(const doc::Toc& toc, Context& ctx, PageFlow& flow,
                                DocumentLayout& out, int reserve_digits) {
  const Theme& t = ctx.theme();
  std::vector<TocSlot> slots;
  flow.request_break();
  flow.need(0, false);
  // TOC with a Caption (the title) and one TOCI per entry: a Link (text and page number) for an
  // entry with a target, a P for a group line.
  Structure& st = flow.structure();
  const int toc_node = st.add(Role::TOC, st.root());
  if (!toc.title.empty()) {
    flow.set_tag(st.add(Role::Caption, toc_node));
    ctx.coverage().set_context("目录 title");
    out.outline.push_back({toc.title, 1, flow.here()});
    for (const auto& line : ctx.set(toc.title, t.toc.title, flow.width()))
      flow.put_line(line, flow.left(), ctx.pitch(t.toc.title), ctx.baseline(t.toc.title));
    flow.space(t.toc.title.space_after * t.toc.title.size);
  }
  int min_level = 1 << 20;
  for (const auto& e : toc.entries) min_level = std::min(min_level, e.level);

  const double reserve =
      line_width(ctx.set(std::string(static_cast<size_t>(reserve_digits), '0'), t.toc.entry, 1e9));
  for (const auto& e : toc.entries) {
    const Style& s = entry_style(t, e);
    const double indent = (e.level - min_level) * t.toc.level_indent * s.size;
    const double gap = e.target.empty() ? 0 : reserve + 2 * s.size;  // number + a few leader dots
    Style left = s;
    left.align = text::Align::Left;
    ctx.coverage().set_context("目录 entry '" + e.text + "'");
    auto lines = ctx.set(e.text, left, flow.width() - indent - gap);
    const double pitch = ctx.pitch(s);
    flow.need(s.space_before * s.size + lines.size() * pitch, false);
    flow.space(s.space_before * s.size);
    const double top = flow.y();
    const int item = st.add(Role::TOCI, toc_node);
    const int inner = st.add(e.target.empty() || lines.empty() ? Role::P : Role::Link, item);
    if (st.nodes[static_cast<size_t>(inner)].role == Role::Link)
      st.nodes[static_cast<size_t>(inner)].alt = e.text;
    flow.set_tag(inner);
    for (const auto& line : lines)
      flow.put_line(line, flow.left() + indent, pitch, ctx.baseline(s));
    if (e.target.empty() || lines.empty()) continue;
    TocSlot slot;
    slot.entry = &e;
    slot.page = flow.page_index();
    slot.baseline = flow.y() - pitch + ctx.baseline(s);
    slot.text_end = flow.left() + indent + lines.back().right;
    slot.right = flow.right();
    slot.link_x0 = flow.left() + indent;
    slot.link_y0 = top;
    slot.link_y1 = flow.y();
    slot.link = inner;
    slots.push_back(slot);
  }
  flow.request_break();
  return slots;
}

int fill_toc(const std::vector<TocSlot>& slots, Context& ctx, DocumentLayout& out) {
  const Theme& t = ctx.theme();
  const Style& s = t.toc.entry;
  int digits = 0;
  if (slots.empty()) return 0;
  ctx.coverage().set_context("目录 leader");
  const auto dot_lines = ctx.set(t.toc.leader, s, 1e9);
  const double pitch = t.toc.leader_pitch * s.size;
  for (const TocSlot& slot : slots) {
    auto it = out.anchors.find(slot.entry->target);
    if (it == out.anchors.end())
      throw LayoutError("目录 entry '" + slot.entry->text + "' points to '" + slot.entry->target +
                        "', which no heading or table carries as its anchor");
    const Anchor& a = it->second;
    Page& page = out.pages[slot.page];
    const int number = out.pages[a.page].number;
    const std::string num = number > 0 ? std::to_string(number) : "";
    digits = std::max(digits, static_cast<int>(num.size()));
    auto num_lines = ctx.set(num, s, 1e9);
    const double num_w = line_width(num_lines);
    // Leader and number go right after the entry's text in the content (reading order = the
    // order of the structure tree, where the number belongs to the entry's Link).
    std::vector<TextItem> after;

    // Leader dots on a grid shared by all entries, so that they line up down the page.
    if (!dot_lines.empty() && !dot_lines.front().glyphs.empty() && pitch > 0) {
      const double dot_w = line_width(dot_lines);
      TextItem dots{0, slot.baseline, {}, kArtifactLayout};
      const double from = slot.text_end + pitch * 0.5, to = slot.right - num_w - pitch * 0.5;
      for (double x = std::ceil(from / pitch) * pitch; x + dot_w <= to; x += pitch)
        for (auto g : dot_lines.front().glyphs) {
          g.x += x - dot_lines.front().left;
          dots.glyphs.push_back(g);
        }
      if (!dots.glyphs.empty()) after.push_back(std::move(dots));
    }
    if (!num_lines.empty())
      after.push_back({slot.right - num_w, slot.baseline, num_lines.front().glyphs, slot.link});
    auto at = page.text.end();
    for (auto it = page.text.begin(); it != page.text.end(); ++it)
      if (it->tag == slot.link) at = it + 1;
    page.text.insert(at, std::make_move_iterator(after.begin()),
                     std::make_move_iterator(after.end()));
    page.links.push_back(
        {slot.link_x0, slot.link_y0, slot.right, slot.link_y1, a.page, a.y, slot.link});
  }
  return digits;
}

}  // namespace bp::layout
