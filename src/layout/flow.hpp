// The page flow: creates pages lazily in the right orientation, keeps the cursor, numbers pages
// (the page after the title page is page 1) and draws running headers and footers at the end.
#pragma once

#include <string>

#include "layout/context.hpp"
#include "layout/page.hpp"

namespace bp::layout {

class PageFlow {
 public:
  PageFlow(Context& ctx, DocumentLayout& out) : ctx_(ctx), out_(out) {}

  // Makes sure a page of the given orientation is open with at least `height` pt left (a fresh
  // page if not; a fresh page is used even when `height` exceeds it).
  void need(double height, bool landscape);
  // The next content starts on a new page.
  void request_break() { broken_ = true; }
  // Opens an unnumbered page at once (the title page).
  void start_unnumbered_page();

  bool has_page() const { return !out_.pages.empty(); }
  Page& page() { return out_.pages.back(); }
  size_t page_index() const { return out_.pages.size() - 1; }
  bool at_top() const { return y_ <= top_ + 1e-6; }
  bool landscape() const { return landscape_; }

  double left() const { return left_; }
  double right() const { return right_; }
  double width() const { return right_ - left_; }
  double top() const { return top_; }
  double bottom() const { return bottom_; }
  double y() const { return y_; }
  double remaining() const { return bottom_ - y_; }
  // Content width and height of a page of the given orientation.
  double width_for(bool landscape) const;
  double height_for(bool landscape) const;

  void advance(double dy) { y_ += dy; }
  // Space before a block, dropped at the top of a page.
  void space(double dy) {
    if (!at_top()) y_ = std::min(y_ + dy, bottom_);
  }

  // Draws a line whose line box starts at the cursor's y, at x offset `x`; moves the cursor down
  // by `pitch`. `baseline` is the baseline's distance below the line box top.
  void put_line(const text::Line& line, double x, double pitch, double baseline);
  void put_line_at(const text::Line& line, double x, double baseline_y);
  void rule(double x0, double y0, double x1, double y1, double width);
  // Lines placed between open_box and close_box are set in that table cell (TextItem::box).
  void open_box(const BoxItem& b);
  void close_box() { box_ = -1; }

  // Footers (page numbers) and running headers on every numbered page.
  void finish(const std::string& title);

  Anchor here() const { return {page_index(), y_}; }

  // The structure element (or artifact kind) of the text placed from now on (layout/structure).
  void set_tag(int tag) { tag_ = tag; }
  int tag() const { return tag_; }
  // Text placed from now on without a set_tag goes into a paragraph (P) of `parent`, created when
  // the first line is placed: blocks the structure does not know yet stay in the tree.
  void set_generic_tag(int parent) {
    tag_ = kPendingParagraph;
    generic_parent_ = parent;
  }
  Structure& structure() { return out_.structure; }

 private:
  void new_page(bool landscape, bool numbered);

  Context& ctx_;
  DocumentLayout& out_;
  bool broken_ = false;
  bool landscape_ = false;
  int next_number_ = 1;
  double left_ = 0, right_ = 0, top_ = 0, bottom_ = 0, y_ = 0;
  int tag_ = kArtifactLayout;
  int generic_parent_ = -1;
  int box_ = -1;
  static constexpr int kPendingParagraph = -100;
};

}  // namespace bp::layout
