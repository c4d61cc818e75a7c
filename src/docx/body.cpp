#include "docx/body.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <variant>

#include "document/orientation.hpp"
#include "docx/bookmarks.hpp"
#include "docx/geometry.hpp"
#include "docx/picture.hpp"
#include "docx/props.hpp"
#include "docx/runs.hpp"
#include "docx/styles.hpp"
#include "docx/table_xml.hpp"
#include "docx/toc_xml.hpp"
#include "docx/units.hpp"
#include "docx/xml.hpp"
#include "util/overloaded.hpp"
#include "util/png_info.hpp"

namespace bp::docx {

using xml::add;
using xml::add_val;
using xml::attr;

namespace {

struct Section {
  bool landscape = false;
  bool numbered = true;  // footer (page number) and header shown
  bool restart_numbers = false;
};

class BodyWriter {
 public:
  BodyWriter(const doc::Document& d, const layout::Theme& theme, const Options& o,
             const BodyRefs& refs)
      : d_(d), theme_(theme), o_(o), refs_(refs), bookmarks_(d) {}

  std::string run() {
    pugi::xml_document doc;
    auto root = xml::start(doc, "w:document");
    attr(root, "xmlns:w", xml::kW);
    attr(root, "xmlns:r", xml::kR);
    body_ = add(root, "w:body");
    for (size_t i = 0; i < d_.blocks.size(); ++i) place(i);
    if (body_.last_child() && std::string(body_.last_child().name()) == "w:tbl") add(body_, "w:p");
    write_sect_pr(body_, current_);
    return xml::to_string(doc);
  }

 private:
  // --- orientation and sections -------------------------------------------------------------
  bool landscape(size_t i) const { return doc::on_landscape_page(d_, i); }

  void write_sect_pr(pugi::xml_node parent, const Section& s) {
    auto sp = add(parent, "w:sectPr");
    if (s.numbered && !refs_.header_rel.empty()) {
      auto h = add(sp, "w:headerReference");
      attr(h, "w:type", "default");
      attr(h, "r:id", refs_.header_rel);
    }
    if (s.numbered && !refs_.footer_rel.empty()) {
      auto f = add(sp, "w:footerReference");
      attr(f, "w:type", "default");
      attr(f, "r:id", refs_.footer_rel);
    }
    const PageGeometry g = page_geometry(theme_, s.landscape);
    auto sz = add(sp, "w:pgSz");
    attr(sz, "w:w", g.width);
    attr(sz, "w:h", g.height);
    if (s.landscape) attr(sz, "w:orient", "landscape");
    auto mar = add(sp, "w:pgMar");
    attr(mar, "w:top", g.top);
    attr(mar, "w:right", g.right);
    attr(mar, "w:bottom", g.bottom);
    attr(mar, "w:left", g.left);
    attr(mar, "w:header", g.header);
    attr(mar, "w:footer", g.footer);
    attr(mar, "w:gutter", 0);
    if (s.restart_numbers) attr(add(sp, "w:pgNumType"), "w:start", 1);
    attr(add(sp, "w:cols"), "w:space", 425);
  }

  // Ends the current section at the last paragraph written (a section break is a property of the
  // last paragraph of the section) and starts `next`.
  void break_section(const Section& next) {
    if (started_) {
      pugi::xml_node last = body_.last_child();
      while (last && std::string(last.name()) != "w:p" && std::string(last.name()) != "w:tbl")
        last = last.previous_sibling();
      pugi::xml_node pPr;
      if (last && std::string(last.name()) == "w:p") {
        pPr = last.child("w:pPr");
        if (!pPr) pPr = last.prepend_child("w:pPr");
      } else {
        // After a table: a paragraph only 1 pt high, so it cannot push a blank page.
        auto p = add(body_, "w:p");
        pPr = write_ppr(p, {.style = style_id::kTableNote, .before = 0, .after = 0, .line = 20});
        write_rpr(pPr, {.half_points = 2});
      }
      write_sect_pr(pPr, current_);
    }
    current_ = next;
    started_ = false;
    pending_break_ = false;
  }

