#include "layout/document_layout.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>

#include "document/orientation.hpp"
#include "layout/blocks.hpp"
#include "layout/flow.hpp"
#include "layout/list_items.hpp"
#include "layout/plan_ahead.hpp"
#include "layout/table_layout.hpp"
#include "layout/toc_layout.hpp"
#include "util/overloaded.hpp"
#include "util/utf8.hpp"

namespace bp::layout {

namespace {

// One pass over the blocks. Measurements made for keep-with-next (the block after a heading) are
// kept and reused when that block is placed.
class Pass {
 public:
  // `ahead_fonts`: plan the tables ahead on a helper thread (layout/plan_ahead.hpp) with a
  // context made from these fonts.
  Pass(const doc::Document& d, Context& ctx, int toc_digits, text::FontSet* ahead_fonts,
       HelperThread<Context>* ahead_thread)
      : d_(d), ctx_(ctx), flow_(ctx, out_), toc_digits_(toc_digits) {
    out_.structure.reserve_for(d);
    find_grids();
    if (ahead_fonts) {
      ahead_.emplace(ctx, *ahead_fonts, ahead_thread);
      plan_ahead();
    }
  }

  DocumentLayout run(int& digits_needed) {
    for (size_t i = 0; i < d_.blocks.size(); ++i) place(i);
    flow_.finish(d_.meta.title);
    digits_needed = fill_toc(toc_slots_, ctx_, out_);
    return std::move(out_);
  }

 private:
  bool landscape(size_t i) const { return doc::on_landscape_page(d_, i); }

  // Tables of a grid group (doc::Table::grid) share one set of column widths; an info block
  // (keep_with_next, followed by a title-less table of its grid) becomes the first rows of that
  // table and is not placed on its own.
  void find_grids() {
    std::map<std::string, std::vector<GridMember>> members;
    for (size_t i = 0; i < d_.blocks.size(); ++i) {
      const auto* t = std::get_if<doc::Table>(&d_.blocks[i]);
      if (!t || t->grid.empty()) continue;
      if (merges_into_next(d_, i)) {
        lead_of_[i + 1] = t;
        merged_.insert(i);
        continue;
      }
      members[t->grid].push_back({t, lead_of_.count(i) ? lead_of_[i] : nullptr});
    }
    for (auto& [name, list] : members) member_lists_.emplace(name, std::move(list));
  }
  const SharedGrid* grid_for(const doc::Table& t) {
    if (t.grid.empty()) return nullptr;
    auto it = grids_.find(t.grid);
    if (it == grids_.end()) {
      const auto& list = member_lists_[t.grid];
      it = grids_.emplace(t.grid, shared_grid(list, ctx_, flow_.width_for(t.landscape))).first;
    }
    return &it->second;
  }
  TableJob job_of(size_t i, const doc::Table& t) const {
    const auto lead = lead_of_.find(i);
    return {&t, lead == lead_of_.end() ? nullptr : lead->second, flow_.width_for(t.landscape),
            flow_.height_for(t.landscape), new_page(i, t)};
  }
  const TablePlan& plan(size_t i, const doc::Table& t) {
    auto it = plans_.find(i);
    if (it == plans_.end()) {
      std::optional<PlannedTable> p;
      if (ahead_) p = ahead_->take(i);
      if (!p) {
        const SharedGrid* grid = grid_for(t);
        p = plan_placed_table(job_of(i, t), ctx_, grid);
      }
      if (p->goal) out_.table_goals[i] = *p->goal;
      it = plans_.emplace(i, std::move(p->plan)).first;
    }
    return it->second;
  }
  // Posts the column widths of every table group, then every table's plan, to the helper in
  // document order. The groups first: a group's widths (every project's 绩效目标表 measured at
  // once) are the largest single job of a document, and the layout cannot place the group's first
  // table without them; started at once on the helper, they are made while the layout sets and
  // places the tables and text before the group (it plans those itself when the helper is busy).
  void plan_ahead() {
    std::vector<std::pair<size_t, const doc::Table*>> tables;
    for (size_t i = 0; i < d_.blocks.size(); ++i)
      if (const auto* t = std::get_if<doc::Table>(&d_.blocks[i]); t && !merged_.count(i))
        tables.push_back({i, t});
    std::set<std::string> posted;
    for (const auto& [i, t] : tables)
      if (!t->grid.empty() && posted.insert(t->grid).second)
        ahead_->post_grid(t->grid, member_lists_.at(t->grid), flow_.width_for(t->landscape));
    for (const auto& [i, t] : tables) ahead_->post_table(i, job_of(i, *t), t->grid);
  }
  const std::vector<text::Line>& para_lines(size_t i, const doc::Paragraph& p) {
    auto it = paras_.find(i);
    if (it == paras_.end())
      it = paras_.emplace(i, set_paragraph(p, ctx_, flow_.width_for(false))).first;
    return it->second;
  }

