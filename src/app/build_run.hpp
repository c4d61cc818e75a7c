// One `build` run (docs/batch.md): the departments of the batch, then 汇总.xlsx for every year that
// needs it. Which years need it, and which unchanged departments are read again for their figures,
// is batch policy and lives here; the CLI only passes its arguments in and reports what happened.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "app/batch.hpp"
#include "app/context.hpp"

namespace bp {

struct BuildRunReport {
  BatchReport batch;
  std::vector<std::filesystem::path> summaries;  // 汇总.xlsx files written, in year order
  std::string summary_error;                     // why writing one failed ("" = none failed)
};

// Builds `inputs` (run_batch) and, when xlsx is among the formats and the run is not one shard of
// a batch (a shard sees only part of a year), writes OUT/<year>/汇总.xlsx for every year with at
// least two departments that either had a department built in this run or has no 汇总.xlsx yet;
// that year's unchanged departments are then checked again for their figures. A year where
// nothing was built keeps its summary, so a no-op nightly run renders nothing at all.
// `cb.result` sees every department as with run_batch. Throws what run_batch throws; a failure
// to write a summary is reported in `summary_error`, after every department is built.
BuildRunReport build_departments(const std::vector<BatchInput>& inputs, BatchOptions o,
                                 bool sharded, const Context& ctx, const BatchCallbacks& cb);

}  // namespace bp