  void orient(bool landscape) {
    if (landscape != current_.landscape) break_section({landscape, current_.numbered, false});
  }

  // A new body paragraph; takes a pending page break unless the section has just started.
  pugi::xml_node paragraph(ParaProps pp, bool new_page = false) {
    if ((new_page || pending_break_) && started_) pp.page_break_before = true;
    pending_break_ = false;
    started_ = true;
    auto p = add(body_, "w:p");
    write_ppr(p, pp);
    return p;
  }

  void bookmark_around(pugi::xml_node p, const std::string& anchor, std::string_view text,
                       const RunProps* rp = nullptr) {
    const std::string name = bookmarks_.name(anchor);
    int id = -1;
    if (!name.empty()) {
      id = bookmarks_.next_id();
      add_bookmark_start(p, id, name);
    }
    if (!text.empty()) add_run(p, text, rp);
    if (id >= 0) add_bookmark_end(p, id);
  }

  // --- blocks --------------------------------------------------------------------------------
  void place(size_t i) {
    if (i == joined_) return;  // written as the continuation of the table before it
    std::visit(Overloaded{
                   [&](const doc::TitlePage& tp) { title_page(tp); },
                   [&](const doc::Toc& toc) {
                     orient(false);
                     const bool brk = started_;
                     write_toc(body_, toc, bookmarks_, o_.page_numbers, brk);
                     started_ = true;
                     pending_break_ = false;
                   },
                   [&](const doc::Heading& h) { heading(h, landscape(i)); },
                   [&](const doc::Paragraph& p) { paragraph_block(p, landscape(i)); },
                   [&](const doc::Table& t) { table(t, i); },
                   [&](const doc::PageBreak&) { pending_break_ = started_; },
               },
               d_.blocks[i]);
  }

  // The title page has a section of its own without page number; the PDF's vertical positions
  // (title lines from 30 % of the page height, department and date from 68 %) become spacing.
  void title_page(const doc::TitlePage& tp) {
    if (started_ || current_.landscape)
      break_section({false, false, false});
    else
      current_ = {false, false, false};
    const PageGeometry g = page_geometry(theme_, false);
    const layout::Style& big = theme_.title_page;
    const layout::TitlePageTheme& tt = theme_.title;
    int y = g.top;
    if (!refs_.logo_rel.empty() && !tp.logo.empty()) {
      // Centred at the theme's width and distance from the page top, as in the PDF.
      if (const auto info = read_png_info(tp.logo)) {
        const double w_pt = tt.logo_width * 72 / 25.4;
        const double h_pt = w_pt * info->height / info->width;
        ParaProps pp{.style = style_id::kTitlePageSmall, .align = doc::Align::Center};
        pp.before = std::max(0, twips_from_pt(tt.logo_top * 72 / 25.4) - g.top);
        // An exact line pitch a quarter taller than the picture: Word and LibreOffice cut an
        // inline picture that fills an exact line to the last point.
        pp.line = twips_from_pt(h_pt * 1.25);
        y += *pp.before + *pp.line;
        auto p = paragraph(pp);
        add_picture(p, refs_.logo_rel, std::llround(w_pt * 12700), std::llround(h_pt * 12700),
                    "封面标志");
      }
    }
    bool first = true;
    for (const auto& line : tp.lines) {
      ParaProps pp{.style = style_id::kTitlePage};
      if (first) {
        pp.before = std::max(0, static_cast<int>(g.height * tt.title_top) - y);
        y += *pp.before;
        first = false;
      }
      auto p = paragraph(pp);
      add_run(p, line);
      y += twips_from_pt(big.size * big.leading);
    }
    first = true;
    for (const std::string* s : {&tp.department, &tp.issuer, &tp.date}) {
      if (s->empty()) continue;
      ParaProps pp{.style = style_id::kTitlePageSmall};
      if (first) {
        pp.before = std::max(0, static_cast<int>(g.height * tt.bottom_top) - y);
        first = false;
      }
      auto p = paragraph(pp);
      add_run(p, *s);
    }
    if (!started_) paragraph({.style = style_id::kTitlePage});
    break_section({false, true, true});
  }

