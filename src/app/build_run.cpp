#include "app/build_run.hpp"

#include <map>
#include <mutex>
#include <new>
#include <set>
#include <utility>

#include "app/document_for.hpp"
#include "xlsx/summary.hpp"

namespace bp {

BuildRunReport build_departments(const std::vector<BatchInput>& inputs, BatchOptions o,
                                 bool sharded, const Context& ctx, const BatchCallbacks& cb) {
  const bool want_summary = o.formats.count(Format::Xlsx) && !sharded;
  auto stop = [&] { return o.stop_requested && o.stop_requested(); };
  xlsx::SummaryCollector summaries;
  std::mutex summaries_mu;  // departments are checked on worker threads
  auto add_row = [&](const CheckedBudget& c) {
    std::lock_guard lk(summaries_mu);
    summaries.add(*c.budget, *c.derived);
  };
  if (want_summary) o.on_checked = add_row;  // built departments

  // Years with a department built in this run; departments found unchanged, per year.
  std::set<int> dirty_years;
  std::map<int, size_t> departments_per_year;
  std::vector<std::pair<size_t, int>> unchanged;  // (input index, year)
  BatchCallbacks with_years = cb;
  with_years.result = [&](const DeptResult& r) {
    if (cb.result) cb.result(r);
    if (r.status == DeptStatus::Built) dirty_years.insert(r.year);
    if (r.status == DeptStatus::Unchanged) unchanged.emplace_back(r.index, r.year);
    if (r.status == DeptStatus::Built || r.status == DeptStatus::Unchanged)
      ++departments_per_year[r.year];
  };

  BuildRunReport out;
  out.batch = run_batch(inputs, o, ctx, with_years);
  if (!want_summary || out.batch.stopped) return out;

  for (const auto& [year, n] : departments_per_year) {
    std::error_code ec;
    if (n >= 2 &&
        !std::filesystem::exists(o.out_dir / std::to_string(year) / xlsx::kSummaryFile, ec))
      dirty_years.insert(year);
  }
  std::vector<BatchInput> reread;
  for (const auto& [index, year] : unchanged)
    if (dirty_years.count(year)) reread.push_back(inputs[index]);
  check_all(reread, o.jobs, ctx, add_row, stop);
  out.batch.stopped = stop();
  if (out.batch.stopped) return out;

  try {
    // The run's theme (--theme, else default; the overlay's first), loaded and checked once.
    auto xo = xlsx::options_from_style(ctx.themes().get(), source_date_epoch());
    out.summaries = summaries.write(o.out_dir, xo);
  } catch (const std::bad_alloc&) {
    out.summary_error = "内存不足，汇总表没有写出（E014，见 --max-memory）";
  } catch (const std::exception& e) {
    out.summary_error = e.what();
  }
  return out;
}

}  // namespace bp
