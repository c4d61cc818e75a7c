// Tables planned ahead on a second thread. Until they are paginated the tables of a document are
// independent of one another and of where they land: their plans (cells prepared and measured,
// column widths, rows set; a shared grid's widths for a table group) are pure functions of the
// table, the theme and the page size. A lone document (or a -j1 build) has an idle core while it
// is laid out, so the layout posts every table's plan to a helper thread (util/helper_thread.hpp)
// at the start and takes the plans in document order as the pages reach them; a plan the helper
// has not started by then is made on the layout's own thread (both threads work, neither waits for
// a job nobody runs).
//
// The helper has its own typesetting Context (shape and prepared-text caches, word breaker: none
// of them is thread-safe); the units they make are pure functions of their keys, so the plans are
// the same whichever thread made them. What a plan reports to Coverage (missing characters,
// fallback faces, with the place) is kept in a journal per job and replayed into the document's
// Coverage when the layout takes the plan, which is where it would have been reported without the
// helper (the group's shared grid first, at the first table of the group taken).
#pragma once

#include <cstddef>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "document/document.hpp"
#include "layout/context.hpp"
#include "layout/page.hpp"
#include "layout/table_plan.hpp"
#include "text/coverage.hpp"
#include "text/font_set.hpp"
#include "util/helper_thread.hpp"

namespace bp::layout {

// What planning a table needs besides the theme: its measure and page height, its info block, and
// whether it starts a page.
struct TableJob {
  const doc::Table* table = nullptr;
  const doc::Table* lead = nullptr;  // a project's info block set as its first rows, or null
  double width = 0, page = 0;
  bool new_page = false;
};

struct PlannedTable {
  TablePlan plan;
  std::optional<WidthGoal> goal;  // set when the widths were chosen for the height (issue 15d)
};

// The plan of a table as the document places it, on `grid` (its group's widths) if any. A table
// that starts a page and would spill onto a second one is set on the widths that give the lowest
// rows, else at the compact size as well, when it fits on its page so.
PlannedTable plan_placed_table(const TableJob& job, Context& ctx, const SharedGrid* grid);

class PlanAhead {
 public:
  // `ctx`: the layout's own context (the thread that takes the plans; its Coverage gets the
  // reports). The helper makes its own Context from `fonts` and ctx's theme and budget. Without a
  // second core nothing runs ahead: take() makes each plan when asked. `started`: a helper started
  // earlier without tools (HelperThread(bool)), used instead of starting one here; stopped with
  // this object.
  PlanAhead(Context& ctx, text::FontSet& fonts, HelperThread<Context>* started = nullptr);
  ~PlanAhead() { helper_->stop(); }  // before the slots its running job writes to go
  PlanAhead(const PlanAhead&) = delete;
  PlanAhead& operator=(const PlanAhead&) = delete;

  // The column widths of the group `name` (`members` in document order; the list must outlive
  // this object), on a measure of `width` pt. Posted before the group's first table.
  void post_grid(const std::string& name, const std::vector<GridMember>& members, double width);
  // The plan of the table of block `block`, on the widths of its group `grid` (posted before) if
  // not empty.
  void post_table(size_t block, const TableJob& job, const std::string& grid);
  // The plan of block `block` (made here if no thread has started it), its reports replayed into
  // the layout's Coverage first; nullopt when it was not posted. Rethrows what planning it threw.
  std::optional<PlannedTable> take(size_t block);

 private:
  struct GridSlot {
    const std::vector<GridMember>* members = nullptr;
    double width = 0;
    SharedGrid grid;
    text::Coverage::Journal journal;
    size_t ticket = 0;
    bool reported = false;  // journal replayed (at the group's first table taken)
  };
  struct TableSlot {
    TableJob job;
    GridSlot* grid = nullptr;
    PlannedTable result;
    text::Coverage::Journal journal;
    size_t ticket = 0;
  };

  Context& ctx_;
  std::deque<GridSlot> grids_;  // stable addresses
  std::map<std::string, GridSlot*> grid_by_name_;
  std::map<size_t, TableSlot> tables_;        // by block
  std::optional<HelperThread<Context>> own_;  // when none was started before
  HelperThread<Context>* helper_;
};

}  // namespace bp::layout
