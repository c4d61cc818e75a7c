#include "layout/plan_ahead.hpp"

#include <algorithm>
#include <exception>
#include <memory>
#include <utility>

#include "text/typeset_caches.hpp"
#include "util/trace.hpp"

namespace bp::layout {

namespace {

// The helper's typesetting context and what it is made of: its own caches leased from the fonts'
// pool (kept for the next document of a -j1 build) and a Coverage that never reports itself (every
// job diverts it into the job's journal).
struct HelperTools {
  text::TypesetCachePool::Lease caches;
  text::Coverage coverage;
  Context ctx;
  text::PreparedCache* main_prepared;  // the layout's own memo, or null
  HelperTools(Context& main, text::FontSet& fonts)
      : caches(fonts.caches().lease()),
        ctx(main.theme(), fonts, caches->shaper, coverage, &caches->prepared, &caches->words,
            &caches->breaks),
        main_prepared(main.typesetter().prepared_cache()) {
    ctx.set_budget(main.budget());
  }
  // The document's own table cells are not kept for the next document (DepartmentLayout); the
  // layout's own memo learns which texts the helper prepared, so that the next document keeps
  // them whichever thread prepares them then. Freed on the helper when it stops, while the
  // layout's thread waits for it in HelperThreadCore::stop (util/helper_thread.cpp): the
  // layout's memo is not in use.
  ~HelperTools() {
    caches->prepared.end_layout();
    if (main_prepared) main_prepared->add_dropped(caches->prepared);
  }
  HelperTools(const HelperTools&) = delete;
  HelperTools& operator=(const HelperTools&) = delete;
};

// Reports of `coverage` go into `journal` while this lives.
class Diverted {
 public:
  Diverted(text::Coverage& coverage, text::Coverage::Journal& journal)
      : coverage_(coverage), before_(coverage.divert(&journal)) {}
  ~Diverted() { coverage_.divert(before_); }
  Diverted(const Diverted&) = delete;
  Diverted& operator=(const Diverted&) = delete;

 private:
  text::Coverage& coverage_;
  text::Coverage::Journal* before_;
};

}  // namespace

PlannedTable plan_placed_table(const TableJob& job, Context& ctx, const SharedGrid* grid) {
  const doc::Table& t = *job.table;
  PlannedTable out{plan_table(t, ctx, job.width, grid, job.lead), std::nullopt};
  TablePlan& p = out.plan;
  // It must not spill for its header labels' looks (issue 15d).
  auto whole = [&](const TablePlan& x) { return x.total_height() + x.notes_height(ctx.theme()); };
  // No widths make a row lower than the minimum row height at the compact size: a table whose
  // rows need more than its page even so is not planned again.
  const TableTheme& tt = ctx.theme().table;
  const size_t rows = t.head.size() + t.body.size() + (job.lead ? job.lead->body.size() : 0);
  const bool may_fit = p.title_height + p.block_height +
                           rows * tt.min_row_height * std::min(tt.compact_size, tt.cell.size) <=
                       job.page;
  for (WidthGoal goal : {WidthGoal::Height, WidthGoal::CompactHeight}) {
    if (grid || !may_fit || !job.new_page || whole(p) <= job.page) break;
    TablePlan low = plan_table(t, ctx, job.width, nullptr, job.lead, Digits::Tabular, goal);
    if (whole(low) <= job.page) {
      p = std::move(low);
      out.goal = goal;
    }
  }
  return out;
}

PlanAhead::PlanAhead(Context& ctx, text::FontSet& fonts, HelperThread<Context>* started)
    : ctx_(ctx) {
  auto make = [&ctx, &fonts]() -> std::shared_ptr<Context> {
    auto tools = std::make_shared<HelperTools>(ctx, fonts);
    return {tools, &tools->ctx};
  };
  if (started) {
    helper_ = started;
    helper_->set_tools(make);
  } else {
    helper_ = &own_.emplace(true, make);
  }
}

void PlanAhead::post_grid(const std::string& name, const std::vector<GridMember>& members,
                          double width) {
  GridSlot& s = grids_.emplace_back();
  s.members = &members;
  s.width = width;
  grid_by_name_[name] = &s;
  s.ticket = helper_->post([&s](Context& c) {
    const trace::Span span("layout.plan_grid");
    Diverted d(c.coverage(), s.journal);
    s.grid = shared_grid(*s.members, c, s.width);
  });
}

void PlanAhead::post_table(size_t block, const TableJob& job, const std::string& grid) {
  TableSlot& s = tables_[block];
  s.job = job;
  if (!grid.empty()) s.grid = grid_by_name_.at(grid);
  s.ticket = helper_->post([this, &s](Context& c) {
    const trace::Span span("layout.plan_table");
    const SharedGrid* g = nullptr;
    if (s.grid) {
      helper_->wait(s.grid->ticket, c);  // an earlier job: made here if not started
      g = &s.grid->grid;
    }
    Diverted d(c.coverage(), s.journal);
    s.result = plan_placed_table(s.job, c, g);
  });
}

std::optional<PlannedTable> PlanAhead::take(size_t block) {
  auto it = tables_.find(block);
  if (it == tables_.end()) return std::nullopt;
  TableSlot& s = it->second;
  std::exception_ptr error;
  try {
    helper_->wait(s.ticket, ctx_);
  } catch (...) {
    error = std::current_exception();
  }
  // Reported where the layout made the grid and the plan before: the grid at its first table.
  if (s.grid && !s.grid->reported) {
    ctx_.coverage().replay(s.grid->journal);
    s.grid->reported = true;
  }
  ctx_.coverage().replay(s.journal);
  if (error) std::rethrow_exception(error);
  PlannedTable out = std::move(s.result);
  tables_.erase(it);
  return out;
}

}  // namespace bp::layout
