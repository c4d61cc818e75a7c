#include "layout/blocks.hpp"

#include <algorithm>

#include "layout/units.hpp"
#include "util/config_error.hpp"
#include "util/png_info.hpp"
#include "util/utf8.hpp"

namespace bp::layout {

text::Align to_text_align(doc::Align a) {
  switch (a) {
    case doc::Align::Left:
      return text::Align::Left;
    case doc::Align::Center:
      return text::Align::Center;
    case doc::Align::Right:
      return text::Align::Right;
    case doc::Align::Justify:
      return text::Align::Justify;
  }
  return text::Align::Left;
}

const Style& paragraph_style(const Theme& t, doc::ParaStyle s) {
  switch (s) {
    case doc::ParaStyle::Body:
      return t.body;
    case doc::ParaStyle::Plain:
      return t.plain;
    case doc::ParaStyle::Label:
      return t.label;
    case doc::ParaStyle::TableTitle:
      return t.caption;
    case doc::ParaStyle::Note:
      return t.note;
    case doc::ParaStyle::Right:
      return t.right;
  }
  return t.body;
}

void place_lines(const std::vector<text::Line>& lines, const Style& s, Context& ctx, PageFlow& flow,
                 bool landscape) {
  const double pitch = ctx.pitch(s), base = ctx.baseline(s);
  size_t i = 0;
  const size_t n = lines.size();
  while (i < n) {
    flow.need(pitch, landscape);
    size_t fit = static_cast<size_t>(std::max(0.0, (flow.remaining() + 1e-6) / pitch));
    size_t left = n - i;
    size_t take = std::min(fit, left);
    if (take < left && !flow.at_top()) {
      if (left - take == 1 && take > 0) --take;  // no single last line at a page top (widow)
      if (take < 2) take = 0;                    // no single first line at a page bottom (orphan)
    }
    if (take == 0) {
      if (flow.at_top())
        take = 1;  // a line taller than the page: place it anyway
      else {
        flow.request_break();
        continue;
      }
    }
    for (size_t k = 0; k < take; ++k) flow.put_line(lines[i + k], flow.left(), pitch, base);
    i += take;
    if (i < n) flow.request_break();
  }
}

namespace {
// The logo centred at the theme's width, its height from the image's aspect ratio.
void place_logo(const std::string& file, const TitlePageTheme& t, Page& page) {
  std::string why;
  const auto info = read_png_info(file, &why);
  if (!info) throw ConfigError(file, "封面标志图片不能用：" + why, "E605");
  const double w = mm(t.logo_width);
  const double hgt = w * info->height / info->width;
  page.images.push_back({file, (page.width - w) / 2, mm(t.logo_top), w, hgt});
}
}  // namespace

void layout_title_page(const doc::TitlePage& tp, Context& ctx, PageFlow& flow) {
  const Theme& t = ctx.theme();
  flow.start_unnumbered_page();
  const double h = flow.page().height;
  ctx.coverage().set_context("title page");
  if (!tp.logo.empty()) place_logo(tp.logo, t.title, flow.page());
  flow.advance(h * t.title.title_top - flow.top());
  Structure& st = flow.structure();
  for (const auto& s : tp.lines) {
    flow.set_tag(st.add(Role::P, st.root()));
    for (const auto& line : ctx.set(s, t.title_page, flow.width()))
      flow.put_line(line, flow.left(), ctx.pitch(t.title_page), ctx.baseline(t.title_page));
  }
  flow.advance(std::max(0.0, h * t.title.bottom_top - flow.y()));
  for (const std::string* s : {&tp.department, &tp.issuer, &tp.date})
    if (!s->empty())
      for (flow.set_tag(st.add(Role::P, st.root()));
           const auto& line : ctx.set(*s, t.title_page_small, flow.width()))
        flow.put_line(line, flow.left(), ctx.pitch(t.title_page_small),
                      ctx.baseline(t.title_page_small));
  flow.request_break();
}

std::vector<text::Line> set_heading(const doc::Heading& h, Context& ctx, double width) {
  Style s = ctx.theme().heading(h.level);
  if (h.align != doc::Align::Left) s.align = to_text_align(h.align);
  ctx.coverage().set_context("heading '" + h.text + "'");
  return ctx.set(h.text, s, width);
}

double heading_height(const doc::Heading& h, const std::vector<text::Line>& lines, Context& ctx) {
  const Style& s = ctx.theme().heading(h.level);
  return (s.space_before + s.space_after) * s.size + lines.size() * ctx.pitch(s);
}

void layout_heading(const doc::Heading& h, Context& ctx, PageFlow& flow, DocumentLayout& out,
                    double keep_with_next, bool landscape) {
  const Style& s = ctx.theme().heading(h.level);
  if (h.new_page) flow.request_break();
  auto lines = set_heading(h, ctx, flow.width_for(landscape));
  flow.need(heading_height(h, lines, ctx) + keep_with_next, landscape);
  flow.space(s.space_before * s.size);
  Anchor at = flow.here();
  if (!h.anchor.empty()) out.anchors[h.anchor] = at;
  if (h.outline && !h.text.empty()) out.outline.push_back({h.text, h.level, at});
  for (const auto& line : lines) flow.put_line(line, flow.left(), ctx.pitch(s), ctx.baseline(s));
  flow.space(s.space_after * s.size);
}

std::vector<text::Line> set_paragraph(const doc::Paragraph& p, Context& ctx, double width) {
  const Style& s = paragraph_style(ctx.theme(), p.style);
  std::string preview;
  for (const auto& sp : p.spans) preview += sp.text;
  if (preview.size() > 60) {
    preview = preview.substr(0, utf8::floor_boundary(preview, 60)) + "…";
  }
  ctx.coverage().set_context("paragraph '" + preview + "'");
  std::vector<text::StyledText> runs;
  runs.reserve(p.spans.size());
  for (const auto& sp : p.spans) runs.push_back({sp.text, ctx.text_style(s, sp.bold)});
  return ctx.typesetter().set(runs, ctx.format(s, width));
}

void layout_paragraph(const doc::Paragraph& p, const std::vector<text::Line>& lines, Context& ctx,
                      PageFlow& flow, double keep_with_next, bool landscape) {
  const Style& s = paragraph_style(ctx.theme(), p.style);
  if (p.style == doc::ParaStyle::TableTitle || keep_with_next > 0)
    flow.need(
        (s.space_before + s.space_after) * s.size + lines.size() * ctx.pitch(s) + keep_with_next,
        landscape);
  flow.need(ctx.pitch(s), landscape);
  flow.space(s.space_before * s.size);
  place_lines(lines, s, ctx, flow, landscape);
  flow.space(s.space_after * s.size);
}

}  // namespace bp::layout