  void heading(const doc::Heading& h, bool landscape_page) {
    orient(landscape_page);
    ParaProps pp{.style = heading_style(h.level)};
    if (h.align != doc::Align::Left) pp.align = h.align;
    if (!h.outline) pp.outline = 9;
    auto p = paragraph(pp, h.new_page);
    bookmark_around(p, h.anchor, h.text);
  }

  void paragraph_block(const doc::Paragraph& para, bool landscape_page) {
    orient(landscape_page);
    auto p = paragraph({.style = para_style(para.style)});
    RunProps bold;
    bold.bold = true;
    for (const auto& s : para.spans)
      if (!s.text.empty()) add_run(p, s.text, s.bold ? &bold : nullptr);
  }

  void table(const doc::Table& t, size_t i) {
    orient(t.landscape);
    const PageGeometry g = page_geometry(theme_, t.landscape);
    bool new_page = t.new_page;
    if (!t.title.empty()) {
      ParaProps pp{.style = style_id::kTableTitle};
      if (t.toc_level > 0) pp.outline = std::min(t.toc_level, 9) - 1;
      auto p = paragraph(pp, new_page);
      bookmark_around(p, t.anchor, t.title);
      new_page = false;
    } else {
      // Without a title: a page break needs a paragraph to sit on, and two tables in a row would
      // merge into one in Word; the anchor's bookmark goes on the same empty paragraph.
      const bool needs_para =
          ((new_page || pending_break_) && started_) || !t.anchor.empty() ||
          (body_.last_child() && std::string(body_.last_child().name()) == "w:tbl");
      if (needs_para) {
        ParaProps pp{.style = style_id::kTableNote};
        pp.keep_next = true;
        auto p = paragraph(pp, new_page);
        bookmark_around(p, t.anchor, "");
      }
    }
    started_ = true;
    pending_break_ = false;
    const doc::Table* next = joinable_next(t, i);
    const TableFit* next_fit = next ? fit_of(i + 1) : nullptr;
    const JoinedTable joined{next ? *next : t, next_fit};
    write_table(body_, t, theme_, g.text_width(), fit_of(i), next ? &joined : nullptr);
    if (next) joined_ = i + 1;
    for (const auto* notes : {&t.notes, next ? &next->notes : nullptr}) {
      if (!notes) continue;
      for (const auto& note : *notes) {
        auto p = paragraph({.style = style_id::kTableNote});
        add_run(p, note);
      }
    }
  }

  const TableFit* fit_of(size_t i) const {
    auto it = o_.tables.find(i);
    return it == o_.tables.end() ? nullptr : &it->second;
  }

  // A project's info rows (keep_with_next) and its indicator table become one Word table: two
  // tables kept together by keepNext across the paragraph Word needs between them are not kept
  // together by LibreOffice, and one table has one grid. Joined when the next table is untitled,
  // has the same columns and orientation, no page break, anchor or notes of its own before it.
  const doc::Table* joinable_next(const doc::Table& t, size_t i) const {
    if (!t.keep_with_next || !t.notes.empty() || i + 1 >= d_.blocks.size()) return nullptr;
    const auto* n = std::get_if<doc::Table>(&d_.blocks[i + 1]);
    if (!n || !n->title.empty() || n->header_block || n->new_page || !n->anchor.empty() ||
        n->landscape != t.landscape || column_count(*n) != column_count(t))
      return nullptr;
    return n;
  }

  const doc::Document& d_;
  const layout::Theme& theme_;
  const Options& o_;
  const BodyRefs& refs_;
  Bookmarks bookmarks_;
  pugi::xml_node body_;
  Section current_;
  bool started_ = false;        // the current section has content
  bool pending_break_ = false;  // the next block starts a new page
  size_t joined_ = SIZE_MAX;    // block written into the table before it
};

}  // namespace

std::string document_xml(const doc::Document& d, const layout::Theme& theme, const Options& o,
                         const BodyRefs& refs) {
  return BodyWriter(d, theme, o, refs).run();
}

}  // namespace bp::docx
