#pragma once

#include <string>
#include <system_error>
#include <vector>

namespace bp::cli {

struct Options {
  std::string config_dir;
  std::string site_dir;  // --site: the bureau's overlay (else $BUDGETPRESS_SITE)
  std::string theme;  // --theme NAME: every department's theme for this run
  std::vector<std::string> paths;
  std::string out_dir;
  std::string formats = "pdf";
  bool quiet = false;
  unsigned jobs = 0;          // build: -j, 0 = one per CPU
  bool force = false;         // build: rebuild unchanged departments; new-year: overwrite files
  std::string shard;          // build: "k/N", empty = all departments
  unsigned time_limit = 300;  // build: seconds per department, 0 = unlimited (docs/limits.md)
  unsigned max_memory = 0;    // build: MiB the process may write (RLIMIT_DATA), 0 = none
  std::string pdf_tags;       // build: "on" | "off" overrides the theme's pdf.tagged, "" = theme
  bool strict = false;        // check: warnings fail too (exit 1)
  std::string check_format = "text";  // check: text | json (stdout)
  std::string report;                 // check: --report FILE.html|.md
  std::string previous;               // check: --previous FILE|DIR (last year's files)
  bool skip_fonts = false;            // check: --no-fonts, skip the theme's font coverage
  const char* argv0 = nullptr;
};

// A thread that could not be started (std::system_error, most likely under --max-memory): one
// error line on stderr, 错误[E014] when the system ran out of threads or memory for their stacks.
void report_thread_error(const std::system_error& e);

int run_check(const Options& opt);
int run_build(const Options& opt);
// Next year's department files from this year's (docs/batch.md#new-year).
int run_new_year(const Options& opt);
// Builds, then rebuilds a department whenever its file is saved, until Ctrl-C
// (docs/batch.md#watch).
int run_watch(const Options& opt);

}  // namespace bp::cli
