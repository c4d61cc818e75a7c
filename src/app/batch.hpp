// Bureau-scale builds: many department files, built in parallel by a small pool of threads that
// share one read-only Context (docs/batch.md).
//
// Per department: read the YAML bytes once → skip when the manifest says every requested output is
// up to date → check → render every format into a private staging directory inside OUT → rename
// the files into OUT/<year>/ only when all formats succeeded. A department that fails therefore
// keeps all its previous outputs, and a reader sees each file either old or new, never partial.
// Stopping (SIGINT/SIGTERM in the CLI) starts no new department; running ones finish the format
// they are rendering and are abandoned before their files are moved into place.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/outputs.hpp"
#include "app/pipeline.hpp"
#include "util/cpu_lanes.hpp"
#include "util/work_budget.hpp"

namespace bp {

class LoadedAhead;  // app/loaded_ahead.hpp

struct BatchInput {
  std::filesystem::path file;  // as found (PATH argument + path below it)
  std::string key;             // absolute, lexically normal path: identifies the file (the manifest
                               // records it relative to OUT, see batch_manifest.hpp)
  std::string shard_path;      // path relative to the PATH argument it was found under (file name
                               // for a file argument), '/' separators: what --shard hashes
};

struct Shard {
  unsigned index = 1;  // 1-based
  unsigned count = 1;
};

// "k/N" with 1 ≤ k ≤ N; throws std::invalid_argument with a Chinese message otherwise.
Shard parse_shard(const std::string& text);
// FNV-1a 64 of the path bytes, mod N == k-1.
bool in_shard(std::string_view shard_path, const Shard& s);

struct BatchInputs {
  std::vector<BatchInput> files;    // sorted per PATH argument, duplicates removed, shard applied
  std::vector<std::string> errors;  // missing or unreadable PATH arguments
  size_t found = 0;                 // files found before the shard filter
};

BatchInputs collect_batch_inputs(const std::vector<std::string>& paths,
                                 const std::optional<Shard>& shard = std::nullopt);

enum class DeptStatus { Built, Unchanged, Failed, Cancelled };

struct DeptResult {
  size_t index = 0;  // position in the input list
  DeptStatus status = DeptStatus::Cancelled;
  std::filesystem::path file;
  std::string label;        // "<code>-<name>" once loaded, else the file path
  std::string diagnostics;  // formatted, one per line, each ending in '\n' (warnings unless quiet)
  std::vector<std::filesystem::path> written;
  std::string first_error;  // the first error line (FILE:LINE:COL: 错误[...]: ...) of a failure
  int year = 0;  // budget year once known (from the file, or the manifest when unchanged)
  double seconds = 0;
};

struct BatchOptions {
  std::set<Format> formats;
  std::filesystem::path out_dir;
  unsigned jobs = 0;  // 0: std::thread::hardware_concurrency()
  bool force = false;
  bool quiet = false;        // diagnostics: errors only
  bool use_manifest = true;  // read and write OUT/.budgetpress-manifest.json
  // Polled by the calling thread; when it returns true no new department starts.
  std::function<bool()> stop_requested;
  // Called from worker threads for every department that passed check and was built (after its
  // outputs are in place), and for unchanged ones when `check_unchanged` is set (they are then
  // read and checked, not rendered). Must be thread-safe.
  std::function<void(const CheckedBudget&)> on_checked;
  bool check_unchanged = false;
  // Per-department time and page ceilings (docs/limits.md); exceeding one fails that department
  // with 错误[E014] and the others still build.
  ResourceLimits limits;
  // Called on the worker once a department has been read and checked, before it reports anything
  // or writes a file (the fonts loaded beside a lone department: FontsBeside::wait_ok). A RunAbort
  // it throws stops the run (see run_batch).
  std::function<void()> before_output;
  // -j1 with two departments or more on a machine with a second core: one department's front
  // (read, check, document tree, layout) beside the previous one's outputs being written (a second
  // worker; see Pipeline in app/batch.cpp). Same outputs, report, manifest and journal either way;
  // false builds strictly one department after the other (tests/e2e/test_batch_pipeline.sh
  // compares the pipeline with a run pinned to one CPU, where it never starts).
  bool pipeline = true;
  // The process ends after this run (`build`; not watch mode, whose next run reuses the caches):
  // a run of one department then tells its writers that no document follows
  // (OutputThreads::last_document).
  bool only_run = false;
  // A lone department (`build` of one file): the CPU lanes its threads run on
  // (util/cpu_lanes.hpp). The caller's thread is pinned to the front lane already, so the worker
  // it starts is too; the department's helpers take the side lane (OutputThreads::lanes).
  std::optional<CpuLanes> lanes;
  // A lone department loaded on its fonts thread (app/loaded_ahead.hpp): its worker takes that
  // load when it was made of the same bytes, instead of loading them itself.
  LoadedAhead* loaded_ahead = nullptr;
};

struct BatchReport {
  size_t built = 0, unchanged = 0, failed = 0, cancelled = 0;
  bool stopped = false;               // stop_requested() became true
  std::vector<std::string> failures;  // first error of each failed department, in input order
  std::vector<std::string> warnings;  // run-level problems (manifest unreadable/unwritable, …)
  double seconds = 0;
};

struct BatchCallbacks {
  // Calling thread, completion order, after each department: for progress displays.
  std::function<void(size_t done, size_t total, const DeptResult&)> progress;
  // Calling thread, strictly in input order (a department's result waits for the ones before
  // it), so that the printed log is the same for every -j.
  std::function<void(const DeptResult&)> result;
};

// Builds `inputs`. Throws std::runtime_error only for run-level failures before any department
// starts (e.g. the configuration cannot be hashed), or a RunAbort a department met (a malformed
// year profile, the fonts of a lone department): then no further department starts, the ones
// running finish, and it is rethrown. Department failures are in the report.
BatchReport run_batch(const std::vector<BatchInput>& inputs, const BatchOptions& o,
                      const Context& ctx, const BatchCallbacks& cb);

// Checks `inputs` on `jobs` threads (0: one per CPU) and calls `on_ok` (from those threads) for
// every department without errors. For figures of departments a batch found unchanged (汇总.xlsx).
// Stops early when `stop_requested` returns true.
void check_all(const std::vector<BatchInput>& inputs, unsigned jobs, const Context& ctx,
               const std::function<void(const CheckedBudget&)>& on_ok,
               const std::function<bool()>& stop_requested = nullptr);

// Removes what an interrupted or crashed build can leave in OUT and OUT/<year>/: temp files of
// util/atomic_file (".<name>.tmp.<pid>.<n>") and staging directories
// (".budgetpress-staging.<pid>.<n>") that belong to this process or to a process that no longer
// exists. Returns how many were removed.
size_t remove_stale_temp_files(const std::filesystem::path& out_dir);

}  // namespace bp