  // Height of the start of block i that must share a page with the heading before it.
  double start_height(size_t i) {
    if (i >= d_.blocks.size()) return 0;
    if (merged_.count(i)) return start_height(i + 1);  // an info block: its table's start
    const doc::Block& b = d_.blocks[i];
    if (auto* t = std::get_if<doc::Table>(&b)) return new_page(i, *t) ? 0 : table_start(i, *t);
    if (auto* p = std::get_if<doc::Paragraph>(&b)) {
      const Style& s = paragraph_style(ctx_.theme(), p->style);
      // Two lines; a paragraph of three is not split (its last line would be a widow).
      const size_t lines = para_lines(i, *p).size();
      const size_t n = lines <= 3 ? lines : 2;
      double h = s.space_before * s.size + n * ctx_.pitch(s);
      if (lines == n && keeps_next(i, *p)) h += s.space_after * s.size + start_height(i + 1);
      return h;
    }
    if (auto* h = std::get_if<doc::Heading>(&b)) {
      if (h->new_page) return 0;
      // A heading takes along what it keeps (a sub-heading its first lines).
      return heading_height(*h, set_heading(*h, ctx_, flow_.width_for(landscape(i))), ctx_) +
             start_height(i + 1);
    }
    return 0;
  }

  // A paragraph kept with the start of the next block: a caption, a label (机构设置：), and a
  // one-line list item title followed by its text ("（二）…" then the body paragraph).
  bool keeps_next(size_t i, const doc::Paragraph& p) {
    if (i + 1 >= d_.blocks.size()) return false;
    if (p.style == doc::ParaStyle::TableTitle || p.style == doc::ParaStyle::Label) return true;
    if (p.style != doc::ParaStyle::Plain || para_lines(i, p).size() != 1) return false;
    const auto* next = std::get_if<doc::Paragraph>(&d_.blocks[i + 1]);
    std::string text;
    for (const auto& sp : p.spans) text += sp.text;
    return next && (next->style == doc::ParaStyle::Body || next->style == doc::ParaStyle::Plain) &&
           label_length(text) > 0 && label_length(text) < utf8::length(text);
  }

  // What of table i must share a page with what precedes it: all of it when it is kept together
  // and fits a page (it moves whole), else its head and first rows.
  double table_start(size_t i, const doc::Table& t) {
    const TablePlan& tp = plan(i, t);
    const double whole = tp.total_height() + tp.notes_height(ctx_.theme());
    if (t.keep_together && whole <= flow_.height_for(t.landscape)) return whole;
    return start_rows(i, t);
  }
  double start_rows(size_t i, const doc::Table& t) {
    const int keep =
        std::min<int>(ctx_.theme().table.min_rows_after_head, static_cast<int>(t.body.size()));
    return plan(i, t).start_height(keep);
  }
  bool new_page(size_t i, const doc::Table& t) const {
    const auto lead = lead_of_.find(i);
    return lead == lead_of_.end() ? t.new_page : lead->second->new_page;
  }

  // A keep_with_next table (a project's info rows) takes along the whole next table when both fit
  // on one page, else the next table's head and first rows; the next table then continues it.
  Placement placement(size_t i, const doc::Table& t) {
    Placement pl;
    if (i > 0 && !lead_of_.count(i))
      if (auto* prev = std::get_if<doc::Table>(&d_.blocks[i - 1]); prev && prev->keep_with_next)
        pl.after_lead = true;
    if (t.keep_with_next && i + 1 < d_.blocks.size()) {
      const double next = start_height(i + 1);  // whole when kept together and fitting a page
      const auto* next_table = std::get_if<doc::Table>(&d_.blocks[i + 1]);
      pl.next_start = table_start(i, t) + next <= flow_.height_for(t.landscape) || !next_table
                          ? next
                          : start_rows(i + 1, *next_table);
    }
    return pl;
  }

