#include "layout/flow.hpp"

#include <algorithm>

#include "layout/units.hpp"

namespace bp::layout {

double PageFlow::width_for(bool landscape) const {
  const Theme& t = ctx_.theme();
  const Margins& m = t.margins(landscape);
  return mm((landscape ? t.page_height : t.page_width) - m.left - m.right);
}

double PageFlow::height_for(bool landscape) const {
  const Theme& t = ctx_.theme();
  const Margins& m = t.margins(landscape);
  return mm((landscape ? t.page_width : t.page_height) - m.top - m.bottom);
}

void PageFlow::new_page(bool landscape, bool numbered) {
  ctx_.check_pages(out_.pages.size() + 1);
  const Theme& t = ctx_.theme();
  Page p;
  // Room for as many lines, cell boxes and rules as the page before held: consecutive pages are
  // mostly alike (a table's continuation pages), and each doubling of these vectors copied them
  // into new pages of memory (bench/pdf/README.md, "Round 16"). Room left unused is not written.
  if (!out_.pages.empty()) {
    const Page& before = out_.pages.back();
    p.text.reserve(before.text.size());
    p.boxes.reserve(before.boxes.size());
    p.rules.reserve(before.rules.size());
  }
  p.landscape = landscape;
  p.width = mm(landscape ? t.page_height : t.page_width);
  p.height = mm(landscape ? t.page_width : t.page_height);
  p.number = numbered ? next_number_++ : 0;
  const Margins& m = t.margins(landscape);
  left_ = mm(m.left);
  right_ = p.width - mm(m.right);
  top_ = mm(m.top);
  bottom_ = p.height - mm(m.bottom);
  y_ = top_;
  landscape_ = landscape;
  broken_ = false;
  out_.pages.push_back(std::move(p));
}

void PageFlow::start_unnumbered_page() {
  new_page(false, false);
}

void PageFlow::need(double height, bool landscape) {
  if (!has_page() || broken_ || landscape != landscape_ || page().number == 0) {
    new_page(landscape, true);
    return;
  }
  if (y_ + height > bottom_ + 1e-6 && !at_top()) new_page(landscape, true);
}

void PageFlow::put_line(const text::Line& line, double x, double pitch, double baseline) {
  put_line_at(line, x, y_ + baseline);
  y_ += pitch;
}

void PageFlow::put_line_at(const text::Line& line, double x, double baseline_y) {
  if (line.glyphs.empty()) return;
  if (tag_ == kPendingParagraph) tag_ = out_.structure.add(Role::P, generic_parent_);
  page().text.push_back({x, baseline_y, line.glyphs, tag_, box_});
}

void PageFlow::open_box(const BoxItem& b) {
  page().boxes.push_back(b);
  box_ = static_cast<int>(page().boxes.size()) - 1;
}

void PageFlow::rule(double x0, double y0, double x1, double y1, double width) {
  page().rules.push_back({x0, y0, x1, y1, width});
}

void PageFlow::finish(const std::string& title) {
  const Theme& t = ctx_.theme();
  for (Page& p : out_.pages) {
    if (p.number == 0) continue;
    const Margins& m = t.margins(p.landscape);
    const double left = mm(m.left), width = p.width - mm(m.left) - mm(m.right);
    auto put = [&](const std::string& s, const Style& st, double baseline_y, int artifact) {
      for (const auto& line : ctx_.set(s, st, width))
        p.text.push_back({left, baseline_y, line.glyphs, artifact});
    };
    if (!t.page_number.empty()) {
      std::string s = t.page_number;
      if (auto at = s.find("{n}"); at != std::string::npos)
        s.replace(at, 3, std::to_string(p.number));
      ctx_.coverage().set_context("page number");
      put(s, t.footer, p.height - mm(t.footer_baseline), kArtifactFooter);
    }
    if (!t.header_text.empty()) {
      std::string s = t.header_text;
      if (auto at = s.find("{title}"); at != std::string::npos) s.replace(at, 7, title);
      ctx_.coverage().set_context("running header");
      put(s, t.header, mm(t.header_baseline), kArtifactHeader);
    }
  }
}

}  // namespace bp::layout