  void place(size_t i) {
    if (merged_.count(i)) return;  // an info block: placed as the first rows of the next table
    // A block the structure code below does not name still lands in the tree as a paragraph.
    flow_.set_generic_tag(sections_.container());
    std::visit(Overloaded{
                   [&](const doc::TitlePage& tp) { layout_title_page(tp, ctx_, flow_); },
                   [&](const doc::Toc& toc) {
                     sections_.close_all();
                     lists_.end();
                     auto s = layout_toc(toc, ctx_, flow_, out_, toc_digits_);
                     toc_slots_.insert(toc_slots_.end(), s.begin(), s.end());
                   },
                   [&](const doc::Heading& h) {
                     lists_.end();
                     flow_.set_tag(sections_.heading(h.level));
                     layout_heading(h, ctx_, flow_, out_, start_height(i + 1), landscape(i));
                   },
                   [&](const doc::Paragraph& p) { place_paragraph(i, p); },
                   [&](const doc::Table& t) {
                     lists_.end();
                     Placement pl = placement(i, t);
                     pl.parent_node = sections_.container();
                     pl.table_node = std::exchange(caption_table_, -1);
                     layout_table(plan(i, t), ctx_, flow_, out_, pl);
                     plans_.erase(i);
                   },
                   [&](const doc::PageBreak&) { flow_.request_break(); },
               },
               d_.blocks[i]);
  }

  // A caption paragraph right before a table becomes that table's Caption; numbered items
  // (ListItems) become L/LI/Lbl/LBody; other paragraphs are P.
  void place_paragraph(size_t i, const doc::Paragraph& p) {
    Structure& st = out_.structure;
    const bool caption = p.style == doc::ParaStyle::TableTitle && i + 1 < d_.blocks.size() &&
                         std::holds_alternative<doc::Table>(d_.blocks[i + 1]);
    ListItems::Item item;
    if (caption) {
      lists_.end();
      caption_table_ = st.add(Role::Table, sections_.container());
      flow_.set_tag(st.add(Role::Caption, caption_table_));
    } else {
      item = lists_.paragraph(p, sections_.container());
      flow_.set_tag(item.body);
    }
    const double keep = keeps_next(i, p) ? start_height(i + 1) : 0;
    const size_t page = flow_.has_page() ? flow_.page_index() : 0;
    layout_paragraph(p, para_lines(i, p), ctx_, flow_, keep, landscape(i));
    paras_.erase(i);
    if (item.label >= 0) split_label(out_, page, item);
  }

  const doc::Document& d_;
  Context& ctx_;
  DocumentLayout out_;
  SectionStack sections_{out_.structure};
  ListItems lists_{out_.structure};
  int caption_table_ = -1;  // Table element opened by its caption paragraph
  PageFlow flow_;
  int toc_digits_;
  std::vector<TocSlot> toc_slots_;
  std::map<size_t, TablePlan> plans_;
  std::map<size_t, const doc::Table*> lead_of_;  // table index → its info block
  std::set<size_t> merged_;                      // info blocks placed with the next table
  std::map<std::string, std::vector<GridMember>> member_lists_;
  std::map<std::string, SharedGrid> grids_;
  std::map<size_t, std::vector<text::Line>> paras_;
  // Last: its helper is stopped before the lists its jobs read go.
  std::optional<PlanAhead> ahead_;
};

}  // namespace

bool merges_into_next(const doc::Document& d, size_t i) {
  const auto* t = i < d.blocks.size() ? std::get_if<doc::Table>(&d.blocks[i]) : nullptr;
  const auto* next = i + 1 < d.blocks.size() ? std::get_if<doc::Table>(&d.blocks[i + 1]) : nullptr;
  return t && next && !t->grid.empty() && t->keep_with_next && next->grid == t->grid &&
         next->title.empty() && next->column_widths == t->column_widths &&
         next->landscape == t->landscape;
}

DocumentLayout layout_document(const doc::Document& d, Context& ctx, text::FontSet* ahead_fonts,
                               HelperThread<Context>* ahead_thread) {
  int digits = std::max(1, ctx.theme().toc.reserved_digits);
  for (int round = 0;; ++round) {
    int needed = 0;
    // A second round (page numbers wider than reserved: a document of 1000 pages with the
    // default theme) plans its tables here, on the caches the first round filled.
    DocumentLayout out = Pass(d, ctx, digits, round == 0 ? ahead_fonts : nullptr,
                              round == 0 ? ahead_thread : nullptr)
                             .run(needed);
    if (needed <= digits || round >= 2) return out;
    digits = needed;  // a page number wider than reserved: lay out again with room for it
  }
}

}  // namespace bp::layout
